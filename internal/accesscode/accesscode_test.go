package accesscode_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"victimservices/internal/accesscode"
)

func TestCodeShape(t *testing.T) {
	bits := float64(accesscode.CodeLength) * math.Log2(float64(len(accesscode.Alphabet)))
	if bits < 50 {
		t.Fatalf("access codes carry %.1f bits, want at least 50", bits)
	}
	seen := map[string]bool{}
	for range 200 {
		c := accesscode.NewCode()
		if len(c) != 14 || strings.ContainsAny(c, "01ILOU") {
			t.Fatalf("code %q has the wrong shape or ambiguous characters", c)
		}
		if seen[c] {
			t.Fatalf("code %q repeated", c)
		}
		seen[c] = true
	}
	n := accesscode.NewCaseNumber()
	if got := accesscode.NormalizeCaseNumber(strings.ToLower(strings.ReplaceAll(n, "-", " "))); got != n {
		t.Errorf("NormalizeCaseNumber(lower %q) = %q", n, got)
	}
	if got := accesscode.NormalizeCaseNumber("VS-0000-0000"); got != "" {
		t.Errorf("ambiguous characters accepted: %q", got)
	}
}

func TestHashVerify(t *testing.T) {
	h := accesscode.NewHasher(2)
	ctx := context.Background()
	code := accesscode.NewCode()
	hash, err := h.Hash(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Contains(hash, code) {
		t.Fatalf("hash %q", hash)
	}
	tests := []struct {
		name, hash, code string
		ok               bool
	}{
		{"right code", hash, code, true},
		{"lower case with spaces", hash, strings.ToLower(strings.ReplaceAll(code, "-", " ")), true},
		{"wrong code", hash, accesscode.NewCode(), false},
		{"empty code", hash, "", false},
		{"unknown case (dummy hash)", "", code, false},
		{"malformed code", hash, "!!!", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := h.Verify(ctx, tt.hash, tt.code); (err == nil) != tt.ok {
				t.Errorf("Verify = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

func BenchmarkVerify(b *testing.B) {
	h := accesscode.NewHasher(1)
	ctx := context.Background()
	hash, _ := h.Hash(ctx, "ABCD-EFGH-JKMN")
	for b.Loop() {
		_ = h.Verify(ctx, hash, "ABCD-EFGH-JKMN")
	}
}
