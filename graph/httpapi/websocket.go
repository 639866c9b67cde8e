package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"victimservices/ent/schema/errcode"
	"victimservices/graph"
	"victimservices/internal/auth"
)

// Websocket close codes a client can read (graphql-transport-ws's own):
// 4401 when the credentials the socket opened with are no longer good (a
// revoked or expired victim session, an expired staff token), so the app
// signs in again instead of retrying.
const (
	closeUnauthorized = 4401
)

func websocketUpgrade(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

// socketEnd lets an operation on a websocket end the whole connection with
// a close code of its choosing.
type socketEnd struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	code   int
	reason string
}

type socketEndKey struct{}

// withSocketEnd gives a websocket's request a context that endSocket can
// cancel; gqlgen then closes the connection, with the code recorded here
// (see socketConn.WriteClose).
func withSocketEnd(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	return context.WithValue(ctx, socketEndKey{}, &socketEnd{cancel: cancel})
}

// endSocket closes the websocket ctx belongs to with code and reason.
func endSocket(ctx context.Context, code int, reason string) {
	e, _ := ctx.Value(socketEndKey{}).(*socketEnd)
	if e == nil {
		return
	}
	e.mu.Lock()
	if e.code == 0 {
		e.code, e.reason = code, reason
	}
	e.mu.Unlock()
	e.cancel()
}

// reauthenticate runs the one Authenticate again for every operation sent
// on an open websocket and for every event a subscription pushes: a session
// revoked or a token expired since connection_init is refused at once
// (UNAUTHENTICATED) and the socket closed with 4401. HTTP requests are
// authenticated once each, before they reach here.
type reauthenticate struct {
	authn *auth.Authenticator
	log   *slog.Logger
}

var (
	_ graphql.OperationInterceptor = reauthenticate{}
	_ graphql.ResponseInterceptor  = reauthenticate{}
)

func (reauthenticate) ExtensionName() string                   { return "Reauthenticate" }
func (reauthenticate) Validate(graphql.ExecutableSchema) error { return nil }

func (a reauthenticate) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	fresh, checked, err := a.authn.Recheck(ctx)
	if !checked {
		return next(ctx)
	}
	if err != nil {
		if graph.Classify(ctx, err).Code == errcode.Internal {
			// The check itself failed (the database): answer INTERNAL with
			// the request id and keep the socket; the credential is not
			// known to be bad.
			return graphql.OneShot(a.refuse(ctx, err))
		}
		// Answer first, then close: the transport writes each response
		// before it asks for the next one.
		answered := false
		return func(context.Context) *graphql.Response {
			if answered {
				endSocket(ctx, closeUnauthorized, "Unauthorized")
				return nil
			}
			answered = true
			return a.refuse(ctx, err)
		}
	}
	return next(fresh)
}

func (a reauthenticate) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	// gqlgen also answers errors found before any operation (DispatchError)
	// through here, without an operation context.
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return next(ctx)
	}
	resp := next(ctx)
	if ctx.Err() != nil {
		// The client completed this subscription, or the socket is closing:
		// nothing is sent, and a check on the ended context would fail and
		// close the socket as if the credentials had.
		return resp
	}
	// The event (or the end of the stream) is here: is its reader still who
	// they were? Checked after the wait, at the instant of sending. If not,
	// nothing is sent: the stream ends and the socket closes with 4401. A
	// stream the domain ended (it found the session over) is checked
	// afresh, not from Recheck's memory.
	if resp == nil {
		a.authn.ForgetCredential(ctx)
	}
	if _, checked, err := a.authn.Recheck(ctx); checked && err != nil {
		if graph.Classify(ctx, err).Code == errcode.Internal {
			// The check itself failed (the database): the app should
			// reconnect, not sign in again.
			graph.ErrorPresenter(a.log)(ctx, err) // logs it with the request id
			endSocket(ctx, closeInternal, "Internal server error")
			return nil
		}
		endSocket(ctx, closeUnauthorized, "Unauthorized")
		return nil
	}
	return resp
}

// refuse is the answer to an operation whose credentials no longer hold (or
// could not be checked: the presenter logs that with the request id).
func (a reauthenticate) refuse(ctx context.Context, err error) *graphql.Response {
	return &graphql.Response{Errors: gqlerror.List{graph.ErrorPresenter(a.log)(ctx, err)}}
}
