package outreach

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/courtdate"
	"victimservices/ent/followup"
	"victimservices/ent/notification"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/staff"
	"victimservices/internal/request"
	"victimservices/locales"
)

// The reminders' timing: the unit's goals are first contact within 24
// hours and resolution within 15 days; supervisors hear before either is
// missed.
const (
	SweepEvery        = time.Minute
	FirstContactAlert = 20 * time.Hour
	ResolutionAlert   = 12 * 24 * time.Hour
	// FeedbackAfter is how long after closing the person is asked for feedback.
	FeedbackAfter = 24 * time.Hour
	// DigestHour is when, in the unit's zone, advocates get their digest.
	DigestHour = 7
)

// SweepArgs is the periodic job that queues reminders and alerts.
type SweepArgs struct{}

// Kind names the job.
func (SweepArgs) Kind() string { return "outreach.sweep" }

type sweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	o *Outreach
}

// Work runs one sweep.
func (w *sweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	return w.o.Sweep(request.WithLiveClock(ctx, w.o.cfg.Clock))
}

// Sweep queues, once each (a dedupe key per reminder), what is due at the
// instant of ctx: supervisor alerts for cases 20 hours without first
// contact and 12 days open, court-date reminders 7 days and 1 day before,
// the feedback request a day after closing, and each advocate's morning
// digest. Everything is written in one transaction.
func (o *Outreach) Sweep(ctx context.Context) error {
	now := request.Instant(ctx)
	tx, err := o.cfg.Client.Tx(system(ctx))
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	ctx = ent.NewTxContext(system(ctx), tx)
	c := tx.Client()
	s := &sweep{o: o, c: c, now: now}
	for _, step := range []func(context.Context) error{s.staffAlerts, s.courtReminders, s.feedbackRequests, s.digests} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return tx.Commit()
}

type sweep struct {
	o   *Outreach
	c   *ent.Client
	now time.Time
}

// seen reports which dedupe keys exist already.
func (s *sweep) seen(ctx context.Context, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), 500)]
		keys = keys[len(chunk):]
		list, err := s.c.Notification.Query().Where(notification.DedupeKeyIn(chunk...)).Select(notification.FieldDedupeKey).Strings(ctx)
		if err != nil {
			return nil, err
		}
		for _, k := range list {
			out[k] = true
		}
	}
	return out, nil
}

func (s *sweep) staffAlerts(ctx context.Context) error {
	sups, err := s.c.Staff.Query().Where(staff.RoleEQ(staff.RoleSUPERVISOR), staff.DisabledAtIsNil(), staff.EmailNEQ("")).All(ctx)
	if err != nil || len(sups) == 0 {
		return err
	}
	l := locales.Default()
	alerts := []struct {
		topic    notification.Topic
		key      string
		query    *ent.CaseFileQuery
		subject  string
		body     string
		ageUnit  time.Duration
		ageLabel string
	}{
		{notification.TopicFIRST_CONTACT_DUE, "first-contact", s.c.CaseFile.Query().Where(casefile.StatusNEQ(casefile.StatusCLOSED),
			casefile.FirstContactAtIsNil(), casefile.OpenedAtLTE(s.now.Add(-FirstContactAlert)), casefile.OpenedAtGT(s.now.Add(-30*24*time.Hour))),
			"staff.alert.firstContact.subject", "staff.alert.firstContact.body", time.Hour, "Hours"},
		{notification.TopicRESOLUTION_DUE, "resolution", s.c.CaseFile.Query().Where(casefile.StatusNEQ(casefile.StatusCLOSED),
			casefile.OpenedAtLTE(s.now.Add(-ResolutionAlert)), casefile.OpenedAtGT(s.now.Add(-60*24*time.Hour))),
			"staff.alert.resolution.subject", "staff.alert.resolution.body", 24 * time.Hour, "Days"},
	}
	for _, a := range alerts {
		list, err := a.query.Select(casefile.FieldID, casefile.FieldCaseNumber, casefile.FieldOpenedAt).All(ctx)
		if err != nil {
			return err
		}
		var keys []string
		for _, cf := range list {
			for _, sup := range sups {
				keys = append(keys, fmt.Sprintf("%s:%s:%s", a.key, cf.ID, sup.ID))
			}
		}
		seen, err := s.seen(ctx, keys)
		if err != nil {
			return err
		}
		for _, cf := range list {
			data := map[string]any{"CaseNumber": cf.CaseNumber, a.ageLabel: int(s.now.Sub(cf.OpenedAt) / a.ageUnit)}
			for _, sup := range sups {
				key := fmt.Sprintf("%s:%s:%s", a.key, cf.ID, sup.ID)
				if seen[key] {
					continue
				}
				if err := s.o.save(ctx, s.staffNotification(a.topic, sup.ID, key).SetCaseID(cf.ID).
					SetSubject(l.T(a.subject, data)).SetBody(l.T(a.body, data))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (s *sweep) staffNotification(topic notification.Topic, staffID nodeid.ID, key string) *ent.NotificationCreate {
	return s.c.Notification.Create().SetAudience(notification.AudienceSTAFF).SetStaffID(string(staffID)).
		SetTopic(topic).SetChannel(notification.ChannelEMAIL).SetCreatedAt(s.now).SetNotBefore(s.now).
		SetDedupeKey(key).SetLocale(locales.Default().Code)
}

// courtReminders: a week before (when the date is 6 to 7 days away) and a
// day before (within 24 hours); a moved date is reminded of afresh.
func (s *sweep) courtReminders(ctx context.Context) error {
	dates, err := s.c.CourtDate.Query().Where(courtdate.AtGT(s.now), courtdate.AtLTE(s.now.Add(7*24*time.Hour)),
		courtdate.HasCaseWith(casefile.StatusNEQ(casefile.StatusCLOSED))).WithCase().All(ctx)
	if err != nil {
		return err
	}
	type due struct {
		d     *ent.CourtDate
		topic notification.Topic
		key   string
	}
	var list []due
	var keys []string
	for _, d := range dates {
		left := d.At.Sub(s.now)
		topic := notification.TopicCOURT_REMINDER_DAY
		switch {
		case left > 6*24*time.Hour:
			topic = notification.TopicCOURT_REMINDER_WEEK
		case left > 24*time.Hour:
			continue
		}
		key := fmt.Sprintf("court:%s:%d:%s", d.ID, d.At.Unix(), topic)
		list, keys = append(list, due{d, topic, key}), append(keys, key)
	}
	seen, err := s.seen(ctx, keys)
	if err != nil {
		return err
	}
	for _, r := range list {
		if seen[r.key] {
			continue
		}
		if _, err := s.o.enqueue(ctx, s.c, r.d.Edges.Case, r.topic, string(r.d.ID), r.key); err != nil {
			return err
		}
	}
	return nil
}

// feedbackRequests: a day after a case closed, if the person gave none.
func (s *sweep) feedbackRequests(ctx context.Context) error {
	list, err := s.c.CaseFile.Query().Where(casefile.StatusEQ(casefile.StatusCLOSED),
		casefile.ClosedAtLTE(s.now.Add(-FeedbackAfter)), casefile.ClosedAtGT(s.now.Add(-7*24*time.Hour)),
		casefile.Not(casefile.HasFeedback())).All(ctx)
	if err != nil {
		return err
	}
	keys := make([]string, len(list))
	for i, cf := range list {
		keys[i] = "feedback:" + string(cf.ID)
	}
	seen, err := s.seen(ctx, keys)
	if err != nil {
		return err
	}
	for i, cf := range list {
		if !seen[keys[i]] {
			if _, err := s.o.enqueue(ctx, s.c, cf, notification.TopicFEEDBACK_REQUEST, "", keys[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// digests: each advocate's follow-ups due today and cases awaiting first
// contact, once a day from DigestHour in the unit's zone; nothing on a day
// with neither.
func (s *sweep) digests(ctx context.Context) error {
	loc := hours.Schedule{TimeZone: s.o.cfg.TimeZone}.Location()
	local := s.now.In(loc)
	if local.Hour() < DigestHour {
		return nil
	}
	endOfDay := time.Date(local.Year(), local.Month(), local.Day()+1, 0, 0, 0, 0, loc)
	advocates, err := s.c.Staff.Query().Where(staff.RoleEQ(staff.RoleADVOCATE), staff.DisabledAtIsNil(), staff.EmailNEQ("")).All(ctx)
	if err != nil {
		return err
	}
	key := func(a *ent.Staff) string { return fmt.Sprintf("digest:%s:%s", a.ID, local.Format(time.DateOnly)) }
	keys := make([]string, len(advocates))
	for i, a := range advocates {
		keys[i] = key(a)
	}
	seen, err := s.seen(ctx, keys)
	if err != nil {
		return err
	}
	l := locales.Default()
	for _, a := range advocates {
		if seen[key(a)] {
			continue
		}
		open := casefile.And(casefile.AdvocateID(a.ID), casefile.StatusNEQ(casefile.StatusCLOSED))
		due, err := s.c.FollowUp.Query().Where(followup.DoneAtIsNil(), followup.DueAtLT(endOfDay), followup.HasCaseWith(open)).
			WithCase().Order(ent.Asc(followup.FieldDueAt)).All(ctx)
		if err != nil {
			return err
		}
		awaiting, err := s.c.CaseFile.Query().Where(open, casefile.FirstContactAtIsNil()).
			Order(ent.Asc(casefile.FieldOpenedAt)).Select(casefile.FieldCaseNumber).Strings(ctx)
		if err != nil {
			return err
		}
		if len(due) == 0 && len(awaiting) == 0 {
			continue
		}
		numbers := make([]string, len(due))
		for i, f := range due {
			numbers[i] = f.Edges.Case.CaseNumber
		}
		data := map[string]any{"FollowUps": len(due), "Awaiting": len(awaiting),
			"FollowUpList": list(numbers), "AwaitingList": list(awaiting)}
		if err := s.o.save(ctx, s.staffNotification(notification.TopicADVOCATE_DIGEST, a.ID, key(a)).
			SetSubject(l.T("staff.digest.subject", data)).SetBody(l.T("staff.digest.body", data))); err != nil {
			return err
		}
	}
	return nil
}

func list(items []string) string {
	if len(items) == 0 {
		return "-"
	}
	return strings.Join(items, ", ")
}
