package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"entgo.io/ent/dialect"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"victimservices/ent"
	"victimservices/ent/schema/errcode"
	"victimservices/graph"
	"victimservices/internal/accesscode"
	"victimservices/internal/auth"
	"victimservices/internal/cases"
	"victimservices/internal/hsds"
	"victimservices/internal/notify"
	"victimservices/internal/outreach"
	"victimservices/internal/request"
	"victimservices/internal/storage"
	"victimservices/locales"
	"victimservices/web"
)

// Options configures the API handler. Zero values take the defaults.
type Options struct {
	// Client is the database client, from storage.Open (which installed the
	// audit, text and change hooks every client needs). Several handlers may
	// share it.
	Client *ent.Client
	// Clock is read once per request; every time-dependent field of the
	// response uses that instant.
	Clock func() time.Time
	// AuthSecret verifies staff bearer tokens (at least 32 bytes).
	AuthSecret []byte
	// MaxTokenTTL refuses staff tokens issued for longer (default 12 h).
	MaxTokenTTL time.Duration
	// OIDC, when set, also accepts staff tokens from the city's identity
	// provider.
	OIDC *auth.OIDC
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
	// MaxSubscriptions caps the live subscriptions of one socket and of one
	// caller over all their sockets to this process (default
	// DefaultMaxSubscriptions).
	MaxSubscriptions int
	// MaxInFlight caps the queries and mutations executing at once; the next
	// wait up to AdmissionWait for a turn, then are refused UNAVAILABLE (HTTP
	// 503). Defaults: DefaultMaxInFlight() and DefaultAdmissionWait. See
	// admission.go.
	MaxInFlight   int
	AdmissionWait time.Duration
	// Outreach, when set, tells people of case changes outside the app and
	// serves the SMS provider's callbacks at /hooks/sms/ (see
	// internal/outreach); nil sends nothing.
	Outreach *outreach.Outreach
	// TimeZone is the unit's IANA zone (default America/Chicago).
	TimeZone string
	// WebFiles, when set, serves the web client at /app/ from these files
	// (a development build being watched, WEB_DIR) instead of the build
	// embedded in the binary.
	WebFiles fs.FS
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
	if o.MaxSubscriptions <= 0 {
		o.MaxSubscriptions = DefaultMaxSubscriptions
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = DefaultMaxInFlight()
	}
	if o.AdmissionWait <= 0 {
		o.AdmissionWait = DefaultAdmissionWait
	}
}

// NewHandler returns the HTTP handler serving GraphQL at /query, the web
// client at /app/ (and the neutral page of its quick exit), and at / GraphiQL
// in development or a redirect to /app/ in production.
func NewHandler(o Options) http.Handler {
	o.defaults()
	authn := &auth.Authenticator{Client: o.Client, Secret: o.AuthSecret, OIDC: o.OIDC, MaxTokenTTL: o.MaxTokenTTL}
	o.Notifier.Watch(authn.ForgetCase) // a session ended anywhere is refused here at once
	var cache *responseCache
	if o.CacheEntries > 0 {
		cache = newResponseCache(o.CacheEntries, o.PublicMaxAge, o.Clock)
		o.Notifier.WatchDirectory(cache.invalidate)
	}
	// A directory change through this process empties its cache when the
	// change commits and tells the other processes (NOTIFY on PostgreSQL, in
	// the change's transaction), whose caches empty too; a rolled-back
	// change empties none. (The watch lasts as long as the client: handlers
	// share it.)
	// The kept totalCounts of public lists (storage.WithCountKey) forget a
	// change made through this process at its commit, and one made through
	// another when its notification arrives.
	o.Notifier.WatchDirectory(func() { storage.ForgetCounts(o.Client) })
	// The kept totalCounts of case lists (storage.WithCaseCountKey) likewise
	// forget a case change through another process when its notification
	// arrives (this process's own at commit).
	o.Notifier.Watch(func(string) { storage.ForgetCaseCounts(o.Client) })
	storage.OnPublicChange(o.Client, func(ctx context.Context, tx *ent.Tx) error {
		return o.Notifier.DirectoryChanged(ctx, tx, o.Client)
	})
	var outbox cases.Outbox
	if o.Outreach != nil {
		outbox = o.Outreach
	}
	domain := cases.New(cases.Config{Client: o.Client, Hasher: o.Hasher, Notifier: o.Notifier, Clock: o.Clock,
		Logger: o.Logger, Outbox: outbox, TimeZone: o.TimeZone})
	if o.Outreach != nil {
		o.Outreach.UseReplies(domain)
	}

	schema := graph.NewSchema(o.Client, domain)
	srv := handler.New(schema)
	present := graph.ErrorPresenter(o.Logger)
	srv.AddTransport(transport.Websocket{
		Implementation:        sockets{},
		KeepAlivePingInterval: 15 * time.Second,
		InitTimeout:           10 * time.Second,
		InitFunc: func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			ctx = request.WithLiveClock(ctx, o.Clock)
			ctx = graph.ServeText(ctx)
			ctx = withSocketSubscriptions(ctx)
			cred := p.Authorization()
			if cred == "" {
				cred = auth.Credential(ctx) // sent as a header on the upgrade
			}
			ctx, err := authn.Authenticate(ctx, cred)
			if err != nil {
				// Only the presented error reaches the client (never a
				// driver's text), and a failure of the server is not a
				// reason to sign in again.
				e := present(ctx, err)
				refuseSocket(ctx, e)
				closeCode := closeUnauthorized
				if e.Extensions["code"] == string(errcode.Internal) {
					closeCode = closeInternal
				}
				return transport.WithWebsocketCloseCode(ctx, closeCode), nil, errors.New(e.Message)
			}
			return auth.WithCredential(ctx, cred), nil, nil
		},
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	docs := lru.New[*ast.QueryDocument](1000)
	srv.SetQueryCache(docs)
	if !o.Production {
		srv.Use(extension.Introspection{})
	}
	srv.SetDisableSuggestion(o.Production)
	if o.Production {
		srv.SetValidationRulesFn(graph.RulesWithoutSuggestions)
	}
	if o.AllowList != nil {
		srv.Use(allowListExtension{list: o.AllowList})
	} else {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	}
	presenter := graph.ErrorPresenter(o.Logger)
	if o.Production {
		presenter = graph.WithoutSuggestions(presenter)
	}
	srv.SetErrorPresenter(presenter)
	srv.Use(limitsExtension{Limits: o.Limits, docs: docs, noIntrospection: o.Production})
	srv.Use(observer{metrics: o.Metrics, known: operationNames(o.AllowList)})
	srv.Use(reauthenticate{authn: authn, log: o.Logger})
	srv.Use(newAdmission(o.MaxInFlight, o.AdmissionWait, presenter))
	srv.Use(newSubscriptionCap(o.MaxSubscriptions))
	srv.Use(fieldTransactions{client: o.Client})
	srv.Use(graph.ContentLanguage{})
	srv.SetRecoverFunc(graph.RecoverFunc(o.Logger))

	mux := http.NewServeMux()
	if o.Outreach != nil {
		mux.Handle("POST /hooks/sms/", o.Outreach.Hooks())
	}
	mux.Handle("/query", withAccessLog(o.Logger, withRequestContext(o, authn, present, httpLayer(o, cache, srv))))
	// The HSDS 3.0 read API: public directory data only (internal/hsds reads
	// as the public viewer), logged and traced like /query.
	mux.Handle("GET /hsds/", withAccessLog(o.Logger, hsds.Handler(o.Client)))
	// The offline sync document: the public directory and guides in one
	// locale, one cacheable request (sync.go).
	mux.Handle("GET /sync/{locale}", withAccessLog(o.Logger, newSyncDocument(o, schema)))
	// The iCalendar files of appointments and court dates, authenticated
	// as /query is; the privacy rules decide who gets one.
	mux.Handle("GET /calendar/{kind}/{file}", withAccessLog(o.Logger, withRequestContext(o, authn, present, calendarFiles(domain, present))))
	mux.Handle("/app/", web.Handler(o.WebFiles))
	mux.Handle("GET "+web.NeutralPath, web.Neutral(o.WebFiles))
	if o.Production {
		mux.Handle("GET /{$}", http.RedirectHandler("/app/", http.StatusFound))
	} else {
		mux.Handle("GET /{$}", graphiQL())
		mux.Handle("GET /graphiql/", graphiQLAssets())
	}
	return mux
}

// withRequestContext puts what every resolver needs into the request context:
// a request id, the response's instant, the Accept-Language locale (also sent
// back as Content-Language), the client address, text in the reader's
// locale and the viewer of the Authorization header, from the one
// Authenticate every transport uses. (httpLayer sets the deadline, after the
// cache had its say.)
func withRequestContext(o Options, authn *auth.Authenticator, present graphql.ErrorPresenterFunc, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := request.NewID()
		w.Header().Set("X-Request-ID", id)
		ctx := request.WithID(r.Context(), id)
		ctx = request.WithInstant(ctx, o.Clock())
		l := locales.Match(r.Header.Get("Accept-Language"))
		ctx = locales.NewContext(ctx, l)
		w.Header().Set("Content-Language", l.Code)
		w.Header().Add("Vary", "Accept-Language")
		ctx = request.WithClient(ctx, clientAddr(r, o.TrustedProxies))
		ctx = graph.ServeText(ctx)
		if websocketUpgrade(r) {
			// The socket authenticates at connection_init, then again for
			// every operation; its long-lived context can be ended early.
			ctx = auth.WithCredential(ctx, r.Header.Get("Authorization"))
			next.ServeHTTP(w, r.WithContext(withSocketEnd(ctx)))
			return
		}
		ctx, err := authn.Authenticate(ctx, r.Header.Get("Authorization"))
		if err != nil {
			// The presenter logs a failure of the server (the session
			// lookup's database) with the request id it answers.
			e := present(ctx, err)
			code, _ := e.Extensions["code"].(string)
			status := http.StatusUnauthorized
			if code == string(errcode.Internal) {
				status = http.StatusInternalServerError
			}
			if a := logFrom(ctx); a != nil {
				a.set("", []string{code})
			}
			securityHeaders(w.Header())
			writeRequestError(w, status, e)
			return
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// writeRequestError answers a request that never reached GraphQL execution
// with the presented error.
func writeRequestError(w http.ResponseWriter, status int, e *gqlerror.Error) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": e.Message, "extensions": e.Extensions}},
	})
}
