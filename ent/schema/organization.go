package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/rule"
	"victimservices/ent/schema/slug"
	"victimservices/ent/schema/textcheck"
)

// Organization is the department itself or a partner organisation (HSDS
// organization). Its name and description live in OrganizationTranslation.
type Organization struct {
	ent.Schema
}

// Mixin gives organizations "org_" IDs.
func (Organization) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("org"), SyncMixin{}} }

// Fields of an organization.
func (Organization) Fields() []ent.Field {
	return []ent.Field{
		textcheck.MaxChars(field.String("slug").Optional().Nillable().Unique(), slug.MaxLen).Validate(validSlug).
			Comment("Stable, locale-independent name for deep links, e.g. harbor-safe-shelter. Derived from the English name when that is first saved, unless an editor gave one; never changed automatically."),
		field.String("hsds_id").Optional().Nillable().Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("The Open Referral HSDS id (a UUID) this row was imported under (import-hsds); null for rows made here, whose HSDS id is derived from the node id (see internal/hsds)."),
		field.Enum("kind").
			Values("DEPARTMENT", "PARTNER").
			Default("PARTNER").
			Annotations(entgql.Type("OrganizationKind")).
			Comment("The department itself, or a partner organisation."),
		field.String("email").
			Optional().
			Validate(validEmail).
			Comment("Public contact address."),
		textcheck.MaxChars(field.String("website").Optional(), 2048).
			Validate(validWebsite).
			Comment("Public website: an https: or http: address with a host."),
		field.JSON("phones", []phone.Phone{}).
			Optional().
			Comment("Public phone numbers, E.164 or short emergency numbers."),
		field.Int("sort_order").
			Default(0).
			Annotations(entgql.OrderField("SORT_ORDER")).
			Comment("Position in lists; lower first."),
	}
}

// Edges of an organization.
func (Organization) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("services", Service.Type).
			Comment("Services the organization provides."),
		edge.To("translations", OrganizationTranslation.Type).
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Hooks normalise phone numbers on every write.
func (Organization) Hooks() []ent.Hook { return []ent.Hook{normalizePhonesHook()} }

// Policy: editors write; everyone reads.
func (Organization) Policy() ent.Policy { return rule.DirectoryPolicy() }

// Annotations of an organization.
func (Organization) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// OrganizationTranslation is an organization's text in one locale.
type OrganizationTranslation struct {
	ent.Schema
}

// Mixin of an organization translation.
func (OrganizationTranslation) Mixin() []ent.Mixin {
	return []ent.Mixin{nodeid.Mixin("ort"), TranslationMixin{}, SearchTextMixin{Sources: []string{"name", "description"}}}
}

// Fields of an organization translation.
func (OrganizationTranslation) Fields() []ent.Field {
	return []ent.Field{
		field.String("organization_id").GoType(nodeid.ID("")).Immutable(),
		textcheck.MaxChars(field.String("name").NotEmpty(), 200),
		textcheck.MaxChars(field.Text("description").Optional(), 4000),
	}
}

// Edges of an organization translation.
func (OrganizationTranslation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("organization", Organization.Type).
			Ref("translations").Field("organization_id").Unique().Required().Immutable(),
	}
}

// Indexes: one row per organization and locale.
func (OrganizationTranslation) Indexes() []ent.Index {
	return []ent.Index{translationIndex("organization_id")}
}
