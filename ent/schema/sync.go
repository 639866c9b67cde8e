package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/privacy"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"

	"victimservices/ent/schema/nodeid"
)

// SyncMixin gives a public directory or guide entity updated_at, the
// instant anything an offline app keeps of it last changed: its own fields
// (on every update, by ent's update default) and its text in any locale or
// the places it is linked to (touched by internal/storage's sync hook).
// Lists filter on it with modifiedAfter.
type SyncMixin struct {
	mixin.Schema
}

// Fields of the mixin.
func (SyncMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("updated_at").
			Default(time.Now).
			UpdateDefault(time.Now).
			// Rows that existed before the column get the migration's instant.
			Annotations(entsql.Default("CURRENT_TIMESTAMP")).
			Comment("When the item or its text in any locale last changed (for offline sync)."),
	}
}

// Indexes of the mixin: modifiedAfter is a range scan.
func (SyncMixin) Indexes() []ent.Index {
	return []ent.Index{index.Fields("updated_at")}
}

// Tombstone records that a service, organization, location or guide was
// deleted, so an offline app that synced it learns to drop it
// (removedSince). Written by internal/storage's sync hook in the deleting
// transaction; only ids and instants, nothing of what was deleted.
type Tombstone struct {
	ent.Schema
}

// Mixin gives tombstones "tmb_" IDs.
func (Tombstone) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("tmb")} }

// Fields of a tombstone.
func (Tombstone) Fields() []ent.Field {
	return []ent.Field{
		field.String("item_id").GoType(nodeid.ID("")).Immutable().
			Comment("ID of the deleted item (svc_…, org_…, loc_…, res_…)."),
		field.Enum("kind").Values("SERVICE", "ORGANIZATION", "LOCATION", "RESOURCE").Immutable().
			Comment("What the item was."),
		field.Time("removed_at").Default(time.Now).Immutable().
			Comment("When it was deleted."),
	}
}

// Indexes of a tombstone: removedSince is a range scan.
func (Tombstone) Indexes() []ent.Index {
	return []ent.Index{index.Fields("removed_at")}
}

// Policy: anyone may read (ids of deleted public items); only the storage
// hook writes, with a system decision.
func (Tombstone) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Annotations keep tombstones out of GraphQL's generated types.
func (Tombstone) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
