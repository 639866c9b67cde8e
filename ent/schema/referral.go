package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/rule"
	"victimservices/ent/schema/textcheck"
)

// Referral sends a case to a partner organisation's service, with the
// victim's consent. It moves PROPOSED → CONSENTED → SENT → ACCEPTED |
// DECLINED → COMPLETED; withdrawing consent stops it (WITHDRAWN) from any
// step before it is finished. Without recorded consent nothing personal is
// part of it (see the GraphQL Referral.sharedWithPartner).
type Referral struct {
	ent.Schema
}

// Mixin gives referrals "ref_" IDs.
func (Referral) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("ref")} }

// Fields of a referral.
func (Referral) Fields() []ent.Field {
	return []ent.Field{
		caseID(),
		field.String("partner_id").GoType(nodeid.ID("")).Immutable(),
		field.String("service_id").GoType(nodeid.ID("")).Optional().Nillable().Immutable(),
		textcheck.MaxChars(field.Text("reason"), 2000).Sensitive().
			Comment("Why the advocate refers the case (staff only)."),
		field.Enum("status").
			Values("PROPOSED", "CONSENTED", "SENT", "ACCEPTED", "DECLINED", "COMPLETED", "WITHDRAWN").
			Default("PROPOSED").
			Annotations(entgql.Type("ReferralStatus")),
		field.Enum("share").
			Values("NOTHING", "NAME_AND_CONTACT", "CASE_SUMMARY").
			Default("NOTHING").
			Annotations(entgql.Type("ReferralShare")).
			Comment("What the victim agreed to share with the partner."),
		field.Time("consent_given_at").Optional().Nillable(),
		field.Enum("consent_method").
			Values("SPOKEN", "WRITTEN", "IN_APP").
			Optional().Nillable().
			Annotations(entgql.Type("ConsentMethod")),
		field.Time("consent_withdrawn_at").Optional().Nillable(),
		textcheck.MaxChars(field.String("decline_reason").Optional(), 500).
			Comment("Shown to the victim: written to be safe for them to read."),
		field.Time("created_at").Default(time.Now).Immutable(),
		field.Time("updated_at").Default(time.Now),
	}
}

// Edges of a referral.
func (Referral) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("case", CaseFile.Type).Ref("referrals").Field("case_id").Unique().Required().Immutable(),
		edge.To("partner", Organization.Type).Field("partner_id").Unique().Required().Immutable(),
		edge.To("service", Service.Type).Field("service_id").Unique().Immutable(),
	}
}

// Indexes of a referral.
func (Referral) Indexes() []ent.Index {
	return []ent.Index{index.Fields("case_id", "created_at"), index.Fields("partner_id", "status")}
}

// Policy: staff as the case; the victim reads theirs and gives or
// withdraws consent on their own case.
func (Referral) Policy() ent.Policy { return rule.ReferralPolicy() }

// Annotations of a referral.
func (Referral) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
