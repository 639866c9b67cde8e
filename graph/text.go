package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"victimservices/internal/request"
	"victimservices/locales"
)

// fieldLocale returns the locale that text under the field being resolved is
// served in: a locale fixed by the domain (locales.WithTextLocale), else the
// locale argument of its root field (which applies to the whole subtree),
// else the request's Accept-Language, else English.
func fieldLocale(ctx context.Context) *locales.Locale {
	if l, ok := locales.TextLocale(ctx); ok {
		return l
	}
	return chooseLocale(ctx)
}

// chooseLocale is the GraphQL rule for the locale of text: the root field's
// locale argument, else Accept-Language. An empty argument ("") is no
// override: clients send it for "the user chose nothing".
func chooseLocale(ctx context.Context) *locales.Locale {
	return localeOf(ctx, localeArgument(ctx))
}

// localeOf is the rule itself, for a root field's locale argument arg.
func localeOf(ctx context.Context, arg string) *locales.Locale {
	if strings.TrimSpace(arg) != "" {
		return locales.Match(arg)
	}
	return locales.FromContext(ctx)
}

// localeArgument is the locale argument of the root field the field being
// resolved sits under, "" when absent.
func localeArgument(ctx context.Context) string {
	if root := rootField(ctx); root != nil {
		if v, ok := root.Args["locale"].(*string); ok && v != nil {
			return *v
		}
		return ""
	}
	// gqlgen marshals each event of a subscription under the operation's
	// context, outside its root field's: the payload's fields have no
	// parent. A subscription has exactly one root field; read its
	// argument from the operation.
	if !graphql.HasOperationContext(ctx) {
		return ""
	}
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return ""
	}
	fields := graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Subscription"})
	if len(fields) != 1 {
		return ""
	}
	v, _ := fields[0].ArgumentMap(oc.Variables)["locale"].(string)
	return v
}

// ServeText returns ctx in which every query of translated data (through
// any client storage.Open made) loads the text of the locale the field
// being resolved is served in. The transports call it once per connection
// or request.
func ServeText(ctx context.Context) context.Context {
	return locales.WithTextChooser(ctx, chooseLocale)
}

// rootField returns the context of the root field (a field of Query,
// Mutation or Subscription) that the field being resolved sits under.
func rootField(ctx context.Context) *graphql.FieldContext {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		switch fc.Object {
		case "Query", "Mutation", "Subscription":
			if fc.Field.Field != nil {
				return fc
			}
		}
	}
	return nil
}

// ContentLanguage is the gqlgen extension that records, for every root
// field, the locale its text is served in (its locale argument, else
// Accept-Language; or the one the domain fixed, request.ServedIn), so the
// HTTP layer sends the locale actually served as Content-Language rather
// than the header's. It intercepts root fields only: as a field
// interceptor it cost a closure and a call on every field of every answer
// (3 % of a directory page's allocations) to act on the root ones.
type ContentLanguage struct{}

var _ graphql.RootFieldInterceptor = ContentLanguage{}

// ExtensionName names the extension.
func (ContentLanguage) ExtensionName() string { return "ContentLanguage" }

// Validate accepts every schema.
func (ContentLanguage) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptRootField records the locale of a root field (introspection
// aside) under its response key, the key the error presenter records a
// locale fixed by the domain under (rootFieldKey).
func (ContentLanguage) InterceptRootField(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	rf := graphql.GetRootFieldContext(ctx)
	if rf == nil || rf.Field.Field == nil || strings.HasPrefix(rf.Field.Name, "__") || !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	arg, _ := rf.Field.ArgumentMap(graphql.GetOperationContext(ctx).Variables)["locale"].(string)
	key := rootFieldKey(rf.Field.Alias)
	request.ServedLanguage(ctx, key, localeOf(ctx, arg).Code)
	return next(request.WithServedField(ctx, key))
}

// rootFieldKey is what the served locale of the root field answering under
// an alias is recorded under (here and by the error presenter).
type rootFieldKey string
