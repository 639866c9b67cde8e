package retention

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"entgo.io/ent/privacy"
	"github.com/riverqueue/river"

	"victimservices/ent"
	"victimservices/ent/appointment"
	"victimservices/ent/auditrecord"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/casemessage"
	"victimservices/ent/casesession"
	"victimservices/ent/courtdate"
	"victimservices/ent/feedback"
	"victimservices/ent/followup"
	"victimservices/ent/notification"
	"victimservices/ent/rateevent"
	"victimservices/ent/referral"
	"victimservices/ent/resourcerevision"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/tombstone"
	"victimservices/internal/audit"
)

// Policy is how long things are kept.
type Policy struct {
	// ClosedCases: how long after closing a case is anonymised.
	ClosedCases time.Duration
	// Sessions: how long after it expired or was revoked a victim session
	// row is deleted.
	Sessions time.Duration
	// RateEvents: how long rate-limit events are kept (far beyond their
	// one-hour window).
	RateEvents time.Duration
	// Revisions: how long a guide revision is kept, beyond the newest
	// KeepRevisions of each guide and locale, which always stay.
	Revisions time.Duration
	// Audit: how long audit records are kept (longer than the cases).
	Audit time.Duration
	// Tombstones: how long a deleted directory item is reported to
	// offline apps (removedSince); an app that last synced earlier loads
	// the whole sync document again.
	Tombstones time.Duration
}

// KeepRevisions is how many of each guide translation's revisions are
// kept whatever their age.
const KeepRevisions = 10

// DefaultPolicy is the policy unless configured (README "Retention").
var DefaultPolicy = Policy{
	ClosedCases: 3 * 365 * 24 * time.Hour,
	Sessions:    30 * 24 * time.Hour,
	RateEvents:  24 * time.Hour,
	Revisions:   365 * 24 * time.Hour,
	Audit:       7 * 365 * 24 * time.Hour,
	Tombstones:  400 * 24 * time.Hour,
}

// Report is what a run removes (or would remove), by kind.
type Report struct {
	// At is the instant the policy was applied at.
	At time.Time
	// Cases are the numbers of the closed cases anonymised.
	Cases []string
	// Counts are the rows removed or cleared by kind ("case messages",
	// "sessions", …).
	Counts map[string]int
}

func (r *Report) add(kind string, n int) { r.Counts[kind] += n }

// String is the report as the subcommand prints it: no personal data, case
// numbers only.
func (r *Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "retention at %s\n", r.At.UTC().Format(time.RFC3339))
	kinds := make([]string, 0, len(r.Counts))
	for k := range r.Counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %-28s %d\n", k, r.Counts[k])
	}
	if len(r.Cases) > 0 {
		fmt.Fprintf(&b, "  cases anonymised: %s\n", strings.Join(r.Cases, ", "))
	}
	return b.String()
}

// Run applies p at now: with dryRun it only reports (the transaction is
// rolled back), else it removes exactly what it reports and records one
// audit entry per anonymised case and one for the run.
func Run(ctx context.Context, client *ent.Client, p Policy, now time.Time, dryRun bool) (*Report, error) {
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	tx, err := client.Tx(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback() }()
	ctx = ent.NewTxContext(ctx, tx)
	c := tx.Client()
	r := &Report{At: now, Counts: map[string]int{}}
	for _, step := range []func(context.Context, *ent.Client, Policy, time.Time, *Report) error{
		closedCases, sessions, rateEvents, revisions, auditRecords, tombstones,
	} {
		if err := step(ctx, c, p, now, r); err != nil {
			return nil, err
		}
	}
	if dryRun {
		return r, nil
	}
	if err := audit.Record(ctx, c, audit.Entry{Action: "retention.run", System: true}); err != nil {
		return nil, err
	}
	return r, tx.Commit()
}

// closedCases anonymises the cases closed before the period: what the
// person told us and how to reach them go; what the KPIs count stays.
func closedCases(ctx context.Context, c *ent.Client, p Policy, now time.Time, r *Report) error {
	list, err := c.CaseFile.Query().Where(casefile.StatusEQ(casefile.StatusCLOSED), casefile.ClosedAtLT(now.Add(-p.ClosedCases)),
		casefile.AnonymizedAtIsNil()).Select(casefile.FieldID, casefile.FieldCaseNumber).All(ctx)
	if err != nil || len(list) == 0 {
		return err
	}
	ids := make([]nodeid.ID, len(list))
	for i, cf := range list {
		ids[i] = cf.ID
		r.Cases = append(r.Cases, cf.CaseNumber)
	}
	sort.Strings(r.Cases)
	r.add("cases anonymised", len(list))
	steps := []struct {
		kind string
		run  func() (int, error)
	}{
		{"case messages", func() (int, error) { return c.CaseMessage.Delete().Where(casemessage.CaseIDIn(ids...)).Exec(ctx) }},
		{"notifications", func() (int, error) { return c.Notification.Delete().Where(notification.CaseIDIn(ids...)).Exec(ctx) }},
		{"sessions", func() (int, error) { return c.CaseSession.Delete().Where(casesession.CaseIDIn(ids...)).Exec(ctx) }},
		{"history details cleared", func() (int, error) {
			return c.CaseEvent.Update().Where(caseevent.CaseIDIn(ids...), caseevent.DetailNEQ("")).SetDetail("").Save(ctx)
		}},
		{"follow-up notes cleared", func() (int, error) {
			return c.FollowUp.Update().Where(followup.CaseIDIn(ids...), followup.NoteNEQ("")).SetNote("").Save(ctx)
		}},
		{"court addresses cleared", func() (int, error) {
			return c.CourtDate.Update().Where(courtdate.CaseIDIn(ids...)).
				SetStreet("").SetCity("").SetState("").SetPostalCode("").Save(ctx)
		}},
		{"feedback comments cleared", func() (int, error) {
			return c.Feedback.Update().Where(feedback.CaseIDIn(ids...), feedback.CommentNEQ("")).SetComment("").Save(ctx)
		}},
		{"referral reasons cleared", func() (int, error) {
			return c.Referral.Update().Where(referral.CaseIDIn(ids...)).SetReason("").SetDeclineReason("").Save(ctx)
		}},
		{"appointment notes cleared", func() (int, error) {
			return c.Appointment.Update().Where(appointment.CaseIDIn(ids...), appointment.NoteNEQ("")).SetNote("").Save(ctx)
		}},
	}
	for _, s := range steps {
		n, err := s.run()
		if err != nil {
			return fmt.Errorf("%s: %w", s.kind, err)
		}
		r.add(s.kind, n)
	}
	if err := c.CaseFile.Update().Where(casefile.IDIn(ids...)).
		ClearPhone().ClearEmail().ClearSafeContactTimes().ClearDescription().ClearContactWindows().ClearTimeZone().
		SetAccessCodeHash("").SetAnonymizedAt(now).Exec(ctx); err != nil {
		return err
	}
	for _, id := range ids {
		if err := audit.Record(ctx, c, audit.Entry{Action: "retention.anonymize", CaseID: id, System: true}); err != nil {
			return err
		}
	}
	return nil
}

func sessions(ctx context.Context, c *ent.Client, p Policy, now time.Time, r *Report) error {
	cut := now.Add(-p.Sessions)
	n, err := c.CaseSession.Delete().Where(casesession.Or(casesession.ExpiresAtLT(cut), casesession.RevokedAtLT(cut))).Exec(ctx)
	r.add("sessions", n)
	return err
}

func rateEvents(ctx context.Context, c *ent.Client, p Policy, now time.Time, r *Report) error {
	n, err := c.RateEvent.Delete().Where(rateevent.AtLT(now.Add(-p.RateEvents))).Exec(ctx)
	r.add("rate events", n)
	return err
}

// revisions deletes guide revisions past the period, beyond the newest
// KeepRevisions of each guide and locale.
func revisions(ctx context.Context, c *ent.Client, p Policy, now time.Time, r *Report) error {
	list, err := c.ResourceRevision.Query().
		Select(resourcerevision.FieldID, resourcerevision.FieldResourceID, resourcerevision.FieldLocale, resourcerevision.FieldEditedAt).
		Order(ent.Desc(resourcerevision.FieldEditedAt), ent.Desc(resourcerevision.FieldID)).All(ctx)
	if err != nil {
		return err
	}
	seen := map[string]int{}
	var old []nodeid.ID
	for _, rev := range list {
		key := string(rev.ResourceID) + "/" + rev.Locale
		seen[key]++
		if seen[key] > KeepRevisions && rev.EditedAt.Before(now.Add(-p.Revisions)) {
			old = append(old, rev.ID)
		}
	}
	for len(old) > 0 {
		chunk := old[:min(len(old), 500)]
		old = old[len(chunk):]
		n, err := c.ResourceRevision.Delete().Where(resourcerevision.IDIn(chunk...)).Exec(ctx)
		if err != nil {
			return err
		}
		r.add("guide revisions", n)
	}
	return nil
}

func auditRecords(ctx context.Context, c *ent.Client, p Policy, now time.Time, r *Report) error {
	n, err := c.AuditRecord.Delete().Where(auditrecord.AtLT(now.Add(-p.Audit))).Exec(ctx)
	r.add("audit records", n)
	return err
}

// Args is the daily retention job.
type Args struct{}

// Kind names the job.
func (Args) Kind() string { return "retention.run" }

type worker struct {
	river.WorkerDefaults[Args]
	client *ent.Client
	policy Policy
	clock  func() time.Time
	log    func(*Report)
}

// Work applies the policy.
func (w *worker) Work(ctx context.Context, _ *river.Job[Args]) error {
	rep, err := Run(ctx, w.client, w.policy, w.clock(), false)
	if err == nil && w.log != nil {
		w.log(rep)
	}
	return err
}

// Register adds the retention job to workers and returns its daily
// schedule (run once at start too); report receives each run's report.
func Register(workers *river.Workers, client *ent.Client, p Policy, clock func() time.Time, report func(*Report)) *river.PeriodicJob {
	river.AddWorker(workers, &worker{client: client, policy: p, clock: clock, log: report})
	return river.NewPeriodicJob(river.PeriodicInterval(24*time.Hour),
		func() (river.JobArgs, *river.InsertOpts) { return Args{}, nil }, &river.PeriodicJobOpts{RunOnStart: true})
}

// tombstones forgets deletions older than the period.
func tombstones(ctx context.Context, c *ent.Client, p Policy, now time.Time, r *Report) error {
	n, err := c.Tombstone.Delete().Where(tombstone.RemovedAtLT(now.Add(-p.Tombstones))).Exec(ctx)
	r.add("tombstones", n)
	return err
}
