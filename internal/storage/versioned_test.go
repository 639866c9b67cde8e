package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/migrate/migrations"
	"victimservices/internal/seed"
	"victimservices/internal/storage"
)

// The versioned migrations are PostgreSQL's: these tests run when
// TEST_DATABASE_URL names a PostgreSQL server (CI runs the suite on both).
func throwaway(t *testing.T) (string, *ent.Client, *sql.DB) {
	t.Helper()
	admin := os.Getenv("TEST_DATABASE_URL")
	if !strings.HasPrefix(admin, "postgres") {
		t.Skip("versioned migrations are PostgreSQL's; set TEST_DATABASE_URL to a PostgreSQL server")
	}
	url, drop, err := storage.ThrowawayDatabase(context.Background(), admin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(drop)
	client, db, err := storage.Open(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return url, client, db
}

func files(t *testing.T) []string {
	t.Helper()
	dir, err := migrations.Dir()
	if err != nil {
		t.Fatal(err)
	}
	list, err := dir.Files()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range list {
		out = append(out, f.Name())
	}
	return out
}

// TestTheMigrationsReproduceTheSchema: the directory applied to an empty
// database is ent/schema plus the full-text indexes, exactly (the drift
// check; cmd/migration-diff -check is the same from the command line).
func TestTheMigrationsReproduceTheSchema(t *testing.T) {
	_, _, db := throwaway(t)
	dir, err := migrations.Dir()
	if err != nil {
		t.Fatal(err)
	}
	written, err := storage.DiffMigrations(context.Background(), db, dir, "drift")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range written {
		t.Errorf("the directory lacks %s:\n%s", f.Name(), f.Bytes())
	}
}

// TestMigrateUpOnAFreshDatabase: status lists every file pending, up
// applies them all, a second up finds nothing, and production refuses to
// start before.
func TestMigrateUpOnAFreshDatabase(t *testing.T) {
	url, client, db := throwaway(t)
	ctx := context.Background()
	err := storage.Migrate(ctx, client, db, url, true)
	if err == nil || !strings.Contains(err.Error(), "migrate up") {
		t.Fatalf("production start on an unmigrated database: %v, want a refusal that says to run migrate up", err)
	}
	st, err := storage.Migrations(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if want := files(t); strings.Join(st.Pending, ",") != strings.Join(want, ",") || len(st.Applied) != 0 || st.Adopt {
		t.Fatalf("status %+v, want every file pending: %v", st, want)
	}
	var dry strings.Builder
	if _, err := storage.MigrateUp(ctx, db, &dry); err != nil || !strings.Contains(dry.String(), `CREATE TABLE "case_files"`) {
		t.Fatalf("dry run: %v\n%s", err, dry.String())
	}
	if st, _ := storage.Migrations(ctx, db); len(st.Applied) != 0 {
		t.Fatalf("the dry run applied %v", st.Applied)
	}
	applied, err := storage.MigrateUp(ctx, db, nil)
	if err != nil || len(applied) != len(files(t)) {
		t.Fatalf("up applied %v (%v), want all %d", applied, err, len(files(t)))
	}
	if again, err := storage.MigrateUp(ctx, db, nil); err != nil || len(again) != 0 {
		t.Fatalf("a second up applied %v (%v)", again, err)
	}
	if err := storage.Migrate(ctx, client, db, url, true); err != nil {
		t.Fatalf("production start after up: %v", err)
	}
	if drift, err := storage.Drift(ctx, db); err != nil || drift != "" {
		t.Fatalf("drift after up (%v):\n%s", err, drift)
	}
}

// TestTwoReplicasMigrateAtOnce: the lock makes one apply everything and
// the other find nothing to do.
func TestTwoReplicasMigrateAtOnce(t *testing.T) {
	url, _, _ := throwaway(t)
	var wg sync.WaitGroup
	got := make([][]string, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client, db, err := storage.Open(url, nil)
			if err != nil {
				errs[i] = err
				return
			}
			defer client.Close()
			got[i], errs[i] = storage.MigrateUp(context.Background(), db, nil)
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("errors: %v, %v", errs[0], errs[1])
	}
	if n := len(files(t)); len(got[0])+len(got[1]) != n || (len(got[0]) != 0 && len(got[1]) != 0) {
		t.Fatalf("applied %v and %v, want all %d by one of them", got[0], got[1], n)
	}
}

// TestAnAutoMigratedDatabaseMovesOntoTheBaseline: a database made by the
// auto-migration of earlier releases, with the demo data, is adopted (the
// baseline recorded, nothing run for it) without losing a row, and ends
// exactly at the schema.
func TestAnAutoMigratedDatabaseMovesOntoTheBaseline(t *testing.T) {
	_, client, db := throwaway(t)
	ctx := context.Background()
	// The last auto-migrating release made the baseline's schema (CI's
	// drift check proved them equal then): its SQL, with no revision.
	dir, err := migrations.Dir()
	if err != nil {
		t.Fatal(err)
	}
	all, err := dir.Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range all {
		if f.Version() <= storage.AdoptedVersion {
			if _, err := db.ExecContext(ctx, string(f.Bytes())); err != nil {
				t.Fatalf("%s: %v", f.Name(), err)
			}
		}
	}
	// Its data: the demo data set, seeded on a current database and copied
	// into the old one column by column (the old schema has fewer).
	counts := copyDemoData(t, ctx, db)
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	services := counts["services"]
	if services == 0 {
		t.Fatalf("no services copied: %v", counts)
	}
	st, err := storage.Migrations(ctx, db)
	if err != nil || !st.Adopt {
		t.Fatalf("status %+v (%v), want an adoption", st, err)
	}
	if _, err := storage.MigrateUp(ctx, db, nil); err != nil {
		t.Fatal(err)
	}
	st, err = storage.Migrations(ctx, db)
	if err != nil || st.Adopt || len(st.Pending) != 0 || st.Applied[len(st.Applied)-1] < storage.AdoptedVersion {
		t.Fatalf("after up: %+v (%v)", st, err)
	}
	if n, err := client.Service.Query().Count(sys); err != nil || n != services {
		t.Errorf("%d services after the adoption (%v), want %d", n, err, services)
	}
	if drift, err := storage.Drift(ctx, db); err != nil || drift != "" {
		t.Fatalf("drift after the adoption (%v):\n%s", err, drift)
	}
	for table, n := range counts {
		var got int
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&got); err != nil || got != n {
			t.Errorf("%s: %d rows after the adoption (%v), want %d", table, got, err, n)
		}
	}
	// translation_review converted the flag: the demo translations stay
	// MACHINE, the English source (never flagged) is REVIEWED.
	for _, table := range []string{"service_translations", "organization_translations", "location_translations", "resource_translations"} {
		var wrong int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE review_status <> CASE WHEN locale = 'en' THEN 'REVIEWED' ELSE 'MACHINE' END`).Scan(&wrong); err != nil || wrong != 0 {
			t.Errorf("%s: %d rows with the wrong review status after the migration (%v)", table, wrong, err)
		}
	}
}

// copyDemoData seeds a current database and copies its rows into the
// tables of db (the columns db has), returning the rows per table.
func copyDemoData(t *testing.T, ctx context.Context, db *sql.DB) map[string]int {
	t.Helper()
	_, src, srcDB := throwaway(t)
	if _, err := storage.MigrateUp(ctx, srcDB, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.Load(ctx, src); err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Rows arrive in any order: no foreign-key triggers while copying.
	if _, err := conn.ExecContext(ctx, "SET session_replication_role = replica"); err != nil {
		t.Fatal(err)
	}
	columns := map[string][]string{}
	rows, err := conn.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name <> 'atlas_schema_revisions' ORDER BY table_name, ordinal_position`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		columns[table] = append(columns[table], `"`+col+`"`)
	}
	rows.Close()
	counts := map[string]int{}
	for table, cols := range columns {
		list := strings.Join(cols, ", ")
		marks := make([]string, len(cols))
		for i := range marks {
			marks[i] = fmt.Sprintf("$%d", i+1)
		}
		// A column later migrations replaced is read back from its
		// successor: machine_translated became review_status.
		read := list
		if strings.HasSuffix(table, "_translations") {
			read = strings.ReplaceAll(list, `"machine_translated"`, `("review_status" = 'MACHINE') AS "machine_translated"`)
		}
		in, err := srcDB.QueryContext(ctx, "SELECT "+read+" FROM "+table)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		for in.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := in.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			if _, err := conn.ExecContext(ctx, "INSERT INTO "+table+" ("+list+") VALUES ("+strings.Join(marks, ", ")+")", vals...); err != nil {
				t.Fatalf("%s: %v", table, err)
			}
			counts[table]++
		}
		in.Close()
	}
	return counts
}
