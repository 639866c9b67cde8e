package directory

import (
	"context"
	"strconv"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/organization"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/schema/slug"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// Slugs of services and organizations are stable links: set by an editor,
// or derived once from the English name (when it is first saved, or by
// BackfillSlugs) and never changed automatically afterwards, so renaming a
// service keeps its links working.

// UniqueSlug returns the slug derived from name (fallback when the name has
// no Latin letters or digits) that no row has yet: the base, else base-2,
// base-3, … taken reports whether a slug is in use (one query for all
// candidates). Two editors racing for the same slug meet the unique index:
// the second gets CONFLICT.
func UniqueSlug(name, fallback string, taken func(prefix string) ([]string, error)) (string, error) {
	base := slug.From(name)
	if base == "" {
		base = fallback
	}
	used, err := taken(base)
	if err != nil {
		return "", err
	}
	in := make(map[string]bool, len(used))
	for _, s := range used {
		in[s] = true
	}
	candidate := base
	for i := 2; in[candidate]; i++ {
		candidate = base + "-" + strconv.Itoa(i)
	}
	return candidate, nil
}

// serviceSlugs lists the slugs starting with prefix, of every service:
// uniqueness is checked against rows the viewer may not see (inactive ones),
// and only the slugs are read.
func serviceSlugs(ctx context.Context, c *ent.Client) func(string) ([]string, error) {
	return func(prefix string) ([]string, error) {
		return c.Service.Query().Where(service.SlugHasPrefix(prefix)).Select(service.FieldSlug).
			Strings(privacy.DecisionContext(ctx, privacy.Allow))
	}
}

// organizationSlugs lists the slugs starting with prefix, of every organization.
func organizationSlugs(ctx context.Context, c *ent.Client) func(string) ([]string, error) {
	return func(prefix string) ([]string, error) {
		return c.Organization.Query().Where(organization.SlugHasPrefix(prefix)).Select(organization.FieldSlug).
			Strings(privacy.DecisionContext(ctx, privacy.Allow))
	}
}

// ensureServiceSlug gives s a slug from its English name unless it has one.
func ensureServiceSlug(ctx context.Context, c *ent.Client, s *ent.Service, name string) error {
	return ensureSlug(ctx, s.Slug, name, "service", serviceSlugs(ctx, c), c.Service.UpdateOneID(s.ID).SetSlug)
}

// ensureOrganizationSlug gives o a slug from its English name unless it has one.
func ensureOrganizationSlug(ctx context.Context, c *ent.Client, o *ent.Organization, name string) error {
	return ensureSlug(ctx, o.Slug, name, "organization", organizationSlugs(ctx, c), c.Organization.UpdateOneID(o.ID).SetSlug)
}

// ensureSlug stores a unique slug from name through set, unless current is
// already one.
func ensureSlug[U interface{ Exec(context.Context) error }](ctx context.Context, current *string, name, fallback string,
	taken func(string) ([]string, error), set func(string) U) error {
	if current != nil {
		return nil
	}
	v, err := UniqueSlug(name, fallback, taken)
	if err != nil {
		return err
	}
	return set(v).Exec(ctx)
}

// BackfillSlugs gives every service and organization without a slug one from
// its English name (databases from before slugs existed). It runs as the
// system, at start after migrating, and does nothing once every row has one.
func BackfillSlugs(ctx context.Context, c *ent.Client) error {
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	services, err := c.Service.Query().Where(service.SlugIsNil()).
		WithTranslations(func(q *ent.ServiceTranslationQuery) { q.Where(servicetranslation.Locale(locales.DefaultCode)) }).
		All(ctx)
	if err != nil {
		return err
	}
	for _, s := range services {
		if len(s.Edges.Translations) == 0 {
			continue // no English name yet: saving it sets the slug
		}
		if err := ensureServiceSlug(ctx, c, s, s.Edges.Translations[0].Name); err != nil {
			return err
		}
	}
	orgs, err := c.Organization.Query().Where(organization.SlugIsNil()).
		WithTranslations(func(q *ent.OrganizationTranslationQuery) {
			q.Where(organizationtranslation.Locale(locales.DefaultCode))
		}).
		All(ctx)
	if err != nil {
		return err
	}
	for _, o := range orgs {
		if len(o.Edges.Translations) == 0 {
			continue
		}
		if err := ensureOrganizationSlug(ctx, c, o, o.Edges.Translations[0].Name); err != nil {
			return err
		}
	}
	return nil
}
