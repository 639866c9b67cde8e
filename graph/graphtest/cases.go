package graphtest

import (
	"context"
	"testing"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/internal/cases"
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
