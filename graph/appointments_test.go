package graph_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"victimservices/ent"
	"victimservices/ent/appointment"
	"victimservices/ent/notification"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
)

// The appointments tests run through the handler on the demo data: Legal
// Support (by appointment) can be booked an hour at a time on Tuesdays and
// Thursdays 10:00–15:00 and Saturdays 10:00–12:00, America/Chicago, not on
// Thanksgiving (2026-11-26). The test clock starts on Tuesday 2026-11-24
// at 12:00 UTC (06:00 in Chicago).

var legal = seed.ID("svc", "legal")

const slotsQuery = `query($s: ID!, $from: Time!, $to: Time!) { availableSlots(serviceId: $s, from: $from, to: $to) { startsAt endsAt } }`

type slot struct{ StartsAt, EndsAt time.Time }

func slotsOf(t *testing.T, s *graphtest.Server, from, to string) []slot {
	t.Helper()
	resp := s.Do(t, graphtest.Request{Query: slotsQuery, Variables: map[string]any{"s": legal, "from": from, "to": to}})
	var got struct{ AvailableSlots []slot }
	resp.Decode(t, &got)
	return got.AvailableSlots
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func starts(list []slot) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = s.StartsAt.UTC().Format(time.RFC3339)
	}
	return out
}

func TestAvailableSlotsFollowPeriodsClosuresAndZone(t *testing.T) {
	s := graphtest.New(t)
	t.Run("a week", func(t *testing.T) {
		got := starts(slotsOf(t, s, "2026-11-24T00:00:00Z", "2026-12-01T00:00:00Z"))
		// Tuesday 10:00 to 14:00 CST (UTC-6); Thursday is Thanksgiving;
		// Saturday 10:00 and 11:00; nothing on other days.
		want := []string{"2026-11-24T16:00:00Z", "2026-11-24T17:00:00Z", "2026-11-24T18:00:00Z", "2026-11-24T19:00:00Z",
			"2026-11-24T20:00:00Z", "2026-11-28T16:00:00Z", "2026-11-28T17:00:00Z"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("slots:\n got %v\nwant %v", got, want)
		}
	})
	t.Run("statements do not grow with the range", func(t *testing.T) {
		count := func(to string) int64 {
			s.Statements.Reset()
			if len(slotsOf(t, s, "2026-11-24T00:00:00Z", to)) == 0 {
				t.Fatal("no slots to count the statements of")
			}
			return s.Statements.Count()
		}
		day, month := count("2026-11-25T00:00:00Z"), count("2026-12-24T00:00:00Z")
		if day != month || day > 4 {
			t.Errorf("statements: %d for a day, %d for a month; want the same few", day, month)
		}
	})
	t.Run("not in the past", func(t *testing.T) {
		s.SetNow(utc("2026-11-24T18:30:00Z"))
		defer s.SetNow(utc("2026-11-24T12:00:00Z"))
		got := starts(slotsOf(t, s, "2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z"))
		if want := "2026-11-24T19:00:00Z 2026-11-24T20:00:00Z"; strings.Join(got, " ") != want {
			t.Errorf("slots after 12:30 in Chicago: got %v, want %s", got, want)
		}
	})
	t.Run("across the end of daylight saving time", func(t *testing.T) {
		s.SetNow(utc("2026-10-26T12:00:00Z"))
		defer s.SetNow(utc("2026-11-24T12:00:00Z"))
		list := slotsOf(t, s, "2026-10-27T00:00:00Z", "2026-11-04T00:00:00Z")
		first := map[string]string{}
		for _, sl := range list {
			day := sl.StartsAt.In(chicago(t)).Format(time.DateOnly)
			if _, ok := first[day]; !ok {
				first[day] = sl.StartsAt.UTC().Format(time.RFC3339)
			}
			if d := sl.EndsAt.Sub(sl.StartsAt); d != time.Hour {
				t.Errorf("slot %s lasts %s, want 1h", sl.StartsAt, d)
			}
		}
		// 10:00 in Chicago is 15:00 UTC under CDT, 16:00 UTC under CST.
		if first["2026-10-27"] != "2026-10-27T15:00:00Z" || first["2026-11-03"] != "2026-11-03T16:00:00Z" {
			t.Errorf("first slots by day: %v; want 10:00 local on both sides of 2026-11-01", first)
		}
	})
	t.Run("staff set new periods", func(t *testing.T) {
		resp := s.Do(t, graphtest.Request{Query: `mutation($s: ID!, $in: AppointmentAvailabilityInput!) {
			setAppointmentAvailability(serviceId: $s, input: $in) { timeZone slotMinutes periods { day opens closes } closures { date } } }`,
			Variables: map[string]any{"s": legal, "in": map[string]any{"slotMinutes": 30,
				"periods": []map[string]any{{"day": "WEDNESDAY", "opens": "09:00", "closes": "10:00"}}, "closures": []string{"2026-12-02"}}},
			Header: graphtest.Bearer(s.Token(t, viewer.RoleSupervisor))})
		var got struct {
			SetAppointmentAvailability struct {
				TimeZone    string
				SlotMinutes int
			}
		}
		resp.Decode(t, &got)
		if got.SetAppointmentAvailability.TimeZone != "America/Chicago" || got.SetAppointmentAvailability.SlotMinutes != 30 {
			t.Errorf("availability: %+v", got.SetAppointmentAvailability)
		}
		list := starts(slotsOf(t, s, "2026-11-24T00:00:00Z", "2026-12-10T00:00:00Z"))
		want := "2026-11-25T15:00:00Z 2026-11-25T15:30:00Z 2026-12-09T15:00:00Z 2026-12-09T15:30:00Z"
		if strings.Join(list, " ") != want {
			t.Errorf("slots after the change: got %v, want %s", list, want)
		}
	})
	t.Run("refusals", func(t *testing.T) {
		for _, tc := range []struct {
			name, query string
			vars        map[string]any
			header      map[string]string
			want        string
		}{
			{"more than 31 days", slotsQuery, map[string]any{"s": legal, "from": "2026-11-24T00:00:00Z", "to": "2027-01-24T00:00:00Z"}, nil, "BAD_USER_INPUT"},
			{"an empty range", slotsQuery, map[string]any{"s": legal, "from": "2026-11-24T00:00:00Z", "to": "2026-11-24T00:00:00Z"}, nil, "BAD_USER_INPUT"},
			{"a walk-in service", slotsQuery, map[string]any{"s": seed.ID("svc", "counseling"), "from": "2026-11-24T00:00:00Z", "to": "2026-11-25T00:00:00Z"}, nil, "BAD_USER_INPUT"},
			{"an advocate sets availability", `mutation($s: ID!) { setAppointmentAvailability(serviceId: $s, input: {slotMinutes: 60, periods: []}) { slotMinutes } }`,
				map[string]any{"s": legal}, graphtest.Bearer(s.Token(t, viewer.RoleAdvocate)), "FORBIDDEN"},
			{"the public sets availability", `mutation($s: ID!) { setAppointmentAvailability(serviceId: $s, input: {slotMinutes: 60, periods: []}) { slotMinutes } }`,
				map[string]any{"s": legal}, nil, "UNAUTHENTICATED"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				resp := s.Do(t, graphtest.Request{Query: tc.query, Variables: tc.vars, Header: tc.header})
				if got := resp.ErrorCode(); got != tc.want {
					t.Errorf("code: got %q, want %q (%+v)", got, tc.want, resp.Errors)
				}
			})
		}
	})
}

func chicago(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

const requestMutation = `mutation($s: ID!, $at: Time!) { requestAppointment(serviceId: $s, startsAt: $at) { id status statusLabel startsAt endsAt icsUrl service { name } } }`

type appt struct {
	ID, Status, StatusLabel, IcsURL string
	StartsAt, EndsAt                time.Time
	Note                            *string
	Service                         *struct{ Name string }
}

// victim opens a case through the rig's intake (SMS, fields as given) and
// a session for it.
func victim(t *testing.T, r *outreachRig, fields map[string]any) (*ent.CaseFile, string) {
	t.Helper()
	cf, code := r.intake(t, fields)
	return cf, r.s.Session(t, cf.CaseNumber, code)
}

func requestSlot(t *testing.T, s *graphtest.Server, token, at string) appt {
	t.Helper()
	tick(s)
	resp := s.Do(t, graphtest.Request{Query: requestMutation, Variables: map[string]any{"s": legal, "at": at}, Header: graphtest.Bearer(token)})
	var got struct{ RequestAppointment appt }
	resp.Decode(t, &got)
	return got.RequestAppointment
}

// step runs a staff (or victim) mutation on an appointment and returns it.
func step(t *testing.T, s *graphtest.Server, token, mutation string, vars map[string]any) appt {
	t.Helper()
	tick(s)
	resp := s.Do(t, graphtest.Request{Query: `mutation($id: ID!` + mutationArgs(vars) + `) { out: ` + mutation + ` { id status statusLabel startsAt endsAt note icsUrl } }`,
		Variables: vars, Header: graphtest.Bearer(token)})
	var got struct{ Out appt }
	resp.Decode(t, &got)
	return got.Out
}

// tick moves the server's clock on a second, so the history entries of
// successive steps are in order.
func tick(s *graphtest.Server) { s.SetNow(s.Now().Add(time.Second)) }

func mutationArgs(vars map[string]any) string {
	var b strings.Builder
	if _, ok := vars["at"]; ok {
		b.WriteString(", $at: Time!")
	}
	if _, ok := vars["note"]; ok {
		b.WriteString(", $note: String")
	}
	return b.String()
}

func TestAppointmentStepsAreCaseChangesThatNotify(t *testing.T) {
	r := newOutreachRig(t)
	cf, token := victim(t, r, nil)
	advocate := r.assigned(t, cf)
	advocateID := string(*r.s.Case(t, cf.CaseNumber).AdvocateID)

	a := requestSlot(t, r.s, token, "2026-11-24T17:00:00Z")
	if a.Status != "REQUESTED" || a.StatusLabel != "Solicitada" && a.StatusLabel != "Requested" || a.Service == nil || a.Service.Name == "" {
		t.Fatalf("requested: %+v", a)
	}
	if !a.EndsAt.Equal(utc("2026-11-24T18:00:00Z")) || a.IcsURL != "/calendar/appointment/"+a.ID+".ics" {
		t.Errorf("requested: ends %s, icsUrl %q", a.EndsAt, a.IcsURL)
	}
	// The slot is held: it is no longer offered.
	for _, sl := range slotsOf(t, r.s, "2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z") {
		if sl.StartsAt.Equal(a.StartsAt) {
			t.Errorf("a requested slot is still offered: %s", sl.StartsAt)
		}
	}
	// The person's own step tells them nothing outside the app; it tells
	// their advocate, who must confirm it.
	r.waitFor(t, cf, "the advocate's alert", func(l []*ent.Notification) bool {
		return len(l) == 1 && l[0].Audience == notification.AudienceSTAFF && l[0].StaffID == advocateID &&
			l[0].Topic == notification.TopicAPPOINTMENT_REQUESTED && strings.Contains(l[0].Subject, cf.CaseNumber)
	})

	id := map[string]any{"id": a.ID}
	if got := step(t, r.s, advocate, `confirmAppointment(appointmentId: $id)`, id); got.Status != "CONFIRMED" {
		t.Errorf("confirmed: %+v", got)
	}
	r.waitFor(t, cf, "the confirmation", func(l []*ent.Notification) bool {
		v := toVictim(l)
		return len(v) == 1 && v[0].Topic == notification.TopicAPPOINTMENT_CONFIRMED
	})

	moved := step(t, r.s, advocate, `rescheduleAppointment(appointmentId: $id, startsAt: $at, note: $note)`,
		map[string]any{"id": a.ID, "at": "2026-11-28T16:00:00Z", "note": "La abogada no está el martes."})
	if moved.Status != "CONFIRMED" || !moved.StartsAt.Equal(utc("2026-11-28T16:00:00Z")) || moved.Note == nil {
		t.Errorf("rescheduled: %+v", moved)
	}
	r.waitFor(t, cf, "the move", func(l []*ent.Notification) bool {
		v := toVictim(l)
		return len(v) == 2 && v[1].Topic == notification.TopicAPPOINTMENT_RESCHEDULED
	})

	if got := step(t, r.s, advocate, `cancelAppointment(appointmentId: $id, note: $note)`, map[string]any{"id": a.ID, "note": "Ya no hace falta."}); got.Status != "CANCELLED" {
		t.Errorf("cancelled: %+v", got)
	}
	r.waitFor(t, cf, "the cancellation", func(l []*ent.Notification) bool {
		v := toVictim(l)
		return len(v) == 3 && v[2].Topic == notification.TopicAPPOINTMENT_CANCELLED
	})

	// A cancelled appointment cannot change; its slot is free again.
	resp := r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { confirmAppointment(appointmentId: $id) { status } }`, Variables: id, Header: graphtest.Bearer(advocate)})
	if code := resp.ErrorCode(); code != "BAD_USER_INPUT" {
		t.Errorf("confirming a cancelled appointment: got %q, want BAD_USER_INPUT", code)
	}
	again := requestSlot(t, r.s, token, "2026-11-28T16:00:00Z")

	// The person cancels their own: their advocate is told, they are not.
	mine := step(t, r.s, token, `cancelMyAppointment(appointmentId: $id)`, map[string]any{"id": again.ID})
	if mine.Status != "CANCELLED" {
		t.Errorf("cancelled by the person: %+v", mine)
	}

	// Every step is in the person's timeline and bumped the case's version
	// once (request, confirm, move, cancel, request, cancel).
	var view struct {
		MyCase struct {
			Events       []struct{ Title string }
			Appointments []appt
		}
	}
	r.s.Do(t, graphtest.Request{Query: `{ myCase(locale: "en") { events { title } appointments { id status } } }`, Header: graphtest.Bearer(token)}).Decode(t, &view)
	var titles []string
	for _, e := range view.MyCase.Events {
		titles = append(titles, e.Title)
	}
	want := []string{"You asked for an appointment", "Your appointment is confirmed", "Your appointment was moved to a new time",
		"An appointment was cancelled", "You asked for an appointment", "An appointment was cancelled"}
	if got := strings.Join(titles, "|"); !strings.HasSuffix(got, strings.Join(want, "|")) {
		t.Errorf("timeline: got %q, want it to end with %q", got, want)
	}
	if len(view.MyCase.Appointments) != 2 {
		t.Errorf("the person's appointments: %+v", view.MyCase.Appointments)
	}
	after := r.s.Case(t, cf.CaseNumber)
	if after.Version != cf.Version+6 {
		t.Errorf("version: got %d, want %d", after.Version, cf.Version+6)
	}
	list := r.notifications(t, cf)
	if v := toVictim(list); len(v) != 3 {
		t.Errorf("notifications to the person: got %s, want the three staff steps only", describe(v))
	}
	var alerts []notification.Topic
	for _, n := range list {
		if n.Audience == notification.AudienceSTAFF && n.StaffID == advocateID {
			alerts = append(alerts, n.Topic)
		}
	}
	want = []string{"APPOINTMENT_REQUESTED", "APPOINTMENT_REQUESTED", "APPOINTMENT_CANCELLED"}
	if got := fmt.Sprint(alerts); got != fmt.Sprint(want) {
		t.Errorf("alerts to the advocate: got %s, want %s", got, want)
	}
}

// toVictim keeps the notifications to the person.
func toVictim(list []*ent.Notification) []*ent.Notification {
	var out []*ent.Notification
	for _, n := range list {
		if n.Audience == notification.AudienceVICTIM {
			out = append(out, n)
		}
	}
	return out
}

func TestAppointmentStepsRefusedToOthers(t *testing.T) {
	r := newOutreachRig(t)
	cf, token := victim(t, r, nil)
	_, otherToken := victim(t, r, nil)
	r.assigned(t, cf)
	a := requestSlot(t, r.s, token, "2026-11-24T16:00:00Z")
	for _, tc := range []struct {
		name, mutation, token, want string
	}{
		{"another person cancels it", `cancelMyAppointment(appointmentId: $id)`, otherToken, "NOT_FOUND"},
		{"the person confirms it", `confirmAppointment(appointmentId: $id)`, token, "FORBIDDEN"},
		{"an unassigned advocate confirms it", `confirmAppointment(appointmentId: $id)`, r.s.Token(t, viewer.RoleAdvocate), "NOT_FOUND"},
		{"an editor cancels it", `cancelAppointment(appointmentId: $id)`, r.s.Token(t, viewer.RoleEditor), "FORBIDDEN"},
		{"staff use the person's cancel", `cancelMyAppointment(appointmentId: $id)`, r.s.Token(t, viewer.RoleSupervisor), "UNAUTHENTICATED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { ` + tc.mutation + ` { status } }`,
				Variables: map[string]any{"id": a.ID}, Header: graphtest.Bearer(tc.token)})
			if got := resp.ErrorCode(); got != tc.want {
				t.Errorf("code: got %q, want %q (%+v)", got, tc.want, resp.Errors)
			}
		})
	}
	for _, tc := range []struct{ name, at, want string }{
		{"not a slot", "2026-11-24T16:30:00Z", "BAD_USER_INPUT"},
		{"a closed date", "2026-11-26T16:00:00Z", "BAD_USER_INPUT"},
		{"in the past", "2026-11-17T16:00:00Z", "BAD_USER_INPUT"},
		{"taken", "2026-11-24T16:00:00Z", "CONFLICT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := r.s.Do(t, graphtest.Request{Query: requestMutation, Variables: map[string]any{"s": legal, "at": tc.at}, Header: graphtest.Bearer(otherToken)})
			if got := resp.ErrorCode(); got != tc.want {
				t.Errorf("code: got %q, want %q (%+v)", got, tc.want, resp.Errors)
			}
		})
	}
	stored, err := r.s.Client.Appointment.Query().Where(appointment.ID(nodeid.ID(a.ID))).Only(graphtest.System(context.Background()))
	if err != nil || stored.Status != appointment.StatusREQUESTED {
		t.Errorf("after the refusals: %+v, %v", stored, err)
	}
}

func TestConcurrentRequestsForOneSlotGiveOneConflict(t *testing.T) {
	r := newOutreachRig(t)
	const people = 4
	tokens := make([]string, people)
	for i := range tokens {
		_, tokens[i] = victim(t, r, nil)
	}
	for round, at := range []string{"2026-11-24T18:00:00Z", "2026-11-28T16:00:00Z", "2026-12-01T16:00:00Z"} {
		var (
			wg    sync.WaitGroup
			start = make(chan struct{})
			resps = make([]*graphtest.Response, people)
		)
		for i, token := range tokens {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				resps[i] = r.s.DoFrom(t, fmt.Sprintf("203.0.113.%d:4000", 10*round+i+1), graphtest.Request{Query: requestMutation,
					Variables: map[string]any{"s": legal, "at": at},
					Header:    map[string]string{"Authorization": "Bearer " + token, "Accept-Language": "es"}})
			}()
		}
		close(start)
		wg.Wait()
		won, conflicts := 0, 0
		for _, resp := range resps {
			switch resp.ErrorCode() {
			case "":
				won++
			case "CONFLICT":
				conflicts++
				if msg := resp.Errors[0].Message; !strings.Contains(msg, "Otra persona acaba de reservar") {
					t.Errorf("conflict message: %q, want the Spanish error.slotTaken", msg)
				}
			default:
				t.Errorf("unexpected answer: %+v", resp.Errors)
			}
		}
		if won != 1 || conflicts != people-1 {
			t.Errorf("%s: %d booked, %d CONFLICT; want 1 and %d", at, won, conflicts, people-1)
		}
		n, err := r.s.Client.Appointment.Query().Where(appointment.ServiceID(legal), appointment.StartsAt(utc(at)), appointment.Active(true)).
			Count(graphtest.System(context.Background()))
		if err != nil || n != 1 {
			t.Errorf("%s: %d active appointments (%v), want 1", at, n, err)
		}
	}
}

// getICS fetches a calendar file as the holder of token ("" for none).
func getICS(t *testing.T, s *graphtest.Server, path, token string) (int, string, http.Header) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Accept-Language", "en")
	rec := httptest.NewRecorder()
	s.Handler.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body), rec.Header()
}

func TestCalendarFilesCarryTheZoneAndOnlyReachWhoMaySee(t *testing.T) {
	r := newOutreachRig(t)
	cf, token := victim(t, r, map[string]any{"safeToLeaveMessage": true})
	_, otherToken := victim(t, r, nil)
	advocate := r.assigned(t, cf)
	a := requestSlot(t, r.s, token, "2026-11-24T16:00:00Z")
	step(t, r.s, advocate, `confirmAppointment(appointmentId: $id)`, map[string]any{"id": a.ID})
	resp := r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { addCourtDate(caseId: $id, input: {at: "2026-12-08T15:30:00Z", courtName: "Cook County Circuit Court", street: "2650 S California Ave", city: "Chicago", hearing: TRIAL}) { courtDates { id icsUrl } } }`,
		Variables: map[string]any{"id": cf.ID}, Header: graphtest.Bearer(advocate)})
	var added struct {
		AddCourtDate struct{ CourtDates []struct{ ID, IcsURL string } }
	}
	resp.Decode(t, &added)
	var mine struct {
		MyCase struct {
			Appointments []struct{ IcsURL string }
			CourtDates   []struct{ IcsURL string }
		}
	}
	r.s.Do(t, graphtest.Request{Query: `{ myCase { appointments { icsUrl } courtDates { icsUrl } } }`, Header: graphtest.Bearer(token)}).Decode(t, &mine)
	if len(mine.MyCase.Appointments) != 1 || len(mine.MyCase.CourtDates) != 1 || mine.MyCase.CourtDates[0].IcsURL != added.AddCourtDate.CourtDates[0].IcsURL {
		t.Fatalf("the person's calendar links: %+v", mine.MyCase)
	}
	files := []struct {
		name, path, start, summary string
	}{
		{"appointment", mine.MyCase.Appointments[0].IcsURL, "20261124T100000", "Appointment: Legal Support"},
		{"court date", mine.MyCase.CourtDates[0].IcsURL, "20261208T093000", "Trial"},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			for _, who := range []struct {
				name, token string
			}{{"the person", token}, {"their advocate", advocate}, {"a supervisor", r.s.Token(t, viewer.RoleSupervisor)}} {
				status, body, header := getICS(t, r.s, f.path, who.token)
				if status != http.StatusOK || !strings.HasPrefix(header.Get("Content-Type"), "text/calendar") {
					t.Fatalf("%s: %d %s %s", who.name, status, header.Get("Content-Type"), body)
				}
				cal, err := ics.ParseCalendar(strings.NewReader(body))
				if err != nil {
					t.Fatalf("%s: parse: %v\n%s", who.name, err, body)
				}
				zones := cal.Timezones()
				if len(zones) != 1 || zones[0].Id() != "America/Chicago" && zones[0].GetProperty(ics.ComponentPropertyTzid).Value != "America/Chicago" {
					t.Fatalf("%s: VTIMEZONE: %+v", who.name, zones)
				}
				var daylight, standard bool
				for _, c := range zones[0].Components {
					switch c.(type) {
					case *ics.Daylight:
						daylight = true
					case *ics.Standard:
						standard = true
					}
				}
				if !daylight || !standard {
					t.Errorf("%s: VTIMEZONE lacks its observances (daylight %v, standard %v)", who.name, daylight, standard)
				}
				events := cal.Events()
				if len(events) != 1 {
					t.Fatalf("%s: %d events", who.name, len(events))
				}
				start := events[0].GetProperty(ics.ComponentPropertyDtStart)
				if tzid := start.ICalParameters["TZID"]; len(tzid) != 1 || tzid[0] != "America/Chicago" || start.Value != f.start {
					t.Errorf("%s: DTSTART %v %q, want TZID=America/Chicago:%s", who.name, start.ICalParameters, start.Value, f.start)
				}
				at, err := events[0].GetStartAt()
				if err != nil || at.In(time.UTC).Format(time.RFC3339) == "" {
					t.Errorf("%s: start: %v %v", who.name, at, err)
				}
				if got := events[0].GetProperty(ics.ComponentPropertySummary).Value; got != f.summary {
					t.Errorf("%s: SUMMARY %q, want %q", who.name, got, f.summary)
				}
			}
			for _, who := range []struct {
				name, token string
				want        int
			}{
				{"another person", otherToken, http.StatusNotFound},
				{"an unassigned advocate", r.s.Token(t, viewer.RoleAdvocate), http.StatusNotFound},
				{"an editor", r.s.Token(t, viewer.RoleEditor), http.StatusForbidden},
				{"nobody signed in", "", http.StatusUnauthorized},
			} {
				if status, body, _ := getICS(t, r.s, f.path, who.token); status != who.want || strings.Contains(body, "BEGIN:VCALENDAR") {
					t.Errorf("%s: got %d %s, want %d", who.name, status, body, who.want)
				}
			}
		})
	}
	t.Run("neutral when not safe to leave a message", func(t *testing.T) {
		_, unsafe := victim(t, r, map[string]any{"safeToLeaveMessage": false})
		b := requestSlot(t, r.s, unsafe, "2026-11-24T17:00:00Z")
		_, body, _ := getICS(t, r.s, b.IcsURL, unsafe)
		cal, err := ics.ParseCalendar(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		ev := cal.Events()[0]
		if got := ev.GetProperty(ics.ComponentPropertySummary).Value; got != "Appointment" || ev.GetProperty(ics.ComponentPropertyLocation) != nil {
			t.Errorf("neutral event: summary %q, location %v", got, ev.GetProperty(ics.ComponentPropertyLocation))
		}
		if got := ev.GetProperty(ics.ComponentPropertyStatus).Value; got != "TENTATIVE" {
			t.Errorf("a requested appointment's STATUS: %q, want TENTATIVE", got)
		}
	})
	t.Run("unknown files", func(t *testing.T) {
		for _, p := range []string{"/calendar/appointment/apt_nope.ics", "/calendar/appointment/" + a.ID, "/calendar/other/" + a.ID + ".ics"} {
			if status, _, _ := getICS(t, r.s, p, token); status != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", p, status)
			}
		}
	})
}

// The victim's privacy rule, tried past the API as any code in the process
// could: the person writes exactly their own request and its cancellation.
func TestVictimRuleAllowsOnlyTheirRequestAndCancellation(t *testing.T) {
	r := newOutreachRig(t)
	cf, token := victim(t, r, nil)
	other, otherToken := victim(t, r, nil)
	mine := requestSlot(t, r.s, token, "2026-11-24T16:00:00Z")
	theirs := requestSlot(t, r.s, otherToken, "2026-11-24T17:00:00Z")
	as := viewer.WithView(viewer.NewContext(context.Background(), viewer.Viewer{CaseID: string(cf.ID)}), viewer.VictimView)
	c := r.s.Client
	at := utc("2026-11-28T16:00:00Z")
	create := func() *ent.AppointmentCreate {
		return c.Appointment.Create().SetCaseID(cf.ID).SetServiceID(legal).SetStartsAt(at).SetEndsAt(at.Add(time.Hour))
	}
	for _, tc := range []struct {
		name    string
		write   func() error
		allowed bool
	}{
		{"a confirmed appointment", func() error { return create().SetStatus(appointment.StatusCONFIRMED).Exec(as) }, false},
		{"a request with a note", func() error { return create().SetNote("x").Exec(as) }, false},
		{"a request with a sequence", func() error { return create().SetSequence(3).Exec(as) }, false},
		{"a request for another case", func() error { return create().SetCaseID(other.ID).Exec(as) }, false},
		{"outside the victim view", func() error {
			return create().Exec(viewer.NewContext(context.Background(), viewer.Viewer{CaseID: string(cf.ID)}))
		}, false},
		{"moving their own", func() error { return c.Appointment.UpdateOneID(nodeid.ID(mine.ID)).SetStartsAt(at).Exec(as) }, false},
		{"confirming their own", func() error {
			return c.Appointment.UpdateOneID(nodeid.ID(mine.ID)).SetStatus(appointment.StatusCONFIRMED).Exec(as)
		}, false},
		{"cancelling another's", func() error {
			return c.Appointment.UpdateOneID(nodeid.ID(theirs.ID)).SetStatus(appointment.StatusCANCELLED).Exec(as)
		}, false},
		{"a plain request", func() error { return create().Exec(as) }, true},
		{"cancelling their own", func() error {
			return c.Appointment.UpdateOneID(nodeid.ID(mine.ID)).SetStatus(appointment.StatusCANCELLED).AddSequence(1).SetUpdatedAt(at).Exec(as)
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.write(); (err == nil) != tc.allowed {
				t.Errorf("allowed %v, want %v (error: %v)", err == nil, tc.allowed, err)
			}
		})
	}
	stored, err := c.Appointment.Get(graphtest.System(context.Background()), nodeid.ID(theirs.ID))
	if err != nil || stored.Status != appointment.StatusREQUESTED || !stored.Active {
		t.Errorf("the other person's appointment: %+v, %v", stored, err)
	}
	// A cancelled appointment no longer holds its slot.
	if own, err := c.Appointment.Get(graphtest.System(context.Background()), nodeid.ID(mine.ID)); err != nil || own.Active {
		t.Errorf("their cancelled appointment: %+v, %v", own, err)
	}
}

func TestRequestOnAnUnassignedCaseAlertsTheSupervisors(t *testing.T) {
	r := newOutreachRig(t)
	_, supervisor := r.s.Staff(t, viewer.RoleSupervisor)
	_, other := r.s.Staff(t, viewer.RoleSupervisor)
	cf, token := victim(t, r, nil)
	requestSlot(t, r.s, token, "2026-11-24T20:00:00Z")
	list := r.waitFor(t, cf, "the supervisors' alerts", func(l []*ent.Notification) bool { return len(l) == 2 })
	got := map[string]bool{}
	for _, n := range list {
		if n.Audience != notification.AudienceSTAFF || n.Topic != notification.TopicAPPOINTMENT_REQUESTED {
			t.Errorf("unexpected notification %s", describe([]*ent.Notification{n}))
		}
		got[n.StaffID] = true
	}
	if !got[supervisor] || !got[other] {
		t.Errorf("alerted %v, want both supervisors", got)
	}
}
