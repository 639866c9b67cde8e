package storage

import (
	"context"
	"slices"

	"victimservices/ent"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// AvailableLocales names the eager-loaded published locales of a resource.
const AvailableLocales = "available"

// resourceTextColumns are what serving a guide needs (not its search text).
var resourceTextColumns = []string{
	resourcetranslation.FieldResourceID, resourcetranslation.FieldLocale, resourcetranslation.FieldStatus,
	resourcetranslation.FieldReviewStatus, resourcetranslation.FieldReviewedBy, resourcetranslation.FieldReviewedAt,
	resourcetranslation.FieldUpdatedAt,
	resourcetranslation.FieldTitle, resourcetranslation.FieldSummary, resourcetranslation.FieldBody,
}

// serviceTextColumns and organizationTextColumns are every column of their
// translations but the search text (folded name and description, as long
// again as both, read only by search's SQL).
var (
	serviceTextColumns = slices.DeleteFunc(slices.Clone(servicetranslation.Columns),
		func(c string) bool { return c == servicetranslation.FieldSearchText })
	organizationTextColumns = slices.DeleteFunc(slices.Clone(organizationtranslation.Columns),
		func(c string) bool { return c == organizationtranslation.FieldSearchText })
)

// textInterceptor makes every query of services, organizations, locations
// and guides made while serving text (locales.TextLocale: a GraphQL field,
// an intake answer) also load their published text along that locale's
// chain: one extra statement per query, whatever the page size, and no N+1.
func textInterceptor() ent.Interceptor {
	return ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			l, ok := locales.TextLocale(ctx)
			if !ok {
				return next.Query(ctx, q)
			}
			chain := l.Chain()
			switch q := q.(type) {
			case *ent.ServiceQuery:
				q.WithTranslations(func(tq *ent.ServiceTranslationQuery) {
					tq.Where(servicetranslation.LocaleIn(chain...), servicetranslation.StatusEQ(servicetranslation.StatusPUBLISHED)).
						Select(serviceTextColumns...)
				})
			case *ent.OrganizationQuery:
				q.WithTranslations(func(tq *ent.OrganizationTranslationQuery) {
					tq.Where(organizationtranslation.LocaleIn(chain...), organizationtranslation.StatusEQ(organizationtranslation.StatusPUBLISHED)).
						Select(organizationTextColumns...)
				})
			case *ent.ResourceQuery:
				q.WithTranslations(func(tq *ent.ResourceTranslationQuery) {
					tq.Where(resourcetranslation.LocaleIn(chain...), resourcetranslation.StatusEQ(resourcetranslation.StatusPUBLISHED)).
						Select(resourceTextColumns...)
				})
				q.WithNamedTranslations(AvailableLocales, func(tq *ent.ResourceTranslationQuery) {
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
