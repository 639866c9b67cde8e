package calendar

import (
	"fmt"
	"io"
	"time"

	ics "github.com/arran4/golang-ical"
)

// Status is an event's STATUS.
type Status string

// The statuses an event can have (RFC 5545 3.8.1.11).
const (
	Tentative Status = "TENTATIVE"
	Confirmed Status = "CONFIRMED"
	Cancelled Status = "CANCELLED"
)

// Event is one calendar entry.
type Event struct {
	// UID identifies the event for ever (an update replaces the copy with
	// the same UID and a higher Sequence).
	UID string
	// Summary is the title; Description and Location are optional.
	Summary, Description, Location string
	// Start and End are instants; they are written as local times in Zone.
	// A zero End writes none (an event at an instant: a hearing's end is
	// not known).
	Start, End time.Time
	// Zone is the time zone the event is in (its TZID is Zone.String(), an
	// IANA name such as America/Chicago).
	Zone *time.Location
	// Sequence is the revision (0 for the first).
	Sequence int
	// Status is TENTATIVE, CONFIRMED or CANCELLED.
	Status Status
	// Stamp is when the file was made (DTSTAMP).
	Stamp time.Time
	// Modified is when the event last changed (LAST-MODIFIED), if known.
	Modified time.Time
}

// ProductID names this writer (PRODID).
const ProductID = "-//Victim Services Unit//Calendar//EN"

// local is the iCalendar form of a local date-time (no zone suffix).
const local = "20060102T150405"

// Write writes e as an iCalendar object with the VTIMEZONE of its zone.
func Write(w io.Writer, e Event) error {
	if e.Zone == nil {
		return fmt.Errorf("calendar: event %s has no zone", e.UID)
	}
	cal := ics.NewCalendarFor("Victim Services Unit")
	cal.SetProductId(ProductID)
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	tzid := e.Zone.String()
	cal.AddVTimezone(timezone(e.Zone, e.Start, e.End))
	ev := cal.AddEvent(e.UID)
	ev.SetDtStampTime(e.Stamp)
	if !e.Modified.IsZero() {
		ev.SetModifiedAt(e.Modified)
	}
	ev.SetProperty(ics.ComponentPropertyDtStart, e.Start.In(e.Zone).Format(local), ics.WithTZID(tzid))
	if !e.End.IsZero() {
		ev.SetProperty(ics.ComponentPropertyDtEnd, e.End.In(e.Zone).Format(local), ics.WithTZID(tzid))
	}
	ev.SetSequence(e.Sequence)
	ev.SetSummary(e.Summary)
	if e.Description != "" {
		ev.SetDescription(e.Description)
	}
	if e.Location != "" {
		ev.SetLocation(e.Location)
	}
	if e.Status != "" {
		ev.SetStatus(ics.ObjectStatus(e.Status))
	}
	// Lines end in CRLF whatever the platform (RFC 5545 3.1; the library's
	// default is the platform's).
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// observance is one change of a zone's offset.
type observance struct {
	at         time.Time // the instant it takes effect
	from, to   int       // UTC offsets, seconds
	name       string    // abbreviation after it
	isDaylight bool
}

// timezone returns the VTIMEZONE of loc with every observance from a year
// before start to a year after end (a zone without changes there gets one
// STANDARD observance).
func timezone(loc *time.Location, start, end time.Time) *ics.VTimezone {
	tz := ics.NewTimezone(loc.String())
	from := time.Date(start.In(loc).Year()-1, time.January, 1, 0, 0, 0, 0, time.UTC)
	if end.IsZero() {
		end = start
	}
	to := time.Date(end.In(loc).Year()+2, time.January, 1, 0, 0, 0, 0, time.UTC)
	list := transitions(loc, from, to)
	if len(list) == 0 {
		name, off := start.In(loc).Zone()
		list = []observance{{at: time.Date(1970, time.January, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(off) * time.Second),
			from: off, to: off, name: name, isDaylight: start.In(loc).IsDST()}}
	}
	for _, o := range list {
		c := ics.NewComponent("")
		// DTSTART of an observance is the local time of its onset in the
		// offset in force before it (RFC 5545 3.6.5).
		c.Properties = nil
		c.SetProperty(ics.ComponentPropertyDtStart, o.at.Add(time.Duration(o.from)*time.Second).UTC().Format(local))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), offset(o.from))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(o.to))
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzname), o.name)
		if o.isDaylight {
			tz.Components = append(tz.Components, &ics.Daylight{ComponentBase: c})
		} else {
			tz.Components = append(tz.Components, &ics.Standard{ComponentBase: c})
		}
	}
	return tz
}

// transitions finds the instants in [from, to) at which loc's offset or
// abbreviation changes: day by day, then to the second by bisection.
func transitions(loc *time.Location, from, to time.Time) []observance {
	var out []observance
	prevName, prevOff := from.In(loc).Zone()
	for t := from; t.Before(to); t = t.Add(24 * time.Hour) {
		next := t.Add(24 * time.Hour)
		name, off := next.In(loc).Zone()
		if name == prevName && off == prevOff {
			continue
		}
		lo, hi := t, next // the change is in (lo, hi]
		for hi.Sub(lo) > time.Second {
			mid := lo.Add(hi.Sub(lo) / 2)
			if n, o := mid.In(loc).Zone(); n == prevName && o == prevOff {
				lo = mid
			} else {
				hi = mid
			}
		}
		out = append(out, observance{at: hi, from: prevOff, to: off, name: name, isDaylight: hi.In(loc).IsDST()})
		prevName, prevOff = name, off
	}
	return out
}

// offset formats a UTC offset as iCalendar's UTC-OFFSET (+HHMM, or +HHMMSS).
func offset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	h, m, s := sec/3600, sec/60%60, sec%60
	if s != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}
