package hsds

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"victimservices/ent"
	"victimservices/ent/location"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organization"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// Export returns the public directory as HSDS in locale l (text along l's
// fallback chain, as the GraphQL API serves it). It reads as the public
// viewer whatever ctx carries, so only what the privacy rules show the public
// is exported. Eight statements, whatever the directory's size.
func Export(ctx context.Context, client *ent.Client, l *locales.Locale) (*Dataset, error) {
	ctx = viewer.NewContext(ctx, viewer.Viewer{})
	ctx = locales.WithTextLocale(ctx, l)
	chain := l.Chain()
	orgs, err := client.Organization.Query().
		WithTranslations(func(q *ent.OrganizationTranslationQuery) {
			q.Where(organizationtranslation.LocaleIn(chain...))
		}).Order(organization.ByID()).All(ctx)
	if err != nil {
		return nil, err
	}
	locs, err := client.Location.Query().
		WithTranslations(func(q *ent.LocationTranslationQuery) { q.Where(locationtranslation.LocaleIn(chain...)) }).
		Order(location.ByID()).All(ctx)
	if err != nil {
		return nil, err
	}
	svcs, err := client.Service.Query().
		WithTranslations(func(q *ent.ServiceTranslationQuery) { q.Where(servicetranslation.LocaleIn(chain...)) }).
		WithLocations(func(q *ent.LocationQuery) { q.Select(location.FieldID) }).
		Order(service.ByID()).All(ctx)
	if err != nil {
		return nil, err
	}
	d := &Dataset{Locale: l.Code, Organizations: []Organization{}, Services: []Service{}, Locations: []Location{}}
	orgIDs := map[string]string{}
	for _, o := range orgs {
		d.Organizations = append(d.Organizations, exportOrganization(o, chain))
		orgIDs[string(o.ID)] = idOf(o.HsdsID, o.ID)
	}
	locByID := map[string]*Location{}
	for _, lo := range locs {
		x := exportLocation(lo, chain)
		d.Locations = append(d.Locations, x)
		locByID[string(lo.ID)] = &x
	}
	for _, s := range svcs {
		d.Services = append(d.Services, exportService(s, chain, orgIDs, locByID))
	}
	slices.SortFunc(d.Organizations, func(a, b Organization) int {
		return cmp.Or(cmp.Compare(a.Ext.SortOrder, b.Ext.SortOrder), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(d.Services, func(a, b Service) int {
		return cmp.Or(cmp.Compare(a.Ext.SortOrder, b.Ext.SortOrder), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(d.Locations, func(a, b Location) int { return cmp.Compare(a.ID, b.ID) })
	return d, nil
}

// served returns the first row along chain (the rows are published ones:
// the privacy rules hide drafts from the public viewer).
func served[T any](rows []T, chain []string, locale func(T) string) (T, bool) {
	for _, code := range chain {
		for _, r := range rows {
			if locale(r) == code {
				return r, true
			}
		}
	}
	var zero T
	return zero, false
}

func exportOrganization(o *ent.Organization, chain []string) Organization {
	id := idOf(o.HsdsID, o.ID)
	x := Organization{ID: id, Email: o.Email, Website: o.Website, Phones: exportPhones(id, o.Phones),
		Ext: &OrgExt{Kind: o.Kind.String(), SortOrder: o.SortOrder}}
	if t, ok := served(o.Edges.Translations, chain, func(t *ent.OrganizationTranslation) string { return t.Locale }); ok {
		x.Name, x.Description = t.Name, t.Description
	}
	x.modified = o.UpdatedAt.Unix()
	x.search = []string{x.Name, x.Description}
	return x
}

func exportService(s *ent.Service, chain []string, orgIDs map[string]string, locs map[string]*Location) Service {
	id := idOf(s.HsdsID, s.ID)
	h := s.Hours
	x := Service{ID: id, Email: s.Email, Status: strings.ToLower(s.Status.String()),
		Schedules: exportSchedules(id, h), Phones: exportPhones(id, s.Phones),
		Ext: &ServiceExt{Category: s.Category.String(), National: s.National, SortOrder: s.SortOrder, Hours: &h}}
	if s.ProviderID != "" {
		x.OrganizationID = orgIDs[string(s.ProviderID)]
	}
	if t, ok := served(s.Edges.Translations, chain, func(t *ent.ServiceTranslation) string { return t.Locale }); ok {
		x.Name, x.Description = t.Name, t.Description
	}
	x.modified = s.UpdatedAt.Unix()
	for _, tag := range s.Languages {
		x.Languages = append(x.Languages, Language{ID: childID(id, "language", tag), Code: tag})
	}
	for _, z := range s.ServiceArea.PostalCodes {
		x.ServiceAreas = append(x.ServiceAreas, ServiceArea{ID: childID(id, "service_area", z), Name: z})
	}
	for _, n := range s.ServiceArea.Neighborhoods {
		x.ServiceAreas = append(x.ServiceAreas, ServiceArea{ID: childID(id, "service_area", n), Name: n})
	}
	for _, lo := range s.Edges.Locations {
		l, ok := locs[string(lo.ID)]
		if !ok {
			continue
		}
		x.ServiceAtLocations = append(x.ServiceAtLocations, ServiceAtLocation{
			ID: childID(id, "service_at_location", l.ID), ServiceID: id, LocationID: l.ID, Location: l})
	}
	slices.SortFunc(x.ServiceAtLocations, func(a, b ServiceAtLocation) int { return cmp.Compare(a.LocationID, b.LocationID) })
	x.search = []string{x.Name, x.Description}
	return x
}

func exportLocation(lo *ent.Location, chain []string) Location {
	id := idOf(lo.HsdsID, lo.ID)
	x := Location{ID: id, LocationType: "physical", Latitude: lo.Latitude, Longitude: lo.Longitude,
		Ext: &LocationExt{ADAAccessible: lo.AdaAccessible, Neighborhood: lo.Neighborhood}}
	notes := ""
	if t, ok := served(lo.Edges.Translations, chain, func(t *ent.LocationTranslation) string { return t.Locale }); ok {
		x.Name, notes = t.Name, t.AccessibilityNotes
	}
	if lo.AdaAccessible || notes != "" {
		a := Accessibility{ID: childID(id, "accessibility", "0"), Description: notes}
		if lo.AdaAccessible {
			a.Details = adaDetails
		}
		x.Accessibility = []Accessibility{a}
	}
	if lo.Hours.TimeZone != "" {
		h := lo.Hours
		x.Ext.Hours = &h
		x.Schedules = exportSchedules(id, h)
	}
	if lo.Street != "" {
		x.Addresses = []Address{{ID: childID(id, "address", "0"), Address1: lo.Street, City: lo.City,
			StateProvince: lo.State, PostalCode: lo.PostalCode, Country: "US", AddressType: "physical"}}
	}
	return x
}

// adaDetails marks a location that meets the ADA accessibility standards (a
// code, the same in every locale, like the law's name).
const adaDetails = "ADA"

// rfcDays are RFC 5545's weekday codes, by time.Weekday.
var rfcDays = [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// exportSchedules gives one weekly schedule row per opening period (one for
// every day, all day, when always open). Closures, the IANA zone and "by
// appointment" have no HSDS 3.0 field (its timezone is a fixed UTC offset,
// wrong half the year); they travel in the owner's extension.
func exportSchedules(owner string, h hours.Schedule) []Schedule {
	var out []Schedule
	if h.AlwaysOpen {
		return []Schedule{{ID: childID(owner, "schedule", "always"), Freq: "WEEKLY",
			ByDay: "MO,TU,WE,TH,FR,SA,SU", OpensAt: "00:00", ClosesAt: "23:59"}}
	}
	for i, p := range h.Periods {
		closes := p.Closes
		if closes == "24:00" {
			closes = "23:59"
		}
		out = append(out, Schedule{ID: childID(owner, "schedule", strconv.Itoa(i)), Freq: "WEEKLY",
			ByDay: rfcDays[time.Weekday(p.Day)], OpensAt: p.Opens, ClosesAt: closes})
	}
	return out
}

// phoneTypes are the RFC 6350 types HSDS names, by phone kind.
var phoneTypes = map[phone.Kind]string{phone.KindVoice: "voice", phone.KindHotline: "voice",
	phone.KindTTY: "textphone", phone.KindSMS: "text"}

func exportPhones(owner string, phones []phone.Phone) []Phone {
	var out []Phone
	for i, p := range phones {
		out = append(out, Phone{ID: childID(owner, "phone", strconv.Itoa(i)), Number: p.Number,
			Type: phoneTypes[p.Kind], Ext: &PhoneExt{Kind: string(p.Kind), SMSBody: p.SMSBody}})
	}
	return out
}
