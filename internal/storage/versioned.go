package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	neturl "net/url"
	"strings"
	"time"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/postgres"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	entmigrate "victimservices/ent/migrate"
	"victimservices/ent/migrate/migrations"
)

// Versioned migrations of PostgreSQL. The directory (package
// ent/migrate/migrations, written by cmd/migration-diff and reviewed) is
// applied by Atlas's executor in ONE transaction under an advisory lock:
// two replicas starting at once apply it once, the second waits and finds
// nothing pending, and a failing file leaves the database as it was.
// Applied files are recorded in atlas_schema_revisions.
//
// A database made by the auto-migration of earlier releases (its tables
// exist, no revisions) is adopted: the baseline (AdoptedVersion) is
// recorded as applied without running it, and what follows it runs.

// AdoptedVersion is the last migration whose schema the auto-migrating
// releases made: an auto-migrated database is at this version.
const AdoptedVersion = "20261202164207"

const (
	revisionsTable = "atlas_schema_revisions"
	migrateLockKey = 7268710312 // pg_advisory_xact_lock key of the migrations
)

// MigrationStatus is where a PostgreSQL database stands.
type MigrationStatus struct {
	// Applied are the applied versions, oldest first.
	Applied []string
	// Pending are the files still to apply, in order.
	Pending []string
	// Adopt is true for a database made by the auto-migration, to be moved
	// onto the versioned baseline.
	Adopt bool
}

// Migrations returns the status of the database of db.
func Migrations(ctx context.Context, db *sql.DB) (*MigrationStatus, error) {
	st := &MigrationStatus{}
	dir, err := migrations.Dir()
	if err != nil {
		return nil, err
	}
	err = withMigrations(ctx, db, dir, func(ctx context.Context, tx *sql.Tx, ex *migrate.Executor, revs *revisions, adopt bool) error {
		st.Adopt = adopt
		list, err := revs.ReadRevisions(ctx)
		if err != nil {
			return err
		}
		for _, r := range list {
			st.Applied = append(st.Applied, r.Version)
		}
		pending, err := ex.Pending(ctx)
		if errors.Is(err, migrate.ErrNoPendingFiles) {
			return nil
		}
		for _, f := range pending {
			st.Pending = append(st.Pending, f.Name())
		}
		return err
	}, false)
	return st, err
}

// MigrateUp applies the pending migrations, all or none. With dryRun it
// writes their SQL to dryRun instead and changes nothing.
func MigrateUp(ctx context.Context, db *sql.DB, dryRun io.Writer) (applied []string, err error) {
	dir, err := migrations.Dir()
	if err != nil {
		return nil, err
	}
	err = withMigrations(ctx, db, dir, func(ctx context.Context, tx *sql.Tx, ex *migrate.Executor, _ *revisions, adopt bool) error {
		pending, err := ex.Pending(ctx)
		if errors.Is(err, migrate.ErrNoPendingFiles) {
			return nil
		}
		if err != nil {
			return err
		}
		if dryRun != nil {
			if adopt {
				fmt.Fprintf(dryRun, "-- adopt the auto-migrated database: record %s as applied\n", AdoptedVersion)
			}
			for _, f := range pending {
				fmt.Fprintf(dryRun, "-- %s\n%s\n", f.Name(), strings.TrimSpace(string(f.Bytes())))
			}
			return nil
		}
		for _, f := range pending {
			if err := ex.Execute(ctx, f); err != nil {
				return err
			}
			applied = append(applied, f.Name())
		}
		return nil
	}, dryRun == nil)
	return applied, err
}

// withMigrations runs fn in a transaction holding the migrations' lock,
// with an executor over the migration directory; commit says whether to
// commit (else everything is rolled back, the baseline record of an
// adoption included).
func withMigrations(ctx context.Context, db *sql.DB, dir migrate.Dir, fn func(context.Context, *sql.Tx, *migrate.Executor, *revisions, bool) error, commit bool) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", migrateLockKey); err != nil {
		return err
	}
	revs := &revisions{tx: tx}
	if err := revs.create(ctx); err != nil {
		return err
	}
	drv, err := postgres.Open(tx)
	if err != nil {
		return err
	}
	adopt, err := revs.autoMigrated(ctx)
	if err != nil {
		return err
	}
	var opts []migrate.ExecutorOption
	if adopt {
		opts = append(opts, migrate.WithBaselineVersion(AdoptedVersion))
	}
	ex, err := migrate.NewExecutor(drv, dir, revs, opts...)
	if err != nil {
		return err
	}
	if err := fn(ctx, tx, ex, revs, adopt); err != nil {
		return err
	}
	if !commit {
		return nil
	}
	return tx.Commit()
}

// revisions keeps Atlas's revisions in a table of this database, inside
// the migrations' transaction.
type revisions struct{ tx *sql.Tx }

var _ migrate.RevisionReadWriter = (*revisions)(nil)

func (r *revisions) Ident() *migrate.TableIdent {
	return &migrate.TableIdent{Name: revisionsTable, Schema: "public"}
}

func (r *revisions) create(ctx context.Context) error {
	_, err := r.tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS public.`+revisionsTable+` (
	version text PRIMARY KEY,
	description text NOT NULL,
	type bigint NOT NULL,
	applied bigint NOT NULL,
	total bigint NOT NULL,
	executed_at timestamptz NOT NULL,
	execution_time bigint NOT NULL,
	error text NOT NULL DEFAULT '',
	error_stmt text NOT NULL DEFAULT '',
	hash text NOT NULL,
	partial_hashes text NOT NULL DEFAULT '[]',
	operator_version text NOT NULL DEFAULT ''
)`)
	return err
}

// autoMigrated reports a database the auto-migration made: tables of the
// schema exist and no revision is recorded.
func (r *revisions) autoMigrated(ctx context.Context) (bool, error) {
	var n int
	if err := r.tx.QueryRowContext(ctx, `SELECT count(*) FROM `+revisionsTable).Scan(&n); err != nil || n > 0 {
		return false, err
	}
	var exists bool
	err := r.tx.QueryRowContext(ctx, `SELECT to_regclass('public.case_files') IS NOT NULL`).Scan(&exists)
	return exists, err
}

const revisionColumns = `version, description, type, applied, total, executed_at, execution_time, error, error_stmt, hash, partial_hashes, operator_version`

func (r *revisions) ReadRevisions(ctx context.Context) ([]*migrate.Revision, error) {
	rows, err := r.tx.QueryContext(ctx, `SELECT `+revisionColumns+` FROM `+revisionsTable+` ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*migrate.Revision
	for rows.Next() {
		rev, err := scanRevision(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, rev)
	}
	return out, rows.Err()
}

func (r *revisions) ReadRevision(ctx context.Context, v string) (*migrate.Revision, error) {
	rev, err := scanRevision(r.tx.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM `+revisionsTable+` WHERE version = $1`, v))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, migrate.ErrRevisionNotExist
	}
	return rev, err
}

func (r *revisions) WriteRevision(ctx context.Context, rev *migrate.Revision) error {
	partial, err := json.Marshal(rev.PartialHashes)
	if err != nil {
		return err
	}
	_, err = r.tx.ExecContext(ctx, `INSERT INTO `+revisionsTable+` (`+revisionColumns+`)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (version) DO UPDATE SET description = EXCLUDED.description, type = EXCLUDED.type, applied = EXCLUDED.applied,
	total = EXCLUDED.total, executed_at = EXCLUDED.executed_at, execution_time = EXCLUDED.execution_time, error = EXCLUDED.error,
	error_stmt = EXCLUDED.error_stmt, hash = EXCLUDED.hash, partial_hashes = EXCLUDED.partial_hashes, operator_version = EXCLUDED.operator_version`,
		rev.Version, rev.Description, int64(rev.Type), rev.Applied, rev.Total, rev.ExecutedAt, int64(rev.ExecutionTime),
		rev.Error, rev.ErrorStmt, rev.Hash, string(partial), rev.OperatorVersion)
	return err
}

func (r *revisions) DeleteRevision(ctx context.Context, v string) error {
	_, err := r.tx.ExecContext(ctx, `DELETE FROM `+revisionsTable+` WHERE version = $1`, v)
	return err
}

func scanRevision(row interface{ Scan(...any) error }) (*migrate.Revision, error) {
	var (
		rev      migrate.Revision
		typ, dur int64
		partial  string
	)
	if err := row.Scan(&rev.Version, &rev.Description, &typ, &rev.Applied, &rev.Total, &rev.ExecutedAt, &dur,
		&rev.Error, &rev.ErrorStmt, &rev.Hash, &partial, &rev.OperatorVersion); err != nil {
		return nil, err
	}
	rev.Type, rev.ExecutionTime = migrate.RevisionType(typ), time.Duration(dur)
	if err := json.Unmarshal([]byte(partial), &rev.PartialHashes); err != nil {
		return nil, err
	}
	return &rev, nil
}

// DiffMigrations applies dir to db (an empty throwaway database) as the
// server would, then writes to dir, named name, what ent/schema and
// FullTextIndexes add to it; it returns the files written (none: the
// directory reproduces the schema).
func DiffMigrations(ctx context.Context, db *sql.DB, dir migrate.Dir, name string) ([]migrate.File, error) {
	before, err := dir.Files()
	if err != nil {
		return nil, err
	}
	if err := applyDir(ctx, db, dir); err != nil {
		return nil, fmt.Errorf("apply the directory: %w", err)
	}
	if err := diffInto(ctx, db, dir, name); err != nil {
		return nil, err
	}
	after, err := dir.Files()
	if err != nil {
		return nil, err
	}
	return after[len(before):], nil
}

// Drift returns the SQL that would bring the database of db to ent/schema
// and its full-text indexes: empty when it is there.
func Drift(ctx context.Context, db *sql.DB) (string, error) {
	embedded, err := migrations.Dir()
	if err != nil {
		return "", err
	}
	dir, err := CopyDir(embedded)
	if err != nil {
		return "", err
	}
	before, err := dir.Files()
	if err != nil {
		return "", err
	}
	if err := diffInto(ctx, db, dir, "drift"); err != nil {
		return "", err
	}
	after, err := dir.Files()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, f := range after[len(before):] {
		b.Write(f.Bytes())
	}
	return b.String(), nil
}

// diffInto writes to dir what the database of db lacks of ent/schema and
// FullTextIndexes.
func diffInto(ctx context.Context, db *sql.DB, dir migrate.Dir, name string) error {
	m, err := schema.NewMigrate(entsql.OpenDB(dialect.Postgres, db), schema.WithDir(dir), schema.WithDialect(dialect.Postgres),
		schema.WithMigrationMode(schema.ModeInspect), schema.WithFormatter(migrate.DefaultFormatter))
	if err != nil {
		return err
	}
	if err := m.NamedDiff(ctx, name, entmigrate.Tables...); err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	have := map[string]bool{}
	rows, err := db.QueryContext(ctx, `SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		have[n] = true
	}
	rows.Close()
	var missing []string
	for _, ix := range FullTextIndexes() {
		if !have[ix.Name] {
			missing = append(missing, ix.SQL+";")
		}
	}
	if len(missing) > 0 {
		// After the ent file of the same diff, which names itself by the second.
		version := time.Now().UTC().Add(time.Second).Format("20060102150405")
		if err := dir.WriteFile(version+"_"+name+"_fulltext.sql", []byte("-- Full-text indexes (internal/storage.FullTextIndexes).\n"+strings.Join(missing, "\n")+"\n")); err != nil {
			return err
		}
		sum, err := dir.Checksum()
		if err != nil {
			return err
		}
		if err := migrate.WriteSumFile(dir, sum); err != nil {
			return err
		}
	}
	return nil
}

// applyDir applies every file of dir to the database of db.
func applyDir(ctx context.Context, db *sql.DB, dir migrate.Dir) error {
	return withMigrations(ctx, db, dir, func(ctx context.Context, _ *sql.Tx, ex *migrate.Executor, _ *revisions, _ bool) error {
		if err := ex.ExecuteN(ctx, 0); err != nil && !errors.Is(err, migrate.ErrNoPendingFiles) {
			return err
		}
		return nil
	}, true)
}

// CopyDir copies a migration directory into memory (to diff without
// writing).
func CopyDir(dir migrate.Dir) (migrate.Dir, error) {
	mem := &migrate.MemDir{}
	files, err := dir.Files()
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := mem.WriteFile(f.Name(), f.Bytes()); err != nil {
			return nil, err
		}
	}
	if sum, err := dir.Open(migrate.HashFileName); err == nil {
		b, err := io.ReadAll(sum)
		sum.Close()
		if err != nil {
			return nil, err
		}
		if err := mem.WriteFile(migrate.HashFileName, b); err != nil {
			return nil, err
		}
	}
	return mem, nil
}

// ThrowawayDatabase creates an empty database on the PostgreSQL server of
// adminURL and returns its URL and a function that drops it.
func ThrowawayDatabase(ctx context.Context, adminURL string) (string, func(), error) {
	admin, err := sql.Open(dialect.Postgres, adminURL)
	if err != nil {
		return "", nil, err
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "vs_throwaway_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create a throwaway database: %w", err)
	}
	u, err := neturl.Parse(adminURL)
	if err != nil {
		admin.Close()
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), func() {
		_, _ = admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	}, nil
}
