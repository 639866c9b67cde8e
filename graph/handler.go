package graph

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"victimservices/ent"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/accesscode"
	"victimservices/internal/notify"
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
	// Hasher checks access codes (default: at most 4 argon2id checks at once).
	Hasher *accesscode.Hasher
	// Notifier fans out case changes to live subscriptions (default: in
	// process only, for the embedded database).
	Notifier *notify.Hub
	// TrustedProxies are the proxies whose X-Forwarded-For names the client.
	TrustedProxies []netip.Prefix
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
	if o.Hasher == nil {
		o.Hasher = accesscode.NewHasher(4)
	}
	if o.Notifier == nil {
		o.Notifier, _ = notify.New(dialect.SQLite, "", o.Logger)
	}
	o.Client.Intercept(textInterceptor())
	o.Client.CaseFile.Intercept(readAuditInterceptor(o.Client))

	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{
		client: o.Client, log: o.Logger, hasher: o.Hasher, notifier: o.Notifier, now: o.Clock,
	}}))
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 15 * time.Second,
		InitTimeout:           10 * time.Second,
		InitFunc: func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			ctx = withLiveClock(ctx, o.Clock)
			ctx, err := authenticate(ctx, o, p.Authorization())
			return ctx, nil, err
		},
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if !o.Production {
		srv.Use(extension.Introspection{})
	}
	srv.SetDisableSuggestion(o.Production)
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	// Every mutation runs in one transaction, except the two that must record
	// attempts even when they fail (rate limits) and manage their own.
	srv.Use(entgql.Transactioner{TxOpener: o.Client, SkipTxFunc: entgql.SkipIfHasFields("openCaseSession", "requestSupport")})
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

		ctx = withClient(ctx, clientAddr(r, o.TrustedProxies))
		if auth := r.Header.Get("Authorization"); auth != "" {
			var err error
			if ctx, err = authenticate(ctx, o, auth); err != nil {
				code, id, _ := classify(ctx, err)
				writeRequestError(w, http.StatusUnauthorized, l, code, id)
				return
			}
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// authenticate puts the viewer of an Authorization value ("Bearer <token>")
// into ctx: a victim session token (vst_…) or a staff JWT. A bad, expired or
// revoked token is an error, never a silent downgrade to anonymous.
func authenticate(ctx context.Context, o Options, auth string) (context.Context, error) {
	if auth == "" {
		return ctx, nil
	}
	token, ok := strings.CutPrefix(auth, "Bearer ")
	token = strings.TrimSpace(token)
	if !ok || token == "" {
		return ctx, errUnauthenticated
	}
	if strings.HasPrefix(token, accesscode.TokenPrefix) {
		v, err := victimViewer(ctx, o.Client, token, instant(ctx))
		if err != nil {
			return ctx, err
		}
		return viewer.NewContext(ctx, v), nil
	}
	v, err := verifyStaffToken(o.AuthSecret, token, instant(ctx))
	if err != nil {
		return ctx, errUnauthenticated
	}
	return viewer.NewContext(ctx, v), nil
}

// writeRequestError answers a request that never reached GraphQL execution.
func writeRequestError(w http.ResponseWriter, status int, l *locales.Locale, code Code, messageID string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{
			"message":    l.T(messageID, nil),
			"extensions": map[string]any{"code": string(code)},
		}},
	})
}
