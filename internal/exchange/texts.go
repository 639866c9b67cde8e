package exchange

import (
	"context"
	"fmt"
	"time"

	"victimservices/ent"
	"victimservices/ent/location"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organization"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resource"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/schema/markdown"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// row is one translation row of any translated type, as the exchange sees it.
type row struct {
	owner     nodeid.ID
	locale    string
	fields    map[string]string
	review    string
	published bool
	updatedAt time.Time
}

// kind is a translated type: its ID prefix, the XLIFF file its units go in,
// its text fields in order and each field's validator (the schema's).
type kind struct {
	prefix, file string
	fields       []string
	validate     map[string]func(string) error
	load         func(ctx context.Context, c *ent.Client, locale ...string) ([]row, error)
	owners       func(ctx context.Context, c *ent.Client) ([]nodeid.ID, error)
	save         func(ctx context.Context, c *ent.Client, r row, rv review) error
}

// review is who the imported text is REVIEWED by, and when.
type review struct {
	by      string
	at      time.Time
	publish bool
}

func guideBody(s string) error {
	if err := resourcetranslation.BodyValidator(s); err != nil {
		return err
	}
	return markdown.Validate(s)
}

var kinds = []kind{
	{prefix: "svc", file: "directory", fields: []string{"name", "description"},
		validate: map[string]func(string) error{"name": servicetranslation.NameValidator, "description": servicetranslation.DescriptionValidator},
		load: func(ctx context.Context, c *ent.Client, locale ...string) ([]row, error) {
			ts, err := c.ServiceTranslation.Query().Where(servicetranslation.LocaleIn(locale...)).Order(ent.Asc(servicetranslation.FieldServiceID)).All(ctx)
			return mapRows(ts, func(t *ent.ServiceTranslation) row {
				return row{t.ServiceID, t.Locale, map[string]string{"name": t.Name, "description": t.Description}, string(t.ReviewStatus), t.Status == servicetranslation.StatusPUBLISHED, t.UpdatedAt}
			}), err
		},
		owners: func(ctx context.Context, c *ent.Client) ([]nodeid.ID, error) {
			return c.Service.Query().Order(ent.Asc(service.FieldSortOrder), ent.Asc(service.FieldID)).IDs(ctx)
		},
		save: func(ctx context.Context, c *ent.Client, r row, rv review) error {
			t, err := c.ServiceTranslation.Query().Where(servicetranslation.ServiceID(r.owner), servicetranslation.Locale(r.locale)).Only(ctx)
			if ent.IsNotFound(err) {
				return c.ServiceTranslation.Create().SetServiceID(r.owner).SetLocale(r.locale).SetName(r.fields["name"]).SetDescription(r.fields["description"]).
					SetStatus(servicetranslation.Status(status(rv))).SetReviewStatus(servicetranslation.ReviewStatusREVIEWED).SetReviewedBy(rv.by).SetReviewedAt(rv.at).Exec(ctx)
			}
			if err != nil {
				return err
			}
			u := t.Update().SetReviewStatus(servicetranslation.ReviewStatusREVIEWED).SetReviewedBy(rv.by).SetReviewedAt(rv.at)
			if v, ok := r.fields["name"]; ok {
				u.SetName(v)
			}
			if v, ok := r.fields["description"]; ok {
				u.SetDescription(v)
			}
			if rv.publish {
				u.SetStatus(servicetranslation.StatusPUBLISHED)
			}
			return u.Exec(ctx)
		}},
	{prefix: "org", file: "directory", fields: []string{"name", "description"},
		validate: map[string]func(string) error{"name": organizationtranslation.NameValidator, "description": organizationtranslation.DescriptionValidator},
		load: func(ctx context.Context, c *ent.Client, locale ...string) ([]row, error) {
			ts, err := c.OrganizationTranslation.Query().Where(organizationtranslation.LocaleIn(locale...)).Order(ent.Asc(organizationtranslation.FieldOrganizationID)).All(ctx)
			return mapRows(ts, func(t *ent.OrganizationTranslation) row {
				return row{t.OrganizationID, t.Locale, map[string]string{"name": t.Name, "description": t.Description}, string(t.ReviewStatus), t.Status == organizationtranslation.StatusPUBLISHED, t.UpdatedAt}
			}), err
		},
		owners: func(ctx context.Context, c *ent.Client) ([]nodeid.ID, error) {
			return c.Organization.Query().Order(ent.Asc(organization.FieldSortOrder), ent.Asc(organization.FieldID)).IDs(ctx)
		},
		save: func(ctx context.Context, c *ent.Client, r row, rv review) error {
			t, err := c.OrganizationTranslation.Query().Where(organizationtranslation.OrganizationID(r.owner), organizationtranslation.Locale(r.locale)).Only(ctx)
			if ent.IsNotFound(err) {
				return c.OrganizationTranslation.Create().SetOrganizationID(r.owner).SetLocale(r.locale).SetName(r.fields["name"]).SetDescription(r.fields["description"]).
					SetStatus(organizationtranslation.Status(status(rv))).SetReviewStatus(organizationtranslation.ReviewStatusREVIEWED).SetReviewedBy(rv.by).SetReviewedAt(rv.at).Exec(ctx)
			}
			if err != nil {
				return err
			}
			u := t.Update().SetReviewStatus(organizationtranslation.ReviewStatusREVIEWED).SetReviewedBy(rv.by).SetReviewedAt(rv.at)
			if v, ok := r.fields["name"]; ok {
				u.SetName(v)
			}
			if v, ok := r.fields["description"]; ok {
				u.SetDescription(v)
			}
			if rv.publish {
				u.SetStatus(organizationtranslation.StatusPUBLISHED)
			}
			return u.Exec(ctx)
		}},
	{prefix: "loc", file: "directory", fields: []string{"name", "accessibilityNotes"},
		validate: map[string]func(string) error{"name": locationtranslation.NameValidator, "accessibilityNotes": locationtranslation.AccessibilityNotesValidator},
		load: func(ctx context.Context, c *ent.Client, locale ...string) ([]row, error) {
			ts, err := c.LocationTranslation.Query().Where(locationtranslation.LocaleIn(locale...)).Order(ent.Asc(locationtranslation.FieldLocationID)).All(ctx)
			return mapRows(ts, func(t *ent.LocationTranslation) row {
				return row{t.LocationID, t.Locale, map[string]string{"name": t.Name, "accessibilityNotes": t.AccessibilityNotes}, string(t.ReviewStatus), t.Status == locationtranslation.StatusPUBLISHED, t.UpdatedAt}
			}), err
		},
		owners: func(ctx context.Context, c *ent.Client) ([]nodeid.ID, error) {
			return c.Location.Query().Order(ent.Asc(location.FieldID)).IDs(ctx)
		},
		save: func(ctx context.Context, c *ent.Client, r row, rv review) error {
			t, err := c.LocationTranslation.Query().Where(locationtranslation.LocationID(r.owner), locationtranslation.Locale(r.locale)).Only(ctx)
			if ent.IsNotFound(err) {
				return c.LocationTranslation.Create().SetLocationID(r.owner).SetLocale(r.locale).SetName(r.fields["name"]).SetAccessibilityNotes(r.fields["accessibilityNotes"]).
					SetStatus(locationtranslation.Status(status(rv))).SetReviewStatus(locationtranslation.ReviewStatusREVIEWED).SetReviewedBy(rv.by).SetReviewedAt(rv.at).Exec(ctx)
			}
			if err != nil {
				return err
			}
			u := t.Update().SetReviewStatus(locationtranslation.ReviewStatusREVIEWED).SetReviewedBy(rv.by).SetReviewedAt(rv.at)
			if v, ok := r.fields["name"]; ok {
				u.SetName(v)
			}
			if v, ok := r.fields["accessibilityNotes"]; ok {
				u.SetAccessibilityNotes(v)
			}
			if rv.publish {
				u.SetStatus(locationtranslation.StatusPUBLISHED)
			}
			return u.Exec(ctx)
		}},
	{prefix: "res", file: "guides", fields: []string{"title", "summary", "body"},
		validate: map[string]func(string) error{"title": resourcetranslation.TitleValidator, "summary": resourcetranslation.SummaryValidator, "body": guideBody},
		load: func(ctx context.Context, c *ent.Client, locale ...string) ([]row, error) {
			ts, err := c.ResourceTranslation.Query().Where(resourcetranslation.LocaleIn(locale...)).Order(ent.Asc(resourcetranslation.FieldResourceID)).All(ctx)
			return mapRows(ts, func(t *ent.ResourceTranslation) row {
				return row{t.ResourceID, t.Locale, map[string]string{"title": t.Title, "summary": t.Summary, "body": t.Body}, string(t.ReviewStatus), t.Status == resourcetranslation.StatusPUBLISHED, t.UpdatedAt}
			}), err
		},
		owners: func(ctx context.Context, c *ent.Client) ([]nodeid.ID, error) {
			return c.Resource.Query().Order(ent.Asc(resource.FieldSortOrder), ent.Asc(resource.FieldID)).IDs(ctx)
		},
		save: func(ctx context.Context, c *ent.Client, r row, rv review) error {
			t, err := c.ResourceTranslation.Query().Where(resourcetranslation.ResourceID(r.owner), resourcetranslation.Locale(r.locale)).Only(ctx)
			if ent.IsNotFound(err) {
				if _, ok := r.fields["title"]; !ok {
					return fmt.Errorf("a new guide text needs its title")
				}
				return c.ResourceTranslation.Create().SetResourceID(r.owner).SetLocale(r.locale).SetTitle(r.fields["title"]).SetSummary(r.fields["summary"]).SetBody(r.fields["body"]).
					SetStatus(resourcetranslation.Status(status(rv))).SetReviewStatus(resourcetranslation.ReviewStatusREVIEWED).SetReviewedBy(rv.by).SetReviewedAt(rv.at).Exec(ctx)
			}
			if err != nil {
				return err
			}
			u := t.Update().SetReviewStatus(resourcetranslation.ReviewStatusREVIEWED).SetReviewedBy(rv.by).SetReviewedAt(rv.at)
			if v, ok := r.fields["title"]; ok {
				u.SetTitle(v)
			}
			if v, ok := r.fields["summary"]; ok {
				u.SetSummary(v)
			}
			if v, ok := r.fields["body"]; ok {
				u.SetBody(v)
			}
			if rv.publish {
				u.SetStatus(resourcetranslation.StatusPUBLISHED)
			}
			return u.Exec(ctx)
		}},
}

func mapRows[T any](in []T, f func(T) row) []row {
	out := make([]row, len(in))
	for i, t := range in {
		out[i] = f(t)
	}
	return out
}

// status is the publication status of a new row: a draft an editor
// publishes, unless the import was told to publish.
func status(rv review) string {
	if rv.publish {
		return "PUBLISHED"
	}
	return "DRAFT"
}

func kindOf(prefix string) (kind, bool) {
	for _, k := range kinds {
		if k.prefix == prefix {
			return k, true
		}
	}
	return kind{}, false
}

// english is the default locale's code, the exchange's source language.
const english = locales.DefaultCode
