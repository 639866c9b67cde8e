package retention_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"victimservices/ent"
	"victimservices/ent/auditrecord"
	"victimservices/ent/casefile"
	"victimservices/ent/casemessage"
	"victimservices/ent/casesession"
	"victimservices/ent/courtdate"
	"victimservices/ent/followup"
	"victimservices/ent/referral"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/retention"
)

func do(t *testing.T, s *graphtest.Server, token, query string, vars map[string]any, out any) {
	t.Helper()
	h := map[string]string{}
	if token != "" {
		h = graphtest.Bearer(token)
	}
	s.Do(t, graphtest.Request{Query: query, Variables: vars, Header: h}).Decode(t, out)
}

// TestRetentionRemovesWhatItsDryRunListed: with an injected clock, a case
// closed three years and a day ago is anonymised, exactly as the dry run
// said, and a case closed a day less is left alone; the KPIs still count
// the anonymised case; ended sessions and old rate events go.
func TestRetentionRemovesWhatItsDryRunListed(t *testing.T) {
	s := graphtest.New(t)
	ctx := graphtest.System(context.Background())
	t0 := s.Now()
	_, supID := s.Staff(t, viewer.RoleSupervisor)
	open := func(phone string) (*ent.CaseFile, string) {
		var got struct {
			RequestSupport struct{ CaseNumber, AccessCode string }
		}
		do(t, s, "", `mutation($in: SupportRequestInput!) { requestSupport(input: $in) { caseNumber accessCode } }`,
			map[string]any{"in": map[string]any{"preferredLocale": "es", "contactMethod": "EMAIL", "email": "persona" + phone + "@example.org",
				"phone": "(312) 555-" + phone, "description": "Lo que pasó la noche del martes", "safeContactTimes": "por la mañana",
				"needs": []string{"VICTIM_ADVOCACY"}, "safeToLeaveMessage": true}}, &got)
		return s.Case(t, got.RequestSupport.CaseNumber), got.RequestSupport.AccessCode
	}
	old, oldCode := open("0190")
	recent, _ := open("0191")
	session := s.Session(t, old.CaseNumber, oldCode)
	do(t, s, session, `mutation { sendCaseMessage(body: "Gracias por su ayuda") { id } }`, nil, &struct{}{})
	do(t, s, session, `mutation { submitFeedback(input: {rating: 5, comment: "Me ayudaron mucho"}) { rating } }`, nil, &struct{}{})
	closeCase := func(cf *ent.CaseFile) {
		do(t, s, s.TokenFor(t, supID), `mutation($id: ID!, $a: ID!) { assignAdvocate(caseId: $id, advocateId: $a) { version } }`,
			map[string]any{"id": cf.ID, "a": supID}, &struct{}{})
		do(t, s, s.TokenFor(t, supID), `mutation($id: ID!) { closeCase(caseId: $id, outcome: RESOLVED, note: "Resuelto con la familia") { status } }`,
			map[string]any{"id": cf.ID}, &struct{}{})
	}
	s.Fill(t, old)
	closeCase(old)
	s.SetNow(t0.Add(24 * time.Hour))
	closeCase(recent)

	p := retention.DefaultPolicy
	// A day before the old case's time: nothing of the cases.
	before, err := retention.Run(ctx, s.Client, p, t0.Add(p.ClosedCases-time.Hour), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Cases) != 0 {
		t.Fatalf("anonymised early: %v", before.Cases)
	}
	at := t0.Add(p.ClosedCases + time.Hour)
	dry, err := retention.Run(ctx, s.Client, p, at, true)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(dry.Cases) != fmt.Sprint([]string{old.CaseNumber}) || dry.Counts["case messages"] != 1 || dry.Counts["sessions"] < 1 {
		t.Fatalf("dry run: %s", dry)
	}
	// The dry run changed nothing.
	if got := s.Case(t, old.CaseNumber); got.Phone == "" || got.AnonymizedAt != nil {
		t.Fatalf("the dry run changed the case: %+v", got)
	}
	done, err := retention.Run(ctx, s.Client, p, at, false)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(done.Cases, dry.Cases) || !reflect.DeepEqual(done.Counts, dry.Counts) {
		t.Fatalf("removed\n%s\nthe dry run listed\n%s", done, dry)
	}

	// What is left of the old case: no contact, no free text, no messages
	// or sessions; its dates and outcome. The recent one is whole.
	got := s.Case(t, old.CaseNumber)
	if got.Phone != "" || got.Email != "" || got.Description != "" || got.SafeContactTimes != "" || got.AnonymizedAt == nil ||
		got.ClosedAt == nil || got.Outcome == nil || got.Status != casefile.StatusCLOSED {
		t.Errorf("anonymised case %+v", got)
	}
	if n, _ := s.Client.CaseMessage.Query().Where(casemessage.CaseID(old.ID)).Count(ctx); n != 0 {
		t.Errorf("%d messages left", n)
	}
	if n, _ := s.Client.CaseSession.Query().Where(casesession.CaseID(old.ID)).Count(ctx); n != 0 {
		t.Errorf("%d sessions left", n)
	}
	if d, err := s.Client.CourtDate.Query().Where(courtdate.CaseID(old.ID)).Only(ctx); err != nil || d.Street != "" || d.City != "" || d.CourtName == "" {
		t.Errorf("court date %+v (%v), want its address cleared", d, err)
	}
	if f, err := s.Client.FollowUp.Query().Where(followup.CaseID(old.ID)).Only(ctx); err != nil || f.Note != "" {
		t.Errorf("follow-up %+v (%v), want its note cleared", f, err)
	}
	if r, err := s.Client.Referral.Query().Where(referral.CaseID(old.ID)).Only(ctx); err != nil || r.Reason != "" {
		t.Errorf("referral (%v), want its reason cleared", err)
	}
	for _, kind := range []string{"court addresses cleared", "follow-up notes cleared", "referral reasons cleared"} {
		if done.Counts[kind] != 1 {
			t.Errorf("%s: %d, want 1", kind, done.Counts[kind])
		}
	}
	fb, err := s.Client.Feedback.Query().All(ctx)
	if err != nil || len(fb) != 1 || fb[0].Comment != "" || fb[0].Rating != 5 {
		t.Errorf("feedback %+v (%v), want the rating without the comment", fb, err)
	}
	if r := s.Case(t, recent.CaseNumber); r.Phone == "" || r.Description == "" || r.AnonymizedAt != nil {
		t.Errorf("the recent case was touched: %+v", r)
	}
	if n, _ := s.Client.AuditRecord.Query().Where(auditrecord.Action("retention.anonymize"), auditrecord.CaseID(old.ID)).Count(ctx); n != 1 {
		t.Errorf("%d audit records of the anonymisation, want 1", n)
	}
	// The access code no longer opens it.
	if code := s.Do(t, graphtest.Request{Query: `mutation($n: String!, $c: String!) { openCaseSession(caseNumber: $n, accessCode: $c) { token } }`,
		Variables: map[string]any{"n": old.CaseNumber, "c": oldCode}}).ErrorCode(); code != "UNAUTHENTICATED" {
		t.Errorf("the old access code on the anonymised case: %q, want UNAUTHENTICATED", code)
	}
	// The KPIs still count it: both cases were resolved within 15 days.
	s.SetNow(at)
	var kpi struct {
		PerformanceReport struct{ ResolutionGoal struct{ Met, Of int } }
	}
	do(t, s, s.TokenFor(t, supID), `query($f: Time, $t: Time) { performanceReport(from: $f, to: $t) { resolutionGoal { met of } } }`,
		map[string]any{"f": t0.Add(-time.Hour), "t": t0.Add(48 * time.Hour)}, &kpi)
	if g := kpi.PerformanceReport.ResolutionGoal; g.Met != 2 || g.Of != 2 {
		t.Errorf("resolution goal after anonymising %+v, want 2 of 2", g)
	}
	// A second run finds nothing more of the cases.
	again, err := retention.Run(ctx, s.Client, p, at, true)
	if err != nil || len(again.Cases) != 0 {
		t.Errorf("second run %v (%v)", again, err)
	}
}
