package graph_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"victimservices/graph/graphtest"
)

// TestListElementsAnswerInOrderWithTheirOwnErrors: lists of objects are
// marshalled one element after the other (graph/lists.go); each element
// keeps its own place in the response path, so an error inside one is
// reported at that element's index and the others answer in full.
func TestListElementsAnswerInOrderWithTheirOwnErrors(t *testing.T) {
	s := graphtest.New(t)
	r := s.Do(t, graphtest.Request{Query: `{ services(first: 4) { edges { node { id name locations(first: -1) { id } } } } }`})
	var data struct {
		Services struct {
			Edges []struct {
				Node struct {
					ID, Name  string
					Locations []json.RawMessage
				}
			}
		}
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatal(err)
	}
	edges := data.Services.Edges
	if len(edges) != 4 || len(r.Errors) != len(edges) {
		t.Fatalf("%d services and %d errors, want 4 of each: %+v", len(edges), len(r.Errors), r.Errors)
	}
	for i, e := range edges {
		if e.Node.ID == "" || e.Node.Name == "" || e.Node.Locations != nil {
			t.Errorf("service %d: %+v, want its id and name and null locations", i, e.Node)
		}
		want := fmt.Sprint([]any{"services", "edges", float64(i), "node", "locations"})
		if got := fmt.Sprint(r.Errors[i].Path); got != want || r.Errors[i].Code() != "BAD_USER_INPUT" {
			t.Errorf("error %d: %s at %s, want BAD_USER_INPUT at %s", i, r.Errors[i].Code(), got, want)
		}
	}
}
