package notify

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	"github.com/lib/pq"

	"victimservices/ent"
)

// Channel is the PostgreSQL notification channel of case changes.
const Channel = "case_updates"

// DirectoryChannel is the PostgreSQL notification channel of directory and
// guide changes: every process's public answer cache forgets at once.
const DirectoryChannel = "directory_updates"

// Hub delivers signals to subscribers in this process.
type Hub struct {
	mu   sync.Mutex
	subs map[string]map[chan struct{}]struct{}
	// watchers hear of every signal (a case ID; "" for "any case may have
	// changed", after a lost connection).
	watchers []func(caseID string)
	// directory hear of every directory change, from any process.
	directory []func()

	dialect  string
	listener *pq.Listener
	log      *slog.Logger
}

// New returns a Hub. For PostgreSQL it listens on Channel with a connection
// of its own to dsn until Close.
func New(d, dsn string, log *slog.Logger) (*Hub, error) {
	h := &Hub{subs: map[string]map[chan struct{}]struct{}{}, dialect: d, log: log}
	if d != dialect.Postgres {
		return h, nil
	}
	h.listener = pq.NewListener(dsn, 100*time.Millisecond, 10*time.Second, func(ev pq.ListenerEventType, err error) {
		if err != nil {
			log.Warn("notify listener", "event", int(ev), "error", err.Error())
		}
	})
	for _, ch := range []string{Channel, DirectoryChannel} {
		if err := h.listener.Listen(ch); err != nil {
			h.listener.Close()
			return nil, err
		}
	}
	go h.forward()
	return h, nil
}

// forward passes PostgreSQL notifications to local subscribers. A nil
// notification means the connection was re-established and signals may have
// been missed, so every subscriber is woken to re-read its case.
func (h *Hub) forward() {
	for n := range h.listener.Notify {
		switch {
		case n == nil: // reconnected: anything may have changed meanwhile
			h.publishAll()
			h.directoryChanged()
		case n.Channel == DirectoryChannel:
			h.directoryChanged()
		default:
			h.publish(n.Extra)
		}
	}
}

// Close stops listening.
func (h *Hub) Close() error {
	if h.listener != nil {
		return h.listener.Close()
	}
	return nil
}

// Subscribe returns a channel that receives a signal whenever the case
// changes (signals coalesce: one pending signal at most), and a function that
// ends the subscription.
func (h *Hub) Subscribe(caseID string) (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	if h.subs[caseID] == nil {
		h.subs[caseID] = map[chan struct{}]struct{}{}
	}
	h.subs[caseID][ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs[caseID], ch)
		if len(h.subs[caseID]) == 0 {
			delete(h.subs, caseID)
		}
		h.mu.Unlock()
	}
}

// Subscribers returns the number of open subscriptions.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, s := range h.subs {
		n += len(s)
	}
	return n
}

// WatchDirectory calls f whenever directory or guide data changed, through
// this process or (on PostgreSQL) any other.
func (h *Hub) WatchDirectory(f func()) {
	h.mu.Lock()
	h.directory = append(h.directory, f)
	h.mu.Unlock()
}

func (h *Hub) directoryChanged() {
	h.mu.Lock()
	fs := append([]func(){}, h.directory...)
	h.mu.Unlock()
	for _, f := range fs {
		f()
	}
}

// DirectoryChanged tells every process that directory or guide data
// changed, from inside the transaction tx that changes it (nil: the change
// ran outside one and has committed already). On PostgreSQL it sends NOTIFY
// in tx, which PostgreSQL delivers to every listening process at commit and
// never for a rolled-back transaction; this process's watchers hear at
// commit as well, without waiting for the notification to come back, so the
// writer's next read already sees the change. On the embedded database the
// watchers hear in process at commit. Without tx the signal goes at once
// (through c on PostgreSQL).
func (h *Hub) DirectoryChanged(ctx context.Context, tx *ent.Tx, c *ent.Client) error {
	if h.dialect == dialect.Postgres {
		exec := c.ExecContext
		if tx != nil {
			exec = tx.ExecContext
		}
		if _, err := exec(ctx, "SELECT pg_notify($1, '')", DirectoryChannel); err != nil {
			return err
		}
	}
	if tx == nil {
		h.directoryChanged()
		return nil
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Commit(ctx, tx)
			if err == nil {
				h.directoryChanged()
			}
			return err
		})
	})
	return nil
}

// Watch calls f for every signal this process hears, from any process: the
// caches that must forget a case at once (a revoked session) use it.
func (h *Hub) Watch(f func(caseID string)) {
	h.mu.Lock()
	h.watchers = append(h.watchers, f)
	h.mu.Unlock()
}

func (h *Hub) tellWatchers(caseID string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, f := range h.watchers {
		f(caseID)
	}
}

func (h *Hub) publish(caseID string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, f := range h.watchers {
		f(caseID)
	}
	for ch := range h.subs[caseID] {
		select {
		case ch <- struct{}{}:
		default: // a signal is already pending
		}
	}
}

func (h *Hub) publishAll() {
	h.mu.Lock()
	for _, f := range h.watchers {
		f("")
	}
	ids := make([]string, 0, len(h.subs))
	for id := range h.subs {
		ids = append(ids, id)
	}
	h.mu.Unlock()
	for _, id := range ids {
		h.publish(id)
	}
}

// Changed signals that a case changed, from inside the transaction tx that
// changes it: through NOTIFY on PostgreSQL, on commit in process otherwise.
func (h *Hub) Changed(ctx context.Context, tx *ent.Tx, caseID string) error {
	if h.dialect == dialect.Postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_notify($1, $2)", Channel, caseID); err != nil {
			return err
		}
		// This process's watchers hear of it at commit, before the
		// notification comes back (its subscribers hear it then, once).
		tx.OnCommit(func(next ent.Committer) ent.Committer {
			return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
				err := next.Commit(ctx, tx)
				if err == nil {
					h.tellWatchers(caseID)
				}
				return err
			})
		})
		return nil
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Commit(ctx, tx)
			if err == nil {
				h.publish(caseID)
			}
			return err
		})
	})
	return nil
}
