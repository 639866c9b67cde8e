package directory

import (
	"context"

	"victimservices/ent"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// SaveTranslation creates or replaces one locale's text of a service,
// organization or location, found by the prefix of its ID.
func SaveTranslation(ctx context.Context, c *ent.Client, in SaveTranslationInput) (*Translation, error) {
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
		owner, err := c.Service.Get(ctx, in.OwnerID)
		if err != nil {
			return nil, err
		}
		err = c.ServiceTranslation.Create().
			SetServiceID(in.OwnerID).SetLocale(in.Locale).SetName(in.Name).SetDescription(description).
			SetMachineTranslated(machine).SetStatus(servicetranslation.Status(status)).
			OnConflictColumns(servicetranslation.FieldServiceID, servicetranslation.FieldLocale).
			UpdateNewValues().Exec(ctx)
		if err != nil {
			return nil, err
		}
		if in.Locale == locales.DefaultCode {
			if err := ensureServiceSlug(ctx, c, owner, in.Name); err != nil {
				return nil, err
			}
		}
		t, err := c.ServiceTranslation.Query().Where(servicetranslation.ServiceID(in.OwnerID), servicetranslation.Locale(in.Locale)).Only(ctx)
		return ServiceTranslation(t), err
	case "org":
		owner, err := c.Organization.Get(ctx, in.OwnerID)
		if err != nil {
			return nil, err
		}
		err = c.OrganizationTranslation.Create().
			SetOrganizationID(in.OwnerID).SetLocale(in.Locale).SetName(in.Name).SetDescription(description).
			SetMachineTranslated(machine).SetStatus(organizationtranslation.Status(status)).
			OnConflictColumns(organizationtranslation.FieldOrganizationID, organizationtranslation.FieldLocale).
			UpdateNewValues().Exec(ctx)
		if err != nil {
			return nil, err
		}
		if in.Locale == locales.DefaultCode {
			if err := ensureOrganizationSlug(ctx, c, owner, in.Name); err != nil {
				return nil, err
			}
		}
		t, err := c.OrganizationTranslation.Query().Where(organizationtranslation.OrganizationID(in.OwnerID), organizationtranslation.Locale(in.Locale)).Only(ctx)
		return OrganizationTranslation(t), err
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
		return LocationTranslation(t), err
	}
	return nil, errcode.ErrNotFound
}

// SetTranslationPublished publishes or unpublishes one locale's text.
func SetTranslationPublished(ctx context.Context, c *ent.Client, owner nodeid.ID, locale string, published bool) (*Translation, error) {
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
		return ServiceTranslation(t), err
	case "org":
		t, err := c.OrganizationTranslation.Query().
			Where(organizationtranslation.OrganizationID(owner), organizationtranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		t, err = t.Update().SetStatus(organizationtranslation.Status(status)).Save(ctx)
		return OrganizationTranslation(t), err
	case "loc":
		t, err := c.LocationTranslation.Query().
			Where(locationtranslation.LocationID(owner), locationtranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		t, err = t.Update().SetStatus(locationtranslation.Status(status)).Save(ctx)
		return LocationTranslation(t), err
	}
	return nil, errcode.ErrNotFound
}

func ServiceTranslation(t *ent.ServiceTranslation) *Translation {
	if t == nil {
		return nil
	}
	return &Translation{Locale: t.Locale, Name: t.Name, Description: optional(t.Description),
		Status: servicetranslation.Status(t.Status), MachineTranslated: t.MachineTranslated, UpdatedAt: t.UpdatedAt}
}

func OrganizationTranslation(t *ent.OrganizationTranslation) *Translation {
	if t == nil {
		return nil
	}
	return &Translation{Locale: t.Locale, Name: t.Name, Description: optional(t.Description),
		Status: servicetranslation.Status(t.Status), MachineTranslated: t.MachineTranslated, UpdatedAt: t.UpdatedAt}
}

func LocationTranslation(t *ent.LocationTranslation) *Translation {
	if t == nil {
		return nil
	}
	return &Translation{Locale: t.Locale, Name: t.Name, Description: optional(t.AccessibilityNotes),
		Status: servicetranslation.Status(t.Status), MachineTranslated: t.MachineTranslated, UpdatedAt: t.UpdatedAt}
}
