package graph

import (
	"context"
	"slices"
	"time"

	"entgo.io/contrib/entgql"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/schema/inputerr"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/staff"
)

// advocateTransitions is the workflow advocates follow; supervisors may set
// any status (to correct mistakes). Assignment (RECEIVED → ADVOCATE_ASSIGNED)
// happens through assignAdvocate.
var advocateTransitions = map[casefile.Status][]casefile.Status{
	casefile.StatusRECEIVED:          {casefile.StatusIN_PROGRESS},
	casefile.StatusADVOCATE_ASSIGNED: {casefile.StatusIN_PROGRESS, casefile.StatusAWAITING_COURT, casefile.StatusCLOSED},
	casefile.StatusIN_PROGRESS:       {casefile.StatusAWAITING_COURT, casefile.StatusCLOSED},
	casefile.StatusAWAITING_COURT:    {casefile.StatusIN_PROGRESS, casefile.StatusCLOSED},
}

var (
	errInvalidTransition = inputerr.New("error.invalidTransition", nil)
	errCaseClosed        = inputerr.New("error.caseClosed", nil)
	errConflict          = &codedError{CodeConflict}
)

// event is a history entry a change records.
type event struct {
	kind          caseevent.Kind
	detail        string
	status        string
	victimVisible bool
	referralID    string
}

// change describes one staff change of a case.
type change struct {
	// action names the change in the audit trail.
	action string
	// openOnly refuses the change on a closed case.
	openOnly bool
	// apply sets fields on the update and returns the events to record.
	apply func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]event, error)
}

// requireCaseStaff refuses callers who are not advocates or supervisors.
func requireCaseStaff(ctx context.Context) error {
	v := viewer.FromContext(ctx)
	switch {
	case v.IsAdvocate() || v.IsSupervisor():
		return nil
	case v.IsStaff():
		return errForbidden
	}
	return errUnauthenticated
}

// changeCase applies a staff change in the mutation's transaction: it loads
// the case through the privacy rules (an advocate reaches only assigned
// cases), checks expectedVersion, updates the case only if nobody changed it
// meanwhile (else CONFLICT), and records the events, the audit record and the
// live-update signal in the same transaction.
func (r *Resolver) changeCase(ctx context.Context, id nodeid.ID, expected *int, ch change) (*ent.CaseFile, error) {
	if err := requireCaseStaff(ctx); err != nil {
		return nil, err
	}
	c := r.db(ctx)
	cf, err := found(c.CaseFile.Get(ctx, id))
	if err != nil {
		return nil, err
	}
	if expected != nil && *expected != cf.Version {
		return nil, errConflict
	}
	if ch.openOnly && cf.Status == casefile.StatusCLOSED {
		return nil, errCaseClosed
	}
	u := c.CaseFile.Update().Where(casefile.ID(cf.ID), casefile.Version(cf.Version)).AddVersion(1)
	events, err := ch.apply(ctx, c, cf, u)
	if err != nil {
		return nil, err
	}
	n, err := u.Save(ctx)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, errConflict
	}
	if err := r.recordEvents(ctx, c, cf.ID, events); err != nil {
		return nil, err
	}
	if err := r.audit(ctx, c, auditEntry{action: ch.action, caseID: cf.ID}); err != nil {
		return nil, err
	}
	if err := r.caseChanged(ctx, cf.ID); err != nil {
		return nil, err
	}
	return c.CaseFile.Get(ctx, id)
}

// recordEvents writes history entries by the viewer.
func (r *Resolver) recordEvents(ctx context.Context, c *ent.Client, id nodeid.ID, events []event) error {
	return recordEventsAs(ctx, c, id, viewer.FromContext(ctx).StaffID, events)
}

// recordEventsAs writes history entries by actor (a staff ID, or "").
func recordEventsAs(ctx context.Context, c *ent.Client, id nodeid.ID, actor string, events []event) error {
	if len(events) == 0 {
		return nil
	}
	builders := make([]*ent.CaseEventCreate, len(events))
	for i, e := range events {
		// A microsecond apart, so the events of one change keep their order.
		at := instant(ctx).Add(time.Duration(i) * time.Microsecond)
		builders[i] = c.CaseEvent.Create().SetCaseID(id).SetKind(e.kind).SetDetail(e.detail).
			SetStatus(e.status).SetVictimVisible(e.victimVisible).SetActorID(actor).SetAt(at).SetReferralID(e.referralID)
	}
	return c.CaseEvent.CreateBulk(builders...).Exec(ctx)
}

// caseChanged signals live subscribers, inside the mutation's transaction.
func (r *Resolver) caseChanged(ctx context.Context, id nodeid.ID) error {
	if r.notifier == nil {
		return nil
	}
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		return nil
	}
	return r.notifier.Changed(ctx, tx, string(id))
}

// statusChange moves a case to status, following the workflow for advocates.
func statusChange(status casefile.Status, note string) change {
	return change{action: "case.status", apply: func(ctx context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]event, error) {
		v := viewer.FromContext(ctx)
		if status == cf.Status || !v.IsSupervisor() && !slices.Contains(advocateTransitions[cf.Status], status) {
			return nil, errInvalidTransition
		}
		u.SetStatus(status)
		events := []event{{kind: caseevent.KindSTATUS_CHANGED, status: string(status), detail: note, victimVisible: true}}
		switch {
		case status == casefile.StatusCLOSED:
			u.SetClosedAt(instant(ctx))
			if cf.Outcome == nil {
				u.SetOutcome(casefile.OutcomeRESOLVED)
			}
			events = []event{{kind: caseevent.KindCLOSED, status: string(status), detail: note, victimVisible: true}}
		case cf.Status == casefile.StatusCLOSED:
			u.ClearClosedAt().ClearOutcome() // a supervisor reopens the case
		}
		return events, nil
	}}
}

// caseOrder lists urgent cases first, then the newest.
var caseOrder = []*ent.CaseOrder{
	{Direction: entgql.OrderDirectionDesc, Field: ent.CaseFileOrderFieldUrgent},
	{Direction: entgql.OrderDirectionDesc, Field: ent.CaseFileOrderFieldOpenedAt},
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// assignChange gives the case to an advocate (supervisors; the privacy rules
// refuse advocates who try to reassign).
func assignChange(advocateID nodeid.ID) change {
	return change{action: "case.assign", openOnly: true, apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]event, error) {
		if !viewer.FromContext(ctx).IsSupervisor() {
			return nil, errForbidden
		}
		s, err := c.Staff.Get(ctx, advocateID)
		if ent.IsNotFound(err) || err == nil && s.Role != staff.RoleADVOCATE && s.Role != staff.RoleSUPERVISOR {
			return nil, inputerr.New("error.invalidField", map[string]any{"Field": "advocateId"})
		}
		if err != nil {
			return nil, err
		}
		u.SetAdvocateID(advocateID)
		if cf.Status == casefile.StatusRECEIVED {
			u.SetStatus(casefile.StatusADVOCATE_ASSIGNED)
		}
		return []event{{kind: caseevent.KindADVOCATE_ASSIGNED, victimVisible: true}}, nil
	}}
}

// firstContactChange records the first contact (once) and starts the work.
func firstContactChange(at *time.Time, note string) change {
	return change{action: "case.first_contact", openOnly: true, apply: func(ctx context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]event, error) {
		when := instant(ctx)
		if at != nil {
			if at.After(when) || at.Before(cf.OpenedAt) {
				return nil, inputerr.New("error.invalidField", map[string]any{"Field": "at"})
			}
			when = *at
		}
		if cf.FirstContactAt == nil {
			u.SetFirstContactAt(when)
		}
		if cf.Status == casefile.StatusRECEIVED || cf.Status == casefile.StatusADVOCATE_ASSIGNED {
			u.SetStatus(casefile.StatusIN_PROGRESS)
		}
		events := []event{{kind: caseevent.KindFIRST_CONTACT, victimVisible: true}}
		if note != "" {
			events = append(events, event{kind: caseevent.KindNOTE, detail: note})
		}
		return events, nil
	}}
}

// noteChange adds a note to the history.
func noteChange(detail string, victimVisible bool) change {
	return change{action: "case.note", apply: func(context.Context, *ent.Client, *ent.CaseFile, *ent.CaseFileUpdate) ([]event, error) {
		if len([]rune(detail)) == 0 || len([]rune(detail)) > 4000 {
			return nil, inputerr.New("error.invalidField", map[string]any{"Field": "detail"})
		}
		return []event{{kind: caseevent.KindNOTE, detail: detail, victimVisible: victimVisible}}, nil
	}}
}

// followUpChange plans a check-in.
func followUpChange(due time.Time, note string) change {
	return change{action: "case.follow_up", openOnly: true, apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]event, error) {
		if err := c.FollowUp.Create().SetCaseID(cf.ID).SetDueAt(due).SetNote(note).Exec(ctx); err != nil {
			return nil, err
		}
		return []event{{kind: caseevent.KindFOLLOW_UP_SCHEDULED, victimVisible: true}}, nil
	}}
}

// followUpDoneChange marks a check-in done.
func followUpDoneChange(f *ent.FollowUp, note string) change {
	return change{action: "case.follow_up_done", openOnly: true, apply: func(ctx context.Context, c *ent.Client, _ *ent.CaseFile, _ *ent.CaseFileUpdate) ([]event, error) {
		u := c.FollowUp.UpdateOneID(f.ID).SetDoneAt(instant(ctx))
		if note != "" {
			u.SetNote(note)
		}
		if err := u.Exec(ctx); err != nil {
			return nil, err
		}
		return []event{{kind: caseevent.KindFOLLOW_UP_DONE, victimVisible: true}}, nil
	}}
}

// courtDateChange adds a hearing.
func courtDateChange(in CourtDateInput) change {
	return change{action: "case.court_date", openOnly: true, apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]event, error) {
		create := c.CourtDate.Create().SetCaseID(cf.ID).SetAt(in.At).SetCourtName(in.CourtName).
			SetStreet(deref(in.Street)).SetCity(deref(in.City)).SetState(deref(in.State)).SetPostalCode(deref(in.PostalCode))
		if in.Hearing != nil {
			create.SetHearing(*in.Hearing)
		}
		if err := create.Exec(ctx); err != nil {
			return nil, err
		}
		return []event{{kind: caseevent.KindCOURT_DATE_ADDED, victimVisible: true}}, nil
	}}
}

// claimChange updates the compensation claim.
func claimChange(status casefile.ClaimStatus) change {
	return change{action: "case.claim", openOnly: true, apply: func(ctx context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]event, error) {
		if status == cf.ClaimStatus {
			return nil, errInvalidTransition
		}
		u.SetClaimStatus(status).SetClaimUpdatedAt(instant(ctx))
		return []event{{kind: caseevent.KindCLAIM_UPDATED, status: string(status), victimVisible: true}}, nil
	}}
}

// closeChange closes the case with an outcome.
func closeChange(outcome casefile.Outcome, note string) change {
	return change{action: "case.close", openOnly: true, apply: func(ctx context.Context, _ *ent.Client, _ *ent.CaseFile, u *ent.CaseFileUpdate) ([]event, error) {
		u.SetStatus(casefile.StatusCLOSED).SetOutcome(outcome).SetClosedAt(instant(ctx))
		return []event{{kind: caseevent.KindCLOSED, detail: note, victimVisible: true}}, nil
	}}
}

// reissueChange replaces the access code and revokes every session.
func reissueChange(hash string) change {
	return change{action: "case.reissue_code", apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]event, error) {
		u.SetAccessCodeHash(hash)
		if err := revokeSessions(ctx, c, string(cf.ID), instant(ctx)); err != nil {
			return nil, err
		}
		return []event{{kind: caseevent.KindACCESS_CODE_REISSUED, victimVisible: true}}, nil
	}}
}
