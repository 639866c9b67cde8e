package graph

import (
	"context"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/courtdate"
	"victimservices/ent/followup"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/viewer"
	"victimservices/locales"
)

// myCase loads the victim's own case in the victim view; nil without a
// session. The privacy rules restrict every read below to that case.
func (r *Resolver) myCase(ctx context.Context) (*ent.CaseFile, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, nil
	}
	return r.client.CaseFile.Get(viewer.WithVictimView(ctx), toNodeID(v.CaseID))
}

// victimView marks the context of a VictimCase field resolver.
func victimView(ctx context.Context) context.Context { return viewer.WithVictimView(ctx) }

// caseStatusLabel is a case status in the reader's locale.
func caseStatusLabel(l *locales.Locale, s casefile.Status) string {
	return l.T("caseStatus."+s.String(), nil)
}

// claimStatusLabel is a claim status in the reader's locale.
func claimStatusLabel(l *locales.Locale, s casefile.ClaimStatus) string {
	return l.T("claimStatus."+s.String(), nil)
}

// eventTitle is the localized headline of a history entry.
func eventTitle(l *locales.Locale, e *ent.CaseEvent) string {
	data := map[string]any{}
	switch e.Kind {
	case caseevent.KindSTATUS_CHANGED:
		data["Status"] = caseStatusLabel(l, casefile.Status(e.Status))
	case caseevent.KindCLAIM_UPDATED:
		data["Status"] = claimStatusLabel(l, casefile.ClaimStatus(e.Status))
	}
	return l.T("event."+e.Kind.String(), data)
}

// victimAdvocate is what the victim sees of their advocate: work name, phone
// and email. Staff records are staff-only, so this one is read on purpose.
func (r *Resolver) victimAdvocate(ctx context.Context, cf *ent.CaseFile) (*Advocate, error) {
	if cf.AdvocateID == nil {
		return nil, nil
	}
	s, err := r.client.Staff.Get(privacy.DecisionContext(ctx, privacy.Allow), *cf.AdvocateID)
	if err != nil {
		return nil, err
	}
	a := &Advocate{DisplayName: s.Name}
	if s.Phone != "" {
		a.Phone = &phone.Phone{Number: s.Phone, Kind: phone.KindVoice}
	}
	if s.Email != "" {
		a.Email = &s.Email
	}
	return a, nil
}

// nextFollowUp is the earliest open follow-up from now on.
func nextFollowUp(ctx context.Context, cf *ent.CaseFile) (*time.Time, error) {
	f, err := cf.QueryFollowUps().
		Where(followup.DoneAtIsNil(), followup.DueAtGTE(instant(ctx))).
		Order(ent.Asc(followup.FieldDueAt)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &f.DueAt, nil
}

// courtDates lists the hearings, soonest first.
func courtDates(ctx context.Context, cf *ent.CaseFile) ([]*ent.CourtDate, error) {
	return cf.QueryCourtDates().Order(ent.Asc(courtdate.FieldAt), ent.Asc(courtdate.FieldID)).All(ctx)
}
