package graph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
)

// TestCaseAccessMatrix: (anonymous, victim of case A, victim of case B,
// advocate assigned to A, advocate not assigned, supervisor, editor) ×
// (every read path and every mutation) shows no access beyond the rules.
func TestCaseAccessMatrix(t *testing.T) {
	s := graphtest.New(t)
	numberA, codeA := s.Intake(t, "en")
	numberB, codeB := s.Intake(t, "en")
	caseA := s.Case(t, numberA)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	assigned, assignedID := s.Staff(t, viewer.RoleAdvocate)
	other, otherID := s.Staff(t, viewer.RoleAdvocate)
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": caseA.ID, "a": assignedID}).Decode(t, &struct{}{})
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": s.Case(t, numberB).ID, "a": otherID}).Decode(t, &struct{}{})

	viewers := []struct {
		name, token string
	}{
		{"anonymous", ""},
		{"victim A", s.Session(t, numberA, codeA)},
		{"victim B", s.Session(t, numberB, codeB)},
		{"assigned advocate", assigned},
		{"other advocate", other},
		{"supervisor", supervisor},
		{"editor", s.Token(t, viewer.RoleEditor)},
	}
	// Who may reach case A through each path.
	reads := []struct {
		op, query string
		allowed   map[string]bool
	}{
		{"myCase", `{ myCase { caseNumber } }`, map[string]bool{"victim A": true}},
		{"case", `query($n: String!) { case(caseNumber: $n) { caseNumber description } }`, map[string]bool{"assigned advocate": true, "supervisor": true}},
		{"cases", `{ cases(first: 100) { edges { node { caseNumber safeContact { phone { number } } } } } }`, map[string]bool{"assigned advocate": true, "supervisor": true}},
		{"node", `query($id: ID!) { node(id: $id) { ... on Case { caseNumber } } }`, map[string]bool{"assigned advocate": true, "supervisor": true}},
		{"search", `{ search(text: "broke into my car") { __typename } }`, map[string]bool{}},
	}
	mutations := []struct {
		op, query string
		allowed   map[string]bool
	}{
		{"updateCaseStatus", `mutation($id: ID!) { updateCaseStatus(caseId: $id, status: IN_PROGRESS) { version } }`, nil},
		{"recordFirstContact", `mutation($id: ID!) { recordFirstContact(caseId: $id) { version } }`, nil},
		{"addCaseNote", `mutation($id: ID!) { addCaseNote(caseId: $id, detail: "x", victimVisible: true) { version } }`, nil},
		{"scheduleFollowUp", `mutation($id: ID!) { scheduleFollowUp(caseId: $id, dueAt: "2026-12-01T15:00:00Z") { version } }`, nil},
		{"addCourtDate", `mutation($id: ID!) { addCourtDate(caseId: $id, input: {at: "2026-12-10T15:00:00Z", courtName: "Cook County"}) { version } }`, nil},
		{"updateCompensationClaim", `mutation($id: ID!) { updateCompensationClaim(caseId: $id, status: FILED) { version } }`, nil},
		{"reissueAccessCode", `mutation($id: ID!) { reissueAccessCode(caseId: $id) { accessCode } }`, nil},
		{"assignAdvocate", `mutation($id: ID!, $a: ID!) { assignAdvocate(caseId: $id, advocateId: $a) { version } }`, map[string]bool{"supervisor": true}},
		{"closeCase", `mutation($id: ID!) { closeCase(caseId: $id, outcome: RESOLVED) { version } }`, nil},
	}
	staffWriters := map[string]bool{"assigned advocate": true, "supervisor": true}

	for _, v := range viewers {
		for _, r := range reads {
			t.Run(v.name+"/"+r.op, func(t *testing.T) {
				resp := s.Do(t, graphtest.Request{Query: r.query, Header: bearer(v.token),
					Variables: varsFor(r.query, map[string]any{"n": numberA, "id": caseA.ID})})
				reached := strings.Contains(string(resp.Data), numberA)
				if reached != r.allowed[v.name] {
					t.Errorf("reached case A: %v, want %v (data %s, errors %+v)", reached, r.allowed[v.name], resp.Data, resp.Errors)
				}
				if v.name == "victim A" && r.op != "myCase" && reached {
					t.Errorf("a victim reached the staff view")
				}
			})
		}
	}
	// Feedback is the victim's own, on their own case (before reissueAccessCode
	// below revokes the sessions).
	for _, v := range viewers {
		resp := s.Do(t, graphtest.Request{Query: `mutation { submitFeedback(input: {rating: 4}) { rating } }`, Header: bearer(v.token)})
		if isVictim := strings.HasPrefix(v.name, "victim"); (resp.ErrorCode() == "") != isVictim {
			t.Errorf("%s submitFeedback: %+v", v.name, resp.Errors)
		}
	}
	// Mutations last: they change the case. Each viewer tries each one; only
	// the allowed ones may change the case's version.
	for _, m := range mutations {
		allowed := m.allowed
		if allowed == nil {
			allowed = staffWriters
		}
		for _, v := range viewers {
			if allowed[v.name] {
				continue // tried below, after every refusal
			}
			t.Run(v.name+"/"+m.op, func(t *testing.T) {
				before := s.Case(t, numberA).Version
				resp := s.Do(t, graphtest.Request{Query: m.query, Header: bearer(v.token),
					Variables: varsFor(m.query, map[string]any{"id": caseA.ID, "a": otherID})})
				if resp.ErrorCode() == "" || s.Case(t, numberA).Version != before {
					t.Errorf("refused viewer changed the case: %s %+v", resp.Data, resp.Errors)
				}
			})
		}
	}
	for _, m := range mutations {
		allowed := m.allowed
		if allowed == nil {
			allowed = staffWriters
		}
		for _, v := range viewers {
			if !allowed[v.name] || m.op == "closeCase" && v.name == "assigned advocate" || m.op == "assignAdvocate" {
				continue
			}
			t.Run(v.name+"/"+m.op+" allowed", func(t *testing.T) {
				before := s.Case(t, numberA).Version
				resp := s.Do(t, graphtest.Request{Query: m.query, Header: bearer(v.token),
					Variables: varsFor(m.query, map[string]any{"id": caseA.ID, "a": otherID})})
				if resp.ErrorCode() != "" && resp.ErrorCode() != "BAD_USER_INPUT" || resp.ErrorCode() == "" && s.Case(t, numberA).Version != before+1 {
					t.Errorf("allowed viewer: %s %+v", resp.Data, resp.Errors)
				}
			})
		}
	}
}

func bearer(token string) map[string]string {
	if token == "" {
		return nil
	}
	return graphtest.Bearer(token)
}

// varsFor keeps only the variables a query declares.
func varsFor(query string, all map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range all {
		if strings.Contains(query, "$"+k+":") {
			out[k] = v
		}
	}
	return out
}

// TestMyCaseUpdated: a victim's subscription receives their case when it
// changes (in their language), never another case, and ends when the session
// is revoked; staff and anonymous connections cannot subscribe.
func TestMyCaseUpdated(t *testing.T) {
	s := graphtest.New(t)
	srv := s.HTTP(t)
	numberA, codeA := s.Intake(t, "es")
	numberB, codeB := s.Intake(t, "en")
	tokenA, tokenB := s.Session(t, numberA, codeA), s.Session(t, numberB, codeB)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	q := `subscription { myCaseUpdated(locale: "es") { caseNumber status statusLabel } }`

	subA, err := graphtest.Subscribe(t, srv, tokenA, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	subB, err := graphtest.Subscribe(t, srv, tokenB, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	data := updateOnProgress(t, s, supervisor, numberA, subA)
	var got struct {
		MyCaseUpdated struct{ CaseNumber, Status, StatusLabel string }
	}
	_ = json.Unmarshal(data, &got)
	if got.MyCaseUpdated.CaseNumber != numberA || got.MyCaseUpdated.Status != "IN_PROGRESS" || got.MyCaseUpdated.StatusLabel == "" {
		t.Errorf("update %s", data)
	}
	if data, ok := subB.Next(t, 300*time.Millisecond); ok {
		t.Errorf("victim B received %s", data)
	}
	// Quick exit ends the subscription.
	mutate(t, s, tokenA, `mutation { endCaseSession }`, nil).Decode(t, &struct{}{})
	mutate(t, s, supervisor, statusMutation, map[string]any{"id": s.Case(t, numberA).ID, "s": "AWAITING_COURT"}).Decode(t, &struct{}{})
	if data, ok := subA.Next(t, 2*time.Second); ok {
		t.Errorf("revoked session received %s", data)
	}
	for name, token := range map[string]string{"anonymous": "", "supervisor": supervisor, "revoked": tokenA} {
		sub, err := graphtest.Subscribe(t, srv, token, q, nil)
		if err == nil {
			if data, ok := sub.Next(t, time.Second); ok || sub.Err == nil {
				t.Errorf("%s subscribed: %s %v", name, data, sub.Err)
			}
		}
	}
}
