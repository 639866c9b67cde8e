package searchtext

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"victimservices/locales"
)

// Fold returns s lower-cased, without combining marks (accents), with runs of
// white space as one space. Scripts without accents (Chinese, Korean, Arabic
// letters) pass through; Arabic diacritics (harakat) are removed too.
func Fold(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.Join(strings.Fields(strings.ToLower(out)), " ")
}

// Terms splits a folded query into search terms: runs of letters and digits.
func Terms(query string) []string {
	return strings.FieldsFunc(Fold(query), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// PostgresConfig returns the text search configuration for a locale: its
// text_search in locales.toml, "simple" when it has none (or is unknown).
func PostgresConfig(locale string) string {
	if l, ok := locales.ByCode(locale); ok && l.TextSearch != "" {
		return l.TextSearch
	}
	return "simple"
}

// PostgresVector is the expression searched and indexed on PostgreSQL for a
// search_text column (the configuration is a constant, so an expression
// index per locale can serve the query).
func PostgresVector(cfg, col string) string {
	return "to_tsvector('" + cfg + "'::regconfig, coalesce(" + col + ", ''))"
}
