// Package storage opens the database named by a URL and migrates its schema:
// postgres://… through lib/pq, file:… through the pure-Go SQLite driver (the
// embedded default). The server, the tests and the load tool all open the
// database through here, so they run against the same configuration.
package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"  // registers "postgres"
	_ "modernc.org/sqlite" // registers "sqlite"

	"victimservices/ent"
	_ "victimservices/ent/runtime" // registers hooks and privacy policies
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
// requires them), WAL so readers do not block the writer, and a busy timeout.
func sqliteDSN(url string) string {
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)"
}

// Open connects to the database at url (without migrating it).
func Open(url string, opts ...ent.Option) (*ent.Client, *sql.DB, error) {
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
	opts = append([]ent.Option{ent.Driver(entsql.OpenDB(d, db))}, opts...)
	return ent.NewClient(opts...), db, nil
}

// Migrate creates or updates the schema (additive changes only).
func Migrate(ctx context.Context, client *ent.Client) error {
	return client.Schema.Create(ctx)
}
