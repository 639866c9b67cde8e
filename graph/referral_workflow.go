package graph

import (
	"context"
	"slices"
	"strings"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/organization"
	"victimservices/ent/referral"
	"victimservices/ent/schema/inputerr"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/locales"
)

var (
	errConsentRequired = inputerr.New("error.consentRequired", nil)
	errReferralClosed  = inputerr.New("error.referralClosed", nil)
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
func referralEvent(r *ent.Referral, status referral.Status) event {
	return event{kind: caseevent.KindREFERRAL_UPDATED, status: string(status), victimVisible: true, referralID: string(r.ID)}
}

// proposeReferral starts a referral: nothing is shared yet.
func (r *Resolver) proposeReferral(ctx context.Context, caseID, partnerID nodeid.ID, serviceID *nodeid.ID, reason string) (*ent.Referral, error) {
	var created *ent.Referral
	_, err := r.changeCase(ctx, caseID, nil, change{action: "referral.propose", openOnly: true,
		apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]event, error) {
			reason = strings.TrimSpace(reason)
			if reason == "" {
				return nil, inputerr.New("error.invalidField", map[string]any{"Field": "reason"})
			}
			partner, err := c.Organization.Get(ctx, partnerID)
			if ent.IsNotFound(err) || err == nil && partner.Kind != organization.KindPARTNER {
				return nil, inputerr.New("error.invalidField", map[string]any{"Field": "partnerId"})
			}
			if err != nil {
				return nil, err
			}
			create := c.Referral.Create().SetCaseID(cf.ID).SetPartnerID(partnerID).SetReason(reason).
				SetCreatedAt(instant(ctx)).SetUpdatedAt(instant(ctx))
			if serviceID != nil {
				svc, err := c.Service.Get(ctx, *serviceID)
				if ent.IsNotFound(err) || err == nil && (svc.ProviderID != partnerID) {
					return nil, inputerr.New("error.invalidField", map[string]any{"Field": "serviceId"})
				}
				if err != nil {
					return nil, err
				}
				create.SetServiceID(*serviceID)
			}
			if created, err = create.Save(ctx); err != nil {
				return nil, err
			}
			return []event{referralEvent(created, referral.StatusPROPOSED)}, nil
		}})
	if err != nil {
		return nil, err
	}
	return r.db(ctx).Referral.Get(ctx, created.ID)
}

// referralStep moves a referral to status through the case's change
// machinery (version, history, audit, live update in one transaction).
func (r *Resolver) referralStep(ctx context.Context, id nodeid.ID, status referral.Status, set func(u *ent.ReferralUpdateOne, ref *ent.Referral) error) (*ent.Referral, error) {
	if err := requireCaseStaff(ctx); err != nil {
		return nil, err
	}
	c := r.db(ctx)
	ref, err := found(c.Referral.Get(ctx, id))
	if err != nil {
		return nil, err
	}
	_, err = r.changeCase(ctx, ref.CaseID, nil, change{action: "referral." + strings.ToLower(string(status)),
		apply: func(ctx context.Context, c *ent.Client, _ *ent.CaseFile, _ *ent.CaseFileUpdate) ([]event, error) {
			if err := checkReferralStep(ref, status); err != nil {
				return nil, err
			}
			u := c.Referral.UpdateOneID(ref.ID).SetStatus(status).SetUpdatedAt(instant(ctx))
			if set != nil {
				if err := set(u, ref); err != nil {
					return nil, err
				}
			}
			if err := u.Exec(ctx); err != nil {
				return nil, err
			}
			return []event{referralEvent(ref, status)}, nil
		}})
	if err != nil {
		return nil, err
	}
	return c.Referral.Get(ctx, id)
}

// checkReferralStep refuses a step the workflow does not allow.
func checkReferralStep(ref *ent.Referral, status referral.Status) error {
	switch {
	case referralFinal(ref.Status):
		return errReferralClosed
	case status == referral.StatusWITHDRAWN:
		return nil
	case status == referral.StatusSENT && ref.ConsentGivenAt == nil:
		return errConsentRequired
	case !slices.Contains(referralNext[ref.Status], status):
		return errInvalidTransition
	}
	return nil
}

// recordConsent records what the person agreed to share, when and how.
func recordConsent(ctx context.Context, share referral.Share, method referral.ConsentMethod, at *time.Time) func(*ent.ReferralUpdateOne, *ent.Referral) error {
	return func(u *ent.ReferralUpdateOne, _ *ent.Referral) error {
		when := instant(ctx)
		if at != nil {
			if at.After(when) {
				return inputerr.New("error.invalidField", map[string]any{"Field": "givenAt"})
			}
			when = *at
		}
		u.SetShare(share).SetConsentMethod(method).SetConsentGivenAt(when).ClearConsentWithdrawnAt()
		return nil
	}
}

// victimReferralStep lets the person consent to or withdraw from a referral
// of their own case, in the app.
func (r *Resolver) victimReferralStep(ctx context.Context, id nodeid.ID, status referral.Status, share referral.Share) (*ent.Referral, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errSessionEnded
	}
	ctx = viewer.WithVictimView(ctx)
	c := r.db(ctx)
	ref, err := found(c.Referral.Get(ctx, id))
	if err != nil {
		return nil, err
	}
	if err := checkReferralStep(ref, status); err != nil {
		return nil, err
	}
	now := instant(ctx)
	u := c.Referral.UpdateOneID(ref.ID).SetStatus(status).SetUpdatedAt(now)
	if status == referral.StatusWITHDRAWN {
		u.SetConsentWithdrawnAt(now)
	} else {
		u.SetShare(share).SetConsentMethod(referral.ConsentMethodIN_APP).SetConsentGivenAt(now)
	}
	if err := u.Exec(ctx); err != nil {
		return nil, err
	}
	// The case's own bookkeeping is written by the system on the person's
	// behalf: the victim may not change case records directly.
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	if err := c.CaseFile.UpdateOneID(ref.CaseID).AddVersion(1).Exec(sys); err != nil {
		return nil, err
	}
	if err := recordEventsAs(sys, c, ref.CaseID, "", []event{referralEvent(ref, status)}); err != nil {
		return nil, err
	}
	if err := r.audit(ctx, c, auditEntry{action: "referral." + strings.ToLower(string(status)), caseID: ref.CaseID}); err != nil {
		return nil, err
	}
	if err := r.caseChanged(ctx, ref.CaseID); err != nil {
		return nil, err
	}
	return c.Referral.Get(ctx, id)
}

// referralPacket is what may go to the partner: nothing personal unless the
// person consented (and has not withdrawn), and only what they agreed to.
func referralPacket(ctx context.Context, ref *ent.Referral) (*ReferralPacket, error) {
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

// referralStatusLabel is a referral status in the reader's locale.
func referralStatusLabel(l *locales.Locale, s referral.Status) string {
	return l.T("referralStatus."+s.String(), nil)
}

// referralService returns the referral's service, if any (null when it is
// no longer visible, e.g. made inactive).
func referralService(ctx context.Context, c *ent.Client, ref *ent.Referral) (*ent.Service, error) {
	if ref.ServiceID == nil {
		return nil, nil
	}
	if s, err := ref.Edges.ServiceOrErr(); err == nil {
		return s, nil // eager-loaded (nil when no longer visible)
	}
	s, err := c.Service.Get(ctx, *ref.ServiceID)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return s, err
}

// caseReferrals lists a case's referrals, newest first, with their partner
// and service (and, through the text interceptor, their names): a constant
// number of statements however many referrals there are.
func caseReferrals(ctx context.Context, cf *ent.CaseFile) ([]*ent.Referral, error) {
	return cf.QueryReferrals().WithPartner().WithService().
		Order(ent.Desc(referral.FieldCreatedAt), ent.Desc(referral.FieldID)).All(ctx)
}

// referralPartner returns the eager-loaded partner, or loads it.
func referralPartner(ctx context.Context, c *ent.Client, ref *ent.Referral) (*ent.Organization, error) {
	if p, err := ref.Edges.PartnerOrErr(); err == nil {
		return p, nil
	}
	return c.Organization.Get(ctx, ref.PartnerID)
}
