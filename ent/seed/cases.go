package seed

import (
	"context"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/casesession"
	"victimservices/ent/courtdate"
	"victimservices/ent/referral"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/staff"
	"victimservices/internal/accesscode"
)

// DemoCase is a demo case and the access code that opens it.
type DemoCase struct {
	Number, Code, Status, Locale string
}

// DemoStaff are the demo advocate and supervisor (names say they are demo).
var (
	DemoAdvocate   = "Alex Rivera (demo advocate)"
	DemoSupervisor = "Sam Lee (demo supervisor)"
)

// LoadDemoCases adds, for development only, a demo advocate and supervisor
// and three cases in different states; when they exist already it gives the
// cases fresh access codes (revoking their sessions). The codes are returned
// for the seed subcommand to print: they are never logged.
func LoadDemoCases(ctx context.Context, client *ent.Client, hasher *accesscode.Hasher, now time.Time) ([]DemoCase, error) {
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	tx, err := client.Tx(ctx)
	if err != nil {
		return nil, err
	}
	out, err := loadDemoCases(ctx, tx.Client(), hasher, now)
	if err != nil {
		return nil, rollback(tx, err)
	}
	return out, tx.Commit()
}

func loadDemoCases(ctx context.Context, c *ent.Client, hasher *accesscode.Hasher, now time.Time) ([]DemoCase, error) {
	advocate, err := demoStaff(ctx, c, DemoAdvocate, staff.RoleADVOCATE)
	if err != nil {
		return nil, err
	}
	if _, err := demoStaff(ctx, c, DemoSupervisor, staff.RoleSUPERVISOR); err != nil {
		return nil, err
	}
	existing, err := c.CaseFile.Query().Where(casefile.Demo(true)).Order(ent.Asc(casefile.FieldOpenedAt)).All(ctx)
	if err != nil {
		return nil, err
	}
	var out []DemoCase
	if len(existing) > 0 {
		for _, cf := range existing {
			code := accesscode.NewCode()
			hash, err := hasher.Hash(ctx, code)
			if err != nil {
				return nil, err
			}
			if err := cf.Update().SetAccessCodeHash(hash).AddVersion(1).Exec(ctx); err != nil {
				return nil, err
			}
			if err := c.CaseSession.Update().Where(casesession.CaseID(cf.ID), casesession.RevokedAtIsNil()).
				SetRevokedAt(now).Exec(ctx); err != nil {
				return nil, err
			}
			out = append(out, DemoCase{cf.CaseNumber, code, cf.Status.String(), cf.PreferredLocale})
		}
		return out, nil
	}
	type step struct {
		kind   caseevent.Kind
		status string
		after  time.Duration
	}
	specs := []struct {
		locale  string
		status  casefile.Status
		opened  time.Duration
		assign  bool
		contact time.Duration
		steps   []step
		court   bool
		claim   casefile.ClaimStatus
	}{
		{locale: "es", status: casefile.StatusRECEIVED, opened: 2 * time.Hour},
		{locale: "en", status: casefile.StatusIN_PROGRESS, opened: 3 * 24 * time.Hour, assign: true, contact: 6 * time.Hour,
			steps: []step{{caseevent.KindADVOCATE_ASSIGNED, "", time.Hour}, {caseevent.KindFIRST_CONTACT, "", 6 * time.Hour},
				{caseevent.KindSTATUS_CHANGED, "IN_PROGRESS", 6 * time.Hour}, {caseevent.KindFOLLOW_UP_SCHEDULED, "", 7 * time.Hour}}},
		{locale: "ar", status: casefile.StatusAWAITING_COURT, opened: 12 * 24 * time.Hour, assign: true, contact: 20 * time.Hour, court: true,
			claim: casefile.ClaimStatusUNDER_REVIEW,
			steps: []step{{caseevent.KindADVOCATE_ASSIGNED, "", 2 * time.Hour}, {caseevent.KindFIRST_CONTACT, "", 20 * time.Hour},
				{caseevent.KindCLAIM_UPDATED, "UNDER_REVIEW", 4 * 24 * time.Hour}, {caseevent.KindCOURT_DATE_ADDED, "", 5 * 24 * time.Hour},
				{caseevent.KindSTATUS_CHANGED, "AWAITING_COURT", 5 * 24 * time.Hour}}},
	}
	for _, sp := range specs {
		code := accesscode.NewCode()
		hash, err := hasher.Hash(ctx, code)
		if err != nil {
			return nil, err
		}
		opened := now.Add(-sp.opened)
		create := c.CaseFile.Create().SetCaseNumber(accesscode.NewCaseNumber()).SetStatus(sp.status).
			SetPreferredLocale(sp.locale).SetContactMethod(casefile.ContactMethodPHONE).SetPhone("+13125550100").
			SetSafeToLeaveMessage(false).SetSafeContactTimes("Demo: weekdays after 6 pm").
			SetNeeds([]string{"VICTIM_ADVOCACY"}).SetDescription("Demo case: not a real person.").
			SetAccessCodeHash(hash).SetOpenedAt(opened).SetDemo(true)
		if sp.assign {
			create.SetAdvocateID(advocate)
		}
		if sp.contact > 0 {
			create.SetFirstContactAt(opened.Add(sp.contact))
		}
		if sp.claim != "" {
			create.SetClaimStatus(sp.claim).SetClaimUpdatedAt(opened.Add(4 * 24 * time.Hour))
		}
		cf, err := create.Save(ctx)
		if err != nil {
			return nil, err
		}
		events := []*ent.CaseEventCreate{c.CaseEvent.Create().SetCaseID(cf.ID).SetKind(caseevent.KindRECEIVED).SetAt(opened)}
		for _, st := range sp.steps {
			events = append(events, c.CaseEvent.Create().SetCaseID(cf.ID).SetKind(st.kind).SetStatus(st.status).
				SetAt(opened.Add(st.after)).SetActorID(string(advocate)))
		}
		if err := c.CaseEvent.CreateBulk(events...).Exec(ctx); err != nil {
			return nil, err
		}
		if sp.status == casefile.StatusIN_PROGRESS {
			if err := c.FollowUp.Create().SetCaseID(cf.ID).SetDueAt(now.Add(2 * 24 * time.Hour)).Exec(ctx); err != nil {
				return nil, err
			}
		}
		if sp.court {
			if err := c.CourtDate.Create().SetCaseID(cf.ID).SetAt(now.Add(9 * 24 * time.Hour)).
				SetCourtName("Cook County Criminal Court (demo)").SetStreet("2650 S California Ave").SetCity("Chicago").
				SetState("IL").SetPostalCode("60608").SetHearing(courtdate.HearingPRELIMINARY_HEARING).Exec(ctx); err != nil {
				return nil, err
			}
		}
		if err := demoReferrals(ctx, c, cf, sp.status, opened); err != nil {
			return nil, err
		}
		out = append(out, DemoCase{cf.CaseNumber, code, sp.status.String(), sp.locale})
	}
	return out, nil
}

// demoReferrals gives the assigned demo cases referrals to the three
// partners in different states.
func demoReferrals(ctx context.Context, c *ent.Client, cf *ent.CaseFile, status casefile.Status, opened time.Time) error {
	type ref struct {
		partner string
		status  referral.Status
		share   referral.Share
		decline string
	}
	var refs []ref
	switch status {
	case casefile.StatusIN_PROGRESS:
		refs = []ref{{partner: "renewal", status: referral.StatusPROPOSED, share: referral.ShareNOTHING}}
	case casefile.StatusAWAITING_COURT:
		refs = []ref{
			{partner: "cvn", status: referral.StatusACCEPTED, share: referral.ShareNAME_AND_CONTACT},
			{partner: "harbor", status: referral.StatusDECLINED, share: referral.ShareNAME_AND_CONTACT,
				decline: "No room this week. Your advocate will look for another safe place with you."},
		}
	}
	for i, r := range refs {
		at := opened.Add(time.Duration(24*(i+1)) * time.Hour)
		create := c.Referral.Create().SetCaseID(cf.ID).SetPartnerID(ID("org", r.partner)).
			SetReason("Demo referral.").SetStatus(r.status).SetShare(r.share).SetCreatedAt(at).SetUpdatedAt(at)
		if r.status != referral.StatusPROPOSED {
			create.SetConsentGivenAt(at).SetConsentMethod(referral.ConsentMethodSPOKEN)
		}
		if r.decline != "" {
			create.SetDeclineReason(r.decline)
		}
		saved, err := create.Save(ctx)
		if err != nil {
			return err
		}
		if err := c.CaseEvent.Create().SetCaseID(cf.ID).SetKind(caseevent.KindREFERRAL_UPDATED).
			SetStatus(string(r.status)).SetReferralID(string(saved.ID)).SetAt(at).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

// demoStaff finds or creates a demo staff member.
func demoStaff(ctx context.Context, c *ent.Client, name string, role staff.Role) (nodeid.ID, error) {
	m, err := c.Staff.Query().Where(staff.Name(name)).Only(ctx)
	if err == nil {
		return m.ID, nil
	}
	if !ent.IsNotFound(err) {
		return "", err
	}
	m, err = c.Staff.Create().SetName(name).SetRole(role).SetPhone("+13125551234").
		SetEmail("advocacy.demo@example.org").Save(ctx)
	if err != nil {
		return "", err
	}
	return m.ID, nil
}
