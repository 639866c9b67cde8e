package rule

import (
	"context"
	"fmt"
	"slices"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/privacy"

	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/casemessage"
	"victimservices/ent/feedback"
	"victimservices/ent/intercept"
	"victimservices/ent/referral"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
)

// The case rules. Supervisors reach every case; advocates only the cases
// assigned to them; a victim session only its own case, and only inside the
// victim view (viewer.VictimView), so node(id:) or the staff fields never
// serve a case to a victim; editors, admins and the public reach none.
// The report view (viewer.ReportView: the KPIs over every case) is
// supervisors' only: anyone else is refused, not filtered. Internal
// machinery (intake, sessions, the change path's bookkeeping) runs with
// privacy.DecisionContext(ctx, privacy.Allow).

// CasePolicy governs CaseFile.
func CasePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			reportOnlyForSupervisors(),
			queryRuleFunc(func(ctx context.Context, q ent.Query) error {
				v := viewer.FromContext(ctx)
				switch {
				case v.IsSupervisor():
					return privacy.Allow
				case v.IsAdvocate():
					return filter(q, func(s *sql.Selector) { s.Where(sql.EQ(s.C(casefile.FieldAdvocateID), v.StaffID)) })
				case v.IsVictim() && viewer.InView(ctx, viewer.VictimView):
					return filter(q, func(s *sql.Selector) { s.Where(sql.EQ(s.C(casefile.FieldID), v.CaseID)) })
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
				case v.IsVictim() && viewer.InView(ctx, viewer.VictimView) && m.Op().Is(ent.OpUpdateOne|ent.OpUpdate):
					// A victim's own change (feedback, consent) bumps the
					// version of their case, and their notification
					// preferences are theirs to set; nothing else.
					if !victimCaseChange(m) {
						return privacy.Denyf("victims change only their own records")
					}
					return filterMutation(m, func(s *sql.Selector) { s.Where(sql.EQ(s.C(casefile.FieldID), v.CaseID)) })
				case v.IsAdvocate() && m.Op().Is(ent.OpUpdateOne|ent.OpUpdate):
					// Advocates change only their own cases, and cannot hand
					// them to someone else.
					if _, reassigns := m.Field(casefile.FieldAdvocateID); reassigns || m.FieldCleared(casefile.FieldAdvocateID) {
						return privacy.Denyf("only supervisors assign cases")
					}
					return filterMutation(m, func(s *sql.Selector) { s.Where(sql.EQ(s.C(casefile.FieldAdvocateID), v.StaffID)) })
				}
				return privacy.Denyf("no access to cases")
			}),
		},
	}
}

// victimPreferenceFields are the case fields a victim sets themselves: how
// and when outside messages reach them.
var victimPreferenceFields = map[string]bool{
	casefile.FieldNotifyChannel: true, casefile.FieldContactWindows: true, casefile.FieldTimeZone: true,
	casefile.FieldSafeToLeaveMessage: true, casefile.FieldPreferredLocale: true,
	casefile.FieldOutreachStoppedAt: true, casefile.FieldOutreachStoppedBy: true,
}

// victimCaseChange reports whether m is a change a victim may make to their
// own case: the version bump of their feedback or consent, or their
// notification preferences.
func victimCaseChange(m ent.Mutation) bool {
	if added := m.AddedFields(); len(added) > 0 && !slices.Equal(added, []string{casefile.FieldVersion}) {
		return false
	}
	changed := append(m.Fields(), m.ClearedFields()...)
	for _, f := range changed {
		if !victimPreferenceFields[f] {
			return false
		}
	}
	return len(changed) > 0 || len(m.AddedFields()) > 0
}

// reportOnlyForSupervisors refuses the report view to all but supervisors.
func reportOnlyForSupervisors() privacy.QueryRule {
	return queryRuleFunc(func(ctx context.Context, _ ent.Query) error {
		if viewer.InView(ctx, viewer.ReportView) && !viewer.FromContext(ctx).IsSupervisor() {
			return privacy.Denyf("the performance report is for supervisors")
		}
		return privacy.Skip
	})
}

// caseIDColumn is the column every record that belongs to a case names it
// by (the same in each of those tables: ent generates one constant per table).
const caseIDColumn = caseevent.FieldCaseID

// caseChildQuery restricts records that belong to a case (by case_id) as
// CasePolicy restricts the case.
func caseChildQuery(victimFilter func(*sql.Selector)) privacy.QueryRule {
	return queryRuleFunc(func(ctx context.Context, q ent.Query) error {
		v := viewer.FromContext(ctx)
		switch {
		case viewer.InView(ctx, viewer.ReportView) && !v.IsSupervisor():
			return privacy.Denyf("the performance report is for supervisors")
		case v.IsSupervisor():
			return privacy.Allow
		case v.IsAdvocate():
			return filter(q, func(s *sql.Selector) {
				cases := sql.Select(casefile.FieldID).From(sql.Table(casefile.Table)).Where(sql.EQ(casefile.FieldAdvocateID, v.StaffID))
				s.Where(sql.In(s.C(caseIDColumn), cases))
			})
		case v.IsVictim() && viewer.InView(ctx, viewer.VictimView):
			return filter(q, func(s *sql.Selector) {
				s.Where(sql.EQ(s.C(caseIDColumn), v.CaseID))
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

// CaseEventPolicy governs events: a victim sees only victim-visible ones,
// and adds only the victim-visible entries of their own changes (feedback,
// a referral step) to their own case.
func CaseEventPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{caseChildQuery(func(s *sql.Selector) {
			s.Where(sql.EQ(s.C(caseevent.FieldVictimVisible), true))
		})},
		Mutation: privacy.MutationPolicy{allowCaseStaff(), privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
			v := viewer.FromContext(ctx)
			if !v.IsVictim() || !viewer.InView(ctx, viewer.VictimView) || !m.Op().Is(ent.OpCreate) {
				return privacy.Denyf("no access to case history")
			}
			id, _ := m.Field(caseevent.FieldCaseID)
			kind, _ := m.Field(caseevent.FieldKind)
			visible, _ := m.Field(caseevent.FieldVictimVisible)
			if caseIDString(id) != v.CaseID || visible != true || !victimEventKinds[fmt.Sprint(kind)] {
				return privacy.Denyf("victims record only their own steps")
			}
			return privacy.Allow
		})},
	}
}

// victimEventKinds are the history entries a victim's own changes write.
var victimEventKinds = map[string]bool{
	caseevent.KindFEEDBACK.String(): true, caseevent.KindREFERRAL_UPDATED.String(): true,
	caseevent.KindAPPOINTMENT_REQUESTED.String(): true, caseevent.KindAPPOINTMENT_CANCELLED.String(): true,
}

// victimReferralFields are what a victim's consent or withdrawal may set.
var victimReferralFields = map[string]bool{
	referral.FieldStatus: true, referral.FieldShare: true, referral.FieldConsentMethod: true,
	referral.FieldConsentGivenAt: true, referral.FieldConsentWithdrawnAt: true, referral.FieldUpdatedAt: true,
}

// victimReferralChange reports whether m is a consent or withdrawal the
// victim may make in the app: status CONSENTED or WITHDRAWN, consent given
// IN_APP, and nothing but the consent fields.
func victimReferralChange(m ent.Mutation) bool {
	status, _ := m.Field(referral.FieldStatus)
	if s := fmt.Sprint(status); s != referral.StatusCONSENTED.String() && s != referral.StatusWITHDRAWN.String() {
		return false
	}
	if method, ok := m.Field(referral.FieldConsentMethod); ok && fmt.Sprint(method) != referral.ConsentMethodIN_APP.String() {
		return false
	}
	for _, f := range append(m.Fields(), m.ClearedFields()...) {
		if !victimReferralFields[f] {
			return false
		}
	}
	return len(m.AddedFields()) == 0
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
					if id, ok := m.Field(feedback.FieldCaseID); ok && caseIDString(id) == v.CaseID {
						return privacy.Allow
					}
					return privacy.Denyf("feedback for another case")
				}
				return filterMutation(m, func(s *sql.Selector) { s.Where(sql.EQ(s.C(feedback.FieldCaseID), v.CaseID)) })
			}),
		},
	}
}

// ReferralPolicy: staff as the case; the victim reads their referrals and
// gives or withdraws consent (nothing else) only on their own case, inside
// the victim view.
func ReferralPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{caseChildQuery(nil)},
		Mutation: privacy.MutationPolicy{
			allowCaseStaff(),
			privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
				v := viewer.FromContext(ctx)
				if v.IsVictim() && viewer.InView(ctx, viewer.VictimView) && m.Op().Is(ent.OpUpdateOne|ent.OpUpdate) && victimReferralChange(m) {
					return filterMutation(m, func(s *sql.Selector) { s.Where(sql.EQ(s.C(referral.FieldCaseID), v.CaseID)) })
				}
				return privacy.Denyf("no access to referrals")
			}),
		},
	}
}

// CaseMessagePolicy: messages are read as the case. Staff write only
// messages to the victim and read receipts of the victim's; the victim,
// inside the victim view, only their own messages on their own case and
// read receipts of their advocate's.
func CaseMessagePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{caseChildQuery(nil)},
		Mutation: privacy.MutationPolicy{privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
			v := viewer.FromContext(ctx)
			mine := casemessage.DirectionTO_VICTIM
			switch {
			case v.IsSupervisor() || v.IsAdvocate():
			case v.IsVictim() && viewer.InView(ctx, viewer.VictimView):
				mine = casemessage.DirectionFROM_VICTIM
			default:
				return privacy.Denyf("no access to messages")
			}
			if m.Op().Is(ent.OpCreate) {
				dir, _ := m.Field(casemessage.FieldDirection)
				id, _ := m.Field(casemessage.FieldCaseID)
				if fmt.Sprint(dir) != mine.String() || v.IsVictim() && caseIDString(id) != v.CaseID {
					return privacy.Denyf("messages are written by their sender")
				}
				return privacy.Allow
			}
			// Updates are read receipts of the other side's messages.
			if f := append(m.Fields(), m.ClearedFields()...); len(f) != 1 || f[0] != casemessage.FieldReadAt || len(m.AddedFields()) > 0 {
				return privacy.Denyf("messages cannot be changed")
			}
			return filterMutation(m, func(s *sql.Selector) {
				s.Where(sql.NEQ(s.C(casemessage.FieldDirection), mine.String()))
				if v.IsVictim() {
					s.Where(sql.EQ(s.C(casemessage.FieldCaseID), v.CaseID))
				}
			})
		})},
	}
}

// NotificationPolicy: supervisors read every notification and advocates
// those about their cases; victims none; only the outreach machinery
// (system context) writes them.
func NotificationPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			privacy.ContextQueryMutationRule(func(ctx context.Context) error {
				if viewer.FromContext(ctx).IsVictim() {
					return privacy.Denyf("notifications are the unit's records")
				}
				return privacy.Skip
			}),
			caseChildQuery(nil),
		},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
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
