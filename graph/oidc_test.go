package graph_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"victimservices/graph/graphtest"
	"victimservices/graph/httpapi"
	"victimservices/internal/auth"
	"victimservices/internal/seed"
)

// jwks is an identity provider's key set served by the test.
type jwks struct {
	mu   sync.Mutex
	keys []map[string]string
	hits int
}

func (j *jwks) add(kid string, pub any) {
	j.mu.Lock()
	defer j.mu.Unlock()
	b64 := base64.RawURLEncoding
	switch k := pub.(type) {
	case *rsa.PublicKey:
		j.keys = append(j.keys, map[string]string{"kty": "RSA", "kid": kid, "alg": "RS256",
			"n": b64.EncodeToString(k.N.Bytes()), "e": b64.EncodeToString(big.NewInt(int64(k.E)).Bytes())})
	case *ecdsa.PublicKey:
		j.keys = append(j.keys, map[string]string{"kty": "EC", "kid": kid, "alg": "ES256", "crv": "P-256",
			"x": b64.EncodeToString(k.X.FillBytes(make([]byte, 32))), "y": b64.EncodeToString(k.Y.FillBytes(make([]byte, 32)))})
	}
}

func (j *jwks) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.hits++
	_ = json.NewEncoder(w).Encode(map[string]any{"keys": j.keys})
}

func idpToken(t *testing.T, method jwt.SigningMethod, key any, kid string, claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, claims)
	tok.Header["kid"] = kid
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestIdentityProviderTokens: RS256 and ES256 staff tokens from an OIDC
// provider are verified against its JWKS (refreshed for an unknown key id),
// with the role from the configured claim.
func TestIdentityProviderTokens(t *testing.T) {
	keys := &jwks{}
	idp := httptest.NewServer(keys)
	t.Cleanup(idp.Close)
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	keys.add("rsa-1", &rsaKey.PublicKey)
	s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) {
		o.OIDC = &auth.OIDC{JWKSURL: idp.URL, Issuer: "https://id.city.example", Audience: "victim-services", RoleClaim: "groups", MinRefresh: time.Millisecond}
	}))
	claims := func(role string) jwt.MapClaims {
		return jwt.MapClaims{"iss": "https://id.city.example", "aud": "victim-services", "sub": "u-123", "name": "Dana Editor",
			"groups": []string{"staff", role}, "exp": s.Now().Add(time.Hour).Unix()}
	}
	write := func(token string) string {
		resp := s.Do(t, graphtest.Request{Query: updateEmail, Header: graphtest.Bearer(token),
			Variables: map[string]any{"id": seed.ID("svc", "legal"), "email": "legal@example.org"}})
		return resp.ErrorCode()
	}
	if code := write(idpToken(t, jwt.SigningMethodRS256, rsaKey, "rsa-1", claims("editor"))); code != "" {
		t.Errorf("RS256 editor token: %q", code)
	}
	if code := write(idpToken(t, jwt.SigningMethodRS256, rsaKey, "rsa-1", claims("advocate"))); code != "FORBIDDEN" {
		t.Errorf("advocate token writing the directory: %q", code)
	}
	// Key rotation: a new key id makes the server fetch the set again.
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	keys.add("ec-2", &ecKey.PublicKey)
	if code := write(idpToken(t, jwt.SigningMethodES256, ecKey, "ec-2", claims("EDITOR"))); code != "" {
		t.Errorf("ES256 token after rotation: %q", code)
	}
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	bad := map[string]string{
		"forged":         idpToken(t, jwt.SigningMethodRS256, other, "rsa-1", claims("editor")),
		"wrong audience": idpToken(t, jwt.SigningMethodRS256, rsaKey, "rsa-1", func() jwt.MapClaims { c := claims("editor"); c["aud"] = "x"; return c }()),
		"expired":        idpToken(t, jwt.SigningMethodRS256, rsaKey, "rsa-1", func() jwt.MapClaims { c := claims("editor"); c["exp"] = s.Now().Add(-time.Minute).Unix(); return c }()),
		"no role":        idpToken(t, jwt.SigningMethodRS256, rsaKey, "rsa-1", claims("visitor")),
	}
	for name, token := range bad {
		resp := s.Do(t, graphtest.Request{Query: `{ locales { code } }`, Header: graphtest.Bearer(token)})
		if resp.Status != http.StatusUnauthorized || resp.ErrorCode() != "UNAUTHENTICATED" {
			t.Errorf("%s: %d %q", name, resp.Status, resp.ErrorCode())
		}
	}
}
