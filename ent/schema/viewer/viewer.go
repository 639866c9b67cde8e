package viewer

import "context"

// Role is a staff member's role. The values are the GraphQL StaffRole enum.
type Role string

// Staff roles.
const (
	// RoleEditor edits the directory and the content.
	RoleEditor Role = "EDITOR"
	// RoleAdvocate works the cases assigned to them.
	RoleAdvocate Role = "ADVOCATE"
	// RoleSupervisor sees every case and the KPIs.
	RoleSupervisor Role = "SUPERVISOR"
	// RoleAdmin edits the directory, the content and staff accounts; no case data.
	RoleAdmin Role = "ADMIN"
)

// Roles lists every role, in a stable order.
var Roles = []Role{RoleEditor, RoleAdvocate, RoleSupervisor, RoleAdmin}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, v := range Roles {
		if r == v {
			return true
		}
	}
	return false
}

// Viewer is the authenticated caller.
type Viewer struct {
	// StaffID is the staff member's ID ("" when the caller is not staff).
	StaffID string
	// Role is the staff member's role.
	Role Role
	// CaseID is the case of a victim session ("" for everyone else).
	CaseID string
	// SessionID is the victim session's ID.
	SessionID string
}

// IsVictim reports whether the viewer is a victim signed in to their case.
func (v Viewer) IsVictim() bool { return v.CaseID != "" }

// IsSupervisor reports whether the viewer is a signed-in supervisor.
func (v Viewer) IsSupervisor() bool { return v.IsStaff() && v.Role == RoleSupervisor }

// IsAdvocate reports whether the viewer is a signed-in advocate.
func (v Viewer) IsAdvocate() bool { return v.IsStaff() && v.Role == RoleAdvocate }

// IsStaff reports whether the viewer is a signed-in staff member.
func (v Viewer) IsStaff() bool { return v.StaffID != "" && v.Role.Valid() }

// IsAdmin reports whether the viewer is a signed-in admin.
func (v Viewer) IsAdmin() bool { return v.IsStaff() && v.Role == RoleAdmin }

// CanEditDirectory reports whether the viewer may change the directory and content.
func (v Viewer) CanEditDirectory() bool {
	return v.IsStaff() && (v.Role == RoleEditor || v.Role == RoleAdmin)
}

type ctxKey struct{}

// NewContext returns a context carrying v.
func NewContext(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer in ctx; the zero Viewer (anonymous) when none.
func FromContext(ctx context.Context) Viewer {
	v, _ := ctx.Value(ctxKey{}).(Viewer)
	return v
}

type victimViewKey struct{}

// WithVictimView marks ctx as reading the victim's own view of their case;
// only then may a victim session read case records (never the staff view).
func WithVictimView(ctx context.Context) context.Context {
	return context.WithValue(ctx, victimViewKey{}, true)
}

// InVictimView reports whether ctx was marked by WithVictimView.
func InVictimView(ctx context.Context) bool {
	v, _ := ctx.Value(victimViewKey{}).(bool)
	return v
}

type reportViewKey struct{}

// WithReportView marks ctx as reading the unit's performance report (KPIs
// over every case): only supervisors may (the privacy rules refuse anyone
// else, advocates included, rather than filter to their own cases).
func WithReportView(ctx context.Context) context.Context {
	return context.WithValue(ctx, reportViewKey{}, true)
}

// InReportView reports whether ctx was marked by WithReportView.
func InReportView(ctx context.Context) bool {
	v, _ := ctx.Value(reportViewKey{}).(bool)
	return v
}

type editorialViewKey struct{}

// WithEditorialView marks ctx as reading the editors' view of the directory
// (translation coverage): only editors and admins may.
func WithEditorialView(ctx context.Context) context.Context {
	return context.WithValue(ctx, editorialViewKey{}, true)
}

// InEditorialView reports whether ctx was marked by WithEditorialView.
func InEditorialView(ctx context.Context) bool {
	v, _ := ctx.Value(editorialViewKey{}).(bool)
	return v
}

type accountsViewKey struct{}

// WithAccountsView marks ctx as reading the staff accounts with their state
// (who is disabled): only admins may.
func WithAccountsView(ctx context.Context) context.Context {
	return context.WithValue(ctx, accountsViewKey{}, true)
}

// InAccountsView reports whether ctx was marked by WithAccountsView.
func InAccountsView(ctx context.Context) bool {
	v, _ := ctx.Value(accountsViewKey{}).(bool)
	return v
}
