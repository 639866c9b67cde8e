package searchtext

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
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

// stemmers are the Snowball stemmers (github.com/kljensen/snowball) of the
// supported locales that have one; the others match without stemming.
var stemmers = map[string]func(string, bool) string{
	"en": english.Stem, "es": spanish.Stem, "ru": russian.Stem,
}

// HasStemmer reports whether text in locale is stemmed.
func HasStemmer(locale string) bool { _, ok := stemmers[locale]; return ok }

// Stem returns the stem of a folded term in locale (the term itself where
// the locale has no stemmer). Stemming folded words on save and on query
// alike makes "abogados" and "Abogada" meet at "abog".
func Stem(locale, term string) string {
	f, ok := stemmers[locale]
	if !ok {
		return term
	}
	if s := f(term, true); s != "" {
		return s
	}
	return term
}

// Index returns the search text stored for the text of a row in locale: the
// folded text and, where the locale has a stemmer, a second line with the
// stems that are not already words of the text. Matching a term or its stem
// as a substring of it then finds inflected words on every database.
func Index(locale, text string) string {
	folded := Fold(text)
	if !HasStemmer(locale) {
		return folded
	}
	seen := map[string]bool{}
	words := Terms(folded)
	for _, w := range words {
		seen[w] = true
	}
	var stems []string
	for _, w := range words {
		if s := Stem(locale, w); !seen[s] {
			seen[s] = true
			stems = append(stems, s)
		}
	}
	if len(stems) == 0 {
		return folded
	}
	return folded + "\n" + strings.Join(stems, " ")
}
