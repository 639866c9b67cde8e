package directory

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/location"
	"victimservices/ent/organization"
	"victimservices/ent/resource"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/service"
	"victimservices/ent/tombstone"
)

// RemovedItem is something an offline app holds and should drop (the
// GraphQL RemovedItem).
type RemovedItem struct {
	ID        nodeid.ID      `json:"id"`
	Kind      tombstone.Kind `json:"kind"`
	RemovedAt time.Time      `json:"removedAt"`
}

// RemovedSince lists what was deleted (tombstones) or withdrawn from public
// view (services no longer ACTIVE, whose updated_at moved when their status
// did) after since, oldest first. Only ids and instants: withdrawn
// services are found with a system decision, since the public cannot see
// them, and nothing else of them is returned.
func RemovedSince(ctx context.Context, c *ent.Client, since time.Time) ([]*RemovedItem, error) {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	tombs, err := c.Tombstone.Query().Where(tombstone.RemovedAtGT(since)).All(sys)
	if err != nil {
		return nil, err
	}
	hidden, err := c.Service.Query().Where(service.StatusNEQ(service.StatusACTIVE), service.UpdatedAtGT(since)).
		Select(service.FieldID, service.FieldUpdatedAt).All(sys)
	if err != nil {
		return nil, err
	}
	out := make([]*RemovedItem, 0, len(tombs)+len(hidden))
	for _, t := range tombs {
		out = append(out, &RemovedItem{ID: t.ItemID, Kind: t.Kind, RemovedAt: t.RemovedAt})
	}
	for _, s := range hidden {
		out = append(out, &RemovedItem{ID: s.ID, Kind: tombstone.KindSERVICE, RemovedAt: s.UpdatedAt})
	}
	slices.SortFunc(out, func(a, b *RemovedItem) int {
		return cmp.Or(a.RemovedAt.Compare(b.RemovedAt), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// SyncVersion identifies the state of everything the sync document holds:
// per table (services of every status, organizations, locations, guides,
// tombstones) its row count and latest change, on the updated_at indexes.
// Every change an app could see moves one (an edit or a text in any locale
// moves updated_at, see schema.SyncMixin; a deletion adds a tombstone).
// Aggregates only: nothing of a row is returned.
func SyncVersion(ctx context.Context, c *ent.Client) (string, error) {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	h := sha256.New()
	for _, q := range []interface {
		Scan(context.Context, any) error
	}{
		c.Service.Query().Aggregate(ent.Count(), ent.Max(service.FieldUpdatedAt)),
		c.Organization.Query().Aggregate(ent.Count(), ent.Max(organization.FieldUpdatedAt)),
		c.Location.Query().Aggregate(ent.Count(), ent.Max(location.FieldUpdatedAt)),
		c.Resource.Query().Aggregate(ent.Count(), ent.Max(resource.FieldUpdatedAt)),
		c.Tombstone.Query().Aggregate(ent.Count(), ent.Max(tombstone.FieldRemovedAt)),
	} {
		var v []struct {
			Count int            `json:"count"`
			Max   sql.NullString `json:"max"` // the database's text of the instant: only compared
		}
		if err := q.Scan(sys, &v); err != nil {
			return "", err
		}
		for _, r := range v {
			fmt.Fprintf(h, "%d/%s;", r.Count, r.Max.String)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}
