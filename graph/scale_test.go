package graph_test

import (
	"context"
	"testing"
	"time"

	"victimservices/ent/service"
	"victimservices/graph/graphtest"
	dir "victimservices/internal/directory"
	"victimservices/internal/seed"
)

// TestScaleDataHasTheSlugsOfItsNames: the load tool's generated directory
// carries the slugs saving its English names would give, so deep links
// work on it and a server starting on it has no slugs to backfill.
func TestScaleDataHasTheSlugsOfItsNames(t *testing.T) {
	s := graphtest.New(t)
	ctx := context.Background()
	if err := seed.LoadScale(ctx, s.Client, seed.Scale{Partners: 3, Services: 5}, "x", "", time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Client.Service.Query().Where(service.SlugIsNil()).Count(graphtest.System(ctx)); err != nil || n != 0 {
		t.Fatalf("%d generated services without a slug (%v)", n, err)
	}
	var got struct {
		Service struct {
			Name     string
			Provider struct{ Name, Slug string }
		}
	}
	s.Do(t, graphtest.Request{Query: `{ service(slug: "community-service-4-en") { name provider { name slug } } }`}).Decode(t, &got)
	if got.Service.Name != "Community service 4 (en)" || got.Service.Provider.Slug != "partner-organization-1-en" {
		t.Errorf("got %+v", got.Service)
	}
	before, _ := s.Client.Service.Query().Where(service.SlugEQ("community-service-4-en")).Only(graphtest.System(ctx))
	if err := dir.BackfillSlugs(ctx, s.Client); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Client.Service.Query().Where(service.IDEQ(before.ID)).Only(graphtest.System(ctx))
	if !after.UpdatedAt.Equal(before.UpdatedAt) {
		t.Errorf("the backfill rewrote a generated service (updatedAt %v → %v)", before.UpdatedAt, after.UpdatedAt)
	}
}
