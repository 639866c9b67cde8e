package cases

import (
	"context"
	"slices"
	"strings"
	"time"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/organization"
	"victimservices/ent/referral"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/request"
)

// referralNext is the referral workflow: which status may follow which.
// WITHDRAWN may follow any status that is not final.
var referralNext = map[referral.Status][]referral.Status{
	referral.StatusPROPOSED:  {referral.StatusCONSENTED},
	referral.StatusCONSENTED: {referral.StatusSENT},
	referral.StatusSENT:      {referral.StatusACCEPTED, referral.StatusDECLINED},
	referral.StatusACCEPTED:  {referral.StatusCOMPLETED},
}

// referralFinal reports whether a referral can no longer change.
func referralFinal(s referral.Status) bool {
	return s == referral.StatusDECLINED || s == referral.StatusCOMPLETED || s == referral.StatusWITHDRAWN
}

// referralEvent is the victim-visible history entry of a referral step.
func referralEvent(r *ent.Referral, status referral.Status) Event {
	return Event{Kind: caseevent.KindREFERRAL_UPDATED, Status: string(status), VictimVisible: true, ReferralID: string(r.ID)}
}

// ProposeReferral starts a referral: nothing is shared yet.
func (s *Cases) ProposeReferral(ctx context.Context, caseID, partnerID nodeid.ID, serviceID *nodeid.ID, reason string) (*ent.Referral, error) {
	var created *ent.Referral
	_, err := s.change(ctx, caseID, nil, Change{Action: "referral.propose", OpenOnly: true,
		Apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
			reason = strings.TrimSpace(reason)
			if reason == "" {
				return nil, errcode.Field("reason")
			}
			partner, err := c.Organization.Get(ctx, partnerID)
			if ent.IsNotFound(err) || err == nil && partner.Kind != organization.KindPARTNER {
				return nil, errcode.Field("partnerId")
			}
			if err != nil {
				return nil, err
			}
			create := c.Referral.Create().SetCaseID(cf.ID).SetPartnerID(partnerID).SetReason(reason).
				SetCreatedAt(request.Instant(ctx)).SetUpdatedAt(request.Instant(ctx))
			if serviceID != nil {
				svc, err := c.Service.Get(ctx, *serviceID)
				if ent.IsNotFound(err) || err == nil && (svc.ProviderID != partnerID) {
					return nil, errcode.Field("serviceId")
				}
				if err != nil {
					return nil, err
				}
				create.SetServiceID(*serviceID)
			}
			if created, err = create.Save(ctx); err != nil {
				return nil, err
			}
			return []Event{referralEvent(created, referral.StatusPROPOSED)}, nil
		}})
	if err != nil {
		return nil, err
	}
	return s.db(ctx).Referral.Get(ctx, created.ID)
}

// referralStep moves a referral to status through the change path
// (version, history, audit, live update in one transaction). set, when
// given, records what the step carries (consent, a decline reason). Only
// byVictim steps (the person's own consent or withdrawal in the app) read as
// the victim's view; every step but a withdrawal needs an open case.
func (s *Cases) referralStep(ctx context.Context, id nodeid.ID, status referral.Status, byVictim bool, set func(ctx context.Context, u *ent.ReferralUpdateOne) error) (*ent.Referral, error) {
	read := ctx
	if byVictim && viewer.FromContext(ctx).IsVictim() {
		read = viewer.WithView(ctx, viewer.VictimView)
	}
	ref, err := found(s.db(ctx).Referral.Get(read, id))
	if err != nil {
		return nil, err
	}
	_, err = s.change(ctx, ref.CaseID, nil, Change{Action: "referral." + strings.ToLower(string(status)),
		ByVictim: byVictim, OpenOnly: status != referral.StatusWITHDRAWN,
		Apply: func(ctx context.Context, c *ent.Client, _ *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
			if err := checkReferralStep(ref, status); err != nil {
				return nil, err
			}
			u := c.Referral.UpdateOneID(ref.ID).SetStatus(status).SetUpdatedAt(request.Instant(ctx))
			if set != nil {
				if err := set(ctx, u); err != nil {
					return nil, err
				}
			}
			if err := u.Exec(ctx); err != nil {
				return nil, err
			}
			return []Event{referralEvent(ref, status)}, nil
		}})
	if err != nil {
		return nil, err
	}
	return s.db(ctx).Referral.Get(read, id)
}

// RecordConsent records, for staff, what the person agreed to share, when
// (givenAt, default now; never before the referral was proposed, never in
// the future) and how.
func (s *Cases) RecordConsent(ctx context.Context, id nodeid.ID, share referral.Share, method referral.ConsentMethod, givenAt *time.Time) (*ent.Referral, error) {
	return s.referralStep(ctx, id, referral.StatusCONSENTED, false, func(ctx context.Context, u *ent.ReferralUpdateOne) error {
		when := request.Instant(ctx)
		if givenAt != nil {
			proposed, err := u.Mutation().OldCreatedAt(ctx)
			if err != nil {
				return err
			}
			if givenAt.Before(proposed) || givenAt.After(when) {
				return errcode.ErrConsentDate
			}
			when = *givenAt
		}
		u.SetShare(share).SetConsentMethod(method).SetConsentGivenAt(when).ClearConsentWithdrawnAt()
		return nil
	})
}

// SendReferral sends a consented referral to its partner.
func (s *Cases) SendReferral(ctx context.Context, id nodeid.ID) (*ent.Referral, error) {
	return s.referralStep(ctx, id, referral.StatusSENT, false, nil)
}

// RecordResponse records the partner's answer; a decline needs a reason the
// victim may read.
func (s *Cases) RecordResponse(ctx context.Context, id nodeid.ID, accepted bool, declineReason *string) (*ent.Referral, error) {
	if accepted {
		return s.referralStep(ctx, id, referral.StatusACCEPTED, false, nil)
	}
	reason := strings.TrimSpace(deref(declineReason))
	if reason == "" {
		return nil, errcode.ErrDeclineReasonRequired
	}
	return s.referralStep(ctx, id, referral.StatusDECLINED, false, func(_ context.Context, u *ent.ReferralUpdateOne) error {
		u.SetDeclineReason(reason)
		return nil
	})
}

// CompleteReferral records that the partner's help was given.
func (s *Cases) CompleteReferral(ctx context.Context, id nodeid.ID) (*ent.Referral, error) {
	return s.referralStep(ctx, id, referral.StatusCOMPLETED, false, nil)
}

// RecordWithdrawal records, for staff, that the person withdrew consent.
func (s *Cases) RecordWithdrawal(ctx context.Context, id nodeid.ID) (*ent.Referral, error) {
	return s.referralStep(ctx, id, referral.StatusWITHDRAWN, false, withdraw)
}

// GiveConsent lets the person consent, in the app, to a referral of their
// own case, sharing what they choose.
func (s *Cases) GiveConsent(ctx context.Context, id nodeid.ID, share referral.Share) (*ent.Referral, error) {
	if !viewer.FromContext(ctx).IsVictim() {
		return nil, errcode.ErrSessionEnded
	}
	return s.referralStep(ctx, id, referral.StatusCONSENTED, true, func(ctx context.Context, u *ent.ReferralUpdateOne) error {
		u.SetShare(share).SetConsentMethod(referral.ConsentMethodIN_APP).SetConsentGivenAt(request.Instant(ctx)).ClearConsentWithdrawnAt()
		return nil
	})
}

// WithdrawConsent lets the person withdraw, in the app, from a referral of
// their own case.
func (s *Cases) WithdrawConsent(ctx context.Context, id nodeid.ID) (*ent.Referral, error) {
	if !viewer.FromContext(ctx).IsVictim() {
		return nil, errcode.ErrSessionEnded
	}
	return s.referralStep(ctx, id, referral.StatusWITHDRAWN, true, withdraw)
}

func withdraw(ctx context.Context, u *ent.ReferralUpdateOne) error {
	u.SetConsentWithdrawnAt(request.Instant(ctx))
	return nil
}

// checkReferralStep refuses a step the workflow does not allow.
func checkReferralStep(ref *ent.Referral, status referral.Status) error {
	switch {
	case referralFinal(ref.Status):
		return errcode.ErrReferralClosed
	case status == referral.StatusWITHDRAWN:
		return nil
	case status == referral.StatusSENT && ref.ConsentGivenAt == nil:
		return errcode.ErrConsentRequired
	case !slices.Contains(referralNext[ref.Status], status):
		return errcode.ErrInvalidTransition
	}
	return nil
}

// SharedWithPartner is what may go to the partner: nothing personal unless the
// person consented (and has not withdrawn), and only what they agreed to.
func SharedWithPartner(ctx context.Context, ref *ent.Referral) (*ReferralPacket, error) {
	p := &ReferralPacket{}
	if ref.ConsentGivenAt == nil || ref.ConsentWithdrawnAt != nil || ref.Share == referral.ShareNOTHING {
		return p, nil
	}
	cf, err := ref.QueryCase().Only(ctx)
	if err != nil {
		return nil, err
	}
	p.Phone, p.Email, p.PreferredLocale = optional(cf.Phone), optional(cf.Email), &cf.PreferredLocale
	safe := string(cf.ContactMethod)
	if cf.SafeContactTimes != "" {
		safe += ": " + cf.SafeContactTimes
	}
	if !cf.SafeToLeaveMessage {
		safe += " (no messages)"
	}
	p.SafeContact = &safe
	if ref.Share == referral.ShareCASE_SUMMARY {
		p.Summary = optional(cf.Description)
	}
	return p, nil
}

// ReferralService returns the referral's service, if any (null when it is
// no longer visible, e.g. made inactive).
func (s *Cases) ReferralService(ctx context.Context, ref *ent.Referral) (*ent.Service, error) {
	if ref.ServiceID == nil {
		return nil, nil
	}
	if svc, err := ref.Edges.ServiceOrErr(); err == nil {
		return svc, nil // eager-loaded (nil when no longer visible)
	}
	svc, err := s.client.Service.Get(ctx, *ref.ServiceID)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return svc, err
}

// CaseReferrals lists a case's referrals, newest first, with their partner
// and service (and, through the text interceptor, their names): a constant
// number of statements however many referrals there are.
func CaseReferrals(ctx context.Context, cf *ent.CaseFile) ([]*ent.Referral, error) {
	return cf.QueryReferrals().WithPartner().WithService().
		Order(ent.Desc(referral.FieldCreatedAt), ent.Desc(referral.FieldID)).All(ctx)
}

// ReferralPartner returns the eager-loaded partner, or loads it.
func (s *Cases) ReferralPartner(ctx context.Context, ref *ent.Referral) (*ent.Organization, error) {
	if p, err := ref.Edges.PartnerOrErr(); err == nil {
		return p, nil
	}
	return s.client.Organization.Get(ctx, ref.PartnerID)
}
