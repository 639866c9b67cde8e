package graph_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"victimservices/ent/resource"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
	"victimservices/locales"
)

type resourceJSON struct {
	ID                string
	Slug              string
	Category          string
	Title             string
	Summary           *string
	Body              string
	ServedLocale      string
	MachineTranslated bool
	Direction         string
	AvailableLocales  []string
}

const resourceFields = `id slug category title summary body servedLocale machineTranslated direction availableLocales`

func getResource(t *testing.T, s *graphtest.Server, slug, locale string, header map[string]string) *resourceJSON {
	t.Helper()
	resp := s.Do(t, graphtest.Request{
		Query:     `query($slug: String!, $l: String) { resource(slug: $slug, locale: $l) { ` + resourceFields + ` } }`,
		Variables: map[string]any{"slug": slug, "l": locale}, Header: header,
	})
	var got struct{ Resource *resourceJSON }
	resp.Decode(t, &got)
	return got.Resource
}

// TestResourceInArabic: Arabic text, right to left, served in ar, in all locales.
func TestResourceInArabic(t *testing.T) {
	s := graphtest.New(t)
	r := getResource(t, s, "going-to-court", "ar", nil)
	if r == nil {
		t.Fatal("no resource")
	}
	if r.ServedLocale != "ar" || r.Direction != "RTL" || !r.MachineTranslated {
		t.Errorf("servedLocale %q direction %q machineTranslated %v, want ar RTL true", r.ServedLocale, r.Direction, r.MachineTranslated)
	}
	if !strings.ContainsRune(r.Title, 'ا') && !strings.ContainsRune(r.Title, 'ل') {
		t.Errorf("title %q is not Arabic", r.Title)
	}
	if len(r.AvailableLocales) != len(locales.Supported) {
		t.Errorf("availableLocales %v, want all %d", r.AvailableLocales, len(locales.Supported))
	}
	if en := getResource(t, s, "going-to-court", "en-US", nil); en.Direction != "LTR" || en.ServedLocale != "en" || en.MachineTranslated {
		t.Errorf("English: %+v", en)
	}
	if missing := getResource(t, s, "no-such-guide", "", nil); missing != nil {
		t.Errorf("unknown slug gave %+v", missing)
	}
}

// TestResourceFallback: without the Polish translation, a Polish reader gets
// the next locale in the chain (English), and servedLocale says so.
func TestResourceFallback(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	resp := s.Do(t, graphtest.Request{Header: editor, Query: `mutation($id: ID!) {
	  setResourceTranslationPublished(resourceId: $id, locale: "pl", published: false) { status } }`,
		Variables: map[string]any{"id": seed.ID("res", "restitution")}})
	resp.Decode(t, &struct{}{})
	r := getResource(t, s, "restitution", "", map[string]string{"Accept-Language": "pl-PL"})
	if r.ServedLocale != "en" || r.Title != "Restitution" && !strings.HasPrefix(r.Title, "Restitution") {
		t.Errorf("got %q in %q, want the English text", r.Title, r.ServedLocale)
	}
	if slices.Contains(r.AvailableLocales, "pl") {
		t.Errorf("availableLocales %v still lists pl", r.AvailableLocales)
	}
	// Other guides are still Polish.
	if r := getResource(t, s, "going-to-court", "pl", nil); r.ServedLocale != "pl" {
		t.Errorf("going-to-court served in %q", r.ServedLocale)
	}
}

const saveGuide = `mutation($in: SaveResourceTranslationInput!) { saveResourceTranslation(input: $in) { locale title status } }`

// TestResourceDraftWorkflow: a draft is invisible to anonymous reads (and not
// used as a fallback), visible to editors, served once published, and every
// save is kept as a revision with its author.
func TestResourceDraftWorkflow(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	create := s.Do(t, graphtest.Request{Header: editor, Query: `mutation {
	  createResource(input: {slug: "protective-orders", category: LEGAL_RIGHTS}) { id slug } }`})
	var created struct{ CreateResource struct{ ID, Slug string } }
	create.Decode(t, &created)
	id := created.CreateResource.ID

	save := func(locale, title string, publish bool) *graphtest.Response {
		return s.Do(t, graphtest.Request{Header: editor, Query: saveGuide, Variables: map[string]any{"in": map[string]any{
			"resourceId": id, "locale": locale, "title": title, "summary": "Short.", "body": "## " + title + "\n\nAsk your advocate.",
			"publish": publish,
		}}})
	}
	save("en", "Protective orders (draft)", false).Decode(t, &struct{}{})

	// Anonymous: no published text in any locale, so nothing is served.
	if r := getResource(t, s, "protective-orders", "en", nil); r.Title != "" || strings.Contains(r.Body, "draft") {
		t.Errorf("anonymous sees the draft: %+v", r)
	}
	var list struct {
		Resource struct {
			Translations []struct{ Locale, Status string }
			Revisions    []struct {
				Title    string
				EditedBy *string
			}
		}
	}
	q := graphtest.Request{Query: `{ resource(slug: "protective-orders") { translations { locale status } revisions { title editedBy } } }`}
	s.Do(t, q).Decode(t, &list)
	if len(list.Resource.Translations) != 0 || len(list.Resource.Revisions) != 0 {
		t.Errorf("anonymous sees translations %v revisions %v", list.Resource.Translations, list.Resource.Revisions)
	}
	q.Header = editor
	s.Do(t, q).Decode(t, &list)
	if len(list.Resource.Translations) != 1 || list.Resource.Translations[0].Status != "DRAFT" {
		t.Errorf("editor sees %v, want one draft", list.Resource.Translations)
	}

	save("en", "Protective orders", true).Decode(t, &struct{}{})
	if r := getResource(t, s, "protective-orders", "es", nil); r.Title != "Protective orders" || r.ServedLocale != "en" {
		t.Errorf("after publishing: %+v", r)
	}
	s.Do(t, q).Decode(t, &list)
	if len(list.Resource.Revisions) != 2 || list.Resource.Revisions[0].Title != "Protective orders" ||
		list.Resource.Revisions[1].Title != "Protective orders (draft)" || list.Resource.Revisions[0].EditedBy == nil {
		t.Errorf("revisions %+v, want the two saves newest first with their editor", list.Resource.Revisions)
	}
}

// TestUnsafeMarkdownRefused: HTML, scripts and javascript: links are a
// BAD_USER_INPUT and nothing is stored.
func TestUnsafeMarkdownRefused(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	id := seed.ID("res", "safety-planning")
	ctx := graphtest.System(context.Background())
	before, err := s.Client.ResourceTranslation.Query().Where(resourcetranslation.ResourceID(id), resourcetranslation.Locale("en")).Only(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		"Hello <script>alert(1)</script>",
		"[Call us](javascript:alert(1))",
		"<img src=x onerror=alert(1)>",
		"[x]: JAVASCRIPT:alert(1)\n\n[click][x]",
	} {
		resp := s.Do(t, graphtest.Request{Header: editor, Query: saveGuide, Variables: map[string]any{"in": map[string]any{
			"resourceId": id, "locale": "en", "title": "Changed", "body": body, "publish": true,
		}}})
		if resp.ErrorCode() != "BAD_USER_INPUT" {
			t.Errorf("%q: got %+v, want BAD_USER_INPUT", body, resp.Errors)
		}
	}
	after, err := s.Client.ResourceTranslation.Query().Where(resourcetranslation.ResourceID(id), resourcetranslation.Locale("en")).Only(ctx)
	if err != nil || after.Title != before.Title || after.Body != before.Body {
		t.Errorf("stored text changed: %q", after.Title)
	}
	// Anonymous and advocates cannot write guides at all.
	for name, header := range map[string]map[string]string{"anonymous": nil, "advocate": graphtest.Bearer(s.Token(t, viewer.RoleAdvocate))} {
		resp := s.Do(t, graphtest.Request{Header: header, Query: `mutation { createResource(input: {slug: "x", category: LEGAL_RIGHTS}) { id } }`})
		if code := resp.ErrorCode(); code != "UNAUTHENTICATED" && code != "FORBIDDEN" {
			t.Errorf("%s: code %q", name, code)
		}
	}
}

type searchHit struct {
	Typename string `json:"__typename"`
	ID       string
	Name     string
	Title    string
}

func searchFor(t *testing.T, s *graphtest.Server, text, locale string) []searchHit {
	t.Helper()
	resp := s.Do(t, graphtest.Request{Query: `query($q: String!, $l: String) { search(text: $q, locale: $l) {
	  __typename ... on Service { id name } ... on Organization { id name } ... on Resource { id title } } }`,
		Variables: map[string]any{"q": text, "l": locale}})
	var got struct{ Search []searchHit }
	resp.Decode(t, &got)
	return got.Search
}

func hasHit(hits []searchHit, id string) int {
	for i, h := range hits {
		if h.ID == id {
			return i
		}
	}
	return -1
}

// TestSearch: in the reader's language, accent- and case-insensitive, with
// stemming or prefixes, Chinese without word breaks, and English too.
func TestSearch(t *testing.T) {
	s := graphtest.New(t)
	tests := []struct {
		name, text, locale, wantID string
	}{
		{"Spanish finds legal support", "abogado", "es", string(seed.ID("svc", "legal"))},
		{"Spanish, upper case and accents", "ABOGÁDO", "es", string(seed.ID("svc", "legal"))},
		{"Chinese finds the compensation guide", "补偿", "zh-Hans", string(seed.ID("res", "victim-compensation"))},
		{"English stem finds a partner", "counsel", "en", string(seed.ID("org", "renewal"))},
		{"English query from a Spanish reader", "shelter", "es", string(seed.ID("org", "harbor"))},
		{"Arabic finds the court guide", "المحكمة", "ar", string(seed.ID("res", "going-to-court"))},
		{"Korean finds the safety guide", "안전", "ko", string(seed.ID("res", "safety-planning"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := searchFor(t, s, tt.text, tt.locale)
			if hasHit(hits, tt.wantID) < 0 {
				t.Errorf("search %q (%s) = %+v, want %s among them", tt.text, tt.locale, hits, tt.wantID)
			}
		})
	}
	// Every database stems: a plural finds the singular.
	if hits := searchFor(t, s, "abogados", "es"); hasHit(hits, string(seed.ID("svc", "legal"))) < 0 {
		t.Errorf("stemmed search abogados = %+v", hits)
	}
	// Ranked: a title match comes before body mentions.
	hits := searchFor(t, s, "restitution", "en")
	if len(hits) == 0 || hits[0].ID != string(seed.ID("res", "restitution")) {
		t.Errorf("search restitution: first hit %+v, want the restitution guide", hits)
	}
	for _, bad := range []string{"a", " ", strings.Repeat("x", 201)} {
		resp := s.Do(t, graphtest.Request{Query: `query($q: String!) { search(text: $q) { __typename } }`, Variables: map[string]any{"q": bad}})
		if resp.ErrorCode() != "BAD_USER_INPUT" {
			t.Errorf("search %q: got %+v, want BAD_USER_INPUT", bad, resp.Errors)
		}
	}
}

// TestSearchSkipsDrafts: words only in a draft are not found by the public.
func TestSearchSkipsDrafts(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	resp := s.Do(t, graphtest.Request{Header: editor, Query: saveGuide, Variables: map[string]any{"in": map[string]any{
		"resourceId": seed.ID("res", "restitution"), "locale": "de", "title": "x", "body": "x",
	}}})
	if resp.ErrorCode() != "BAD_USER_INPUT" {
		t.Errorf("unsupported locale: %+v", resp.Errors)
	}
	s.Do(t, graphtest.Request{Header: editor, Query: saveGuide, Variables: map[string]any{"in": map[string]any{
		"resourceId": seed.ID("res", "restitution"), "locale": "tl", "title": "Zorblaxian restitusyon", "body": "Zorblaxian.",
	}}}).Decode(t, &struct{}{})
	if hits := searchFor(t, s, "zorblaxian", "tl"); len(hits) != 0 {
		t.Errorf("draft found: %+v", hits)
	}
}

type coverageJSON struct {
	TranslationCoverage []struct {
		Locale   string
		Percent  float64
		Services struct {
			Published, Total int
		}
		Partners struct {
			Published, Total int
		}
		Resources struct {
			Published, Total int
			Missing          []struct{ ID string }
		}
	}
}

const coverageQuery = `{ translationCoverage { locale percent services { published total } partners { published total }
  resources { published total missing { id } } } }`

// TestTranslationCoverage: 100 % for the demo data in every locale; it drops
// when a translation is unpublished; editors only.
func TestTranslationCoverage(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	var got coverageJSON
	s.Do(t, graphtest.Request{Query: coverageQuery, Header: editor}).Decode(t, &got)
	if len(got.TranslationCoverage) != len(locales.Supported) {
		t.Fatalf("%d locales", len(got.TranslationCoverage))
	}
	for _, c := range got.TranslationCoverage {
		if c.Percent != 100 || c.Services.Total != 6 || c.Partners.Total != 3 || c.Resources.Total != 9 {
			t.Errorf("%s: %+v, want 100%% of 6 services, 3 partners, 9 guides", c.Locale, c)
		}
	}
	s.Do(t, graphtest.Request{Header: editor, Query: `mutation($id: ID!) {
	  setResourceTranslationPublished(resourceId: $id, locale: "ko", published: false) { status } }`,
		Variables: map[string]any{"id": seed.ID("res", "giving-feedback")}}).Decode(t, &struct{}{})
	s.Do(t, graphtest.Request{Query: coverageQuery, Header: editor}).Decode(t, &got)
	for _, c := range got.TranslationCoverage {
		switch {
		case c.Locale == "ko" && (c.Resources.Published != 8 || len(c.Resources.Missing) != 1 ||
			c.Resources.Missing[0].ID != string(seed.ID("res", "giving-feedback")) || c.Percent >= 100):
			t.Errorf("ko after unpublishing: %+v", c)
		case c.Locale != "ko" && c.Percent != 100:
			t.Errorf("%s: %v%%", c.Locale, c.Percent)
		}
	}
	for name, header := range map[string]map[string]string{"anonymous": nil, "advocate": graphtest.Bearer(s.Token(t, viewer.RoleAdvocate))} {
		resp := s.Do(t, graphtest.Request{Query: coverageQuery, Header: header})
		if code := resp.ErrorCode(); code != "UNAUTHENTICATED" && code != "FORBIDDEN" {
			t.Errorf("%s: %+v", name, resp.Errors)
		}
	}
}

// addResources adds n guides with English and Arabic text.
func addResources(t testing.TB, s *graphtest.Server, n int) {
	t.Helper()
	ctx := graphtest.System(context.Background())
	for i := range n {
		r, err := s.Client.Resource.Create().SetSlug(fmt.Sprintf("extra-%d", i)).SetCategory(resource.CategoryMENTAL_HEALTH).
			SetSortOrder(100 + i).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []string{"en", "ar"} {
			if err := s.Client.ResourceTranslation.Create().SetResourceID(r.ID).SetLocale(l).SetTitle("Guide " + l).
				SetBody("Text.").SetStatus(resourcetranslation.StatusPUBLISHED).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestResourceListStatementCount: a page of guides costs the same number of
// SQL statements for 10 or 100 guides.
func TestResourceListStatementCount(t *testing.T) {
	count := func(extra int) int64 {
		s := graphtest.New(t)
		addResources(t, s, extra)
		s.Statements.Reset()
		var got struct{ Resources struct{ TotalCount int } }
		s.Do(t, graphtest.Request{Query: `{ resources(first: 100, locale: "ar") { totalCount edges { node {
		  slug title summary servedLocale direction availableLocales categoryLabel updatedAt } } } }`}).Decode(t, &got)
		if got.Resources.TotalCount != 9+extra {
			t.Fatalf("totalCount %d, want %d", got.Resources.TotalCount, 9+extra)
		}
		return s.Statements.Count()
	}
	small, large := count(1), count(91)
	if small != large {
		t.Errorf("10 guides cost %d statements, 100 cost %d", small, large)
	}
	t.Logf("resource page: %d statements for 10 and for 100 guides", small)
}
