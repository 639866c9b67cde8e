package cases

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"victimservices/ent"
	"victimservices/ent/schema/errcode"
	"victimservices/internal/accesscode"
	"victimservices/internal/notify"
)

// Cases is the case domain over one database client.
type Cases struct {
	client   *ent.Client
	hasher   *accesscode.Hasher
	notifier *notify.Hub
	clock    func() time.Time
	log      *slog.Logger

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
	return &Cases{client: cfg.Client, hasher: cfg.Hasher, notifier: cfg.Notifier, clock: cfg.Clock, log: cfg.Logger}
}

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
