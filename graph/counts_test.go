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
