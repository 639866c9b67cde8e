package cases

import (
	"context"
	"time"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/sealed"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/request"
	"victimservices/locales"
)

// NotificationPreferences is how and when messages outside the app reach
// the person (the GraphQL type of the same name).
type NotificationPreferences struct {
	Channel            casefile.NotifyChannel      `json:"channel"`
	SafeToLeaveMessage bool                        `json:"safeToLeaveMessage"`
	ContactWindows     []*hours.Period             `json:"contactWindows"`
	TimeZone           string                      `json:"timeZone"`
	PreferredLocale    string                      `json:"preferredLocale"`
	Stopped            bool                        `json:"stopped"`
	StoppedAt          *time.Time                  `json:"stoppedAt,omitempty"`
	StoppedBy          *casefile.OutreachStoppedBy `json:"stoppedBy,omitempty"`
}

// NotificationPreferencesInput changes preferences: what is absent stays.
type NotificationPreferencesInput struct {
	Channel            *casefile.NotifyChannel `json:"channel,omitempty"`
	SafeToLeaveMessage *bool                   `json:"safeToLeaveMessage,omitempty"`
	ContactWindows     []*hours.Period         `json:"contactWindows,omitempty"`
	TimeZone           *string                 `json:"timeZone,omitempty"`
	PreferredLocale    *string                 `json:"preferredLocale,omitempty"`
	// Resume lifts a stop of all outside messages.
	Resume *bool `json:"resume,omitempty"`
}

// PreferencesOf reads a case's preferences (its zone filled in with the
// unit's when the person gave none).
func (s *Cases) PreferencesOf(cf *ent.CaseFile) *NotificationPreferences {
	p := &NotificationPreferences{
		Channel: cf.NotifyChannel, SafeToLeaveMessage: cf.SafeToLeaveMessage, TimeZone: cf.TimeZone,
		PreferredLocale: cf.PreferredLocale, Stopped: cf.OutreachStoppedAt != nil,
		StoppedAt: cf.OutreachStoppedAt, StoppedBy: cf.OutreachStoppedBy, ContactWindows: []*hours.Period{},
	}
	if p.TimeZone == "" {
		p.TimeZone = s.zone
	}
	for i := range cf.ContactWindows {
		p.ContactWindows = append(p.ContactWindows, &cf.ContactWindows[i])
	}
	return p
}

// defaultChannel is where notifications go unless the person says: the
// channel they chose to be contacted by when it is a written one; a person
// who asked for calls, or for the app only, gets none outside the app.
func defaultChannel(m casefile.ContactMethod) casefile.NotifyChannel {
	switch m {
	case casefile.ContactMethodSMS:
		return casefile.NotifyChannelSMS
	case casefile.ContactMethodEMAIL:
		return casefile.NotifyChannelEMAIL
	}
	return casefile.NotifyChannelIN_APP
}

// periods is the input's windows as stored.
func periods(windows []*hours.Period) []hours.Period {
	out := make([]hours.Period, 0, len(windows))
	for _, w := range windows {
		if w != nil {
			out = append(out, *w)
		}
	}
	return out
}

// validWindows checks contact windows and their zone.
func validWindows(out []hours.Period, zone string) ([]hours.Period, error) {
	if zone != "" || len(out) > 0 {
		tz := zone
		if tz == "" {
			tz = DefaultTimeZone
		}
		if err := (hours.Schedule{TimeZone: tz, Periods: out}).Validate(); err != nil {
			if err == hours.ErrZone {
				return nil, errcode.Field("timeZone")
			}
			return nil, errcode.Field("contactWindows")
		}
	}
	return out, nil
}

// setPreferences applies in to the update of cf, checking that a channel
// has its address.
func setPreferences(u *ent.CaseFileUpdate, cf *ent.CaseFile, in NotificationPreferencesInput, phoneNumber, email string) error {
	if in.Channel != nil {
		switch {
		case *in.Channel == casefile.NotifyChannelSMS && phoneNumber == "",
			*in.Channel == casefile.NotifyChannelEMAIL && email == "":
			return errcode.ErrContactRequired
		}
		u.SetNotifyChannel(*in.Channel)
	}
	if in.SafeToLeaveMessage != nil {
		u.SetSafeToLeaveMessage(*in.SafeToLeaveMessage)
	}
	if in.ContactWindows != nil || in.TimeZone != nil {
		zone := cf.TimeZone
		if in.TimeZone != nil {
			zone = *in.TimeZone
		}
		windows := cf.ContactWindows
		if in.ContactWindows != nil {
			windows = periods(in.ContactWindows)
		}
		checked, err := validWindows(windows, zone)
		if err != nil {
			return err
		}
		u.SetContactWindows(checked).SetTimeZone(zone)
	}
	if in.PreferredLocale != nil {
		l, ok := locales.ByCode(*in.PreferredLocale)
		if !ok {
			return errcode.ErrUnsupportedLocale.OnField("preferredLocale")
		}
		u.SetPreferredLocale(l.Code)
	}
	if in.Resume != nil && *in.Resume {
		u.ClearOutreachStoppedAt().ClearOutreachStoppedBy()
	}
	return nil
}

// UpdateMyNotificationPreferences is the victim changing their own
// preferences in the app. It does not bump the case's version.
func (s *Cases) UpdateMyNotificationPreferences(ctx context.Context, in NotificationPreferencesInput) (*NotificationPreferences, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errcode.ErrSessionEnded
	}
	cf, err := s.change(ctx, nodeid.ID(v.CaseID), nil, Change{Action: "case.preferences", ByVictim: true, KeepVersion: true,
		Apply: func(_ context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
			return nil, setPreferences(u, cf, in, cf.Phone, cf.Email)
		}})
	if err != nil {
		return nil, err
	}
	return s.PreferencesOf(cf), nil
}

// StopMyOutreach stops every message outside the app at once (the victim,
// in the app). In-app updates go on.
func (s *Cases) StopMyOutreach(ctx context.Context) (*NotificationPreferences, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errcode.ErrSessionEnded
	}
	cf, err := s.change(ctx, nodeid.ID(v.CaseID), nil, stopChange(casefile.OutreachStoppedByAPP, true))
	if err != nil {
		return nil, err
	}
	return s.PreferencesOf(cf), nil
}

func stopChange(by casefile.OutreachStoppedBy, byVictim bool) Change {
	return Change{Action: "case.outreach_stop", ByVictim: byVictim, System: by == casefile.OutreachStoppedBySMS_REPLY, KeepVersion: true,
		Apply: func(ctx context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
			if cf.OutreachStoppedAt == nil {
				u.SetOutreachStoppedAt(request.Instant(ctx)).SetOutreachStoppedBy(by)
			}
			return nil, nil
		}}
}

// CorrectNotificationPreferences is an advocate or supervisor correcting
// the person's preferences (and the phone or email they go to) after
// talking to them. It leaves an internal history entry, and does not bump
// the case's version.
func (s *Cases) CorrectNotificationPreferences(ctx context.Context, id nodeid.ID, in NotificationPreferencesInput, phoneNumber, email *string, stop *bool) (*ent.CaseFile, error) {
	return s.change(ctx, id, nil, Change{Action: "case.preferences", KeepVersion: true,
		Apply: func(ctx context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
			number, address := cf.Phone, cf.Email
			if phoneNumber != nil {
				number = ""
				if *phoneNumber != "" {
					n, err := phone.Normalize(*phoneNumber)
					if err != nil {
						return nil, errcode.ErrInvalidPhone.OnField("phone")
					}
					number = n
				}
				u.SetPhone(number)
			}
			if email != nil {
				address = *email
				u.SetEmail(address)
			}
			if err := setPreferences(u, cf, in, number, address); err != nil {
				return nil, err
			}
			// A channel left without its address falls back to the app.
			channel := cf.NotifyChannel
			if in.Channel != nil {
				channel = *in.Channel
			}
			if channel == casefile.NotifyChannelSMS && number == "" || channel == casefile.NotifyChannelEMAIL && address == "" {
				u.SetNotifyChannel(casefile.NotifyChannelIN_APP)
			}
			if stop != nil && *stop && cf.OutreachStoppedAt == nil {
				u.SetOutreachStoppedAt(request.Instant(ctx)).SetOutreachStoppedBy(casefile.OutreachStoppedBySTAFF)
			}
			return []Event{{Kind: caseevent.KindPREFERENCES_CHANGED}}, nil
		}})
}

// StopOutreachByPhone records a reply of STOP (or, stop false, START) from
// a phone number: every case with that number stops outside messages. It is the unit's own
// change (audited as the system's). It returns the locale of the first case
// found (for the reply), or "" when the number is no case's.
func (s *Cases) StopOutreachByPhone(ctx context.Context, number string, stop bool) (string, error) {
	ids, locale, err := s.casesByPhone(ctx, number)
	if err != nil {
		return "", err
	}
	for _, id := range ids {
		ch := stopChange(casefile.OutreachStoppedBySMS_REPLY, false)
		if !stop {
			ch = Change{Action: "case.outreach_start", System: true, KeepVersion: true,
				Apply: func(_ context.Context, _ *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error) {
					// A reply of START lifts only a stop made by text.
					if cf.OutreachStoppedBy != nil && *cf.OutreachStoppedBy == casefile.OutreachStoppedBySMS_REPLY {
						u.ClearOutreachStoppedAt().ClearOutreachStoppedBy()
					}
					return nil, nil
				}}
		}
		if _, err := s.change(ctx, id, nil, ch); err != nil {
			return "", err
		}
	}
	return locale, nil
}

// LocaleByPhone is the preferred locale of a case with that phone number
// ("" for none): the language of an answer to HELP.
func (s *Cases) LocaleByPhone(ctx context.Context, number string) (string, error) {
	_, l, err := s.casesByPhone(ctx, number)
	return l, err
}

func (s *Cases) casesByPhone(ctx context.Context, number string) ([]nodeid.ID, string, error) {
	n, err := phone.Normalize(number)
	if err != nil {
		return nil, "", nil
	}
	sys := systemContext(ctx)
	list, err := s.client.CaseFile.Query().Where(casefile.PhoneLookupIn(sealed.Lookups(n)...)).
		Select(casefile.FieldID, casefile.FieldPreferredLocale).All(sys)
	if err != nil || len(list) == 0 {
		return nil, "", err
	}
	ids := make([]nodeid.ID, len(list))
	for i, cf := range list {
		ids[i] = cf.ID
	}
	return ids, list[0].PreferredLocale, nil
}
