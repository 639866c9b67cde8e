package cases

import (
	"context"
	"slices"
	"time"

	"entgo.io/contrib/entgql"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/staff"
	"victimservices/internal/accesscode"
	"victimservices/internal/request"
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

// statusChange moves a case to status, following the workflow for advocates.
func statusChange(status casefile.Status, note string) Change {
	return Change{Action: "case.status", Apply: func(ctx context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
		v := viewer.FromContext(ctx)
		if status == cf.Status || !v.IsSupervisor() && !slices.Contains(advocateTransitions[cf.Status], status) {
			return nil, errcode.ErrInvalidTransition
		}
		u.SetStatus(status)
		events := []Event{{Kind: caseevent.KindSTATUS_CHANGED, Status: string(status), Detail: note, VictimVisible: true}}
		switch {
		case status == casefile.StatusCLOSED:
			u.SetClosedAt(request.Instant(ctx))
			if cf.Outcome == nil {
				u.SetOutcome(casefile.OutcomeRESOLVED)
			}
			events = []Event{{Kind: caseevent.KindCLOSED, Status: string(status), Detail: note, VictimVisible: true}}
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

// assignChange gives the case to an advocate (supervisors; the privacy rules
// refuse advocates who try to reassign).
func assignChange(advocateID nodeid.ID) Change {
	return Change{Action: "case.assign", OpenOnly: true, Apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
		s, err := c.Staff.Get(ctx, advocateID)
		if ent.IsNotFound(err) || err == nil && s.Role != staff.RoleADVOCATE && s.Role != staff.RoleSUPERVISOR {
			return nil, errcode.Field("advocateId")
		}
		if err != nil {
			return nil, err
		}
		u.SetAdvocateID(advocateID)
		if cf.Status == casefile.StatusRECEIVED {
			u.SetStatus(casefile.StatusADVOCATE_ASSIGNED)
		}
		return []Event{{Kind: caseevent.KindADVOCATE_ASSIGNED, VictimVisible: true}}, nil
	}}
}

// firstContactChange records the first contact (once) and starts the work.
func firstContactChange(at *time.Time, note string) Change {
	return Change{Action: "case.first_contact", OpenOnly: true, Apply: func(ctx context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
		when := request.Instant(ctx)
		if at != nil {
			if at.After(when) || at.Before(cf.OpenedAt) {
				return nil, errcode.Field("at")
			}
			when = *at
		}
		if cf.FirstContactAt == nil {
			u.SetFirstContactAt(when)
		}
		if cf.Status == casefile.StatusRECEIVED || cf.Status == casefile.StatusADVOCATE_ASSIGNED {
			u.SetStatus(casefile.StatusIN_PROGRESS)
		}
		events := []Event{{Kind: caseevent.KindFIRST_CONTACT, VictimVisible: true}}
		if note != "" {
			events = append(events, Event{Kind: caseevent.KindNOTE, Detail: note})
		}
		return events, nil
	}}
}

// noteChange adds a note to the history.
func noteChange(detail string, victimVisible bool) Change {
	return Change{Action: "case.note", Apply: func(context.Context, *ent.Client, *ent.CaseFile, *ent.CaseFileUpdate) ([]Event, error) {
		if detail == "" { // its length limit is the schema's
			return nil, errcode.Field("detail")
		}
		return []Event{{Kind: caseevent.KindNOTE, Detail: detail, VictimVisible: victimVisible}}, nil
	}}
}

// followUpChange plans a check-in.
func followUpChange(due time.Time, note string) Change {
	return Change{Action: "case.follow_up", OpenOnly: true, Apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
		if err := c.FollowUp.Create().SetCaseID(cf.ID).SetDueAt(due).SetNote(note).Exec(ctx); err != nil {
			return nil, err
		}
		return []Event{{Kind: caseevent.KindFOLLOW_UP_SCHEDULED, VictimVisible: true}}, nil
	}}
}

// followUpDoneChange marks a check-in done.
func followUpDoneChange(f *ent.FollowUp, note string) Change {
	return Change{Action: "case.follow_up_done", OpenOnly: true, Apply: func(ctx context.Context, c *ent.Client, _ *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
		u := c.FollowUp.UpdateOneID(f.ID).SetDoneAt(request.Instant(ctx))
		if note != "" {
			u.SetNote(note)
		}
		if err := u.Exec(ctx); err != nil {
			return nil, err
		}
		return []Event{{Kind: caseevent.KindFOLLOW_UP_DONE, VictimVisible: true}}, nil
	}}
}

// courtDateChange adds a hearing.
func courtDateChange(in CourtDateInput) Change {
	return Change{Action: "case.court_date", OpenOnly: true, Apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
		create := c.CourtDate.Create().SetCaseID(cf.ID).SetAt(in.At).SetCourtName(in.CourtName).
			SetStreet(deref(in.Street)).SetCity(deref(in.City)).SetState(deref(in.State)).SetPostalCode(deref(in.PostalCode))
		if in.Hearing != nil {
			create.SetHearing(*in.Hearing)
		}
		if err := create.Exec(ctx); err != nil {
			return nil, err
		}
		return []Event{{Kind: caseevent.KindCOURT_DATE_ADDED, VictimVisible: true}}, nil
	}}
}

// courtDateUpdateChange moves or corrects a hearing.
func courtDateUpdateChange(d *ent.CourtDate, in CourtDateInput) Change {
	return Change{Action: "case.court_date_changed", OpenOnly: true, Apply: func(ctx context.Context, c *ent.Client, _ *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
		u := c.CourtDate.UpdateOneID(d.ID).SetAt(in.At).SetCourtName(in.CourtName).
			SetStreet(deref(in.Street)).SetCity(deref(in.City)).SetState(deref(in.State)).SetPostalCode(deref(in.PostalCode))
		if in.Hearing != nil {
			u.SetHearing(*in.Hearing)
		}
		if err := u.Exec(ctx); err != nil {
			return nil, err
		}
		return []Event{{Kind: caseevent.KindCOURT_DATE_CHANGED, VictimVisible: true}}, nil
	}}
}

// courtDateCancelChange removes a hearing that will not take place.
func courtDateCancelChange(d *ent.CourtDate, note string) Change {
	return Change{Action: "case.court_date_cancelled", OpenOnly: true, Apply: func(ctx context.Context, c *ent.Client, _ *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
		if err := c.CourtDate.DeleteOneID(d.ID).Exec(ctx); err != nil {
			return nil, err
		}
		return []Event{{Kind: caseevent.KindCOURT_DATE_CANCELLED, Detail: note, VictimVisible: true}}, nil
	}}
}

// claimChange updates the compensation claim.
func claimChange(status casefile.ClaimStatus) Change {
	return Change{Action: "case.claim", OpenOnly: true, Apply: func(ctx context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
		if status == cf.ClaimStatus {
			return nil, errcode.ErrInvalidTransition
		}
		u.SetClaimStatus(status).SetClaimUpdatedAt(request.Instant(ctx))
		return []Event{{Kind: caseevent.KindCLAIM_UPDATED, Status: string(status), VictimVisible: true}}, nil
	}}
}

// closeChange closes the case with an outcome.
func closeChange(outcome casefile.Outcome, note string) Change {
	return Change{Action: "case.close", OpenOnly: true, Apply: func(ctx context.Context, _ *ent.Client, _ *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
		u.SetStatus(casefile.StatusCLOSED).SetOutcome(outcome).SetClosedAt(request.Instant(ctx))
		return []Event{{Kind: caseevent.KindCLOSED, Detail: note, VictimVisible: true}}, nil
	}}
}

// reissueChange replaces the access code, revokes every session and lifts
// the case number's failed sign-in lock.
func reissueChange(hash string) Change {
	return Change{Action: "case.reissue_code", Apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
		u.SetAccessCodeHash(hash)
		if err := revokeSessions(ctx, c, cf.ID, request.Instant(ctx)); err != nil {
			return nil, err
		}
		// A stranger who knows the case number may have locked it with
		// wrong codes: the new code works at once (the old one never again).
		if err := forgetAttempts(ctx, c, cf.CaseNumber); err != nil {
			return nil, err
		}
		return []Event{{Kind: caseevent.KindACCESS_CODE_REISSUED, VictimVisible: true}}, nil
	}}
}

// UpdateStatus moves a case to status (advocates follow the workflow;
// supervisors may set any status, to correct mistakes).
func (s *Cases) UpdateStatus(ctx context.Context, id nodeid.ID, status casefile.Status, note *string, expected *int) (*ent.CaseFile, error) {
	return s.change(ctx, id, expected, statusChange(status, deref(note)))
}

// AssignAdvocate gives a case to an advocate (supervisors only: the privacy
// rules refuse anyone else a change of assignment).
func (s *Cases) AssignAdvocate(ctx context.Context, id, advocateID nodeid.ID, expected *int) (*ent.CaseFile, error) {
	return s.change(ctx, id, expected, assignChange(advocateID))
}

// RecordFirstContact records the first contact (at, default now) and starts the work.
func (s *Cases) RecordFirstContact(ctx context.Context, id nodeid.ID, at *time.Time, note *string, expected *int) (*ent.CaseFile, error) {
	return s.change(ctx, id, expected, firstContactChange(at, deref(note)))
}

// AddNote adds a note to the history, shown to the victim when victimVisible.
func (s *Cases) AddNote(ctx context.Context, id nodeid.ID, detail string, victimVisible bool, expected *int) (*ent.CaseFile, error) {
	return s.change(ctx, id, expected, noteChange(detail, victimVisible))
}

// ScheduleFollowUp plans a check-in.
func (s *Cases) ScheduleFollowUp(ctx context.Context, id nodeid.ID, due time.Time, note *string, expected *int) (*ent.CaseFile, error) {
	return s.change(ctx, id, expected, followUpChange(due, deref(note)))
}

// CompleteFollowUp marks a check-in done.
func (s *Cases) CompleteFollowUp(ctx context.Context, followUpID nodeid.ID, note *string, expected *int) (*ent.CaseFile, error) {
	f, err := found(s.db(ctx).FollowUp.Get(ctx, followUpID))
	if err != nil {
		return nil, err
	}
	return s.change(ctx, f.CaseID, expected, followUpDoneChange(f, deref(note)))
}

// AddCourtDate adds a hearing.
func (s *Cases) AddCourtDate(ctx context.Context, id nodeid.ID, in CourtDateInput, expected *int) (*ent.CaseFile, error) {
	return s.change(ctx, id, expected, courtDateChange(in))
}

// UpdateCourtDate moves or corrects a hearing.
func (s *Cases) UpdateCourtDate(ctx context.Context, courtDateID nodeid.ID, in CourtDateInput, expected *int) (*ent.CaseFile, error) {
	d, err := found(s.db(ctx).CourtDate.Get(ctx, courtDateID))
	if err != nil {
		return nil, err
	}
	return s.change(ctx, d.CaseID, expected, courtDateUpdateChange(d, in))
}

// CancelCourtDate removes a hearing that will not take place; the
// person's timeline says so (with the note, when given).
func (s *Cases) CancelCourtDate(ctx context.Context, courtDateID nodeid.ID, note *string, expected *int) (*ent.CaseFile, error) {
	d, err := found(s.db(ctx).CourtDate.Get(ctx, courtDateID))
	if err != nil {
		return nil, err
	}
	return s.change(ctx, d.CaseID, expected, courtDateCancelChange(d, deref(note)))
}

// UpdateClaim sets the compensation claim's status.
func (s *Cases) UpdateClaim(ctx context.Context, id nodeid.ID, status casefile.ClaimStatus, expected *int) (*ent.CaseFile, error) {
	return s.change(ctx, id, expected, claimChange(status))
}

// Close closes a case with an outcome.
func (s *Cases) Close(ctx context.Context, id nodeid.ID, outcome casefile.Outcome, note *string, expected *int) (*ent.CaseFile, error) {
	return s.change(ctx, id, expected, closeChange(outcome, deref(note)))
}

// ReissueAccessCode gives the case a new access code (returned once; only
// its hash is stored) and ends every session opened with the old one.
func (s *Cases) ReissueAccessCode(ctx context.Context, id nodeid.ID) (*AccessCodePayload, error) {
	code := accesscode.NewCode()
	hash, err := s.hasher.Hash(ctx, code)
	if err != nil {
		return nil, err
	}
	cf, err := s.change(ctx, id, nil, reissueChange(hash))
	if err != nil {
		return nil, err
	}
	return &AccessCodePayload{AccessCode: code, Case: cf}, nil
}
