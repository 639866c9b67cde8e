package graph

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"victimservices/ent"
	"victimservices/ent/schema/viewer"
	"victimservices/locales"
)

// Options configures the API handler.
type Options struct {
	// Client is the database client. NewHandler registers the text
	// interceptor on it, so give each handler its own client.
	Client *ent.Client
	// Clock is read once per request; every time-dependent field of the
	// response uses that instant.
	Clock func() time.Time
	// AuthSecret verifies staff bearer tokens (at least 32 bytes).
	AuthSecret []byte
	// Production turns introspection and field suggestions off.
	Production bool
	// Logger receives internal errors (never personal data).
	Logger *slog.Logger
}

// MaxBodyBytes bounds a request body.
const MaxBodyBytes = 1 << 20

// NewHandler returns the HTTP handler serving GraphQL at /query.
func NewHandler(o Options) http.Handler {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	o.Client.Intercept(textInterceptor())

	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{client: o.Client, log: o.Logger}}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if !o.Production {
		srv.Use(extension.Introspection{})
	}
	srv.SetDisableSuggestion(o.Production)
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(entgql.Transactioner{TxOpener: o.Client})
	srv.SetErrorPresenter(errorPresenter(o.Logger))
	srv.SetRecoverFunc(recoverFunc(o.Logger))

	mux := http.NewServeMux()
	mux.Handle("/query", withRequestContext(o, srv))
	return mux
}

// withRequestContext puts what every resolver needs into the request context:
// a request id, the response's instant, the Accept-Language locale (also sent
// back as Content-Language) and the viewer from the bearer token.
func withRequestContext(o Options, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := newRequestID()
		w.Header().Set("X-Request-ID", id)
		ctx := withRequestID(r.Context(), id)
		now := o.Clock()
		ctx = withInstant(ctx, now)
		l := locales.Match(r.Header.Get("Accept-Language"))
		ctx = locales.NewContext(ctx, l)
		w.Header().Set("Content-Language", l.Code)
		w.Header().Add("Vary", "Accept-Language")

		if auth := r.Header.Get("Authorization"); auth != "" {
			token, ok := strings.CutPrefix(auth, "Bearer ")
			v, err := verifyStaffToken(o.AuthSecret, strings.TrimSpace(token), now)
			if !ok || err != nil {
				writeRequestError(w, http.StatusUnauthorized, l, CodeUnauthenticated)
				return
			}
			ctx = viewer.NewContext(ctx, v)
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// writeRequestError answers a request that never reached GraphQL execution.
func writeRequestError(w http.ResponseWriter, status int, l *locales.Locale, code Code) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{
			"message":    l.T(messageIDs[code], nil),
			"extensions": map[string]any{"code": string(code)},
		}},
	})
}
