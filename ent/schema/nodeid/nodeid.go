package nodeid

import (
	"crypto/rand"
	"crypto/sha256"
	"database/sql/driver"
	"encoding/base32"
	"fmt"
	"io"
	"strconv"
	"strings"

	"victimservices/ent/schema/textcheck"
)

// ID is an entity identifier: "<prefix>_<26 base32 characters>".
type ID string

var encoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// bodyLen is the length of the random part.
const bodyLen = 26

// New returns a fresh random ID with the given prefix.
func New(prefix string) ID {
	var b [20]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("nodeid: reading randomness: %v", err))
	}
	return ID(prefix + "_" + encoding.EncodeToString(b[:])[:bodyLen])
}

// Derive returns the ID that the given stable key always maps to, for
// deterministic data sets (demo data, fixtures).
func Derive(prefix, key string) ID {
	sum := sha256.Sum256([]byte(prefix + "\x00" + key))
	return ID(prefix + "_" + encoding.EncodeToString(sum[:])[:bodyLen])
}

// Prefix returns the type prefix of the ID, or "" when the ID is malformed.
func (id ID) Prefix() string {
	prefix, body, ok := strings.Cut(string(id), "_")
	if !ok || prefix == "" || len(body) != bodyLen {
		return ""
	}
	for _, c := range body {
		if !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return ""
		}
	}
	return prefix
}

// UnmarshalGQL implements graphql.Unmarshaler. A malformed ID is left for
// the lookup to miss (NOT_FOUND), but text no database can hold (a NUL byte,
// invalid UTF-8) is refused here, before it reaches one.
func (id *ID) UnmarshalGQL(v any) error {
	switch v := v.(type) {
	case string:
		*id = ID(v)
	case ID:
		*id = v
	default:
		return fmt.Errorf("an ID must be a string")
	}
	if textcheck.Valid(string(*id)) != nil {
		return textcheck.InvalidText()
	}
	return nil
}

// MarshalGQL implements graphql.Marshaler.
func (id ID) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.Quote(string(id)))
}

// Scan implements sql.Scanner. NULL, which an optional reference left out
// stores (a service without a provider), reads as the empty ID.
func (id *ID) Scan(src any) error {
	switch src := src.(type) {
	case nil:
		*id = ""
	case string:
		*id = ID(src)
	case []byte:
		*id = ID(src)
	case ID:
		*id = src
	default:
		return fmt.Errorf("nodeid: unexpected type %T", src)
	}
	return nil
}

// Value implements driver.Valuer.
func (id ID) Value() (driver.Value, error) { return string(id), nil }
