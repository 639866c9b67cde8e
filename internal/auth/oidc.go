package auth

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"entgo.io/ent/privacy"
	"github.com/go-jose/go-jose/v4"
	"github.com/golang-jwt/jwt/v5"

	"victimservices/ent"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/staff"
)

// OIDC verifies staff tokens issued by the city's identity provider: RS256
// or ES256 JWTs (golang-jwt) whose keys come from the provider's JWKS
// (parsed by go-jose; cached, refreshed when a token names an unknown key
// id, at most every MinRefresh). The role comes from a configurable claim;
// the staff member's record is created on first sight (found again by the
// token's subject).
type OIDC struct {
	JWKSURL   string
	Issuer    string
	Audience  string
	RoleClaim string
	Client    *http.Client
	// MinRefresh spaces JWKS fetches for unknown key ids, so tokens with
	// made-up key ids cannot hammer the provider (default 1 s).
	MinRefresh time.Duration

	mu        sync.Mutex
	keys      map[string]any
	refreshed time.Time
	staff     sync.Map // subject → staff ID
}

var errUnknownKey = errors.New("oidc: unknown key id")

// viewer verifies token and returns the staff viewer it speaks for.
func (o *OIDC) viewer(ctx context.Context, c *ent.Client, token string, now time.Time) (viewer.Viewer, error) {
	claims := jwt.MapClaims{}
	opts := []jwt.ParserOption{
		jwt.WithValidMethods([]string{"RS256", "ES256"}),
		jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(func() time.Time { return now }),
	}
	if o.Issuer != "" {
		opts = append(opts, jwt.WithIssuer(o.Issuer))
	}
	if o.Audience != "" {
		opts = append(opts, jwt.WithAudience(o.Audience))
	}
	if _, err := jwt.ParseWithClaims(token, claims, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		return o.key(ctx, kid)
	}, opts...); err != nil {
		return viewer.Viewer{}, err
	}
	role := o.role(claims)
	if !role.Valid() {
		return viewer.Viewer{}, errors.New("oidc: no known role in the token")
	}
	sub, _ := claims["sub"].(string)
	if sub == "" {
		return viewer.Viewer{}, errors.New("oidc: no subject")
	}
	id, err := o.staffID(ctx, c, sub, claims, role)
	if err != nil {
		return viewer.Viewer{}, storageError{err}
	}
	// The provider decides the role. The account here can still be
	// disabled, or signed out everywhere: tokens issued before are refused.
	m, err := c.Staff.Get(privacy.DecisionContext(ctx, privacy.Allow), nodeid.ID(id))
	if err != nil {
		return viewer.Viewer{}, storageError{err}
	}
	if m.DisabledAt != nil {
		return viewer.Viewer{}, errTokenRevoked
	}
	if m.TokensRevokedAt != nil {
		iat, err := claims.GetIssuedAt()
		if err != nil || iat == nil || !iat.After(m.TokensRevokedAt.Truncate(time.Second)) {
			return viewer.Viewer{}, errTokenRevoked
		}
	}
	return viewer.Viewer{StaffID: id, Role: role}, nil
}

// role reads the first known role from the role claim (a string or a list;
// case-insensitive).
func (o *OIDC) role(claims jwt.MapClaims) viewer.Role {
	name := o.RoleClaim
	if name == "" {
		name = "roles"
	}
	var values []string
	switch v := claims[name].(type) {
	case string:
		values = strings.Fields(strings.ReplaceAll(v, ",", " "))
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				values = append(values, s)
			}
		}
	}
	for _, v := range values {
		if r := viewer.Role(strings.ToUpper(v)); r.Valid() {
			return r
		}
	}
	return ""
}

// staffID finds or creates the staff record of a subject.
func (o *OIDC) staffID(ctx context.Context, c *ent.Client, sub string, claims jwt.MapClaims, role viewer.Role) (string, error) {
	if id, ok := o.staff.Load(sub); ok {
		return id.(string), nil
	}
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	m, err := c.Staff.Query().Where(staff.ExternalID(sub)).Only(sys)
	if ent.IsNotFound(err) {
		name, _ := claims["name"].(string)
		if name == "" {
			name, _ = claims["preferred_username"].(string)
		}
		sum := sha256.Sum256([]byte(sub))
		name = strings.TrimSpace(name + " (" + hex.EncodeToString(sum[:3]) + ")")
		create := c.Staff.Create().SetName(name).SetRole(staff.Role(role)).SetExternalID(sub)
		if email, _ := claims["email"].(string); email != "" && validEmail(email) {
			create.SetEmail(email)
		}
		m, err = create.Save(sys)
	}
	if err != nil {
		return "", err
	}
	o.staff.Store(sub, string(m.ID))
	return string(m.ID), nil
}

func validEmail(s string) bool { return strings.Count(s, "@") == 1 && !strings.ContainsAny(s, " <>") }

// key returns the verification key with id kid, refreshing the JWKS when it
// is unknown (no more often than MinRefresh).
func (o *OIDC) key(ctx context.Context, kid string) (any, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if k, ok := o.keys[kid]; ok {
		return k, nil
	}
	every := o.MinRefresh
	if every == 0 {
		every = time.Second
	}
	if time.Since(o.refreshed) < every && o.keys != nil {
		return nil, errUnknownKey
	}
	keys, err := o.fetch(ctx)
	o.refreshed = time.Now()
	if err != nil {
		return nil, err
	}
	o.keys = keys
	if k, ok := keys[kid]; ok {
		return k, nil
	}
	return nil, errUnknownKey
}

// fetch reads the JWKS.
func (o *OIDC) fetch(ctx context.Context) (map[string]any, error) {
	client := o.Client
	if client == nil {
		client = &http.Client{Timeout: 5 * time.Second}
	}
	req, err := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodGet, o.JWKSURL, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("oidc: JWKS answered %d", resp.StatusCode)
	}
	// The key set is parsed by go-jose (RFC 7517): only public RSA and
	// P-256 keys meant for signatures are kept.
	var set jose.JSONWebKeySet
	if err := json.NewDecoder(http.MaxBytesReader(nil, resp.Body, 1<<20)).Decode(&set); err != nil {
		return nil, err
	}
	keys := map[string]any{}
	for _, k := range set.Keys {
		if !k.Valid() || !k.IsPublic() || k.Use != "" && k.Use != "sig" {
			continue
		}
		switch pub := k.Key.(type) {
		case *rsa.PublicKey:
			keys[k.KeyID] = pub
		case *ecdsa.PublicKey:
			if pub.Curve == elliptic.P256() {
				keys[k.KeyID] = pub
			}
		}
	}
	return keys, nil
}
