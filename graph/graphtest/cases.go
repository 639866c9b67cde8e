package graphtest

import (
	"context"
	"testing"
	"time"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/internal/cases"
	"victimservices/internal/seed"
)

// Intake asks for help through the API and returns the case number and
// access code.
func (s *Server) Intake(tb testing.TB, locale string) (number, code string) {
	tb.Helper()
	resp := s.DoFrom(tb, "192.0.2.1:1000", Request{Query: `mutation($in: SupportRequestInput!) { requestSupport(input: $in) { caseNumber accessCode } }`,
		Variables: map[string]any{"in": map[string]any{
			"preferredLocale": locale, "contactMethod": "PHONE", "phone": "(312) 555-0100",
			"safeToLeaveMessage": false, "needs": []string{"VICTIM_ADVOCACY", "COUNSELING"},
			"safeContactTimes": "Weekdays after 6 pm", "description": "Someone broke into my car.",
		}}})
	var got struct {
		RequestSupport struct{ CaseNumber, AccessCode string }
	}
	resp.Decode(tb, &got)
	return got.RequestSupport.CaseNumber, got.RequestSupport.AccessCode
}

// Session opens a victim session and returns its bearer token.
func (s *Server) Session(tb testing.TB, number, code string) string {
	tb.Helper()
	resp := s.Do(tb, Request{Query: `mutation($n: String!, $c: String!) { openCaseSession(caseNumber: $n, accessCode: $c) { token expiresAt } }`,
		Variables: map[string]any{"n": number, "c": code}})
	var got struct {
		OpenCaseSession cases.CaseSessionPayload
	}
	resp.Decode(tb, &got)
	return got.OpenCaseSession.Token
}

// Case returns the stored case, bypassing the privacy rules.
func (s *Server) Case(tb testing.TB, number string) *ent.CaseFile {
	tb.Helper()
	cf, err := s.Client.CaseFile.Query().Where(casefile.CaseNumber(number)).Only(System(context.Background()))
	if err != nil {
		tb.Fatalf("case %s: %v", number, err)
	}
	return cf
}

// Fill gives the case one row of each kind it can own that the API makes
// only through longer workflows (a court date, a follow-up, a referral to
// a demo partner), so tests of what removes a case see all of them.
func (s *Server) Fill(tb testing.TB, cf *ent.CaseFile) {
	tb.Helper()
	ctx := System(context.Background())
	if err := s.Client.CourtDate.Create().SetCaseID(cf.ID).SetAt(s.Now().Add(72 * time.Hour)).SetCourtName("Cook County Circuit Court").
		SetStreet("2650 S California Ave").SetCity("Chicago").Exec(ctx); err != nil {
		tb.Fatalf("court date: %v", err)
	}
	if err := s.Client.FollowUp.Create().SetCaseID(cf.ID).SetDueAt(s.Now().Add(24 * time.Hour)).SetNote("Llamar por la tarde").Exec(ctx); err != nil {
		tb.Fatalf("follow-up: %v", err)
	}
	if err := s.Client.Referral.Create().SetCaseID(cf.ID).SetPartnerID(seed.ID("org", "cvn")).SetReason("Necesita una orden de protección").Exec(ctx); err != nil {
		tb.Fatalf("referral: %v", err)
	}
}
