package outreach

import (
	"context"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/courtdate"
	"victimservices/ent/feedback"
	"victimservices/ent/notification"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/internal/delivery"
	"victimservices/internal/request"
	"victimservices/locales"
)

// DeliverArgs is the job that delivers one notification.
type DeliverArgs struct {
	NotificationID string `json:"notification_id"`
}

// Kind names the job.
func (DeliverArgs) Kind() string { return "notification.deliver" }

type deliverWorker struct {
	river.WorkerDefaults[DeliverArgs]
	o *Outreach
}

// waitForConfig is how long a notification whose channel is not configured
// waits before its job looks again (a snooze: it costs no attempt).
const waitForConfig = 15 * time.Minute

// Work delivers the notification, or snoozes it (outside the person's
// window, over the hourly limit, channel not configured), or finds there is
// nothing to do (sent already, folded into a digest, stopped).
func (w *deliverWorker) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	o := w.o
	ctx = request.WithLiveClock(ctx, o.cfg.Clock)
	sys := system(ctx)
	n, err := o.cfg.Client.Notification.Get(sys, nodeid.ID(job.Args.NotificationID))
	if ent.IsNotFound(err) {
		return nil // removed (retention)
	}
	if err != nil {
		return err
	}
	if n.Status != notification.StatusPENDING && n.Status != notification.StatusSENDING || n.Status == notification.StatusSENDING && n.FoldedInto != "" {
		return nil // done, or carried by another notification's digest
	}
	now := request.Instant(ctx)
	r, skip, err := o.recipient(sys, n, now)
	if err != nil {
		return err
	}
	if skip != "" {
		return o.finish(sys, n, notification.StatusSKIPPED, skip)
	}
	if r.wait > 0 {
		o.cfg.Metrics.count(string(r.channel), "deferred")
		if err := n.Update().SetNotBefore(now.Add(r.wait)).Exec(sys); err != nil {
			return err
		}
		return river.JobSnooze(min(r.wait, o.cfg.RecheckEvery))
	}
	sender := o.sender(r.channel)
	if sender == nil && !o.cfg.Local {
		// Not configured: it waits in the outbox (the server warned once
		// at start).
		return river.JobSnooze(min(waitForConfig, o.cfg.RecheckEvery))
	}
	claimed, err := o.claim(sys, n, now)
	if err != nil || len(claimed) == 0 {
		return err
	}
	msg := o.render(n, claimed, r)
	transport := "local"
	var receipt delivery.Receipt
	if sender != nil {
		transport = map[notification.Channel]string{notification.ChannelSMS: "sms", notification.ChannelEMAIL: "smtp"}[r.channel]
		receipt, err = sender.Send(ctx, msg)
	} else {
		receipt.ProviderID = "local-" + string(n.ID)
	}
	if err != nil {
		return o.failed(sys, job, n, claimed, r.channel, err)
	}
	return o.sent(sys, n, claimed, r, msg, transport, receipt, now)
}

// recipient is where and how a notification goes now.
type recipient struct {
	channel notification.Channel
	to      string
	locale  *locales.Locale
	neutral bool
	wait    time.Duration // until it may be sent
}

// recipient reads the notification's recipient as they are now (their
// preferences may have changed since it was queued) and whether it may go
// now; skip says why it is not sent at all.
func (o *Outreach) recipient(ctx context.Context, n *ent.Notification, now time.Time) (r recipient, skip string, err error) {
	c := o.cfg.Client
	if n.Audience == notification.AudienceSTAFF {
		s, err := c.Staff.Get(ctx, nodeid.ID(n.StaffID))
		if ent.IsNotFound(err) || err == nil && (s.DisabledAt != nil || s.Email == "") {
			return r, "no staff address", nil
		}
		return recipient{channel: notification.ChannelEMAIL, to: s.Email, locale: locales.Default()}, "", err
	}
	cf, err := c.CaseFile.Get(ctx, n.CaseID)
	if ent.IsNotFound(err) {
		return r, "case removed", nil
	}
	if err != nil {
		return r, "", err
	}
	ch, to, ok := channelOf(cf)
	if !ok {
		if cf.OutreachStoppedAt != nil {
			return r, "opted out", nil
		}
		return r, "in the app only", nil
	}
	if skip, err := o.stale(ctx, n, cf, now); skip != "" || err != nil {
		return r, skip, err
	}
	r = recipient{channel: ch, to: to, locale: locales.Match(cf.PreferredLocale), neutral: !cf.SafeToLeaveMessage}
	if ch != n.Channel {
		if err := n.Update().SetChannel(ch).Exec(ctx); err != nil {
			return r, "", err
		}
	}
	r.wait = o.untilWindow(cf, now)
	if r.wait == 0 {
		r.wait, err = o.untilSlot(ctx, cf.ID, now)
	}
	return r, "", err
}

// stale says why a reminder no longer applies ("" when it does).
func (o *Outreach) stale(ctx context.Context, n *ent.Notification, cf *ent.CaseFile, now time.Time) (string, error) {
	c := o.cfg.Client
	switch n.Topic {
	case notification.TopicCOURT_REMINDER_WEEK, notification.TopicCOURT_REMINDER_DAY:
		ok, err := c.CourtDate.Query().Where(courtdate.ID(nodeid.ID(n.RefID)), courtdate.AtGT(now)).Exist(ctx)
		if err != nil || !ok {
			return "court date moved or passed", err
		}
	case notification.TopicFEEDBACK_REQUEST:
		given, err := c.Feedback.Query().Where(feedback.CaseID(cf.ID)).Exist(ctx)
		if err != nil || given || cf.Status != casefile.StatusCLOSED {
			return "feedback given or case reopened", err
		}
	}
	return "", nil
}

// untilWindow is how long until the person's contact windows open (0
// inside one, or when they gave none).
func (o *Outreach) untilWindow(cf *ent.CaseFile, now time.Time) time.Duration {
	if len(cf.ContactWindows) == 0 {
		return 0
	}
	zone := cf.TimeZone
	if zone == "" {
		zone = o.cfg.TimeZone
	}
	st := hours.Schedule{TimeZone: zone, Periods: cf.ContactWindows}.At(now)
	if st.Open || st.OpensAt == nil {
		return 0
	}
	return st.OpensAt.Sub(now)
}

// untilSlot is how long until the person may get another message under the
// hourly limit (0 now).
func (o *Outreach) untilSlot(ctx context.Context, caseID nodeid.ID, now time.Time) (time.Duration, error) {
	recent, err := o.cfg.Client.Notification.Query().
		Where(notification.CaseID(caseID), notification.AudienceEQ(notification.AudienceVICTIM),
			notification.StatusIn(notification.StatusSENT, notification.StatusDELIVERED, notification.StatusFAILED),
			notification.SentAtGT(now.Add(-time.Hour)), notification.FoldedInto("")).
		Order(ent.Asc(notification.FieldSentAt)).All(ctx)
	if err != nil || len(recent) < o.cfg.HourlyLimit {
		return 0, err
	}
	return recent[len(recent)-o.cfg.HourlyLimit].SentAt.Add(time.Hour).Sub(now), nil
}

// claim marks n, and the person's other notifications due by now, as being
// sent by n's job (one message, a digest when there are several). It
// returns none when another job has n.
func (o *Outreach) claim(ctx context.Context, n *ent.Notification, now time.Time) ([]*ent.Notification, error) {
	tx, err := o.cfg.Client.Tx(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback() }()
	c := tx.Client()
	got, err := c.Notification.Update().
		Where(notification.ID(n.ID), notification.FoldedInto(""), notification.StatusIn(notification.StatusPENDING, notification.StatusSENDING)).
		SetStatus(notification.StatusSENDING).Save(ctx)
	if err != nil || got == 0 {
		return nil, err
	}
	if n.Audience == notification.AudienceVICTIM {
		if _, err := c.Notification.Update().
			Where(notification.CaseID(n.CaseID), notification.AudienceEQ(notification.AudienceVICTIM), notification.IDNEQ(n.ID),
				notification.StatusEQ(notification.StatusPENDING), notification.NotBeforeLTE(now)).
			SetStatus(notification.StatusSENDING).SetFoldedInto(string(n.ID)).Save(ctx); err != nil {
			return nil, err
		}
	}
	claimed, err := c.Notification.Query().
		Where(notification.Or(notification.ID(n.ID), notification.FoldedInto(string(n.ID))), notification.StatusEQ(notification.StatusSENDING)).
		Order(ent.Asc(notification.FieldCreatedAt)).All(ctx)
	if err != nil {
		return nil, err
	}
	return claimed, tx.Commit()
}

// sent records the delivery: n sent, the others folded into it.
func (o *Outreach) sent(ctx context.Context, n *ent.Notification, claimed []*ent.Notification, r recipient, msg delivery.Message, transport string, receipt delivery.Receipt, now time.Time) error {
	tx, err := o.cfg.Client.Tx(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	c := tx.Client()
	if err := c.Notification.UpdateOneID(n.ID).SetSentAt(now).AddAttempts(1).
		SetTransport(transport).SetProviderID(receipt.ProviderID).SetSubject(msg.Subject).SetBody(msg.Body).
		SetNeutral(r.neutral).SetLocale(r.locale.Code).Exec(ctx); err != nil {
		return err
	}
	// SENT unless the provider's report came first (DELIVERED, FAILED).
	if err := c.Notification.Update().Where(notification.ID(n.ID), notification.StatusEQ(notification.StatusSENDING)).
		SetStatus(notification.StatusSENT).SetLastError("").Exec(ctx); err != nil {
		return err
	}
	if len(claimed) > 1 {
		if err := c.Notification.Update().Where(notification.FoldedInto(string(n.ID)), notification.StatusEQ(notification.StatusSENDING)).
			SetStatus(notification.StatusFOLDED).SetSentAt(now).Exec(ctx); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	o.cfg.Metrics.count(string(r.channel), "sent")
	return nil
}

// failed records a failed attempt: the others go back to wait for their
// own jobs; n waits for the queue's retry, or is FAILED (the provider
// refused it for good) or DEAD (out of attempts).
func (o *Outreach) failed(ctx context.Context, job *river.Job[DeliverArgs], n *ent.Notification, claimed []*ent.Notification, ch notification.Channel, cause error) error {
	o.cfg.Metrics.count(string(ch), "failed")
	status := notification.StatusPENDING
	switch {
	case delivery.IsPermanent(cause):
		status = notification.StatusFAILED
	case job.Attempt >= job.MaxAttempts:
		status = notification.StatusDEAD
	}
	code := errorCode(cause)
	o.cfg.Logger.Warn("notification not delivered", "notification", string(n.ID), "channel", string(ch), "attempt", job.Attempt, "error", code)
	tx, err := o.cfg.Client.Tx(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	c := tx.Client()
	if err := c.Notification.UpdateOneID(n.ID).SetStatus(status).AddAttempts(1).SetLastError(code).Exec(ctx); err != nil {
		return err
	}
	if len(claimed) > 1 {
		if err := c.Notification.Update().Where(notification.FoldedInto(string(n.ID)), notification.StatusEQ(notification.StatusSENDING)).
			SetStatus(notification.StatusPENDING).SetFoldedInto("").Exec(ctx); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if status == notification.StatusFAILED {
		return river.JobCancel(cause)
	}
	return cause
}

// finish ends a notification that will not be sent.
func (o *Outreach) finish(ctx context.Context, n *ent.Notification, status notification.Status, why string) error {
	return n.Update().SetStatus(status).SetLastError(why).Exec(ctx)
}

// errorCode is what is stored of a delivery error: package delivery's text,
// which names the provider's status or code and never an address, a body
// or a credential.
func errorCode(err error) string {
	s := strings.TrimPrefix(err.Error(), "delivery: ")
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

func (o *Outreach) sender(ch notification.Channel) delivery.Sender {
	if ch == notification.ChannelSMS {
		return o.cfg.SMS
	}
	return o.cfg.Email
}
