package auth

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"victimservices/ent/schema/viewer"
)

// Staff bearer tokens are HS256 JWTs signed with AUTH_SECRET, issued by the
// `token` subcommand. They carry the staff member's ID and role and expire.
const tokenIssuer = "victim-services"

// MinSecretLen is the shortest AUTH_SECRET accepted.
const MinSecretLen = 32

type staffClaims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

// SignStaffToken returns a bearer token for a staff member, valid for ttl from now.
func SignStaffToken(secret []byte, staffID string, role viewer.Role, now time.Time, ttl time.Duration) (string, error) {
	if len(secret) < MinSecretLen {
		return "", errors.New("auth secret shorter than 32 bytes")
	}
	claims := staffClaims{
		Role: string(role),
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    tokenIssuer,
			Subject:   staffID,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

// VerifyStaffToken returns the viewer a token speaks for, or an error when it
// is malformed, forged, expired or names an unknown role.
func VerifyStaffToken(secret []byte, token string, now time.Time) (viewer.Viewer, error) {
	var claims staffClaims
	_, err := jwt.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(tokenIssuer),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	if err != nil {
		return viewer.Viewer{}, err
	}
	v := viewer.Viewer{StaffID: claims.Subject, Role: viewer.Role(claims.Role)}
	if !v.IsStaff() {
		return viewer.Viewer{}, errors.New("unknown role")
	}
	return v, nil
}
