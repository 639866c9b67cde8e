package rule

import (
	"context"
	"fmt"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/privacy"

	"victimservices/ent/appointment"
	"victimservices/ent/schema/viewer"
)

// AvailabilityPolicy: everyone reads when a service can be booked (the free
// slots are public); supervisors and directory editors set it.
func AvailabilityPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{
			privacy.ContextQueryMutationRule(func(ctx context.Context) error {
				if v := viewer.FromContext(ctx); v.IsSupervisor() || v.CanEditDirectory() {
					return privacy.Allow
				}
				return privacy.Denyf("only supervisors and editors set availability")
			}),
		},
	}
}

// victimAppointmentCreate are the fields a victim's request writes (the
// defaults included: ent sets them before the rules run).
var victimAppointmentCreate = map[string]bool{
	appointment.FieldCaseID: true, appointment.FieldServiceID: true, appointment.FieldStartsAt: true,
	appointment.FieldEndsAt: true, appointment.FieldStatus: true, appointment.FieldSequence: true,
	appointment.FieldCreatedAt: true, appointment.FieldUpdatedAt: true, appointment.FieldActive: true,
}

// victimAppointmentCancel are the fields a victim's cancellation sets.
var victimAppointmentCancel = map[string]bool{appointment.FieldStatus: true, appointment.FieldUpdatedAt: true, appointment.FieldActive: true}

// AppointmentPolicy: read as the case (the victim their own, only in the
// victim view). Advocates and supervisors write the appointments of the
// cases the change path loaded for them; the victim, in the victim view,
// only requests one for their own case (status REQUESTED, sequence 0, no
// note) and cancels their own (status CANCELLED, nothing else but the
// sequence and the time of the change).
func AppointmentPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{caseChildQuery(nil)},
		Mutation: privacy.MutationPolicy{
			allowCaseStaff(),
			privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
				v := viewer.FromContext(ctx)
				if !v.IsVictim() || !viewer.InView(ctx, viewer.VictimView) {
					return privacy.Denyf("no access to appointments")
				}
				status, _ := m.Field(appointment.FieldStatus)
				switch {
				case m.Op().Is(ent.OpCreate):
					id, _ := m.Field(appointment.FieldCaseID)
					seq, _ := m.Field(appointment.FieldSequence)
					if caseIDString(id) != v.CaseID || fmt.Sprint(status) != appointment.StatusREQUESTED.String() ||
						fmt.Sprint(seq) != "0" || !only(m.Fields(), victimAppointmentCreate) || len(m.AddedFields()) > 0 {
						return privacy.Denyf("victims request only their own appointments")
					}
					return privacy.Allow
				case m.Op().Is(ent.OpUpdateOne) && fmt.Sprint(status) == appointment.StatusCANCELLED.String() &&
					only(m.Fields(), victimAppointmentCancel) && len(m.ClearedFields()) == 0 &&
					only(m.AddedFields(), map[string]bool{appointment.FieldSequence: true}):
					return filterMutation(m, func(s *sql.Selector) { s.Where(sql.EQ(s.C(appointment.FieldCaseID), v.CaseID)) })
				}
				return privacy.Denyf("victims only cancel their own appointments")
			}),
		},
	}
}

// only reports whether every name is in allowed.
func only(names []string, allowed map[string]bool) bool {
	for _, n := range names {
		if !allowed[n] {
			return false
		}
	}
	return true
}
