package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"entgo.io/ent/privacy"
	"github.com/golang-jwt/jwt/v5"

	"victimservices/ent"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
)

// Staff bearer tokens are HS256 JWTs signed with AUTH_SECRET, issued by the
// `token` subcommand: the staff ID in sub, the account's token version in
// ver, and an expiry at most MaxTokenTTL after issue. A token is good only
// while its account exists, is not disabled and still has that token
// version; the role comes from the account, never from the token, so a
// demotion, a disabled account or a "sign out everywhere" ends earlier
// tokens at once, on every server.
const tokenIssuer = "victim-services"

// MinSecretLen is the shortest AUTH_SECRET accepted.
const MinSecretLen = 32

// DefaultMaxTokenTTL is the longest lifetime of a staff token unless
// configured otherwise (STAFF_TOKEN_MAX_TTL).
const DefaultMaxTokenTTL = 12 * time.Hour

type staffClaims struct {
	// Role is informational (the account's role at issue); never trusted.
	Role string `json:"role"`
	// Ver is the account's token version at issue.
	Ver int `json:"ver"`
	jwt.RegisteredClaims
}

// SignStaffToken returns a bearer token for a staff account at its current
// token version, valid for ttl from now.
func SignStaffToken(secret []byte, member *ent.Staff, now time.Time, ttl time.Duration) (string, error) {
	if len(secret) < MinSecretLen {
		return "", errors.New("auth secret shorter than 32 bytes")
	}
	claims := staffClaims{
		Role: member.Role.String(),
		Ver:  member.TokenVersion,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    tokenIssuer,
			Subject:   string(member.ID),
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

var errTokenRevoked = errors.New("staff token revoked, disabled account, or no such account")

// staffViewer verifies a staff token at now and returns the viewer its
// account speaks for: an error when the token is malformed, forged,
// expired, issued for longer than maxTTL, or no longer matches its account.
func staffViewer(ctx context.Context, c *ent.Client, secret []byte, token string, now time.Time, maxTTL time.Duration) (viewer.Viewer, error) {
	var claims staffClaims
	_, err := jwt.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(tokenIssuer),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	if err != nil {
		return viewer.Viewer{}, err
	}
	if claims.IssuedAt == nil || claims.ExpiresAt.Sub(claims.IssuedAt.Time) > maxTTL {
		return viewer.Viewer{}, errors.New("staff token lives longer than allowed")
	}
	return accountViewer(ctx, c, claims.Subject, &claims.Ver)
}

// accountViewer returns the viewer of the staff account id, refusing a
// missing or disabled account, or (when ver is given) a token version that
// is no longer the account's.
func accountViewer(ctx context.Context, c *ent.Client, id string, ver *int) (viewer.Viewer, error) {
	m, err := c.Staff.Get(privacy.DecisionContext(ctx, privacy.Allow), nodeid.ID(id))
	if ent.IsNotFound(err) {
		return viewer.Viewer{}, errTokenRevoked
	}
	if err != nil {
		return viewer.Viewer{}, storageError{err}
	}
	if m.DisabledAt != nil || ver != nil && *ver != m.TokenVersion {
		return viewer.Viewer{}, errTokenRevoked
	}
	v := viewer.Viewer{StaffID: string(m.ID), Role: viewer.Role(m.Role)}
	if !v.IsStaff() {
		return viewer.Viewer{}, errors.New("unknown role")
	}
	return v, nil
}

// storageError is a failure of the database while checking a token: not
// the token's fault, so it is not answered as UNAUTHENTICATED.
type storageError struct{ error }

func (e storageError) Unwrap() error { return e.error }

var errDisabled = errors.New("the staff account is disabled: an admin enables it again with enableStaff")

func errTTL(maxTTL time.Duration) error {
	return fmt.Errorf("-ttl may be at most %s (STAFF_TOKEN_MAX_TTL)", maxTTL)
}
