package directory

import (
	"cmp"
	"context"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"victimservices/ent"
	"victimservices/ent/organization"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resource"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/searchtext"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// Search limits.
const (
	DefaultSearchResults = 10
	MaxSearchResults     = 50
	minSearchRunes       = 2
	maxSearchRunes       = 200
	// searchCandidates bounds the translation rows read per kind.
	searchCandidates = 200
	// maxSearchOffset bounds how far search pages go: past the candidates
	// read there is nothing ranked to page through.
	maxSearchOffset = searchCandidates
)

func pgConfig(locale string) string { return searchtext.PostgresConfig(locale) }

// textMatch matches translation rows. On every database a row matches when
// its search_text (folded text plus the stems of its words, see
// searchtext.Index) contains every term, or the term's stem in the row's
// locale, as a substring: "counsel" finds "counseling", and on SQLite as on
// PostgreSQL "abogados" finds "Abogada" (both stem to "abog"). On PostgreSQL
// a locale with a text search configuration matches through full-text
// search with it and prefix matching instead, written per locale with a
// constant configuration so the per-locale GIN indexes (storage.Migrate)
// serve it (ORing the substring test in made every search a scan: 8.6 ms of
// PostgreSQL CPU at small scale against 2.7, BENCHMARKS.md); a locale
// without one (simple) keeps the substring test, which finds its inflected
// words where a simple tsvector would not; a
// query in a script written without spaces between words (Chinese, Japanese,
// Korean) matches by substring only, since no stemmer splits it.
func textMatch(terms []string, locs []string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		col := s.C("search_text")
		var perLocale []*sql.Predicate
		for _, l := range locs {
			var all []*sql.Predicate
			for _, t := range terms {
				p := sql.Contains(col, t)
				if st := searchtext.Stem(l, t); st != t {
					p = sql.Or(p, sql.Contains(col, st))
				}
				all = append(all, p)
			}
			perLocale = append(perLocale, sql.And(sql.EQ(s.C("locale"), l), sql.And(all...)))
		}
		if s.Dialect() != dialect.Postgres || unsegmented(terms) {
			s.Where(sql.Or(perLocale...))
			return
		}
		// Whole words match by stem (fast on the index); a short last word
		// matches as a prefix, as someone typing would expect.
		prefixes := make([]string, len(terms))
		for i, t := range terms {
			prefixes[i] = t // terms are letters and digits only
			if i == len(terms)-1 && utf8.RuneCountInString(t) < 5 {
				prefixes[i] += ":*"
			}
		}
		query := strings.Join(prefixes, " & ")
		var ors []*sql.Predicate
		for i, l := range locs {
			cfg := pgConfig(l)
			if cfg == "simple" {
				// No stemmer for the locale: the substring test finds its
				// inflected words, as on SQLite; the index cannot help.
				ors = append(ors, perLocale[i])
				continue
			}
			ors = append(ors, sql.And(
				sql.EQ(s.C("locale"), l),
				sql.P(func(b *sql.Builder) {
					b.WriteString(tsvector(cfg, col) + " @@ to_tsquery('" + cfg + "', ")
					b.Arg(query)
					b.WriteString(")")
				}),
			))
		}
		s.Where(sql.Or(ors...))
	}
}

// tsvector is the indexed expression of a search_text column.
func tsvector(cfg, col string) string { return searchtext.PostgresVector(cfg, col) }

// unsegmented reports whether a query is in a script written without spaces
// between words (Han, Hiragana, Katakana, Hangul).
func unsegmented(terms []string) bool {
	for _, t := range terms {
		for _, r := range t {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
				return true
			}
		}
	}
	return false
}

// scoreText weighs where the terms occur: the title or name counts most.
func scoreText(terms []string, phrase string, fields ...string) int {
	score := 1 // it matched in the database (stemmed, perhaps)
	weights := []int{6, 3, 1}
	for i, f := range fields {
		f = searchtext.Fold(f)
		w := weights[min(i, len(weights)-1)]
		for _, t := range terms {
			if strings.Contains(f, t) {
				score += w
			}
		}
		if i == 0 && strings.Contains(f, phrase) {
			score += 10
		}
	}
	return score
}

// SearchKind is a kind of search result (the GraphQL enum SearchResultType).
type SearchKind string

// The kinds of search results.
const (
	SearchService      SearchKind = "SERVICE"
	SearchOrganization SearchKind = "ORGANIZATION"
	SearchResource     SearchKind = "RESOURCE"
)

// MarshalGQL writes the enum value.
func (k SearchKind) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(k))) }

// UnmarshalGQL reads the enum value.
func (k *SearchKind) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	switch SearchKind(s) {
	case SearchService, SearchOrganization, SearchResource:
		*k = SearchKind(s)
		return nil
	}
	return errcode.Input("error.invalidRequest", nil)
}

// SearchPage selects a page of search results: First results (default 10,
// at most 50) after skipping Offset (at most the candidates kept), of the
// Kinds given (all when empty).
type SearchPage struct {
	First  *int
	Offset *int
	Kinds  []SearchKind
}

// Search finds services, organizations and guides matching text in the
// reader's locale and in English, best first (then by ID, so pages are
// stable while the directory does not change).
func Search(ctx context.Context, c *ent.Client, text string, page SearchPage) ([]ent.Noder, error) {
	n := DefaultSearchResults
	if first := page.First; first != nil {
		if *first < 0 || *first > MaxSearchResults {
			return nil, errcode.Input("error.searchLimit", map[string]any{"Count": MaxSearchResults})
		}
		n = *first
	}
	skip := 0
	if off := page.Offset; off != nil {
		if *off < 0 || *off > maxSearchOffset {
			return nil, errcode.Input("error.searchOffset", map[string]any{"Max": maxSearchOffset})
		}
		skip = *off
	}
	want := func(k SearchKind) bool { return len(page.Kinds) == 0 || slices.Contains(page.Kinds, k) }
	runes := utf8.RuneCountInString(strings.TrimSpace(text))
	terms := searchtext.Terms(text)
	if runes < minSearchRunes || runes > maxSearchRunes || len(terms) == 0 || len(terms) > 10 {
		return nil, errcode.Input("error.searchText", map[string]any{"Min": minSearchRunes, "Max": maxSearchRunes})
	}
	phrase := strings.Join(terms, " ")
	l := textLocale(ctx)
	locs := []string{l.Code}
	if l.Code != locales.DefaultCode {
		locs = append(locs, locales.DefaultCode)
	}
	bonus := func(locale string) int {
		if locale == l.Code {
			return 2
		}
		return 0
	}
	match := textMatch(terms, locs)
	best := map[nodeid.ID]int{}
	add := func(owner nodeid.ID, score int) { best[owner] = max(best[owner], score) }

	if want(SearchService) {
		svc, err := c.ServiceTranslation.Query().
			Where(servicetranslation.LocaleIn(locs...), servicetranslation.StatusEQ(servicetranslation.StatusPUBLISHED), match).
			Limit(searchCandidates).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, t := range svc {
			add(t.ServiceID, scoreText(terms, phrase, t.Name, t.Description)+bonus(t.Locale))
		}
	}
	if want(SearchOrganization) {
		org, err := c.OrganizationTranslation.Query().
			Where(organizationtranslation.LocaleIn(locs...), organizationtranslation.StatusEQ(organizationtranslation.StatusPUBLISHED), match).
			Limit(searchCandidates).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, t := range org {
			add(t.OrganizationID, scoreText(terms, phrase, t.Name, t.Description)+bonus(t.Locale))
		}
	}
	if want(SearchResource) {
		res, err := c.ResourceTranslation.Query().
			Where(resourcetranslation.LocaleIn(locs...), resourcetranslation.StatusEQ(resourcetranslation.StatusPUBLISHED), match).
			Limit(searchCandidates).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, t := range res {
			add(t.ResourceID, scoreText(terms, phrase, t.Title, t.Summary, t.Body)+bonus(t.Locale))
		}
	}

	// Load the owners; the privacy rules drop what the reader may not see
	// (inactive services).
	ids := func(prefix string) []nodeid.ID {
		var out []nodeid.ID
		for id := range best {
			if id.Prefix() == prefix {
				out = append(out, id)
			}
		}
		return out
	}
	var nodes []ent.Noder
	if list := ids("svc"); len(list) > 0 {
		rows, err := c.Service.Query().Where(service.IDIn(list...)).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			nodes = append(nodes, r)
		}
	}
	if list := ids("org"); len(list) > 0 {
		rows, err := c.Organization.Query().Where(organization.IDIn(list...)).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			nodes = append(nodes, r)
		}
	}
	if list := ids("res"); len(list) > 0 {
		rows, err := c.Resource.Query().Where(resource.IDIn(list...)).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			nodes = append(nodes, r)
		}
	}
	id := func(n ent.Noder) nodeid.ID {
		switch v := n.(type) {
		case *ent.Service:
			return v.ID
		case *ent.Organization:
			return v.ID
		case *ent.Resource:
			return v.ID
		}
		return ""
	}
	slices.SortFunc(nodes, func(a, b ent.Noder) int {
		return cmp.Or(cmp.Compare(best[id(b)], best[id(a)]), cmp.Compare(id(a), id(b)))
	})
	nodes = nodes[min(skip, len(nodes)):]
	return nodes[:min(n, len(nodes))], nil
}
