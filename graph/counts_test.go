package graph_test

import (
	"testing"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
)

const countQuery = `{ services(first: 1) { totalCount } }`

func totalServices(t *testing.T, s *graphtest.Server, header map[string]string) (n, statements int) {
	t.Helper()
	var got struct{ Services struct{ TotalCount int } }
	s.Statements.Reset()
	s.Do(t, graphtest.Request{Query: countQuery, Header: header}).Decode(t, &got)
	return got.Services.TotalCount, int(s.Statements.Count())
}

// TestTotalCountKeptUntilAChange: a directory page's totalCount is counted
// once, not on every request (the count grows with the directory), and a
// change is counted at once: a new service, one made inactive; editors,
// who see inactive services, keep their own count.
func TestTotalCountKeptUntilAChange(t *testing.T) {
	s := graphtest.New(t)
	editorToken := s.Token(t, viewer.RoleEditor)
	editor := graphtest.Bearer(editorToken)
	n, first := totalServices(t, s, nil)
	again, second := totalServices(t, s, nil)
	if again != n || second != first-1 {
		t.Fatalf("second request: %d services in %d statements, want %d in %d (the count kept)", again, second, n, first-1)
	}
	var created struct{ CreateService struct{ ID string } }
	mutate(t, s, editorToken, `mutation { createService(input: {category: SHELTER, hours: {timeZone: "America/Chicago", alwaysOpen: true}}) { id } }`, nil).Decode(t, &created)
	if got, _ := totalServices(t, s, nil); got != n+1 {
		t.Fatalf("after a new service: %d, want %d", got, n+1)
	}
	mutate(t, s, editorToken, `mutation($id: ID!) { updateService(id: $id, input: {status: INACTIVE}) { id } }`,
		map[string]any{"id": created.CreateService.ID}).Decode(t, &struct{}{})
	if got, _ := totalServices(t, s, nil); got != n {
		t.Errorf("after making it inactive: %d, want %d", got, n)
	}
	if got, _ := totalServices(t, s, editor); got != n+1 {
		t.Errorf("an editor counts %d, want %d (inactive included)", got, n+1)
	}
	if got, _ := totalServices(t, s, nil); got != n {
		t.Errorf("the public after the editor: %d, want %d", got, n)
	}
}

const caseCountQuery = `{ cases(first: 1) { totalCount } }`

func totalCases(t *testing.T, s *graphtest.Server, token string) (n, statements int) {
	t.Helper()
	var got struct{ Cases struct{ TotalCount int } }
	s.Statements.Reset()
	s.Do(t, graphtest.Request{Query: caseCountQuery, Header: graphtest.Bearer(token)}).Decode(t, &got)
	return got.Cases.TotalCount, int(s.Statements.Count())
}

// TestCaseCountKeptUntilAChange: an advocate's caseload totalCount is
// counted once, not on every request (it walks all their cases), and a
// write of a case is counted at once: a new case assigned to them, one
// reassigned away; each advocate and the supervisor keep their own count.
func TestCaseCountKeptUntilAChange(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	mine, myID := s.Staff(t, viewer.RoleAdvocate)
	theirs, theirID := s.Staff(t, viewer.RoleAdvocate)
	assign := func(number, advocate string) {
		t.Helper()
		mutate(t, s, supervisor, `mutation($c: ID!, $a: ID!) { assignAdvocate(caseId: $c, advocateId: $a) { id } }`,
			map[string]any{"c": s.Case(t, number).ID, "a": advocate}).Decode(t, &struct{}{})
	}
	first, _ := s.Intake(t, "en")
	assign(first, myID)
	n, statements := totalCases(t, s, mine)
	again, kept := totalCases(t, s, mine)
	if n != 1 || again != n || kept != statements-1 {
		t.Fatalf("%d cases in %d statements, then %d in %d; want 1, then 1 in one statement fewer (the count kept)", n, statements, again, kept)
	}
	all, _ := totalCases(t, s, supervisor)
	if got, _ := totalCases(t, s, theirs); got != 0 {
		t.Fatalf("the other advocate counts %d cases, want 0", got)
	}
	second, _ := s.Intake(t, "es")
	if got, _ := totalCases(t, s, supervisor); got != all+1 {
		t.Fatalf("after an intake the supervisor counts %d, want %d", got, all+1)
	}
	assign(second, myID)
	if got, _ := totalCases(t, s, mine); got != 2 {
		t.Fatalf("after an assignment: %d, want 2", got)
	}
	assign(first, theirID)
	if got, _ := totalCases(t, s, mine); got != 1 {
		t.Errorf("after a reassignment away: %d, want 1", got)
	}
	if got, _ := totalCases(t, s, theirs); got != 1 {
		t.Errorf("the other advocate after the reassignment: %d, want 1", got)
	}
}
