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
// past the next change of directory or content data, in this process or (on
// PostgreSQL) any other (see notify.Hub.DirectoryChanged).
//
// An answer is stored under the version seen before it was computed, not the
// one current when it is stored: an answer that read the directory before a
// change whose signal arrived meanwhile is stale, and stored under the new
// version it would be served until ttl, past the promised second.
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
	// language is the answer's Content-Language.
	language string
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

// get returns the entry for key, or the version an answer computed from now
// on is to be stored under (put).
func (c *responseCache) get(key string) (e cacheEntry, version int64, ok bool) {
	version = c.version.Load()
	e, ok = c.entries.Get(key)
	if !ok || e.version != version || !c.now().Before(e.until) {
		return cacheEntry{}, version, false
	}
	return e, version, true
}

// put stores an answer computed after get returned version; if the data
// changed since, it is never served.
func (c *responseCache) put(key string, version int64, body []byte, until time.Time, language string) {
	limit := c.now().Add(c.ttl)
	if until.IsZero() || until.After(limit) {
		until = limit
	}
	c.entries.Add(key, cacheEntry{body: body, etag: strongETag(body), until: until, version: version, language: language,
		gzipped: sync.OnceValue(func() []byte { return compress(body) })})
}

// invalidate forgets every entry (directory or content data changed).
func (c *responseCache) invalidate() { c.version.Add(1) }
