package graph_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"victimservices/ent/auditrecord"
	"victimservices/ent/caseevent"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/locales"
)

const myCaseQuery = `query($l: String) { myCase(locale: $l) {
  caseNumber status statusLabel openedAt nextFollowUp
  advocate { displayName phone { telUri } email }
  events { at title detail }
  courtDates { at courtName description hearing }
  compensationClaim { status statusLabel }
  feedback { rating }
} }`

type victimCaseJSON struct {
	CaseNumber   string
	Status       string
	StatusLabel  string
	NextFollowUp *time.Time
	Advocate     *struct {
		DisplayName string
		Phone       *struct{ TelURI string }
		Email       *string
	}
	Events []struct {
		At     time.Time
		Title  string
		Detail *string
	}
	CourtDates []struct {
		CourtName, Description, Hearing string
	}
	CompensationClaim *struct{ Status, StatusLabel string }
	Feedback          *struct{ Rating int }
}

func myCase(t *testing.T, s *graphtest.Server, token, locale string) *victimCaseJSON {
	t.Helper()
	resp := s.Do(t, graphtest.Request{Query: myCaseQuery, Variables: map[string]any{"l": locale}, Header: graphtest.Bearer(token)})
	var got struct{ MyCase *victimCaseJSON }
	resp.Decode(t, &got)
	return got.MyCase
}

func mutate(t *testing.T, s *graphtest.Server, token, query string, vars map[string]any) *graphtest.Response {
	t.Helper()
	return s.Do(t, graphtest.Request{Query: query, Variables: vars, Header: graphtest.Bearer(token)})
}

const (
	assignMutation = `mutation($id: ID!, $a: ID!) { assignAdvocate(caseId: $id, advocateId: $a) { status version } }`
	statusMutation = `mutation($id: ID!, $s: CaseStatus!, $note: String, $v: Int) { updateCaseStatus(caseId: $id, status: $s, note: $note, expectedVersion: $v) { status version } }`
)

// TestCaseFlow: intake → session → myCase → assignment and status change →
// the victim sees them in Spanish and Arabic → feedback.
func TestCaseFlow(t *testing.T) {
	s := graphtest.New(t)
	number, code := s.Intake(t, "es-MX")
	if !strings.HasPrefix(number, "VS-") || len(code) != 14 {
		t.Fatalf("case number %q, code %q", number, code)
	}
	stored := s.Case(t, number)
	if strings.Contains(stored.AccessCodeHash, strings.ReplaceAll(code, "-", "")) || stored.Phone != "+13125550100" || stored.PreferredLocale != "es" {
		t.Fatalf("stored case: hash %q phone %q locale %q", stored.AccessCodeHash, stored.Phone, stored.PreferredLocale)
	}
	token := s.Session(t, number, strings.ToLower(code))

	got := myCase(t, s, token, "es")
	es, _ := locales.ByCode("es")
	if got.Status != "RECEIVED" || got.StatusLabel != es.T("caseStatus.RECEIVED", nil) || got.Advocate != nil {
		t.Fatalf("new case: %+v", got)
	}
	if len(got.Events) != 1 || got.Events[0].Title != es.T("event.RECEIVED", nil) {
		t.Errorf("events %+v", got.Events)
	}

	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	id := string(stored.ID)
	s.SetNow(s.Now().Add(time.Minute))
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": id, "a": advocateID}).Decode(t, &struct{}{})
	s.SetNow(s.Now().Add(time.Minute))
	var changed struct {
		UpdateCaseStatus struct {
			Status  string
			Version int
		}
	}
	mutate(t, s, advocate, statusMutation, map[string]any{"id": id, "s": "IN_PROGRESS", "note": "Te llamaré el lunes."}).Decode(t, &changed)
	if changed.UpdateCaseStatus.Status != "IN_PROGRESS" || changed.UpdateCaseStatus.Version != 3 {
		t.Errorf("after change: %+v", changed)
	}
	// An internal note never reaches the victim.
	mutate(t, s, advocate, `mutation($id: ID!) { addCaseNote(caseId: $id, detail: "Internal: check ID", victimVisible: false) { version } }`,
		map[string]any{"id": id}).Decode(t, &struct{}{})

	for _, l := range []string{"es", "ar"} {
		loc, _ := locales.ByCode(l)
		got := myCase(t, s, token, l)
		if got.Status != "IN_PROGRESS" || got.StatusLabel != loc.T("caseStatus.IN_PROGRESS", nil) {
			t.Errorf("%s: status %s %q", l, got.Status, got.StatusLabel)
		}
		if got.Advocate == nil || got.Advocate.Phone == nil || got.Advocate.Phone.TelURI != "tel:+13125550142" {
			t.Errorf("%s: advocate %+v", l, got.Advocate)
		}
		titles := []string{}
		for _, e := range got.Events {
			titles = append(titles, e.Title)
			if e.Detail != nil && strings.Contains(*e.Detail, "Internal") {
				t.Errorf("%s: internal note visible: %+v", l, e)
			}
		}
		want := []string{
			loc.T("event.RECEIVED", nil), loc.T("event.ADVOCATE_ASSIGNED", nil),
			loc.T("event.STATUS_CHANGED", map[string]any{"Status": loc.T("caseStatus.IN_PROGRESS", nil)}),
		}
		if strings.Join(titles, "|") != strings.Join(want, "|") {
			t.Errorf("%s: timeline %q, want %q", l, titles, want)
		}
	}

	var fb struct{ SubmitFeedback struct{ Rating int } }
	mutate(t, s, token, `mutation { submitFeedback(input: {rating: 5, comment: "Gracias"}) { rating } }`, nil).Decode(t, &fb)
	mutate(t, s, token, `mutation { submitFeedback(input: {rating: 4}) { rating } }`, nil).Decode(t, &fb)
	if got := myCase(t, s, token, "es"); got.Feedback == nil || got.Feedback.Rating != 4 {
		t.Errorf("feedback %+v, want the second rating", got.Feedback)
	}
	if resp := mutate(t, s, token, `mutation { submitFeedback(input: {rating: 6}) { rating } }`, nil); resp.ErrorCode() != "BAD_USER_INPUT" {
		t.Errorf("rating 6: %+v", resp.Errors)
	}
	// Every write left an audit record; none holds personal data.
	records, err := s.Client.AuditRecord.Query().Where(auditrecord.CaseID(stored.ID)).All(graphtest.System(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]int{}
	for _, r := range records {
		actions[r.Action]++
	}
	for _, a := range []string{"case.intake", "session.open", "case.assign", "case.status", "case.note", "case.feedback"} {
		if actions[a] == 0 {
			t.Errorf("no audit record %q in %v", a, actions)
		}
	}
}

// TestWorkflowRules: advocates follow the workflow, supervisors may correct.
func TestWorkflowRules(t *testing.T) {
	s := graphtest.New(t)
	number, _ := s.Intake(t, "en")
	id := string(s.Case(t, number).ID)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": id, "a": advocateID}).Decode(t, &struct{}{})
	steps := []struct {
		token, status, wantCode string
	}{
		{advocate, "RECEIVED", "BAD_USER_INPUT"},
		{advocate, "AWAITING_COURT", ""},
		{advocate, "AWAITING_COURT", "BAD_USER_INPUT"},
		{advocate, "CLOSED", ""},
		{advocate, "IN_PROGRESS", "BAD_USER_INPUT"},
		{supervisor, "IN_PROGRESS", ""},
		{supervisor, "RECEIVED", ""},
	}
	for i, st := range steps {
		resp := mutate(t, s, st.token, statusMutation, map[string]any{"id": id, "s": st.status})
		if resp.ErrorCode() != st.wantCode {
			t.Errorf("step %d → %s: code %q, want %q", i, st.status, resp.ErrorCode(), st.wantCode)
		}
	}
	cf := s.Case(t, number)
	if cf.Status != "RECEIVED" || cf.ClosedAt != nil {
		t.Errorf("after reopening: status %s closedAt %v", cf.Status, cf.ClosedAt)
	}
	// An advocate cannot hand a case to someone else.
	_, otherID := s.Staff(t, viewer.RoleAdvocate)
	if resp := mutate(t, s, advocate, assignMutation, map[string]any{"id": id, "a": otherID}); resp.ErrorCode() != "FORBIDDEN" {
		t.Errorf("advocate reassigning: %+v", resp.Errors)
	}
}

// TestConcurrentUpdates: two updates based on the same version: one wins,
// one gets CONFLICT, and the history shows exactly one change.
func TestConcurrentUpdates(t *testing.T) {
	s := graphtest.New(t)
	number, _ := s.Intake(t, "en")
	cf := s.Case(t, number)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	codes := make([]string, 2)
	var wg sync.WaitGroup
	for i, status := range []string{"IN_PROGRESS", "AWAITING_COURT"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp := mutate(t, s, supervisor, statusMutation, map[string]any{"id": cf.ID, "s": status, "v": cf.Version})
			codes[i] = resp.ErrorCode()
		}()
	}
	wg.Wait()
	if !(codes[0] == "" && codes[1] == "CONFLICT" || codes[0] == "CONFLICT" && codes[1] == "") {
		t.Fatalf("codes %q, want one success and one CONFLICT", codes)
	}
	n, err := s.Client.CaseEvent.Query().Where(caseevent.CaseID(cf.ID), caseevent.KindEQ(caseevent.KindSTATUS_CHANGED)).
		Count(graphtest.System(context.Background()))
	if err != nil || n != 1 {
		t.Errorf("%d status changes recorded, want 1 (%v)", n, err)
	}
	// A stale version is refused outright.
	if resp := mutate(t, s, supervisor, statusMutation, map[string]any{"id": cf.ID, "s": "CLOSED", "v": cf.Version}); resp.ErrorCode() != "CONFLICT" {
		t.Errorf("stale version: %+v", resp.Errors)
	}
}

const openSession = `mutation($n: String!, $c: String!) { openCaseSession(caseNumber: $n, accessCode: $c) { token } }`

// TestSignInLockout: eleven wrong codes lock the case, however they are sent
// (aliases in one request, separate requests, different client addresses);
// the right code is then RATE_LIMITED. Wrong codes, unknown numbers and
// malformed values get the same error.
func TestSignInLockout(t *testing.T) {
	s := graphtest.New(t)
	tests := []struct {
		name string
		send func(t *testing.T, number string)
	}{
		{"aliases in one request", func(t *testing.T, number string) {
			var b strings.Builder
			b.WriteString("mutation($n: String!) {")
			for i := range 11 {
				fmt.Fprintf(&b, " a%d: openCaseSession(caseNumber: $n, accessCode: \"2222-2222-2222\") { token }", i)
			}
			b.WriteString(" }")
			resp := s.Do(t, graphtest.Request{Query: b.String(), Variables: map[string]any{"n": number}})
			if len(resp.Errors) != 11 {
				t.Fatalf("%d errors, want 11", len(resp.Errors))
			}
		}},
		{"separate requests", func(t *testing.T, number string) {
			for range 11 {
				s.Do(t, graphtest.Request{Query: openSession, Variables: map[string]any{"n": number, "c": "2222-2222-2222"}})
			}
		}},
		{"different client addresses", func(t *testing.T, number string) {
			for i := range 11 {
				s.DoFrom(t, fmt.Sprintf("198.51.100.%d:4000", i+1), graphtest.Request{Query: openSession, Variables: map[string]any{"n": number, "c": "2222-2222-2222"}})
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			number, code := s.Intake(t, "en")
			// The first wrong attempts are plain UNAUTHENTICATED.
			resp := s.DoFrom(t, "203.0.113.9:1", graphtest.Request{Query: openSession, Variables: map[string]any{"n": number, "c": "2222-2222-2222"}})
			if resp.ErrorCode() != "UNAUTHENTICATED" {
				t.Fatalf("wrong code: %+v", resp.Errors)
			}
			tt.send(t, number)
			resp = s.DoFrom(t, "203.0.113.10:1", graphtest.Request{Query: openSession, Variables: map[string]any{"n": number, "c": code}})
			if resp.ErrorCode() != "RATE_LIMITED" {
				t.Errorf("right code after lockout: %+v, want RATE_LIMITED", resp.Errors)
			}
			// The window passes.
			s.SetNow(s.Now().Add(61 * time.Minute))
			resp = s.DoFrom(t, "203.0.113.11:1", graphtest.Request{Query: openSession, Variables: map[string]any{"n": number, "c": code}})
			if resp.ErrorCode() != "" {
				t.Errorf("right code after the window: %+v", resp.Errors)
			}
		})
	}
	t.Run("same error for every failure", func(t *testing.T) {
		number, _ := s.Intake(t, "en")
		var messages []string
		for i, c := range []struct{ n, code string }{
			{number, "2222-2222-2222"}, {"VS-2222-2222", "2222-2222-2222"}, {"not a number", "!!"}, {number, ""},
		} {
			resp := s.DoFrom(t, fmt.Sprintf("192.0.2.%d:1", 50+i), graphtest.Request{Query: openSession, Variables: map[string]any{"n": c.n, "c": c.code}})
			if resp.ErrorCode() != "UNAUTHENTICATED" {
				t.Fatalf("%+v: %+v", c, resp.Errors)
			}
			messages = append(messages, resp.Errors[0].Message)
		}
		for _, m := range messages[1:] {
			if m != messages[0] {
				t.Errorf("messages differ: %q", messages)
			}
		}
	})
}

// TestEndSession: quick exit makes the token useless at once.
func TestEndSession(t *testing.T) {
	s := graphtest.New(t)
	number, code := s.Intake(t, "en")
	token := s.Session(t, number, code)
	var out struct{ EndCaseSession bool }
	mutate(t, s, token, `mutation { endCaseSession }`, nil).Decode(t, &out)
	if !out.EndCaseSession {
		t.Fatal("endCaseSession returned false")
	}
	resp := s.Do(t, graphtest.Request{Query: myCaseQuery, Header: graphtest.Bearer(token)})
	if resp.Status != 401 || resp.ErrorCode() != "UNAUTHENTICATED" {
		t.Errorf("revoked token: %d %+v", resp.Status, resp.Errors)
	}
	// Without a token myCase is null; an expired session is refused.
	var none struct{ MyCase *struct{ Status string } }
	s.Do(t, graphtest.Request{Query: `{ myCase { status } }`}).Decode(t, &none)
	if none.MyCase != nil {
		t.Errorf("anonymous myCase %+v", none.MyCase)
	}
	token = s.Session(t, number, code)
	s.SetNow(s.Now().Add(31 * time.Minute))
	if resp := s.Do(t, graphtest.Request{Query: `{ myCase { status } }`, Header: graphtest.Bearer(token)}); resp.ErrorCode() != "UNAUTHENTICATED" {
		t.Errorf("expired session: %+v", resp.Errors)
	}
}

// TestReissueAccessCode: a new code works, the old one does not, and every
// session of the case is revoked.
func TestReissueAccessCode(t *testing.T) {
	s := graphtest.New(t)
	number, code := s.Intake(t, "en")
	token := s.Session(t, number, code)
	var out struct {
		ReissueAccessCode struct{ AccessCode string }
	}
	mutate(t, s, s.Token(t, viewer.RoleSupervisor), `mutation($id: ID!) { reissueAccessCode(caseId: $id) { accessCode case { version } } }`,
		map[string]any{"id": s.Case(t, number).ID}).Decode(t, &out)
	if resp := s.Do(t, graphtest.Request{Query: `{ myCase { status } }`, Header: graphtest.Bearer(token)}); resp.ErrorCode() != "UNAUTHENTICATED" {
		t.Errorf("old session still works: %+v", resp.Errors)
	}
	if resp := s.Do(t, graphtest.Request{Query: openSession, Variables: map[string]any{"n": number, "c": code}}); resp.ErrorCode() != "UNAUTHENTICATED" {
		t.Errorf("old code still works: %+v", resp.Errors)
	}
	if tok := s.Session(t, number, out.ReissueAccessCode.AccessCode); tok == "" {
		t.Error("new code refused")
	}
}

// TestPerformanceReport equals figures computed by hand for a fixture.
func TestPerformanceReport(t *testing.T) {
	s := graphtest.New(t)
	t0 := time.Date(2026, 10, 5, 15, 0, 0, 0, time.UTC)
	_, supervisorID := s.Staff(t, viewer.RoleSupervisor)
	at := func(d time.Duration) { s.SetNow(t0.Add(d)) }

	at(0)
	a, aCode := s.Intake(t, "en")
	b, bCode := s.Intake(t, "en")
	c, _ := s.Intake(t, "en") // never contacted, never closed
	_ = c
	for _, n := range []string{a, b} {
		mutate(t, s, s.TokenFor(t, supervisorID), assignMutation, map[string]any{"id": s.Case(t, n).ID, "a": supervisorID}).Decode(t, &struct{}{})
	}
	first := `mutation($id: ID!) { recordFirstContact(caseId: $id) { version } }`
	at(10 * time.Hour)
	mutate(t, s, s.TokenFor(t, supervisorID), first, map[string]any{"id": s.Case(t, a).ID}).Decode(t, &struct{}{})
	at(20 * time.Hour)
	mutate(t, s, s.TokenFor(t, supervisorID), first, map[string]any{"id": s.Case(t, b).ID}).Decode(t, &struct{}{})
	at(5 * 24 * time.Hour)
	mutate(t, s, s.TokenFor(t, supervisorID), `mutation($id: ID!) { closeCase(caseId: $id, outcome: RESOLVED) { status } }`,
		map[string]any{"id": s.Case(t, a).ID}).Decode(t, &struct{}{})
	at(5*24*time.Hour + time.Hour)
	mutate(t, s, s.Session(t, a, aCode), `mutation { submitFeedback(input: {rating: 5}) { rating } }`, nil).Decode(t, &struct{}{})
	mutate(t, s, s.Session(t, b, bCode), `mutation { submitFeedback(input: {rating: 3}) { rating } }`, nil).Decode(t, &struct{}{})

	var got struct {
		PerformanceReport struct {
			InitialContact, CaseResolution, Satisfaction struct {
				Current    *float64
				Goal       float64
				Unit       string
				SampleSize int
			}
			InitialContactGoal, ResolutionGoal, SatisfactionGoal struct{ Met, Of int }
			FeedbackResponseRate                                 *float64
			NotificationDelivery                                 []struct {
				Channel                string
				Sent, Failed, Deferred int
			}
		}
	}
	at(10 * 24 * time.Hour)
	q := `query($f: Time, $t: Time) { performanceReport(from: $f, to: $t) {
	  initialContact { current goal unit sampleSize } caseResolution { current goal unit sampleSize }
	  satisfaction { current goal unit sampleSize }
	  initialContactGoal { met of } resolutionGoal { met of } satisfactionGoal { met of } feedbackResponseRate
	  notificationDelivery { channel sent failed deferred } } }`
	mutate(t, s, s.TokenFor(t, supervisorID), q, map[string]any{"f": t0.Add(-time.Hour), "t": t0.Add(30 * 24 * time.Hour)}).Decode(t, &got)
	r := got.PerformanceReport
	near := func(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) < 1e-6 }
	if !near(r.InitialContact.Current, 15) || r.InitialContact.SampleSize != 2 || r.InitialContact.Goal != 24 || r.InitialContact.Unit != "hours" {
		t.Errorf("initial contact %+v (current %v), want 15 hours over 2", r.InitialContact, deref(r.InitialContact.Current))
	}
	if !near(r.CaseResolution.Current, 5) || r.CaseResolution.SampleSize != 1 || r.CaseResolution.Goal != 15 {
		t.Errorf("resolution %+v (current %v), want 5 days over 1", r.CaseResolution, deref(r.CaseResolution.Current))
	}
	if !near(r.Satisfaction.Current, 50) || r.Satisfaction.SampleSize != 2 || r.Satisfaction.Goal != 90 {
		t.Errorf("satisfaction %+v (current %v), want 50 percent over 2", r.Satisfaction, deref(r.Satisfaction.Current))
	}
	// Cases that met each goal: first contact within 24 hours (a at 10, b
	// at 20, c never), closed within 15 days (a), rated 4 or 5 (a's 5 of
	// 5 and 3); the one closed case answered the feedback request.
	if g := r.InitialContactGoal; g.Met != 2 || g.Of != 3 {
		t.Errorf("initial contact goal %+v, want 2 of 3", g)
	}
	if g := r.ResolutionGoal; g.Met != 1 || g.Of != 1 {
		t.Errorf("resolution goal %+v, want 1 of 1", g)
	}
	if g := r.SatisfactionGoal; g.Met != 1 || g.Of != 2 {
		t.Errorf("satisfaction goal %+v, want 1 of 2", g)
	}
	if !near(r.FeedbackResponseRate, 1) {
		t.Errorf("feedback response rate %v, want 1", deref(r.FeedbackResponseRate))
	}
	if d := r.NotificationDelivery; len(d) != 2 || d[0].Channel != "SMS" || d[1].Channel != "EMAIL" || d[0].Sent+d[1].Sent != 0 {
		t.Errorf("notification delivery %+v, want SMS and EMAIL with nothing (no outreach configured)", d)
	}
	// Nothing in an empty period; advocates are refused.
	mutate(t, s, s.TokenFor(t, supervisorID), q, map[string]any{"f": t0.Add(-48 * time.Hour), "t": t0.Add(-24 * time.Hour)}).Decode(t, &got)
	if got.PerformanceReport.InitialContact.Current != nil || got.PerformanceReport.Satisfaction.SampleSize != 0 {
		t.Errorf("empty period: %+v", got.PerformanceReport)
	}
	if resp := mutate(t, s, s.Token(t, viewer.RoleAdvocate), q, nil); resp.ErrorCode() != "FORBIDDEN" {
		t.Errorf("advocate: %+v", resp.Errors)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
