package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/rule"
	"victimservices/ent/schema/textcheck"
)

// Location is a place where services are delivered in person (HSDS location),
// with its accessibility. Its name and accessibility notes live in
// LocationTranslation.
type Location struct {
	ent.Schema
}

// Mixin gives locations "loc_" IDs.
func (Location) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("loc"), SyncMixin{}} }

// Fields of a location.
func (Location) Fields() []ent.Field {
	return []ent.Field{
		field.String("hsds_id").Optional().Nillable().Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("The Open Referral HSDS id (a UUID) this row was imported under (import-hsds); null for rows made here, whose HSDS id is derived from the node id (see internal/hsds)."),
		textcheck.MaxChars(field.String("street").Optional(), 200),
		textcheck.MaxChars(field.String("city").Optional(), 100),
		textcheck.MaxChars(field.String("state").Optional(), 50),
		textcheck.MaxChars(field.String("postal_code").Optional(), 20),
		textcheck.MaxChars(field.String("neighborhood").Optional(), 100).
			Comment("Neighbourhood or community area, e.g. Pilsen."),
		field.Float("latitude").Optional().Nillable().Min(-90).Max(90),
		field.Float("longitude").Optional().Nillable().Min(-180).Max(180),
		field.Bool("ada_accessible").Default(false).
			Comment("Meets ADA accessibility standards."),
		field.JSON("hours", hours.Schedule{}).Optional().
			Comment("Opening hours of the location itself; null means the service's hours apply."),
		field.Bool("demo").Default(false).
			Comment("Part of the demo data set, not a real place."),
	}
}

// Edges of a location.
func (Location) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("services", Service.Type).Ref("locations"),
		edge.To("translations", LocationTranslation.Type).
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes: the bounding box of a "near" query (see directory.Locations)
// reads the coordinates through this index.
func (Location) Indexes() []ent.Index {
	return []ent.Index{index.Fields("latitude", "longitude")}
}

// Hooks validate hours on every write.
func (Location) Hooks() []ent.Hook { return []ent.Hook{validateHoursHook()} }

// Policy: editors write; everyone reads.
func (Location) Policy() ent.Policy { return rule.DirectoryPolicy() }

// Annotations of a location.
func (Location) Annotations() []schema.Annotation { return nil }

// LocationTranslation is a location's text in one locale.
type LocationTranslation struct {
	ent.Schema
}

// Mixin of a location translation.
func (LocationTranslation) Mixin() []ent.Mixin {
	return []ent.Mixin{nodeid.Mixin("lct"), TranslationMixin{}}
}

// Fields of a location translation.
func (LocationTranslation) Fields() []ent.Field {
	return []ent.Field{
		field.String("location_id").GoType(nodeid.ID("")).Immutable(),
		textcheck.MaxChars(field.String("name").NotEmpty(), 200),
		textcheck.MaxChars(field.Text("accessibility_notes").Optional(), 2000),
	}
}

// Edges of a location translation.
func (LocationTranslation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("location", Location.Type).
			Ref("translations").Field("location_id").Unique().Required().Immutable(),
	}
}

// Indexes: one row per location and locale.
func (LocationTranslation) Indexes() []ent.Index {
	return []ent.Index{translationIndex("location_id")}
}
