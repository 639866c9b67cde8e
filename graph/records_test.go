package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"victimservices/ent/auditrecord"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/casemessage"
	"victimservices/ent/casesession"
	"victimservices/ent/courtdate"
	"victimservices/ent/followup"
	"victimservices/ent/notification"
	"victimservices/ent/referral"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
)

// TestAPersonsDataOnRequest: a supervisor exports one case as JSON (its
// contact details and messages opened), then erases it: every row goes,
// the audit trail of both stays; advocates may do neither, and a wrong
// confirmation erases nothing.
func TestAPersonsDataOnRequest(t *testing.T) {
	s := graphtest.New(t)
	var got struct {
		RequestSupport struct{ CaseNumber, AccessCode string }
	}
	s.Do(t, graphtest.Request{Query: `mutation($in: SupportRequestInput!) { requestSupport(input: $in) { caseNumber accessCode } }`,
		Variables: map[string]any{"in": map[string]any{"preferredLocale": "pl", "contactMethod": "EMAIL", "email": "osoba@example.org",
			"safeToLeaveMessage": true, "description": "Sąsiad mi grozi", "needs": []string{"VICTIM_ADVOCACY"}}}}).Decode(t, &got)
	number := got.RequestSupport.CaseNumber
	session := s.Session(t, number, got.RequestSupport.AccessCode)
	s.Do(t, graphtest.Request{Query: `mutation { sendCaseMessage(body: "Proszę o telefon") { id } }`, Header: graphtest.Bearer(session)}).Decode(t, &struct{}{})
	cf := s.Case(t, number)
	s.Fill(t, cf)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate := s.Token(t, viewer.RoleAdvocate)

	export := `mutation($id: ID!) { exportCase(caseId: $id) }`
	if c := s.Do(t, graphtest.Request{Query: export, Variables: map[string]any{"id": cf.ID}, Header: graphtest.Bearer(advocate)}).ErrorCode(); c != "FORBIDDEN" {
		t.Errorf("an advocate exports: %q, want FORBIDDEN", c)
	}
	var out struct{ ExportCase string }
	s.Do(t, graphtest.Request{Query: export, Variables: map[string]any{"id": cf.ID}, Header: graphtest.Bearer(supervisor)}).Decode(t, &out)
	var doc struct {
		Case                                                map[string]any
		Messages, History, CourtDates, FollowUps, Referrals []map[string]any
	}
	if err := json.Unmarshal([]byte(out.ExportCase), &doc); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, out.ExportCase)
	}
	if len(doc.CourtDates) != 1 || len(doc.FollowUps) != 1 || len(doc.Referrals) != 1 {
		t.Errorf("export holds %d court dates, %d follow-ups, %d referrals; want 1 each", len(doc.CourtDates), len(doc.FollowUps), len(doc.Referrals))
	}
	if doc.Case["caseNumber"] != number || doc.Case["email"] != "osoba@example.org" || doc.Case["description"] != "Sąsiad mi grozi" ||
		len(doc.Messages) != 1 || doc.Messages[0]["body"] != "Proszę o telefon" || len(doc.History) == 0 {
		t.Errorf("export %s", out.ExportCase)
	}

	erase := `mutation($id: ID!, $n: String!) { eraseCase(caseId: $id, confirmCaseNumber: $n) }`
	if c := s.Do(t, graphtest.Request{Query: erase, Variables: map[string]any{"id": cf.ID, "n": "VS-0000-0000"}, Header: graphtest.Bearer(supervisor)}).ErrorCode(); c != "BAD_USER_INPUT" {
		t.Errorf("a wrong confirmation: %q, want BAD_USER_INPUT", c)
	}
	if c := s.Do(t, graphtest.Request{Query: erase, Variables: map[string]any{"id": cf.ID, "n": number}, Header: graphtest.Bearer(advocate)}).ErrorCode(); c != "FORBIDDEN" {
		t.Errorf("an advocate erases: %q, want FORBIDDEN", c)
	}
	var erased struct{ EraseCase bool }
	s.Do(t, graphtest.Request{Query: erase, Variables: map[string]any{"id": cf.ID, "n": number}, Header: graphtest.Bearer(supervisor)}).Decode(t, &erased)
	ctx := graphtest.System(context.Background())
	if n, _ := s.Client.CaseFile.Query().Where(casefile.CaseNumber(number)).Count(ctx); !erased.EraseCase || n != 0 {
		t.Fatalf("erased %v, %d cases left", erased.EraseCase, n)
	}
	left := map[string]func(context.Context) (int, error){
		"messages":      s.Client.CaseMessage.Query().Where(casemessage.CaseID(cf.ID)).Count,
		"history":       s.Client.CaseEvent.Query().Where(caseevent.CaseID(cf.ID)).Count,
		"sessions":      s.Client.CaseSession.Query().Where(casesession.CaseID(cf.ID)).Count,
		"notifications": s.Client.Notification.Query().Where(notification.CaseID(cf.ID)).Count,
		"court dates":   s.Client.CourtDate.Query().Where(courtdate.CaseID(cf.ID)).Count,
		"follow-ups":    s.Client.FollowUp.Query().Where(followup.CaseID(cf.ID)).Count,
		"referrals":     s.Client.Referral.Query().Where(referral.CaseID(cf.ID)).Count,
	}
	for name, count := range left {
		if n, err := count(ctx); err != nil || n != 0 {
			t.Errorf("%d %s left (%v)", n, name, err)
		}
	}
	actions, _ := s.Client.AuditRecord.Query().Where(auditrecord.CaseID(cf.ID)).Select(auditrecord.FieldAction).Strings(ctx)
	if all := strings.Join(actions, ","); !strings.Contains(all, "case.export") || !strings.Contains(all, "case.erase") {
		t.Errorf("audit trail %v", actions)
	}
	if c := s.Do(t, graphtest.Request{Query: `{ myCase { status } }`, Header: graphtest.Bearer(session)}).ErrorCode(); c != "UNAUTHENTICATED" {
		t.Errorf("the erased case's session: %q", c)
	}
}
