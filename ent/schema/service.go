package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"victimservices/ent/schema/area"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/rule"
	"victimservices/ent/schema/slug"
	"victimservices/ent/schema/textcheck"
)

// Service is something the unit or a partner offers (HSDS service): victim
// advocacy, counseling referrals, legal support, the emergency line. Its name
// and description live in ServiceTranslation.
type Service struct {
	ent.Schema
}

// Mixin gives services "svc_" IDs.
func (Service) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("svc"), SyncMixin{}} }

// Fields of a service.
func (Service) Fields() []ent.Field {
	return []ent.Field{
		textcheck.MaxChars(field.String("slug").Optional().Nillable().Unique(), slug.MaxLen).Validate(validSlug).
			Comment("Stable, locale-independent name for deep links, e.g. victim-advocacy. Derived from the English name when that is first saved, unless an editor gave one; never changed automatically."),
		field.String("hsds_id").Optional().Nillable().Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("The Open Referral HSDS id (a UUID) this row was imported under (import-hsds); null for rows made here, whose HSDS id is derived from the node id (see internal/hsds)."),
		field.Enum("category").
			Values("VICTIM_ADVOCACY", "COUNSELING", "LEGAL_SUPPORT", "EMERGENCY", "SHELTER", "COMPENSATION").
			Annotations(entgql.Type("ServiceCategory")).
			Comment("What kind of help the service gives."),
		field.Enum("status").
			Values("ACTIVE", "INACTIVE").
			Default("ACTIVE").
			Annotations(entgql.Type("ServiceStatus")).
			Comment("Inactive services are hidden from the public."),
		field.String("email").
			Optional().
			Validate(validEmail),
		field.JSON("phones", []phone.Phone{}).
			Optional(),
		field.JSON("hours", hours.Schedule{}).
			Comment("Opening hours in an IANA zone."),
		field.JSON("languages", []string{}).
			Optional().
			Comment("BCP 47 tags of the languages the service is delivered in."),
		field.Int("sort_order").
			Default(0).
			Annotations(entgql.OrderField("SORT_ORDER")),
		field.Bool("national").
			Default(false).
			Comment("A national line (988, the domestic violence hotline) rather than one of the city's services."),
		field.JSON("service_area", area.Coverage{}).
			Optional().
			Comment("The ZIP codes and neighbourhoods the service serves (HSDS service_area); empty means not restricted to listed areas (the emergency line, national lines)."),
		field.String("provider_id").
			GoType(nodeid.ID("")).
			Optional(),
	}
}

// Edges of a service.
func (Service) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("provider", Organization.Type).
			Ref("services").Field("provider_id").Unique(),
		edge.To("locations", Location.Type).
			Comment("Where the service is delivered in person."),
		edge.To("translations", ServiceTranslation.Type).
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of a service.
func (Service) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "sort_order")}
}

// Hooks normalise phones and service areas and validate hours on every write.
func (Service) Hooks() []ent.Hook {
	return []ent.Hook{normalizePhonesHook(), validateHoursHook(), normalizeServiceAreaHook()}
}

// Policy: editors see inactive services and write; the public reads active ones.
func (Service) Policy() ent.Policy { return rule.ServicePolicy() }

// Annotations of a service.
func (Service) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// ServiceTranslation is a service's text in one locale.
type ServiceTranslation struct {
	ent.Schema
}

// Mixin of a service translation.
func (ServiceTranslation) Mixin() []ent.Mixin {
	return []ent.Mixin{nodeid.Mixin("svt"), TranslationMixin{}, SearchTextMixin{Sources: []string{"name", "description"}}}
}

// Fields of a service translation.
func (ServiceTranslation) Fields() []ent.Field {
	return []ent.Field{
		field.String("service_id").GoType(nodeid.ID("")).Immutable(),
		textcheck.MaxChars(field.String("name").NotEmpty(), 200),
		textcheck.MaxChars(field.Text("description").Optional(), 4000),
	}
}

// Edges of a service translation.
func (ServiceTranslation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).
			Ref("translations").Field("service_id").Unique().Required().Immutable(),
	}
}

// Indexes: one row per service and locale.
func (ServiceTranslation) Indexes() []ent.Index {
	return []ent.Index{translationIndex("service_id")}
}
