package directory

import (
	"context"
	"time"

	"victimservices/ent"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// textLocale is the locale text loaded under ctx is served in: the one
// locales.TextLocale names (a GraphQL field's, an intake's), else the
// request's Accept-Language, else English.
func textLocale(ctx context.Context) *locales.Locale {
	if l, ok := locales.TextLocale(ctx); ok {
		return l
	}
	return locales.FromContext(ctx)
}

// Text is the translation of an object chosen for the reader: its
// locale, name, description and its review.
type Text struct {
	Locale      string
	Name        string
	Description *string
	Review      Review
}

// MachineTranslated reports whether the text is a machine's that no
// person checked (the GraphQL machineTranslated, kept beside the review).
func (t Text) MachineTranslated() bool {
	return t.Review.Status == servicetranslation.ReviewStatusMACHINE
}

// pickRow returns the first published row along the locale chain of the
// field being resolved, or false when none is published.
func pickRow[T any](ctx context.Context, rows []T, locale func(T) string, published func(T) bool) (T, bool) {
	for _, code := range textLocale(ctx).Chain() {
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
func pick[T any](ctx context.Context, rows []T, text func(T) (Text, bool)) Text {
	row, ok := pickRow(ctx, rows,
		func(r T) string { t, _ := text(r); return t.Locale },
		func(r T) bool { _, published := text(r); return published })
	if !ok {
		return Text{Locale: locales.DefaultCode, Review: Review{Status: servicetranslation.ReviewStatusMACHINE}}
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

func serviceText(t *ent.ServiceTranslation) (Text, bool) {
	return Text{t.Locale, t.Name, optional(t.Description), review(t.ReviewStatus, t.ReviewedBy, t.ReviewedAt)}, t.Status == servicetranslation.StatusPUBLISHED
}

func organizationText(t *ent.OrganizationTranslation) (Text, bool) {
	return Text{t.Locale, t.Name, optional(t.Description), review(t.ReviewStatus, t.ReviewedBy, t.ReviewedAt)}, t.Status == organizationtranslation.StatusPUBLISHED
}

func locationText(t *ent.LocationTranslation) (Text, bool) {
	return Text{t.Locale, t.Name, optional(t.AccessibilityNotes), review(t.ReviewStatus, t.ReviewedBy, t.ReviewedAt)}, t.Status == locationtranslation.StatusPUBLISHED
}

// ResourceText returns the served translation of a guide (nil when it has
// no published text in the chain).
func ResourceText(ctx context.Context, r *ent.Resource) *ent.ResourceTranslation {
	rows, err := r.Edges.TranslationsOrErr()
	if err != nil {
		rows, _ = r.QueryTranslations().Where(resourcetranslation.LocaleIn(textLocale(ctx).Chain()...)).All(ctx)
	}
	row, ok := pickRow(ctx, rows,
		func(t *ent.ResourceTranslation) string { return t.Locale },
		func(t *ent.ResourceTranslation) bool { return t.Status == resourcetranslation.StatusPUBLISHED })
	if !ok {
		return &ent.ResourceTranslation{Locale: locales.DefaultCode}
	}
	return row
}

// TextOf returns the served text of a service, organization or location. The
// translations were eager-loaded with the object by textInterceptor; an object
// that did not come from a query (none do today) loads them here.
func TextOf(ctx context.Context, obj any) Text {
	switch o := obj.(type) {
	case *ent.Service:
		rows, err := o.Edges.TranslationsOrErr()
		if err != nil {
			rows, _ = o.QueryTranslations().Where(servicetranslation.LocaleIn(textLocale(ctx).Chain()...)).All(ctx)
		}
		return pick(ctx, rows, serviceText)
	case *ent.Organization:
		rows, err := o.Edges.TranslationsOrErr()
		if err != nil {
			rows, _ = o.QueryTranslations().Where(organizationtranslation.LocaleIn(textLocale(ctx).Chain()...)).All(ctx)
		}
		return pick(ctx, rows, organizationText)
	case *ent.Location:
		rows, err := o.Edges.TranslationsOrErr()
		if err != nil {
			rows, _ = o.QueryTranslations().Where(locationtranslation.LocaleIn(textLocale(ctx).Chain()...)).All(ctx)
		}
		return pick(ctx, rows, locationText)
	}
	return Text{Locale: locales.DefaultCode, Review: Review{Status: servicetranslation.ReviewStatusMACHINE}}
}

// ResourceReview is the review of a guide's served text.
func ResourceReview(t *ent.ResourceTranslation) *Review {
	r := review(t.ReviewStatus, t.ReviewedBy, t.ReviewedAt)
	return &r
}

// review is the review of a translation row of any table (they share the
// mixin's enum values).
func review[S ~string](status S, by *string, at *time.Time) Review {
	if status == "" {
		status = S(servicetranslation.ReviewStatusMACHINE)
	}
	return Review{Status: servicetranslation.ReviewStatus(status), ReviewedBy: by, ReviewedAt: at}
}
