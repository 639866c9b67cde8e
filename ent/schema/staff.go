package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/rule"
	"victimservices/ent/schema/textcheck"
)

// Staff is a member of the unit who signs in with a bearer token (created by
// the `token` subcommand).
type Staff struct {
	ent.Schema
}

// Mixin gives staff "stf_" IDs.
func (Staff) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("stf")} }

// Fields of a staff member.
func (Staff) Fields() []ent.Field {
	return []ent.Field{
		textcheck.MaxChars(field.String("name").NotEmpty(), 100).Unique().
			Comment("Work name, shown to victims for advocates."),
		field.Enum("role").
			Values("EDITOR", "ADVOCATE", "SUPERVISOR", "ADMIN").
			Annotations(entgql.Type("StaffRole")),
		field.String("phone").Optional(),
		field.String("email").Optional().Validate(validEmail),
		field.String("external_id").Optional().Nillable().Unique().Immutable().
			Comment("Subject of the identity provider's tokens, for staff who sign in through it."),
		field.Int("token_version").Default(0).NonNegative().
			Comment("Bumped to end every token issued before: a staff token is good only while its ver claim equals this."),
		field.Time("tokens_revoked_at").Optional().Nillable().
			Comment("When every token issued so far was ended (sign out everywhere, disabled): the identity provider's tokens issued before it are refused."),
		field.Time("disabled_at").Optional().Nillable().
			Comment("When an admin disabled the account: no token of a disabled account is accepted."),
		field.Time("created_at").Default(time.Now).Immutable(),
	}
}

// Edges of a staff member.
func (Staff) Edges() []ent.Edge {
	return []ent.Edge{edge.To("cases", CaseFile.Type).Comment("Cases assigned to an advocate.")}
}

// Policy: admins manage staff accounts; staff read them; a staff member may
// end their own tokens (sign out everywhere).
func (Staff) Policy() ent.Policy { return rule.StaffPolicy() }

// Annotations of a staff member.
func (Staff) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
