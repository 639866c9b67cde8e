package storage

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/location"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organization"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resource"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/ent/tombstone"
)

// syncHook keeps what offline sync reads (see schema.SyncMixin) true on
// every write through a client Open made, whatever the path (API, import,
// seed, jobs): a write to the text of a service, organization, location or
// guide in any locale touches its owner's updated_at; linking or unlinking
// services from a location or an organization touches those services; a
// deleted service, organization, location or guide leaves a tombstone. All
// in the write's own transaction, so a rolled-back write leaves no trace.
// (An item's own fields move its updated_at by ent's update default.)
func syncHook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			sys := privacy.DecisionContext(ctx, privacy.Allow)
			var after func(c *ent.Client) error
			var err error
			switch m := m.(type) {
			case *ent.ServiceTranslationMutation:
				after, err = touchOwners(sys, m, servicetranslation.FieldServiceID, func(c *ent.Client, ids []nodeid.ID) error {
					return c.Service.Update().Where(service.IDIn(ids...)).SetUpdatedAt(time.Now()).Exec(sys)
				}, func(c *ent.Client, ids []nodeid.ID) ([]nodeid.ID, error) {
					return asIDs(c.ServiceTranslation.Query().Where(servicetranslation.IDIn(ids...)).Select(servicetranslation.FieldServiceID).Strings(sys))
				})
			case *ent.OrganizationTranslationMutation:
				after, err = touchOwners(sys, m, organizationtranslation.FieldOrganizationID, func(c *ent.Client, ids []nodeid.ID) error {
					return c.Organization.Update().Where(organization.IDIn(ids...)).SetUpdatedAt(time.Now()).Exec(sys)
				}, func(c *ent.Client, ids []nodeid.ID) ([]nodeid.ID, error) {
					return asIDs(c.OrganizationTranslation.Query().Where(organizationtranslation.IDIn(ids...)).Select(organizationtranslation.FieldOrganizationID).Strings(sys))
				})
			case *ent.LocationTranslationMutation:
				after, err = touchOwners(sys, m, locationtranslation.FieldLocationID, func(c *ent.Client, ids []nodeid.ID) error {
					return c.Location.Update().Where(location.IDIn(ids...)).SetUpdatedAt(time.Now()).Exec(sys)
				}, func(c *ent.Client, ids []nodeid.ID) ([]nodeid.ID, error) {
					return asIDs(c.LocationTranslation.Query().Where(locationtranslation.IDIn(ids...)).Select(locationtranslation.FieldLocationID).Strings(sys))
				})
			case *ent.ResourceTranslationMutation:
				after, err = touchOwners(sys, m, resourcetranslation.FieldResourceID, func(c *ent.Client, ids []nodeid.ID) error {
					return c.Resource.Update().Where(resource.IDIn(ids...)).SetUpdatedAt(time.Now()).Exec(sys)
				}, func(c *ent.Client, ids []nodeid.ID) ([]nodeid.ID, error) {
					return asIDs(c.ResourceTranslation.Query().Where(resourcetranslation.IDIn(ids...)).Select(resourcetranslation.FieldResourceID).Strings(sys))
				})
			case *ent.ServiceMutation:
				after, err = tombstones(sys, m, tombstone.KindSERVICE)
			case *ent.ResourceMutation:
				after, err = tombstones(sys, m, tombstone.KindRESOURCE)
			case *ent.OrganizationMutation:
				after, err = linkedServices(sys, m, tombstone.KindORGANIZATION, func(id nodeid.ID) ([]nodeid.ID, error) {
					return m.Client().Service.Query().Where(service.ProviderID(id)).IDs(sys)
				})
			case *ent.LocationMutation:
				after, err = linkedServices(sys, m, tombstone.KindLOCATION, func(id nodeid.ID) ([]nodeid.ID, error) {
					return m.Client().Service.Query().Where(service.HasLocationsWith(location.ID(id))).IDs(sys)
				})
			}
			if err != nil {
				return nil, err
			}
			v, err := next.Mutate(ctx, m)
			if err != nil || after == nil {
				return v, err
			}
			if err := after(mutationClient(m)); err != nil {
				return nil, fmt.Errorf("offline sync bookkeeping: %w", err)
			}
			return v, nil
		})
	}
}

// syncMutation is what the hook needs of a generated mutation.
type syncMutation interface {
	ent.Mutation
	IDs(context.Context) ([]nodeid.ID, error)
}

// touchOwners returns what to do after a translation write: touch the
// owners of the rows written (the owner of a new row from the mutation, of
// existing rows read before the write, which may delete them).
func touchOwners(ctx context.Context, m syncMutation, ownerField string, touch func(*ent.Client, []nodeid.ID) error, ownersOf func(*ent.Client, []nodeid.ID) ([]nodeid.ID, error)) (func(*ent.Client) error, error) {
	var owners []nodeid.ID
	if m.Op().Is(ent.OpCreate) {
		if v, ok := m.Field(ownerField); ok {
			owners = append(owners, v.(nodeid.ID))
		}
	} else {
		ids, err := m.IDs(ctx)
		if err != nil {
			return nil, err
		}
		if len(ids) > 0 {
			if owners, err = ownersOf(mutationClient(m), ids); err != nil {
				return nil, err
			}
		}
	}
	if len(owners) == 0 {
		return nil, nil
	}
	slices.Sort(owners)
	owners = slices.Compact(owners)
	if tx := mutationTx(m); tx != nil && reflect.TypeOf(tx.DialectTx()).Comparable() {
		// In a transaction the owners are touched once, as it commits:
		// an import writing twelve texts of each of a thousand services
		// touches each service once, in one statement per table.
		touchAtCommit(tx, m.Type(), owners, touch)
		return nil, nil
	}
	return func(c *ent.Client) error { return touch(c, owners) }, nil
}

// pendingTouches are, per open transaction, the owners to touch at its
// commit, by translation table. The key is the driver's transaction
// (tx.DialectTx()): a mutation's Tx() is a new *ent.Tx each time, over the
// same one.
var pendingTouches sync.Map // dialect.Tx → *pendingTouch

type pendingTouch struct {
	mu     sync.Mutex
	tables map[string]*touchBatch
}

type touchBatch struct {
	touch func(*ent.Client, []nodeid.ID) error
	ids   map[nodeid.ID]bool
}

// touchAtCommit records owners to touch in tx just before it commits (the
// first record registers the commit hook).
func touchAtCommit(tx *ent.Tx, table string, owners []nodeid.ID, touch func(*ent.Client, []nodeid.ID) error) {
	key := tx.DialectTx()
	v, loaded := pendingTouches.LoadOrStore(key, &pendingTouch{tables: map[string]*touchBatch{}})
	p := v.(*pendingTouch)
	p.mu.Lock()
	b := p.tables[table]
	if b == nil {
		b = &touchBatch{touch: touch, ids: map[nodeid.ID]bool{}}
		p.tables[table] = b
	}
	for _, id := range owners {
		b.ids[id] = true
	}
	p.mu.Unlock()
	if loaded {
		return
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			pendingTouches.Delete(key)
			for _, b := range p.tables {
				ids := slices.Sorted(maps.Keys(b.ids))
				for len(ids) > 0 {
					n := min(len(ids), 1000) // under both databases' parameter limits
					if err := b.touch(tx.Client(), ids[:n]); err != nil {
						return fmt.Errorf("offline sync bookkeeping: %w", err)
					}
					ids = ids[n:]
				}
			}
			return next.Commit(ctx, tx)
		})
	})
	tx.OnRollback(func(next ent.Rollbacker) ent.Rollbacker {
		return ent.RollbackFunc(func(ctx context.Context, tx *ent.Tx) error {
			pendingTouches.Delete(key)
			return next.Rollback(ctx, tx)
		})
	})
}

// tombstones returns what to do after a delete: record each deleted item.
func tombstones(ctx context.Context, m syncMutation, kind tombstone.Kind) (func(*ent.Client) error, error) {
	if !m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
		return nil, nil
	}
	ids, err := m.IDs(ctx)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return func(c *ent.Client) error {
		now := time.Now()
		return c.Tombstone.MapCreateBulk(ids, func(b *ent.TombstoneCreate, i int) {
			b.SetItemID(ids[i]).SetKind(kind).SetRemovedAt(now)
		}).Exec(ctx)
	}, nil
}

// linkedServices handles an organization or a location: a delete leaves
// tombstones; a delete or a change of which services it is linked to
// touches those services (added, removed, or all of them when the edge is
// cleared or the item deleted), whose synced form lists their provider and
// places.
func linkedServices(ctx context.Context, m syncMutation, kind tombstone.Kind, current func(nodeid.ID) ([]nodeid.ID, error)) (func(*ent.Client) error, error) {
	var record func(*ent.Client) error
	if m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
		var err error
		if record, err = tombstones(ctx, m, kind); err != nil {
			return nil, err
		}
	}
	var touched []nodeid.ID
	for _, v := range append(m.AddedIDs("services"), m.RemovedIDs("services")...) {
		touched = append(touched, v.(nodeid.ID))
	}
	if m.EdgeCleared("services") || record != nil {
		ids, err := m.IDs(ctx)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			linked, err := current(id)
			if err != nil {
				return nil, err
			}
			touched = append(touched, linked...)
		}
	}
	if len(touched) == 0 {
		return record, nil
	}
	slices.Sort(touched)
	touched = slices.Compact(touched)
	return func(c *ent.Client) error {
		if record != nil {
			if err := record(c); err != nil {
				return err
			}
		}
		return c.Service.Update().Where(service.IDIn(touched...)).SetUpdatedAt(time.Now()).Exec(ctx)
	}, nil
}

// mutationClient is the client of m's transaction, or of no transaction.
func mutationClient(m ent.Mutation) *ent.Client {
	return m.(interface{ Client() *ent.Client }).Client()
}

func asIDs(ss []string, err error) ([]nodeid.ID, error) {
	ids := make([]nodeid.ID, len(ss))
	for i, s := range ss {
		ids[i] = nodeid.ID(s)
	}
	return ids, err
}
