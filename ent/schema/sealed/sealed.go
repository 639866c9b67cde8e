package sealed

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"entgo.io/ent/schema/field"
)

// Keyring holds the keys: Current seals, every key opens.
type Keyring struct {
	current string
	order   []string // key ids, the current first
	aeads   map[string]cipher.AEAD
	lookups map[string][]byte // the blind index key derived from each key
}

const prefix = "sealed:v1:"

// DevelopmentKeys is the built-in key of development and tests: it is in
// the source, so it protects nothing; production refuses it.
const DevelopmentKeys = "dev:ZGV2ZWxvcG1lbnQta2V5LW5vdC1hLXNlY3JldC0zMmI="

// ParseKeys reads ENCRYPTION_KEYS: "id2:<base64 of 32 bytes>,id1:<…>",
// the first one current.
func ParseKeys(spec string) (*Keyring, error) {
	k := &Keyring{aeads: map[string]cipher.AEAD{}, lookups: map[string][]byte{}}
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, b64, ok := strings.Cut(part, ":")
		if !ok || id == "" || strings.ContainsAny(id, ": ") {
			return nil, errors.New("ENCRYPTION_KEYS: each key is id:<base64 of 32 bytes>")
		}
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || len(raw) != 32 {
			return nil, fmt.Errorf("ENCRYPTION_KEYS: key %q is not the base64 of 32 bytes", id)
		}
		if _, dup := k.aeads[id]; dup {
			return nil, fmt.Errorf("ENCRYPTION_KEYS: key id %q appears twice", id)
		}
		block, err := aes.NewCipher(raw)
		if err != nil {
			return nil, err
		}
		aead, err := cipher.NewGCM(block)
		if err != nil {
			return nil, err
		}
		k.aeads[id] = aead
		k.order = append(k.order, id)
		mac := hmac.New(sha256.New, raw)
		mac.Write([]byte("victimservices lookup key"))
		k.lookups[id] = mac.Sum(nil)
		if k.current == "" {
			k.current = id
		}
	}
	if k.current == "" {
		return nil, errors.New("ENCRYPTION_KEYS: no key")
	}
	return k, nil
}

// Current is the id of the key that seals.
func (k *Keyring) Current() string { return k.current }

var keyring atomic.Pointer[Keyring]

func init() {
	k, err := ParseKeys(DevelopmentKeys)
	if err != nil {
		panic(err)
	}
	keyring.Store(k)
}

// Use makes k the process's keyring.
func Use(k *Keyring) { keyring.Store(k) }

// InUse is the process's keyring.
func InUse() *Keyring { return keyring.Load() }

// Seal encrypts plain under the current key ("" stays "").
func Seal(plain string) (string, error) {
	if plain == "" {
		return "", nil
	}
	k := keyring.Load()
	aead := k.aeads[k.current]
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	out := aead.Seal(nonce, nonce, []byte(plain), []byte(k.current))
	return prefix + k.current + ":" + base64.RawStdEncoding.EncodeToString(out), nil
}

// ErrUnknownKey is a value sealed under a key the keyring does not hold.
var ErrUnknownKey = errors.New("sealed: the value was sealed under a key not in ENCRYPTION_KEYS")

// Open decrypts a sealed value; a value that is not sealed (written before
// encryption, until rotate-keys seals it) is returned as it is.
func Open(stored string) (string, error) {
	rest, ok := strings.CutPrefix(stored, prefix)
	if !ok {
		return stored, nil
	}
	id, b64, ok := strings.Cut(rest, ":")
	if !ok {
		return "", errors.New("sealed: a malformed sealed value")
	}
	aead := keyring.Load().aeads[id]
	if aead == nil {
		return "", fmt.Errorf("%w (key id %q)", ErrUnknownKey, id)
	}
	raw, err := base64.RawStdEncoding.DecodeString(b64)
	if err != nil || len(raw) < aead.NonceSize() {
		return "", errors.New("sealed: a malformed sealed value")
	}
	plain, err := aead.Open(nil, raw[:aead.NonceSize()], raw[aead.NonceSize():], []byte(id))
	if err != nil {
		return "", errors.New("sealed: a sealed value does not open (tampered, or the wrong key under its id)")
	}
	return string(plain), nil
}

// KeyOf is the id of the key a stored value was sealed under ("" for an
// empty or unsealed value).
func KeyOf(stored string) string {
	rest, ok := strings.CutPrefix(stored, prefix)
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(rest, ":")
	return id
}

// Lookup is the blind index of plain under the current key ("" stays
// ""): what is stored beside a sealed value.
func Lookup(plain string) string {
	k := keyring.Load()
	return lookup(k.lookups[k.current], plain)
}

// Lookups are the blind indexes of plain under every key of the keyring,
// the current first: a search matches rows written under an older key that
// rotate-keys has not reached yet.
func Lookups(plain string) []string {
	k := keyring.Load()
	out := make([]string, len(k.order))
	for i, id := range k.order {
		out[i] = lookup(k.lookups[id], plain)
	}
	return out
}

func lookup(key []byte, plain string) string {
	if plain == "" {
		return ""
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(plain))
	return base64.RawStdEncoding.EncodeToString(mac.Sum(nil))
}

// Field is the value scanner the schema attaches to a sealed string
// column.
var Field = field.ValueScannerFunc[string, *sql.NullString]{
	V: func(s string) (driver.Value, error) { return Seal(s) },
	S: func(ns *sql.NullString) (string, error) {
		if !ns.Valid {
			return "", nil
		}
		return Open(ns.String)
	},
}
