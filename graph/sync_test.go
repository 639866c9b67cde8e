package graph_test

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent/locationtranslation"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
	"victimservices/locales"
)

// changedSince lists the ids each list returns with modifiedAfter: since.
func changedSince(t *testing.T, s *graphtest.Server, since time.Time) map[string][]string {
	t.Helper()
	type conn struct {
		Edges []struct{ Node struct{ ID string } }
	}
	var got struct{ Services, Organizations, Partners, Locations, Resources conn }
	s.Do(t, graphtest.Request{Query: `query($m: Time) {
	  services(modifiedAfter: $m, first: 100) { edges { node { id } } }
	  organizations(modifiedAfter: $m, first: 100) { edges { node { id } } }
	  partners(modifiedAfter: $m, first: 100) { edges { node { id } } }
	  locations(modifiedAfter: $m, first: 100) { edges { node { id } } }
	  resources(modifiedAfter: $m, first: 100) { edges { node { id } } } }`,
		Variables: map[string]any{"m": since.Format(time.RFC3339Nano)}}).Decode(t, &got)
	out := map[string][]string{}
	for name, c := range map[string]conn{"services": got.Services, "organizations": got.Organizations, "partners": got.Partners, "locations": got.Locations, "resources": got.Resources} {
		for _, e := range c.Edges {
			out[name] = append(out[name], e.Node.ID)
		}
	}
	return out
}

type removed struct{ ID, Kind string }

func removedSince(t *testing.T, s *graphtest.Server, since time.Time) []removed {
	t.Helper()
	var got struct{ RemovedSince []removed }
	s.Do(t, graphtest.Request{Query: `query($m: Time!) { removedSince(modifiedAfter: $m) { id kind removedAt } }`,
		Variables: map[string]any{"m": since.Format(time.RFC3339Nano)}}).Decode(t, &got)
	return got.RemovedSince
}

// TestModifiedAfter: an offline app that synced at some instant asks for
// what changed since: exactly the items whose text in any locale or own
// fields changed (a translation saved, a guide's locale unpublished), and,
// in removedSince, a service withdrawn from public view and a place
// deleted (whose services count as changed: their list of places did).
func TestModifiedAfter(t *testing.T) {
	s := graphtest.New(t)
	editor := s.Token(t, viewer.RoleEditor)
	time.Sleep(5 * time.Millisecond)
	since := time.Now()
	time.Sleep(5 * time.Millisecond)
	if got := changedSince(t, s, since); len(got) != 0 {
		t.Fatalf("changed since a moment ago, before any change: %v", got)
	}
	if got := removedSince(t, s, since); len(got) != 0 {
		t.Fatalf("removed since a moment ago, before any change: %v", got)
	}

	legal, counseling := string(seed.ID("svc", "legal")), string(seed.ID("svc", "counseling"))
	guide := string(seed.ID("res", "going-to-court"))
	mutate(t, s, editor, `mutation($id: ID!) { saveTranslation(input: {ownerId: $id, locale: "es", name: "Asesoría legal", publish: true}) { locale } }`,
		map[string]any{"id": legal}).Decode(t, &struct{}{})
	mutate(t, s, editor, `mutation($id: ID!) { setResourceTranslationPublished(resourceId: $id, locale: "es", published: false) { locale } }`,
		map[string]any{"id": guide}).Decode(t, &struct{}{})
	got := changedSince(t, s, since)
	if !slices.Equal(got["services"], []string{legal}) || !slices.Equal(got["resources"], []string{guide}) ||
		len(got["organizations"])+len(got["partners"])+len(got["locations"]) != 0 {
		t.Fatalf("changed since: %v, want the legal service and the court guide only", got)
	}

	mutate(t, s, editor, `mutation($id: ID!) { updateService(id: $id, input: {status: INACTIVE}) { id } }`,
		map[string]any{"id": counseling}).Decode(t, &struct{}{})
	sys := privacy.DecisionContext(context.Background(), privacy.Allow)
	place, err := s.Client.Service.GetX(sys, seed.ID("svc", "legal")).QueryLocations().First(sys)
	if err != nil {
		t.Fatal(err)
	}
	withPlace, err := place.QueryServices().IDs(sys)
	if err != nil {
		t.Fatal(err)
	}
	// (No mutation deletes a place; an operator's tool would, its texts first.)
	if _, err := s.Client.LocationTranslation.Delete().Where(locationtranslation.LocationID(place.ID)).Exec(sys); err != nil {
		t.Fatal(err)
	}
	if err := s.Client.Location.DeleteOneID(place.ID).Exec(sys); err != nil {
		t.Fatal(err)
	}
	rm := removedSince(t, s, since)
	want := []removed{{counseling, "SERVICE"}, {string(place.ID), "LOCATION"}}
	if !slices.Equal(rm, want) {
		t.Errorf("removed since: %v, want %v (in the order removed)", rm, want)
	}
	got = changedSince(t, s, since)
	for _, id := range withPlace {
		if id != seed.ID("svc", "counseling") && !slices.Contains(got["services"], string(id)) {
			t.Errorf("service %s lost a place but is not listed as changed: %v", id, got["services"])
		}
	}
	if slices.Contains(got["services"], counseling) {
		t.Error("the withdrawn service is listed among the changed ones the public may see")
	}
	// Later than every change: nothing.
	if got := changedSince(t, s, time.Now()); len(got) != 0 {
		t.Errorf("changed since now: %v", got)
	}
}

type syncDoc struct {
	Locale, AsOf   string
	CrisisContacts []struct {
		Name   string
		Phones []struct{ TelURI string }
	}
	Services []struct {
		ID, Name, ServedLocale, UpdatedAt string
		Hours                             struct{ TimeZone string }
	}
	Organizations []struct{ ID, Name string }
	Locations     []struct{ ID, Name string }
	Resources     []struct{ ID, Title, Body string }
}

func getSync(t *testing.T, s *graphtest.Server, path string, header map[string]string) (*http.Response, *syncDoc) {
	t.Helper()
	w := raw(s, http.MethodGet, path, "", header)
	resp := w.Result()
	if resp.StatusCode != http.StatusOK {
		return resp, nil
	}
	body := resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(body)
		if err != nil {
			t.Fatal(err)
		}
		body = gz
	}
	var d syncDoc
	if err := json.NewDecoder(body).Decode(&d); err != nil {
		t.Fatalf("GET %s: not a JSON document: %v", path, err)
	}
	return resp, &d
}

// TestSyncDocument: the whole public directory and guides in one locale in
// one request, past the API's page size (150 generated services on top of
// the demo), revalidated with its ETag (304 until something changes, a new
// document at once after an editor's change).
func TestSyncDocument(t *testing.T) {
	s := graphtest.New(t)
	sys := privacy.DecisionContext(context.Background(), privacy.Allow)
	if err := seed.LoadScale(sys, s.Client, seed.Scale{Name: "sync", Services: 150, Partners: 3}, "", "", time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	var counts struct {
		Services, Organizations, Locations, Resources struct{ TotalCount int }
	}
	s.Do(t, graphtest.Request{Query: `{ services { totalCount } organizations { totalCount } locations { totalCount } resources { totalCount } }`}).Decode(t, &counts)
	if counts.Services.TotalCount <= 150 {
		t.Fatalf("%d services: the test needs more than a page", counts.Services.TotalCount)
	}

	resp, doc := getSync(t, s, "/sync/es", map[string]string{"Accept-Encoding": "gzip"})
	if doc == nil {
		t.Fatalf("GET /sync/es: %d", resp.StatusCode)
	}
	etag := resp.Header.Get("ETag")
	if etag == "" || resp.Header.Get("Content-Language") != "es" || resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("headers %v: want an ETag, Content-Language es, gzip", resp.Header)
	}
	// (The generated 24/7 advocacy services are crisis lines too.)
	if doc.Locale != "es" || len(doc.CrisisContacts) < 4 || doc.CrisisContacts[0].Phones[0].TelURI != "tel:911" ||
		doc.CrisisContacts[len(doc.CrisisContacts)-1].Name != "Línea Nacional de Violencia Doméstica" {
		t.Errorf("locale %q, crisis contacts %+v: want es, 911 first, the hotline last", doc.Locale, doc.CrisisContacts)
	}
	if asOf, err := time.Parse(time.RFC3339Nano, doc.AsOf); err != nil || !asOf.Before(time.Now()) {
		t.Errorf("asOf %q (%v)", doc.AsOf, err)
	}
	if len(doc.Services) != counts.Services.TotalCount || len(doc.Organizations) != counts.Organizations.TotalCount ||
		len(doc.Locations) != counts.Locations.TotalCount || len(doc.Resources) != counts.Resources.TotalCount {
		t.Errorf("document holds %d services, %d organizations, %d locations, %d guides; the API %+v",
			len(doc.Services), len(doc.Organizations), len(doc.Locations), len(doc.Resources), counts)
	}
	ids := map[string]bool{}
	for _, svc := range doc.Services {
		if ids[svc.ID] {
			t.Fatalf("service %s twice", svc.ID)
		}
		ids[svc.ID] = true
		if svc.ID == string(seed.ID("svc", "advocacy")) && (svc.Name != "Apoyo a víctimas" || svc.ServedLocale != "es" || svc.Hours.TimeZone != "America/Chicago") {
			t.Errorf("advocacy in the document: %+v", svc)
		}
	}
	if len(doc.Resources) == 0 || doc.Resources[0].Body == "" {
		t.Errorf("guides without bodies: %+v", doc.Resources)
	}

	if resp, _ := getSync(t, s, "/sync/es", map[string]string{"If-None-Match": etag}); resp.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation with the ETag: %d, want 304", resp.StatusCode)
	}
	if resp, _ := getSync(t, s, "/sync/ar", map[string]string{"If-None-Match": etag}); resp.StatusCode != http.StatusOK {
		t.Errorf("another locale with the Spanish ETag: %d, want 200", resp.StatusCode)
	}
	editor := s.Token(t, viewer.RoleEditor)
	mutate(t, s, editor, `mutation($id: ID!) { saveTranslation(input: {ownerId: $id, locale: "es", name: "Apoyo a víctimas 24 horas", publish: true}) { locale } }`,
		map[string]any{"id": seed.ID("svc", "advocacy")}).Decode(t, &struct{}{})
	resp, doc = getSync(t, s, "/sync/es", map[string]string{"If-None-Match": etag})
	if doc == nil || resp.Header.Get("ETag") == etag {
		t.Fatalf("after an edit: %d, ETag %q (was %q): want a new document", resp.StatusCode, resp.Header.Get("ETag"), etag)
	}
	if i := slices.IndexFunc(doc.Services, func(x struct {
		ID, Name, ServedLocale, UpdatedAt string
		Hours                             struct{ TimeZone string }
	}) bool {
		return x.ID == string(seed.ID("svc", "advocacy"))
	}); i < 0 || doc.Services[i].Name != "Apoyo a víctimas 24 horas" {
		t.Errorf("the edit is not in the new document")
	}

	w := raw(s, http.MethodGet, "/sync/xx", "", map[string]string{"Accept-Language": "es"})
	if w.Code != http.StatusNotFound || codeOf(t, w) != "NOT_FOUND" || w.Header().Get("Content-Language") != "es" {
		t.Errorf("unknown locale: %d %s", w.Code, w.Body)
	}
	if es, _ := locales.ByCode("es"); !strings.Contains(w.Body.String(), es.T("error.notFound", nil)) {
		t.Errorf("unknown locale: %s, want the Spanish message", w.Body)
	}
}
