package cases

import (
	"context"
	"strings"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/phone"
	"victimservices/internal/accesscode"
	"victimservices/internal/directory"
	"victimservices/internal/request"
	"victimservices/locales"
)

// RequestSupport opens a case for a person asking for help and returns its
// number and access code (shown once; only an argon2id hash is stored). The
// attempt is counted first against the client, committed on its own (at most
// IntakesPerClient an hour, else RATE_LIMITED); the case is then opened
// through the change path. A person who is not safe now or in immediate
// danger gets, in the same answer and their language, the emergency lines.
func (s *Cases) RequestSupport(ctx context.Context, in SupportRequestInput) (*SupportRequestPayload, error) {
	if _, n, err := reserve(ctx, s.client, bucketIntake, request.Client(ctx), request.Instant(ctx)); err != nil {
		return nil, err
	} else if n > IntakesPerClient {
		return nil, errcode.ErrRateLimited
	}
	cf, code, err := s.openCase(ctx, in, false)
	if err != nil {
		return nil, err
	}
	payload := &SupportRequestPayload{CaseNumber: cf.CaseNumber, AccessCode: code, Urgent: cf.Urgent,
		EmergencyContacts: []*directory.EmergencyContact{}}
	if cf.Urgent {
		l := locales.Match(in.PreferredLocale)
		msg := l.T("emergency.title", nil)
		payload.EmergencyMessage = &msg
		if payload.EmergencyContacts, err = directory.EmergencyContacts(ctx, s.client, l); err != nil {
			return nil, err
		}
	}
	return payload, nil
}

// OpenDemoCase opens a case marked as demo data, through the same path as an
// intake but without its rate limit: the seed uses it.
func (s *Cases) OpenDemoCase(ctx context.Context, in SupportRequestInput) (*ent.CaseFile, string, error) {
	return s.openCase(ctx, in, true)
}

// openCase validates an intake and opens its case through the change path
// (the case, its RECEIVED entry and the audit record in one transaction).
func (s *Cases) openCase(ctx context.Context, in SupportRequestInput, demo bool) (*ent.CaseFile, string, error) {
	var number, email string
	if in.Phone != nil && strings.TrimSpace(*in.Phone) != "" {
		n, err := phone.Normalize(*in.Phone)
		if err != nil {
			return nil, "", errcode.ErrInvalidPhone
		}
		number = n
	}
	if in.Email != nil {
		email = strings.TrimSpace(*in.Email)
	}
	switch in.ContactMethod {
	case casefile.ContactMethodPHONE, casefile.ContactMethodSMS:
		if number == "" {
			return nil, "", errcode.ErrContactRequired
		}
	case casefile.ContactMethodEMAIL:
		if email == "" {
			return nil, "", errcode.ErrContactRequired
		}
	}
	code := accesscode.NewCode()
	hash, err := s.hasher.Hash(ctx, code)
	if err != nil {
		return nil, "", err
	}
	needs := make([]string, len(in.Needs))
	for i, n := range in.Needs {
		needs[i] = n.String()
	}
	// Not safe now, or in immediate danger: the case heads the advocates'
	// lists and the answer carries the emergency contacts.
	urgent := in.SafeNow != nil && !*in.SafeNow || in.ImmediateDanger != nil && *in.ImmediateDanger
	cf, err := s.change(ctx, "", nil, Change{Action: "case.intake", Open: func(ctx context.Context, c *ent.Client) (*ent.CaseFile, error) {
		// Case numbers are 39 random bits: a clash is a constraint error
		// (an INTERNAL answer), not worth a retry.
		create := c.CaseFile.Create().
			SetCaseNumber(accesscode.NewCaseNumber()).
			SetPreferredLocale(locales.Match(in.PreferredLocale).Code).
			SetContactMethod(in.ContactMethod).
			SetSafeToLeaveMessage(in.SafeToLeaveMessage).
			SetNeeds(needs).
			SetAccessCodeHash(hash).
			SetUrgent(urgent).
			SetDemo(demo).
			SetOpenedAt(request.Instant(ctx))
		if number != "" {
			create.SetPhone(number)
		}
		if email != "" {
			create.SetEmail(email)
		}
		if in.SafeContactTimes != nil {
			create.SetSafeContactTimes(*in.SafeContactTimes)
		}
		if in.Description != nil {
			create.SetDescription(*in.Description)
		}
		return create.Save(ctx)
	}})
	if err != nil {
		return nil, "", err
	}
	return cf, code, nil
}
