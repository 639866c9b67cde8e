package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"victimservices/ent"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// fieldLocale returns the locale that text under the field being resolved is
// served in: the locale argument of its root field (which applies to the
// whole subtree), else the request's Accept-Language, else English.
func fieldLocale(ctx context.Context) *locales.Locale {
	if l, ok := ctx.Value(textLocaleKey{}).(*locales.Locale); ok {
		return l
	}
	if root := rootField(ctx); root != nil {
		if v, ok := root.Args["locale"].(*string); ok && v != nil {
			return locales.Match(*v)
		}
	}
	return locales.FromContext(ctx)
}

type textLocaleKey struct{}

// withTextLocale makes a resolver load and pick text in l, whatever the
// request asked for (an intake answers in the person's preferred locale).
func withTextLocale(ctx context.Context, l *locales.Locale) context.Context {
	return context.WithValue(ctx, textLocaleKey{}, l)
}

// rootField returns the context of the root field (a field of Query,
// Mutation or Subscription) that the field being resolved sits under.
func rootField(ctx context.Context) *graphql.FieldContext {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		switch fc.Object {
		case "Query", "Mutation", "Subscription":
			if fc.Field.Field != nil {
				return fc
			}
		}
	}
	return nil
}

// servedText is the translation chosen for an object.
type servedText struct {
	Locale            string
	Name              string
	Description       *string
	MachineTranslated bool
}

// pickRow returns the first published row along the locale chain of the
// field being resolved, or false when none is published.
func pickRow[T any](ctx context.Context, rows []T, locale func(T) string, published func(T) bool) (T, bool) {
	for _, code := range fieldLocale(ctx).Chain() {
		for _, row := range rows {
			if published(row) && locale(row) == code {
				return row, true
			}
		}
	}
	var zero T
	return zero, false
}

// pick returns the served text of rows. When none is published (an object
// with no English text), it serves an empty name in the default locale
// rather than failing the whole response.
func pick[T any](ctx context.Context, rows []T, text func(T) (servedText, bool)) servedText {
	row, ok := pickRow(ctx, rows,
		func(r T) string { t, _ := text(r); return t.Locale },
		func(r T) bool { _, published := text(r); return published })
	if !ok {
		return servedText{Locale: locales.DefaultCode}
	}
	t, _ := text(row)
	return t
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func serviceText(t *ent.ServiceTranslation) (servedText, bool) {
	return servedText{t.Locale, t.Name, optional(t.Description), t.MachineTranslated}, t.Status == servicetranslation.StatusPUBLISHED
}

func organizationText(t *ent.OrganizationTranslation) (servedText, bool) {
	return servedText{t.Locale, t.Name, optional(t.Description), t.MachineTranslated}, t.Status == organizationtranslation.StatusPUBLISHED
}

func locationText(t *ent.LocationTranslation) (servedText, bool) {
	return servedText{t.Locale, t.Name, optional(t.AccessibilityNotes), t.MachineTranslated}, t.Status == locationtranslation.StatusPUBLISHED
}

// availableLocales names the eager-loaded published locales of a resource.
const availableLocales = "available"

// resourceTextColumns are what serving a guide needs (not its search text).
var resourceTextColumns = []string{
	resourcetranslation.FieldResourceID, resourcetranslation.FieldLocale, resourcetranslation.FieldStatus,
	resourcetranslation.FieldMachineTranslated, resourcetranslation.FieldUpdatedAt,
	resourcetranslation.FieldTitle, resourcetranslation.FieldSummary, resourcetranslation.FieldBody,
}

// resourceText returns the served translation of a guide (nil when it has
// no published text in the chain).
func resourceText(ctx context.Context, r *ent.Resource) *ent.ResourceTranslation {
	rows, err := r.Edges.TranslationsOrErr()
	if err != nil {
		rows, _ = r.QueryTranslations().Where(resourcetranslation.LocaleIn(fieldLocale(ctx).Chain()...)).All(ctx)
	}
	row, ok := pickRow(ctx, rows,
		func(t *ent.ResourceTranslation) string { return t.Locale },
		func(t *ent.ResourceTranslation) bool { return t.Status == resourcetranslation.StatusPUBLISHED })
	if !ok {
		return &ent.ResourceTranslation{Locale: locales.DefaultCode}
	}
	return row
}

// textOf returns the served text of a service, organization or location. The
// translations were eager-loaded with the object by textInterceptor; an object
// that did not come from a query (none do today) loads them here.
func textOf(ctx context.Context, obj any) servedText {
	switch o := obj.(type) {
	case *ent.Service:
		rows, err := o.Edges.TranslationsOrErr()
		if err != nil {
			rows, _ = o.QueryTranslations().Where(servicetranslation.LocaleIn(fieldLocale(ctx).Chain()...)).All(ctx)
		}
		return pick(ctx, rows, serviceText)
	case *ent.Organization:
		rows, err := o.Edges.TranslationsOrErr()
		if err != nil {
			rows, _ = o.QueryTranslations().Where(organizationtranslation.LocaleIn(fieldLocale(ctx).Chain()...)).All(ctx)
		}
		return pick(ctx, rows, organizationText)
	case *ent.Location:
		rows, err := o.Edges.TranslationsOrErr()
		if err != nil {
			rows, _ = o.QueryTranslations().Where(locationtranslation.LocaleIn(fieldLocale(ctx).Chain()...)).All(ctx)
		}
		return pick(ctx, rows, locationText)
	}
	return servedText{Locale: locales.DefaultCode}
}

// textInterceptor makes every query of services, organizations and locations
// made while resolving a GraphQL field (root fields, node(id:), eager-loaded
// edges) also load their published text along the field's locale chain: one
// extra statement per query, whatever the page size, and no N+1.
func textInterceptor() ent.Interceptor {
	return ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			if graphql.GetFieldContext(ctx) == nil {
				return next.Query(ctx, q)
			}
			chain := fieldLocale(ctx).Chain()
			switch q := q.(type) {
			case *ent.ServiceQuery:
				q.WithTranslations(func(tq *ent.ServiceTranslationQuery) {
					tq.Where(servicetranslation.LocaleIn(chain...), servicetranslation.StatusEQ(servicetranslation.StatusPUBLISHED))
				})
			case *ent.OrganizationQuery:
				q.WithTranslations(func(tq *ent.OrganizationTranslationQuery) {
					tq.Where(organizationtranslation.LocaleIn(chain...), organizationtranslation.StatusEQ(organizationtranslation.StatusPUBLISHED))
				})
			case *ent.ResourceQuery:
				q.WithTranslations(func(tq *ent.ResourceTranslationQuery) {
					tq.Where(resourcetranslation.LocaleIn(chain...), resourcetranslation.StatusEQ(resourcetranslation.StatusPUBLISHED)).
						Select(resourceTextColumns...)
				})
				q.WithNamedTranslations(availableLocales, func(tq *ent.ResourceTranslationQuery) {
					tq.Where(resourcetranslation.StatusEQ(resourcetranslation.StatusPUBLISHED)).
						Select(resourcetranslation.FieldResourceID, resourcetranslation.FieldLocale)
				})
			case *ent.LocationQuery:
				q.WithTranslations(func(tq *ent.LocationTranslationQuery) {
					tq.Where(locationtranslation.LocaleIn(chain...), locationtranslation.StatusEQ(locationtranslation.StatusPUBLISHED))
				})
			}
			return next.Query(ctx, q)
		})
	})
}
