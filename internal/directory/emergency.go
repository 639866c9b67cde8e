package directory

import (
	"cmp"
	"context"
	"slices"

	"victimservices/ent"
	"victimservices/ent/schema/phone"
	"victimservices/ent/service"
	"victimservices/locales"
)

// EmergencyContacts returns the crisis lines, with their text in locale l:
// what the app shows before anything else (crisisContacts) and what a
// person who said they are not safe is answered with (the urgent intake).
// They are the directory's round-the-clock lines with a phone, in this
// order: the emergency line (911), the unit's 24/7 victim advocacy line,
// then the national lines (988, the domestic violence hotline), each group
// in display order. They come from the directory, so an editor's change of
// a number reaches both answers.
//
// It costs two statements (the services, their text along the locale
// chain) however many lines there are, and depends on nothing but the
// directory and the locale: no opening-hours boundary, so a public GET of
// it is cached until the directory changes.
func EmergencyContacts(ctx context.Context, c *ent.Client, l *locales.Locale) ([]*EmergencyContact, error) {
	ctx = locales.WithTextLocale(ctx, l)
	rows, err := c.Service.Query().
		Where(service.Or(
			service.National(true),
			service.CategoryIn(service.CategoryEMERGENCY, service.CategoryVICTIM_ADVOCACY),
		)).
		All(ctx)
	if err != nil {
		return nil, err
	}
	rows = slices.DeleteFunc(rows, func(s *ent.Service) bool { return !s.Hours.AlwaysOpen || len(s.Phones) == 0 })
	slices.SortFunc(rows, func(a, b *ent.Service) int {
		return cmp.Or(cmp.Compare(crisisRank(a), crisisRank(b)), cmp.Compare(a.SortOrder, b.SortOrder), cmp.Compare(a.ID, b.ID))
	})
	out := make([]*EmergencyContact, 0, len(rows))
	for _, s := range rows {
		text := TextOf(ctx, s)
		phones := make([]*phone.Phone, len(s.Phones))
		for i := range s.Phones {
			phones[i] = &s.Phones[i]
		}
		out = append(out, &EmergencyContact{Name: text.Name, ServedLocale: text.Locale, Description: text.Description, Phones: phones, Service: s, TranslationReview: text.Review})
	}
	return out, nil
}

// crisisRank is a line's group: the city's emergency line, then its 24/7
// advocacy, then the national lines (whatever their category).
func crisisRank(s *ent.Service) int {
	switch {
	case s.National:
		return 2
	case s.Category == service.CategoryEMERGENCY:
		return 0
	default:
		return 1
	}
}
