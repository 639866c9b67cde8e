package hours

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the zone database, so America/Chicago works on a bare machine
)

// Schedule is a service's or location's opening hours.
type Schedule struct {
	// TimeZone is the IANA zone the periods are in, e.g. America/Chicago.
	TimeZone string `json:"timeZone"`
	// AlwaysOpen means 24/7; periods and closures are ignored.
	AlwaysOpen bool `json:"alwaysOpen,omitempty"`
	// ByAppointment means there are no walk-in hours; it is never "open now".
	ByAppointment bool `json:"byAppointment,omitempty"`
	// Periods are the weekly opening periods.
	Periods []Period `json:"periods,omitempty"`
	// Closures are dates (YYYY-MM-DD, local) on which the periods do not apply.
	Closures []Closure `json:"closures,omitempty"`
}

// Period is one weekly opening period.
type Period struct {
	Day    Weekday `json:"day"`
	Opens  string  `json:"opens"`  // HH:MM
	Closes string  `json:"closes"` // HH:MM, or 24:00
}

// Closure is a dated closure, e.g. a public holiday.
type Closure struct {
	Date string `json:"date"` // YYYY-MM-DD in the schedule's zone
}

// Weekday is a day of the week that encodes as its upper-case English name
// (MONDAY …), the GraphQL DayOfWeek values.
type Weekday time.Weekday

// Days lists the week from Monday, the order summaries use.
var Days = []Weekday{
	Weekday(time.Monday), Weekday(time.Tuesday), Weekday(time.Wednesday), Weekday(time.Thursday),
	Weekday(time.Friday), Weekday(time.Saturday), Weekday(time.Sunday),
}

// String returns MONDAY … SUNDAY.
func (d Weekday) String() string { return strings.ToUpper(time.Weekday(d).String()) }

// ParseWeekday parses MONDAY … SUNDAY (case-insensitive).
func ParseWeekday(s string) (Weekday, error) {
	for _, d := range Days {
		if strings.EqualFold(s, d.String()) {
			return d, nil
		}
	}
	return 0, fmt.Errorf("unknown day %q", s)
}

// MarshalJSON implements json.Marshaler.
func (d Weekday) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON implements json.Unmarshaler.
func (d *Weekday) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseWeekday(s)
	*d = v
	return err
}

// Status is the state of a schedule at one instant.
type Status struct {
	// Open reports whether it is open at the instant.
	Open bool
	// ClosesAt is when it next closes, when open (nil when always open).
	ClosesAt *time.Time
	// OpensAt is when it next opens, when closed (nil when by appointment or
	// when no opening falls within the look-ahead window).
	OpensAt *time.Time
}

// Errors returned by Validate.
var (
	ErrZone      = errors.New("unknown time zone")
	ErrClock     = errors.New("times must be HH:MM between 00:00 and 24:00")
	ErrExclusive = errors.New("a schedule cannot be both always open and by appointment")
	ErrDate      = errors.New("closure dates must be YYYY-MM-DD")
	ErrEmpty     = errors.New("an opening period cannot be empty")
	ErrDay       = errors.New("unknown day of the week")
)

// Validate reports the first problem with s, or nil.
func (s Schedule) Validate() error {
	// "Local" would be whatever zone the server runs in.
	if _, err := time.LoadLocation(s.TimeZone); err != nil || s.TimeZone == "" || s.TimeZone == "Local" {
		return ErrZone
	}
	if s.AlwaysOpen && s.ByAppointment {
		return ErrExclusive
	}
	for _, p := range s.Periods {
		if p.Day < Weekday(time.Sunday) || p.Day > Weekday(time.Saturday) {
			return ErrDay
		}
		o, err1 := parseClock(p.Opens)
		c, err2 := parseClock(p.Closes)
		if err1 != nil || err2 != nil || o == 24*60 {
			return ErrClock
		}
		if o == c {
			return ErrEmpty
		}
	}
	for _, c := range s.Closures {
		if _, err := time.Parse(time.DateOnly, c.Date); err != nil {
			return ErrDate
		}
	}
	return nil
}

// zones caches loaded time zones: LoadLocation parses the zone database on
// every call.
var zones sync.Map // name → *time.Location

// Location returns the schedule's zone (UTC when it is invalid; Validate first).
func (s Schedule) Location() *time.Location {
	if loc, ok := zones.Load(s.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return time.UTC
	}
	zones.Store(s.TimeZone, loc)
	return loc
}

// lookAhead bounds the search for the next opening.
const lookAhead = 21

// At returns the schedule's state at instant now. It walks the days from
// the one before now (an overnight period may still be running) until it
// knows the answer, merging periods that touch (a day open until 24:00 and
// the next from 00:00 is one opening), without building or sorting
// every interval of the window.
func (s Schedule) At(now time.Time) Status {
	switch {
	case s.AlwaysOpen:
		return Status{Open: true}
	case s.ByAppointment:
		return Status{}
	}
	loc := s.Location()
	local := now.In(loc)
	var open *interval // the opening now is inside, grown while the next touches it
	var cur interval
	for offset := -1; offset <= lookAhead; offset++ {
		day := time.Date(local.Year(), local.Month(), local.Day()+offset, 0, 0, 0, 0, loc)
		var buf [8]interval
		for _, iv := range s.dayIntervals(day, loc, buf[:0]) {
			switch {
			case open != nil && !iv.start.After(open.end):
				if iv.end.After(open.end) {
					open.end = iv.end
				}
			case open != nil:
				at := open.end
				return Status{Open: true, ClosesAt: &at}
			case !iv.end.After(now):
				// over already
			case iv.start.After(now):
				at := iv.start
				return Status{OpensAt: &at}
			default:
				cur = iv
				open = &cur
			}
		}
	}
	if open != nil {
		at := open.end
		return Status{Open: true, ClosesAt: &at}
	}
	return Status{}
}

// NextChange returns the first instant after now at which At could answer
// differently (the next opening or closing), or nil when it never changes.
// Caches of open-now answers must not outlive it.
func (st Status) NextChange() *time.Time {
	if st.Open {
		return st.ClosesAt
	}
	return st.OpensAt
}

// NextChange is At(now).NextChange().
func (s Schedule) NextChange(now time.Time) *time.Time { return s.At(now).NextChange() }

type interval struct{ start, end time.Time }

// dayIntervals appends the periods that start on day (unless it is a
// closure date) to buf, in order of opening.
func (s Schedule) dayIntervals(day time.Time, loc *time.Location, buf []interval) []interval {
	if len(s.Closures) > 0 {
		date := day.Format(time.DateOnly)
		for _, c := range s.Closures {
			if c.Date == date {
				return buf
			}
		}
	}
	for _, p := range s.Periods {
		if time.Weekday(p.Day) != day.Weekday() {
			continue
		}
		o, err1 := parseClock(p.Opens)
		c, err2 := parseClock(p.Closes)
		if err1 != nil || err2 != nil || o == c {
			continue
		}
		closeDay := day
		if c < o {
			closeDay = day.AddDate(0, 0, 1)
		}
		iv := interval{start: wallClock(day, o, loc), end: wallClock(closeDay, c, loc)}
		i := len(buf)
		buf = append(buf, iv)
		for ; i > 0 && buf[i-1].start.After(iv.start); i-- { // insertion sort: a day has few periods
			buf[i] = buf[i-1]
		}
		buf[i] = iv
	}
	return buf
}

// wallClock returns minutes after midnight of day as an instant in loc; Go
// normalises a wall time skipped by a DST change forward by the gap.
func wallClock(day time.Time, minutes int, loc *time.Location) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), minutes/60, minutes%60, 0, 0, loc)
}

// parseClock parses HH:MM (00:00 to 24:00, two digits each) into minutes
// after midnight.
func parseClock(s string) (int, error) {
	if len(s) != 5 || s[2] != ':' {
		return 0, ErrClock
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, ErrClock
		}
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if m > 59 || h > 24 || (h == 24 && m != 0) {
		return 0, ErrClock
	}
	return h*60 + m, nil
}

// ParseClock parses HH:MM into hour and minute, for display.
func ParseClock(s string) (hour, minute int, err error) {
	v, err := parseClock(s)
	return v / 60, v % 60, err
}

// MarshalGQL implements graphql.Marshaler (the DayOfWeek enum).
func (d Weekday) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(d.String())) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (d *Weekday) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("DayOfWeek must be a string")
	}
	day, err := ParseWeekday(s)
	*d = day
	return err
}
