package storage

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	entgo "entgo.io/ent"

	"victimservices/ent"
)

// The total counts of lists (a connection's totalCount: how many services,
// guides, partners there are; how many cases an advocate has) are kept per
// client, so a page does not count the whole list on every request (a
// count grows with the data; the page should not). Counts come in two
// families, each forgotten on its own kind of change:
//
//   - public lists (WithCountKey): until the next change of public data:
//     one written through this process forgets them all when it commits
//     (publicChangeHook), one written by another process when its
//     notification arrives (ForgetCounts, called by the directory watcher);
//   - case lists (WithCaseCountKey): until the next write of a case: one
//     through this process at its commit (caseChangeHook), one through
//     another when its case notification arrives (ForgetCaseCounts, called
//     by the case watcher: every change through the cases domain, intake
//     included, notifies).
//
// Either is also forgotten at most CountTTL after it was read, for a
// writer that notifies no one (a command-line import on the embedded
// database, the retention job's erasure). Only queries whose resolver
// named their filters are kept: a filter that depends on the clock or the
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

// countFamily names a family of kept counts.
type countFamily int

const (
	publicCounts countFamily = iota
	caseCounts
)

type cacheOf struct {
	client *ent.Client
	family countFamily
}

var countCaches sync.Map // cacheOf → *countCache

func countsOf(client *ent.Client, family countFamily) *countCache {
	v, _ := countCaches.LoadOrStore(cacheOf{client, family}, &countCache{entries: map[string]countEntry{}})
	return v.(*countCache)
}

// ForgetCounts drops the kept counts of client's public lists (another
// process changed public data).
func ForgetCounts(client *ent.Client) { countsOf(client, publicCounts).forget() }

// ForgetCaseCounts drops the kept counts of client's case lists (another
// process changed a case).
func ForgetCaseCounts(client *ent.Client) { countsOf(client, caseCounts).forget() }

func (c *countCache) forget() {
	c.mu.Lock()
	c.version++
	clear(c.entries)
	c.mu.Unlock()
}

// CountKey is a kept count's key made of parts (the list's name, the
// viewer's class, each filter): a nil pointer is "-", another pointer its
// value, separated by "|".
func CountKey(parts ...any) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('|')
		}
		v := reflect.ValueOf(p)
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				b.WriteByte('-')
				continue
			}
			v = v.Elem()
		}
		fmt.Fprintf(&b, "%v", v.Interface())
	}
	return b.String()
}

type countKey struct{ family countFamily }

// WithCountKey marks the count query of a public list run under ctx (a
// connection's totalCount) as cacheable under key, which must name the
// list and every filter and the viewer's class (editors see inactive
// services).
func WithCountKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, countKey{publicCounts}, key)
}

// WithCaseCountKey marks the count query of a case list run under ctx as
// cacheable under key, which must name every filter and the viewer whose
// cases the privacy rules let it count (the staff member and role).
func WithCaseCountKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, countKey{caseCounts}, key)
}

// countInterceptor answers a keyed count of family from the cache, or
// counts and keeps it under the version seen before counting (a change
// committed meanwhile leaves it unused).
func countInterceptor(client *ent.Client, family countFamily) ent.Interceptor {
	cache := countsOf(client, family)
	return ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			key, ok := ctx.Value(countKey{family}).(string)
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
