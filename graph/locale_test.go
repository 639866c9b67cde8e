package graph_test

import (
	"encoding/json"
	"testing"
	"time"

	"victimservices/ent/schema/viewer"
	"victimservices/graph"
	"victimservices/graph/graphtest"
	"victimservices/locales"
)

// TestMyCaseUpdatedLocale: the live update is in the subscription's locale
// argument, inline or in a variable, not the socket's Accept-Language
// (English here); with no argument, or an empty one, it is the socket's.
func TestMyCaseUpdatedLocale(t *testing.T) {
	s := graphtest.New(t)
	srv := s.HTTP(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	tests := []struct {
		name  string
		query string
		vars  map[string]any
		want  string
	}{
		{"inline", `subscription { myCaseUpdated(locale: "pl") { statusLabel events { title } } }`, nil, "pl"},
		{"variable", `subscription($l: String) { myCaseUpdated(locale: $l) { statusLabel events { title } } }`, map[string]any{"l": "uk"}, "uk"},
		{"empty is no override", `subscription { myCaseUpdated(locale: "") { statusLabel events { title } } }`, nil, "en"},
		{"absent", `subscription { myCaseUpdated { statusLabel events { title } } }`, nil, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			number, code := s.Intake(t, "es")
			sub, err := graphtest.Subscribe(t, srv, s.Session(t, number, code), tt.query, tt.vars)
			if err != nil {
				t.Fatal(err)
			}
			data := updateOnProgress(t, s, supervisor, number, sub)
			var got struct {
				MyCaseUpdated struct {
					StatusLabel string
					Events      []struct{ Title string }
				}
			}
			_ = json.Unmarshal(data, &got)
			l, _ := locales.ByCode(tt.want)
			if want := l.T("caseStatus.IN_PROGRESS", nil); got.MyCaseUpdated.StatusLabel != want {
				t.Errorf("statusLabel %q, want %q (%s)", got.MyCaseUpdated.StatusLabel, want, tt.want)
			}
			wantTitle := l.T("event.STATUS_CHANGED", map[string]any{"Status": l.T("caseStatus.IN_PROGRESS", nil)})
			found := false
			for _, e := range got.MyCaseUpdated.Events {
				found = found || e.Title == wantTitle
			}
			if !found {
				t.Errorf("events %+v, want one %q", got.MyCaseUpdated.Events, wantTitle)
			}
		})
	}
}

// TestEmptyLocaleArgument: locale: "" is no override (a client sends it when
// the user chose nothing): text follows Accept-Language, not English.
func TestEmptyLocaleArgument(t *testing.T) {
	s := graphtest.New(t)
	empty := ""
	got, _ := directory(t, s, map[string]string{"Accept-Language": "pl"}, &empty)
	if len(got.Services.Edges) == 0 {
		t.Fatal("no services")
	}
	for _, e := range got.Services.Edges {
		if e.Node.ServedLocale != "pl" {
			t.Errorf("%s served in %q, want pl", e.Node.Category, e.Node.ServedLocale)
		}
	}
}

// updateOnProgress lets sub register, moves the case to IN_PROGRESS and
// returns the update sub receives.
func updateOnProgress(t *testing.T, s *graphtest.Server, supervisor, number string, sub *graphtest.Subscription) json.RawMessage {
	t.Helper()
	time.Sleep(100 * time.Millisecond) // let the subscriptions register
	mutate(t, s, supervisor, statusMutation, map[string]any{"id": s.Case(t, number).ID, "s": "IN_PROGRESS"}).Decode(t, &struct{}{})
	data, ok := sub.Next(t, 5*time.Second)
	if !ok {
		t.Fatalf("no update (%v)", sub.Err)
	}
	return data
}

// TestHoursSummaryDayNames: weekday names are capitalised where a sentence
// starts and written as the language writes them mid-sentence elsewhere:
// the end of a range, a later day of a list, the first day after "; ".
// Spanish and Polish end each group with a full stop, so the next starts a
// sentence.
func TestHoursSummaryDayNames(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	var created struct{ CreateService struct{ ID string } }
	s.Do(t, graphtest.Request{Header: editor, Query: `mutation {
	  createService(input: {category: SHELTER, hours: {timeZone: "America/Chicago", periods: [
	    {day: MONDAY, opens: "10:00", closes: "14:00"}, {day: SATURDAY, opens: "10:00", closes: "14:00"},
	    {day: TUESDAY, opens: "09:00", closes: "17:00"}, {day: WEDNESDAY, opens: "09:00", closes: "17:00"},
	    {day: THURSDAY, opens: "09:00", closes: "17:00"}, {day: FRIDAY, opens: "09:00", closes: "17:00"}]}}) { id } }`}).Decode(t, &created)
	tests := []struct{ locale, want string }{
		{"en", "Monday, Saturday, 10 am to 2 pm; Tuesday to Friday, 9 am to 5 pm"},
		{"es", "Lunes, sábado, de 10:00 a 14:00. Martes a viernes, de 9:00 a 17:00"},
		{"pl", "Poniedziałek, sobota, 10:00–14:00. Wtorek–piątek, 9:00–17:00"},
		{"ru", "Понедельник, суббота, 10:00–14:00; вторник–пятница, 9:00–17:00"},
		{"uk", "Понеділок, субота, 10:00–14:00; вівторок–п’ятниця, 9:00–17:00"},
		{"tl", "Lunes, Sabado, 10 AM hanggang 2 PM; Martes hanggang Biyernes, 9 AM hanggang 5 PM"},
	}
	for _, tt := range tests {
		t.Run(tt.locale, func(t *testing.T) {
			var got struct {
				Node struct{ Hours struct{ Summary string } }
			}
			s.Do(t, graphtest.Request{Query: `query($id: ID!, $l: String) { node(id: $id, locale: $l) { ... on Service { hours { summary } } } }`,
				Variables: map[string]any{"id": created.CreateService.ID, "l": tt.locale}}).Decode(t, &got)
			if got.Node.Hours.Summary != tt.want {
				t.Errorf("got  %q\nwant %q", got.Node.Hours.Summary, tt.want)
			}
		})
	}
}

// TestRequestSupportErrorsInPreferredLocale: an intake refused for bad input
// answers in the person's preferredLocale, not the device's Accept-Language;
// a preferredLocale naming no supported locale leaves Accept-Language.
func TestRequestSupportErrorsInPreferredLocale(t *testing.T) {
	s := graphtest.New(t)
	tests := []struct{ name, preferred, header, want string }{
		{"preferred wins", "es-MX", "en", "es"},
		{"preferred in Ukrainian", "uk", "pl", "uk"},
		{"unsupported preferred", "xx", "pl", "pl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := map[string]any{"preferredLocale": tt.preferred, "contactMethod": "PHONE", "phone": "12", "safeToLeaveMessage": false}
			resp := s.Do(t, graphtest.Request{Query: intakeMutation, Variables: map[string]any{"in": in},
				Header: map[string]string{"Accept-Language": tt.header}})
			if resp.ErrorCode() != "BAD_USER_INPUT" {
				t.Fatalf("code %q (%+v)", resp.ErrorCode(), resp.Errors)
			}
			l, _ := locales.ByCode(tt.want)
			if got, want := resp.Errors[0].Message, l.T("error.invalidPhone", nil); got != want {
				t.Errorf("message %q, want %q (%s)", got, want, tt.want)
			}
		})
	}
}

// TestLimitErrorsInAcceptLanguage: a refusal before execution (a page too
// large) answers in the negotiated Accept-Language locale.
func TestLimitErrorsInAcceptLanguage(t *testing.T) {
	s := graphtest.New(t)
	for _, code := range []string{"es", "uk", "zh-Hant"} {
		resp := s.Do(t, graphtest.Request{Query: `{ services(first: 1000) { totalCount } }`, Header: map[string]string{"Accept-Language": code}})
		l, _ := locales.ByCode(code)
		if resp.ErrorCode() != "BAD_USER_INPUT" || resp.Errors[0].Message != l.Plural("error.pageTooLarge", graph.MaxPageSize, nil) {
			t.Errorf("%s: %+v", code, resp.Errors)
		}
	}
}
