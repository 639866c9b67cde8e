package rule

import (
	"context"
	"slices"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/privacy"

	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/ent/staff"
)

// AllowDirectoryEditors allows editors and admins; others go on to the next rule.
func AllowDirectoryEditors() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx).CanEditDirectory() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// editorialOnlyForEditors refuses the editorial view (viewer.EditorialView:
// translation coverage) to all but editors and admins.
func editorialOnlyForEditors() privacy.QueryRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.InView(ctx, viewer.EditorialView) && !viewer.FromContext(ctx).CanEditDirectory() {
			return privacy.Denyf("the editorial view is for editors")
		}
		return privacy.Skip
	})
}

// DirectoryPolicy: everyone reads (but the editorial view); editors and
// admins write.
func DirectoryPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{editorialOnlyForEditors(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{
			AllowDirectoryEditors(),
			privacy.AlwaysDenyRule(),
		},
	}
}

// ServicePolicy: editors see and change everything; everyone else reads
// ACTIVE services only.
func ServicePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			editorialOnlyForEditors(),
			AllowDirectoryEditors(),
			filterColumn(service.FieldStatus, service.StatusACTIVE.String()),
		},
		Mutation: privacy.MutationPolicy{
			AllowDirectoryEditors(),
			privacy.AlwaysDenyRule(),
		},
	}
}

// TranslationPolicy: editors see drafts and write; everyone else reads
// PUBLISHED text only, so a draft can never be served or used as a fallback.
func TranslationPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			editorialOnlyForEditors(),
			AllowDirectoryEditors(),
			// Every translation table shares the mixin's status column.
			filterColumn(servicetranslation.FieldStatus, servicetranslation.StatusPUBLISHED.String()),
		},
		Mutation: privacy.MutationPolicy{
			AllowDirectoryEditors(),
			privacy.AlwaysDenyRule(),
		},
	}
}

// HiddenFromNonEditorsPolicy: editors and admins read and write; for
// everyone else the records do not exist (a query finds none, rather than
// failing the whole answer: a guide's revisions are an empty list).
func HiddenFromNonEditorsPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			AllowDirectoryEditors(),
			queryRuleFunc(func(_ context.Context, q ent.Query) error {
				return filter(q, func(s *sql.Selector) { s.Where(sql.False()) })
			}),
		},
		Mutation: privacy.MutationPolicy{AllowDirectoryEditors(), privacy.AlwaysDenyRule()},
	}
}

// StaffPolicy: staff read staff records (the accounts view, every account
// with its state, is the admins'); admins write them; a staff member may end
// their own tokens (bump their token version and revocation time, nothing
// else).
func StaffPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			privacy.ContextQueryMutationRule(func(ctx context.Context) error {
				v := viewer.FromContext(ctx)
				switch {
				case viewer.InView(ctx, viewer.AccountsView) && !v.IsAdmin():
					return privacy.Denyf("the staff accounts are for admins")
				case v.IsStaff():
					return privacy.Allow
				}
				return privacy.Deny
			}),
		},
		Mutation: privacy.MutationPolicy{
			privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
				v := viewer.FromContext(ctx)
				switch {
				case v.IsAdmin():
					return privacy.Allow
				case v.IsStaff() && m.Op().Is(ent.OpUpdateOne) && len(m.ClearedFields()) == 0 &&
					slices.Equal(m.Fields(), []string{staff.FieldTokensRevokedAt}) &&
					slices.Equal(m.AddedFields(), []string{staff.FieldTokenVersion}) && isOwnAccount(m, v.StaffID):
					return privacy.Allow
				}
				return privacy.Denyf("only admins manage staff accounts")
			}),
		},
	}
}

// isOwnAccount reports whether an UpdateOne of a staff record targets id.
func isOwnAccount(m ent.Mutation, id string) bool {
	target, ok := m.(interface{ ID() (nodeid.ID, bool) })
	if !ok {
		return false
	}
	got, exists := target.ID()
	return exists && string(got) == id
}

// filterColumn restricts the query to rows whose column equals value, then
// allows it.
func filterColumn(column, value string) privacy.QueryRule {
	return queryRuleFunc(func(ctx context.Context, q ent.Query) error {
		return filter(q, func(s *sql.Selector) { s.Where(sql.EQ(s.C(column), value)) })
	})
}

// queryRuleFunc adapts a function to privacy.QueryRule.
type queryRuleFunc func(context.Context, ent.Query) error

func (f queryRuleFunc) EvalQuery(ctx context.Context, q ent.Query) error { return f(ctx, q) }
