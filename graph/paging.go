package graph

import (
	"context"

	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/storage"
)

// Page sizes. A connection queried without first or last gets DefaultPageSize
// items, never every row; more than MaxPageSize is a BAD_USER_INPUT error, as
// is asking for a negative count or for both first and last.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// pageArgs validates first/last and applies the default page size.
func pageArgs(first, last *int) (*int, *int, error) {
	if first != nil && last != nil {
		return nil, nil, errcode.Input("error.pageBothFirstLast", nil)
	}
	for _, n := range []*int{first, last} {
		if n == nil {
			continue
		}
		if *n < 0 {
			return nil, nil, errcode.Input("error.pageNegative", nil)
		}
		if *n > MaxPageSize {
			return nil, nil, pageTooLarge()
		}
	}
	if first == nil && last == nil {
		n := DefaultPageSize
		first = &n
	}
	return first, last, nil
}

// listLimit validates the first argument of a plain nested list.
func listLimit(first *int) (int, error) {
	switch {
	case first == nil:
		return DefaultPageSize, nil
	case *first < 0:
		return 0, errcode.Input("error.pageNegative", nil)
	case *first > MaxPageSize:
		return 0, pageTooLarge()
	}
	return *first, nil
}

func pageTooLarge() error {
	return errcode.Input("error.pageTooLarge", map[string]any{"Count": MaxPageSize})
}

// truncate returns at most n items of list.
func truncate[T any](list []T, n int) []T {
	if len(list) > n {
		return list[:n]
	}
	return list
}

// countedAs lets the totalCount of the list resolved under the returned
// context be kept until the next change of public data (storage.WithCountKey),
// under the list's name, the reader's class (editors see inactive services)
// and every filter (nil pointers included). Only for filters that depend on
// neither the clock nor the reader's position.
func countedAs(ctx context.Context, list string, filters ...any) context.Context {
	parts := append([]any{list, viewer.FromContext(ctx).CanEditDirectory()}, filters...)
	return storage.WithCountKey(ctx, storage.CountKey(parts...))
}
