package cases

import (
	"context"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/courtdate"
	"victimservices/ent/followup"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/accesscode"
	"victimservices/internal/request"
	"victimservices/internal/storage"
)

// VictimAdvocate is what the victim sees of their advocate: work name, phone
// and email. Staff records are staff-only, so this one is read on purpose.
func (s *Cases) VictimAdvocate(ctx context.Context, cf *ent.CaseFile) (*Advocate, error) {
	if cf.AdvocateID == nil {
		return nil, nil
	}
	m, err := s.client.Staff.Get(privacy.DecisionContext(ctx, privacy.Allow), *cf.AdvocateID)
	if err != nil {
		return nil, err
	}
	a := &Advocate{DisplayName: m.Name}
	if m.Phone != "" {
		a.Phone = &phone.Phone{Number: m.Phone, Kind: phone.KindVoice}
	}
	if m.Email != "" {
		a.Email = &m.Email
	}
	return a, nil
}

// NextFollowUp is the earliest open follow-up from now on.
func NextFollowUp(ctx context.Context, cf *ent.CaseFile) (*time.Time, error) {
	f, err := cf.QueryFollowUps().
		Where(followup.DoneAtIsNil(), followup.DueAtGTE(request.Instant(ctx))).
		Order(ent.Asc(followup.FieldDueAt)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &f.DueAt, nil
}

// CourtDates lists the hearings, soonest first.
func CourtDates(ctx context.Context, cf *ent.CaseFile) ([]*ent.CourtDate, error) {
	return cf.QueryCourtDates().Order(ent.Asc(courtdate.FieldAt), ent.Asc(courtdate.FieldID)).All(ctx)
}

// CaseByNumber returns the case with the number, nil when there is none or
// the viewer may not see it (an advocate sees only assigned cases).
func (s *Cases) CaseByNumber(ctx context.Context, caseNumber string) (*ent.CaseFile, error) {
	// A malformed number is looked up too (it finds nothing), so the privacy
	// rules still refuse a caller who may read no case at all.
	cf, err := s.client.CaseFile.Query().Where(casefile.CaseNumber(accesscode.NormalizeCaseNumber(caseNumber))).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return cf, err
}

// CaseList is a page of the viewer's cases, urgent first, then the newest.
func (s *Cases) CaseList(ctx context.Context, after *entgql.Cursor[nodeid.ID], first *int, before *entgql.Cursor[nodeid.ID], last *int, status *casefile.Status, urgent *bool) (*ent.CaseConnection, error) {
	q := s.client.CaseFile.Query()
	if status != nil {
		q.Where(casefile.StatusEQ(*status))
	}
	if urgent != nil {
		q.Where(casefile.Urgent(*urgent))
	}
	return q.Paginate(caseListCounted(ctx, status, urgent), after, first, before, last, ent.WithCaseOrder(caseOrder))
}

// caseListCounted lets the list's totalCount be kept until the next write of
// a case (storage.WithCaseCountKey): an advocate's count walks all their
// cases otherwise, growing with their caseload. The key names the staff
// member and role (the privacy rules count an advocate's own cases, a
// supervisor's all) and every filter; other viewers are not kept.
func caseListCounted(ctx context.Context, status *casefile.Status, urgent *bool) context.Context {
	v := viewer.FromContext(ctx)
	if !v.IsAdvocate() && !v.IsSupervisor() {
		return ctx
	}
	return storage.WithCaseCountKey(ctx, storage.CountKey("cases", v.Role, v.StaffID, status, urgent))
}
