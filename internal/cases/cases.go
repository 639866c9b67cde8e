package cases

import (
	"context"

	"entgo.io/ent/privacy"
	"log/slog"
	"sync"
	"time"

	"victimservices/ent"
	"victimservices/ent/notification"
	"victimservices/ent/schema/errcode"
	"victimservices/internal/accesscode"
	"victimservices/internal/notify"
)

// Cases is the case domain over one database client.
type Cases struct {
	client   *ent.Client
	hasher   *accesscode.Hasher
	notifier *notify.Hub
	outbox   Outbox
	clock    func() time.Time
	log      *slog.Logger
	zone     string

	// watches are the periodic checks of the victim sessions with live
	// subscriptions, one per session (victim.go).
	watchMu sync.Mutex
	watches map[string]*sessionWatch
}

// Config gives Cases its dependencies.
type Config struct {
	// Client is the database client (from storage.Open).
	Client *ent.Client
	// Hasher hashes and checks access codes.
	Hasher *accesscode.Hasher
	// Notifier signals live subscriptions of changes; nil sends none.
	Notifier *notify.Hub
	// Clock is read by long-lived work outside a request's instant (live
	// subscriptions re-checking their session); default time.Now.
	Clock func() time.Time
	// Logger receives what cannot be answered to anyone (default slog.Default).
	Logger *slog.Logger
	// Outbox queues what changes tell people outside the app; nil sends
	// nothing (see internal/outreach).
	Outbox Outbox
	// TimeZone is the unit's IANA zone: a person's contact windows are in
	// it unless they give their own (default America/Chicago).
	TimeZone string
}

// Outbox queues the notifications a case change causes, in the change's
// transaction (the client c): they are sent only if it commits. cf is the
// case as the change loaded it (its preferences, its advocate).
type Outbox interface {
	// CaseChanged tells the person.
	CaseChanged(ctx context.Context, c *ent.Client, cf *ent.CaseFile, topic notification.Topic) error
	// StaffAlert tells the staff who handle the case of a step the person
	// took in the app that staff must act on.
	StaffAlert(ctx context.Context, c *ent.Client, cf *ent.CaseFile, topic notification.Topic) error
}

// New returns the case domain.
func New(cfg Config) *Cases {
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Hasher == nil {
		cfg.Hasher = accesscode.NewHasher(4)
	}
	if cfg.TimeZone == "" {
		cfg.TimeZone = DefaultTimeZone
	}
	return &Cases{client: cfg.Client, hasher: cfg.Hasher, notifier: cfg.Notifier, outbox: cfg.Outbox,
		clock: cfg.Clock, log: cfg.Logger, zone: cfg.TimeZone}
}

// DefaultTimeZone is the unit's zone unless configured (UNIT_TIME_ZONE).
const DefaultTimeZone = "America/Chicago"

// db returns the client of the transaction in ctx, or the root client.
func (s *Cases) db(ctx context.Context) *ent.Client {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return tx.Client()
	}
	return s.client
}

// inTx runs fn in the transaction of ctx, or in a new one that commits when
// fn succeeds and rolls back when it fails.
func (s *Cases) inTx(ctx context.Context, fn func(ctx context.Context, c *ent.Client) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(ctx, tx.Client())
	}
	tx, err := s.client.Tx(ctx)
	if err != nil {
		return err
	}
	ctx = ent.NewTxContext(ctx, tx)
	ctx = ent.NewContext(ctx, tx.Client())
	if err := fn(ctx, tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// systemContext is ctx past the privacy rules, for the machinery's own
// reads and writes.
func systemContext(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

// found passes a single-row read through, answering NOT_FOUND when the row
// does not exist or is not visible.
func found[T any](v T, err error) (T, error) {
	if ent.IsNotFound(err) {
		var zero T
		return zero, errcode.ErrNotFound
	}
	return v, err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
