package graph_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
	"victimservices/locales"
)

const directoryQuery = `query Directory($locale: String) {
  services(locale: $locale) {
    totalCount
    edges { node {
      id name description servedLocale machineTranslated category
      openNow opensAt closesAt
      hours { alwaysOpen byAppointment timeZone summary periods { day opens closes } }
      phones { number display telUri kind }
      provider { name servedLocale }
    } }
  }
  partners(locale: $locale) { totalCount edges { node { name email servedLocale } } }
}`

type phoneJSON struct {
	Number, Display, TelURI, Kind string
}

type serviceJSON struct {
	ID                nodeid.ID
	Name              string
	Description       *string
	ServedLocale      string
	MachineTranslated bool
	Category          string
	OpenNow           bool
	OpensAt, ClosesAt *time.Time
	Hours             struct {
		AlwaysOpen, ByAppointment bool
		TimeZone, Summary         string
		Periods                   []struct{ Day, Opens, Closes string }
	}
	Phones   []phoneJSON
	Provider *struct{ Name, ServedLocale string }
}

type directoryJSON struct {
	Services struct {
		TotalCount int
		Edges      []struct{ Node serviceJSON }
	}
	Partners struct {
		TotalCount int
		Edges      []struct {
			Node struct{ Name, Email, ServedLocale string }
		}
	}
}

func directory(t *testing.T, s *graphtest.Server, header map[string]string, locale *string) (directoryJSON, *graphtest.Response) {
	t.Helper()
	vars := map[string]any{}
	if locale != nil {
		vars["locale"] = *locale
	}
	resp := s.Do(t, graphtest.Request{Query: directoryQuery, Variables: vars, Header: header})
	var got directoryJSON
	resp.Decode(t, &got)
	return got, resp
}

// TestDirectoryInSpanish is the acceptance case: es-MX gets the four
// services in Spanish with their real hours and phone numbers, and the partners.
func TestDirectoryInSpanish(t *testing.T) {
	s := graphtest.New(t)
	// Tuesday 24 November 2026, 12:00 in Chicago.
	s.SetNow(time.Date(2026, 11, 24, 18, 0, 0, 0, time.UTC))
	got, resp := directory(t, s, map[string]string{"Accept-Language": "es-MX,es;q=0.9"}, nil)

	if cl := resp.Header.Get("Content-Language"); cl != "es" {
		t.Errorf("Content-Language = %q, want es", cl)
	}
	if got.Services.TotalCount != 6 || len(got.Services.Edges) != 6 {
		t.Fatalf("got %d services (total %d), want 6 (the unit's 4, the 2 national lines)", len(got.Services.Edges), got.Services.TotalCount)
	}
	type want struct {
		name, category, tel, display string
		always, appointment, open    bool
		periods                      int
	}
	wants := []want{
		{"Apoyo a víctimas", "VICTIM_ADVOCACY", "tel:+13125551234", "(312) 555-1234", true, false, true, 0},
		{"", "COUNSELING", "tel:+13125555678", "(312) 555-5678", false, false, true, 5},
		{"", "LEGAL_SUPPORT", "tel:+13125558765", "(312) 555-8765", false, true, false, 0},
		{"", "EMERGENCY", "tel:911", "911", true, false, true, 0},
	}
	for i, w := range wants {
		n := got.Services.Edges[i].Node
		if n.ServedLocale != "es" || !n.MachineTranslated {
			t.Errorf("%s: servedLocale %q machineTranslated %v, want es and true", n.Category, n.ServedLocale, n.MachineTranslated)
		}
		if w.name != "" && n.Name != w.name {
			t.Errorf("%s: name %q, want %q", n.Category, n.Name, w.name)
		}
		if n.Category != w.category {
			t.Errorf("service %d: category %s, want %s", i, n.Category, w.category)
		}
		if len(n.Phones) != 1 || n.Phones[0].TelURI != w.tel || n.Phones[0].Display != w.display {
			t.Errorf("%s: phones %+v, want %s %s", n.Category, n.Phones, w.tel, w.display)
		}
		if n.Hours.AlwaysOpen != w.always || n.Hours.ByAppointment != w.appointment || len(n.Hours.Periods) != w.periods {
			t.Errorf("%s: hours %+v", n.Category, n.Hours)
		}
		if n.Hours.TimeZone != "America/Chicago" {
			t.Errorf("%s: zone %s", n.Category, n.Hours.TimeZone)
		}
		if n.OpenNow != w.open {
			t.Errorf("%s: openNow %v, want %v", n.Category, n.OpenNow, w.open)
		}
		if n.Provider == nil || n.Provider.ServedLocale != "es" || n.Provider.Name != "Unidad de Servicios para Víctimas" {
			t.Errorf("%s: provider %+v", n.Category, n.Provider)
		}
	}
	counseling := got.Services.Edges[1].Node
	for _, p := range counseling.Hours.Periods {
		if p.Opens != "09:00" || p.Closes != "17:00" {
			t.Errorf("counseling period %+v, want 09:00-17:00", p)
		}
	}
	if want := "Lunes a viernes, de 9:00 a 17:00"; counseling.Hours.Summary != want {
		t.Errorf("counseling summary %q, want %q", counseling.Hours.Summary, want)
	}
	if want := time.Date(2026, 11, 24, 23, 0, 0, 0, time.UTC); counseling.ClosesAt == nil || !counseling.ClosesAt.Equal(want) {
		t.Errorf("counseling closesAt %v, want %v", counseling.ClosesAt, want)
	}
	legal := got.Services.Edges[2].Node
	if legal.OpensAt != nil || legal.ClosesAt != nil {
		t.Errorf("by-appointment service has opensAt %v closesAt %v, want none", legal.OpensAt, legal.ClosesAt)
	}

	wantPartners := map[string]string{
		"support@cvn.org": "Chicago Victim Support Network", "info@harborsafe.org": "Harbor Safe Shelter",
		"contact@renewalmhc.org": "Renewal Mental Health Centre",
	}
	if got.Partners.TotalCount != 3 {
		t.Errorf("partners totalCount %d, want 3", got.Partners.TotalCount)
	}
	for _, e := range got.Partners.Edges {
		name, ok := wantPartners[e.Node.Email]
		if !ok || !strings.Contains(e.Node.Name, name) || e.Node.ServedLocale != "es" {
			t.Errorf("partner %+v", e.Node)
		}
		delete(wantPartners, e.Node.Email)
	}
	if len(wantPartners) != 0 {
		t.Errorf("partners missing: %v", wantPartners)
	}
}

// TestLocaleNegotiation covers every supported locale and the fallbacks, from
// the header and from the locale argument (which wins).
func TestLocaleNegotiation(t *testing.T) {
	s := graphtest.New(t)
	type tc struct {
		name, header, arg, want, contentLanguage string
	}
	var tests []tc
	for _, l := range locales.Supported {
		tests = append(tests, tc{"header " + l.Code, l.Code, "", l.Code, l.Code})
		tests = append(tests, tc{"argument " + l.Code, "", l.Code, l.Code, l.Code})
	}
	tests = append(tests,
		tc{"es-MX falls back to es", "es-MX", "", "es", "es"},
		tc{"zh-TW gives zh-Hant", "zh-TW", "", "zh-Hant", "zh-Hant"},
		tc{"zh-CN gives zh-Hans", "zh-CN", "", "zh-Hans", "zh-Hans"},
		tc{"unknown tag serves English", "", "xx", "en", "en"},
		tc{"unsupported header serves English", "fr-FR", "", "en", "en"},
		tc{"argument wins over header", "pl", "ko", "ko", "ko"},
		tc{"malformed argument serves English", "", "@@", "en", "en"},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := map[string]string{}
			if tt.header != "" {
				header["Accept-Language"] = tt.header
			}
			var arg *string
			if tt.arg != "" {
				arg = &tt.arg
			}
			got, resp := directory(t, s, header, arg)
			for _, e := range got.Services.Edges {
				provider := e.Node.ServedLocale // a national line has no provider
				if e.Node.Provider != nil {
					provider = e.Node.Provider.ServedLocale
				}
				if e.Node.ServedLocale != tt.want || provider != tt.want {
					t.Fatalf("%s: servedLocale %q (provider %q), want %q", e.Node.Category, e.Node.ServedLocale, provider, tt.want)
				}
			}
			if cl := resp.Header.Get("Content-Language"); cl != tt.contentLanguage {
				t.Errorf("Content-Language %q, want %q", cl, tt.contentLanguage)
			}
		})
	}
}

func serviceName(t *testing.T, s *graphtest.Server, id nodeid.ID, header map[string]string, locale string) (name, served string) {
	t.Helper()
	resp := s.Do(t, graphtest.Request{
		Query:     `query($id: ID!, $l: String) { node(id: $id, locale: $l) { ... on Service { name servedLocale } } }`,
		Variables: map[string]any{"id": id, "l": locale}, Header: header,
	})
	var got struct {
		Node *struct{ Name, ServedLocale string }
	}
	resp.Decode(t, &got)
	if got.Node == nil {
		t.Fatalf("node(%s) is null", id)
	}
	return got.Node.Name, got.Node.ServedLocale
}

// TestMissingTranslationFallsBack: without a published Polish text, a Polish
// reader gets English and servedLocale says so.
func TestMissingTranslationFallsBack(t *testing.T) {
	s := graphtest.New(t)
	ctx := graphtest.System(context.Background())
	id := seed.ID("svc", "counseling")
	if _, err := s.Client.ServiceTranslation.Delete().Where(servicetranslation.ServiceID(id), servicetranslation.Locale("pl")).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	name, served := serviceName(t, s, id, map[string]string{"Accept-Language": "pl-PL"}, "")
	if served != "en" || name != "Counseling Referrals" {
		t.Errorf("got %q in %q, want the English name served in en", name, served)
	}
	// Other services are still Polish in the same response language.
	if _, served := serviceName(t, s, seed.ID("svc", "advocacy"), nil, "pl"); served != "pl" {
		t.Errorf("advocacy served in %q, want pl", served)
	}
}

// TestDraftsNeverServed: a draft is invisible to the public (also as a
// fallback), visible to editors, and served once published.
func TestDraftsNeverServed(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	id := seed.ID("svc", "legal")

	save := s.Do(t, graphtest.Request{
		Query: `mutation($in: SaveTranslationInput!) { saveTranslation(input: $in) { locale name status } }`,
		Variables: map[string]any{"in": map[string]any{
			"ownerId": id, "locale": "uk", "name": "Юридична допомога (чернетка)", "description": "Чернетка",
		}},
		Header: editor,
	})
	var saved struct {
		SaveTranslation struct{ Locale, Name, Status string }
	}
	save.Decode(t, &saved)
	if saved.SaveTranslation.Status != "DRAFT" {
		t.Fatalf("saved status %q, want DRAFT", saved.SaveTranslation.Status)
	}

	// The public: the draft replaced the published Ukrainian text, so the
	// reader falls back to English; the draft itself never shows.
	name, served := serviceName(t, s, id, nil, "uk")
	if served != "en" || strings.Contains(name, "чернетка") {
		t.Errorf("anonymous uk read got %q in %q, want English", name, served)
	}
	// Not through the translations list either.
	list := s.Do(t, graphtest.Request{Query: `query($id: ID!) { node(id: $id) { ... on Service { translations { locale status } } } }`,
		Variables: map[string]any{"id": id}})
	var pub struct {
		Node struct {
			Translations []struct{ Locale, Status string }
		}
	}
	list.Decode(t, &pub)
	for _, tr := range pub.Node.Translations {
		if tr.Status != "PUBLISHED" {
			t.Errorf("anonymous sees a %s translation in %s", tr.Status, tr.Locale)
		}
	}
	if len(pub.Node.Translations) != len(locales.Supported)-1 {
		t.Errorf("anonymous sees %d translations, want %d published", len(pub.Node.Translations), len(locales.Supported)-1)
	}
	// Editors see it.
	list = s.Do(t, graphtest.Request{Query: `query($id: ID!) { node(id: $id) { ... on Service { translations { locale status name } } } }`,
		Variables: map[string]any{"id": id}, Header: editor})
	var ed struct {
		Node struct {
			Translations []struct{ Locale, Status, Name string }
		}
	}
	list.Decode(t, &ed)
	found := false
	for _, tr := range ed.Node.Translations {
		found = found || tr.Locale == "uk" && tr.Status == "DRAFT"
	}
	if !found {
		t.Errorf("editor does not see the uk draft: %+v", ed.Node.Translations)
	}
	// Published, it is served.
	pubResp := s.Do(t, graphtest.Request{
		Query:     `mutation($id: ID!) { setTranslationPublished(ownerId: $id, locale: "uk", published: true) { status } }`,
		Variables: map[string]any{"id": id}, Header: editor,
	})
	pubResp.Decode(t, &struct{}{})
	if name, served := serviceName(t, s, id, nil, "uk"); served != "uk" || name != "Юридична допомога (чернетка)" {
		t.Errorf("after publishing: %q in %q", name, served)
	}
}

const updateEmail = `mutation($id: ID!, $email: String) { updateService(id: $id, input: {email: $email}) { id email } }`

// TestDirectoryWrites: anonymous and non-editor writes are refused and change
// nothing; an editor's write is stored; bad input is a localized BAD_USER_INPUT.
func TestDirectoryWrites(t *testing.T) {
	s := graphtest.New(t)
	id := seed.ID("svc", "counseling")
	ctx := graphtest.System(context.Background())
	email := func() string {
		svc, err := s.Client.Service.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return svc.Email
	}
	tests := []struct {
		name, email, wantCode, wantStored string
		header                            map[string]string
	}{
		{"anonymous", "x@example.org", "UNAUTHENTICATED", "", map[string]string{"Accept-Language": "es"}},
		{"advocate", "x@example.org", "FORBIDDEN", "", graphtest.Bearer(s.Token(t, viewer.RoleAdvocate))},
		{"editor", "counseling@example.org", "", "counseling@example.org", graphtest.Bearer(s.Token(t, viewer.RoleEditor))},
		{"admin", "help@example.org", "", "help@example.org", graphtest.Bearer(s.Token(t, viewer.RoleAdmin))},
		{"invalid email", "not an email", "BAD_USER_INPUT", "help@example.org", graphtest.Bearer(s.Token(t, viewer.RoleEditor))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := s.Do(t, graphtest.Request{Query: updateEmail, Variables: map[string]any{"id": id, "email": tt.email}, Header: tt.header})
			if got := resp.ErrorCode(); got != tt.wantCode {
				t.Fatalf("code %q, want %q (errors %+v)", got, tt.wantCode, resp.Errors)
			}
			if got := email(); got != tt.wantStored {
				t.Errorf("stored email %q, want %q", got, tt.wantStored)
			}
			if tt.wantCode != "" && resp.Errors[0].Message == "" {
				t.Error("error without a message")
			}
		})
	}
}

func TestErrorsAreLocalized(t *testing.T) {
	s := graphtest.New(t)
	resp := s.Do(t, graphtest.Request{Query: updateEmail, Variables: map[string]any{"id": seed.ID("svc", "legal"), "email": "a@b.org"},
		Header: map[string]string{"Accept-Language": "es"}})
	es, _ := locales.ByCode("es")
	if resp.ErrorCode() != "UNAUTHENTICATED" || resp.Errors[0].Message != es.T("error.unauthenticated", nil) {
		t.Errorf("got %+v, want the Spanish UNAUTHENTICATED message", resp.Errors)
	}
	resp = s.Do(t, graphtest.Request{Query: `{ services(first: 500) { totalCount } }`, Header: map[string]string{"Accept-Language": "pl"}})
	pl, _ := locales.ByCode("pl")
	if resp.ErrorCode() != "BAD_USER_INPUT" || resp.Errors[0].Message != pl.Plural("error.pageTooLarge", 100, nil) {
		t.Errorf("got %+v, want the Polish page-size message", resp.Errors)
	}
}

// TestEditorCreatesAService builds a service from nothing through the API.
func TestEditorCreatesAService(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	resp := s.Do(t, graphtest.Request{Header: editor, Query: `mutation($p: ID) {
	  createService(input: {category: SHELTER, providerId: $p, email: "beds@harborsafe.org",
	    phones: [{number: "(312) 555-0199", kind: HOTLINE}], languages: ["en", "es-mx"],
	    hours: {timeZone: "America/Chicago", periods: [{day: SATURDAY, opens: "22:00", closes: "06:00"}]}}) {
	    id phones { number } languages hours { summary }
	  } }`, Variables: map[string]any{"p": seed.ID("org", "harbor")}})
	var created struct {
		CreateService struct {
			ID        nodeid.ID
			Phones    []struct{ Number string }
			Languages []string
			Hours     struct{ Summary string }
		}
	}
	resp.Decode(t, &created)
	c := created.CreateService
	if c.Phones[0].Number != "+13125550199" || strings.Join(c.Languages, ",") != "en,es-MX" {
		t.Errorf("created %+v", c)
	}
	if c.Hours.Summary != "Saturday, 10 pm to 6 am" {
		t.Errorf("summary %q", c.Hours.Summary)
	}
	resp = s.Do(t, graphtest.Request{Header: editor, Query: `mutation($id: ID!) {
	  saveTranslation(input: {ownerId: $id, locale: "en", name: "Emergency beds", publish: true}) { status } }`,
		Variables: map[string]any{"id": c.ID}})
	resp.Decode(t, &struct{}{})
	if name, served := serviceName(t, s, c.ID, nil, "ar"); name != "Emergency beds" || served != "en" {
		t.Errorf("new service reads %q in %q", name, served)
	}
	// A bad phone or bad hours is refused and nothing is stored.
	for _, bad := range []string{
		`phones: [{number: "12", kind: VOICE}]`,
		`hours: {timeZone: "Mars/Base", alwaysOpen: true}`,
		`hours: {timeZone: "America/Chicago", periods: [{day: MONDAY, opens: "9", closes: "17:00"}]}`,
	} {
		resp := s.Do(t, graphtest.Request{Header: editor, Query: `mutation { createService(input: {category: SHELTER, hours: {timeZone: "UTC", alwaysOpen: true}, ` + strings.Replace(bad, "hours:", "", 0) + `}) { id } }`})
		if strings.HasPrefix(bad, "hours:") {
			resp = s.Do(t, graphtest.Request{Header: editor, Query: `mutation { createService(input: {category: SHELTER, ` + bad + `}) { id } }`})
		}
		if resp.ErrorCode() != "BAD_USER_INPUT" {
			t.Errorf("%s: got %+v, want BAD_USER_INPUT", bad, resp.Errors)
		}
	}
	n, err := s.Client.Service.Query().Count(graphtest.System(context.Background()))
	if err != nil || n != 7 {
		t.Errorf("%d services stored, want 7", n)
	}
}

// TestPageSizes: no first/last means 20; more than 100 and negative values
// are refused, nested lists too.
func TestPageSizes(t *testing.T) {
	s := graphtest.New(t)
	addServices(t, s, 30)
	tests := []struct {
		name, query, wantCode string
		wantEdges             int
	}{
		{"default page", `{ services { edges { cursor } } }`, "", 20},
		{"first 100", `{ services(first: 100) { edges { cursor } } }`, "", 36},
		{"last 3", `{ services(last: 3) { edges { cursor } } }`, "", 3},
		{"first 101", `{ services(first: 101) { edges { cursor } } }`, "BAD_USER_INPUT", 0},
		{"last 1000", `{ services(last: 1000) { edges { cursor } } }`, "BAD_USER_INPUT", 0},
		{"negative", `{ services(first: -1) { edges { cursor } } }`, "BAD_USER_INPUT", 0},
		{"both", `{ services(first: 1, last: 1) { edges { cursor } } }`, "BAD_USER_INPUT", 0},
		{"partners first 101", `{ partners(first: 101) { totalCount } }`, "BAD_USER_INPUT", 0},
		{"nested list too large", `{ services(first: 1) { edges { node { locations(first: 101) { name } } } } }`, "BAD_USER_INPUT", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := s.Do(t, graphtest.Request{Query: tt.query})
			if got := resp.ErrorCode(); got != tt.wantCode {
				t.Fatalf("code %q, want %q", got, tt.wantCode)
			}
			if tt.wantCode != "" {
				return
			}
			var got struct {
				Services struct{ Edges []struct{ Cursor string } }
			}
			resp.Decode(t, &got)
			if len(got.Services.Edges) != tt.wantEdges {
				t.Errorf("%d edges, want %d", len(got.Services.Edges), tt.wantEdges)
			}
		})
	}
}

// TestPagesWalkTheWholeList: following endCursor visits every service once.
func TestPagesWalkTheWholeList(t *testing.T) {
	s := graphtest.New(t)
	addServices(t, s, 21)
	seen := map[string]bool{}
	var after any
	for page := 0; page < 10; page++ {
		resp := s.Do(t, graphtest.Request{Query: `query($after: Cursor) { services(first: 10, after: $after) {
		  edges { node { id } } pageInfo { hasNextPage endCursor } } }`, Variables: map[string]any{"after": after}})
		var got struct {
			Services struct {
				Edges    []struct{ Node struct{ ID string } }
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
		}
		resp.Decode(t, &got)
		for _, e := range got.Services.Edges {
			if seen[e.Node.ID] {
				t.Fatalf("service %s seen twice", e.Node.ID)
			}
			seen[e.Node.ID] = true
		}
		if !got.Services.PageInfo.HasNextPage {
			break
		}
		after = got.Services.PageInfo.EndCursor
	}
	if len(seen) != 27 {
		t.Errorf("visited %d services, want 27", len(seen))
	}
}

// TestNodeIsTyped: node(id:) resolves each type, never one type's ID as
// another, and answers null for malformed or unknown IDs.
func TestNodeIsTyped(t *testing.T) {
	s := graphtest.New(t)
	svcID := string(seed.ID("svc", "advocacy"))
	tests := []struct {
		name, id, wantType string
	}{
		{"service", svcID, "Service"},
		{"organization", string(seed.ID("org", "cvn")), "Organization"},
		{"location", string(seed.ID("loc", "pilsen")), "Location"},
		{"service ID with an organization prefix", "org_" + strings.TrimPrefix(svcID, "svc_"), ""},
		{"translation prefix is not a node", "svt_" + strings.TrimPrefix(svcID, "svc_"), ""},
		{"malformed", "12", ""},
		{"empty", "", ""},
		{"unknown", string(nodeid.New("svc")), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := s.Do(t, graphtest.Request{Query: `query($id: ID!) { node(id: $id) { __typename id } }`, Variables: map[string]any{"id": tt.id}})
			var got struct {
				Node *struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
			resp.Decode(t, &got)
			switch {
			case tt.wantType == "" && got.Node != nil:
				t.Errorf("got %+v, want null", got.Node)
			case tt.wantType != "" && (got.Node == nil || got.Node.Typename != tt.wantType || got.Node.ID != tt.id):
				t.Errorf("got %+v, want a %s", got.Node, tt.wantType)
			}
		})
	}
}

// TestInactiveServicesHidden: the public never sees an inactive service, by
// list or by node; editors do.
func TestInactiveServicesHidden(t *testing.T) {
	s := graphtest.New(t)
	id := seed.ID("svc", "legal")
	if err := s.Client.Service.UpdateOneID(id).SetStatus(service.StatusINACTIVE).Exec(graphtest.System(context.Background())); err != nil {
		t.Fatal(err)
	}
	q := graphtest.Request{Query: `query($id: ID!) { node(id: $id) { id } services { totalCount } }`, Variables: map[string]any{"id": id}}
	var got struct {
		Node     *struct{ ID string }
		Services struct{ TotalCount int }
	}
	s.Do(t, q).Decode(t, &got)
	if got.Node != nil || got.Services.TotalCount != 5 {
		t.Errorf("anonymous: node %+v, total %d; want null and 5", got.Node, got.Services.TotalCount)
	}
	q.Header = graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	s.Do(t, q).Decode(t, &got)
	if got.Node == nil || got.Services.TotalCount != 6 {
		t.Errorf("editor: node %+v, total %d; want the service and 6", got.Node, got.Services.TotalCount)
	}
}

// TestFilters covers category, language and openNow.
func TestFilters(t *testing.T) {
	s := graphtest.New(t)
	// Saturday 28 November 2026, 12:00 in Chicago: counseling is closed.
	s.SetNow(time.Date(2026, 11, 28, 18, 0, 0, 0, time.UTC))
	tests := []struct {
		args string
		want []string
	}{
		{`category: COUNSELING`, []string{"COUNSELING", "COUNSELING"}}, // with the 988 line
		{`openNow: true`, []string{"VICTIM_ADVOCACY", "EMERGENCY", "COUNSELING", "VICTIM_ADVOCACY"}},
		{`openNow: false`, []string{"COUNSELING", "LEGAL_SUPPORT"}},
		{`language: "pl"`, []string{"VICTIM_ADVOCACY", "COUNSELING", "EMERGENCY"}},
		{`language: "es-MX"`, []string{"VICTIM_ADVOCACY", "COUNSELING", "LEGAL_SUPPORT", "EMERGENCY", "COUNSELING", "VICTIM_ADVOCACY"}},
		{`language: "pl", openNow: false`, []string{"COUNSELING"}},
		{`language: "fr"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			var got struct {
				Services struct {
					TotalCount int
					Edges      []struct{ Node struct{ Category string } }
				}
			}
			s.Do(t, graphtest.Request{Query: `{ services(` + tt.args + `) { totalCount edges { node { category } } } }`}).Decode(t, &got)
			var cats []string
			for _, e := range got.Services.Edges {
				cats = append(cats, e.Node.Category)
			}
			if strings.Join(cats, ",") != strings.Join(tt.want, ",") || got.Services.TotalCount != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", cats, got.Services.TotalCount, tt.want)
			}
		})
	}
}

// TestOpenNowAcrossDST: through the handler, the counseling line's next
// opening after a weekend that changes the clocks is 9:00 local time.
func TestOpenNowAcrossDST(t *testing.T) {
	s := graphtest.New(t)
	tests := []struct {
		name     string
		now      time.Time
		wantOpen bool
		wantNext time.Time
	}{
		{"Saturday before spring forward", time.Date(2026, 3, 7, 18, 0, 0, 0, time.UTC), false, time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC)},
		{"Monday 8:30 CDT", time.Date(2026, 3, 9, 13, 30, 0, 0, time.UTC), false, time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC)},
		{"Monday 9:00 CDT", time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC), true, time.Date(2026, 3, 9, 22, 0, 0, 0, time.UTC)},
		{"Saturday before fall back", time.Date(2026, 10, 31, 17, 0, 0, 0, time.UTC), false, time.Date(2026, 11, 2, 15, 0, 0, 0, time.UTC)},
		{"Monday 8:30 CST", time.Date(2026, 11, 2, 14, 30, 0, 0, time.UTC), false, time.Date(2026, 11, 2, 15, 0, 0, 0, time.UTC)},
		{"Friday 16:59 CST", time.Date(2026, 11, 6, 22, 59, 0, 0, time.UTC), true, time.Date(2026, 11, 6, 23, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.SetNow(tt.now)
			resp := s.Do(t, graphtest.Request{Query: `query($id: ID!) { node(id: $id) { ... on Service { openNow opensAt closesAt } } }`,
				Variables: map[string]any{"id": seed.ID("svc", "counseling")}})
			var got struct {
				Node struct {
					OpenNow           bool
					OpensAt, ClosesAt *time.Time
				}
			}
			resp.Decode(t, &got)
			next := got.Node.OpensAt
			if tt.wantOpen {
				next = got.Node.ClosesAt
			}
			if got.Node.OpenNow != tt.wantOpen || next == nil || !next.Equal(tt.wantNext) {
				t.Errorf("open %v next %v, want open %v next %v", got.Node.OpenNow, next, tt.wantOpen, tt.wantNext)
			}
		})
	}
}

// addServices adds n active services with English and Spanish text.
func addServices(t testing.TB, s *graphtest.Server, n int) {
	t.Helper()
	ctx := graphtest.System(context.Background())
	for i := range n {
		svc, err := s.Client.Service.Create().SetCategory(service.CategoryCOUNSELING).SetSortOrder(100 + i).
			SetHours(hours.Schedule{TimeZone: "America/Chicago", AlwaysOpen: true}).
			SetProviderID(seed.ID("org", "renewal")).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []string{"en", "es"} {
			if err := s.Client.ServiceTranslation.Create().SetServiceID(svc.ID).SetLocale(l).
				SetName(fmt.Sprintf("Service %d (%s)", i, l)).SetStatus(servicetranslation.StatusPUBLISHED).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestDirectoryStatementCount: the directory page costs the same number of
// SQL statements for 5 or 100 services.
func TestDirectoryStatementCount(t *testing.T) {
	count := func(extra int) int64 {
		s := graphtest.New(t)
		addServices(t, s, extra)
		s.Statements.Reset()
		resp := s.Do(t, graphtest.Request{Query: `{ services(first: 100) { totalCount edges { node {
		  name description servedLocale openNow hours { summary } phones { telUri } provider { name } } } } }`,
			Header: map[string]string{"Accept-Language": "es"}})
		var got struct{ Services struct{ TotalCount int } }
		resp.Decode(t, &got)
		if got.Services.TotalCount != 6+extra {
			t.Fatalf("totalCount %d, want %d", got.Services.TotalCount, 6+extra)
		}
		return s.Statements.Count()
	}
	small, large := count(1), count(96)
	if small != large {
		t.Errorf("5 services cost %d statements, 100 cost %d", small, large)
	}
	if small > 6 {
		t.Errorf("the directory page costs %d statements, want at most 6", small)
	}
	t.Logf("directory page: %d statements for 5 and for 100 services", small)
}
