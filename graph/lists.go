package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalSliceInOrder marshals the elements of a list of objects one after
// the other, in the goroutine resolving the list; cmd/gqlgen points the
// generated code here instead of gqlgen's MarshalSliceConcurrently, which
// starts a goroutine per element. The elements' fields do no I/O of their
// own that could overlap (a page's statements are constant, loaded with
// the page by ent's eager loading and the text interceptor), so the
// goroutines bought nothing and cost a stack, its growth and a scheduling
// round each: on a directory page of 20 services, stack copying alone was
// 7 % of the server's CPU (BENCHMARKS.md, issue 13).
//
// Each element gets the field context gqlgen gives it (its index in the
// response path), and a panic in one element answers that element null
// with an error, as gqlgen's does.
func marshalSliceInOrder(ctx context.Context, length int, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	ret := make(graphql.Array, length)
	for i := range length {
		index := i
		childCtx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &index})
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(childCtx, graphql.Recover(childCtx, r))
					ret[index] = graphql.Null
				}
			}()
			ret[index] = marshalElement(childCtx, index)
		}()
	}
	return ret
}
