package outreach

import (
	"context"
	"log/slog"
	"time"

	"entgo.io/ent/privacy"
	"github.com/riverqueue/river"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/notification"
	"victimservices/ent/staff"
	"victimservices/internal/delivery"
	"victimservices/internal/jobs"
	"victimservices/internal/request"
	"victimservices/locales"
)

// Defaults of Config.
const (
	DefaultNeutralSender = "Notifications"
	DefaultHourlyLimit   = 3
	DefaultTimeZone      = "America/Chicago"
)

// Config configures outreach.
type Config struct {
	Client *ent.Client
	// SMS and Email deliver; nil when not configured: their notifications
	// wait in the outbox (or, with Local, go to the development outbox).
	SMS, Email delivery.Sender
	// Local delivers unconfigured channels to the development outbox:
	// the notification is marked sent with transport "local" and staff read
	// it through the API. Never in production.
	Local bool
	// SMSAuthToken verifies the provider's callbacks (X-Twilio-Signature).
	SMSAuthToken string
	// PublicURL is the server's address as the provider calls it (the
	// signature covers the full URL), e.g. https://vs.example.org.
	PublicURL string
	// NeutralSender is the sender name of neutral messages.
	NeutralSender string
	// UnitPhone is the number an answer to HELP gives.
	UnitPhone string
	// HourlyLimit is how many messages a person gets an hour at most.
	HourlyLimit int
	// TimeZone is the unit's zone (contact windows without their own zone,
	// the digest's morning).
	TimeZone string
	// Clock is the time (tests inject one; default time.Now).
	Clock func() time.Time
	// Logger receives delivery problems (never addresses or content).
	Logger *slog.Logger
	// Metrics counts deliveries (nil counts nothing).
	Metrics *Metrics
	// RecheckEvery bounds how long a deferred notification's job sleeps
	// before it looks again (default an hour; the job reads the clock and
	// the person's preferences afresh each time). Tests shorten it.
	RecheckEvery time.Duration
}

// Replies is what outreach needs of the case domain to act on a reply by
// text (internal/cases implements it).
type Replies interface {
	StopOutreachByPhone(ctx context.Context, number string, stop bool) (string, error)
	LocaleByPhone(ctx context.Context, number string) (string, error)
}

// Outreach sends notifications.
type Outreach struct {
	cfg     Config
	queue   *jobs.Queue
	replies Replies
}

// New returns outreach; give it its queue with UseQueue before use.
func New(cfg Config) *Outreach {
	if cfg.NeutralSender == "" {
		cfg.NeutralSender = DefaultNeutralSender
	}
	if cfg.HourlyLimit <= 0 {
		cfg.HourlyLimit = DefaultHourlyLimit
	}
	if cfg.TimeZone == "" {
		cfg.TimeZone = DefaultTimeZone
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.RecheckEvery <= 0 {
		cfg.RecheckEvery = time.Hour
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Outreach{cfg: cfg}
}

// Workers returns the job kinds outreach runs, for the queue.
func (o *Outreach) Workers() *river.Workers {
	w := river.NewWorkers()
	river.AddWorker(w, &deliverWorker{o: o})
	river.AddWorker(w, &sweepWorker{o: o})
	return w
}

// Periodic returns outreach's scheduled jobs: the reminders' sweep, every
// minute.
func (o *Outreach) Periodic() []*river.PeriodicJob {
	return []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(SweepEvery),
		func() (river.JobArgs, *river.InsertOpts) { return SweepArgs{}, nil },
		&river.PeriodicJobOpts{RunOnStart: true, ID: "outreach.sweep"})}
}

// UseQueue gives outreach the queue its jobs go to.
func (o *Outreach) UseQueue(q *jobs.Queue) { o.queue = q }

// UseReplies gives outreach the case domain, for replies by text.
func (o *Outreach) UseReplies(r Replies) { o.replies = r }

// Local reports whether unconfigured channels go to the development outbox.
func (o *Outreach) Local() bool { return o.cfg.Local }

func system(ctx context.Context) context.Context { return privacy.DecisionContext(ctx, privacy.Allow) }

// CaseChanged queues the notification a case change causes, in the
// change's transaction (c): nothing when the person gets none outside the
// app (in-app only, stopped, no address for their channel).
func (o *Outreach) CaseChanged(ctx context.Context, c *ent.Client, cf *ent.CaseFile, topic notification.Topic) error {
	_, err := o.enqueue(ctx, c, cf, topic, "", "")
	return err
}

// StaffAlert queues, in the change's transaction (c), an email to the staff
// who handle the case (its advocate; the supervisors while it has none)
// about a step the person took in the app: the case number and what
// happened, in the unit's language, never the case's details.
func (o *Outreach) StaffAlert(ctx context.Context, c *ent.Client, cf *ent.CaseFile, topic notification.Topic) error {
	q := c.Staff.Query().Where(staff.DisabledAtIsNil(), staff.EmailNEQ(""))
	if cf.AdvocateID != nil {
		q.Where(staff.ID(*cf.AdvocateID))
	} else {
		q.Where(staff.RoleEQ(staff.RoleSUPERVISOR))
	}
	to, err := q.All(system(ctx))
	if err != nil {
		return err
	}
	l, now := locales.Default(), request.Instant(ctx)
	data := map[string]any{"CaseNumber": cf.CaseNumber}
	key := "staff.alert.topic." + string(topic)
	for _, m := range to {
		if err := o.save(ctx, c.Notification.Create().SetCaseID(cf.ID).SetAudience(notification.AudienceSTAFF).
			SetStaffID(string(m.ID)).SetTopic(topic).SetChannel(notification.ChannelEMAIL).SetCreatedAt(now).
			SetNotBefore(now).SetLocale(l.Code).SetSubject(l.T(key+".subject", data)).SetBody(l.T(key+".body", data))); err != nil {
			return err
		}
	}
	return nil
}

// channelOf is where the person's notifications go now, or false for none.
func channelOf(cf *ent.CaseFile) (notification.Channel, string, bool) {
	if cf.OutreachStoppedAt != nil {
		return "", "", false
	}
	switch {
	case cf.NotifyChannel == casefile.NotifyChannelSMS && cf.Phone != "":
		return notification.ChannelSMS, cf.Phone, true
	case cf.NotifyChannel == casefile.NotifyChannelEMAIL && cf.Email != "":
		return notification.ChannelEMAIL, cf.Email, true
	}
	return "", "", false
}

// enqueue writes a victim notification and its delivery job through c (in
// the caller's transaction). ref is the court date of a reminder; dedupe,
// when set, makes it once-only. It returns false when the person gets none.
func (o *Outreach) enqueue(ctx context.Context, c *ent.Client, cf *ent.CaseFile, topic notification.Topic, ref, dedupe string) (bool, error) {
	ch, _, ok := channelOf(cf)
	if !ok {
		return false, nil
	}
	now := request.Instant(ctx)
	create := c.Notification.Create().SetCaseID(cf.ID).SetAudience(notification.AudienceVICTIM).SetTopic(topic).
		SetChannel(ch).SetCreatedAt(now).SetNotBefore(now).SetRefID(ref).SetLocale(cf.PreferredLocale)
	if dedupe != "" {
		create.SetDedupeKey(dedupe)
	}
	return true, o.save(ctx, create)
}

// save writes a notification and queues its delivery, both in the
// transaction of ctx.
func (o *Outreach) save(ctx context.Context, create *ent.NotificationCreate) error {
	n, err := create.Save(system(ctx))
	if err != nil {
		return err
	}
	return o.queue.InsertTx(ctx, DeliverArgs{NotificationID: string(n.ID)}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}})
}
