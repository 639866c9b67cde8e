package cases

import (
	"context"
	"errors"
	"strings"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/phone"
	"victimservices/internal/accesscode"
	"victimservices/internal/directory"
	"victimservices/internal/request"
	"victimservices/locales"
)

// RequestSupport opens a case for a person asking for help and returns its
// number and access code (shown once; only an argon2id hash is stored). The
// request is validated first; then the attempt is counted against the client
// (an IPv6 client by its /64), committed on its own: at most
// IntakesPerClient an hour, else RATE_LIMITED with retryAfter. Failed
// validations do not count. The case is then opened through the change path.
//
// Emergency first: a person who said they are not safe now or in immediate
// danger gets, in their language, the emergency message and lines (911 and
// the 24/7 advocacy line) in the answer, and also in the error's extensions
// (emergencyMessage, emergencyContacts) when the request is refused for any
// reason.
//
// A refusal is written in the person's preferredLocale when it names a
// supported locale (else in the reader's).
func (s *Cases) RequestSupport(ctx context.Context, in SupportRequestInput) (*SupportRequestPayload, error) {
	p, err := s.requestSupport(ctx, in)
	if err == nil {
		return p, nil
	}
	coded := asCoded(err)
	if urgentRequest(in) {
		coded = s.withEmergency(ctx, in, coded)
	}
	if l, ok := locales.Negotiate(in.PreferredLocale); ok {
		coded.Locale = l.Code
	}
	return nil, coded
}

// asCoded is err as the coded error the API answers: a schema validator's
// refusal names its field; anything unknown is INTERNAL (its cause logged).
func asCoded(err error) *errcode.Error {
	var (
		coded      *errcode.Error
		validation *ent.ValidationError
	)
	switch {
	case errors.As(err, &coded):
		c := *coded
		return &c
	case errors.As(err, &validation):
		return errcode.Field(validation.Name)
	}
	return &errcode.Error{Code: errcode.Internal, MessageID: errcode.DefaultMessage(errcode.Internal), Err: err}
}

func (s *Cases) requestSupport(ctx context.Context, in SupportRequestInput) (*SupportRequestPayload, error) {
	v, err := validIntake(in)
	if err != nil {
		return nil, err
	}
	now := request.Instant(ctx)
	client := clientKey(request.Client(ctx))
	if _, n, err := reserve(ctx, s.client, bucketIntake, client, now); err != nil {
		return nil, err
	} else if n > IntakesPerClient {
		wait, err := retryAfter(ctx, s.client, bucketIntake, client, now, n, IntakesPerClient)
		if err != nil {
			return nil, err
		}
		return nil, tooMany("error.rateLimited", wait)
	}
	cf, code, err := s.openCase(ctx, in, v, false)
	if err != nil {
		return nil, err
	}
	payload := &SupportRequestPayload{CaseNumber: cf.CaseNumber, AccessCode: code, Urgent: cf.Urgent,
		EmergencyContacts: []*directory.EmergencyContact{}}
	if cf.Urgent {
		l := locales.Match(in.PreferredLocale)
		msg := l.T("emergency.title", nil)
		payload.EmergencyMessage = &msg
		// The answer speaks the person's language, whatever the device's
		// (the Content-Language header says so).
		request.ServedIn(ctx, l.Code)
		if payload.EmergencyContacts, err = directory.EmergencyContacts(ctx, s.client, l); err != nil {
			return nil, err
		}
	}
	return payload, nil
}

// urgentRequest reports whether the person said they are not safe now or
// in immediate danger.
func urgentRequest(in SupportRequestInput) bool {
	return in.SafeNow != nil && !*in.SafeNow || in.ImmediateDanger != nil && *in.ImmediateDanger
}

// withEmergency adds the emergency message and lines, in the person's
// language, to the error refusing their request.
func (s *Cases) withEmergency(ctx context.Context, in SupportRequestInput, coded *errcode.Error) *errcode.Error {
	l := locales.Match(in.PreferredLocale)
	contacts, cerr := directory.EmergencyContacts(ctx, s.client, l)
	if cerr != nil {
		// The directory cannot be read either: 911 is never wrong.
		contacts = nil
	}
	lines := []map[string]any{}
	for _, c := range contacts {
		phones := []map[string]any{}
		for _, p := range c.Phones {
			line := map[string]any{"display": phone.Display(p.Number), "kind": string(p.Kind)}
			if p.Kind == phone.KindSMS { // a text line: sms:, never tel:
				line["smsUri"] = phone.SMSURI(*p)
			} else {
				line["telUri"] = phone.TelURI(p.Number)
			}
			phones = append(phones, line)
		}
		lines = append(lines, map[string]any{"name": c.Name, "servedLocale": c.ServedLocale, "phones": phones})
	}
	if len(lines) == 0 {
		lines = append(lines, map[string]any{"name": "911", "servedLocale": l.Code,
			"phones": []map[string]any{{"display": "911", "telUri": phone.TelURI("911")}}})
	}
	return coded.With(map[string]any{"emergencyMessage": l.T("emergency.title", nil), "emergencyContacts": lines})
}

// OpenDemoCase opens a case marked as demo data, through the same path as an
// intake but without its rate limit: the seed uses it.
func (s *Cases) OpenDemoCase(ctx context.Context, in SupportRequestInput) (*ent.CaseFile, string, error) {
	v, err := validIntake(in)
	if err != nil {
		return nil, "", err
	}
	return s.openCase(ctx, in, v, true)
}

// contact is an intake's validated contact details.
type contact struct {
	number, email string
	channel       casefile.NotifyChannel
	windows       []hours.Period
	zone          string
}

// validIntake checks an intake before anything is recorded.
func validIntake(in SupportRequestInput) (contact, error) {
	var v contact
	if in.Phone != nil && strings.TrimSpace(*in.Phone) != "" {
		n, err := phone.Normalize(*in.Phone)
		if err != nil {
			return v, errcode.ErrInvalidPhone.OnField("phone")
		}
		v.number = n
	}
	if in.Email != nil {
		v.email = strings.TrimSpace(*in.Email)
	}
	switch in.ContactMethod {
	case casefile.ContactMethodPHONE, casefile.ContactMethodSMS:
		if v.number == "" {
			return v, errcode.ErrContactRequired
		}
	case casefile.ContactMethodEMAIL:
		if v.email == "" {
			return v, errcode.ErrContactRequired
		}
	}
	v.channel = defaultChannel(in.ContactMethod)
	if in.NotificationChannel != nil {
		v.channel = *in.NotificationChannel
	}
	if v.channel == casefile.NotifyChannelSMS && v.number == "" || v.channel == casefile.NotifyChannelEMAIL && v.email == "" {
		return v, errcode.ErrContactRequired
	}
	if in.TimeZone != nil {
		v.zone = *in.TimeZone
	}
	windows, err := validWindows(periods(in.ContactWindows), v.zone)
	if err != nil {
		return v, err
	}
	v.windows = windows
	return v, nil
}

// openCase opens the case of a validated intake through the change path
// (the case, its RECEIVED entry and the audit record in one transaction).
func (s *Cases) openCase(ctx context.Context, in SupportRequestInput, v contact, demo bool) (*ent.CaseFile, string, error) {
	number, email := v.number, v.email
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
	urgent := urgentRequest(in)
	cf, err := s.change(ctx, "", nil, Change{Action: "case.intake", Open: func(ctx context.Context, c *ent.Client) (*ent.CaseFile, error) {
		// Case numbers are 39 random bits: a clash is a constraint error
		// (an INTERNAL answer), not worth a retry.
		create := c.CaseFile.Create().
			SetCaseNumber(accesscode.NewCaseNumber()).
			SetPreferredLocale(locales.Match(in.PreferredLocale).Code).
			SetContactMethod(in.ContactMethod).
			SetSafeToLeaveMessage(in.SafeToLeaveMessage).
			SetNotifyChannel(v.channel).
			SetContactWindows(v.windows).
			SetTimeZone(v.zone).
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
