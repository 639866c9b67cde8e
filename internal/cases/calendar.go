package cases

import (
	"bytes"
	"context"
	"strings"

	"victimservices/ent"
	"victimservices/ent/appointment"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/calendar"
	"victimservices/internal/directory"
	"victimservices/internal/request"
	"victimservices/locales"
)

// The iCalendar files of appointments and court dates. They are read
// through the privacy rules as the viewer (a victim in the victim view), so
// only the victim of the case and staff allowed on it get one: anyone else
// finds nothing (NOT_FOUND) or is refused (FORBIDDEN, UNAUTHENTICATED).
// The case is read too, so a staff member's fetch is audited like any read
// of the case. When a message is not safe for the person (the case says so),
// the event is neutral: a plain title, no place, nothing of the unit, as the
// notifications are, since a calendar may be seen by others.

// calendarRead is ctx as calendar files are read: a victim's in the victim
// view.
func calendarRead(ctx context.Context) context.Context {
	if viewer.FromContext(ctx).IsVictim() {
		return viewer.WithView(ctx, viewer.VictimView)
	}
	return ctx
}

// calendarUID makes a UID that is the record's for ever.
func calendarUID(id nodeid.ID) string { return string(id) + "@victim-services" }

var appointmentStatus = map[appointment.Status]calendar.Status{
	appointment.StatusREQUESTED: calendar.Tentative,
	appointment.StatusCONFIRMED: calendar.Confirmed,
	appointment.StatusCANCELLED: calendar.Cancelled,
}

// AppointmentCalendar returns the iCalendar file of an appointment, in the
// service's time zone, its title in the reader's language (l).
func (s *Cases) AppointmentCalendar(ctx context.Context, id nodeid.ID, l *locales.Locale) ([]byte, error) {
	read := calendarRead(ctx)
	c := s.db(ctx)
	a, err := found(c.Appointment.Get(read, id))
	if err != nil {
		return nil, err
	}
	cf, err := found(c.CaseFile.Get(read, a.CaseID))
	if err != nil {
		return nil, err
	}
	// The service's name and zone are directory data, read whatever its
	// status now (an appointment outlives a service made inactive).
	sys := locales.WithTextLocale(systemContext(ctx), l)
	svc, err := c.Service.Get(sys, a.ServiceID)
	if err != nil {
		return nil, err
	}
	e := calendar.Event{UID: calendarUID(a.ID), Start: a.StartsAt, End: a.EndsAt, Zone: svc.Hours.Location(),
		Sequence: a.Sequence, Status: appointmentStatus[a.Status], Stamp: request.Instant(ctx), Modified: a.UpdatedAt,
		Summary: l.T("calendar.neutral", nil)}
	if cf.SafeToLeaveMessage {
		e.Summary = l.T("calendar.appointment", map[string]any{"Service": directory.TextOf(sys, svc).Name})
		if loc, err := svc.QueryLocations().First(sys); err == nil {
			e.Location = address(loc.Street, loc.City, loc.State, loc.PostalCode)
		} else if !ent.IsNotFound(err) {
			return nil, err
		}
	}
	return write(e)
}

// CourtDateCalendar returns the iCalendar file of a court date, in the
// unit's time zone; its sequence is the case's version, which grows with
// every change (a moved hearing replaces the old copy).
func (s *Cases) CourtDateCalendar(ctx context.Context, id nodeid.ID, l *locales.Locale) ([]byte, error) {
	read := calendarRead(ctx)
	c := s.db(ctx)
	d, err := found(c.CourtDate.Get(read, id))
	if err != nil {
		return nil, err
	}
	cf, err := found(c.CaseFile.Get(read, d.CaseID))
	if err != nil {
		return nil, err
	}
	zone := hours.Schedule{TimeZone: s.zone}.Location()
	e := calendar.Event{UID: calendarUID(d.ID), Start: d.At, Zone: zone, Sequence: cf.Version,
		Status: calendar.Confirmed, Stamp: request.Instant(ctx), Summary: l.T("calendar.neutral", nil)}
	if cf.SafeToLeaveMessage {
		e.Summary = l.T("hearing."+d.Hearing.String(), nil)
		e.Location = address(d.CourtName, d.Street, d.City, d.State, d.PostalCode)
	}
	return write(e)
}

func write(e calendar.Event) ([]byte, error) {
	var b bytes.Buffer
	if err := calendar.Write(&b, e); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// address joins the parts that are there.
func address(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, ", ")
}
