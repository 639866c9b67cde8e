// Package calendar writes iCalendar (RFC 5545) files: one event, with its
// local start and end named by TZID and the VTIMEZONE that defines that
// zone (its standard and daylight observances around the event, taken from
// Go's zone database), so a calendar app shows the right local time
// whatever its own zone and whatever it knows of the rules.
//
// It knows nothing of cases or who may read what: the case domain decides
// what goes into an event and to whom it is served (internal/cases, through
// the ent privacy rules).
package calendar
