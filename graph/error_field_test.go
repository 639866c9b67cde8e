package graph_test

import (
	"testing"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
)

// TestInputErrorsNameTheirField: every BAD_USER_INPUT error about one input
// field says which, as extensions.field, a path from the field's arguments
// (issue 15), whether gqlgen refused the value while reading the arguments,
// the edge's checks refused it, or an ent validator did.
func TestInputErrorsNameTheirField(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	intake := func(extra string) string {
		return `mutation { requestSupport(input: {preferredLocale: "es", contactMethod: PHONE, safeToLeaveMessage: false` + extra + `}) { caseNumber } }`
	}
	for _, tt := range []struct {
		name, query string
		header      map[string]string
		vars        map[string]any
		want        string
	}{
		{"ent validator (organization website)", `mutation { createOrganization(input: {website: "not a url"}) { id } }`, editor, nil, "input.website"},
		{"ent validator (organization email)", `mutation { createOrganization(input: {email: "not an address"}) { id } }`, editor, nil, "input.email"},
		{"domain check (intake phone)", intake(`, phone: "12"`), nil, nil, "input.phone"},
		{"coercion (NUL in text, via variables)", `mutation($i: SupportRequestInput!) { requestSupport(input: $i) { caseNumber } }`, nil,
			map[string]any{"i": map[string]any{"preferredLocale": "es", "contactMethod": "PHONE", "phone": "+13125550100", "safeToLeaveMessage": false, "description": "a\u0000b"}}, "input.description"},
		{"argument (bad cursor)", `{ services(first: 1, after: "not a cursor") { totalCount } }`, nil, nil, "after"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp := s.Do(t, graphtest.Request{Query: tt.query, Header: tt.header, Variables: tt.vars})
			if len(resp.Errors) == 0 {
				t.Fatalf("no error: %s", resp.Data)
			}
			e := resp.Errors[0]
			t.Logf("%+v", e)
			if e.Code() != "BAD_USER_INPUT" {
				t.Fatalf("code %q, want BAD_USER_INPUT (%+v)", e.Code(), e)
			}
			if got, _ := e.Extensions["field"].(string); got != tt.want {
				t.Errorf("extensions.field %q, want %q (%+v)", got, tt.want, e)
			}
		})
	}
}
