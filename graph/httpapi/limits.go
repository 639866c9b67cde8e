package httpapi

import (
	"context"
	"reflect"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"

	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/viewer"
	"victimservices/graph"
	"victimservices/internal/request"
	"victimservices/locales"
)

// Limits bound what one operation may ask for. Every refusal is a
// BAD_USER_INPUT with a localized message, decided before anything runs:
// sizes before parsing, the number of fields before validation (whose work
// grows with the square of it), shape and cost after validation.
type Limits struct {
	// MaxQueryBytes bounds the query text.
	MaxQueryBytes int
	// MaxQueryTokens bounds the lexical tokens of the query text.
	MaxQueryTokens int
	// MaxFields bounds the fields of the document, counted before it is
	// validated, a fragment's fields once for every place it is spread.
	MaxFields int
	// MaxDepth bounds the nesting of fields.
	MaxDepth int
	// MaxAliases bounds the aliased fields of an operation.
	MaxAliases int
	// MaxRootFields bounds the top-level fields of an operation.
	MaxRootFields int
	// MaxComplexity bounds the cost: every field costs 1, and a list field
	// multiplies the cost of what it selects by its page size (first/last,
	// default 20), by the length of the list it is given (nodes(ids:)) or,
	// for other lists, by smallListSize.
	MaxComplexity int
}

// DefaultLimits are the limits unless configured (see README).
var DefaultLimits = Limits{
	MaxQueryBytes:  16 << 10,
	MaxQueryTokens: 3000,
	MaxFields:      500,
	MaxDepth:       12,
	MaxAliases:     30,
	MaxRootFields:  15,
	MaxComplexity:  25000,
}

// smallListSize weighs list fields that take no paging arguments (phones,
// opening periods, a case's history): short lists in practice.
const smallListSize = 3

// limitsExtension enforces Limits and, in production, refuses
// introspection before validation.
type limitsExtension struct {
	Limits
	// docs is the server's cache of validated documents: a query found there
	// passed these checks before.
	docs graphql.Cache[*ast.QueryDocument]
	// noIntrospection refuses __schema and __type (production).
	noIntrospection bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
} = limitsExtension{}

func (limitsExtension) ExtensionName() string { return "Limits" }

func (limitsExtension) Validate(graphql.ExecutableSchema) error { return nil }

// limitError is a refusal with a localized message.
func limitError(ctx context.Context, id string, n int) *gqlerror.Error {
	l := locales.FromContext(ctx)
	request.MarkRequestError(ctx)
	return &gqlerror.Error{
		Message:    l.Plural(id, n, nil),
		Extensions: map[string]any{"code": string(errcode.BadUserInput)},
	}
}

// MutateOperationParameters checks the query text before gqlgen parses and
// validates it: its size and tokens (lexing only), then, parsed, its number
// of fields, so a query too big for validation is refused after linear work.
// Production also refuses introspection here, wherever it hides.
func (e limitsExtension) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if e.docs != nil {
		if _, ok := e.docs.Get(ctx, p.Query); ok {
			return nil // validated before, so it passed these checks
		}
	}
	if len(p.Query) > e.MaxQueryBytes {
		return limitError(ctx, "error.queryTooLarge", e.MaxQueryBytes)
	}
	lex := lexer.New(&ast.Source{Input: p.Query})
	for n := 0; ; n++ {
		tok, err := lex.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			break
		}
		if n >= e.MaxQueryTokens {
			return limitError(ctx, "error.queryTooManyTokens", e.MaxQueryTokens)
		}
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
	if err != nil {
		return nil // gqlgen reports syntax errors
	}
	if e.noIntrospection && asksIntrospection(doc) {
		request.MarkRequestError(ctx)
		return &gqlerror.Error{
			Message:    locales.FromContext(ctx).T("error.introspectionDisabled", nil),
			Extensions: map[string]any{"code": string(errcode.BadUserInput)},
		}
	}
	if countFields(doc, e.MaxFields) > e.MaxFields {
		return limitError(ctx, "error.queryTooManyFields", e.MaxFields)
	}
	return nil
}

// countFields counts the fields of every operation and fragment of an
// unvalidated document, a fragment's fields wherever it is spread (each
// fragment counted once and remembered, so a fragment spread within
// fragments costs nothing more to count). It stops early past limit.
func countFields(doc *ast.QueryDocument, limit int) int {
	memo := map[string]int{}
	const counting = -1 // on the current path: a cycle (validation refuses it)
	var inSet func(ast.SelectionSet) int
	fragment := func(name string) int {
		switch n, ok := memo[name]; {
		case ok && n == counting:
			return 0
		case ok:
			return n
		}
		def := doc.Fragments.ForName(name)
		if def == nil {
			return 0
		}
		memo[name] = counting
		n := inSet(def.SelectionSet)
		memo[name] = n
		return n
	}
	inSet = func(set ast.SelectionSet) int {
		total := 0
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				total += 1 + inSet(s.SelectionSet)
			case *ast.InlineFragment:
				total += inSet(s.SelectionSet)
			case *ast.FragmentSpread:
				total += fragment(s.Name)
			}
			if total > limit {
				return limit + 1 // saturate: never overflows, however deep the spreads
			}
		}
		return total
	}
	total := 0
	for _, op := range doc.Operations {
		total += inSet(op.SelectionSet)
		if total > limit {
			return total
		}
	}
	for _, f := range doc.Fragments {
		if _, spread := memo[f.Name]; !spread {
			total += fragment(f.Name) // validation walks unused fragments too
		}
		if total > limit {
			return total
		}
	}
	return total
}

// asksIntrospection reports whether any selection of the document, in an
// operation or a fragment, is __schema or __type (__typename is not
// introspection of the schema).
func asksIntrospection(doc *ast.QueryDocument) bool {
	var in func(ast.SelectionSet) bool
	in = func(set ast.SelectionSet) bool {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if s.Name == "__schema" || s.Name == "__type" || in(s.SelectionSet) {
					return true
				}
			case *ast.InlineFragment:
				if in(s.SelectionSet) {
					return true
				}
			}
		}
		return false
	}
	for _, op := range doc.Operations {
		if in(op.SelectionSet) {
			return true
		}
	}
	for _, f := range doc.Fragments {
		if in(f.SelectionSet) {
			return true
		}
	}
	return false
}

// MutateOperationContext checks the shape and cost of the validated operation.
func (e limitsExtension) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	op := oc.Doc.Operations.ForName(oc.OperationName)
	if op == nil {
		return nil
	}
	roots := collectFields(op.SelectionSet)
	if n := len(roots); n > e.MaxRootFields {
		return limitError(ctx, "error.tooManyRootFields", e.MaxRootFields)
	}
	if introspectionOnly(roots) {
		// Tools' introspection queries nest deeply but cost nothing; in
		// production introspection itself is off.
		return nil
	}
	w := walker{vars: oc.Variables}
	cost := w.cost(op.SelectionSet, 1)
	switch {
	case w.pageTooLarge:
		return limitError(ctx, "error.pageTooLarge", graph.MaxPageSize)
	case w.depth > e.MaxDepth:
		return limitError(ctx, "error.queryTooDeep", e.MaxDepth)
	case w.aliases > e.MaxAliases:
		return limitError(ctx, "error.tooManyAliases", e.MaxAliases)
	case cost > e.MaxComplexity:
		return limitError(ctx, "error.queryTooComplex", e.MaxComplexity)
	}
	return nil
}

// collectFields flattens fragments into the fields of a selection set.
func collectFields(set ast.SelectionSet) []*ast.Field {
	var out []*ast.Field
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			out = append(out, s)
		case *ast.InlineFragment:
			out = append(out, collectFields(s.SelectionSet)...)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				out = append(out, collectFields(s.Definition.SelectionSet)...)
			}
		}
	}
	return out
}

type walker struct {
	vars         map[string]any
	depth        int
	aliases      int
	pageTooLarge bool
}

// cost returns the cost of a selection set at depth d, recording the
// deepest depth and the aliases on the way.
func (w *walker) cost(set ast.SelectionSet, d int) int {
	total := 0
	for _, f := range collectFields(set) {
		if d > w.depth {
			w.depth = d
		}
		if f.Alias != "" && f.Alias != f.Name {
			w.aliases++
		}
		c := 1
		if len(f.SelectionSet) > 0 {
			c += w.multiplier(f) * w.cost(f.SelectionSet, d+1)
		} else {
			w.multiplier(f) // checks the page size of a list without selections too
		}
		total += c
		if total > 1<<30 {
			return total // far past any limit; stop before overflowing
		}
	}
	return total
}

// multiplier is how many times a field's selection is resolved at most: the
// page size of a connection or paged list, a small constant for other lists.
func (w *walker) multiplier(f *ast.Field) int {
	if f.Definition == nil || f.Definition.Type == nil {
		return 1
	}
	paged := f.Definition.Arguments.ForName("first") != nil || f.Definition.Arguments.ForName("last") != nil
	isList := f.Definition.Type.Elem != nil
	if isList && strings.HasSuffix(f.Definition.Type.Elem.Name(), "Edge") {
		return 1 // a connection's edges: its page size already counted
	}
	if !paged {
		if !isList {
			return 1
		}
		if n, ok := w.listArgument(f); ok {
			return max(n, 1) // nodes(ids:): one item per ID
		}
		return smallListSize
	}
	args := f.ArgumentMap(w.vars)
	n := 0
	for _, key := range []string{"first", "last"} {
		if v, ok := args[key].(int64); ok && int(v) > n {
			n = int(v)
		}
		if v, ok := args[key].(int); ok && v > n {
			n = v
		}
	}
	if n > graph.MaxPageSize {
		w.pageTooLarge = true
	}
	if n == 0 {
		n = graph.DefaultPageSize
	}
	return max(n, 1)
}

// listArgument is the length of the longest list argument of a list field
// (given inline or in a variable): a list field that takes a list, like
// nodes(ids:), answers one item for each.
func (w *walker) listArgument(f *ast.Field) (int, bool) {
	n, found := 0, false
	var args map[string]any
	for _, def := range f.Definition.Arguments {
		if def.Type == nil || def.Type.Elem == nil {
			continue
		}
		if args == nil {
			args = f.ArgumentMap(w.vars)
		}
		if v := reflect.ValueOf(args[def.Name]); v.Kind() == reflect.Slice {
			n, found = max(n, v.Len()), true
		}
	}
	return n, found
}

// introspectionOnly reports whether every root field is __schema or __type.
func introspectionOnly(roots []*ast.Field) bool {
	for _, f := range roots {
		if f.Name != "__schema" && f.Name != "__type" {
			return false
		}
	}
	return len(roots) > 0
}

// DefaultMaxSubscriptions is the cap on live subscriptions per socket and
// per caller unless configured.
const DefaultMaxSubscriptions = 20

// subscriptionCap bounds the live subscriptions of one socket and of one
// caller (a victim session, or a staff member) over all their sockets to
// this process. The one past the cap gets an error message for its id
// (BAD_USER_INPUT: too many at once, like the other limits; no wait makes
// it succeed, only ending another). Queries and mutations on a socket are
// not counted: they end by themselves.
type subscriptionCap struct {
	max int

	mu       sync.Mutex
	byCaller map[string]int
}

func newSubscriptionCap(max int) *subscriptionCap {
	return &subscriptionCap{max: max, byCaller: map[string]int{}}
}

var _ graphql.OperationInterceptor = (*subscriptionCap)(nil)

func (*subscriptionCap) ExtensionName() string                   { return "SubscriptionCap" }
func (*subscriptionCap) Validate(graphql.ExecutableSchema) error { return nil }

// socketSubscriptions counts the live subscriptions of one socket (guarded
// by the cap's mutex).
type socketSubscriptions struct{ n int }

type socketSubscriptionsKey struct{}

// withSocketSubscriptions gives a websocket (at connection_init) its count.
func withSocketSubscriptions(ctx context.Context) context.Context {
	return context.WithValue(ctx, socketSubscriptionsKey{}, &socketSubscriptions{})
}

// callerKey names who holds a subscription: "" for an anonymous caller
// (whose subscriptions end at once; the socket's cap still holds).
func callerKey(v viewer.Viewer) string {
	switch {
	case v.IsVictim():
		return "session:" + v.SessionID
	case v.StaffID != "":
		return "staff:" + v.StaffID
	}
	return ""
}

func (c *subscriptionCap) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	socket, _ := ctx.Value(socketSubscriptionsKey{}).(*socketSubscriptions)
	if socket == nil || oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	release, ok := c.take(socket, callerKey(viewer.FromContext(ctx)))
	if !ok {
		// Sent by the websocket transport as an error message for this id.
		transport.AddSubscriptionError(ctx, limitError(ctx, "error.tooManySubscriptions", c.max))
		return func(context.Context) *graphql.Response { return nil }
	}
	var once sync.Once
	end := func() { once.Do(release) }
	// The subscription's context ends with it, whatever the way (complete,
	// the socket closing, a panic).
	stop := context.AfterFunc(ctx, end)
	responses := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := responses(ctx)
		if resp == nil {
			// The stream ended: free the slot before the transport tells
			// the client (complete), so a new subscription sent after it
			// finds the slot free.
			stop()
			end()
		}
		return resp
	}
}

// take reserves a slot on the socket and for the caller.
func (c *subscriptionCap) take(socket *socketSubscriptions, caller string) (release func(), ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if socket.n >= c.max || (caller != "" && c.byCaller[caller] >= c.max) {
		return nil, false
	}
	socket.n++
	if caller != "" {
		c.byCaller[caller]++
	}
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		socket.n--
		if caller != "" {
			if c.byCaller[caller]--; c.byCaller[caller] <= 0 {
				delete(c.byCaller, caller)
			}
		}
	}, true
}
