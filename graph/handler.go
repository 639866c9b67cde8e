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

// Options configures the API handler. Zero values take the defaults.
type Options struct {
	// Client is the database client. NewHandler registers interceptors and a
	// hook on it, so give each handler its own client.
	Client *ent.Client
	// Clock is read once per request; every time-dependent field of the
	// response uses that instant.
	Clock func() time.Time
	// AuthSecret verifies staff bearer tokens (at least 32 bytes).
	AuthSecret []byte
	// OIDC, when set, also accepts staff tokens from the city's identity
	// provider.
	OIDC *OIDC
	// Production turns introspection, field suggestions and GraphiQL off.
	Production bool
	// Logger receives the access log and internal errors (never personal data).
	Logger *slog.Logger
	// Hasher checks access codes (default: at most 4 argon2id checks at once).
	Hasher *accesscode.Hasher
	// Notifier fans out case changes to live subscriptions (default: in
	// process only, for the embedded database).
	Notifier *notify.Hub
	// TrustedProxies are the proxies whose X-Forwarded-For names the client.
	TrustedProxies []netip.Prefix
	// Limits bound each operation (default DefaultLimits).
	Limits Limits
	// MaxBodyBytes bounds a request body (default 1 MiB; larger gets 413).
	MaxBodyBytes int64
	// RequestTimeout bounds the resolvers and statements of one request
	// (default 10 s).
	RequestTimeout time.Duration
	// PublicMaxAge is how long caches may keep a public answer (default 60 s),
	// never past the next opening-hours boundary.
	PublicMaxAge time.Duration
	// CacheEntries bounds the server's cache of public answers (default 1000;
	// negative turns it off).
	CacheEntries int
	// AllowList, when set, accepts only the operations it lists.
	AllowList AllowList
	// Metrics, when set, records Prometheus metrics.
	Metrics *Metrics
}

func (o *Options) defaults() {
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
	if o.Limits == (Limits{}) {
		o.Limits = DefaultLimits
	}
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = 1 << 20
	}
	if o.RequestTimeout == 0 {
		o.RequestTimeout = 10 * time.Second
	}
	if o.PublicMaxAge == 0 {
		o.PublicMaxAge = 60 * time.Second
	}
	if o.CacheEntries == 0 {
		o.CacheEntries = 1000
	}
}

// NewHandler returns the HTTP handler serving GraphQL at /query (and, in
// development, GraphiQL at /).
func NewHandler(o Options) http.Handler {
	o.defaults()
	var cache *responseCache
	if o.CacheEntries > 0 {
		cache = newResponseCache(o.CacheEntries, o.PublicMaxAge, o.Clock)
		o.Client.Use(invalidateOnChange(cache))
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
	if o.AllowList != nil {
		srv.Use(allowListExtension{list: o.AllowList})
	} else {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	}
	srv.Use(limitsExtension{o.Limits})
	srv.Use(observer{metrics: o.Metrics})
	// Every mutation runs in one transaction, except the two that must record
	// attempts even when they fail (rate limits) and manage their own.
	srv.Use(entgql.Transactioner{TxOpener: o.Client, SkipTxFunc: entgql.SkipIfHasFields("openCaseSession", "requestSupport")})
	srv.SetErrorPresenter(errorPresenter(o.Logger))
	srv.SetRecoverFunc(recoverFunc(o.Logger))

	mux := http.NewServeMux()
	mux.Handle("/query", withAccessLog(o.Logger, withRequestContext(o, httpLayer(o, cache, srv))))
	if !o.Production {
		mux.Handle("GET /{$}", graphiQL())
		mux.Handle("GET /graphiql/", graphiQLAssets())
	}
	return mux
}

// withRequestContext puts what every resolver needs into the request context:
// a request id, the response's instant, the Accept-Language locale (also sent
// back as Content-Language), the client address and the viewer from the
// bearer token. (httpLayer sets the deadline, after the cache had its say.)
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
				code, msg, _ := classify(ctx, err)
				securityHeaders(w.Header())
				writeRequestError(w, http.StatusUnauthorized, l, code, msg)
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// authenticate puts the viewer of an Authorization value ("Bearer <token>")
// into ctx: a victim session token (vst_…), a staff JWT signed with
// AUTH_SECRET, or one from the identity provider. A bad, expired or revoked
// token is an error, never a silent downgrade to anonymous.
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
	if err != nil && o.OIDC != nil {
		v, err = o.OIDC.viewer(ctx, o.Client, token, instant(ctx))
	}
	if err != nil {
		return ctx, errUnauthenticated
	}
	return viewer.NewContext(ctx, v), nil
}

// writeRequestError answers a request that never reached GraphQL execution.
func writeRequestError(w http.ResponseWriter, status int, l *locales.Locale, code Code, messageID string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{
			"message":    l.T(messageID, nil),
			"extensions": map[string]any{"code": string(code)},
		}},
	})
}

// invalidateOnChange empties the public answer cache whenever directory or
// content data changes (cases and sessions never reach that cache).
func invalidateOnChange(c *responseCache) ent.Hook {
	public := map[string]bool{
		ent.TypeService: true, ent.TypeServiceTranslation: true, ent.TypeOrganization: true,
		ent.TypeOrganizationTranslation: true, ent.TypeLocation: true, ent.TypeLocationTranslation: true,
		ent.TypeResource: true, ent.TypeResourceTranslation: true,
	}
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err == nil && public[m.Type()] {
				c.invalidate()
			}
			return v, err
		})
	}
}
