// Package migrations holds the versioned migrations of the PostgreSQL
// schema: Atlas-format SQL files with their integrity file (atlas.sum),
// generated from ent/schema by cmd/migration-diff and reviewed like code.
// internal/storage applies them (the migrate subcommand, and the server
// outside production); SQLite keeps ent's auto-migration.
package migrations

import (
	"embed"
	"io/fs"
	"strings"

	"ariga.io/atlas/sql/migrate"
)

//go:embed *
var files embed.FS

// Dir returns the migration directory.
func Dir() (migrate.Dir, error) {
	mem := &migrate.MemDir{}
	names, err := fs.Glob(files, "*")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if strings.HasSuffix(name, ".go") {
			continue
		}
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := mem.WriteFile(name, b); err != nil {
			return nil, err
		}
	}
	return mem, nil
}
