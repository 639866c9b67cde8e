package graph

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"victimservices/ent"
	"victimservices/ent/predicate"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/service"
	"victimservices/locales"
)

// db returns the transaction of the current mutation (entgql.Transactioner
// opens one per mutation), or the client outside mutations.
func (r *Resolver) db(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return r.client
}

// Lists are in display order, then by ID so pages are stable.
var (
	serviceOrder      = &ent.ServiceOrder{Direction: entgql.OrderDirectionAsc, Field: ent.ServiceOrderFieldSortOrder}
	organizationOrder = &ent.OrganizationOrder{Direction: entgql.OrderDirectionAsc, Field: ent.OrganizationOrderFieldSortOrder}
)

// sortServices puts eager-loaded services in display order.
func sortServices(rows []*ent.Service) []*ent.Service {
	slices.SortFunc(rows, func(a, b *ent.Service) int {
		return cmp.Or(cmp.Compare(a.SortOrder, b.SortOrder), cmp.Compare(a.ID, b.ID))
	})
	return rows
}

// sortByID puts eager-loaded rows in a stable order.
func sortByID[T any](rows []T, id func(T) nodeid.ID) []T {
	slices.SortFunc(rows, func(a, b T) int { return cmp.Compare(id(a), id(b)) })
	return rows
}

// setOrClear applies an optional text input: nil leaves the field as it is,
// "" clears it, anything else sets it.
func setOrClear[T any](v *string, set func(string) T, clear func() T) {
	switch {
	case v == nil:
	case *v == "":
		clear()
	default:
		set(*v)
	}
}

// deliveredIn matches services delivered in the language tag or its base
// language (the languages column is a JSON array of BCP 47 tags).
func deliveredIn(tag string) predicate.Service {
	return func(s *sql.Selector) {
		var ors []*sql.Predicate
		for _, t := range languageFilter(tag) {
			ors = append(ors, sqljson.ValueContains(service.FieldLanguages, t))
		}
		s.Where(sql.Or(ors...))
	}
}

// servicesOpen returns the IDs of the services of q that are (open=true) or
// are not open at the request's instant. Opening hours are computed, not stored, so this reads
// the ID and hours of every candidate (one statement, no text) and the caller
// pages over the result.
func servicesOpen(ctx context.Context, q *ent.ServiceQuery, open bool) ([]nodeid.ID, error) {
	var rows []struct {
		ID    nodeid.ID      `json:"id"`
		Hours scheduleColumn `json:"hours"`
	}
	if err := q.Select(service.FieldID, service.FieldHours).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	ids := []nodeid.ID{}
	for _, row := range rows {
		if hoursAt(ctx, hours.Schedule(row.Hours)).Open == open {
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

var resourceOrder = &ent.ResourceOrder{Direction: entgql.OrderDirectionAsc, Field: ent.ResourceOrderFieldSortOrder}

// requireEditor refuses callers who may not edit the directory and content.
func requireEditor(ctx context.Context) error {
	v := viewer.FromContext(ctx)
	switch {
	case !v.IsStaff():
		return errUnauthenticated
	case !v.CanEditDirectory():
		return errForbidden
	}
	return nil
}

// direction is the writing direction of a locale.
func direction(code string) TextDirection {
	if l, ok := locales.ByCode(code); ok && l.RTL {
		return TextDirectionRtl
	}
	return TextDirectionLtr
}

// publishedLocales lists the locales of translation rows in supported order.
func publishedLocales(rows []*ent.ResourceTranslation) []*string {
	have := map[string]bool{}
	for _, r := range rows {
		have[r.Locale] = true
	}
	out := []*string{}
	for _, l := range locales.Supported {
		if have[l.Code] {
			code := l.Code
			out = append(out, &code)
		}
	}
	return out
}

// hoursAt is the state of a schedule at the request's instant; it records
// the next opening or closing, so no cache keeps the answer past it.
func hoursAt(ctx context.Context, s hours.Schedule) hours.Status {
	st := s.At(instant(ctx))
	cacheBoundary(stateFrom(ctx), st.NextChange())
	return st
}
