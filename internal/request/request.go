package request

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sort"
	"sync"
	"time"
)

type instantKey struct{}

// WithInstant fixes the instant every time-dependent field of one response
// uses (openNow, closesAt, nextFollowUp, the time of a change), read once
// from the injected clock.
func WithInstant(ctx context.Context, now time.Time) context.Context {
	return context.WithValue(ctx, instantKey{}, now)
}

// WithLiveClock makes Instant read the clock at each call: a websocket lives
// long, and each operation and pushed update is a response of its own.
func WithLiveClock(ctx context.Context, clock func() time.Time) context.Context {
	return context.WithValue(ctx, instantKey{}, clock)
}

// Instant returns the request's instant (the wall clock outside a request).
func Instant(ctx context.Context) time.Time {
	switch v := ctx.Value(instantKey{}).(type) {
	case time.Time:
		return v
	case func() time.Time:
		return v()
	}
	return time.Now()
}

type idKey struct{}

// WithID returns ctx carrying the request id.
func WithID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, idKey{}, id)
}

// ID returns the request's id, or "".
func ID(ctx context.Context) string {
	id, _ := ctx.Value(idKey{}).(string)
	return id
}

// NewID returns a random request id.
func NewID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

type clientKey struct{}

// WithClient returns ctx carrying the client's address.
func WithClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientKey{}, addr)
}

// Client returns the client address rate limits count against, or "".
func Client(ctx context.Context) string {
	s, _ := ctx.Value(clientKey{}).(string)
	return s
}

// State is what the GraphQL layer tells the HTTP layer about a request:
// whether it failed before execution (a request error), and until when its
// public answer may be cached.
type State struct {
	mu           sync.Mutex
	requestError bool
	retryAfter   int
	cacheUntil   time.Time
	languages    map[any]string
}

type stateKey struct{}

// WithState returns ctx carrying s.
func WithState(ctx context.Context, s *State) context.Context {
	return context.WithValue(ctx, stateKey{}, s)
}

func stateFrom(ctx context.Context) *State {
	s, _ := ctx.Value(stateKey{}).(*State)
	return s
}

// MarkRequestError records that the request failed before execution.
func MarkRequestError(ctx context.Context) {
	if s := stateFrom(ctx); s != nil {
		s.mu.Lock()
		s.requestError = true
		s.mu.Unlock()
	}
}

// CacheBoundary records that the answer changes at t (an opening-hours
// boundary), so no cache may keep it past then.
func CacheBoundary(ctx context.Context, t *time.Time) {
	s := stateFrom(ctx)
	if s == nil || t == nil {
		return
	}
	s.mu.Lock()
	if s.cacheUntil.IsZero() || t.Before(s.cacheUntil) {
		s.cacheUntil = *t
	}
	s.mu.Unlock()
}

// MarkUnavailable records that the request was refused before execution
// because the server is busy: retry after seconds.
func MarkUnavailable(ctx context.Context, seconds int) {
	MarkRequestError(ctx)
	if s := stateFrom(ctx); s != nil {
		s.mu.Lock()
		s.retryAfter = seconds
		s.mu.Unlock()
	}
}

// Unavailable reports the retry delay in seconds of a request refused as
// busy (MarkUnavailable), 0 for any other.
func (s *State) Unavailable() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.retryAfter
}

// RequestError reports whether the request failed before execution.
func (s *State) RequestError() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requestError
}

// CacheUntil returns the earliest boundary recorded (zero when none).
func (s *State) CacheUntil() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cacheUntil
}

type servedFieldKey struct{}

// WithServedField returns ctx resolving the root field that ServedLanguage
// records under as field, so the domain below can say which locale its
// answer is written in (ServedIn) without knowing the field.
func WithServedField(ctx context.Context, field any) context.Context {
	return context.WithValue(ctx, servedFieldKey{}, field)
}

// ServedIn records that the answer of the root field being resolved is
// written in the locale code, whatever the request asked for: the domain
// fixed it (an urgent intake speaks the person's preferredLocale).
func ServedIn(ctx context.Context, code string) {
	if field := ctx.Value(servedFieldKey{}); field != nil {
		ServedLanguage(ctx, field, code)
	}
}

// ServedLanguage records that the part of the answer under field (a root
// field, as the GraphQL layer identifies it) is written in the locale code,
// for the Content-Language header. A later call for the same field wins:
// the error of a field may be written in a locale the domain fixed.
func ServedLanguage(ctx context.Context, field any, code string) {
	s := stateFrom(ctx)
	if s == nil || code == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.languages == nil {
		s.languages = map[any]string{}
	}
	s.languages[field] = code
}

// Languages returns the locale codes recorded by ServedLanguage, each once,
// sorted (none when nothing was executed).
func (s *State) Languages() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for _, code := range s.languages {
		if !seen[code] {
			seen[code] = true
			out = append(out, code)
		}
	}
	sort.Strings(out)
	return out
}
