package graph_test

import (
	"strings"
	"testing"
	"time"

	"victimservices/ent"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/staff"
	"victimservices/graph/graphtest"
	"victimservices/internal/auth"
)

// TestStaffTokens: a bad, forged or expired token is refused with 401 and
// UNAUTHENTICATED before anything runs, even for a public query.
func TestStaffTokens(t *testing.T) {
	s := graphtest.New(t)
	valid := s.Token(t, viewer.RoleEditor)
	expired, _ := auth.SignStaffToken([]byte(graphtest.Secret), &ent.Staff{ID: "stf_x", Role: staff.RoleEDITOR}, s.Now().Add(-2*time.Hour), time.Hour)
	forged, _ := auth.SignStaffToken([]byte(strings.Repeat("x", 40)), &ent.Staff{ID: "stf_x", Role: staff.RoleADMIN}, s.Now(), time.Hour)
	tests := []struct {
		name, header string
		wantStatus   int
		wantCode     string
	}{
		{"valid", "Bearer " + valid, 200, ""},
		{"expired", "Bearer " + expired, 401, "UNAUTHENTICATED"},
		{"forged", "Bearer " + forged, 401, "UNAUTHENTICATED"},
		{"garbage", "Bearer abc.def.ghi", 401, "UNAUTHENTICATED"},
		{"not bearer", "Basic dXNlcjpwYXNz", 401, "UNAUTHENTICATED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := s.Do(t, graphtest.Request{Query: `{ services { totalCount } }`, Header: map[string]string{"Authorization": tt.header}})
			if resp.Status != tt.wantStatus || resp.ErrorCode() != tt.wantCode {
				t.Errorf("status %d code %q, want %d %q", resp.Status, resp.ErrorCode(), tt.wantStatus, tt.wantCode)
			}
		})
	}
}
