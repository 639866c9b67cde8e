package httpapi

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"victimservices/ent/schema/errcode"
	"victimservices/internal/request"
)

// Admission: at most MaxInFlight queries and mutations execute at once in a
// process; the next ones wait up to AdmissionWait for a turn and are then
// refused, UNAVAILABLE with retryAfter (HTTP 503 with Retry-After), instead
// of all being accepted. Accepting everything under a load the machine
// cannot serve turns overload into collapse: the backlog's memory grows
// past the soft memory limit, the collector then takes half the CPU, and
// throughput falls further (the case view at 500 req/s on two cores: 68
// answers a second, all others timing out; BENCHMARKS.md, issue 13).
// Bounded, the process serves what it can at its saturation rate and
// refuses the rest quickly, so a client can retry and a proxy can send the
// request to another replica.
//
// Exempt: the crisis paths (a request for support, the emergency lines)
// never wait and are never refused, since a person in danger must reach
// help however busy the server is; subscriptions, which hold a socket, not a
// turn; and cached public answers, served before execution.

// DefaultAdmissionWait is how long a query waits for a turn when the
// process is at MaxInFlight.
const DefaultAdmissionWait = time.Second

// DefaultMaxInFlight is the default number of operations executing at once:
// enough to keep the cores busy while others wait for the database.
func DefaultMaxInFlight() int { return 8 * runtime.GOMAXPROCS(0) }

// crisisFields are the root fields admission never holds back.
var crisisFields = map[string]bool{"requestSupport": true, "crisisContacts": true}

type admission struct {
	turns   chan struct{}
	wait    time.Duration
	present graphql.ErrorPresenterFunc
}

func newAdmission(maxInFlight int, wait time.Duration, present graphql.ErrorPresenterFunc) *admission {
	return &admission{turns: make(chan struct{}, maxInFlight), wait: wait, present: present}
}

var _ graphql.OperationInterceptor = (*admission)(nil)

func (*admission) ExtensionName() string                   { return "Admission" }
func (*admission) Validate(graphql.ExecutableSchema) error { return nil }

func (a *admission) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation == ast.Subscription || crisis(oc) {
		return next(ctx)
	}
	select {
	case a.turns <- struct{}{}:
	default:
		timer := time.NewTimer(a.wait)
		defer timer.Stop()
		select {
		case a.turns <- struct{}{}:
		case <-timer.C:
			return a.refuse(ctx)
		case <-ctx.Done():
			return a.refuse(ctx)
		}
	}
	var once sync.Once
	release := func() { once.Do(func() { <-a.turns }) }
	// And at the latest when the request ends, should a transport never ask
	// for the answer: a turn is never lost.
	context.AfterFunc(ctx, release)
	responses := next(ctx)
	// Queries and mutations answer once: the turn ends with the answer (the
	// websocket transport calls again for the end of the stream, which must
	// not give the turn back twice).
	return func(ctx context.Context) *graphql.Response {
		defer release()
		return responses(ctx)
	}
}

// refuse answers UNAVAILABLE, nothing executed.
func (a *admission) refuse(ctx context.Context) graphql.ResponseHandler {
	retry := max(int(a.wait/time.Second), 1)
	request.MarkUnavailable(ctx, retry)
	err := a.present(ctx, &errcode.Error{Code: errcode.Unavailable, MessageID: "error.busy",
		Extensions: map[string]any{"retryAfter": retry}})
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{err}})
}

// crisis reports whether the operation asks for crisis paths only (with
// __typename at most), its root fields collected through fragments: an
// operation that adds other work to a crisis field waits like any other,
// so the exemption is no way around the bound.
func crisis(oc *graphql.OperationContext) bool {
	fields := graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Query", "Mutation"})
	found := false
	for _, f := range fields {
		switch {
		case crisisFields[f.Name]:
			found = true
		case f.Name != "__typename":
			return false
		}
	}
	return found
}
