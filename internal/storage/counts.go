package storage

import (
	"context"
	"sync"
	"time"

	entgo "entgo.io/ent"

	"victimservices/ent"
)

// The total counts of public lists (a connection's totalCount: how many
// services, guides, partners there are) are kept per client, so a
// directory page does not count the whole directory on every request (a
// count grows with the directory; the page should not). A count is kept
// until the next change of public data: one written through this process
// forgets them all when it commits (publicChangeHook), one written by
// another process when its notification arrives (ForgetCounts, called by
// the directory watcher), and any at most CountTTL after it was read, for a
// writer that notifies no one (a command-line import on the embedded
// database). Only queries whose resolver named their filters
// (WithCountKey) are kept: a filter that depends on the clock or the
// reader's position is never cached.

// CountTTL bounds how long a kept count is served.
const CountTTL = 60 * time.Second

// maxCounts bounds the kept counts (filter combinations) per client.
const maxCounts = 1024

type countCache struct {
	mu      sync.Mutex
	version int64
	entries map[string]countEntry
}

type countEntry struct {
	n       int
	version int64
	at      time.Time
}

var countCaches sync.Map // *ent.Client → *countCache

func countsOf(client *ent.Client) *countCache {
	v, _ := countCaches.LoadOrStore(client, &countCache{entries: map[string]countEntry{}})
	return v.(*countCache)
}

// ForgetCounts drops the kept counts of client's public lists (another
// process changed public data).
func ForgetCounts(client *ent.Client) { countsOf(client).forget() }

func (c *countCache) forget() {
	c.mu.Lock()
	c.version++
	clear(c.entries)
	c.mu.Unlock()
}

type countKey struct{}

// WithCountKey marks the count query run under ctx (a connection's
// totalCount) as cacheable under key, which must name the list and every
// filter and the viewer's class (editors see inactive services).
func WithCountKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, countKey{}, key)
}

// countInterceptor answers a keyed count from the cache, or counts and
// keeps it under the version seen before counting (a change committed
// meanwhile leaves it unused).
func countInterceptor(client *ent.Client) ent.Interceptor {
	cache := countsOf(client)
	return ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			key, ok := ctx.Value(countKey{}).(string)
			if qc := entgo.QueryFromContext(ctx); !ok || qc == nil || qc.Op != entgo.OpQueryCount || ent.TxFromContext(ctx) != nil {
				return next.Query(ctx, q)
			}
			now := time.Now()
			cache.mu.Lock()
			e, hit := cache.entries[key]
			version := cache.version
			cache.mu.Unlock()
			if hit && e.version == version && now.Sub(e.at) < CountTTL {
				return e.n, nil
			}
			v, err := next.Query(ctx, q)
			if n, isInt := v.(int); err == nil && isInt {
				cache.mu.Lock()
				if cache.version == version {
					if len(cache.entries) >= maxCounts {
						clear(cache.entries)
					}
					cache.entries[key] = countEntry{n: n, version: version, at: now}
				}
				cache.mu.Unlock()
			}
			return v, err
		})
	})
}
