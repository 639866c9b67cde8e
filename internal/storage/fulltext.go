package storage

import (
	"strings"

	"victimservices/ent/schema/searchtext"
	"victimservices/locales"
)

// Index is one index the ent schema cannot declare.
type Index struct{ Name, SQL string }

// FullTextIndexes are PostgreSQL's full-text indexes: one GIN index per
// translated table and locale, over the search text in the locale's text
// search configuration. On PostgreSQL the versioned migrations create them
// (cmd/migration-diff writes the missing ones); SQLite searches its own way.
func FullTextIndexes() []Index {
	var out []Index
	for _, table := range []string{"service_translations", "organization_translations", "resource_translations"} {
		for _, l := range locales.Supported {
			name := table + "_fts_" + strings.ToLower(strings.ReplaceAll(l.Code, "-", "_"))
			out = append(out, Index{name, "CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " USING gin (" +
				searchtext.PostgresVector(searchtext.PostgresConfig(l.Code), "search_text") + ") WHERE locale = '" + l.Code + "'"})
		}
	}
	return out
}
