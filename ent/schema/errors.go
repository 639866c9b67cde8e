package schema

import (
	"context"
	"net/mail"

	"entgo.io/ent"
	"entgo.io/ent/schema/index"

	"victimservices/ent/schema/area"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/sealed"
	"victimservices/ent/schema/slug"
	"victimservices/ent/schema/weburl"
)

// validEmail accepts a bare address (no display name).
func validEmail(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return errcode.ErrInvalidEmail
	}
	return nil
}

// validWebsite accepts an https: or http: address with a host (see weburl).
func validWebsite(s string) error {
	if weburl.Validate(s) != nil {
		return errcode.Input("error.invalidURL", map[string]any{"Field": "website"}).OnField("website")
	}
	return nil
}

// validSlug accepts lower-case letters and digits in words joined by single
// dashes (see package slug).
func validSlug(s string) error {
	if !slug.Valid(s) {
		return errcode.Input("error.invalidSlug", nil)
	}
	return nil
}

// validHours checks a schedule before it is stored.
func validHours(s hours.Schedule) error {
	if err := s.Validate(); err != nil {
		return errcode.Input("error.invalidHours", map[string]any{"Detail": err.Error()})
	}
	return nil
}

// translationIndex keeps one text row per owner and locale.
func translationIndex(ownerField string) ent.Index {
	return index.Fields(ownerField, "locale").Unique()
}

type phonesMutation interface {
	Phones() ([]phone.Phone, bool)
	SetPhones([]phone.Phone)
}

// normalizePhonesHook stores phone numbers as E.164 (or short emergency
// numbers) whatever format an editor typed them in.
func normalizePhonesHook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if pm, ok := m.(phonesMutation); ok {
				if phones, set := pm.Phones(); set {
					phones = append([]phone.Phone(nil), phones...)
					if err := phone.NormalizeAll(phones); err != nil {
						return nil, errcode.ErrInvalidPhone
					}
					pm.SetPhones(phones)
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

type hoursMutation interface {
	Hours() (hours.Schedule, bool)
}

// validateHoursHook rejects invalid opening hours (JSON fields have no validators).
func validateHoursHook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if hm, ok := m.(hoursMutation); ok {
				if s, set := hm.Hours(); set {
					if err := validHours(s); err != nil {
						return nil, err
					}
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

type phoneLookupMutation interface {
	Phone() (string, bool)
	PhoneCleared() bool
	SetPhoneLookup(string)
	ClearPhoneLookup()
}

// phoneLookupHook keeps a case's phone_lookup the blind index of its
// phone on every write.
func phoneLookupHook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if pm, ok := m.(phoneLookupMutation); ok {
				if p, set := pm.Phone(); set {
					pm.SetPhoneLookup(sealed.Lookup(p))
				} else if pm.PhoneCleared() {
					pm.ClearPhoneLookup()
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

type serviceAreaMutation interface {
	ServiceArea() (area.Coverage, bool)
	SetServiceArea(area.Coverage)
}

// normalizeServiceAreaHook stores service areas in their normal form (five-digit
// ZIP codes, trimmed neighbourhood names, sorted, without duplicates) and
// rejects malformed ones (JSON fields have no validators).
func normalizeServiceAreaHook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if am, ok := m.(serviceAreaMutation); ok {
				if c, set := am.ServiceArea(); set {
					c.PostalCodes = append([]string(nil), c.PostalCodes...)
					c.Neighborhoods = append([]string(nil), c.Neighborhoods...)
					if err := c.Normalize(); err != nil {
						return nil, errcode.Field("serviceAreas")
					}
					am.SetServiceArea(c)
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}
