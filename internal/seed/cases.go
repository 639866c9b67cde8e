package seed

import (
	"context"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/courtdate"
	"victimservices/ent/referral"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/service"
	"victimservices/ent/staff"
	"victimservices/internal/accesscode"
	"victimservices/internal/cases"
	"victimservices/internal/request"
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
// cases fresh access codes (revoking their sessions). Every case write goes
// through the case domain's change path, as the demo staff at the instants
// the history shows, so demo cases have the history, versions and audit
// trail real ones would; all of it in one transaction. The codes are
// returned for the seed subcommand to print: they are never logged.
func LoadDemoCases(ctx context.Context, client *ent.Client, hasher *accesscode.Hasher, now time.Time) ([]DemoCase, error) {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	tx, err := client.Tx(sys)
	if err != nil {
		return nil, err
	}
	ctx = ent.NewTxContext(ctx, tx)
	out, err := loadDemoCases(ctx, tx.Client(), cases.New(cases.Config{Client: client, Hasher: hasher}), now)
	if err != nil {
		return nil, rollback(tx, err)
	}
	return out, tx.Commit()
}

func loadDemoCases(ctx context.Context, c *ent.Client, domain *cases.Cases, now time.Time) ([]DemoCase, error) {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	advocate, err := demoStaff(sys, c, DemoAdvocate, staff.RoleADVOCATE)
	if err != nil {
		return nil, err
	}
	supervisor, err := demoStaff(sys, c, DemoSupervisor, staff.RoleSUPERVISOR)
	if err != nil {
		return nil, err
	}
	asAdvocate := viewer.NewContext(ctx, viewer.Viewer{StaffID: string(advocate), Role: viewer.RoleAdvocate})
	asSupervisor := viewer.NewContext(ctx, viewer.Viewer{StaffID: string(supervisor), Role: viewer.RoleSupervisor})
	at := request.WithInstant

	existing, err := c.CaseFile.Query().Where(casefile.Demo(true)).Order(ent.Asc(casefile.FieldOpenedAt)).All(sys)
	if err != nil {
		return nil, err
	}
	var out []DemoCase
	if len(existing) > 0 {
		for _, cf := range existing {
			p, err := domain.ReissueAccessCode(at(asSupervisor, now), cf.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, DemoCase{cf.CaseNumber, p.AccessCode, cf.Status.String(), cf.PreferredLocale})
		}
		return out, nil
	}

	// Each demo case is a script of steps, hours after it was opened.
	type step func(opened time.Time, id nodeid.ID) error
	h := time.Hour
	assign := func(after time.Duration) step {
		return func(opened time.Time, id nodeid.ID) error {
			_, err := domain.AssignAdvocate(at(asSupervisor, opened.Add(after)), id, advocate, nil)
			return err
		}
	}
	firstContact := func(after time.Duration) step {
		return func(opened time.Time, id nodeid.ID) error {
			_, err := domain.RecordFirstContact(at(asAdvocate, opened.Add(after)), id, nil, nil, nil)
			return err
		}
	}
	followUp := func(after time.Duration) step {
		return func(opened time.Time, id nodeid.ID) error {
			_, err := domain.ScheduleFollowUp(at(asAdvocate, opened.Add(after)), id, now.Add(2*24*h), nil, nil)
			return err
		}
	}
	claim := func(after time.Duration, s casefile.ClaimStatus) step {
		return func(opened time.Time, id nodeid.ID) error {
			_, err := domain.UpdateClaim(at(asAdvocate, opened.Add(after)), id, s, nil)
			return err
		}
	}
	court := func(after time.Duration) step {
		return func(opened time.Time, id nodeid.ID) error {
			hearing := courtdate.HearingPRELIMINARY_HEARING
			street, city, state, zip := "2650 S California Ave", "Chicago", "IL", "60608"
			_, err := domain.AddCourtDate(at(asAdvocate, opened.Add(after)), id, cases.CourtDateInput{
				At: now.Add(9 * 24 * h), CourtName: "Cook County Criminal Court (demo)",
				Street: &street, City: &city, State: &state, PostalCode: &zip, Hearing: &hearing,
			}, nil)
			return err
		}
	}
	status := func(after time.Duration, s casefile.Status) step {
		return func(opened time.Time, id nodeid.ID) error {
			_, err := domain.UpdateStatus(at(asAdvocate, opened.Add(after)), id, s, nil, nil)
			return err
		}
	}
	// refer proposes a referral to a partner and takes it to final, with the
	// person's spoken consent to share their contact details.
	refer := func(after time.Duration, partner string, final referral.Status, decline string) step {
		return func(opened time.Time, id nodeid.ID) error {
			ctx := at(asAdvocate, opened.Add(after))
			r, err := domain.ProposeReferral(ctx, id, ID("org", partner), nil, "Demo referral.")
			if err != nil || final == referral.StatusPROPOSED {
				return err
			}
			if _, err := domain.RecordConsent(ctx, r.ID, referral.ShareNAME_AND_CONTACT, referral.ConsentMethodSPOKEN, nil); err != nil {
				return err
			}
			if _, err := domain.SendReferral(ctx, r.ID); err != nil {
				return err
			}
			if decline != "" {
				_, err = domain.RecordResponse(ctx, r.ID, false, &decline)
			} else {
				_, err = domain.RecordResponse(ctx, r.ID, final == referral.StatusACCEPTED, nil)
			}
			return err
		}
	}
	specs := []struct {
		locale string
		opened time.Duration
		steps  []step
	}{
		{locale: "es", opened: 2 * h},
		{locale: "en", opened: 3 * 24 * h, steps: []step{
			assign(h), firstContact(6 * h), followUp(7 * h), refer(24*h, "renewal", referral.StatusPROPOSED, ""),
		}},
		{locale: "ar", opened: 12 * 24 * h, steps: []step{
			assign(2 * h), firstContact(20 * h),
			refer(24*h, "cvn", referral.StatusACCEPTED, ""),
			refer(48*h, "harbor", referral.StatusDECLINED, "No room this week. Your advocate will look for another safe place with you."),
			claim(4*24*h, casefile.ClaimStatusUNDER_REVIEW), court(5 * 24 * h), status(5*24*h+time.Minute, casefile.StatusAWAITING_COURT),
		}},
	}
	for _, sp := range specs {
		opened := now.Add(-sp.opened)
		phone, times, description := "+13125550100", "Demo: weekdays after 6 pm", "Demo case: not a real person."
		cf, code, err := domain.OpenDemoCase(at(ctx, opened), cases.SupportRequestInput{
			PreferredLocale: sp.locale, ContactMethod: casefile.ContactMethodPHONE, Phone: &phone,
			SafeToLeaveMessage: false, SafeContactTimes: &times, Description: &description,
			Needs: []service.Category{service.CategoryVICTIM_ADVOCACY},
		})
		if err != nil {
			return nil, err
		}
		for _, st := range sp.steps {
			if err := st(opened, cf.ID); err != nil {
				return nil, err
			}
		}
		if cf, err = c.CaseFile.Get(sys, cf.ID); err != nil {
			return nil, err
		}
		out = append(out, DemoCase{cf.CaseNumber, code, cf.Status.String(), sp.locale})
	}
	return out, nil
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
