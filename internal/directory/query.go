package directory

import (
	"strings"

	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"golang.org/x/text/language"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"victimservices/ent"
	"victimservices/ent/organization"
	"victimservices/ent/predicate"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/service"
	"victimservices/internal/request"
	"victimservices/locales"
)

// Lists are in display order, then by ID so pages are stable.
var (
	ServiceOrder      = &ent.ServiceOrder{Direction: entgql.OrderDirectionAsc, Field: ent.ServiceOrderFieldSortOrder}
	OrganizationOrder = &ent.OrganizationOrder{Direction: entgql.OrderDirectionAsc, Field: ent.OrganizationOrderFieldSortOrder}
)

// SortServices puts eager-loaded services in display order.
func SortServices(rows []*ent.Service) []*ent.Service {
	slices.SortFunc(rows, func(a, b *ent.Service) int {
		return cmp.Or(cmp.Compare(a.SortOrder, b.SortOrder), cmp.Compare(a.ID, b.ID))
	})
	return rows
}

// SortByID puts eager-loaded rows in a stable order.
func SortByID[T any](rows []T, id func(T) nodeid.ID) []T {
	slices.SortFunc(rows, func(a, b T) int { return cmp.Compare(id(a), id(b)) })
	return rows
}

// SetOrClear applies an optional text input: nil leaves the field as it is,
// "" clears it, anything else sets it.
func SetOrClear[T any](v *string, set func(string) T, clear func() T) {
	switch {
	case v == nil:
	case *v == "":
		clear()
	default:
		set(*v)
	}
}

// DeliveredIn matches services delivered in the language tag or its base
// language (the languages column is a JSON array of BCP 47 tags).
func DeliveredIn(tag string) predicate.Service {
	return func(s *sql.Selector) {
		var ors []*sql.Predicate
		for _, t := range languageFilter(tag) {
			ors = append(ors, sqljson.ValueContains(service.FieldLanguages, t))
		}
		s.Where(sql.Or(ors...))
	}
}

// ServicesOpen returns the IDs of the services of q that are (open=true) or
// are not open at the request's request.Instant. Opening hours are computed, not stored, so this reads
// the ID and hours of every candidate (one statement, no text) and the caller
// pages over the result.
func ServicesOpen(ctx context.Context, q *ent.ServiceQuery, open bool) ([]nodeid.ID, error) {
	var rows []struct {
		ID    nodeid.ID      `json:"id"`
		Hours scheduleColumn `json:"hours"`
	}
	if err := q.Select(service.FieldID, service.FieldHours).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	ids := []nodeid.ID{}
	for _, row := range rows {
		if HoursAt(ctx, hours.Schedule(row.Hours)).Open == open {
			ids = append(ids, row.ID)
		}
	}
	return ids, nil
}

// scheduleColumn scans the JSON hours column in a raw Select.
type scheduleColumn hours.Schedule

func (s *scheduleColumn) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case string:
		b = []byte(v)
	case []byte:
		b = v
	case nil:
		return nil
	default:
		return fmt.Errorf("hours column: unexpected %T", src)
	}
	return json.Unmarshal(b, (*hours.Schedule)(s))
}

var ResourceOrder = &ent.ResourceOrder{Direction: entgql.OrderDirectionAsc, Field: ent.ResourceOrderFieldSortOrder}

// PublishedLocales lists the locales of translation rows in supported order.
func PublishedLocales(rows []*ent.ResourceTranslation) []string {
	have := map[string]bool{}
	for _, r := range rows {
		have[r.Locale] = true
	}
	out := []string{}
	for _, l := range locales.Supported {
		if have[l.Code] {
			out = append(out, l.Code)
		}
	}
	return out
}

// HoursAt is the state of a schedule at the request's request.Instant; it records
// the next opening or closing, so no cache keeps the answer past it.
func HoursAt(ctx context.Context, s hours.Schedule) hours.Status {
	st := s.At(request.Instant(ctx))
	request.CacheBoundary(ctx, st.NextChange())
	return st
}

// languageFilter returns the tags a `language` filter matches: the tag itself
// and its base language (es-MX finds services delivered in es).
func languageFilter(s string) []string {
	tag, err := language.Parse(strings.TrimSpace(s))
	if err != nil {
		return []string{s}
	}
	base, _ := tag.Base()
	if base.String() == tag.String() {
		return []string{tag.String()}
	}
	return []string{tag.String(), base.String()}
}

// OrganizationFilter selects organizations: partners only, changed after
// an instant.
type OrganizationFilter struct {
	PartnersOnly  bool
	ModifiedAfter *time.Time
}

// Organizations is the query of the organizations f selects (in
// OrganizationOrder when paged).
func Organizations(c *ent.Client, f OrganizationFilter) *ent.OrganizationQuery {
	q := c.Organization.Query()
	if f.PartnersOnly {
		q.Where(organization.KindEQ(organization.KindPARTNER))
	}
	if f.ModifiedAfter != nil {
		q.Where(organization.UpdatedAtGT(*f.ModifiedAfter))
	}
	return q
}
