package httpapi

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"victimservices/ent"
)

// ownTransactions are the mutations that must record attempts even when
// they fail (the sign-in, intake and message rate limits): they commit each attempt in a
// short transaction of its own and then do their work in another (see
// internal/cases), so they run outside a field transaction. SQLite takes
// its write lock at BEGIN, so a field transaction around them would make
// the attempt wait for it.
// (internal/cases refuses to reserve inside a transaction, so a
// rate-limited mutation missing here fails in every test that calls it.)
var ownTransactions = map[string]bool{"openCaseSession": true, "requestSupport": true, "sendCaseMessage": true}

// fieldTransactions runs every mutation field in a transaction of its own:
// committed when the field (with everything it answers) resolved without
// error, rolled back otherwise, and then the field answers null (with the
// usual GraphQL null propagation for a non-null field). Fields of one operation are isolated, as
// GraphQL runs them one after the other and answers each on its own: an
// operation that mixes openCaseSession with updateCaseStatus records the
// sign-in attempt and, if the status change fails, changes nothing else.
type fieldTransactions struct {
	client *ent.Client
}

var _ graphql.RootFieldInterceptor = fieldTransactions{}

func (fieldTransactions) ExtensionName() string                   { return "FieldTransactions" }
func (fieldTransactions) Validate(graphql.ExecutableSchema) error { return nil }

func (t fieldTransactions) InterceptRootField(ctx context.Context, next graphql.RootResolver) (res graphql.Marshaler) {
	oc := graphql.GetOperationContext(ctx)
	fc := graphql.GetRootFieldContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Mutation || fc == nil || ownTransactions[fc.Field.Name] {
		return next(ctx)
	}
	// A failure to begin or commit is the database's: the presenter answers
	// it as INTERNAL with the request id, on the field's path, and logs it
	// (its text, a driver's, never reaches the client).
	onField := func(err error) *gqlerror.Error {
		return &gqlerror.Error{Err: err, Message: err.Error(), Path: ast.Path{ast.PathName(fc.Field.Alias)}}
	}
	tx, err := t.client.Tx(ctx)
	if err != nil {
		graphql.AddError(ctx, onField(fmt.Errorf("begin: %w", err)))
		return graphql.Null
	}
	committed := false
	defer func() {
		if !committed {
			_ = tx.Rollback()
		}
	}()
	before := len(graphql.GetErrors(ctx))
	res = next(ent.NewContext(ent.NewTxContext(ctx, tx), tx.Client()))
	if len(graphql.GetErrors(ctx)) > before {
		// Rolled back: nothing of it may be shown as if it happened (an
		// access code that never took effect), nor read unaudited (reads in
		// a change are covered by the change's audit record, rolled back
		// with it). The field answers null beside its errors.
		return graphql.Null
	}
	if err := tx.Commit(); err != nil {
		graphql.AddError(ctx, onField(fmt.Errorf("commit: %w", err)))
		return graphql.Null
	}
	committed = true
	return res
}
