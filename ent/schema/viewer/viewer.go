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

// View narrows what a viewer may read through one context: the privacy
// rules check it.
type View uint8

// The views.
const (
	// VictimView: a victim's own view of their case; only in it may a victim
	// session read case records (never the staff view).
	VictimView View = 1 << iota
	// ReportView: the unit's performance report (KPIs over every case): only
	// supervisors (anyone else is refused, advocates included, rather than
	// filtered to their own cases).
	ReportView
	// EditorialView: the editors' view of the directory (translation
	// coverage): only editors and admins.
	EditorialView
	// AccountsView: the staff accounts with their state (who is disabled):
	// only admins.
	AccountsView
)

type viewKey struct{}

// WithView returns ctx reading through view v too.
func WithView(ctx context.Context, v View) context.Context {
	have, _ := ctx.Value(viewKey{}).(View)
	return context.WithValue(ctx, viewKey{}, have|v)
}

// InView reports whether ctx reads through view v.
func InView(ctx context.Context, v View) bool {
	have, _ := ctx.Value(viewKey{}).(View)
	return have&v != 0
}
