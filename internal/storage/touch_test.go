package storage_test

import (
	"context"
	"testing"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/schema/hours"
	"victimservices/ent/service"
	"victimservices/internal/storage"
)

// TestTextsTouchTheirOwnerOncePerTransaction: texts written in a
// transaction move their service's updated_at once, as it commits (one
// statement for the table, however many texts), and a rolled-back
// transaction moves nothing.
func TestTextsTouchTheirOwnerOncePerTransaction(t *testing.T) {
	counter := &storage.StatementCounter{}
	client, _, err := storage.Open("file:"+t.TempDir()+"/touch.db", counter)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ctx := privacy.DecisionContext(context.Background(), privacy.Allow)
	if err := client.Schema.Create(ctx); err != nil {
		t.Fatal(err)
	}
	a := client.Service.Create().SetCategory(service.CategorySHELTER).SetHours(hours.Schedule{TimeZone: "America/Chicago", AlwaysOpen: true}).SaveX(ctx)
	b := client.Service.Create().SetCategory(service.CategoryCOUNSELING).SetHours(hours.Schedule{TimeZone: "America/Chicago", AlwaysOpen: true}).SaveX(ctx)
	time.Sleep(5 * time.Millisecond)

	write := func(commit bool) {
		tx, err := client.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var texts []*ent.ServiceTranslationCreate
		for _, s := range []*ent.Service{a, b} {
			for _, l := range []string{"en", "es", "pl"} {
				texts = append(texts, tx.Client().ServiceTranslation.Create().SetServiceID(s.ID).SetLocale(l).SetName("x"))
			}
		}
		counter.Reset()
		tx.Client().ServiceTranslation.CreateBulk(texts...).ExecX(ctx)
		if n := counter.Count(); n != 1 {
			t.Errorf("%d statements for the texts before the commit, want 1 (the insert)", n)
		}
		if !commit {
			_ = tx.Rollback()
			return
		}
		counter.Reset()
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if n := counter.Count(); n != 1 {
			t.Errorf("%d statements at the commit, want 1 (touching both services)", n)
		}
	}
	write(false)
	for _, s := range []*ent.Service{a, b} {
		if got := client.Service.GetX(ctx, s.ID).UpdatedAt; !got.Equal(s.UpdatedAt) {
			t.Errorf("a rolled-back write moved updatedAt of %s", s.ID)
		}
	}
	write(true)
	for _, s := range []*ent.Service{a, b} {
		if got := client.Service.GetX(ctx, s.ID).UpdatedAt; !got.After(s.UpdatedAt) {
			t.Errorf("updatedAt of %s did not move with its texts: %v, was %v", s.ID, got, s.UpdatedAt)
		}
	}
}
