package graph_test

import (
	"fmt"
	"testing"
	"time"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
)

// caseViewQuery is the victim's case screen, as the app asks for it.
const caseViewQuery = `{ myCase(locale: "es") { caseNumber status statusLabel openedAt nextFollowUp
  advocate { displayName phone { telUri } email }
  events { at title detail }
  courtDates { at courtName description address { street city } }
  compensationClaim { status statusLabel updatedAt }
  referrals { status statusLabel shareLabel partner { name email phones { telUri } } service { name } }
  feedback { rating } } }`

// TestCaseViewStatementCount: the victim's case view costs the same number
// of SQL statements for a short history and a long one, with few or many
// other cases in the database.
func TestCaseViewStatementCount(t *testing.T) {
	count := func(steps, others int) int64 {
		s := graphtest.New(t)
		supervisor, supervisorID := s.Staff(t, viewer.RoleSupervisor)
		for i := range others {
			s.DoFrom(t, fmt.Sprintf("198.51.100.%d:1", i%250), graphtest.Request{Query: `mutation { requestSupport(input: {preferredLocale: "en", contactMethod: IN_APP, safeToLeaveMessage: true}) { caseNumber } }`})
		}
		number, code := s.Intake(t, "es")
		id := s.Case(t, number).ID
		mutate(t, s, supervisor, assignMutation, map[string]any{"id": id, "a": supervisorID}).Decode(t, &struct{}{})
		for i := range steps {
			s.SetNow(s.Now().Add(time.Minute))
			mutate(t, s, supervisor, `mutation($id: ID!, $d: String!) { addCaseNote(caseId: $id, detail: $d, victimVisible: true) { version } }`,
				map[string]any{"id": id, "d": fmt.Sprintf("note %d", i)}).Decode(t, &struct{}{})
			mutate(t, s, supervisor, `mutation($id: ID!, $at: Time!) { addCourtDate(caseId: $id, input: {at: $at, courtName: "Cook County"}) { version } }`,
				map[string]any{"id": id, "at": s.Now().Add(48 * time.Hour)}).Decode(t, &struct{}{})
			mutate(t, s, supervisor, proposeMutation, map[string]any{"id": id, "p": seed.ID("org", []string{"cvn", "harbor", "renewal"}[i%3])}).Decode(t, &struct{}{})
		}
		token := s.Session(t, number, code)
		myCase(t, s, token, "es") // slides the session once
		s.Statements.Reset()
		s.Do(t, graphtest.Request{Query: caseViewQuery, Header: graphtest.Bearer(token)}).Decode(t, &struct{}{})
		return s.Statements.Count()
	}
	small, large := count(1, 0), count(12, 25)
	if small != large {
		t.Errorf("case view: %d statements with 1 of each, %d with 12 and 25 other cases", small, large)
	}
	t.Logf("case view: %d statements at both sizes", small)
}
