package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"victimservices/ent/servicetranslation"
	"victimservices/graph/graphtest"
	"victimservices/internal/hsds"
	"victimservices/locales"
)

// exportJSON exports the public directory of s in a locale as JSON.
func exportJSON(t *testing.T, s *graphtest.Server, code string) []byte {
	t.Helper()
	l, _ := locales.ByCode(code)
	d, err := hsds.Export(context.Background(), s.Client, l)
	if err != nil {
		t.Fatalf("export %s: %v", code, err)
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// validate checks every record of an exported dataset against the vendored
// HSDS 3.0 schemas.
func validate(t *testing.T, doc []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	top := v.(map[string]any)
	for key, name := range map[string]string{"organizations": "organization", "services": "service", "locations": "location"} {
		sch, err := hsds.Schema(name)
		if err != nil {
			t.Fatal(err)
		}
		items, _ := top[key].([]any)
		if len(items) == 0 {
			t.Errorf("%s: none exported", key)
		}
		for i, item := range items {
			if err := sch.Validate(item); err != nil {
				t.Errorf("/%s/%d does not validate against %s.json: %v", key, i, name, err)
			}
		}
	}
}

func TestHSDSExportValidates(t *testing.T) {
	s := graphtest.New(t)
	for _, code := range []string{"en", "es"} {
		t.Run(code, func(t *testing.T) {
			doc := exportJSON(t, s, code)
			validate(t, doc)
			var d hsds.Dataset
			if err := json.Unmarshal(doc, &d); err != nil {
				t.Fatal(err)
			}
			var phones, schedules, areas, places, access int
			for _, svc := range d.Services {
				phones += len(svc.Phones)
				schedules += len(svc.Schedules)
				areas += len(svc.ServiceAreas)
				places += len(svc.ServiceAtLocations)
			}
			for _, l := range d.Locations {
				access += len(l.Accessibility)
			}
			if phones == 0 || schedules == 0 || areas == 0 || places == 0 || access == 0 {
				t.Errorf("got phones %d, schedules %d, service areas %d, service_at_location %d, accessibility %d; want some of each",
					phones, schedules, areas, places, access)
			}
		})
	}
	en, es := exportJSON(t, s, "en"), exportJSON(t, s, "es")
	if bytes.Equal(en, es) {
		t.Error("the es export is the en export; want Spanish text")
	}
}

func TestHSDSExportIsPublicOnly(t *testing.T) {
	s := graphtest.New(t)
	ctx := graphtest.System(context.Background())
	svc := s.Client.Service.Query().FirstX(ctx)
	s.Client.Service.UpdateOne(svc).SetStatus("INACTIVE").ExecX(ctx)
	draft := s.Client.ServiceTranslation.Query().Where(servicetranslation.Locale("es")).FirstX(ctx)
	draft.Update().SetName("BORRADOR SECRETO").SetStatus(servicetranslation.StatusDRAFT).ExecX(ctx)
	doc := string(exportJSON(t, s, "es"))
	if strings.Contains(doc, "BORRADOR SECRETO") {
		t.Error("the export serves a draft")
	}
	l, _ := locales.ByCode("en")
	d, err := hsds.Export(context.Background(), s.Client, l)
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Client.Service.Query().Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Services) != n-1 {
		t.Errorf("got %d services, want %d (all but the inactive one)", len(d.Services), n-1)
	}
}

type hsdsPage struct {
	TotalItems int               `json:"total_items"`
	TotalPages int               `json:"total_pages"`
	PageNumber int               `json:"page_number"`
	Size       int               `json:"size"`
	FirstPage  bool              `json:"first_page"`
	LastPage   bool              `json:"last_page"`
	Empty      bool              `json:"empty"`
	Contents   []json.RawMessage `json:"contents"`
}

// validatePage checks a list answer against the OpenAPI document's Page
// envelope and its items against the service or organization schema.
func validatePage(t *testing.T, body []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	page, err := hsds.Schema("Page")
	if err != nil {
		t.Fatal(err)
	}
	if err := page.Validate(v); err != nil {
		t.Errorf("the answer is not an HSDS Page: %v", err)
	}
	if page.Validate(map[string]any{"total_items": "7"}) == nil {
		t.Error("the Page schema accepts a page without empty and a string total_items")
	}
	svc, _ := hsds.Schema("service")
	for i, item := range v.(map[string]any)["contents"].([]any) {
		if err := svc.Validate(item); err != nil {
			t.Errorf("contents/%d: %v", i, err)
		}
	}
}

func hsdsGet(t *testing.T, s *graphtest.Server, path, acceptLanguage string) (*httptest.ResponseRecorder, []byte) {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	if acceptLanguage != "" {
		r.Header.Set("Accept-Language", acceptLanguage)
	}
	w := httptest.NewRecorder()
	s.Handler.ServeHTTP(w, r)
	return w, w.Body.Bytes()
}

func TestHSDSAPI(t *testing.T) {
	s := graphtest.New(t)
	ctx := graphtest.System(context.Background())
	total := s.Client.Service.Query().CountX(ctx)

	t.Run("paging", func(t *testing.T) {
		w, body := hsdsGet(t, s, "/hsds/services?page=2&per_page=2", "")
		var p hsdsPage
		if err := json.Unmarshal(body, &p); w.Code != 200 || err != nil {
			t.Fatalf("got %d %s", w.Code, body)
		}
		validatePage(t, body)
		want := hsdsPage{TotalItems: total, TotalPages: (total + 1) / 2, PageNumber: 2, Size: 2, LastPage: total <= 4}
		if len(p.Contents) != 2 {
			t.Errorf("got %d items, want 2", len(p.Contents))
		}
		p.Contents, want.Contents = nil, nil
		if g, w := fmtPage(p), fmtPage(want); g != w {
			t.Errorf("got %s, want %s", g, w)
		}
		var all hsdsPage
		_, body = hsdsGet(t, s, "/hsds/services?per_page=100", "")
		_ = json.Unmarshal(body, &all)
		if len(all.Contents) != total || !all.FirstPage || !all.LastPage {
			t.Errorf("per_page=100: got %d items (first %v, last %v), want %d on one page", len(all.Contents), all.FirstPage, all.LastPage, total)
		}
		_, body = hsdsGet(t, s, "/hsds/services?page=99", "")
		var past hsdsPage
		_ = json.Unmarshal(body, &past)
		if !past.Empty || len(past.Contents) != 0 || past.TotalItems != total {
			t.Errorf("page past the end: got %s", body)
		}
	})

	t.Run("bad parameters", func(t *testing.T) {
		for _, q := range []string{"per_page=0", "per_page=101", "page=0", "page=x", "modified_after=yesterday"} {
			w, body := hsdsGet(t, s, "/hsds/services?"+q, "es")
			if w.Code != 400 || !strings.Contains(string(body), `"BAD_USER_INPUT"`) {
				t.Errorf("%s: got %d %s, want 400 BAD_USER_INPUT", q, w.Code, body)
			}
		}
	})

	t.Run("modified_after", func(t *testing.T) {
		old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
		s.Client.Service.Update().SetUpdatedAt(old).ExecX(ctx)
		changed := s.Client.Service.Query().FirstX(ctx)
		changed.Update().SetUpdatedAt(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).ExecX(ctx)
		_, body := hsdsGet(t, s, "/hsds/services?modified_after=2025-06-01T00:00:00Z", "")
		var p hsdsPage
		_ = json.Unmarshal(body, &p)
		if p.TotalItems != 1 {
			t.Fatalf("got %d services modified after 2025-06-01, want 1: %s", p.TotalItems, body)
		}
		_, body = hsdsGet(t, s, "/hsds/services?modified_after=2019-01-01T00:00:00Z", "")
		_ = json.Unmarshal(body, &p)
		if p.TotalItems != total {
			t.Errorf("got %d services modified after 2019, want %d", p.TotalItems, total)
		}
	})

	t.Run("search and locale", func(t *testing.T) {
		l, _ := locales.ByCode("es")
		d, err := hsds.Export(context.Background(), s.Client, l)
		if err != nil {
			t.Fatal(err)
		}
		name := d.Services[len(d.Services)-1].Name
		word := strings.Fields(name)[0]
		w, body := hsdsGet(t, s, "/hsds/services?search="+strings.ToUpper(word), "es-MX")
		var p hsdsPage
		_ = json.Unmarshal(body, &p)
		if w.Header().Get("Content-Language") != "es" || p.TotalItems == 0 || p.TotalItems == total ||
			!strings.Contains(string(body), name) {
			t.Errorf("search %q in es: got %s %s", word, w.Header().Get("Content-Language"), body)
		}
		_, body = hsdsGet(t, s, "/hsds/services?search=V%C3%8DCTIMAS", "es") // VÍCTIMAS
		var accented, plain hsdsPage
		_ = json.Unmarshal(body, &accented)
		_, body = hsdsGet(t, s, "/hsds/services?search=victimas", "es")
		_ = json.Unmarshal(body, &plain)
		if accented.TotalItems == 0 || plain.TotalItems != accented.TotalItems {
			t.Errorf("search victimas found %d, VÍCTIMAS %d; want the same, more than none", plain.TotalItems, accented.TotalItems)
		}
		_, body = hsdsGet(t, s, "/hsds/services?search=zzzqqq", "")
		_ = json.Unmarshal(body, &p)
		if !p.Empty || p.TotalItems != 0 {
			t.Errorf("search for nothing: got %s", body)
		}
	})

	t.Run("one service and organization", func(t *testing.T) {
		l, _ := locales.ByCode("en")
		d, _ := hsds.Export(context.Background(), s.Client, l)
		svc, org := d.Services[0], d.Organizations[0]
		w, body := hsdsGet(t, s, "/hsds/services/"+svc.ID, "")
		var got hsds.Service
		if err := json.Unmarshal(body, &got); w.Code != 200 || err != nil || got.ID != svc.ID || len(got.Phones) == 0 {
			t.Errorf("service %s: got %d %s", svc.ID, w.Code, body)
		}
		w, body = hsdsGet(t, s, "/hsds/organizations/"+org.ID, "")
		if w.Code != 200 || !strings.Contains(string(body), org.Name) {
			t.Errorf("organization %s: got %d %s", org.ID, w.Code, body)
		}
		w, body = hsdsGet(t, s, "/hsds/organizations", "")
		var p hsdsPage
		if err := json.Unmarshal(body, &p); w.Code != 200 || err != nil || p.TotalItems != len(d.Organizations) {
			t.Errorf("organizations: got %d %s", w.Code, body)
		}
		for _, path := range []string{"/hsds/services/00000000-0000-0000-0000-000000000000", "/hsds/organizations/nope"} {
			w, body := hsdsGet(t, s, path, "es")
			if w.Code != 404 || !strings.Contains(string(body), `"NOT_FOUND"`) {
				t.Errorf("%s: got %d %s, want 404 NOT_FOUND", path, w.Code, body)
			}
		}
	})
}

// directoryRows counts the directory rows of s (drafts and inactive too).
func directoryRows(t *testing.T, s *graphtest.Server) int {
	t.Helper()
	ctx := graphtest.System(context.Background())
	return s.Client.Organization.Query().CountX(ctx) + s.Client.Service.Query().CountX(ctx) +
		s.Client.Location.Query().CountX(ctx) + s.Client.ServiceTranslation.Query().CountX(ctx)
}

func TestHSDSRoundTrip(t *testing.T) {
	src := graphtest.New(t)
	en, es := exportJSON(t, src, "en"), exportJSON(t, src, "es")
	files := []hsds.File{{Name: "en.json", Data: en}, {Name: "es.json", Data: es}}
	dst := graphtest.NewEmpty(t)
	ctx := context.Background()

	rep, err := hsds.Import(ctx, dst.Client, files, hsds.Options{DryRun: true})
	if err != nil || rep.Created == 0 {
		t.Fatalf("dry run: got %+v, %v", rep, err)
	}
	if n := directoryRows(t, dst); n != 0 {
		t.Fatalf("the dry run wrote %d rows", n)
	}
	var steps int
	rep, err = hsds.Import(ctx, dst.Client, files, hsds.Options{Progress: func(done, total int) { steps = done }})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if rep.Created == 0 || steps == 0 {
		t.Errorf("import: got %+v after %d steps", rep, steps)
	}
	if got := exportJSON(t, dst, "en"); !bytes.Equal(got, en) {
		t.Errorf("en: the export of the imported directory differs:\n%s", firstDiff(en, got))
	}
	if got := exportJSON(t, dst, "es"); !bytes.Equal(got, es) {
		t.Errorf("es: the export of the imported directory differs:\n%s", firstDiff(es, got))
	}
	rows := directoryRows(t, dst)
	rep, err = hsds.Import(ctx, dst.Client, files, hsds.Options{})
	if err != nil || rep.Created != 0 || rep.Updated != 0 || rep.Unchanged == 0 {
		t.Errorf("second import: got %+v, %v; want everything unchanged", rep, err)
	}
	if n := directoryRows(t, dst); n != rows {
		t.Errorf("second import: %d rows, want %d", n, rows)
	}
	// The source imports its own export without a change: rows are found by
	// their derived HSDS ids.
	rep, err = hsds.Import(ctx, src.Client, files, hsds.Options{})
	if err != nil || rep.Created != 0 || rep.Updated != 0 {
		t.Errorf("import into the source: got %+v, %v; want nothing created or updated", rep, err)
	}
}

func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return "line " + itoa(i+1) + ": want " + w[i] + "\n got " + g[i]
		}
	}
	return "lengths differ"
}

func itoa(i int) string { return strconv.Itoa(i) }

func fmtPage(p hsdsPage) string { b, _ := json.Marshal(p); return string(b) }

func TestHSDSImportReportsPointers(t *testing.T) {
	src := graphtest.New(t)
	en := exportJSON(t, src, "en")
	edit := func(f func(d map[string]any)) []byte {
		var d map[string]any
		if err := json.Unmarshal(en, &d); err != nil {
			t.Fatal(err)
		}
		f(d)
		b, _ := json.Marshal(d)
		return b
	}
	item := func(d map[string]any, key string, i int) map[string]any { return d[key].([]any)[i].(map[string]any) }
	var withPhone int
	var d0 hsds.Dataset
	_ = json.Unmarshal(en, &d0)
	for i, s := range d0.Services {
		if len(s.Phones) > 0 {
			withPhone = i
		}
	}
	cases := []struct {
		name string
		doc  []byte
		want []string
	}{
		{"schema", edit(func(d map[string]any) {
			item(d, "services", 0)["status"] = "open"
			item(d, "organizations", 0)["name"] = 5
			delete(item(d, "locations", 1), "location_type")
		}), []string{"/locations/1: ", "/organizations/0/name: ", "/services/0/status: "}},
		{"values", edit(func(d map[string]any) {
			p := item(d, "services", withPhone)["phones"].([]any)[0].(map[string]any)
			p["number"] = "call us"
			item(d, "services", 1)["organization_id"] = "no-such-organization"
			item(d, "services", 0)["status"] = "open" // a schema fault does not hide the others
		}), []string{"/services/" + itoa(withPhone) + "/phones/0/number: ", "/services/1/organization_id: ", "/services/0/status: "}},
		{"not JSON", []byte(`{"services": [`), []string{"broken.json: not JSON: "}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dst := graphtest.NewEmpty(t)
			_, err := hsds.Import(context.Background(), dst.Client, []hsds.File{{Name: "broken.json", Data: c.doc}}, hsds.Options{})
			var ps hsds.Problems
			if err == nil || !asProblems(err, &ps) {
				t.Fatalf("got %v, want problems", err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			for _, w := range c.want {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, w) }) {
					t.Errorf("no problem at %q in:\n%s", w, strings.Join(got, "\n"))
				}
			}
			if n := directoryRows(t, dst); n != 0 {
				t.Errorf("a refused import wrote %d rows", n)
			}
		})
	}
}

func asProblems(err error, ps *hsds.Problems) bool {
	p, ok := err.(hsds.Problems)
	*ps = p
	return ok
}

// TestHSDSStatementCount: a page of the HSDS API costs the same statements
// for the demo directory as for one with many more services.
func TestHSDSStatementCount(t *testing.T) {
	s := graphtest.New(t)
	count := func() int64 {
		s.Statements.Reset()
		if w, body := hsdsGet(t, s, "/hsds/services?per_page=100&full=true", "es"); w.Code != 200 {
			t.Fatalf("got %d %s", w.Code, body)
		}
		return s.Statements.Count()
	}
	small := count()
	ctx := graphtest.System(context.Background())
	svc := s.Client.Service.Query().WithLocations().FirstX(ctx)
	for i := range 20 {
		c := s.Client.Service.Create().SetCategory(svc.Category).SetHours(svc.Hours).SetPhones(svc.Phones).
			AddLocations(svc.Edges.Locations...).SaveX(ctx)
		s.Client.ServiceTranslation.Create().SetServiceID(c.ID).SetLocale("es").SetName("Servicio " + itoa(i)).
			SetStatus(servicetranslation.StatusPUBLISHED).ExecX(ctx)
	}
	if large := count(); large != small || small > 8 {
		t.Errorf("got %d statements for the demo directory, %d with 20 more services; want the same, at most 8", small, large)
	}
}
