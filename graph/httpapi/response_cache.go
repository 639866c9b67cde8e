package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"victimservices/locales"
)

// responseCache keeps public answers (anonymous GET queries) in the server,
// keyed by operation, variables and locale. An entry lives at most ttl, never
// past the next opening-hours boundary any of its fields depends on, and not
// past the next change of directory or content data in this process (other
// processes' changes are bounded by ttl).
type responseCache struct {
	entries *lru.Cache[string, cacheEntry]
	version atomic.Int64
	ttl     time.Duration
	now     func() time.Time
}

type cacheEntry struct {
	body    []byte
	etag    string
	until   time.Time
	version int64
	// gzipped compresses body once, on the first client that accepts it.
	gzipped func() []byte
}

func newResponseCache(size int, ttl time.Duration, now func() time.Time) *responseCache {
	entries, _ := lru.New[string, cacheEntry](max(size, 1))
	return &responseCache{entries: entries, ttl: ttl, now: now}
}

// key identifies a GET request's answer.
func (c *responseCache) key(r *http.Request, l *locales.Locale) string {
	q := r.URL.Query()
	h := sha256.New()
	for _, part := range []string{q.Get("query"), q.Get("operationName"), q.Get("variables"), q.Get("extensions"), l.Code} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *responseCache) get(key string) (cacheEntry, bool) {
	e, ok := c.entries.Get(key)
	if !ok || e.version != c.version.Load() || !c.now().Before(e.until) {
		return cacheEntry{}, false
	}
	return e, true
}

func (c *responseCache) put(key string, body []byte, until time.Time) {
	limit := c.now().Add(c.ttl)
	if until.IsZero() || until.After(limit) {
		until = limit
	}
	c.entries.Add(key, cacheEntry{body: body, etag: strongETag(body), until: until, version: c.version.Load(),
		gzipped: sync.OnceValue(func() []byte { return compress(body) })})
}

// invalidate forgets every entry (directory or content data changed).
func (c *responseCache) invalidate() { c.version.Add(1) }
