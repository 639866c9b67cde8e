// Command migration-diff writes the next versioned migration of the
// PostgreSQL schema (ent/migrate/migrations): it replays the directory on a
// throwaway database, diffs it with ent/schema and the full-text indexes,
// and writes what is missing as a new file with its atlas.sum. With -check
// it writes nothing and fails when the directory does not reproduce them
// exactly (CI's drift check). It needs a PostgreSQL server to create the
// throwaway database on (DEV_DATABASE_URL, or -dev-url).
//
//	go run ./cmd/migration-diff -name add_service_areas
//	go run ./cmd/migration-diff -check
//	go run ./cmd/migration-diff -rehash   # after editing a file by hand
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"time"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"

	"victimservices/internal/storage"
)

const dirPath = "ent/migrate/migrations"

func main() {
	name := flag.String("name", "", "name of the new migration (e.g. add_service_areas)")
	check := flag.Bool("check", false, "write nothing; fail when the directory does not reproduce the schema")
	rehash := flag.Bool("rehash", false, "recompute atlas.sum after a file was edited by hand")
	devURL := flag.String("dev-url", envOr("DEV_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"),
		"PostgreSQL server to create the throwaway database on (DEV_DATABASE_URL)")
	flag.Parse()
	if err := run(*name, *check, *rehash, *devURL); err != nil {
		fmt.Fprintln(os.Stderr, "migration-diff:", err)
		os.Exit(1)
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func run(name string, check, rehash bool, devURL string) error {
	local, err := migrate.NewLocalDir(dirPath)
	if err != nil {
		return err
	}
	if rehash {
		sum, err := local.Checksum()
		if err != nil {
			return err
		}
		return migrate.WriteSumFile(local, sum)
	}
	if name == "" && !check {
		return fmt.Errorf("give -name for the new migration, or -check")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	url, drop, err := storage.ThrowawayDatabase(ctx, devURL)
	if err != nil {
		return err
	}
	defer drop()
	db, err := sql.Open(dialect.Postgres, url)
	if err != nil {
		return err
	}
	defer db.Close()
	var dir migrate.Dir = local
	if check {
		if dir, err = storage.CopyDir(local); err != nil {
			return err
		}
		name = "drift"
	}
	written, err := storage.DiffMigrations(ctx, db, dir, name)
	if err != nil {
		return err
	}
	if len(written) == 0 {
		fmt.Println("the migration directory reproduces the ent schema and the full-text indexes")
		return nil
	}
	if check {
		for _, f := range written {
			fmt.Fprintf(os.Stderr, "-- %s\n%s\n", f.Name(), f.Bytes())
		}
		return fmt.Errorf("the migration directory does not reproduce the schema: run go run ./cmd/migration-diff -name <what changed>")
	}
	for _, f := range written {
		fmt.Println("wrote", dirPath+"/"+f.Name())
	}
	return nil
}
