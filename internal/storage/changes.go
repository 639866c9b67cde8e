package storage

import (
	"context"
	"sync"

	"victimservices/ent"
)

// publicTypes are the entities whose changes alter public answers
// (directory and guides); cases and sessions never reach a public cache.
var publicTypes = map[string]bool{
	ent.TypeService: true, ent.TypeServiceTranslation: true, ent.TypeOrganization: true,
	ent.TypeOrganizationTranslation: true, ent.TypeLocation: true, ent.TypeLocationTranslation: true,
	ent.TypeResource: true, ent.TypeResourceTranslation: true,
}

// watchers holds, per client opened by Open, the functions told of public
// data changes (the answer caches of the handlers serving that client).
var watchers sync.Map // *ent.Client → *watchList

type watchList struct {
	mu  sync.Mutex
	fns map[int]func(context.Context) error
	n   int
}

// OnPublicChange calls f after every successful write of directory or guide
// data through client (or one of its transactions), with the write's
// context, until stop is called. An error from f fails the write (and so
// rolls back its transaction).
func OnPublicChange(client *ent.Client, f func(context.Context) error) (stop func()) {
	v, _ := watchers.LoadOrStore(client, &watchList{fns: map[int]func(context.Context) error{}})
	w := v.(*watchList)
	w.mu.Lock()
	id := w.n
	w.n++
	w.fns[id] = f
	w.mu.Unlock()
	return func() {
		w.mu.Lock()
		delete(w.fns, id)
		w.mu.Unlock()
	}
}

// publicChangeHook tells root's watchers of every write to public data.
func publicChangeHook(root *ent.Client) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err == nil && publicTypes[m.Type()] {
				if w, ok := watchers.Load(root); ok {
					w := w.(*watchList)
					w.mu.Lock()
					fns := make([]func(context.Context) error, 0, len(w.fns))
					for _, f := range w.fns {
						fns = append(fns, f)
					}
					w.mu.Unlock()
					for _, f := range fns {
						if err := f(ctx); err != nil {
							return nil, err
						}
					}
				}
			}
			return v, err
		})
	}
}
