package graph_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"victimservices/ent"
	"victimservices/ent/auditrecord"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/staff"
	"victimservices/graph/graphtest"
	"victimservices/internal/auth"
)

const whoAmI = `{ cases(first: 1) { totalCount } }`

// staffMember loads a staff record, bypassing the privacy rules.
func staffMember(t *testing.T, s *graphtest.Server, id string) *ent.Staff {
	t.Helper()
	m, err := s.Client.Staff.Get(graphtest.System(context.Background()), nodeid.ID(id))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestStaffTokensEndWithTheirAccount: demoting, disabling or signing a staff
// member out everywhere ends their earlier tokens at once (401
// UNAUTHENTICATED on the next request); other staff are not affected; each
// change is audited with the account as its subject.
func TestStaffTokensEndWithTheirAccount(t *testing.T) {
	s := graphtest.New(t)
	admin := s.Token(t, viewer.RoleAdmin)
	tests := []struct {
		name     string
		mutation string
		self     bool // the staff member does it to themselves
		action   string
	}{
		{"demoted", `mutation($id: ID!) { changeStaffRole(staffId: $id, role: EDITOR) { role } }`, false, "staff.role"},
		{"disabled", `mutation($id: ID!) { disableStaff(staffId: $id) { disabled } }`, false, "staff.disable"},
		{"signed out by an admin", `mutation($id: ID!) { signOutStaffEverywhere(staffId: $id) { id } }`, false, "staff.sign_out_everywhere"},
		{"signed out by themselves", `mutation($id: ID!) { signOutStaffEverywhere(staffId: $id) { id } }`, true, "staff.sign_out_everywhere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			token, id := s.Staff(t, viewer.RoleSupervisor)
			bystander := s.Token(t, viewer.RoleSupervisor)
			if resp := s.Do(t, graphtest.Request{Query: whoAmI, Header: graphtest.Bearer(token)}); resp.ErrorCode() != "" {
				t.Fatalf("before: %+v", resp.Errors)
			}
			by := admin
			if tt.self {
				by = token
			}
			if resp := s.Do(t, graphtest.Request{Query: tt.mutation, Variables: map[string]any{"id": id}, Header: graphtest.Bearer(by)}); resp.ErrorCode() != "" {
				t.Fatalf("%s: %+v", tt.name, resp.Errors)
			}
			resp := s.Do(t, graphtest.Request{Query: whoAmI, Header: graphtest.Bearer(token)})
			if resp.Status != 401 || resp.ErrorCode() != "UNAUTHENTICATED" {
				t.Errorf("the earlier token after being %s: status %d code %q, want 401 UNAUTHENTICATED", tt.name, resp.Status, resp.ErrorCode())
			}
			if resp := s.Do(t, graphtest.Request{Query: whoAmI, Header: graphtest.Bearer(bystander)}); resp.ErrorCode() != "" {
				t.Errorf("another supervisor's token stopped working: %+v", resp.Errors)
			}
			n, err := s.Client.AuditRecord.Query().Where(auditrecord.Action(tt.action), auditrecord.SubjectID(id)).Count(graphtest.System(context.Background()))
			if err != nil || n != 1 {
				t.Errorf("%d audit records %q for the account (%v), want 1", n, tt.action, err)
			}
		})
	}
}

// TestStaffRoleComesFromTheAccount: a token is only as good as its account:
// the role is read from the record (a token claiming more does not get it),
// a token for an account that does not exist, or issued for longer than the
// maximum lifetime, is refused, and a re-enabled account needs a new token.
func TestStaffRoleComesFromTheAccount(t *testing.T) {
	s := graphtest.New(t)
	admin := s.Token(t, viewer.RoleAdmin)
	_, advocateID := s.Staff(t, viewer.RoleAdvocate)
	advocate := staffMember(t, s, advocateID)
	sign := func(m *ent.Staff, ttl time.Duration) string {
		token, err := auth.SignStaffToken([]byte(graphtest.Secret), m, s.Now(), ttl)
		if err != nil {
			t.Fatal(err)
		}
		return token
	}
	claimsSupervisor := *advocate
	claimsSupervisor.Role = staff.RoleSUPERVISOR
	report := `{ performanceReport { initialContact { goal } } }`
	if resp := s.Do(t, graphtest.Request{Query: report, Header: graphtest.Bearer(sign(&claimsSupervisor, time.Hour))}); resp.ErrorCode() != "FORBIDDEN" {
		t.Errorf("an advocate's token claiming SUPERVISOR read the report: code %q, want FORBIDDEN", resp.ErrorCode())
	}
	refused := map[string]string{
		"no such account": sign(&ent.Staff{ID: "stf_aaaaaaaaaaaaaaaaaaaaaaaaaa", Role: staff.RoleADMIN}, time.Hour),
		"longer than 12h": sign(advocate, 13*time.Hour),
	}
	for name, token := range refused {
		if resp := s.Do(t, graphtest.Request{Query: whoAmI, Header: graphtest.Bearer(token)}); resp.Status != 401 || resp.ErrorCode() != "UNAUTHENTICATED" {
			t.Errorf("%s: status %d code %q, want 401 UNAUTHENTICATED", name, resp.Status, resp.ErrorCode())
		}
	}
	earlier := sign(advocate, time.Hour)
	for _, m := range []string{`mutation($id: ID!) { disableStaff(staffId: $id) { id } }`, `mutation($id: ID!) { enableStaff(staffId: $id) { disabled } }`} {
		if resp := s.Do(t, graphtest.Request{Query: m, Variables: map[string]any{"id": advocateID}, Header: graphtest.Bearer(admin)}); resp.ErrorCode() != "" {
			t.Fatalf("%s: %+v", m, resp.Errors)
		}
	}
	if resp := s.Do(t, graphtest.Request{Query: whoAmI, Header: graphtest.Bearer(earlier)}); resp.ErrorCode() != "UNAUTHENTICATED" {
		t.Errorf("a token from before the account was disabled works again after enabling: code %q", resp.ErrorCode())
	}
	if resp := s.Do(t, graphtest.Request{Query: whoAmI, Header: graphtest.Bearer(sign(staffMember(t, s, advocateID), time.Hour))}); resp.ErrorCode() != "" {
		t.Errorf("a new token for the re-enabled account: %+v", resp.Errors)
	}
}

// TestStaffAdministration: only admins list and manage staff accounts; a
// staff member may sign only themselves out everywhere.
func TestStaffAdministration(t *testing.T) {
	s := graphtest.New(t)
	admin := s.Token(t, viewer.RoleAdmin)
	_, targetID := s.Staff(t, viewer.RoleAdvocate)
	viewers := map[string]string{
		"anonymous":  "",
		"advocate":   s.Token(t, viewer.RoleAdvocate),
		"supervisor": s.Token(t, viewer.RoleSupervisor),
		"editor":     s.Token(t, viewer.RoleEditor),
	}
	ops := []string{
		`{ staffMembers { id disabled } }`,
		`mutation($id: ID!) { changeStaffRole(staffId: $id, role: ADMIN) { role } }`,
		`mutation($id: ID!) { disableStaff(staffId: $id) { id } }`,
		`mutation($id: ID!) { enableStaff(staffId: $id) { id } }`,
		`mutation($id: ID!) { signOutStaffEverywhere(staffId: $id) { id } }`,
	}
	before := staffMember(t, s, targetID)
	for name, token := range viewers {
		want := "FORBIDDEN"
		if token == "" {
			want = "UNAUTHENTICATED"
		}
		for _, op := range ops {
			req := graphtest.Request{Query: op, Header: graphtest.Bearer(token)}
			if token == "" {
				req.Header = nil
			}
			if strings.Contains(op, "$id") {
				req.Variables = map[string]any{"id": targetID}
			}
			if resp := s.Do(t, req); resp.ErrorCode() != want {
				t.Errorf("%s: %s: code %q, want %s", name, op, resp.ErrorCode(), want)
			}
		}
	}
	if after := staffMember(t, s, targetID); after.Role != before.Role || after.TokenVersion != before.TokenVersion || after.DisabledAt != nil {
		t.Errorf("refused callers changed the account: %+v", after)
	}
	var got struct {
		StaffMembers []struct {
			ID       string
			Disabled bool
		}
	}
	s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { disableStaff(staffId: $id) { id } }`, Variables: map[string]any{"id": targetID}, Header: graphtest.Bearer(admin)}).Decode(t, &struct{}{})
	s.Do(t, graphtest.Request{Query: `{ staffMembers { id disabled } }`, Header: graphtest.Bearer(admin)}).Decode(t, &got)
	found := false
	for _, m := range got.StaffMembers {
		if m.ID == targetID {
			found = m.Disabled
		}
	}
	if !found {
		t.Errorf("staffMembers does not show the disabled account: %+v", got)
	}
}
