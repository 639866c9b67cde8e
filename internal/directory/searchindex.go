package directory

import (
	"context"
	"strings"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/searchtext"
	"victimservices/ent/servicetranslation"
)

// reindexBatch is how many translation rows BackfillSearchText reads at once.
const reindexBatch = 500

// BackfillSearchText recomputes the stored search text of every translation
// row (searchtext.Index: folded text plus its stems) and writes the rows
// whose text differs: databases folded before stemming get their stems, and
// a later change of the folding reaches old rows. It runs as the system, at
// start after migrating; once every row is current it only reads, so it is
// idempotent. The rows' updatedAt is kept (their text did not change).
func BackfillSearchText(ctx context.Context, c *ent.Client) error {
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	if err := reindex(ctx, func(after nodeid.ID) ([]*ent.ServiceTranslation, error) {
		return c.ServiceTranslation.Query().Where(servicetranslation.IDGT(after)).
			Order(ent.Asc(servicetranslation.FieldID)).Limit(reindexBatch).All(ctx)
	}, func(r *ent.ServiceTranslation) (nodeid.ID, string, string) {
		return r.ID, r.SearchText, searchtext.Index(r.Locale, joinText(r.Name, r.Description))
	}, func(r *ent.ServiceTranslation, text string) error {
		return c.ServiceTranslation.UpdateOne(r).SetSearchText(text).SetUpdatedAt(r.UpdatedAt).Exec(ctx)
	}); err != nil {
		return err
	}
	if err := reindex(ctx, func(after nodeid.ID) ([]*ent.OrganizationTranslation, error) {
		return c.OrganizationTranslation.Query().Where(organizationtranslation.IDGT(after)).
			Order(ent.Asc(organizationtranslation.FieldID)).Limit(reindexBatch).All(ctx)
	}, func(r *ent.OrganizationTranslation) (nodeid.ID, string, string) {
		return r.ID, r.SearchText, searchtext.Index(r.Locale, joinText(r.Name, r.Description))
	}, func(r *ent.OrganizationTranslation, text string) error {
		return c.OrganizationTranslation.UpdateOne(r).SetSearchText(text).SetUpdatedAt(r.UpdatedAt).Exec(ctx)
	}); err != nil {
		return err
	}
	return reindex(ctx, func(after nodeid.ID) ([]*ent.ResourceTranslation, error) {
		return c.ResourceTranslation.Query().Where(resourcetranslation.IDGT(after)).
			Order(ent.Asc(resourcetranslation.FieldID)).Limit(reindexBatch).All(ctx)
	}, func(r *ent.ResourceTranslation) (nodeid.ID, string, string) {
		return r.ID, r.SearchText, searchtext.Index(r.Locale, joinText(r.Title, r.Summary, r.Body))
	}, func(r *ent.ResourceTranslation, text string) error {
		return c.ResourceTranslation.UpdateOne(r).SetSearchText(text).SetUpdatedAt(r.UpdatedAt).Exec(ctx)
	})
}

// reindex walks one translation table in ID order, a batch at a time, and
// writes the rows whose stored search text (have) differs from want.
func reindex[T any](ctx context.Context, batch func(after nodeid.ID) ([]T, error),
	texts func(T) (id nodeid.ID, have, want string), write func(T, string) error) error {
	for after := nodeid.ID(""); ; {
		rows, err := batch(after)
		if err != nil {
			return err
		}
		for _, r := range rows {
			id, have, want := texts(r)
			if have != want {
				if err := write(r, want); err != nil {
					return err
				}
			}
			after = id
		}
		if len(rows) < reindexBatch {
			return nil
		}
	}
}

// joinText joins the source fields as the schema's SearchTextMixin does.
func joinText(parts ...string) string { return strings.Join(parts, "\n") }
