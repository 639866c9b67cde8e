package area

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"victimservices/ent/schema/textcheck"
)

// Kind is what an area is. The values are the GraphQL ServiceAreaKind enum.
type Kind string

// The kinds of area.
const (
	KindPostalCode   Kind = "POSTAL_CODE"
	KindNeighborhood Kind = "NEIGHBORHOOD"
)

// Limits of what one service stores.
const (
	MaxAreas   = 200
	MaxNameLen = 100
)

// ErrInvalid is returned for a malformed ZIP code, an empty or overlong
// neighbourhood name, an unknown kind or too many areas.
var ErrInvalid = errors.New("invalid service area")

// Area is one area a service serves.
type Area struct {
	Kind Kind   `json:"kind"`
	Name string `json:"name"`
}

// Coverage is what a service stores: its ZIP codes and its neighbourhoods,
// each sorted and without duplicates (see Normalize).
type Coverage struct {
	PostalCodes   []string `json:"postalCodes,omitempty"`
	Neighborhoods []string `json:"neighborhoods,omitempty"`
}

var zip = regexp.MustCompile(`^[0-9]{5}(-[0-9]{4})?$`)

// PostalCode returns a five-digit US ZIP code from s (spaces trimmed; a
// ZIP+4 keeps its first five digits), or ErrInvalid.
func PostalCode(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !zip.MatchString(s) {
		return "", ErrInvalid
	}
	return s[:5], nil
}

// FromAreas checks and normalises areas into the stored form.
func FromAreas(areas []Area) (Coverage, error) {
	var c Coverage
	for _, a := range areas {
		switch a.Kind {
		case KindPostalCode:
			c.PostalCodes = append(c.PostalCodes, a.Name)
		case KindNeighborhood:
			c.Neighborhoods = append(c.Neighborhoods, a.Name)
		default:
			return Coverage{}, ErrInvalid
		}
	}
	return c, c.Normalize()
}

// Normalize checks c and puts it in the stored form: ZIP codes five digits,
// neighbourhood names trimmed, both sorted and without duplicates
// (neighbourhoods compared without regard to case).
func (c *Coverage) Normalize() error {
	if len(c.PostalCodes)+len(c.Neighborhoods) > MaxAreas {
		return ErrInvalid
	}
	codes := make([]string, 0, len(c.PostalCodes))
	for _, p := range c.PostalCodes {
		z, err := PostalCode(p)
		if err != nil {
			return err
		}
		codes = append(codes, z)
	}
	slices.Sort(codes)
	names := make([]string, 0, len(c.Neighborhoods))
	for _, n := range c.Neighborhoods {
		n = strings.Join(strings.Fields(n), " ")
		if n == "" || len([]rune(n)) > MaxNameLen || textcheck.Valid(n) != nil {
			return ErrInvalid
		}
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	c.PostalCodes = slices.Compact(codes)
	c.Neighborhoods = slices.CompactFunc(names, strings.EqualFold)
	if len(c.PostalCodes) == 0 {
		c.PostalCodes = nil
	}
	if len(c.Neighborhoods) == 0 {
		c.Neighborhoods = nil
	}
	return nil
}

// Areas lists c as areas: the neighbourhoods, then the ZIP codes.
func (c Coverage) Areas() []*Area {
	out := make([]*Area, 0, len(c.PostalCodes)+len(c.Neighborhoods))
	for _, n := range c.Neighborhoods {
		out = append(out, &Area{Kind: KindNeighborhood, Name: n})
	}
	for _, p := range c.PostalCodes {
		out = append(out, &Area{Kind: KindPostalCode, Name: p})
	}
	return out
}

// MarshalGQL implements graphql.Marshaler (the ServiceAreaKind enum).
func (k Kind) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(k))) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (k *Kind) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || (Kind(s) != KindPostalCode && Kind(s) != KindNeighborhood) {
		return fmt.Errorf("not a valid ServiceAreaKind")
	}
	*k = Kind(s)
	return nil
}
