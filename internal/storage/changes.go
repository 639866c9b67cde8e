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
	fns map[int]PublicChange
	n   int
}

// PublicChange is told of a write of public data: tx is the transaction the
// write ran in (taken from the mutation, not from ctx, which may carry
// another or none), or nil when the write ran outside one and so has already
// committed. Signals meant for after the change belong in tx.OnCommit, so a
// rolled-back write signals nothing.
type PublicChange func(ctx context.Context, tx *ent.Tx) error

// OnPublicChange calls f after every successful write of directory or guide
// data through client (or one of its transactions), with the write's
// context, until stop is called. An error from f fails the write (and so
// rolls back its transaction).
func OnPublicChange(client *ent.Client, f PublicChange) (stop func()) {
	v, _ := watchers.LoadOrStore(client, &watchList{fns: map[int]PublicChange{}})
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
				forgetAtCommit(mutationTx(m), func() { ForgetCounts(root) })
				if w, ok := watchers.Load(root); ok {
					w := w.(*watchList)
					w.mu.Lock()
					fns := make([]PublicChange, 0, len(w.fns))
					for _, f := range w.fns {
						fns = append(fns, f)
					}
					w.mu.Unlock()
					tx := mutationTx(m)
					for _, f := range fns {
						if err := f(ctx, tx); err != nil {
							return nil, err
						}
					}
				}
			}
			return v, err
		})
	}
}

// mutationTx is the transaction m runs in, or nil outside one.
func mutationTx(m ent.Mutation) *ent.Tx {
	in, ok := m.(interface{ Tx() (*ent.Tx, error) })
	if !ok {
		return nil
	}
	tx, err := in.Tx()
	if err != nil {
		return nil
	}
	return tx
}

// caseChangeHook forgets root's kept case counts after every write of a
// case (a new one, a reassignment, a status, a deletion), when it commits.
func caseChangeHook(root *ent.Client) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err == nil && m.Type() == ent.TypeCaseFile {
				forgetAtCommit(mutationTx(m), func() { ForgetCaseCounts(root) })
			}
			return v, err
		})
	}
}

// forgetAtCommit calls forget when tx commits (at once without a
// transaction: the write has committed).
func forgetAtCommit(tx *ent.Tx, forget func()) {
	if tx == nil {
		forget()
		return
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Commit(ctx, tx)
			if err == nil {
				forget()
			}
			return err
		})
	})
}
