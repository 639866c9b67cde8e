package nodeid

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"

	"victimservices/ent/schema/textcheck"
)

// Mixin gives a schema a nodeid.ID primary key with the given prefix.
func Mixin(prefix string) ent.Mixin { return idMixin{prefix: prefix} }

type idMixin struct {
	mixin.Schema
	prefix string
}

// Fields declares the id field.
func (m idMixin) Fields() []ent.Field {
	return []ent.Field{
		textcheck.MaxChars(field.String("id").GoType(ID("")), 40).
			NotEmpty().
			Immutable().
			DefaultFunc(func() ID { return New(m.prefix) }).
			Comment("Opaque, typed identifier."),
	}
}

// Annotation records the prefix so the nodetype template can map it to a table.
type Annotation struct {
	Prefix string
}

// Name implements schema.Annotation.
func (Annotation) Name() string { return "NodeID" }

// Annotations returns the prefix annotation.
func (m idMixin) Annotations() []schema.Annotation {
	return []schema.Annotation{Annotation{Prefix: m.prefix}}
}
