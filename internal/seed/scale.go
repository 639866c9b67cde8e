package seed

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/organization"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resource"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/phone"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// Scale is the size of a generated data set for load tests, on top of the
// demo data.
type Scale struct {
	Name      string
	Partners  int
	Services  int
	Resources int
	Cases     int
	// EventsPerCase is the length of each generated case's history.
	EventsPerCase int
}

// Scales are the sizes the load tool knows.
var Scales = map[string]Scale{
	"small": {Name: "small"},
	"city":  {Name: "city", Partners: 100, Services: 10_000, Resources: 1_000, Cases: 100_000, EventsPerCase: 4},
	"state": {Name: "state", Partners: 1_000, Services: 100_000, Resources: 1_000, Cases: 1_000_000, EventsPerCase: 4},
}

// batch is how many rows one INSERT carries (under both databases'
// parameter limits).
const batch = 1000

// LoadScale adds the generated data set (deterministic: the same scale gives
// the same rows). accessCodeHash is stored on every generated case (one
// argon2id hash computed once; the cases are never signed in to). advocate
// gets every tenth case. progress, when set, is told what was written.
func LoadScale(ctx context.Context, client *ent.Client, sc Scale, accessCodeHash string, advocate nodeid.ID, now time.Time, progress func(string)) error {
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	say := func(format string, a ...any) {
		if progress != nil {
			progress(fmt.Sprintf(format, a...))
		}
	}
	partners := make([]nodeid.ID, sc.Partners)
	for i := range partners {
		partners[i] = nodeid.Derive("org", fmt.Sprintf("scale:%d", i))
	}
	if err := inBatches(ctx, client, sc.Partners, func(client *ent.Client, from, to int) error {
		var orgs []*ent.OrganizationCreate
		var texts []*ent.OrganizationTranslationCreate
		for i := from; i < to; i++ {
			orgs = append(orgs, client.Organization.Create().SetID(partners[i]).SetKind(organization.KindPARTNER).
				SetEmail(fmt.Sprintf("partner%d@example.org", i)).SetSortOrder(100+i).
				// The slug saving the English name would give (the server's
				// start-up backfill would otherwise write one per row).
				SetSlug(fmt.Sprintf("partner-organization-%d-en", i)))
			for _, l := range locales.Supported {
				texts = append(texts, client.OrganizationTranslation.Create().SetOrganizationID(partners[i]).SetLocale(l.Code).
					SetName(fmt.Sprintf("Partner organization %d (%s)", i, l.Code)).
					SetDescription("Legal, housing and counseling help for people affected by crime.").
					SetStatus(organizationtranslation.StatusPUBLISHED).SetReviewStatus(organizationtranslation.ReviewStatus(demoReview(l.Code))))
			}
		}
		if err := client.Organization.CreateBulk(orgs...).Exec(ctx); err != nil {
			return err
		}
		return inChunks(texts, func(chunk []*ent.OrganizationTranslationCreate) error {
			return client.OrganizationTranslation.CreateBulk(chunk...).Exec(ctx)
		})
	}); err != nil {
		return err
	}
	say("%d partners", sc.Partners)

	categories := []service.Category{service.CategoryVICTIM_ADVOCACY, service.CategoryCOUNSELING, service.CategoryLEGAL_SUPPORT,
		service.CategorySHELTER, service.CategoryCOMPENSATION}
	schedules := []hours.Schedule{
		{TimeZone: Zone, AlwaysOpen: true}, weekdays9to5, {TimeZone: Zone, ByAppointment: true},
		{TimeZone: Zone, Periods: []hours.Period{{Day: hours.Days[4], Opens: "18:00", Closes: "02:00"}, {Day: hours.Days[5], Opens: "10:00", Closes: "16:00"}}},
	}
	if err := inBatches(ctx, client, sc.Services, func(client *ent.Client, from, to int) error {
		var svcs []*ent.ServiceCreate
		var texts []*ent.ServiceTranslationCreate
		for i := from; i < to; i++ {
			id := nodeid.Derive("svc", fmt.Sprintf("scale:%d", i))
			create := client.Service.Create().SetID(id).SetCategory(categories[i%len(categories)]).
				SetHours(schedules[i%len(schedules)]).SetLanguages([]string{"en", "es", []string{"pl", "zh", "ar", "ko"}[i%4]}).
				SetPhones([]phone.Phone{{Number: fmt.Sprintf("+1312555%04d", i%10000), Kind: phone.KindVoice}}).
				SetSortOrder(1000 + i).SetSlug(fmt.Sprintf("community-service-%d-en", i))
			if sc.Partners > 0 {
				create.SetProviderID(partners[i%sc.Partners])
			}
			svcs = append(svcs, create)
			for _, l := range locales.Supported {
				texts = append(texts, client.ServiceTranslation.Create().SetServiceID(id).SetLocale(l.Code).
					SetName(fmt.Sprintf("Community service %d (%s)", i, l.Code)).
					SetDescription("Support, referrals and advice for victims of crime and their families, by appointment or walk-in.").
					SetStatus(servicetranslation.StatusPUBLISHED).SetReviewStatus(servicetranslation.ReviewStatus(demoReview(l.Code))))
			}
		}
		if err := client.Service.CreateBulk(svcs...).Exec(ctx); err != nil {
			return err
		}
		return inChunks(texts, func(chunk []*ent.ServiceTranslationCreate) error {
			return client.ServiceTranslation.CreateBulk(chunk...).Exec(ctx)
		})
	}); err != nil {
		return err
	}
	say("%d services", sc.Services)

	rcats := []resource.Category{resource.CategoryLEGAL_RIGHTS, resource.CategoryCOURT_PROCESS, resource.CategoryCOMPENSATION,
		resource.CategoryRESTITUTION, resource.CategorySAFETY_PLANNING, resource.CategoryMENTAL_HEALTH}
	body := "## What to expect\n\nYour advocate explains each step and goes with you. Ask your advocate about the details of your case.\n\n" +
		"- Keep your case number with you\n- Write down your questions\n- Bring someone you trust\n"
	if err := inBatches(ctx, client, sc.Resources, func(client *ent.Client, from, to int) error {
		var rows []*ent.ResourceCreate
		var texts []*ent.ResourceTranslationCreate
		for i := from; i < to; i++ {
			id := nodeid.Derive("res", fmt.Sprintf("scale:%d", i))
			rows = append(rows, client.Resource.Create().SetID(id).SetSlug(fmt.Sprintf("guide-%d", i)).
				SetCategory(rcats[i%len(rcats)]).SetSortOrder(100+i))
			for _, l := range locales.Supported {
				texts = append(texts, client.ResourceTranslation.Create().SetResourceID(id).SetLocale(l.Code).
					SetTitle(fmt.Sprintf("Guide %d (%s)", i, l.Code)).SetSummary("A short guide for victims of crime.").
					SetBody(body).SetStatus(resourcetranslation.StatusPUBLISHED).SetReviewStatus(resourcetranslation.ReviewStatus(demoReview(l.Code))))
			}
		}
		if err := client.Resource.CreateBulk(rows...).Exec(ctx); err != nil {
			return err
		}
		return inChunks(texts, func(chunk []*ent.ResourceTranslationCreate) error {
			return client.ResourceTranslation.CreateBulk(chunk...).Exec(ctx)
		})
	}); err != nil {
		return err
	}
	say("%d resources", sc.Resources)

	statuses := []casefile.Status{casefile.StatusRECEIVED, casefile.StatusIN_PROGRESS, casefile.StatusAWAITING_COURT, casefile.StatusCLOSED}
	kinds := []caseevent.Kind{caseevent.KindADVOCATE_ASSIGNED, caseevent.KindFIRST_CONTACT, caseevent.KindNOTE, caseevent.KindFOLLOW_UP_SCHEDULED}
	if err := inBatches(ctx, client, sc.Cases, func(client *ent.Client, from, to int) error {
		var cases []*ent.CaseFileCreate
		var events []*ent.CaseEventCreate
		for i := from; i < to; i++ {
			id := nodeid.Derive("cas", fmt.Sprintf("scale:%d", i))
			opened := now.Add(-time.Duration(i%(365*24)) * time.Hour)
			st := statuses[i%len(statuses)]
			create := client.CaseFile.Create().SetID(id).SetCaseNumber(fmt.Sprintf("VS-S%07d", i)).SetStatus(st).
				SetPreferredLocale(locales.Supported[i%len(locales.Supported)].Code).SetContactMethod(casefile.ContactMethodIN_APP).
				SetAccessCodeHash(accessCodeHash).SetOpenedAt(opened).SetUrgent(i%17 == 0).SetNeeds([]string{"VICTIM_ADVOCACY"})
			if st != casefile.StatusRECEIVED {
				create.SetFirstContactAt(opened.Add(time.Duration(1+i%47) * time.Hour))
				if i%10 == 0 && advocate != "" {
					create.SetAdvocateID(advocate)
				}
			}
			if st == casefile.StatusCLOSED {
				create.SetClosedAt(opened.Add(time.Duration(1+i%30) * 24 * time.Hour)).SetOutcome(casefile.OutcomeRESOLVED)
			}
			cases = append(cases, create)
			events = append(events, client.CaseEvent.Create().SetCaseID(id).SetKind(caseevent.KindRECEIVED).SetAt(opened))
			for e := range sc.EventsPerCase - 1 {
				events = append(events, client.CaseEvent.Create().SetCaseID(id).SetKind(kinds[e%len(kinds)]).
					SetVictimVisible(e%3 != 2).SetAt(opened.Add(time.Duration(e+1)*time.Hour)))
			}
		}
		if err := client.CaseFile.CreateBulk(cases...).Exec(ctx); err != nil {
			return err
		}
		return inChunks(events, func(chunk []*ent.CaseEventCreate) error { return client.CaseEvent.CreateBulk(chunk...).Exec(ctx) })
	}); err != nil {
		return err
	}
	say("%d cases with %d events each", sc.Cases, sc.EventsPerCase)
	return nil
}

// inBatches calls f over [0, n) in batches, each in a transaction (so the
// storage hooks' per-transaction work, such as touching the services whose
// texts were written, is done once a batch).
func inBatches(ctx context.Context, client *ent.Client, n int, f func(c *ent.Client, from, to int) error) error {
	for from := 0; from < n; from += batch {
		tx, err := client.Tx(ctx)
		if err != nil {
			return err
		}
		if err := f(tx.Client(), from, min(from+batch, n)); err != nil {
			_ = tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// inChunks calls f over rows in chunks of batch.
func inChunks[T any](rows []T, f func([]T) error) error {
	for from := 0; from < len(rows); from += batch {
		if err := f(rows[from:min(from+batch, len(rows))]); err != nil {
			return err
		}
	}
	return nil
}
