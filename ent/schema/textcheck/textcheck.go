package textcheck

import (
	"errors"
	"strings"
	"unicode/utf8"

	"entgo.io/ent/schema/field"

	"victimservices/ent/schema/errcode"
)

// Errors returned by Valid and Check.
var (
	ErrInvalid = errors.New("text must be valid UTF-8 without NUL bytes")
	ErrTooLong = errors.New("text is longer than its limit")
)

// Valid reports whether s can be stored and searched as text on every
// database: valid UTF-8 without NUL bytes.
func Valid(s string) error {
	if strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s) {
		return ErrInvalid
	}
	return nil
}

// Check reports whether s is valid text (see Valid) of at most max
// characters.
func Check(s string, max int) error {
	if err := Valid(s); err != nil {
		return err
	}
	// A rune is at least one byte: short strings need no counting.
	if len(s) > max && utf8.RuneCountInString(s) > max {
		return ErrTooLong
	}
	return nil
}

// InvalidText is the refusal of text that is not valid UTF-8 or holds a NUL
// byte, wherever it was sent.
func InvalidText() *errcode.Error { return errcode.Input("error.invalidText", nil) }

// builder is what MaxChars needs of an ent string field builder (the
// builder's type is unexported; a type parameter names it).
type builder[B any] interface {
	Descriptor() *field.Descriptor
	Validate(fn func(string) error) B
}

// MaxChars limits an ent string field to max characters and refuses invalid
// text (see Check). The column keeps max as its size, as ent's MaxLen would
// set it (PostgreSQL's varchar(n) counts characters too). A refusal is a
// BAD_USER_INPUT that names the field as the API spells it (camelCase) and
// the limit.
func MaxChars[B builder[B]](b B, max int) B {
	d := b.Descriptor()
	d.Size = max
	name := APIName(d.Name)
	return b.Validate(func(s string) error {
		switch err := Check(s, max); err {
		case nil:
			return nil
		case ErrTooLong:
			return errcode.Input("error.textTooLong", map[string]any{"Field": name, "Max": max}).OnField(name)
		default:
			return InvalidText()
		}
	})
}

// APIName is the API's (GraphQL) name of a schema field: safe_contact_times →
// safeContactTimes.
func APIName(name string) string {
	parts := strings.Split(name, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}
