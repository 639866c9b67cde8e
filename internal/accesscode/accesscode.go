package accesscode

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Alphabet is the 30 characters codes are made of.
const Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"

// CodeLength is the number of characters of an access code: 12 characters of
// a 30-letter alphabet carry 58.9 bits of entropy.
const CodeLength = 12

// caseNumberLength gives 39 bits: case numbers are not secret, but must not
// be guessable or sequential.
const caseNumberLength = 8

// random returns n characters of Alphabet from crypto/rand.
func random(n int) string {
	var b strings.Builder
	max := big.NewInt(int64(len(Alphabet)))
	for range n {
		i, err := rand.Int(rand.Reader, max)
		if err != nil {
			panic(fmt.Sprintf("accesscode: reading randomness: %v", err))
		}
		b.WriteByte(Alphabet[i.Int64()])
	}
	return b.String()
}

// group formats s in groups of four separated by dashes.
func group(s string) string {
	var parts []string
	for len(s) > 4 {
		parts = append(parts, s[:4])
		s = s[4:]
	}
	return strings.Join(append(parts, s), "-")
}

// NewCode returns a fresh access code, e.g. 7KQ4-M9TX-2HBR.
func NewCode() string { return group(random(CodeLength)) }

// NewCaseNumber returns a fresh case number, e.g. VS-7KQ4-M9TX.
func NewCaseNumber() string { return "VS-" + group(random(caseNumberLength)) }

// Normalize upper-cases s and drops spaces and dashes; it returns "" when
// what is left has characters outside the alphabet.
func Normalize(s string) string {
	s = strings.ToUpper(strings.NewReplacer(" ", "", "-", "", "\t", "").Replace(s))
	for _, r := range s {
		if !strings.ContainsRune(Alphabet, r) {
			return ""
		}
	}
	return s
}

// NormalizeCaseNumber returns the canonical form of a typed case number
// (VS-XXXX-XXXX), or "" when it cannot be one.
func NormalizeCaseNumber(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "VS"), "-")
	n := Normalize(s)
	if len(n) != caseNumberLength {
		return ""
	}
	return "VS-" + group(n)
}

// Argon2id parameters: 19 MiB, two passes, one lane (the OWASP baseline);
// one check takes a few tens of milliseconds on the 2-core machine.
const (
	memoryKiB = 19 * 1024
	passes    = 2
	lanes     = 1
	keyLen    = 32
	saltLen   = 16
)

// Hasher hashes and verifies access codes. At most Concurrency hashes run at
// once, so a burst of sign-ins cannot exhaust memory (19 MiB each); the
// others wait their turn or give up with their context.
type Hasher struct {
	slots chan struct{}
	dummy string
}

// NewHasher returns a Hasher running at most concurrency hashes at once.
func NewHasher(concurrency int) *Hasher {
	h := &Hasher{slots: make(chan struct{}, max(concurrency, 1))}
	h.dummy, _ = h.hash(context.Background(), random(CodeLength))
	return h
}

// ErrMismatch means the code does not match the hash.
var ErrMismatch = errors.New("access code does not match")

// Hash returns the encoded argon2id hash of a code (normalised first).
func (h *Hasher) Hash(ctx context.Context, code string) (string, error) {
	return h.hash(ctx, Normalize(code))
}

func (h *Hasher) hash(ctx context.Context, normalized string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key, err := h.derive(ctx, normalized, salt)
	if err != nil {
		return "", err
	}
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, memoryKiB, passes, lanes,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

func (h *Hasher) derive(ctx context.Context, code string, salt []byte) ([]byte, error) {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-h.slots }()
	return argon2.IDKey([]byte(code), salt, passes, memoryKiB, lanes, keyLen), nil
}

// Verify checks code against an encoded hash. With an empty hash (an unknown
// case number) it checks against a dummy hash, so every failure takes the
// same time and says nothing about which part was wrong.
func (h *Hasher) Verify(ctx context.Context, encoded, code string) error {
	if encoded == "" {
		encoded = h.dummy
		code = "" // never matches
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return fmt.Errorf("accesscode: malformed hash")
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return fmt.Errorf("accesscode: malformed hash")
	}
	got, err := h.derive(ctx, Normalize(code), salt)
	if err != nil {
		return err
	}
	if subtle.ConstantTimeCompare(got, want) != 1 || code == "" {
		return ErrMismatch
	}
	return nil
}

// TokenPrefix marks victim session tokens (staff tokens are JWTs).
const TokenPrefix = "vst_"

// NewToken returns a session bearer token and the hash to store.
func NewToken() (token, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("accesscode: reading randomness: %v", err))
	}
	token = TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return token, TokenHash(token)
}

// TokenHash returns the stored form of a session token.
func TokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Key returns the stored form of a rate-limit key (a case number, a client
// address): a SHA-256, so no such value is stored in clear.
func Key(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])
}
