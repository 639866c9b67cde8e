package storage

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"  // registers "postgres"
	_ "modernc.org/sqlite" // registers "sqlite"

	"victimservices/ent"
	_ "victimservices/ent/runtime" // registers hooks and privacy policies
	"victimservices/internal/audit"
)

// DefaultURL is the embedded database used when DATABASE_URL is unset.
const DefaultURL = "file:victim-services.db"

// Dialect returns the ent dialect of a database URL, or an error for a URL
// that is neither PostgreSQL nor a SQLite file.
func Dialect(url string) (string, error) {
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		return dialect.Postgres, nil
	case strings.HasPrefix(url, "file:"):
		return dialect.SQLite, nil
	}
	return "", fmt.Errorf("DATABASE_URL must start with postgres:// or file:")
}

// sqliteDSN adds the pragmas the embedded database needs: foreign keys (ent
// requires them), WAL so readers do not block the writer, a busy timeout, and
// BEGIN IMMEDIATE for transactions, so two transactions that read then write
// queue for the write lock instead of failing with "database is locked" when
// the second one tries to upgrade (optimistic concurrency then answers
// CONFLICT, as on PostgreSQL). Times are written as SQLite's own format
// ("2006-01-02 15:04:05.999999999-07:00"), in UTC (see sqlDriver), so SQL
// date functions read them and comparisons as text order them correctly.
func sqliteDSN(url string) string {
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_txlock=immediate&_time_format=sqlite"
}

// Open connects to the database at url (without migrating it) and installs
// the interceptors and hooks every client needs. A non-nil counter counts
// every statement the client sends.
func Open(url string, counter *StatementCounter) (*ent.Client, *sql.DB, error) {
	d, err := Dialect(url)
	if err != nil {
		return nil, nil, err
	}
	var db *sql.DB
	switch d {
	case dialect.Postgres:
		db, err = sql.Open("postgres", url)
		if err == nil {
			db.SetMaxOpenConns(20)
			db.SetMaxIdleConns(10)
			db.SetConnMaxIdleTime(5 * time.Minute)
		}
	case dialect.SQLite:
		db, err = sql.Open("sqlite", sqliteDSN(url))
		if err == nil {
			db.SetMaxOpenConns(8)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	var drv dialect.Driver = sqlDriver{Driver: entsql.OpenDB(d, db), utc: d == dialect.SQLite}
	if counter != nil {
		drv = counter.Wrap(drv)
	}
	client := ent.NewClient(ent.Driver(drv))
	client.Intercept(textInterceptor())
	client.CaseFile.Intercept(audit.ReadInterceptor(client))
	client.Use(syncHook(), publicChangeHook(client), caseChangeHook(client))
	client.CaseFile.Intercept(countInterceptor(client, caseCounts))
	counts := countInterceptor(client, publicCounts)
	client.Service.Intercept(counts)
	client.Organization.Intercept(counts)
	client.Location.Intercept(counts)
	client.Resource.Intercept(counts)
	return client, db, nil
}

// Migrate brings the database to the schema. SQLite (the embedded
// default) migrates itself with ent's auto-migration, in every mode.
// PostgreSQL takes the versioned migrations (MigrateUp): applied here
// outside production; in production pending ones are an error that says
// to run the migrate subcommand, so no replica changes the schema as it
// starts.
func Migrate(ctx context.Context, client *ent.Client, db *sql.DB, url string, production bool) error {
	if d, _ := Dialect(url); d != dialect.Postgres {
		return AutoMigrate(ctx, client, url)
	}
	if production {
		st, err := Migrations(ctx, db)
		if err != nil {
			return err
		}
		if len(st.Pending) > 0 {
			return fmt.Errorf("the database needs %d migration(s) (%s): run the migrate subcommand (migrate up) with this DATABASE_URL, then start again", len(st.Pending), strings.Join(st.Pending, ", "))
		}
		return nil
	}
	_, err := MigrateUp(ctx, db, nil)
	return err
}

// AutoMigrate is ent's auto-migration (and, on PostgreSQL, the full-text
// indexes): how SQLite migrates, and how releases before the versioned
// migrations migrated PostgreSQL.
func AutoMigrate(ctx context.Context, client *ent.Client, url string) error {
	if err := client.Schema.Create(ctx); err != nil {
		return err
	}
	d, _ := Dialect(url)
	if d != dialect.Postgres {
		return convertMachineFlag(ctx, client)
	}
	for _, ix := range FullTextIndexes() {
		if _, err := client.ExecContext(ctx, ix.SQL); err != nil {
			return fmt.Errorf("%s: %w", ix.Name, err)
		}
	}
	return nil
}

// translationTables are the tables of TranslationMixin.
var translationTables = []string{"location_translations", "organization_translations", "resource_translations", "service_translations"}

// convertMachineFlag gives the rows of an embedded database that predates
// review statuses theirs, as the PostgreSQL migration translation_review
// does (a machine's text MACHINE, the rest REVIEWED), and drops the old
// column, so it runs once: on a database without the column (new, or
// converted before) the UPDATE finds no such column and nothing changes.
func convertMachineFlag(ctx context.Context, client *ent.Client) error {
	for _, t := range translationTables {
		_, err := client.ExecContext(ctx, `UPDATE `+t+` SET review_status = CASE WHEN machine_translated THEN 'MACHINE' ELSE 'REVIEWED' END`)
		if err != nil && strings.Contains(err.Error(), "no such column") {
			continue
		}
		if err == nil {
			_, err = client.ExecContext(ctx, `ALTER TABLE `+t+` DROP COLUMN machine_translated`)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	return nil
}

// StatementCounter counts the SQL statements sent through a client opened
// with its Option: the query-count tests and the load tool use it to show
// that a page costs the same number of statements whatever its size.
type StatementCounter struct{ n atomic.Int64 }

// Count returns the statements counted so far.
func (c *StatementCounter) Count() int64 { return c.n.Load() }

// Reset sets the count back to zero.
func (c *StatementCounter) Reset() { c.n.Store(0) }

// Wrap returns drv counting every Exec and Query, inside transactions too.
func (c *StatementCounter) Wrap(drv dialect.Driver) dialect.Driver {
	return countingDriver{Driver: drv, c: c}
}

type countingDriver struct {
	dialect.Driver
	c *StatementCounter
}

func (d countingDriver) Exec(ctx context.Context, query string, args, v any) error {
	d.c.n.Add(1)
	return d.Driver.Exec(ctx, query, args, v)
}

func (d countingDriver) Query(ctx context.Context, query string, args, v any) error {
	d.c.n.Add(1)
	return d.Driver.Query(ctx, query, args, v)
}

func (d countingDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	return countingTx{Tx: tx, c: d.c}, err
}

// BeginTx is what ent uses for transactions with options.
func (d countingDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	b, ok := d.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	})
	if !ok {
		return d.Tx(ctx)
	}
	tx, err := b.BeginTx(ctx, opts)
	return countingTx{Tx: tx, c: d.c}, err
}

type countingTx struct {
	dialect.Tx
	c *StatementCounter
}

// Unwrap returns the transaction counted (see SQLTx).
func (t countingTx) Unwrap() dialect.Tx { return t.Tx }

func (t countingTx) Exec(ctx context.Context, query string, args, v any) error {
	t.c.n.Add(1)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t countingTx) Query(ctx context.Context, query string, args, v any) error {
	t.c.n.Add(1)
	return t.Tx.Query(ctx, query, args, v)
}

// sqlDriver is the driver every client Open makes uses: on SQLite it stores
// every time argument in UTC (SQLite keeps times as text, and text compares
// correctly only when every value has the same offset); on both it counts
// rows with COUNT(*) where ent writes COUNT("t"."id") over t itself (the
// same number, since an id is never null, but a count PostgreSQL can answer
// from any index with an index-only scan, where counting the id column
// reads the table or the primary key).
type sqlDriver struct {
	dialect.Driver
	utc bool
}

// idCount is ent's count of a table's ids over that table.
var idCount = regexp.MustCompile("^SELECT COUNT\\(([`\"])(\\w+)[`\"]\\.[`\"]id[`\"]\\) FROM [`\"](\\w+)[`\"]")

// rewrite is the statement and arguments as sent to the database.
func rewrite(utc bool, query string, args any) (string, any) {
	if m := idCount.FindStringSubmatchIndex(query); m != nil && query[m[4]:m[5]] == query[m[6]:m[7]] {
		query = "SELECT COUNT(*) FROM " + query[m[6]-1:]
	}
	if utc {
		args = utcArgs(args)
	}
	return query, args
}

func utcArgs(args any) any {
	list, ok := args.([]any)
	if !ok {
		return args
	}
	for i, a := range list {
		switch t := a.(type) {
		case time.Time:
			list[i] = t.UTC()
		case *time.Time:
			if t != nil {
				u := t.UTC()
				list[i] = &u
			}
		}
	}
	return list
}

func (d sqlDriver) Exec(ctx context.Context, query string, args, v any) error {
	query, args = rewrite(d.utc, query, args)
	return d.Driver.Exec(ctx, query, args, v)
}

func (d sqlDriver) Query(ctx context.Context, query string, args, v any) error {
	query, args = rewrite(d.utc, query, args)
	return d.Driver.Query(ctx, query, args, v)
}

func (d sqlDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	return sqlTx{tx, d.utc}, err
}

// BeginTx is what ent uses for transactions with options.
func (d sqlDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	tx, err := d.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	}).BeginTx(ctx, opts)
	return sqlTx{tx, d.utc}, err
}

type sqlTx struct {
	dialect.Tx
	utc bool
}

// Unwrap returns the transaction under the UTC conversion (see SQLTx).
func (t sqlTx) Unwrap() dialect.Tx { return t.Tx }

func (t sqlTx) Exec(ctx context.Context, query string, args, v any) error {
	query, args = rewrite(t.utc, query, args)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t sqlTx) Query(ctx context.Context, query string, args, v any) error {
	query, args = rewrite(t.utc, query, args)
	return t.Tx.Query(ctx, query, args, v)
}

// execer is what ent's ExecContext needs of a driver or transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func execContext(d any, ctx context.Context, query string, args ...any) (sql.Result, error) {
	ex, ok := d.(execer)
	if !ok {
		return nil, fmt.Errorf("storage: %T cannot ExecContext", d)
	}
	return ex.ExecContext(ctx, query, args...)
}

// ExecContext passes raw statements through (NOTIFY, for one).
func (d countingDriver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	d.c.n.Add(1)
	return execContext(d.Driver, ctx, query, args...)
}

// ExecContext passes raw statements through.
func (t countingTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	t.c.n.Add(1)
	return execContext(t.Tx, ctx, query, args...)
}

// ExecContext passes raw statements through.
func (d sqlDriver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return execContext(d.Driver, ctx, query, args...)
}

// ExecContext passes raw statements through.
func (t sqlTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return execContext(t.Tx, ctx, query, args...)
}

// WithStatementTimeout adds PostgreSQL's statement_timeout to a postgres://
// URL that does not set one (lib/pq sends unknown parameters as run-time
// settings); other URLs are returned as they are.
func WithStatementTimeout(url string, d time.Duration) string {
	if d <= 0 || !strings.HasPrefix(url, "postgres") || strings.Contains(url, "statement_timeout=") {
		return url
	}
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "statement_timeout=" + strconv.FormatInt(d.Milliseconds(), 10)
}

// SQLTx returns the database/sql transaction under an ent transaction, for
// a library that must write in it (the job queue).
func SQLTx(tx *ent.Tx) (*sql.Tx, error) {
	d := tx.DialectTx()
	for {
		switch t := d.(type) {
		case interface{ Unwrap() dialect.Tx }:
			d = t.Unwrap()
		case *entsql.Tx:
			if st, ok := t.Tx.(*sql.Tx); ok {
				return st, nil
			}
			return nil, fmt.Errorf("storage: %T is not a database/sql transaction", t.Tx)
		default:
			return nil, fmt.Errorf("storage: cannot unwrap transaction %T", d)
		}
	}
}
