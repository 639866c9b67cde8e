package auth

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"victimservices/ent"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/accesscode"
	"victimservices/internal/request"
)

// Authenticator checks credentials. The zero value accepts no staff tokens.
type Authenticator struct {
	// Client looks up victim sessions and identity-provider staff records.
	Client *ent.Client
	// Secret verifies staff tokens signed by the token subcommand.
	Secret []byte
	// OIDC, when set, also accepts tokens from the city's identity provider.
	OIDC *OIDC
	// MaxTokenTTL refuses staff tokens issued for longer (default
	// DefaultMaxTokenTTL).
	MaxTokenTTL time.Duration

	recent sessionCache
}

// Authenticate returns ctx carrying the viewer of an Authorization value
// ("Bearer <token>"); an empty value is the anonymous viewer. The instant of
// ctx (package request) decides expiry. It returns errcode.ErrSessionEnded
// for an unknown, expired or revoked victim session and
// errcode.ErrUnauthenticated for any other bad token.
func (a *Authenticator) Authenticate(ctx context.Context, authorization string) (context.Context, error) {
	if authorization == "" {
		return viewer.NewContext(ctx, viewer.Viewer{}), nil
	}
	token, ok := strings.CutPrefix(authorization, "Bearer ")
	token = strings.TrimSpace(token)
	if !ok || token == "" {
		return ctx, errcode.ErrUnauthenticated
	}
	now := request.Instant(ctx)
	if strings.HasPrefix(token, accesscode.TokenPrefix) {
		v, err := victimViewer(ctx, a.Client, token, now)
		if err != nil {
			return ctx, err
		}
		return viewer.NewContext(ctx, v), nil
	}
	maxTTL := a.MaxTokenTTL
	if maxTTL <= 0 {
		maxTTL = DefaultMaxTokenTTL
	}
	v, err := staffViewer(ctx, a.Client, a.Secret, token, now, maxTTL)
	var failed storageError
	if err != nil && !errors.As(err, &failed) && a.OIDC != nil {
		v, err = a.OIDC.viewer(ctx, a.Client, token, now)
	}
	if errors.As(err, &failed) {
		return ctx, failed.error // the database's failure: INTERNAL, not the token's
	}
	if err != nil {
		return ctx, errcode.ErrUnauthenticated
	}
	return viewer.NewContext(ctx, v), nil
}

type credentialKey struct{}

// WithCredential remembers the Authorization value a long-lived connection
// authenticated with, so each of its operations can be checked again.
func WithCredential(ctx context.Context, authorization string) context.Context {
	return context.WithValue(ctx, credentialKey{}, authorization)
}

// Recheck authenticates the credential remembered by WithCredential again
// (at the instant of ctx). It reports false when ctx has none.
func (a *Authenticator) Recheck(ctx context.Context) (context.Context, bool, error) {
	cred, ok := ctx.Value(credentialKey{}).(string)
	if !ok {
		return ctx, false, nil
	}
	if v, ok := a.recent.get(cred, request.Instant(ctx)); ok {
		return viewer.NewContext(ctx, v), true, nil
	}
	ctx, err := a.Authenticate(ctx, cred)
	if err == nil {
		a.recent.put(cred, viewer.FromContext(ctx), request.Instant(ctx))
	}
	return ctx, true, err
}

// ForgetCredential drops what Recheck remembers of the credential of ctx.
func (a *Authenticator) ForgetCredential(ctx context.Context) {
	if cred, ok := ctx.Value(credentialKey{}).(string); ok {
		a.recent.drop(cred)
	}
}

// ForgetCase drops what Recheck remembers of a case's victim sessions (""
// drops everything). The case signals (package notify) call it: a session
// ended through any server is refused at once on sockets open on this one.
func (a *Authenticator) ForgetCase(caseID string) { a.recent.forget(caseID) }

// recheckFor is how long Recheck trusts a victim session it checked: a
// socket's operations and subscription events within it cost no query,
// and a revocation still reaches every server within it even if its
// signal were lost.
const recheckFor = time.Second

// sessionCache remembers victim sessions Recheck found live, briefly.
type sessionCache struct {
	mu sync.Mutex
	m  map[string]cachedSession // by token hash
}

type cachedSession struct {
	v     viewer.Viewer
	until time.Time
}

func (c *sessionCache) get(cred string, now time.Time) (viewer.Viewer, bool) {
	key, ok := victimKey(cred)
	if !ok {
		return viewer.Viewer{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	if !ok || !now.Before(e.until) {
		return viewer.Viewer{}, false
	}
	return e.v, true
}

func (c *sessionCache) put(cred string, v viewer.Viewer, now time.Time) {
	key, ok := victimKey(cred)
	if !ok || !v.IsVictim() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]cachedSession{}
	}
	for k, e := range c.m { // keep it small: drop what has expired
		if !now.Before(e.until) {
			delete(c.m, k)
		}
	}
	c.m[key] = cachedSession{v: v, until: now.Add(recheckFor)}
}

func (c *sessionCache) drop(cred string) {
	if key, ok := victimKey(cred); ok {
		c.mu.Lock()
		delete(c.m, key)
		c.mu.Unlock()
	}
}

func (c *sessionCache) forget(caseID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.m {
		if caseID == "" || e.v.CaseID == caseID {
			delete(c.m, k)
		}
	}
}

// victimKey is the cache key of a victim session credential.
func victimKey(cred string) (string, bool) {
	token, ok := strings.CutPrefix(cred, "Bearer ")
	token = strings.TrimSpace(token)
	if !ok || !strings.HasPrefix(token, accesscode.TokenPrefix) {
		return "", false
	}
	return accesscode.TokenHash(token), true
}

// Credential returns the Authorization value WithCredential remembered, or "".
func Credential(ctx context.Context) string {
	cred, _ := ctx.Value(credentialKey{}).(string)
	return cred
}
