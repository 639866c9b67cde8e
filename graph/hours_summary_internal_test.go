package graph

import (
	"testing"

	"victimservices/ent/schema/hours"
	"victimservices/locales"
)

// TestHoursSummaryKeptPerSchedule: the memoised summary is keyed by
// everything it depends on, so two schedules differing in one field never
// share a summary (a key that dropped one would serve the first one's).
func TestHoursSummaryKeptPerSchedule(t *testing.T) {
	en, _ := locales.ByCode("en")
	weekdays := func(opens, closes string, days ...hours.Weekday) *hours.Schedule {
		s := &hours.Schedule{TimeZone: "America/Chicago"}
		for _, d := range days {
			s.Periods = append(s.Periods, hours.Period{Day: d, Opens: opens, Closes: closes})
		}
		return s
	}
	tests := []struct {
		s    *hours.Schedule
		want string
	}{
		{weekdays("09:00", "17:00", hours.Days[:5]...), "Monday to Friday, 9 am to 5 pm"},
		{weekdays("09:00", "16:00", hours.Days[:5]...), "Monday to Friday, 9 am to 4 pm"},
		{weekdays("10:00", "17:00", hours.Days[:5]...), "Monday to Friday, 10 am to 5 pm"},
		{weekdays("09:00", "17:00", hours.Days[:4]...), "Monday to Thursday, 9 am to 5 pm"},
		{weekdays("09:00", "17:00", hours.Days[1:5]...), "Tuesday to Friday, 9 am to 5 pm"},
		{&hours.Schedule{AlwaysOpen: true}, en.T("hours.alwaysOpen", nil)},
		{&hours.Schedule{ByAppointment: true}, en.T("hours.byAppointment", nil)},
	}
	for round := range 2 { // the second round is answered from the memo
		for _, tt := range tests {
			if got := hoursSummary(tt.s, en); got != tt.want {
				t.Errorf("round %d: got %q, want %q", round, got, tt.want)
			}
		}
	}
}
