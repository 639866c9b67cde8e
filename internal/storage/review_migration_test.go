package storage_test

import (
	"context"
	"path/filepath"
	"testing"

	"victimservices/internal/seed"
	"victimservices/internal/storage"
)

// TestEmbeddedDatabaseGetsReviewStatuses: an embedded database made before
// review statuses (a machine_translated flag, review_status at its default
// once auto-migration adds it) is converted at the next start as the
// PostgreSQL migration converts: flagged rows MACHINE, the rest REVIEWED;
// the flag goes, so a later start changes no review an editor recorded.
func TestEmbeddedDatabaseGetsReviewStatuses(t *testing.T) {
	ctx := context.Background()
	url := "file:" + filepath.Join(t.TempDir(), "old.db")
	client, db, err := storage.Open(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	if err := storage.AutoMigrate(ctx, client, url); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.Load(ctx, client); err != nil {
		t.Fatal(err)
	}
	tables := []string{"service_translations", "organization_translations", "location_translations", "resource_translations"}
	for _, table := range tables { // back to the old shape
		for _, stmt := range []string{
			`ALTER TABLE ` + table + ` ADD COLUMN machine_translated bool NOT NULL DEFAULT false`,
			`UPDATE ` + table + ` SET machine_translated = (locale <> 'en'), review_status = 'MACHINE'`,
		} {
			if _, err := db.ExecContext(ctx, stmt); err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
	}
	if err := storage.AutoMigrate(ctx, client, url); err != nil {
		t.Fatal(err)
	}
	// An editor's review after the conversion survives the next start.
	if _, err := db.ExecContext(ctx, `UPDATE service_translations SET review_status = 'APPROVED' WHERE locale = 'es'`); err != nil {
		t.Fatal(err)
	}
	if err := storage.AutoMigrate(ctx, client, url); err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		var wrong, total int
		err := db.QueryRowContext(ctx, `SELECT COUNT(*), SUM(review_status <> CASE WHEN locale = 'en' THEN 'REVIEWED'
			WHEN locale = 'es' AND '`+table+`' = 'service_translations' THEN 'APPROVED' ELSE 'MACHINE' END) FROM `+table).Scan(&total, &wrong)
		if err != nil || total == 0 || wrong != 0 {
			t.Errorf("%s: %d of %d rows with the wrong review status (%v)", table, wrong, total, err)
		}
		if _, err := db.ExecContext(ctx, `SELECT machine_translated FROM `+table); err == nil {
			t.Errorf("%s still has machine_translated", table)
		}
	}
}
