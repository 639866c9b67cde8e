package graph

import (
	"context"
	"io"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"victimservices/ent"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/textcheck"
)

// The String, Time and Cursor scalars (bound in gqlgen.yml) check every
// value a client sends, in a variable or written in the query, for every
// argument and input field, before any resolver runs: the one place inputs
// enter. (IDs are checked by nodeid.ID itself.)

// MarshalString writes a String.
func MarshalString(s string) graphql.Marshaler { return graphql.MarshalString(s) }

// UnmarshalString reads a String input and refuses text no database can
// store or search: a NUL byte, invalid UTF-8 (PostgreSQL refuses both; SQLite
// would keep them).
func UnmarshalString(v any) (string, error) {
	s, err := graphql.UnmarshalString(v)
	if err != nil {
		return "", err
	}
	if textcheck.Valid(s) != nil {
		return "", textcheck.InvalidText()
	}
	return s, nil
}

// MarshalCursor writes a page cursor (ent's encoding).
func MarshalCursor(c ent.Cursor) graphql.Marshaler { return c }

// UnmarshalCursor reads a page cursor. A cursor is opaque but client-made
// all the same: one that does not decode, or carries text no database can
// compare (a NUL byte, invalid UTF-8), is refused before it reaches a query.
func UnmarshalCursor(v any) (ent.Cursor, error) {
	var c ent.Cursor
	if err := c.UnmarshalGQL(v); err != nil || !validValue(string(c.ID)) || !validValue(c.Value) {
		return ent.Cursor{}, errcode.Input("error.invalidCursor", nil)
	}
	return c, nil
}

// validValue reports whether every string in a decoded cursor value is valid
// text.
func validValue(v any) bool {
	switch v := v.(type) {
	case string:
		return textcheck.Valid(v) == nil
	case []any:
		for _, e := range v {
			if !validValue(e) {
				return false
			}
		}
	case map[string]any:
		for k, e := range v {
			if !validValue(k) || !validValue(e) {
				return false
			}
		}
	}
	return true
}

// MarshalTime writes a Time (RFC 3339).
func MarshalTime(t time.Time) graphql.ContextMarshaler {
	m := graphql.MarshalTime(t)
	return graphql.ContextWriterFunc(func(_ context.Context, w io.Writer) error {
		m.MarshalGQL(w)
		return nil
	})
}

// UnmarshalTime reads a Time input (RFC 3339). An empty string or the zero
// instant, which gqlgen's own scalar lets through as "no time", is refused,
// naming the field: stored, it could not be read back.
func UnmarshalTime(ctx context.Context, v any) (time.Time, error) {
	t, err := graphql.UnmarshalTime(v)
	if err != nil || t.IsZero() {
		return time.Time{}, errcode.Input("error.invalidTime", map[string]any{"Field": inputName(ctx)})
	}
	return t, nil
}

// inputName is the name of the argument or input field being read.
func inputName(ctx context.Context) string {
	for pc := graphql.GetPathContext(ctx); pc != nil; pc = pc.Parent {
		if pc.Field != nil {
			return *pc.Field
		}
	}
	return ""
}
