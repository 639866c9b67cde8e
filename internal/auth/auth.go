package auth

import (
	"context"
	"errors"
	"strings"
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
	ctx, err := a.Authenticate(ctx, cred)
	return ctx, true, err
}

// Credential returns the Authorization value WithCredential remembered, or "".
func Credential(ctx context.Context) string {
	cred, _ := ctx.Value(credentialKey{}).(string)
	return cred
}
