package directory

import (
	"context"

	"victimservices/ent"
	"victimservices/ent/schema/phone"
	"victimservices/ent/service"
	"victimservices/locales"
)

// EmergencyContacts returns the directory's round-the-clock lines (the
// emergency line and 24/7 victim advocacy) with their text in locale l, for
// a person who said they are not safe: they come from the directory, so an
// editor's change of a number reaches this answer too.
func EmergencyContacts(ctx context.Context, c *ent.Client, l *locales.Locale) ([]*EmergencyContact, error) {
	ctx = locales.WithTextLocale(ctx, l)
	// EMERGENCY sorts before VICTIM_ADVOCACY: 911 heads the list.
	rows, err := c.Service.Query().
		Where(service.CategoryIn(service.CategoryEMERGENCY, service.CategoryVICTIM_ADVOCACY)).
		Order(ent.Asc(service.FieldCategory), ent.Asc(service.FieldSortOrder)).
		All(ctx)
	if err != nil {
		return nil, err
	}
	out := []*EmergencyContact{}
	for _, s := range rows {
		if !s.Hours.AlwaysOpen || len(s.Phones) == 0 {
			continue
		}
		text := TextOf(ctx, s)
		phones := make([]*phone.Phone, len(s.Phones))
		for i := range s.Phones {
			phones[i] = &s.Phones[i]
		}
		out = append(out, &EmergencyContact{Name: text.Name, ServedLocale: text.Locale, Description: text.Description, Phones: phones, Service: s})
	}
	return out, nil
}
