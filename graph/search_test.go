package graph_test

import (
	"context"
	"testing"

	"victimservices/ent/schema/searchtext"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/servicetranslation"
	"victimservices/graph/graphtest"
	dir "victimservices/internal/directory"
	"victimservices/internal/seed"
)

const publishText = `mutation($id: ID!, $l: String!, $n: String!, $d: String) {
  saveTranslation(input: {ownerId: $id, locale: $l, name: $n, description: $d, publish: true}) { status } }`

// TestSearchStems: inflected words find each other on SQLite as on
// PostgreSQL, through the Snowball stems stored with the folded text, even
// where the stem is not a prefix of the word (libraries → librari ← library).
func TestSearchStems(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	legal, shelter := string(seed.ID("svc", "legal")), string(seed.ID("svc", "counseling"))
	s.Do(t, graphtest.Request{Header: editor, Query: publishText, Variables: map[string]any{
		"id": legal, "l": "es", "n": "Abogada zorblaxiana", "d": "Una abogada voluntaria."}}).Decode(t, &struct{}{})
	s.Do(t, graphtest.Request{Header: editor, Query: publishText, Variables: map[string]any{
		"id": shelter, "l": "en", "n": "Counseling", "d": "A quiet zorblax library for families."}}).Decode(t, &struct{}{})
	tests := []struct{ name, text, locale, want string }{
		{"plural finds the feminine singular", "abogadas zorblaxianas", "es", legal},
		{"a stem that is no prefix", "zorblax libraries", "en", shelter},
		{"Spanish reader, English text", "zorblax libraries", "es", shelter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if hits := searchFor(t, s, tt.text, tt.locale); hasHit(hits, tt.want) < 0 {
				t.Errorf("search %q (%s) = %+v, want %s", tt.text, tt.locale, hits, tt.want)
			}
		})
	}
	if hits := searchFor(t, s, "zorblax librarian", "en"); hasHit(hits, shelter) >= 0 {
		t.Errorf("librarian found the library: %+v", hits)
	}
}

// TestSearchPagesAndTypes: offset pages through the ranked list without
// overlap; types keeps only the kinds asked for; bad paging is refused.
func TestSearchPagesAndTypes(t *testing.T) {
	s := graphtest.New(t)
	page := func(vars map[string]any) []searchHit {
		t.Helper()
		var got struct{ Search []searchHit }
		s.Do(t, graphtest.Request{Query: `query($first: Int, $offset: Int, $types: [SearchResultType!]) {
		  search(text: "victim", locale: "en", first: $first, offset: $offset, types: $types) {
		    __typename ... on Service { id } ... on Organization { id } ... on Resource { id } } }`,
			Variables: vars}).Decode(t, &got)
		return got.Search
	}
	all := page(map[string]any{"first": 6})
	if len(all) < 4 {
		t.Fatalf("search victim: %d hits, want at least 4", len(all))
	}
	first, second := page(map[string]any{"first": 2}), page(map[string]any{"first": 2, "offset": 2})
	if got := append(first, second...); len(got) != 4 || got[0] != all[0] || got[1] != all[1] || got[2] != all[2] || got[3] != all[3] {
		t.Errorf("pages %+v + %+v, want %+v", first, second, all[:4])
	}
	for _, want := range []string{"Resource", "Service"} {
		hits := page(map[string]any{"first": 50, "types": []string{map[string]string{"Resource": "RESOURCE", "Service": "SERVICE"}[want]}})
		if len(hits) == 0 {
			t.Errorf("types %s: nothing found", want)
		}
		for _, h := range hits {
			if h.Typename != want {
				t.Errorf("types %s: got a %s", want, h.Typename)
			}
		}
	}
	for _, vars := range []map[string]any{{"offset": -1}, {"offset": 201}} {
		resp := s.Do(t, graphtest.Request{Query: `query($offset: Int) { search(text: "victim", offset: $offset) { __typename } }`, Variables: vars})
		if resp.ErrorCode() != "BAD_USER_INPUT" {
			t.Errorf("offset %v: %+v, want BAD_USER_INPUT", vars["offset"], resp.Errors)
		}
	}
}

// TestBackfillSearchText: rows folded before stemming get their stems at
// start; running it again changes nothing.
func TestBackfillSearchText(t *testing.T) {
	s := graphtest.New(t)
	ctx := graphtest.System(context.Background())
	row, err := s.Client.ServiceTranslation.Query().Where(servicetranslation.Locale("es"),
		servicetranslation.ServiceID(seed.ID("svc", "legal"))).Only(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := row.SearchText
	// The text as it was stored before stems: folded only.
	old := searchtext.Fold(row.Name + "\n" + row.Description)
	if old == want {
		t.Fatalf("the seeded text has no stems: %q", want)
	}
	if err := s.Client.ServiceTranslation.UpdateOne(row).SetSearchText(old).SetUpdatedAt(row.UpdatedAt).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := dir.BackfillSearchText(context.Background(), s.Client); err != nil {
			t.Fatal(err)
		}
		got, err := s.Client.ServiceTranslation.Get(ctx, row.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.SearchText != want || !got.UpdatedAt.Equal(row.UpdatedAt) {
			t.Errorf("after backfill: %q at %v, want %q at %v", got.SearchText, got.UpdatedAt, want, row.UpdatedAt)
		}
	}
}
