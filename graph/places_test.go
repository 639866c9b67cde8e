package graph_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
)

// Chicago City Hall, the "near me" of these tests.
const cityHallLat, cityHallLng = 41.8837, -87.6325

// sphereKm is the great-circle distance by the spherical law of cosines, a
// formula independent of the server's haversine (same mean Earth radius).
func sphereKm(lat1, lng1, lat2, lng2 float64) float64 {
	r := math.Pi / 180
	c := math.Sin(lat1*r)*math.Sin(lat2*r) + math.Cos(lat1*r)*math.Cos(lat2*r)*math.Cos((lng2-lng1)*r)
	return 6371.0088 * math.Acos(math.Min(1, c))
}

type placeJSON struct {
	ID                  nodeid.ID
	Name                string
	Neighborhood        string
	Latitude, Longitude float64
	DistanceKm          *float64
	Services            []struct{ Name, Category string }
}

type placesJSON struct {
	Locations struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage, HasPreviousPage bool
			EndCursor                    *string
		}
		Edges []struct {
			Cursor string
			Node   placeJSON
		}
	}
}

func places(t *testing.T, s *graphtest.Server, args string, vars map[string]any) placesJSON {
	t.Helper()
	if !strings.Contains(args, "$after") {
		args = strings.TrimPrefix(args+", after: $after", ", ")
	}
	resp := s.Do(t, graphtest.Request{Variables: vars, Query: `query($after: Cursor) { locations(` + args + `) {
	  totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
	  edges { cursor node { id name neighborhood latitude longitude distanceKm services { name category } } } } }`})
	var got placesJSON
	resp.Decode(t, &got)
	return got
}

func (p placesJSON) neighborhoods() string {
	var out []string
	for _, e := range p.Locations.Edges {
		out = append(out, e.Node.Neighborhood)
	}
	return strings.Join(out, ",")
}

// TestLocationsNear is the acceptance case: near City Hall the demo
// locations come nearest first with the right kilometres, checked against a
// formula computed here; withinKm cuts the list at the radius.
func TestLocationsNear(t *testing.T) {
	s := graphtest.New(t)
	near := fmt.Sprintf("near: {latitude: %v, longitude: %v}", cityHallLat, cityHallLng)
	got := places(t, s, near, nil)
	if n := got.neighborhoods(); n != "Pilsen,Bronzeville,Uptown,Englewood" {
		t.Fatalf("order %s, want Pilsen,Bronzeville,Uptown,Englewood", n)
	}
	// Two known points, by hand: City Hall to the Pilsen office is 3.70 km,
	// to the Englewood office 11.57 km.
	for i, want := range map[int]float64{0: 3.70, 3: 11.57} {
		if d := *got.Locations.Edges[i].Node.DistanceKm; math.Abs(d-want) > 0.005 {
			t.Errorf("%s: %.4f km, want %.2f", got.Locations.Edges[i].Node.Neighborhood, d, want)
		}
	}
	for _, e := range got.Locations.Edges {
		n := e.Node
		want := sphereKm(cityHallLat, cityHallLng, n.Latitude, n.Longitude)
		if n.DistanceKm == nil || math.Abs(*n.DistanceKm-want) > 1e-6 {
			t.Errorf("%s: distanceKm %v, want %.6f", n.Neighborhood, n.DistanceKm, want)
		}
	}
	if got.Locations.TotalCount != 4 {
		t.Errorf("totalCount %d, want 4", got.Locations.TotalCount)
	}

	for _, tt := range []struct {
		name   string
		within float64
		want   string
	}{
		{"only Pilsen within 5 km", 5, "Pilsen"},
		{"Pilsen and Bronzeville within 7 km", 7, "Pilsen,Bronzeville"},
		{"just short of Englewood", 11.5, "Pilsen,Bronzeville,Uptown"},
		{"all within 12 km", 12, "Pilsen,Bronzeville,Uptown,Englewood"},
		{"none within 1 km", 1, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := places(t, s, fmt.Sprintf("%s, withinKm: %v", near, tt.within), nil)
			if n := got.neighborhoods(); n != tt.want {
				t.Errorf("got %q, want %q", n, tt.want)
			}
			if got.Locations.TotalCount != len(got.Locations.Edges) {
				t.Errorf("totalCount %d for %d edges", got.Locations.TotalCount, len(got.Locations.Edges))
			}
		})
	}

	// Without near: no distance, every place, in ID order.
	all := places(t, s, "", nil)
	if len(all.Locations.Edges) != 4 {
		t.Fatalf("%d locations without near, want 4", len(all.Locations.Edges))
	}
	var ids []nodeid.ID
	for _, e := range all.Locations.Edges {
		if e.Node.DistanceKm != nil {
			t.Errorf("%s: distanceKm %v without near", e.Node.Neighborhood, *e.Node.DistanceKm)
		}
		ids = append(ids, e.Node.ID)
	}
	if !slices.IsSorted(ids) {
		t.Errorf("without near the order is %v, want by ID", ids)
	}
}

// TestLocationsPages: pages of a near query follow the distance order.
func TestLocationsPages(t *testing.T) {
	s := graphtest.New(t)
	near := fmt.Sprintf("near: {latitude: %v, longitude: %v}", cityHallLat, cityHallLng)
	var seen []string
	var after any
	for page := 0; ; page++ {
		got := places(t, s, near+", first: 3, after: $after", map[string]any{"after": after})
		seen = append(seen, got.neighborhoods())
		if got.Locations.TotalCount != 4 {
			t.Errorf("page %d: totalCount %d, want 4", page, got.Locations.TotalCount)
		}
		if page > 0 && !got.Locations.PageInfo.HasPreviousPage {
			t.Errorf("page %d: hasPreviousPage false", page)
		}
		if !got.Locations.PageInfo.HasNextPage {
			break
		}
		after = *got.Locations.PageInfo.EndCursor
		if page > 3 {
			t.Fatal("pages never end")
		}
	}
	if got := strings.Join(seen, "|"); got != "Pilsen,Bronzeville,Uptown|Englewood" {
		t.Errorf("pages %s, want Pilsen,Bronzeville,Uptown|Englewood", got)
	}
	last := places(t, s, near+", last: 2", nil)
	if n := last.neighborhoods(); n != "Uptown,Englewood" || !last.Locations.PageInfo.HasPreviousPage {
		t.Errorf("last 2: %s (hasPreviousPage %v), want Uptown,Englewood", n, last.Locations.PageInfo.HasPreviousPage)
	}
}

// TestLocationFilters: each filter of locations, alone and with near.
func TestLocationFilters(t *testing.T) {
	s := graphtest.New(t)
	ctx := graphtest.System(context.Background())
	// Englewood loses its step-free access and its own hours (its services'
	// hours apply: the 24/7 advocacy line).
	if err := s.Client.Location.UpdateOneID(seed.ID("loc", "englewood")).SetAdaAccessible(false).ClearHours().Exec(ctx); err != nil {
		t.Fatal(err)
	}
	near := fmt.Sprintf("near: {latitude: %v, longitude: %v}", cityHallLat, cityHallLng)
	monday := time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)  // Monday 12:00 in Chicago
	saturday := time.Date(2026, 11, 29, 2, 0, 0, 0, time.UTC) // Saturday 20:00 in Chicago
	for _, tt := range []struct {
		name, args string
		now        time.Time
		want       string
	}{
		{"ADA accessible", near + ", adaAccessible: true", monday, "Pilsen,Bronzeville,Uptown"},
		{"not ADA accessible", near + ", adaAccessible: false", monday, "Englewood"},
		{"neighbourhood, any case", `neighborhood: "pILSEN"`, monday, "Pilsen"},
		{"unknown neighbourhood", `neighborhood: "Atlantis"`, monday, ""},
		{"legal support is at Bronzeville", near + ", serviceCategory: LEGAL_SUPPORT", monday, "Bronzeville"},
		{"counseling at Pilsen and Uptown", near + ", serviceCategory: COUNSELING", monday, "Pilsen,Uptown"},
		{"open on a Monday noon", near + ", openNow: true", monday, "Pilsen,Bronzeville,Englewood"},
		{"closed on a Monday noon", near + ", openNow: false", monday, "Uptown"},
		{"open on a Saturday night: only by its 24/7 service", near + ", openNow: true", saturday, "Englewood"},
		{"filters combine", near + `, withinKm: 7, serviceCategory: COUNSELING, adaAccessible: true`, monday, "Pilsen"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s.SetNow(tt.now)
			got := places(t, s, tt.args, nil)
			if n := got.neighborhoods(); n != tt.want {
				t.Errorf("got %q, want %q", n, tt.want)
			}
		})
	}

	// Location.services lists the active services delivered there.
	editorToken := s.Token(t, viewer.RoleEditor)
	editor := graphtest.Bearer(editorToken)
	mutate(t, s, editorToken, `mutation($id: ID!) { updateService(id: $id, input: {status: INACTIVE}) { status } }`,
		map[string]any{"id": seed.ID("svc", "counseling")}).Decode(t, &struct{}{})
	for _, header := range []map[string]string{nil, editor} {
		resp := s.Do(t, graphtest.Request{Header: header, Query: `{ locations(neighborhood: "Pilsen") { edges { node { services { category } } } } }`})
		var got struct {
			Locations struct {
				Edges []struct {
					Node struct{ Services []struct{ Category string } }
				}
			}
		}
		resp.Decode(t, &got)
		if s := got.Locations.Edges[0].Node.Services; len(s) != 1 || s[0].Category != "VICTIM_ADVOCACY" {
			t.Errorf("Pilsen's services %+v, want only the active VICTIM_ADVOCACY", s)
		}
	}
}

// TestLocationsBadInput: a point off the globe, a radius without a point or
// out of range, and a cursor of another ordering are BAD_USER_INPUT.
func TestLocationsBadInput(t *testing.T) {
	s := graphtest.New(t)
	for _, tt := range []struct{ name, args, field string }{
		{"latitude 91", `near: {latitude: 91, longitude: -87.6}`, "near.latitude"},
		{"longitude -181", `near: {latitude: 41.8, longitude: -181}`, "near.longitude"},
		{"radius without near", `withinKm: 5`, "withinKm"},
		{"negative radius", `near: {latitude: 41.8, longitude: -87.6}, withinKm: -1`, "withinKm"},
		{"zero radius", `near: {latitude: 41.8, longitude: -87.6}, withinKm: 0`, "withinKm"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp := s.Do(t, graphtest.Request{Query: `{ locations(` + tt.args + `) { totalCount } }`})
			if resp.ErrorCode() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, tt.field) {
				t.Errorf("got %+v, want BAD_USER_INPUT naming %s", resp.Errors, tt.field)
			}
		})
	}
	// A cursor of the ID ordering carries no distance.
	all := places(t, s, "first: 1", nil)
	resp := s.Do(t, graphtest.Request{Query: `query($a: Cursor) { locations(near: {latitude: 41.8, longitude: -87.6}, after: $a) { totalCount } }`,
		Variables: map[string]any{"a": all.Locations.Edges[0].Cursor}})
	if resp.ErrorCode() != "BAD_USER_INPUT" {
		t.Errorf("cursor of another ordering: %+v, want BAD_USER_INPUT", resp.Errors)
	}
}

// TestLocationsAcrossTheAntimeridian: the bounding box wraps around ±180°.
func TestLocationsAcrossTheAntimeridian(t *testing.T) {
	s := graphtest.New(t)
	editor := s.Token(t, viewer.RoleEditor)
	for _, lng := range []float64{179.95, -179.95} {
		mutate(t, s, editor, `mutation($lng: Float) { createLocation(input: {latitude: -16.5, longitude: $lng}) { id } }`,
			map[string]any{"lng": lng}).Decode(t, &struct{}{})
	}
	for _, lng := range []float64{179.99, -179.99} {
		got := places(t, s, fmt.Sprintf("near: {latitude: -16.5, longitude: %v}, withinKm: 20", lng), nil)
		if len(got.Locations.Edges) != 2 {
			t.Errorf("near %v: %d places, want the 2 on both sides of the antimeridian", lng, len(got.Locations.Edges))
		}
	}
}

// TestLocationsStatementCount: Location.services, distanceKm and the text
// cost the same number of statements for 4 places or 60.
func TestLocationsStatementCount(t *testing.T) {
	count := func(extra int) int64 {
		s := graphtest.New(t)
		s.SetNow(time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)) // Monday 12:00 in Chicago: Pilsen open, Uptown closed
		ctx := graphtest.System(context.Background())
		for i := range extra {
			l, err := s.Client.Location.Create().SetLatitude(41.8 + float64(i)/1000).SetLongitude(-87.6).Save(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Client.Service.UpdateOneID(seed.ID("svc", "counseling")).AddLocationIDs(l.ID).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
		s.Statements.Reset()
		resp := s.Do(t, graphtest.Request{Query: `{ locations(first: 100, near: {latitude: 41.88, longitude: -87.63}, openNow: true, serviceCategory: COUNSELING) {
		  totalCount edges { node { name distanceKm hours { summary } services { name openNow provider { name } } } } } }`})
		var got struct{ Locations struct{ TotalCount int } }
		resp.Decode(t, &got)
		if want := 1 + extra; got.Locations.TotalCount != want {
			t.Fatalf("totalCount %d, want %d", got.Locations.TotalCount, want)
		}
		return s.Statements.Count()
	}
	// Both sizes have places without their own hours, whose openness comes
	// from their services' hours.
	small, large := count(1), count(60)
	if small != large {
		t.Errorf("a page of 5 places costs %d statements, of 64 %d", small, large)
	}
	t.Logf("locations page: %d statements at both sizes", small)
}
