package auth

import (
	"context"
	"time"

	"victimservices/ent"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/staff"
	"victimservices/internal/audit"
	"victimservices/internal/request"
)

// Staff accounts, as admins manage them. Every change is audited (the
// record names the account as its subject) and takes effect on the next
// request of the account's tokens, on every server: the token version or
// the disabled flag is read on every request. The privacy rules decide who
// may: admins, and any staff member for their own SignOutEverywhere.

// StaffAccounts lists every staff account by name, disabled ones too
// (admins only: the accounts view).
func StaffAccounts(ctx context.Context, c *ent.Client) ([]*ent.Staff, error) {
	return c.Staff.Query().Order(ent.Asc(staff.FieldName), ent.Asc(staff.FieldID)).All(viewer.WithView(ctx, viewer.AccountsView))
}

// ChangeRole gives an account another role and ends its earlier tokens.
// The role of an account that signs in through the identity provider is the
// provider's to manage: BAD_USER_INPUT.
func ChangeRole(ctx context.Context, c *ent.Client, id nodeid.ID, role staff.Role) (*ent.Staff, error) {
	m, err := c.Staff.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if m.ExternalID != nil {
		return nil, errcode.Input("error.roleManagedByProvider", nil)
	}
	return changeAccount(ctx, c, id, "staff.role", func(u *ent.StaffUpdateOne) { revoke(ctx, u.SetRole(role)) })
}

// revoke ends every token of the account issued so far: ours by their
// version, the identity provider's by their issue time.
func revoke(ctx context.Context, u *ent.StaffUpdateOne) {
	u.AddTokenVersion(1).SetTokensRevokedAt(request.Instant(ctx))
}

// Disable refuses every token of the account from now on.
func Disable(ctx context.Context, c *ent.Client, id nodeid.ID) (*ent.Staff, error) {
	return changeAccount(ctx, c, id, "staff.disable", func(u *ent.StaffUpdateOne) {
		revoke(ctx, u.SetDisabledAt(request.Instant(ctx)))
	})
}

// Enable lets a disabled account sign in again, with a new token only (its
// earlier tokens stay ended).
func Enable(ctx context.Context, c *ent.Client, id nodeid.ID) (*ent.Staff, error) {
	return changeAccount(ctx, c, id, "staff.enable", func(u *ent.StaffUpdateOne) { u.ClearDisabledAt() })
}

// SignOutEverywhere ends every token issued to the account so far.
func SignOutEverywhere(ctx context.Context, c *ent.Client, id nodeid.ID) (*ent.Staff, error) {
	return changeAccount(ctx, c, id, "staff.sign_out_everywhere", func(u *ent.StaffUpdateOne) { revoke(ctx, u) })
}

func changeAccount(ctx context.Context, c *ent.Client, id nodeid.ID, action string, set func(*ent.StaffUpdateOne)) (*ent.Staff, error) {
	u := c.Staff.UpdateOneID(id)
	set(u)
	m, err := u.Save(ctx)
	if err != nil {
		return nil, err
	}
	if err := audit.Record(ctx, c, audit.Entry{Action: action, SubjectID: string(id)}); err != nil {
		return nil, err
	}
	return m, nil
}

// IssueToken creates or updates the staff account named name with role
// (re-running it changes the role and ends the account's earlier tokens),
// audits it, and returns a token valid for ttl from now. The token
// subcommand uses it.
func IssueToken(ctx context.Context, c *ent.Client, secret []byte, name string, role staff.Role, phone, email string, now time.Time, ttl, maxTTL time.Duration) (string, error) {
	if maxTTL <= 0 {
		maxTTL = DefaultMaxTokenTTL
	}
	if ttl > maxTTL {
		return "", errTTL(maxTTL)
	}
	member, err := c.Staff.Query().Where(staff.Name(name)).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		create := c.Staff.Create().SetName(name).SetRole(role)
		if phone != "" {
			create.SetPhone(phone)
		}
		if email != "" {
			create.SetEmail(email)
		}
		member, err = create.Save(ctx)
	case err == nil:
		if member.DisabledAt != nil {
			return "", errDisabled
		}
		u := member.Update().SetRole(role).AddTokenVersion(1)
		if phone != "" {
			u.SetPhone(phone)
		}
		if email != "" {
			u.SetEmail(email)
		}
		member, err = u.Save(ctx)
	}
	if err != nil {
		return "", err
	}
	// Audited like the admins' changes: the operator's subcommand created or
	// changed the account and ended its earlier tokens.
	if err := audit.Record(request.WithInstant(ctx, now), c, audit.Entry{Action: "staff.token", SubjectID: string(member.ID), System: true}); err != nil {
		return "", err
	}
	return SignStaffToken(secret, member, now, ttl)
}
