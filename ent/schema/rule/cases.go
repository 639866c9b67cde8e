package rule

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/privacy"

	"victimservices/ent/intercept"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
)

// The case rules. Supervisors reach every case; advocates only the cases
// assigned to them; a victim session only its own case, and only inside the
// victim view (viewer.WithVictimView), so node(id:) or the staff fields never
// serve a case to a victim; editors, admins and the public reach none.
// Internal machinery (intake, sessions, seeding) runs with
// privacy.DecisionContext(ctx, privacy.Allow).

// CasePolicy governs CaseFile.
func CasePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			queryRuleFunc(func(ctx context.Context, q ent.Query) error {
				v := viewer.FromContext(ctx)
				switch {
				case v.IsSupervisor():
					return privacy.Allow
				case v.IsAdvocate():
					return filter(q, func(s *sql.Selector) { s.Where(sql.EQ(s.C("advocate_id"), v.StaffID)) })
				case v.IsVictim() && viewer.InVictimView(ctx):
					return filter(q, func(s *sql.Selector) { s.Where(sql.EQ(s.C("id"), v.CaseID)) })
				}
				return privacy.Denyf("no access to cases")
			}),
		},
		Mutation: privacy.MutationPolicy{
			privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
				v := viewer.FromContext(ctx)
				switch {
				case v.IsSupervisor():
					return privacy.Allow
				case v.IsAdvocate() && m.Op().Is(ent.OpUpdateOne|ent.OpUpdate):
					// Advocates change only their own cases, and cannot hand
					// them to someone else.
					if _, reassigns := m.Field("advocate_id"); reassigns || m.FieldCleared("advocate_id") {
						return privacy.Denyf("only supervisors assign cases")
					}
					return filterMutation(m, func(s *sql.Selector) { s.Where(sql.EQ(s.C("advocate_id"), v.StaffID)) })
				}
				return privacy.Denyf("no access to cases")
			}),
		},
	}
}

// caseChildQuery restricts records that belong to a case (by case_id) as
// CasePolicy restricts the case.
func caseChildQuery(victimFilter func(*sql.Selector)) privacy.QueryRule {
	return queryRuleFunc(func(ctx context.Context, q ent.Query) error {
		v := viewer.FromContext(ctx)
		switch {
		case v.IsSupervisor():
			return privacy.Allow
		case v.IsAdvocate():
			return filter(q, func(s *sql.Selector) {
				cases := sql.Select("id").From(sql.Table("case_files")).Where(sql.EQ("advocate_id", v.StaffID))
				s.Where(sql.In(s.C("case_id"), cases))
			})
		case v.IsVictim() && viewer.InVictimView(ctx):
			return filter(q, func(s *sql.Selector) {
				s.Where(sql.EQ(s.C("case_id"), v.CaseID))
				if victimFilter != nil {
					victimFilter(s)
				}
			})
		}
		return privacy.Denyf("no access to cases")
	})
}

// allowCaseStaff lets advocates and supervisors write the records of the
// cases their resolvers loaded (through CasePolicy) first.
func allowCaseStaff() privacy.MutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		v := viewer.FromContext(ctx)
		if v.IsSupervisor() || v.IsAdvocate() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// CaseChildPolicy governs follow-ups and court dates.
func CaseChildPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{caseChildQuery(nil)},
		Mutation: privacy.MutationPolicy{allowCaseStaff(), privacy.AlwaysDenyRule()},
	}
}

// CaseEventPolicy governs events: a victim sees only victim-visible ones.
func CaseEventPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{caseChildQuery(func(s *sql.Selector) {
			s.Where(sql.EQ(s.C("victim_visible"), true))
		})},
		Mutation: privacy.MutationPolicy{allowCaseStaff(), privacy.AlwaysDenyRule()},
	}
}

// FeedbackPolicy: staff read it as the case; the victim writes their own.
func FeedbackPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{caseChildQuery(nil)},
		Mutation: privacy.MutationPolicy{
			privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
				v := viewer.FromContext(ctx)
				if !v.IsVictim() {
					return privacy.Denyf("feedback comes from the victim")
				}
				if m.Op().Is(ent.OpCreate) {
					if id, ok := m.Field("case_id"); ok && caseIDString(id) == v.CaseID {
						return privacy.Allow
					}
					return privacy.Denyf("feedback for another case")
				}
				return filterMutation(m, func(s *sql.Selector) { s.Where(sql.EQ(s.C("case_id"), v.CaseID)) })
			}),
		},
	}
}

// ReferralPolicy: staff as the case; the victim reads their referrals and
// changes them (consent) only on their own case, inside the victim view.
func ReferralPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{caseChildQuery(nil)},
		Mutation: privacy.MutationPolicy{
			allowCaseStaff(),
			privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
				v := viewer.FromContext(ctx)
				if v.IsVictim() && viewer.InVictimView(ctx) && m.Op().Is(ent.OpUpdateOne|ent.OpUpdate) {
					return filterMutation(m, func(s *sql.Selector) { s.Where(sql.EQ(s.C("case_id"), v.CaseID)) })
				}
				return privacy.Denyf("no access to referrals")
			}),
		},
	}
}

// SystemOnlyPolicy denies everything outside the internal machinery.
func SystemOnlyPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// AuditPolicy: supervisors read the audit trail; only the system writes it.
func AuditPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.ContextQueryMutationRule(func(ctx context.Context) error {
			if viewer.FromContext(ctx).IsSupervisor() {
				return privacy.Allow
			}
			return privacy.Deny
		})},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// filter adds a storage predicate to a query and allows it.
func filter(q ent.Query, p func(*sql.Selector)) error {
	iq, err := intercept.NewQuery(q)
	if err != nil {
		return privacy.Denyf("rule: %v", err)
	}
	iq.WhereP(p)
	return privacy.Allow
}

// filterMutation adds a storage predicate to an update and allows it, so it
// changes nothing outside the viewer's reach (an UpdateOne then fails with
// not found).
func filterMutation(m ent.Mutation, p func(*sql.Selector)) error {
	wm, ok := m.(interface{ WhereP(...func(*sql.Selector)) })
	if !ok {
		return privacy.Denyf("rule: %T cannot be filtered", m)
	}
	wm.WhereP(p)
	return privacy.Allow
}

func caseIDString(v ent.Value) string {
	switch id := v.(type) {
	case nodeid.ID:
		return string(id)
	case string:
		return id
	}
	return ""
}
