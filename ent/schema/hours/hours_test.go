package hours_test

import (
	"testing"
	"time"

	"victimservices/ent/schema/hours"
)

var chicago = mustZone("America/Chicago")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func weekdays(opens, closes string) []hours.Period {
	var out []hours.Period
	for _, d := range hours.Days[:5] {
		out = append(out, hours.Period{Day: d, Opens: opens, Closes: closes})
	}
	return out
}

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, chicago)
}

func ptr(t time.Time) *time.Time { return &t }

func TestAt(t *testing.T) {
	office := hours.Schedule{TimeZone: "America/Chicago", Periods: weekdays("09:00", "17:00")}
	overnight := hours.Schedule{TimeZone: "America/Chicago", Periods: []hours.Period{
		{Day: hours.Days[4], Opens: "22:00", Closes: "06:00"}, // Friday night into Saturday
	}}
	holiday := hours.Schedule{TimeZone: "America/Chicago", Periods: weekdays("09:00", "17:00"),
		Closures: []hours.Closure{{Date: "2026-11-26"}}} // Thanksgiving, a Thursday
	lateNight := hours.Schedule{TimeZone: "America/Chicago", Periods: []hours.Period{
		{Day: hours.Days[5], Opens: "18:00", Closes: "24:00"},
		{Day: hours.Days[6], Opens: "00:00", Closes: "02:00"},
	}}

	tests := []struct {
		name string
		s    hours.Schedule
		now  time.Time
		want hours.Status
	}{
		{"always open", hours.Schedule{TimeZone: "America/Chicago", AlwaysOpen: true}, at(2026, 11, 24, 3, 0),
			hours.Status{Open: true}},
		{"by appointment is never open", hours.Schedule{TimeZone: "America/Chicago", ByAppointment: true}, at(2026, 11, 24, 10, 0),
			hours.Status{}},
		{"weekday morning open", office, at(2026, 11, 24, 9, 0),
			hours.Status{Open: true, ClosesAt: ptr(at(2026, 11, 24, 17, 0))}},
		{"closing instant is closed", office, at(2026, 11, 24, 17, 0),
			hours.Status{OpensAt: ptr(at(2026, 11, 25, 9, 0))}},
		{"before opening", office, at(2026, 11, 24, 8, 59),
			hours.Status{OpensAt: ptr(at(2026, 11, 24, 9, 0))}},
		{"weekend opens Monday", office, at(2026, 11, 28, 12, 0),
			hours.Status{OpensAt: ptr(at(2026, 11, 30, 9, 0))}},
		// Spring forward: Sunday 8 March 2026, 02:00 CST → 03:00 CDT.
		{"Saturday before spring forward opens Monday in CDT", office, at(2026, 3, 7, 12, 0),
			hours.Status{OpensAt: ptr(time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC))}},
		{"Friday before spring forward closes in CST", office, at(2026, 3, 6, 16, 0),
			hours.Status{Open: true, ClosesAt: ptr(time.Date(2026, 3, 6, 23, 0, 0, 0, time.UTC))}},
		{"Monday after spring forward open at 9 CDT", office, time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC),
			hours.Status{Open: true, ClosesAt: ptr(time.Date(2026, 3, 9, 22, 0, 0, 0, time.UTC))}},
		{"8:30 CDT is 13:30 UTC: still closed", office, time.Date(2026, 3, 9, 13, 30, 0, 0, time.UTC),
			hours.Status{OpensAt: ptr(time.Date(2026, 3, 9, 14, 0, 0, 0, time.UTC))}},
		// Fall back: Sunday 1 November 2026, 02:00 CDT → 01:00 CST.
		{"Saturday before fall back opens Monday in CST", office, at(2026, 10, 31, 12, 0),
			hours.Status{OpensAt: ptr(time.Date(2026, 11, 2, 15, 0, 0, 0, time.UTC))}},
		{"Friday before fall back closes in CDT", office, at(2026, 10, 30, 16, 0),
			hours.Status{Open: true, ClosesAt: ptr(time.Date(2026, 10, 30, 22, 0, 0, 0, time.UTC))}},
		{"9:30 CDT-equivalent instant on Monday after fall back is 8:30 CST: closed", office, time.Date(2026, 11, 2, 14, 30, 0, 0, time.UTC),
			hours.Status{OpensAt: ptr(time.Date(2026, 11, 2, 15, 0, 0, 0, time.UTC))}},
		{"overnight period open after midnight", overnight, at(2026, 11, 28, 3, 0),
			hours.Status{Open: true, ClosesAt: ptr(at(2026, 11, 28, 6, 0))}},
		{"overnight period open before midnight", overnight, at(2026, 11, 27, 23, 0),
			hours.Status{Open: true, ClosesAt: ptr(at(2026, 11, 28, 6, 0))}},
		{"overnight period closed in the day", overnight, at(2026, 11, 27, 12, 0),
			hours.Status{OpensAt: ptr(at(2026, 11, 27, 22, 0))}},
		{"periods joined across midnight", lateNight, at(2026, 11, 28, 23, 0),
			hours.Status{Open: true, ClosesAt: ptr(at(2026, 11, 29, 2, 0))}},
		{"holiday closure skips the day", holiday, at(2026, 11, 26, 10, 0),
			hours.Status{OpensAt: ptr(at(2026, 11, 27, 9, 0))}},
		{"day before the holiday opens after it", holiday, at(2026, 11, 25, 18, 0),
			hours.Status{OpensAt: ptr(at(2026, 11, 27, 9, 0))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.s.At(tt.now)
			if got.Open != tt.want.Open || !sameTime(got.ClosesAt, tt.want.ClosesAt) || !sameTime(got.OpensAt, tt.want.OpensAt) {
				t.Errorf("At(%s) = %s, want %s", tt.now, show(got), show(tt.want))
			}
		})
	}
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func show(s hours.Status) string {
	f := func(t *time.Time) string {
		if t == nil {
			return "nil"
		}
		return t.UTC().Format(time.RFC3339)
	}
	return "{open " + map[bool]string{true: "yes", false: "no"}[s.Open] + ", closes " + f(s.ClosesAt) + ", opens " + f(s.OpensAt) + "}"
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		s    hours.Schedule
		want error
	}{
		{"valid", hours.Schedule{TimeZone: "America/Chicago", Periods: weekdays("09:00", "17:00")}, nil},
		{"midnight close", hours.Schedule{TimeZone: "America/Chicago", Periods: weekdays("18:00", "24:00")}, nil},
		{"unknown zone", hours.Schedule{TimeZone: "Mars/Olympus"}, hours.ErrZone},
		{"empty zone", hours.Schedule{}, hours.ErrZone},
		{"both flags", hours.Schedule{TimeZone: "UTC", AlwaysOpen: true, ByAppointment: true}, hours.ErrExclusive},
		{"bad clock", hours.Schedule{TimeZone: "UTC", Periods: weekdays("9am", "17:00")}, hours.ErrClock},
		{"25 o'clock", hours.Schedule{TimeZone: "UTC", Periods: weekdays("09:00", "25:00")}, hours.ErrClock},
		{"opens at 24:00", hours.Schedule{TimeZone: "UTC", Periods: weekdays("24:00", "02:00")}, hours.ErrClock},
		{"empty period", hours.Schedule{TimeZone: "UTC", Periods: weekdays("09:00", "09:00")}, hours.ErrEmpty},
		{"bad closure", hours.Schedule{TimeZone: "UTC", Closures: []hours.Closure{{Date: "26/11/2026"}}}, hours.ErrDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.Validate(); got != tt.want {
				t.Errorf("Validate() = %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkAt(b *testing.B) {
	s := hours.Schedule{TimeZone: "America/Chicago", Periods: weekdays("09:00", "17:00")}
	now := at(2026, 11, 28, 12, 0)
	for b.Loop() {
		s.At(now)
	}
}
