package cases

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"victimservices/ent"
	"victimservices/ent/appointment"
	"victimservices/ent/appointmentavailability"
	"victimservices/ent/caseevent"
	"victimservices/ent/notification"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/request"
)

// Appointments with by-appointment services. Staff set when a service can
// be booked (AppointmentAvailability: weekly periods in the service's zone,
// closed dates, the length of one appointment); anyone lists the free
// slots; a victim requests one from their session and may cancel it; staff
// confirm, move or cancel it. Each step is a change of the case through the
// change path (version, history, audit, live update, and the notification:
// staff's steps tell the person, the person's request and cancellation tell
// the staff who handle the case; in one transaction). That a slot is free
// is never checked before booking it: the partial unique index on the
// active appointments' (service, start) refuses the second of two
// concurrent requests, answered as CONFLICT (error.slotTaken).

// MaxSlotRange is the longest [from, to) AvailableSlots answers for.
const MaxSlotRange = 31 * 24 * time.Hour

// AvailabilityInput is a service's bookable time (the GraphQL
// AppointmentAvailabilityInput).
type AvailabilityInput struct {
	SlotMinutes int             `json:"slotMinutes"`
	Periods     []*hours.Period `json:"periods"`
	Closures    []string        `json:"closures,omitempty"`
}

// Slot is a time that can be booked.
type Slot struct {
	StartsAt time.Time `json:"startsAt"`
	EndsAt   time.Time `json:"endsAt"`
}

// Errors of the appointment steps.
var (
	// ErrSlotTaken: another active appointment of the service starts then
	// (the unique index refused it).
	ErrSlotTaken = errcode.New(errcode.Conflict, "error.slotTaken", nil)
	// ErrSlotUnavailable: the time is not one of the service's slots (or is
	// past).
	ErrSlotUnavailable = errcode.Input("error.slotUnavailable", nil).OnField("startsAt")
	// ErrNotByAppointment: the service takes no appointments.
	ErrNotByAppointment = errcode.Input("error.notByAppointment", nil).OnField("serviceId")
	// ErrAppointmentCancelled: a cancelled appointment cannot change.
	ErrAppointmentCancelled = errcode.Input("error.appointmentCancelled", nil)
)

// bookable returns the service (as the viewer may see it) and its
// availability, or ErrNotByAppointment when it takes no appointments.
func (s *Cases) bookable(ctx context.Context, c *ent.Client, serviceID nodeid.ID) (*ent.Service, *ent.AppointmentAvailability, error) {
	svc, err := c.Service.Get(ctx, serviceID)
	if ent.IsNotFound(err) {
		return nil, nil, errcode.Field("serviceId")
	}
	if err != nil {
		return nil, nil, err
	}
	if !svc.Hours.ByAppointment {
		return nil, nil, ErrNotByAppointment
	}
	av, err := c.AppointmentAvailability.Query().Where(appointmentavailability.ServiceID(serviceID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil, ErrNotByAppointment
	}
	return svc, av, err
}

// SetAvailability sets when a by-appointment service can be booked
// (supervisors and directory editors: the privacy rules refuse anyone
// else). The periods are in the service's time zone.
func (s *Cases) SetAvailability(ctx context.Context, serviceID nodeid.ID, in AvailabilityInput) (*ent.AppointmentAvailability, error) {
	c := s.db(ctx)
	svc, err := c.Service.Get(ctx, serviceID)
	if ent.IsNotFound(err) {
		return nil, errcode.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if !svc.Hours.ByAppointment {
		return nil, ErrNotByAppointment
	}
	sched := hours.Schedule{TimeZone: svc.Hours.TimeZone}
	for _, p := range in.Periods {
		sched.Periods = append(sched.Periods, *p)
	}
	for _, d := range in.Closures {
		sched.Closures = append(sched.Closures, hours.Closure{Date: d})
	}
	if err := sched.Validate(); err != nil {
		return nil, errcode.Input("error.invalidHours", map[string]any{"Detail": err.Error()})
	}
	now := request.Instant(ctx)
	id, err := c.AppointmentAvailability.Create().SetServiceID(serviceID).SetPeriods(sched.Periods).
		SetClosures(sched.Closures).SetSlotMinutes(in.SlotMinutes).SetUpdatedAt(now).
		OnConflictColumns(appointmentavailability.FieldServiceID).
		Update(func(u *ent.AppointmentAvailabilityUpsert) {
			u.UpdatePeriods().UpdateClosures().UpdateSlotMinutes().UpdateUpdatedAt()
		}).ID(ctx)
	if err != nil {
		return nil, err
	}
	return c.AppointmentAvailability.Get(ctx, id)
}

// Availability returns when the service can be booked, nil when it cannot.
func (s *Cases) Availability(ctx context.Context, svc *ent.Service) (*ent.AppointmentAvailability, error) {
	if !svc.Hours.ByAppointment {
		return nil, nil
	}
	av, err := s.db(ctx).AppointmentAvailability.Query().Where(appointmentavailability.ServiceID(svc.ID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return av, err
}

// AvailabilityService returns the service an availability is of.
func (s *Cases) AvailabilityService(ctx context.Context, av *ent.AppointmentAvailability) (*ent.Service, error) {
	return s.db(ctx).Service.Get(ctx, av.ServiceID)
}

// AvailableSlots lists the free slots of a by-appointment service that
// start in [from, to) and not before now, soonest first: the weekly periods
// of its availability on the days that are not closed, cut into slots,
// less those an active appointment holds. Public. BAD_USER_INPUT for a
// range that is empty or longer than MaxSlotRange.
func (s *Cases) AvailableSlots(ctx context.Context, serviceID nodeid.ID, from, to time.Time) ([]*Slot, error) {
	if !to.After(from) {
		return nil, errcode.Field("to")
	}
	if to.Sub(from) > MaxSlotRange {
		return nil, errcode.Field("to")
	}
	c := s.db(ctx)
	svc, av, err := s.bookable(ctx, c, serviceID)
	if err != nil {
		return nil, err
	}
	if now := request.Instant(ctx); from.Before(now) {
		from = now
	}
	all := slotsOf(av, svc.Hours.Location(), from, to)
	if len(all) == 0 {
		return []*Slot{}, nil
	}
	// Who booked is not the reader's business: only the times are read,
	// past the privacy rules.
	booked, err := c.Appointment.Query().Where(appointment.ServiceID(serviceID), appointment.Active(true),
		appointment.StartsAtLT(to), appointment.EndsAtGT(from)).
		Select(appointment.FieldStartsAt, appointment.FieldEndsAt).All(systemContext(ctx))
	if err != nil {
		return nil, err
	}
	free := all[:0]
	for _, sl := range all {
		if !slices.ContainsFunc(booked, func(a *ent.Appointment) bool {
			return a.StartsAt.Before(sl.EndsAt) && a.EndsAt.After(sl.StartsAt)
		}) {
			free = append(free, sl)
		}
	}
	return free, nil
}

// slotsOf cuts the availability's periods on [from, to) into slots: local
// days in loc from the day before from (a period may run past midnight),
// skipping closed dates; a period closing at or before it opens ends the
// next day.
func slotsOf(av *ent.AppointmentAvailability, loc *time.Location, from, to time.Time) []*Slot {
	length := time.Duration(av.SlotMinutes) * time.Minute
	closed := map[string]bool{}
	for _, c := range av.Closures {
		closed[c.Date] = true
	}
	var out []*Slot
	f := from.In(loc)
	for day := time.Date(f.Year(), f.Month(), f.Day()-1, 0, 0, 0, 0, loc); day.Before(to); day = time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, loc) {
		if closed[day.Format(time.DateOnly)] {
			continue
		}
		for _, p := range av.Periods {
			if time.Weekday(p.Day) != day.Weekday() {
				continue
			}
			o, c := clockMinutes(p.Opens), clockMinutes(p.Closes)
			if c <= o {
				c += 24 * 60
			}
			opens := time.Date(day.Year(), day.Month(), day.Day(), 0, o, 0, 0, loc)
			closes := time.Date(day.Year(), day.Month(), day.Day(), 0, c, 0, 0, loc)
			for t := opens; !t.Add(length).After(closes); t = t.Add(length) {
				if !t.Before(from) && t.Before(to) {
					out = append(out, &Slot{StartsAt: t.UTC(), EndsAt: t.Add(length).UTC()})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b *Slot) int { return a.StartsAt.Compare(b.StartsAt) })
	return slices.CompactFunc(out, func(a, b *Slot) bool { return a.StartsAt.Equal(b.StartsAt) })
}

// clockMinutes reads a validated HH:MM as minutes after midnight.
func clockMinutes(s string) int {
	h, m, _ := strings.Cut(s, ":")
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	return hh*60 + mm
}

// slotAt returns the slot of the availability that starts at start, or
// ErrSlotUnavailable (not a slot, a closed date, or already past). Whether
// it is free is the unique index's to say.
func slotAt(ctx context.Context, svc *ent.Service, av *ent.AppointmentAvailability, start time.Time) (*Slot, error) {
	if start.Before(request.Instant(ctx)) {
		return nil, ErrSlotUnavailable
	}
	for _, sl := range slotsOf(av, svc.Hours.Location(), start.Add(-time.Minute), start.Add(time.Minute)) {
		if sl.StartsAt.Equal(start) {
			return sl, nil
		}
	}
	return nil, ErrSlotUnavailable
}

// booked maps the unique index's refusal to ErrSlotTaken.
func booked(err error) error {
	if ent.IsConstraintError(err) {
		return ErrSlotTaken
	}
	return err
}

// RequestAppointment is the victim asking, from their session, for a slot
// of a by-appointment service: REQUESTED until staff confirm it. CONFLICT
// (error.slotTaken) when another active appointment holds the slot.
func (s *Cases) RequestAppointment(ctx context.Context, serviceID nodeid.ID, startsAt time.Time) (*ent.Appointment, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errcode.ErrSessionEnded
	}
	var created *ent.Appointment
	_, err := s.change(ctx, nodeid.ID(v.CaseID), nil, Change{Action: "appointment.request", OpenOnly: true, ByVictim: true,
		AlertStaff: notification.TopicAPPOINTMENT_REQUESTED,
		Apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
			svc, av, err := s.bookable(ctx, c, serviceID)
			if err != nil {
				return nil, err
			}
			sl, err := slotAt(ctx, svc, av, startsAt)
			if err != nil {
				return nil, err
			}
			now := request.Instant(ctx)
			created, err = c.Appointment.Create().SetCaseID(cf.ID).SetServiceID(svc.ID).SetStartsAt(sl.StartsAt).
				SetEndsAt(sl.EndsAt).SetCreatedAt(now).SetUpdatedAt(now).Save(ctx)
			if err != nil {
				return nil, booked(err)
			}
			return []Event{{Kind: caseevent.KindAPPOINTMENT_REQUESTED, VictimVisible: true}}, nil
		}})
	if err != nil {
		return nil, err
	}
	return s.db(ctx).Appointment.Get(viewer.WithView(ctx, viewer.VictimView), created.ID)
}

// appointmentStep changes an appointment through the change path: it loads
// it as the viewer may see it (a victim in the victim view), refuses a
// cancelled one, and lets set make the change on the update, which bumps
// the sequence; the history entry is kind (with note as its detail).
func (s *Cases) appointmentStep(ctx context.Context, id nodeid.ID, expected *int, byVictim bool, kind caseevent.Kind, note string,
	set func(ctx context.Context, c *ent.Client, a *ent.Appointment, u *ent.AppointmentUpdateOne) error) (*ent.Appointment, error) {
	read := ctx
	if byVictim {
		if !viewer.FromContext(ctx).IsVictim() {
			return nil, errcode.ErrSessionEnded
		}
		read = viewer.WithView(ctx, viewer.VictimView)
	}
	a, err := found(s.db(ctx).Appointment.Get(read, id))
	if err != nil {
		return nil, err
	}
	ch := Change{Action: "appointment." + strings.ToLower(strings.TrimPrefix(string(kind), "APPOINTMENT_")),
		ByVictim: byVictim, OpenOnly: kind != caseevent.KindAPPOINTMENT_CANCELLED}
	if byVictim {
		// The person's own cancellation frees a time staff may have
		// planned for: they hear of it.
		ch.AlertStaff = notification.TopicAPPOINTMENT_CANCELLED
	}
	ch.Apply = func(ctx context.Context, c *ent.Client, _ *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
		if a.Status == appointment.StatusCANCELLED {
			return nil, ErrAppointmentCancelled
		}
		u := c.Appointment.UpdateOneID(a.ID).AddSequence(1).SetUpdatedAt(request.Instant(ctx))
		if err := set(ctx, c, a, u); err != nil {
			return nil, err
		}
		if err := u.Exec(ctx); err != nil {
			return nil, booked(err)
		}
		return []Event{{Kind: kind, Detail: note, VictimVisible: true}}, nil
	}
	if _, err = s.change(ctx, a.CaseID, expected, ch); err != nil {
		return nil, err
	}
	return s.db(ctx).Appointment.Get(read, id)
}

// CancelMyAppointment is the victim cancelling their own appointment from
// their session (the slot is free again).
func (s *Cases) CancelMyAppointment(ctx context.Context, id nodeid.ID) (*ent.Appointment, error) {
	return s.appointmentStep(ctx, id, nil, true, caseevent.KindAPPOINTMENT_CANCELLED, "",
		func(_ context.Context, _ *ent.Client, _ *ent.Appointment, u *ent.AppointmentUpdateOne) error {
			u.SetStatus(appointment.StatusCANCELLED)
			return nil
		})
}

// ConfirmAppointment is staff confirming a requested appointment; the
// person is told.
func (s *Cases) ConfirmAppointment(ctx context.Context, id nodeid.ID, expected *int) (*ent.Appointment, error) {
	return s.appointmentStep(ctx, id, expected, false, caseevent.KindAPPOINTMENT_CONFIRMED, "",
		func(_ context.Context, _ *ent.Client, a *ent.Appointment, u *ent.AppointmentUpdateOne) error {
			if a.Status != appointment.StatusREQUESTED {
				return errcode.ErrInvalidTransition
			}
			u.SetStatus(appointment.StatusCONFIRMED)
			return nil
		})
}

// RescheduleAppointment is staff moving an appointment to another slot of
// its service (confirmed at the new time); the person is told. CONFLICT
// (error.slotTaken) when that slot is held.
func (s *Cases) RescheduleAppointment(ctx context.Context, id nodeid.ID, startsAt time.Time, note *string, expected *int) (*ent.Appointment, error) {
	return s.appointmentStep(ctx, id, expected, false, caseevent.KindAPPOINTMENT_RESCHEDULED, deref(note),
		func(ctx context.Context, c *ent.Client, a *ent.Appointment, u *ent.AppointmentUpdateOne) error {
			svc, av, err := s.bookable(ctx, c, a.ServiceID)
			if err != nil {
				return err
			}
			sl, err := slotAt(ctx, svc, av, startsAt)
			if err != nil {
				return err
			}
			if sl.StartsAt.Equal(a.StartsAt) {
				return ErrSlotUnavailable
			}
			u.SetStartsAt(sl.StartsAt).SetEndsAt(sl.EndsAt).SetStatus(appointment.StatusCONFIRMED)
			if note != nil {
				u.SetNote(*note)
			}
			return nil
		})
}

// CancelAppointment is staff cancelling an appointment (the slot is free
// again); the person is told, with the note on their timeline.
func (s *Cases) CancelAppointment(ctx context.Context, id nodeid.ID, note *string, expected *int) (*ent.Appointment, error) {
	return s.appointmentStep(ctx, id, expected, false, caseevent.KindAPPOINTMENT_CANCELLED, deref(note),
		func(_ context.Context, _ *ent.Client, _ *ent.Appointment, u *ent.AppointmentUpdateOne) error {
			u.SetStatus(appointment.StatusCANCELLED)
			if note != nil {
				u.SetNote(*note)
			}
			return nil
		})
}

// Appointments lists a case's appointments, soonest first (cancelled ones
// included).
func Appointments(ctx context.Context, cf *ent.CaseFile) ([]*ent.Appointment, error) {
	return cf.QueryAppointments().Order(ent.Asc(appointment.FieldStartsAt), ent.Asc(appointment.FieldID)).All(ctx)
}

// AppointmentService returns the appointment's service, nil when it is no
// longer visible (made inactive).
func (s *Cases) AppointmentService(ctx context.Context, a *ent.Appointment) (*ent.Service, error) {
	svc, err := s.db(ctx).Service.Get(ctx, a.ServiceID)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return svc, err
}

// AppointmentICSPath and CourtDateICSPath are where an appointment's and a
// court date's iCalendar files are served (relative to the API's origin).
func AppointmentICSPath(id nodeid.ID) string { return "/calendar/appointment/" + string(id) + ".ics" }

// CourtDateICSPath: see AppointmentICSPath.
func CourtDateICSPath(id nodeid.ID) string { return "/calendar/court-date/" + string(id) + ".ics" }

// AvailabilityZone is the zone an availability's periods are in: its
// service's.
func (s *Cases) AvailabilityZone(ctx context.Context, av *ent.AppointmentAvailability) (string, error) {
	svc, err := s.db(ctx).Service.Get(systemContext(ctx), av.ServiceID)
	if err != nil {
		return "", err
	}
	return svc.Hours.TimeZone, nil
}
