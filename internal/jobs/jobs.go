package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"entgo.io/ent/dialect"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"victimservices/ent"
	"victimservices/internal/storage"
)

// Queue is the one River client of a process.
type Queue struct {
	client *river.Client[*sql.Tx]
	// Working reports whether this process runs workers (else it only
	// inserts).
	Working bool
}

// Config configures the queue.
type Config struct {
	// DB and Dialect are the application's database (from storage.Open).
	DB      *sql.DB
	Dialect string
	// Workers are the job kinds this process can run (see river.AddWorker).
	Workers *river.Workers
	// Periodic jobs are enqueued on their schedules by the elected leader.
	Periodic []*river.PeriodicJob
	// Work runs the workers in this process; false makes it insert-only.
	Work bool
	// MaxWorkers bounds the jobs run at once (default 4).
	MaxWorkers int
	// PollInterval is how often workers look for jobs (default 1 s).
	PollInterval time.Duration
	// MaxAttempts before a job is discarded (the dead letter; default 8:
	// with River's backoff, attempt^4 seconds, about an hour and a half).
	MaxAttempts int
	// RetryPolicy, when set, replaces River's backoff (attempt^4 seconds)
	// (tests retry at once).
	RetryPolicy river.ClientRetryPolicy
	// Logger receives the queue's own messages (default slog.Default).
	Logger *slog.Logger
}

func driver(db *sql.DB, d string) (riverdriver.Driver[*sql.Tx], error) {
	switch d {
	case dialect.Postgres:
		return riverdatabasesql.New(db), nil
	case dialect.SQLite:
		return riversqlite.New(db), nil
	}
	return nil, fmt.Errorf("jobs: no queue driver for %q", d)
}

// Migrate creates or updates River's tables in the database.
func Migrate(ctx context.Context, db *sql.DB, d string) error {
	drv, err := driver(db, d)
	if err != nil {
		return err
	}
	m, err := rivermigrate.New(drv, &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}

// New returns the queue (not yet started).
func New(cfg Config) (*Queue, error) {
	drv, err := driver(cfg.DB, cfg.Dialect)
	if err != nil {
		return nil, err
	}
	if cfg.MaxWorkers <= 0 {
		cfg.MaxWorkers = 4
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 8
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	rc := &river.Config{
		Workers:     cfg.Workers,
		PollOnly:    true,
		MaxAttempts: cfg.MaxAttempts,
		Logger:      cfg.Logger,
		RetryPolicy: cfg.RetryPolicy,
		// Kept for supervisors to see: discarded jobs are the dead letters.
		DiscardedJobRetentionPeriod: 30 * 24 * time.Hour,
		CompletedJobRetentionPeriod: 24 * time.Hour,
		JobTimeout:                  time.Minute,
	}
	if cfg.Work {
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.MaxWorkers}}
		rc.FetchPollInterval = cfg.PollInterval
		rc.FetchCooldown = min(cfg.PollInterval, 100*time.Millisecond)
		rc.PeriodicJobs = cfg.Periodic
	}
	client, err := river.NewClient(drv, rc)
	if err != nil {
		return nil, err
	}
	return &Queue{client: client, Working: cfg.Work}, nil
}

// Start runs the workers (nothing for an insert-only queue).
func (q *Queue) Start(ctx context.Context) error {
	if !q.Working {
		return nil
	}
	return q.client.Start(ctx)
}

// Stop waits for running jobs to finish (until ctx ends).
func (q *Queue) Stop(ctx context.Context) error {
	if !q.Working {
		return nil
	}
	return q.client.Stop(ctx)
}

// ErrNoTransaction is returned by InsertTx outside a transaction.
var ErrNoTransaction = errors.New("jobs: InsertTx needs the transaction of ctx")

// InsertTx enqueues a job in the ent transaction of ctx: it runs only if
// the transaction commits.
func (q *Queue) InsertTx(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) error {
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		return ErrNoTransaction
	}
	stx, err := storage.SQLTx(tx)
	if err != nil {
		return err
	}
	_, err = q.client.InsertTx(ctx, stx, args, opts)
	return err
}

// Insert enqueues a job on its own.
func (q *Queue) Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) error {
	_, err := q.client.Insert(ctx, args, opts)
	return err
}
