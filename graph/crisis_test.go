package graph_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
	"victimservices/locales"
)

const crisisQuery = `query($l: String) { crisisContacts(locale: $l) {
  name servedLocale description translationReview { status }
  phones { number display telUri smsUri smsBody kind }
  service { id national category }
} }`

type crisisPhone struct {
	Number, Display, TelURI, Kind string
	SMSURI, SMSBody               *string
}

type crisisContact struct {
	Name, ServedLocale string
	Description        *string
	TranslationReview  struct{ Status string }
	Phones             []crisisPhone
	Service            struct {
		ID       string
		National bool
		Category string
	}
}

func crisisContacts(t *testing.T, s *graphtest.Server, locale string) []crisisContact {
	t.Helper()
	var got struct{ CrisisContacts []crisisContact }
	s.Do(t, graphtest.Request{Query: crisisQuery, Variables: map[string]any{"l": locale}}).Decode(t, &got)
	return got.CrisisContacts
}

// phoneLine is a phone as the test compares it: number, kind, tel: and sms: URIs.
func phoneLine(p crisisPhone) string {
	sms := "-"
	if p.SMSURI != nil {
		sms = *p.SMSURI
	}
	return fmt.Sprintf("%s %s %s %s %s", p.Number, p.Display, p.Kind, p.TelURI, sms)
}

func phoneLines(phones []crisisPhone) string {
	var out []string
	for _, p := range phones {
		out = append(out, phoneLine(p))
	}
	return strings.Join(out, "; ")
}

// TestCrisisContacts: the lines shown before anything else come in one order
// in every language (911, the unit's 24/7 line, 988, the domestic violence
// hotline), with their names in the reader's language, tel: URIs for calling
// and sms: URIs where a line takes texts.
func TestCrisisContacts(t *testing.T) {
	s := graphtest.New(t)
	wantPhones := [][]string{
		{"911 911 HOTLINE tel:911 -"},
		{"+13125551234 (312) 555-1234 HOTLINE tel:+13125551234 -"},
		{"988 988 HOTLINE tel:988 -", "988 988 SMS tel:988 sms:988"},
		{"+18007997233 (800) 799-7233 HOTLINE tel:+18007997233 -", "88788 88788 SMS tel:88788 sms:88788?body=START"},
	}
	wantIDs := []string{string(seed.ID("svc", "emergency")), string(seed.ID("svc", "advocacy")),
		string(seed.ID("svc", "lifeline988")), string(seed.ID("svc", "dvhotline"))}
	wantNational := []bool{false, false, true, true}
	tests := []struct {
		locale, served string
		names          []string
	}{
		{"en", "en", []string{"Emergency Hotline", "Victim Advocacy", "988 Suicide & Crisis Lifeline", "National Domestic Violence Hotline"}},
		{"es", "es", []string{"Línea de emergencia", "Apoyo a víctimas", "988 Línea de Prevención del Suicidio y Crisis", "Línea Nacional de Violencia Doméstica"}},
		{"ar", "ar", []string{"خط الطوارئ", "دعم الضحايا", "988 خط المساعدة في حالات الانتحار والأزمات", "الخط الساخن الوطني للعنف الأسري"}},
		{"es-MX", "es", nil},
		{"fr", "en", nil},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			got := crisisContacts(t, s, tt.locale)
			if len(got) != len(wantIDs) {
				t.Fatalf("%d contacts %+v, want %d", len(got), got, len(wantIDs))
			}
			for i, c := range got {
				if c.Service.ID != wantIDs[i] || c.Service.National != wantNational[i] {
					t.Errorf("contact %d is %s (national %v), want %s (national %v)", i, c.Service.ID, c.Service.National, wantIDs[i], wantNational[i])
				}
				if c.ServedLocale != tt.served {
					t.Errorf("contact %d served in %q, want %q", i, c.ServedLocale, tt.served)
				}
				// The demo's English is the unit's own (REVIEWED); its translations are MACHINE.
				if want := map[bool]string{true: "REVIEWED", false: "MACHINE"}[tt.served == "en"]; c.TranslationReview.Status != want {
					t.Errorf("contact %d (%s) review %q, want %q", i, tt.served, c.TranslationReview.Status, want)
				}
				if tt.names != nil && c.Name != tt.names[i] {
					t.Errorf("contact %d name %q, want %q", i, c.Name, tt.names[i])
				}
				if c.Description == nil || *c.Description == "" {
					t.Errorf("contact %d (%s) has no description", i, c.Name)
				}
				if phones := phoneLines(c.Phones); phones != strings.Join(wantPhones[i], "; ") {
					t.Errorf("contact %d phones\n got %q\nwant %q", i, phones, strings.Join(wantPhones[i], "; "))
				}
			}
			// What to text is shown as well as put in the URI.
			if body := got[3].Phones[1].SMSBody; body == nil || *body != "START" {
				t.Errorf("hotline text body %v, want START", body)
			}
		})
	}
}

// TestCrisisContactsPublicGET: the crisis lines are one cacheable public GET
// (an app keeps them for offline use), costing the same statements however
// many lines the directory holds, and an editor's change of a number reaches
// them at once, cached answer or not.
func TestCrisisContactsPublicGET(t *testing.T) {
	get := func(s *graphtest.Server) (*graphtest.Response, []crisisContact) {
		t.Helper()
		q := url.QueryEscape(`{ crisisContacts(locale: "es") { name servedLocale phones { telUri smsUri } service { id } } }`)
		resp := s.Serve(t, httptest.NewRequest(http.MethodGet, "/query?query="+q, nil))
		var got struct{ CrisisContacts []crisisContact }
		resp.Decode(t, &got)
		return resp, got.CrisisContacts
	}
	t.Run("cacheable", func(t *testing.T) {
		s := graphtest.New(t)
		resp, got := get(s)
		if cc := resp.Header.Get("Cache-Control"); !strings.HasPrefix(cc, "public, max-age=") || resp.Header.Get("ETag") == "" {
			t.Errorf("Cache-Control %q, ETag %q: want a public, cacheable answer", cc, resp.Header.Get("ETag"))
		}
		if len(got) != 4 || got[0].Phones[0].TelURI != "tel:911" {
			t.Errorf("GET answer %+v, want 911 first of four", got)
		}
	})
	t.Run("editor change reaches crisisContacts", func(t *testing.T) {
		s := graphtest.New(t)
		editor := s.Token(t, viewer.RoleEditor)
		get(s) // now in the server's cache
		var changed struct{ UpdateService struct{ ID string } }
		mutate(t, s, editor, `mutation($id: ID!) { updateService(id: $id, input: {phones: [
		  {number: "988", kind: HOTLINE}, {number: "988", kind: SMS}, {number: "(312) 555-0988", kind: VOICE}]}) { id } }`,
			map[string]any{"id": seed.ID("svc", "lifeline988")}).Decode(t, &changed)
		_, got := get(s)
		if len(got) != 4 || len(got[2].Phones) != 3 || got[2].Phones[2].TelURI != "tel:+13125550988" {
			t.Fatalf("after the edit: %+v, want the 988 line with the new number", got)
		}
		if sms := got[2].Phones[1].SMSURI; sms == nil || *sms != "sms:988" {
			t.Errorf("988 text line %v, want sms:988", sms)
		}
	})
	t.Run("statements", func(t *testing.T) {
		count := func(extra int) int64 {
			s := graphtest.New(t)
			editor := s.Token(t, viewer.RoleEditor)
			for i := range extra {
				var created struct{ CreateService struct{ ID string } }
				mutate(t, s, editor, `mutation($p: String!) { createService(input: {category: COUNSELING, national: true,
				  hours: {timeZone: "America/New_York", alwaysOpen: true}, phones: [{number: $p, kind: HOTLINE}]}) { id } }`,
					map[string]any{"p": fmt.Sprintf("(212) 555-01%02d", i)}).Decode(t, &created)
				mutate(t, s, editor, `mutation($id: ID!, $n: String!) { saveTranslation(input: {ownerId: $id, locale: "es", name: $n, publish: true}) { locale } }`,
					map[string]any{"id": created.CreateService.ID, "n": fmt.Sprintf("Línea %d", i)}).Decode(t, &struct{}{})
			}
			s.Statements.Reset()
			_, got := get(s)
			if len(got) != 4+extra {
				t.Fatalf("%d contacts, want %d", len(got), 4+extra)
			}
			return s.Statements.Count()
		}
		small, large := count(0), count(12)
		if small != large {
			t.Errorf("4 lines cost %d statements, 16 cost %d", small, large)
		}
	})
}

// TestUrgentIntakeCrisisLines: a person who is not safe sees 911 and the
// unit's 24/7 line first, then the national lines, in their language.
func TestUrgentIntakeCrisisLines(t *testing.T) {
	s := graphtest.New(t)
	tests := []struct {
		name, locale, served string
	}{
		{"Spanish", "es-MX", "es"},
		{"Arabic", "ar", "ar"},
		{"English", "en", "en"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct {
				RequestSupport struct {
					Urgent            bool
					EmergencyContacts []crisisContact
				}
			}
			s.DoFrom(t, fmt.Sprintf("192.0.2.%d:1", 40+i), graphtest.Request{Query: `mutation($in: SupportRequestInput!) { requestSupport(input: $in) {
			  urgent emergencyContacts { name servedLocale phones { number display telUri smsUri smsBody kind } service { id national } } } }`,
				Variables: map[string]any{"in": map[string]any{"preferredLocale": tt.locale, "contactMethod": "IN_APP",
					"safeToLeaveMessage": false, "immediateDanger": true}}}).Decode(t, &got)
			want := crisisContacts(t, s, tt.served)
			c := got.RequestSupport.EmergencyContacts
			if !got.RequestSupport.Urgent || len(c) != 4 {
				t.Fatalf("urgent %v, %d contacts %+v, want the 4 crisis lines", got.RequestSupport.Urgent, len(c), c)
			}
			if c[0].Phones[0].TelURI != "tel:911" || c[1].Phones[0].TelURI != "tel:+13125551234" {
				t.Errorf("first lines %+v, %+v: want 911, then the 24/7 line", c[0], c[1])
			}
			for j := range c {
				if c[j].Name != want[j].Name || c[j].ServedLocale != tt.served || c[j].Service.ID != want[j].Service.ID ||
					phoneLines(c[j].Phones) != phoneLines(want[j].Phones) {
					t.Errorf("intake line %d %+v, crisisContacts has %+v", j, c[j], want[j])
				}
			}
		})
	}
}

// TestCrisisGuidesNameTheNationalLines: the guides that tell a person in
// crisis what to do name 988 and the domestic violence hotline, not only
// 911, in every locale.
func TestCrisisGuidesNameTheNationalLines(t *testing.T) {
	s := graphtest.New(t)
	tests := []struct {
		slug string
		want []string
	}{
		{"safety-planning", []string{"tel:911", "tel:988", "tel:+18007997233", "88788"}},
		{"crisis-line-and-911", []string{"tel:911", "tel:988", "tel:+18007997233", "88788"}},
		{"counseling-and-trauma-support", []string{"tel:911", "tel:988"}},
	}
	for _, l := range locales.Supported {
		for _, tt := range tests {
			t.Run(l.Code+"/"+tt.slug, func(t *testing.T) {
				var got struct {
					Resource *struct{ Body, ServedLocale string }
				}
				s.Do(t, graphtest.Request{Query: `query($s: String!, $l: String) { resource(slug: $s, locale: $l) { body servedLocale } }`,
					Variables: map[string]any{"s": tt.slug, "l": l.Code}}).Decode(t, &got)
				if got.Resource == nil || got.Resource.ServedLocale != l.Code {
					t.Fatalf("guide %+v, want it in %s", got.Resource, l.Code)
				}
				for _, w := range tt.want {
					if !strings.Contains(got.Resource.Body, w) {
						t.Errorf("body does not name %s", w)
					}
				}
			})
		}
	}
}
