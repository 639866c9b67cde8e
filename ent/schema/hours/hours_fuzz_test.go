package hours_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"victimservices/ent/schema/hours"
)

// FuzzValidate: a schedule Validate accepts survives being stored (JSON) and
// read back unchanged, uses canonical HH:MM clocks, a real IANA zone and
// real weekdays, and answers At and NextChange without panicking, with a
// next change after the instant asked about.
func FuzzValidate(f *testing.F) {
	f.Add("America/Chicago", uint8(1), "09:00", "17:00", "2026-11-26", false, false, int64(1795000000))
	f.Add("America/Chicago", uint8(5), "22:00", "06:00", "", false, false, int64(1795000000))
	f.Add("Europe/Warsaw", uint8(0), "00:00", "24:00", "2026-03-29", false, false, int64(1774746000))
	f.Add("Asia/Kolkata", uint8(6), "24:00", "01:00", "2026-13-01", false, false, int64(0))
	f.Add("UTC", uint8(2), "9:00", "+1:00", "26-1-1", true, true, int64(-1))
	f.Add("Local", uint8(9), " 1:00", "-0:00", "2026-02-30", false, true, int64(1<<40))
	f.Add("../../etc/passwd", uint8(3), "12:60", "12:00", "2026-1-01", true, false, int64(1795000000))
	f.Fuzz(func(t *testing.T, zone string, day uint8, opens, closes, closure string, always, appt bool, unix int64) {
		s := hours.Schedule{TimeZone: zone, AlwaysOpen: always, ByAppointment: appt,
			Periods: []hours.Period{{Day: hours.Weekday(day), Opens: opens, Closes: closes}}}
		if closure != "" {
			s.Closures = []hours.Closure{{Date: closure}}
		}
		if s.Validate() != nil {
			return
		}
		if zone == "Local" || zone == "" {
			t.Fatalf("accepted the zone %q", zone)
		}
		if day > 6 {
			t.Fatalf("accepted the weekday %d", day)
		}
		for _, c := range []string{opens, closes} {
			h, m, err := hours.ParseClock(c)
			if err != nil || fmt.Sprintf("%02d:%02d", h, m) != c {
				t.Fatalf("accepted the clock %q (read as %02d:%02d)", c, h, m)
			}
		}
		if closure != "" {
			if d, err := time.Parse(time.DateOnly, closure); err != nil || d.Format(time.DateOnly) != closure {
				t.Fatalf("accepted the closure date %q", closure)
			}
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("marshal %+v: %v", s, err)
		}
		var back hours.Schedule
		if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, s) || back.Validate() != nil {
			t.Fatalf("stored %+v as %s, read back %+v (%v)", s, b, back, err)
		}
		now := time.Unix(unix%(1<<36), 0) // within a few thousand years
		if next := s.NextChange(now); next != nil && !next.After(now) {
			t.Fatalf("%+v at %v: next change %v is not after it", s, now, next)
		}
	})
}
