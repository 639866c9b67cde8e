package graph

import (
	"context"

	"victimservices/ent/schema/area"
	"victimservices/ent/schema/errcode"
	"victimservices/internal/directory"
)

// nearPoint is the near argument of the root locations field the field being
// resolved sits under, or nil: Location.distanceKm measures from it.
func nearPoint(ctx context.Context) *directory.Near {
	if root := rootField(ctx); root != nil && root.Field.Name == "locations" {
		if n, ok := root.Args["near"].(*directory.Near); ok {
			return n
		}
	}
	return nil
}

// coverageFrom converts service area inputs; nil leaves the areas as they are.
func coverageFrom(in []*area.Area) (*area.Coverage, error) {
	if in == nil {
		return nil, nil
	}
	list := make([]area.Area, 0, len(in))
	for _, a := range in {
		list = append(list, *a)
	}
	c, err := area.FromAreas(list)
	if err != nil {
		return nil, errcode.Field("serviceAreas")
	}
	return &c, nil
}
