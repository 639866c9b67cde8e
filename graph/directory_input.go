package graph

import (
	"context"
	"strings"

	"golang.org/x/text/language"

	"victimservices/ent"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/inputerr"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/phone"
	"victimservices/ent/servicetranslation"
)

// phonesFrom converts phone inputs; numbers are normalised by the schema hook.
func phonesFrom(in []*PhoneInput) []phone.Phone {
	out := make([]phone.Phone, 0, len(in))
	for _, p := range in {
		out = append(out, phone.Phone{Number: p.Number, Kind: p.Kind})
	}
	return out
}

// scheduleFrom converts opening hours input; the schema hook validates it.
func scheduleFrom(in *OpeningHoursInput) hours.Schedule {
	s := hours.Schedule{TimeZone: in.TimeZone}
	if in.AlwaysOpen != nil {
		s.AlwaysOpen = *in.AlwaysOpen
	}
	if in.ByAppointment != nil {
		s.ByAppointment = *in.ByAppointment
	}
	for _, p := range in.Periods {
		s.Periods = append(s.Periods, hours.Period{Day: p.Day, Opens: p.Opens, Closes: p.Closes})
	}
	for _, d := range in.Closures {
		s.Closures = append(s.Closures, hours.Closure{Date: d})
	}
	return s
}

// languageTags canonicalises BCP 47 tags (es-mx → es-MX).
func languageTags(in []string) ([]string, error) {
	out := make([]string, 0, len(in))
	for _, s := range in {
		tag, err := language.Parse(strings.TrimSpace(s))
		if err != nil {
			return nil, inputerr.New("error.invalidField", map[string]any{"Field": "languages"})
		}
		out = append(out, tag.String())
	}
	return out, nil
}

// languageFilter returns the tags a `language` filter matches: the tag itself
// and its base language (es-MX finds services delivered in es).
func languageFilter(s string) []string {
	tag, err := language.Parse(strings.TrimSpace(s))
	if err != nil {
		return []string{s}
	}
	base, _ := tag.Base()
	if base.String() == tag.String() {
		return []string{tag.String()}
	}
	return []string{tag.String(), base.String()}
}

// saveTranslation creates or replaces one locale's text of a service,
// organization or location, found by the prefix of its ID.
func saveTranslation(ctx context.Context, c *ent.Client, in SaveTranslationInput) (*Translation, error) {
	status := "DRAFT"
	if in.Publish != nil && *in.Publish {
		status = "PUBLISHED"
	}
	machine := in.MachineTranslated != nil && *in.MachineTranslated
	description := ""
	if in.Description != nil {
		description = *in.Description
	}
	switch in.OwnerID.Prefix() {
	case "svc":
		if _, err := c.Service.Get(ctx, in.OwnerID); err != nil {
			return nil, err
		}
		err := c.ServiceTranslation.Create().
			SetServiceID(in.OwnerID).SetLocale(in.Locale).SetName(in.Name).SetDescription(description).
			SetMachineTranslated(machine).SetStatus(servicetranslation.Status(status)).
			OnConflictColumns(servicetranslation.FieldServiceID, servicetranslation.FieldLocale).
			UpdateNewValues().Exec(ctx)
		if err != nil {
			return nil, err
		}
		t, err := c.ServiceTranslation.Query().Where(servicetranslation.ServiceID(in.OwnerID), servicetranslation.Locale(in.Locale)).Only(ctx)
		return serviceTranslation(t), err
	case "org":
		if _, err := c.Organization.Get(ctx, in.OwnerID); err != nil {
			return nil, err
		}
		err := c.OrganizationTranslation.Create().
			SetOrganizationID(in.OwnerID).SetLocale(in.Locale).SetName(in.Name).SetDescription(description).
			SetMachineTranslated(machine).SetStatus(organizationtranslation.Status(status)).
			OnConflictColumns(organizationtranslation.FieldOrganizationID, organizationtranslation.FieldLocale).
			UpdateNewValues().Exec(ctx)
		if err != nil {
			return nil, err
		}
		t, err := c.OrganizationTranslation.Query().Where(organizationtranslation.OrganizationID(in.OwnerID), organizationtranslation.Locale(in.Locale)).Only(ctx)
		return organizationTranslation(t), err
	case "loc":
		if _, err := c.Location.Get(ctx, in.OwnerID); err != nil {
			return nil, err
		}
		err := c.LocationTranslation.Create().
			SetLocationID(in.OwnerID).SetLocale(in.Locale).SetName(in.Name).SetAccessibilityNotes(description).
			SetMachineTranslated(machine).SetStatus(locationtranslation.Status(status)).
			OnConflictColumns(locationtranslation.FieldLocationID, locationtranslation.FieldLocale).
			UpdateNewValues().Exec(ctx)
		if err != nil {
			return nil, err
		}
		t, err := c.LocationTranslation.Query().Where(locationtranslation.LocationID(in.OwnerID), locationtranslation.Locale(in.Locale)).Only(ctx)
		return locationTranslation(t), err
	}
	return nil, errNotFound
}

// setTranslationPublished publishes or unpublishes one locale's text.
func setTranslationPublished(ctx context.Context, c *ent.Client, owner nodeid.ID, locale string, published bool) (*Translation, error) {
	status := "DRAFT"
	if published {
		status = "PUBLISHED"
	}
	switch owner.Prefix() {
	case "svc":
		t, err := c.ServiceTranslation.Query().
			Where(servicetranslation.ServiceID(owner), servicetranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		t, err = t.Update().SetStatus(servicetranslation.Status(status)).Save(ctx)
		return serviceTranslation(t), err
	case "org":
		t, err := c.OrganizationTranslation.Query().
			Where(organizationtranslation.OrganizationID(owner), organizationtranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		t, err = t.Update().SetStatus(organizationtranslation.Status(status)).Save(ctx)
		return organizationTranslation(t), err
	case "loc":
		t, err := c.LocationTranslation.Query().
			Where(locationtranslation.LocationID(owner), locationtranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		t, err = t.Update().SetStatus(locationtranslation.Status(status)).Save(ctx)
		return locationTranslation(t), err
	}
	return nil, errNotFound
}

func serviceTranslation(t *ent.ServiceTranslation) *Translation {
	if t == nil {
		return nil
	}
	return &Translation{Locale: t.Locale, Name: t.Name, Description: optional(t.Description),
		Status: servicetranslation.Status(t.Status), MachineTranslated: t.MachineTranslated, UpdatedAt: t.UpdatedAt}
}

func organizationTranslation(t *ent.OrganizationTranslation) *Translation {
	if t == nil {
		return nil
	}
	return &Translation{Locale: t.Locale, Name: t.Name, Description: optional(t.Description),
		Status: servicetranslation.Status(t.Status), MachineTranslated: t.MachineTranslated, UpdatedAt: t.UpdatedAt}
}

func locationTranslation(t *ent.LocationTranslation) *Translation {
	if t == nil {
		return nil
	}
	return &Translation{Locale: t.Locale, Name: t.Name, Description: optional(t.AccessibilityNotes),
		Status: servicetranslation.Status(t.Status), MachineTranslated: t.MachineTranslated, UpdatedAt: t.UpdatedAt}
}

// mapSlice applies f to each element.
func mapSlice[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}
