package seed

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organization"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resource"
	"victimservices/ent/resourcerevision"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/schema/area"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/slug"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// Zone is the time zone of every demo schedule.
const Zone = "America/Chicago"

//go:embed texts/*.json guides/*.json
var textFiles embed.FS

// guide is one demo guide in one locale (guides/<locale>.json).
type guide struct {
	Slug     string `json:"slug"`
	Category string `json:"category"`
	Title    string `json:"title"`
	Summary  string `json:"summary"`
	Body     string `json:"body"`
}

// guides returns the demo guides of every locale: locale → guides, in the
// order of the English file (which is also their display order).
func guides() (map[string][]guide, error) {
	out := map[string][]guide{}
	for _, l := range locales.Supported {
		b, err := textFiles.ReadFile("guides/" + l.Code + ".json")
		if err != nil {
			continue // a locale without demo guides falls back to English
		}
		var list []guide
		if err := json.Unmarshal(b, &list); err != nil {
			return nil, fmt.Errorf("seed: guides/%s.json: %w", l.Code, err)
		}
		out[l.Code] = list
	}
	if len(out[locales.DefaultCode]) == 0 {
		return nil, fmt.Errorf("seed: no English guides")
	}
	return out, nil
}

type text struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// ID returns the ID the demo data gives the entity with this key, e.g.
// ID("svc", "advocacy").
func ID(prefix, key string) nodeid.ID { return nodeid.Derive(prefix, "demo:"+key) }

type org struct {
	key    string
	kind   organization.Kind
	email  string
	phones []phone.Phone
}

type svc struct {
	key       string
	national  bool // a national line, not the department's: no provider
	category  service.Category
	hours     hours.Schedule
	phones    []phone.Phone
	languages []string
	locations []string
	areas     area.Coverage // HSDS service_area; none for the city-wide and national lines
}

type loc struct {
	key                            string
	street, postalCode, neighborhd string
	lat, lng                       float64
	hours                          hours.Schedule
}

var weekdays9to5 = hours.Schedule{TimeZone: Zone, Periods: []hours.Period{
	{Day: hours.Days[0], Opens: "09:00", Closes: "17:00"},
	{Day: hours.Days[1], Opens: "09:00", Closes: "17:00"},
	{Day: hours.Days[2], Opens: "09:00", Closes: "17:00"},
	{Day: hours.Days[3], Opens: "09:00", Closes: "17:00"},
	{Day: hours.Days[4], Opens: "09:00", Closes: "17:00"},
}}

// legalAppointments is when the demo by-appointment service (Legal
// Support) can be booked: an hour at a time, Tuesday and Thursday mornings
// and early afternoons and Saturday morning, not on Thanksgiving nor the
// days before Christmas and New Year.
var legalAppointments = struct {
	periods  []hours.Period
	closures []hours.Closure
	minutes  int
}{
	periods: []hours.Period{
		{Day: hours.Days[1], Opens: "10:00", Closes: "15:00"},
		{Day: hours.Days[3], Opens: "10:00", Closes: "15:00"},
		{Day: hours.Days[5], Opens: "10:00", Closes: "12:00"},
	},
	closures: []hours.Closure{{Date: "2026-11-26"}, {Date: "2026-12-24"}, {Date: "2026-12-31"}},
	minutes:  60,
}

var allLanguages = []string{"en", "es", "pl", "zh", "ar", "hi", "ur", "tl", "ko", "uk", "ru"}

var organizations = []org{
	{key: "department", kind: organization.KindDEPARTMENT,
		phones: []phone.Phone{{Number: "+13125551234", Kind: phone.KindHotline}}},
	{key: "cvn", kind: organization.KindPARTNER, email: "support@cvn.org"},
	{key: "harbor", kind: organization.KindPARTNER, email: "info@harborsafe.org"},
	{key: "renewal", kind: organization.KindPARTNER, email: "contact@renewalmhc.org"},
}

var services = []svc{
	{key: "advocacy", category: service.CategoryVICTIM_ADVOCACY,
		hours:     hours.Schedule{TimeZone: Zone, AlwaysOpen: true},
		phones:    []phone.Phone{{Number: "+13125551234", Kind: phone.KindHotline}},
		languages: allLanguages,
		locations: []string{"bronzeville", "pilsen", "uptown", "englewood"},
		// The unit's advocates cover the districts of its four offices.
		areas: area.Coverage{
			PostalCodes:   []string{"60608", "60609", "60613", "60615", "60616", "60621", "60623", "60636", "60640", "60653", "60660"},
			Neighborhoods: []string{"Bronzeville", "Edgewater", "Englewood", "Little Village", "Pilsen", "Uptown", "West Englewood"},
		}},
	{key: "counseling", category: service.CategoryCOUNSELING,
		hours:     weekdays9to5,
		phones:    []phone.Phone{{Number: "+13125555678", Kind: phone.KindVoice}},
		languages: []string{"en", "es", "pl"},
		locations: []string{"pilsen", "uptown"},
		areas: area.Coverage{
			PostalCodes:   []string{"60608", "60613", "60623", "60640", "60660"},
			Neighborhoods: []string{"Edgewater", "Little Village", "Pilsen", "Uptown"},
		}},
	{key: "legal", category: service.CategoryLEGAL_SUPPORT,
		hours:     hours.Schedule{TimeZone: Zone, ByAppointment: true},
		phones:    []phone.Phone{{Number: "+13125558765", Kind: phone.KindVoice}},
		languages: []string{"en", "es"},
		locations: []string{"bronzeville"},
		areas: area.Coverage{
			PostalCodes:   []string{"60609", "60615", "60616", "60621", "60653"},
			Neighborhoods: []string{"Bronzeville", "Englewood", "Hyde Park"},
		}},
	{key: "emergency", category: service.CategoryEMERGENCY,
		hours:     hours.Schedule{TimeZone: Zone, AlwaysOpen: true},
		phones:    []phone.Phone{{Number: "911", Kind: phone.KindHotline}},
		languages: allLanguages},
	// The national lines a victim services app in the US shows after 911 and
	// the unit's own 24/7 line (crisisContacts). Both answer in English and
	// Spanish and call in interpreters for other languages.
	{key: "lifeline988", national: true, category: service.CategoryCOUNSELING,
		hours: hours.Schedule{TimeZone: Zone, AlwaysOpen: true},
		phones: []phone.Phone{{Number: "988", Kind: phone.KindHotline},
			{Number: "988", Kind: phone.KindSMS}},
		languages: []string{"en", "es"}},
	{key: "dvhotline", national: true, category: service.CategoryVICTIM_ADVOCACY,
		hours: hours.Schedule{TimeZone: Zone, AlwaysOpen: true},
		phones: []phone.Phone{{Number: "+18007997233", Kind: phone.KindHotline},
			{Number: "88788", Kind: phone.KindSMS, SMSBody: "START"}},
		languages: []string{"en", "es"}},
}

var locations = []loc{
	{key: "bronzeville", street: "3500 S King Dr", postalCode: "60653", neighborhd: "Bronzeville",
		lat: 41.8310, lng: -87.6170, hours: weekdays9to5},
	{key: "pilsen", street: "1800 S Blue Island Ave", postalCode: "60608", neighborhd: "Pilsen",
		lat: 41.8569, lng: -87.6590, hours: weekdays9to5},
	{key: "uptown", street: "4600 N Broadway", postalCode: "60640", neighborhd: "Uptown",
		lat: 41.9657, lng: -87.6578, hours: hours.Schedule{TimeZone: Zone, Periods: []hours.Period{
			{Day: hours.Days[1], Opens: "10:00", Closes: "18:00"},
			{Day: hours.Days[2], Opens: "10:00", Closes: "18:00"},
			{Day: hours.Days[3], Opens: "10:00", Closes: "18:00"},
			{Day: hours.Days[4], Opens: "10:00", Closes: "18:00"},
			{Day: hours.Days[5], Opens: "10:00", Closes: "14:00"},
		}}},
	{key: "englewood", street: "6300 S Halsted St", postalCode: "60621", neighborhd: "Englewood",
		lat: 41.7800, lng: -87.6440, hours: weekdays9to5},
}

// Texts returns the demo text of every locale: locale → key → text.
func texts() (map[string]map[string]text, error) {
	out := map[string]map[string]text{}
	for _, l := range locales.Supported {
		b, err := textFiles.ReadFile("texts/" + l.Code + ".json")
		if err != nil {
			continue // a locale without demo text falls back to English
		}
		m := map[string]text{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("seed: texts/%s.json: %w", l.Code, err)
		}
		out[l.Code] = m
	}
	return out, nil
}

// Load adds the demo directory and the demo guides unless they are already
// there (it is idempotent), in one transaction. It reports whether it added
// anything.
func Load(ctx context.Context, client *ent.Client) (bool, error) {
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	hasDirectory, err := client.Organization.Query().Where(organization.ID(ID("org", "department"))).Exist(ctx)
	if err != nil {
		return false, err
	}
	hasGuides, err := client.Resource.Query().Exist(ctx)
	if err != nil || hasDirectory && hasGuides {
		return false, err
	}
	all, err := texts()
	if err != nil {
		return false, err
	}
	docs, err := guides()
	if err != nil {
		return false, err
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return false, err
	}
	if !hasDirectory {
		if err := load(ctx, tx.Client(), all); err != nil {
			return false, rollback(tx, err)
		}
	}
	if !hasGuides {
		if err := loadGuides(ctx, tx.Client(), docs); err != nil {
			return false, rollback(tx, err)
		}
	}
	return true, tx.Commit()
}

// loadGuides adds the guides with their text in every locale, each saved
// text also kept as the first revision.
func loadGuides(ctx context.Context, c *ent.Client, docs map[string][]guide) error {
	for i, g := range docs[locales.DefaultCode] {
		id := ID("res", g.Slug)
		if err := c.Resource.Create().SetID(id).SetSlug(g.Slug).
			SetCategory(resource.Category(g.Category)).SetSortOrder(i).Exec(ctx); err != nil {
			return err
		}
		var texts []*ent.ResourceTranslationCreate
		var revisions []*ent.ResourceRevisionCreate
		for _, l := range locales.Supported {
			var t *guide
			for j := range docs[l.Code] {
				if docs[l.Code][j].Slug == g.Slug {
					t = &docs[l.Code][j]
				}
			}
			if t == nil {
				continue
			}
			machine := l.Code != locales.DefaultCode
			texts = append(texts, c.ResourceTranslation.Create().SetResourceID(id).SetLocale(l.Code).
				SetTitle(t.Title).SetSummary(t.Summary).SetBody(t.Body).
				SetStatus(resourcetranslation.StatusPUBLISHED).SetReviewStatus(resourcetranslation.ReviewStatus(demoReview(l.Code))))
			revisions = append(revisions, c.ResourceRevision.Create().SetResourceID(id).SetLocale(l.Code).
				SetTitle(t.Title).SetSummary(t.Summary).SetBody(t.Body).
				SetStatus(resourcerevision.StatusPUBLISHED).SetMachineTranslated(machine))
		}
		if err := c.ResourceTranslation.CreateBulk(texts...).Exec(ctx); err != nil {
			return err
		}
		if err := c.ResourceRevision.CreateBulk(revisions...).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}

func load(ctx context.Context, c *ent.Client, all map[string]map[string]text) error {
	english := all[locales.DefaultCode]
	for i, o := range organizations {
		if err := c.Organization.Create().SetID(ID("org", o.key)).SetKind(o.kind).
			SetSlug(slug.From(english["org."+o.key].Name)).
			SetNillableEmail(nonEmpty(o.email)).SetPhones(o.phones).SetSortOrder(i).Exec(ctx); err != nil {
			return err
		}
	}
	for _, l := range locations {
		if err := c.Location.Create().SetID(ID("loc", l.key)).
			SetStreet(l.street).SetCity("Chicago").SetState("IL").SetPostalCode(l.postalCode).
			SetNeighborhood(l.neighborhd).SetLatitude(l.lat).SetLongitude(l.lng).
			SetAdaAccessible(true).SetHours(l.hours).SetDemo(true).Exec(ctx); err != nil {
			return err
		}
	}
	for i, s := range services {
		create := c.Service.Create().SetID(ID("svc", s.key)).SetCategory(s.category).
			SetHours(s.hours).SetPhones(s.phones).SetLanguages(s.languages).SetSortOrder(i).
			SetNational(s.national).SetSlug(slug.From(english["svc."+s.key].Name))
		if len(s.areas.PostalCodes)+len(s.areas.Neighborhoods) > 0 {
			create.SetServiceArea(s.areas)
		}
		if !s.national {
			create.SetProviderID(ID("org", "department"))
		}
		for _, l := range s.locations {
			create.AddLocationIDs(ID("loc", l))
		}
		if err := create.Exec(ctx); err != nil {
			return err
		}
	}
	if err := c.AppointmentAvailability.Create().SetServiceID(ID("svc", "legal")).SetPeriods(legalAppointments.periods).
		SetClosures(legalAppointments.closures).SetSlotMinutes(legalAppointments.minutes).Exec(ctx); err != nil {
		return err
	}
	for code, m := range all {
		for _, o := range organizations {
			t := m["org."+o.key]
			if err := c.OrganizationTranslation.Create().SetOrganizationID(ID("org", o.key)).
				SetLocale(code).SetName(t.Name).SetDescription(t.Description).
				SetStatus(organizationtranslation.StatusPUBLISHED).SetReviewStatus(organizationtranslation.ReviewStatus(demoReview(code))).Exec(ctx); err != nil {
				return err
			}
		}
		for _, s := range services {
			t := m["svc."+s.key]
			if err := c.ServiceTranslation.Create().SetServiceID(ID("svc", s.key)).
				SetLocale(code).SetName(t.Name).SetDescription(t.Description).
				SetStatus(servicetranslation.StatusPUBLISHED).SetReviewStatus(servicetranslation.ReviewStatus(demoReview(code))).Exec(ctx); err != nil {
				return err
			}
		}
		for _, l := range locations {
			t := m["loc."+l.key]
			if err := c.LocationTranslation.Create().SetLocationID(ID("loc", l.key)).
				SetLocale(code).SetName(t.Name).SetAccessibilityNotes(t.Description).
				SetStatus(locationtranslation.StatusPUBLISHED).SetReviewStatus(locationtranslation.ReviewStatus(demoReview(code))).Exec(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func rollback(tx *ent.Tx, err error) error {
	if rerr := tx.Rollback(); rerr != nil {
		return fmt.Errorf("%w (rollback: %v)", err, rerr)
	}
	return err
}

// demoReview is the review status of the demo texts: the translations are
// a machine's (reviewed for terms against the glossary, but by no named
// person, so MACHINE); the English is the unit's own source text, written
// by people (REVIEWED, with no name recorded).
func demoReview(code string) string {
	if code == locales.DefaultCode {
		return "REVIEWED"
	}
	return "MACHINE"
}
