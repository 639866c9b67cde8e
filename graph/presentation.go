package graph

import (
	"context"

	"victimservices/ent"
	"victimservices/ent/appointment"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/referral"
	"victimservices/ent/schema/viewer"
	"victimservices/locales"
)

// victimView marks the context of a VictimCase field resolver: only there
// may a victim session read its case's records.
func victimView(ctx context.Context) context.Context { return viewer.WithView(ctx, viewer.VictimView) }

// caseStatusLabel is a case status in the reader's locale.
func caseStatusLabel(l *locales.Locale, s casefile.Status) string {
	return l.T("caseStatus."+s.String(), nil)
}

// claimStatusLabel is a claim status in the reader's locale.
func claimStatusLabel(l *locales.Locale, s casefile.ClaimStatus) string {
	return l.T("claimStatus."+s.String(), nil)
}

// appointmentStatusLabel is an appointment status in the reader's locale.
func appointmentStatusLabel(l *locales.Locale, s appointment.Status) string {
	return l.T("appointmentStatus."+s.String(), nil)
}

// referralStatusLabel is a referral status in the reader's locale.
func referralStatusLabel(l *locales.Locale, s referral.Status) string {
	return l.T("referralStatus."+s.String(), nil)
}

// declineReasonLabel labels a partner's decline reason in the reader's
// locale; the reason stays as the advocate wrote it. Nil without a reason.
func declineReasonLabel(l *locales.Locale, r *ent.Referral) *string {
	if r.DeclineReason == "" {
		return nil
	}
	label := l.T("referral.declineReasonLabel", nil)
	return &label
}

// eventTitle is the localized headline of a history entry.
func eventTitle(l *locales.Locale, e *ent.CaseEvent) string {
	data := map[string]any{}
	switch e.Kind {
	case caseevent.KindSTATUS_CHANGED:
		data["Status"] = caseStatusLabel(l, casefile.Status(e.Status))
	case caseevent.KindCLAIM_UPDATED:
		data["Status"] = claimStatusLabel(l, casefile.ClaimStatus(e.Status))
	case caseevent.KindREFERRAL_UPDATED:
		data["Status"] = referralStatusLabel(l, referral.Status(e.Status))
	}
	return l.T("event."+e.Kind.String(), data)
}

// direction is the writing direction of a locale.
func direction(code string) TextDirection {
	if l, ok := locales.ByCode(code); ok && l.RTL {
		return TextDirectionRtl
	}
	return TextDirectionLtr
}

// optional is how optional text the data does not have reaches a client: null,
// never "" (issue 15), so strict generated clients can tell "absent" from
// "empty" and no screen shows an empty label.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// mapSlice applies f to each element.
func mapSlice[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// orEmpty is the value of an optional string input, "" when absent.
func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
