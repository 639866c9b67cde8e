package calendar_test

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"victimservices/internal/calendar"
)

type observance struct{ kind, start, from, to, name string }

func observances(t *testing.T, body string) []observance {
	t.Helper()
	cal, err := ics.ParseCalendar(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, body)
	}
	zones := cal.Timezones()
	if len(zones) != 1 {
		t.Fatalf("%d VTIMEZONEs", len(zones))
	}
	var out []observance
	for _, c := range zones[0].Components {
		var base *ics.ComponentBase
		kind := ""
		switch o := c.(type) {
		case *ics.Standard:
			base, kind = &o.ComponentBase, "STANDARD"
		case *ics.Daylight:
			base, kind = &o.ComponentBase, "DAYLIGHT"
		default:
			t.Fatalf("unexpected component %T", c)
		}
		get := func(p ics.Property) string { return base.GetProperty(ics.ComponentProperty(p)).Value }
		out = append(out, observance{kind, get(ics.PropertyDtstart), get(ics.PropertyTzoffsetfrom), get(ics.PropertyTzoffsetto), get(ics.PropertyTzname)})
	}
	return out
}

func TestVTimezoneFromTheZoneDatabase(t *testing.T) {
	for _, tc := range []struct {
		zone, start string
		// want are the observances in the year of the event (the file
		// holds the year before and after too).
		want []observance
		all  int
	}{
		{"America/Chicago", "2026-11-25T16:00:00Z", []observance{
			{"DAYLIGHT", "20260308T020000", "-0600", "-0500", "CDT"},
			{"STANDARD", "20261101T020000", "-0500", "-0600", "CST"},
		}, 6},
		{"Australia/Sydney", "2026-11-25T00:00:00Z", []observance{
			{"STANDARD", "20260405T030000", "+1100", "+1000", "AEST"},
			{"DAYLIGHT", "20261004T020000", "+1000", "+1100", "AEDT"},
		}, 6},
		{"Asia/Kolkata", "2026-11-25T04:30:00Z", []observance{{"STANDARD", "19700101T000000", "+0530", "+0530", "IST"}}, 1},
		{"UTC", "2026-11-25T04:30:00Z", []observance{{"STANDARD", "19700101T000000", "+0000", "+0000", "UTC"}}, 1},
	} {
		t.Run(tc.zone, func(t *testing.T) {
			loc, err := time.LoadLocation(tc.zone)
			if err != nil {
				t.Fatal(err)
			}
			start, _ := time.Parse(time.RFC3339, tc.start)
			var b strings.Builder
			if err := calendar.Write(&b, calendar.Event{UID: "x@test", Summary: "Appointment", Start: start, End: start.Add(time.Hour),
				Zone: loc, Stamp: start, Status: calendar.Confirmed}); err != nil {
				t.Fatal(err)
			}
			got := observances(t, b.String())
			if len(got) != tc.all {
				t.Errorf("%d observances, want %d: %+v", len(got), tc.all, got)
			}
			for _, w := range tc.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("missing %+v in %+v", w, got)
				}
			}
			if !strings.Contains(b.String(), "DTSTART;TZID="+tc.zone+":"+start.In(loc).Format("20060102T150405")+"\r\n") {
				t.Errorf("DTSTART not in local time with TZID:\n%s", b.String())
			}
		})
	}
}

func TestEventWithoutEnd(t *testing.T) {
	loc, _ := time.LoadLocation("America/Chicago")
	at := time.Date(2026, 12, 8, 15, 30, 0, 0, time.UTC)
	var b strings.Builder
	if err := calendar.Write(&b, calendar.Event{UID: "crt@test", Summary: "Trial", Start: at, Zone: loc, Stamp: at, Sequence: 4}); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); strings.Contains(s, "DTEND") || !strings.Contains(s, "SEQUENCE:4") {
		t.Errorf("an event at an instant:\n%s", s)
	}
	if err := calendar.Write(&b, calendar.Event{UID: "none@test", Start: at}); err == nil {
		t.Error("an event without a zone was written")
	}
}
