package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/markdown"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/rule"
	"victimservices/ent/schema/slug"
	"victimservices/ent/schema/textcheck"
)

// Resource is a guide (legal rights, court process, compensation, safety
// planning, mental health), with a stable slug for deep links. Its title,
// summary and Markdown body live in ResourceTranslation.
type Resource struct {
	ent.Schema
}

// Mixin gives resources "res_" IDs.
func (Resource) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("res"), SyncMixin{}} }

// Fields of a resource.
func (Resource) Fields() []ent.Field {
	return []ent.Field{
		textcheck.MaxChars(field.String("slug").Unique(), slug.MaxLen).Validate(validSlug).
			Comment("Stable, locale-independent identifier for deep links, e.g. going-to-court."),
		field.Enum("category").
			Values("LEGAL_RIGHTS", "COURT_PROCESS", "COMPENSATION", "RESTITUTION", "SAFETY_PLANNING", "MENTAL_HEALTH").
			Annotations(entgql.Type("ResourceCategory")),
		field.Int("sort_order").
			Default(0).
			Annotations(entgql.OrderField("SORT_ORDER")),
	}
}

// Edges of a resource.
func (Resource) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("translations", ResourceTranslation.Type).
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("revisions", ResourceRevision.Type).
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of a resource.
func (Resource) Indexes() []ent.Index {
	return []ent.Index{index.Fields("category", "sort_order")}
}

// Policy: editors write; everyone reads.
func (Resource) Policy() ent.Policy { return rule.DirectoryPolicy() }

// Annotations of a resource.
func (Resource) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// ResourceTranslation is a guide's text in one locale.
type ResourceTranslation struct {
	ent.Schema
}

// Mixin of a resource translation.
func (ResourceTranslation) Mixin() []ent.Mixin {
	return []ent.Mixin{nodeid.Mixin("rst"), TranslationMixin{}, SearchTextMixin{Sources: []string{"title", "summary", "body"}}}
}

// Fields of a resource translation.
func (ResourceTranslation) Fields() []ent.Field {
	return []ent.Field{
		field.String("resource_id").GoType(nodeid.ID("")).Immutable(),
		textcheck.MaxChars(field.String("title").NotEmpty(), 200),
		textcheck.MaxChars(field.String("summary").Optional(), 1000),
		textcheck.MaxChars(field.Text("body").NotEmpty(), 50000).
			Validate(func(s string) error {
				if err := markdown.Validate(s); err != nil {
					return errcode.Input("error.unsafeMarkdown", nil)
				}
				return nil
			}).
			Comment("Markdown without raw HTML or script links (validated on save)."),
		field.String("updated_by").Optional().
			Comment("ID of the staff member who saved this version."),
	}
}

// Edges of a resource translation.
func (ResourceTranslation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("resource", Resource.Type).
			Ref("translations").Field("resource_id").Unique().Required().Immutable(),
	}
}

// Indexes: one row per resource and locale.
func (ResourceTranslation) Indexes() []ent.Index {
	return []ent.Index{translationIndex("resource_id")}
}

// ResourceRevision is one saved version of a guide's text in one locale,
// kept when the text is edited so editors can see what changed, who changed
// it and when. Editors only.
type ResourceRevision struct {
	ent.Schema
}

// Mixin gives revisions "rvn_" IDs.
func (ResourceRevision) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("rvn")} }

// Fields of a revision.
func (ResourceRevision) Fields() []ent.Field {
	return []ent.Field{
		field.String("resource_id").GoType(nodeid.ID("")).Immutable(),
		field.String("locale").Immutable(),
		field.String("title").Immutable(),
		field.String("summary").Optional().Immutable(),
		field.Text("body").Immutable(),
		field.Enum("status").Values("DRAFT", "PUBLISHED").Immutable().
			Annotations(entgql.Type("TranslationStatus")),
		field.Bool("machine_translated").Immutable(),
		field.String("edited_by").Optional().Immutable().
			Comment("ID of the staff member who saved it (empty for the demo data)."),
		field.Time("edited_at").Default(time.Now).Immutable(),
	}
}

// Edges of a revision.
func (ResourceRevision) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("resource", Resource.Type).
			Ref("revisions").Field("resource_id").Unique().Required().Immutable(),
	}
}

// Indexes of a revision.
func (ResourceRevision) Indexes() []ent.Index {
	return []ent.Index{index.Fields("resource_id", "locale", "edited_at")}
}

// Policy: editors only, both ways.
func (ResourceRevision) Policy() ent.Policy { return rule.HiddenFromNonEditorsPolicy() }

// Annotations of a revision.
func (ResourceRevision) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
