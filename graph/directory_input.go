package graph

import (
	"strings"

	"golang.org/x/text/language"

	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/phone"
)

// phonesFrom converts phone inputs; numbers are normalised by the schema hook.
func phonesFrom(in []*PhoneInput) []phone.Phone {
	out := make([]phone.Phone, 0, len(in))
	for _, p := range in {
		out = append(out, phone.Phone{Number: p.Number, Kind: p.Kind, SMSBody: orEmpty(p.SmsBody)})
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
			return nil, errcode.Field("languages")
		}
		out = append(out, tag.String())
	}
	return out, nil
}
