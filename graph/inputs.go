package graph

import (
	"github.com/99designs/gqlgen/graphql"

	"victimservices/ent"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/textcheck"
)

// The String and Cursor scalars (bound in gqlgen.yml) check every value a
// client sends, in a variable or written in the query, for every argument
// and input field, before any resolver runs: the one place inputs enter. (IDs are checked by nodeid.ID itself.)

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
