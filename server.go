// Command victimservices serves the Victim Services GraphQL API.
//
//	victimservices                       serve (migrates the schema first)
//	victimservices seed                  migrate and load the demo data (idempotent)
//	victimservices token -role editor -name Dana
//	                                     create or update a staff member, print a bearer token
//	victimservices allowlist ops/*.graphql > persisted-queries.json
//	                                     write the allow-list of the apps' operations
//	victimservices export-hsds -locale es > es.json
//	                                     write the public directory as HSDS 3.0 JSON
//	victimservices import-hsds [-dry-run] [-locale es] FILE|DIR
//	                                     import an HSDS 3.0 dataset (one transaction)
//
// Configuration comes from environment variables, overridden by flags of the
// same name in lower case (-addr, -database-url, -app-env, -auth-secret); see
// README.md.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/privacy"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"victimservices/ent"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/sealed"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/staff"
	"victimservices/graph/httpapi"
	"victimservices/internal/accesscode"
	"victimservices/internal/audit"
	"victimservices/internal/auth"
	"victimservices/internal/directory"
	"victimservices/internal/jobs"
	"victimservices/internal/outreach"
	"victimservices/internal/retention"
	"victimservices/internal/seed"
	"victimservices/internal/storage"
	"victimservices/locales"
)

// devAuthSecret signs staff tokens in development when AUTH_SECRET is unset.
// Production refuses to start without a configured secret.
const devAuthSecret = "development-only-key-never-use-in-production!"

// Config is the server's configuration.
type Config struct {
	// Addr is the listen address (ADDR, default :8080).
	Addr string
	// DatabaseURL is postgres://… or file:… (DATABASE_URL, default file:victim-services.db).
	DatabaseURL string
	// ExtraLocalesDir holds locales added with files alone: a locales.toml
	// with their entries and their active.<code>.toml (EXTRA_LOCALES_DIR).
	ExtraLocalesDir string
	// AppEnv is development or production (APP_ENV, default development).
	AppEnv string
	// AuthSecret signs staff tokens (AUTH_SECRET, at least 32 bytes; never
	// the development key in production).
	AuthSecret string
	// MaxTokenTTL is the longest lifetime of a staff token
	// (STAFF_TOKEN_MAX_TTL, default 12h): longer ones are neither issued nor
	// accepted.
	MaxTokenTTL time.Duration
	// TrustedProxies lists the proxies (addresses or CIDR prefixes) whose
	// X-Forwarded-For names the client (TRUSTED_PROXIES, default none).
	TrustedProxies string
	// MetricsAddr serves /metrics on its own address (METRICS_ADDR; default:
	// on ADDR in development, nowhere in production).
	MetricsAddr string
	// MetricsPublic also serves /metrics on ADDR in production
	// (METRICS_PUBLIC=true).
	MetricsPublic bool
	// MaxSubscriptions caps live subscriptions per socket and per caller
	// (MAX_SUBSCRIPTIONS, default 20).
	MaxSubscriptions int
	// MaxInFlight caps the queries and mutations executing at once
	// (MAX_IN_FLIGHT, default 8 per core); AdmissionWait is how long the next
	// wait for a turn before UNAVAILABLE (ADMISSION_WAIT, default 1s).
	MaxInFlight   int
	AdmissionWait time.Duration
	// CORSOrigins are the browser origins allowed to call the API
	// (CORS_ALLOWED_ORIGINS, comma-separated; default none).
	CORSOrigins string
	// PersistedQueries is an allow-list file (PERSISTED_QUERIES_FILE).
	PersistedQueries string
	// WebDir serves the web client from this directory instead of the
	// embedded build (WEB_DIR; for `npm run watch` in development).
	WebDir string
	// OIDC settings (AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, AUTH_ROLE_CLAIM).
	JWKSURL, Issuer, Audience, RoleClaim string
	// Tracing exporter (OTEL_TRACES_EXPORTER: none, stdout or otlp).
	Tracing string
	// Limits and timeouts (see README).
	Limits          httpapi.Limits
	MaxBodyBytes    int64
	RequestTimeout  time.Duration
	StatementTimout time.Duration
	// ShutdownTimeout bounds the graceful shutdown.
	ShutdownTimeout time.Duration
	// Outreach: notifications outside the app (see README "Notifications").
	Outreach OutreachConfig
	// Retention: how long things are kept (see README "Retention").
	Retention retention.Policy
	// EncryptionKeys seal the victim's contact fields and free text
	// (ENCRYPTION_KEYS, "id2:<base64 of 32 bytes>,id1:<…>", the first
	// current; see package sealed).
	EncryptionKeys string

	// Clock is the time source (time.Now unless a test injects one).
	Clock func() time.Time
	// Logger receives structured logs.
	Logger *slog.Logger
	// Listening, when set, receives the bound address once the server accepts
	// connections (tests listen on :0).
	Listening func(addr string)
}

// Production reports whether the server runs in production mode.
func (c Config) Production() bool { return c.AppEnv == "production" }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := command(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// command dispatches the subcommands.
func command(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	name := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := configFlags(fs, getenv)
	cfg.Logger = slog.New(slog.NewJSONHandler(stderr, nil))
	cfg.Clock = time.Now
	switch name {
	case "":
		if err := fs.Parse(args); err != nil {
			return err
		}
		return run(ctx, *cfg)
	case "seed":
		if err := fs.Parse(args); err != nil {
			return err
		}
		return seedCommand(ctx, *cfg, stdout)
	case "token":
		role := fs.String("role", "", "staff role: editor, advocate, supervisor or admin")
		staffName := fs.String("name", "", "staff member's work name (the record is found or created by it)")
		phoneNumber := fs.String("phone", "", "work phone number (optional)")
		email := fs.String("email", "", "work email address (optional)")
		ttl := fs.Duration("ttl", 12*time.Hour, "how long the token is valid (at most STAFF_TOKEN_MAX_TTL)")
		if err := fs.Parse(args); err != nil {
			return err
		}
		return tokenCommand(ctx, *cfg, tokenRequest{
			role: viewer.Role(strings.ToUpper(*role)), name: *staffName, phone: *phoneNumber, email: *email, ttl: *ttl,
		}, stdout)
	case "allowlist":
		if err := fs.Parse(args); err != nil {
			return err
		}
		return allowlistCommand(fs.Args(), stdout)
	case "rotate-keys":
		if err := fs.Parse(args); err != nil {
			return err
		}
		return rotateKeysCommand(ctx, *cfg, stdout)
	case "retention":
		dryRun := fs.Bool("dry-run", false, "report what the retention policy would remove, change nothing")
		if err := fs.Parse(args); err != nil {
			return err
		}
		return retentionCommand(ctx, *cfg, *dryRun, stdout)
	case "xliff-export", "xliff-import":
		var req xliffRequest
		fs.StringVar(&req.locale, "locale", "", "xliff-export: the target locale's code, e.g. es")
		fs.StringVar(&req.out, "out", "", "xliff-export: write to this file (default standard output)")
		fs.BoolVar(&req.all, "all", false, "xliff-export: every unit, not only what is missing, changed or unreviewed")
		fs.StringVar(&req.translator, "translator", "", "xliff-import: the translator's name, recorded as the reviewer")
		fs.BoolVar(&req.dryRun, "dry-run", false, "xliff-import: validate and report, change nothing")
		fs.BoolVar(&req.publish, "publish", false, "xliff-import: publish new texts at once (default: drafts an editor publishes)")
		fs.StringVar(&req.localesDir, "locales-dir", "locales", "the directory of the active.<locale>.toml files")
		if err := fs.Parse(args); err != nil {
			return err
		}
		if name == "xliff-export" {
			return xliffExportCommand(ctx, *cfg, req, stdout)
		}
		req.file = fs.Arg(0)
		return xliffImportCommand(ctx, *cfg, req, stdout, stderr)
	case "import-hsds":
		dryRun := fs.Bool("dry-run", false, "check the dataset and report what would change, change nothing")
		locale := fs.String("locale", "", "locale the text is saved in (default: the dataset's x_locale, else en)")
		if err := fs.Parse(args); err != nil {
			return err
		}
		return importHSDSCommand(ctx, *cfg, fs.Args(), *locale, *dryRun, stdout, stderr)
	case "export-hsds":
		locale := fs.String("locale", "en", "locale of the text")
		if err := fs.Parse(args); err != nil {
			return err
		}
		return exportHSDSCommand(ctx, *cfg, *locale, stdout)
	case "migrate":
		dryRun := fs.Bool("dry-run", false, "migrate up: print the SQL of the pending migrations, change nothing")
		action := ""
		if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			action, args = args[0], args[1:] // migrate up -dry-run
		}
		if err := fs.Parse(args); err != nil {
			return err
		}
		if action == "" {
			action = fs.Arg(0) // migrate -dry-run up
		}
		return migrateCommand(ctx, *cfg, action, *dryRun, stdout)
	}
	return fmt.Errorf("unknown command %q (want seed, token, allowlist, migrate, retention, rotate-keys, xliff-export, xliff-import, import-hsds or export-hsds)", name)
}

// configFlags reads the environment and declares flags that override it.
func configFlags(fs *flag.FlagSet, getenv func(string) string) *Config {
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	cfg := &Config{ShutdownTimeout: 20 * time.Second, Limits: httpapi.DefaultLimits}
	fs.StringVar(&cfg.Addr, "addr", env("ADDR", ":8080"), "listen address (ADDR)")
	fs.StringVar(&cfg.DatabaseURL, "database-url", env("DATABASE_URL", storage.DefaultURL), "postgres://… or file:… (DATABASE_URL)")
	fs.StringVar(&cfg.AppEnv, "app-env", env("APP_ENV", "development"), "development or production (APP_ENV)")
	fs.StringVar(&cfg.AuthSecret, "auth-secret", getenv("AUTH_SECRET"), "key for staff tokens, at least 32 bytes (AUTH_SECRET)")
	fs.StringVar(&cfg.EncryptionKeys, "encryption-keys", getenv("ENCRYPTION_KEYS"), "keys that seal contact fields and free text at rest: id2:<base64 of 32 bytes>,id1:<…>, the first current (ENCRYPTION_KEYS)")
	fs.StringVar(&cfg.TrustedProxies, "trusted-proxies", getenv("TRUSTED_PROXIES"), "comma-separated proxy addresses or CIDRs whose X-Forwarded-For is believed (TRUSTED_PROXIES)")
	fs.StringVar(&cfg.MetricsAddr, "metrics-addr", getenv("METRICS_ADDR"), "serve /metrics here instead of on ADDR (METRICS_ADDR)")
	metricsPublic, _ := strconv.ParseBool(getenv("METRICS_PUBLIC"))
	fs.BoolVar(&cfg.MetricsPublic, "metrics-public", metricsPublic, "in production, also serve /metrics on ADDR (METRICS_PUBLIC)")
	fs.StringVar(&cfg.ExtraLocalesDir, "extra-locales-dir", getenv("EXTRA_LOCALES_DIR"), "directory of locales added by files: locales.toml and active.<code>.toml (EXTRA_LOCALES_DIR)")
	fs.StringVar(&cfg.CORSOrigins, "cors-allowed-origins", getenv("CORS_ALLOWED_ORIGINS"), "comma-separated browser origins allowed to call the API (CORS_ALLOWED_ORIGINS)")
	fs.StringVar(&cfg.WebDir, "web-dir", getenv("WEB_DIR"), "serve the web client at /app/ from this directory, e.g. web/dist, instead of the embedded build (WEB_DIR)")
	fs.StringVar(&cfg.PersistedQueries, "persisted-queries-file", getenv("PERSISTED_QUERIES_FILE"), "allow-list of operations: only these are accepted (PERSISTED_QUERIES_FILE)")
	fs.StringVar(&cfg.JWKSURL, "auth-jwks-url", getenv("AUTH_JWKS_URL"), "JWKS of the identity provider for staff tokens (AUTH_JWKS_URL)")
	fs.StringVar(&cfg.Issuer, "auth-issuer", getenv("AUTH_ISSUER"), "required iss of identity provider tokens (AUTH_ISSUER)")
	fs.StringVar(&cfg.Audience, "auth-audience", getenv("AUTH_AUDIENCE"), "required aud of identity provider tokens (AUTH_AUDIENCE)")
	fs.StringVar(&cfg.RoleClaim, "auth-role-claim", env("AUTH_ROLE_CLAIM", "roles"), "claim holding the staff role (AUTH_ROLE_CLAIM)")
	fs.StringVar(&cfg.Tracing, "otel-traces-exporter", env("OTEL_TRACES_EXPORTER", "none"), "none, stdout or otlp (OTEL_TRACES_EXPORTER; otlp reads OTEL_EXPORTER_OTLP_ENDPOINT)")
	intVar := func(p *int, name, key string, def int, usage string) {
		v, err := strconv.Atoi(env(key, strconv.Itoa(def)))
		if err != nil {
			v = def
		}
		fs.IntVar(p, name, v, usage+" ("+key+")")
	}
	durVar := func(p *time.Duration, name, key string, def time.Duration, usage string) {
		v, err := time.ParseDuration(env(key, def.String()))
		if err != nil {
			v = def
		}
		fs.DurationVar(p, name, v, usage+" ("+key+")")
	}
	d := httpapi.DefaultLimits
	intVar(&cfg.Limits.MaxDepth, "max-query-depth", "MAX_QUERY_DEPTH", d.MaxDepth, "deepest field nesting")
	intVar(&cfg.Limits.MaxComplexity, "max-query-complexity", "MAX_QUERY_COMPLEXITY", d.MaxComplexity, "largest query cost (lists weigh by page size)")
	intVar(&cfg.Limits.MaxAliases, "max-aliases", "MAX_ALIASES", d.MaxAliases, "most aliases per operation")
	intVar(&cfg.Limits.MaxRootFields, "max-root-fields", "MAX_ROOT_FIELDS", d.MaxRootFields, "most top-level fields per operation")
	intVar(&cfg.Limits.MaxQueryBytes, "max-query-bytes", "MAX_QUERY_BYTES", d.MaxQueryBytes, "longest query text in bytes")
	intVar(&cfg.Limits.MaxQueryTokens, "max-query-tokens", "MAX_QUERY_TOKENS", d.MaxQueryTokens, "most tokens in a query text")
	intVar(&cfg.Limits.MaxFields, "max-query-fields", "MAX_QUERY_FIELDS", d.MaxFields, "most fields in a query, fragments counted where spread, checked before validation")
	intVar(&cfg.MaxSubscriptions, "max-subscriptions", "MAX_SUBSCRIPTIONS", httpapi.DefaultMaxSubscriptions, "most live subscriptions per socket and per caller")
	intVar(&cfg.MaxInFlight, "max-in-flight", "MAX_IN_FLIGHT", httpapi.DefaultMaxInFlight(), "most queries and mutations executing at once; the next wait, then get UNAVAILABLE")
	durVar(&cfg.AdmissionWait, "admission-wait", "ADMISSION_WAIT", httpapi.DefaultAdmissionWait, "how long a query waits for a turn at max-in-flight")
	var body int
	intVar(&body, "max-body-bytes", "MAX_BODY_BYTES", 1<<20, "largest request body")
	cfg.MaxBodyBytes = int64(body)
	durVar(&cfg.MaxTokenTTL, "staff-token-max-ttl", "STAFF_TOKEN_MAX_TTL", auth.DefaultMaxTokenTTL, "longest lifetime of a staff token")
	durVar(&cfg.RequestTimeout, "request-timeout", "REQUEST_TIMEOUT", 10*time.Second, "deadline of one request's resolvers")
	durVar(&cfg.StatementTimout, "statement-timeout", "STATEMENT_TIMEOUT", 5*time.Second, "PostgreSQL statement_timeout")
	o := &cfg.Outreach
	fs.StringVar(&o.SMTPURL, "smtp-url", getenv("SMTP_URL"), "smtp://user:pass@host:port (plain or STARTTLS) or smtps://… (implicit TLS) (SMTP_URL)")
	fs.StringVar(&o.MailFrom, "mail-from", env("MAIL_FROM", defaultMailFrom), "sender address of email (MAIL_FROM)")
	fs.StringVar(&o.SMSURL, "sms-provider-url", getenv("SMS_PROVIDER_URL"), "the SMS provider's messages endpoint, Twilio's Messages API shape (SMS_PROVIDER_URL)")
	fs.StringVar(&o.SMSAccountSID, "sms-account-sid", getenv("SMS_ACCOUNT_SID"), "SMS provider account (SMS_ACCOUNT_SID)")
	fs.StringVar(&o.SMSAuthToken, "sms-auth-token", getenv("SMS_AUTH_TOKEN"), "SMS provider token; also verifies its callbacks (SMS_AUTH_TOKEN)")
	fs.StringVar(&o.SMSFrom, "sms-from", getenv("SMS_FROM"), "sending number, E.164 (SMS_FROM)")
	fs.StringVar(&o.PublicURL, "public-url", getenv("PUBLIC_URL"), "this server's address as the SMS provider calls it, e.g. https://vs.example.org (PUBLIC_URL)")
	fs.StringVar(&o.NeutralSender, "neutral-sender-name", env("NEUTRAL_SENDER_NAME", outreach.DefaultNeutralSender), "sender name of neutral messages (NEUTRAL_SENDER_NAME)")
	fs.StringVar(&o.UnitPhone, "unit-phone", env("UNIT_PHONE", "+13125551234"), "the number an answer to HELP gives (UNIT_PHONE)")
	fs.StringVar(&o.TimeZone, "unit-time-zone", env("UNIT_TIME_ZONE", outreach.DefaultTimeZone), "the unit's IANA zone (UNIT_TIME_ZONE)")
	workers, err := strconv.ParseBool(env("JOB_WORKERS", "true"))
	if err != nil {
		workers = true
	}
	fs.BoolVar(&o.Workers, "job-workers", workers, "run the job queue's workers in this process (JOB_WORKERS)")
	intVar(&o.HourlyLimit, "notify-hourly-limit", "NOTIFY_HOURLY_LIMIT", outreach.DefaultHourlyLimit, "most outside messages a person gets an hour")
	daysVar := func(p *time.Duration, name, key string, def time.Duration, usage string) {
		days, err := strconv.Atoi(env(key, strconv.Itoa(int(def/(24*time.Hour)))))
		if err != nil || days < 1 {
			days = int(def / (24 * time.Hour))
		}
		*p = time.Duration(days) * 24 * time.Hour
		fs.Func(name, usage+", in days ("+key+")", func(v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return fmt.Errorf("want a whole number of days, at least 1")
			}
			*p = time.Duration(n) * 24 * time.Hour
			return nil
		})
	}
	r, rd := &cfg.Retention, retention.DefaultPolicy
	daysVar(&r.ClosedCases, "retention-case-days", "RETENTION_CASE_DAYS", rd.ClosedCases, "how long after closing a case is anonymised")
	daysVar(&r.Sessions, "retention-session-days", "RETENTION_SESSION_DAYS", rd.Sessions, "how long ended victim sessions are kept")
	daysVar(&r.RateEvents, "retention-rate-event-days", "RETENTION_RATE_EVENT_DAYS", rd.RateEvents, "how long rate-limit events are kept")
	daysVar(&r.Revisions, "retention-revision-days", "RETENTION_REVISION_DAYS", rd.Revisions, "how long guide revisions beyond each translation's newest ten are kept")
	daysVar(&r.Audit, "retention-audit-days", "RETENTION_AUDIT_DAYS", rd.Audit, "how long audit records are kept")
	daysVar(&r.Tombstones, "retention-tombstone-days", "RETENTION_TOMBSTONE_DAYS", rd.Tombstones, "how long deleted directory items are reported to offline apps")
	return cfg
}

// prepare checks the configuration, opens and migrates the database.
func prepare(ctx context.Context, cfg *Config) (*ent.Client, error) {
	client, _, err := prepareDB(ctx, cfg)
	return client, err
}

// prepareDB is prepare, also returning the connection pool.
func prepareDB(ctx context.Context, cfg *Config) (*ent.Client, *sql.DB, error) {
	if cfg.ExtraLocalesDir != "" {
		if err := locales.LoadDir(cfg.ExtraLocalesDir); err != nil {
			return nil, nil, fmt.Errorf("EXTRA_LOCALES_DIR: %w", err)
		}
	}
	if cfg.AppEnv != "development" && cfg.AppEnv != "production" {
		return nil, nil, fmt.Errorf("APP_ENV must be development or production, not %q", cfg.AppEnv)
	}
	if cfg.AuthSecret == "" {
		if cfg.Production() {
			return nil, nil, errors.New("AUTH_SECRET is required in production")
		}
		cfg.Logger.Warn("AUTH_SECRET is not set: staff tokens are signed with the built-in DEVELOPMENT key; anyone can forge them. Never run like this in production.")
		cfg.AuthSecret = devAuthSecret
	}
	if cfg.Production() && strings.TrimSpace(cfg.AuthSecret) == devAuthSecret {
		return nil, nil, errors.New("AUTH_SECRET is the built-in development key: anyone can forge tokens with it; set a secret of your own")
	}
	if len(cfg.AuthSecret) < auth.MinSecretLen {
		return nil, nil, fmt.Errorf("AUTH_SECRET must be at least %d bytes", auth.MinSecretLen)
	}
	if err := useEncryptionKeys(cfg); err != nil {
		return nil, nil, err
	}
	client, db, err := storage.Open(storage.WithStatementTimeout(cfg.DatabaseURL, cfg.StatementTimout), nil)
	if err != nil {
		return nil, nil, err
	}
	if err := storage.Migrate(ctx, client, db, cfg.DatabaseURL, cfg.Production()); err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("migrate: %w", err)
	}
	if err := directory.BackfillSlugs(ctx, client); err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("slugs: %w", err)
	}
	if err := directory.BackfillSearchText(ctx, client); err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("search text: %w", err)
	}
	d, _ := storage.Dialect(cfg.DatabaseURL)
	if err := jobs.Migrate(ctx, db, d); err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("migrate the job queue: %w", err)
	}
	return client, db, nil
}

// run serves until ctx is cancelled, then shuts down gracefully.
func run(ctx context.Context, cfg Config) error {
	httpapi.ApplyMemoryLimit()
	client, db, err := prepareDB(ctx, &cfg)
	if err != nil {
		return err
	}
	defer client.Close()

	// Development on the embedded database seeds an empty database; anywhere
	// else only the seed subcommand loads demo data.
	if d, _ := storage.Dialect(cfg.DatabaseURL); d == dialect.SQLite && !cfg.Production() {
		if added, err := seed.Load(ctx, client); err != nil {
			return fmt.Errorf("seed: %w", err)
		} else if added {
			cfg.Logger.Info("loaded the demo data set into the empty embedded database")
		}
	}

	opts, cleanup, err := handlerOptions(ctx, cfg, client)
	if err != nil {
		return err
	}
	defer cleanup()
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(db, "main"))
	opts.Metrics = httpapi.NewMetrics(reg, opts.Notifier.Subscribers)
	opts.TimeZone = cfg.Outreach.TimeZone
	out, queue, err := newOutreach(cfg, client, db, reg)
	if err != nil {
		return err
	}
	opts.Outreach = out
	api := httpapi.NewHandler(opts)
	if err := queue.Start(ctx); err != nil {
		return fmt.Errorf("job queue: %w", err)
	}
	defer func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = queue.Stop(stopCtx)
	}()

	mux := http.NewServeMux()
	mux.Handle("/", api)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if err := ready(r.Context(), client, db); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, "not ready\n")
			return
		}
		_, _ = io.WriteString(w, "ready\n")
	})
	metrics := promhttp.HandlerFor(reg, promhttp.HandlerOpts{})
	// The API port is public: in production /metrics (latencies, error
	// rates, open subscriptions) is served there only when asked for.
	if (cfg.MetricsAddr == "" && !cfg.Production()) || cfg.MetricsPublic {
		mux.Handle("GET /metrics", metrics)
	} else if cfg.MetricsAddr == "" {
		cfg.Logger.Info("/metrics is not served: set METRICS_ADDR to a private address (or METRICS_PUBLIC=true)")
	}
	if cfg.MetricsAddr != "" {
		mm := http.NewServeMux()
		mm.Handle("GET /metrics", metrics)
		msrv := &http.Server{Addr: cfg.MetricsAddr, Handler: mm, ReadHeaderTimeout: 5 * time.Second}
		go func() {
			if err := msrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				cfg.Logger.Error("metrics server", "error", err.Error())
			}
		}()
		defer msrv.Close()
	}

	// Websockets live long: on shutdown they are closed (normal closure)
	// while ordinary requests in flight are allowed to finish.
	wsCtx, stopWebsockets := context.WithCancel(context.Background())
	defer stopWebsockets()
	var handler http.Handler = closeWebsocketsOn(wsCtx, mux)
	if origins := splitList(cfg.CORSOrigins); len(origins) > 0 {
		handler = cors.New(cors.Options{
			AllowedOrigins:   origins,
			AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
			AllowedHeaders:   []string{"Authorization", "Content-Type", "Accept", "Accept-Language"},
			ExposedHeaders:   []string{"Content-Language", "ETag", "X-Request-ID"},
			MaxAge:           600,
			AllowCredentials: false,
		}).Handler(handler)
	}

	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	srv.RegisterOnShutdown(stopWebsockets)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	cfg.Logger.Info("serving", "addr", ln.Addr().String(), "env", cfg.AppEnv)
	if cfg.Listening != nil {
		cfg.Listening(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	cfg.Logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// migrateCommand shows (status) or applies (up) the versioned migrations
// of a PostgreSQL database; the embedded SQLite default migrates itself.
func migrateCommand(ctx context.Context, cfg Config, action string, dryRun bool, stdout io.Writer) error {
	if action != "status" && action != "up" {
		return fmt.Errorf("migrate: want status or up, not %q", action)
	}
	client, db, err := storage.Open(cfg.DatabaseURL, nil)
	if err != nil {
		return err
	}
	defer client.Close()
	if d, _ := storage.Dialect(cfg.DatabaseURL); d != dialect.Postgres {
		if action == "up" && !dryRun {
			if err := storage.AutoMigrate(ctx, client, cfg.DatabaseURL); err != nil {
				return err
			}
		}
		fmt.Fprintln(stdout, "SQLite migrates itself with ent's auto-migration at every start; there are no versioned migrations to apply")
		return nil
	}
	if action == "status" {
		st, err := storage.Migrations(ctx, db)
		if err != nil {
			return err
		}
		if st.Adopt {
			fmt.Fprintf(stdout, "an auto-migrated database: migrate up records %s as applied (nothing is run for it)\n", storage.AdoptedVersion)
		}
		fmt.Fprintf(stdout, "applied: %d\n", len(st.Applied))
		for _, v := range st.Applied {
			fmt.Fprintln(stdout, "  "+v)
		}
		fmt.Fprintf(stdout, "pending: %d\n", len(st.Pending))
		for _, f := range st.Pending {
			fmt.Fprintln(stdout, "  "+f)
		}
		return nil
	}
	var sqlOut io.Writer
	if dryRun {
		sqlOut = stdout
	}
	applied, err := storage.MigrateUp(ctx, db, sqlOut)
	if err != nil {
		return err
	}
	if dryRun {
		return nil
	}
	if err := jobs.Migrate(ctx, db, dialect.Postgres); err != nil {
		return fmt.Errorf("migrate the job queue: %w", err)
	}
	if len(applied) == 0 {
		fmt.Fprintln(stdout, "nothing to apply: the database is up to date")
	}
	for _, f := range applied {
		fmt.Fprintln(stdout, "applied "+f)
	}
	return nil
}

// useEncryptionKeys makes ENCRYPTION_KEYS the process's keyring. Production
// (on SQLite too) refuses to start without keys or with the built-in
// development key; development uses that key, loudly. Never plaintext.
func useEncryptionKeys(cfg *Config) error {
	spec := strings.TrimSpace(cfg.EncryptionKeys)
	switch {
	case spec == "" && cfg.Production():
		return errors.New("ENCRYPTION_KEYS is required in production: the victims' contact details are sealed with it (see README \"Encryption at rest\")")
	case spec == sealed.DevelopmentKeys && cfg.Production():
		return errors.New("ENCRYPTION_KEYS is the built-in development key, which is in the source code; set keys of your own")
	case spec == "":
		cfg.Logger.Warn("ENCRYPTION_KEYS is not set: contact details are sealed with the built-in DEVELOPMENT key, which is in the source code. Never run like this in production.")
		spec = sealed.DevelopmentKeys
	}
	k, err := sealed.ParseKeys(spec)
	if err != nil {
		return err
	}
	sealed.Use(k)
	return nil
}

// rotateKeysCommand re-seals every sealed value under the current key.
func rotateKeysCommand(ctx context.Context, cfg Config, stdout io.Writer) error {
	client, err := prepare(ctx, &cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	d, _ := storage.Dialect(cfg.DatabaseURL)
	err = storage.RotateKeys(ctx, client, d, func(table string, seen, resealed, total int) {
		fmt.Fprintf(stdout, "\r%-14s %d/%d rows, %d re-sealed", table, seen, total, resealed)
		if seen >= total {
			fmt.Fprintln(stdout)
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "every sealed value is under key %q\n", sealed.InUse().Current())
	return audit.Record(ctx, client, audit.Entry{Action: "keys.rotate", System: true})
}

// retentionCommand applies the retention policy now (what the daily job
// does), or with dryRun reports what it would remove.
func retentionCommand(ctx context.Context, cfg Config, dryRun bool, stdout io.Writer) error {
	client, err := prepare(ctx, &cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	rep, err := retention.Run(ctx, client, cfg.Retention, cfg.Clock(), dryRun)
	if err != nil {
		return err
	}
	if dryRun {
		fmt.Fprint(stdout, "dry run: nothing was changed\n")
	}
	fmt.Fprint(stdout, rep.String())
	return nil
}

// seedCommand migrates and loads the demo data set.
func seedCommand(ctx context.Context, cfg Config, stdout io.Writer) error {
	client, err := prepare(ctx, &cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	added, err := seed.Load(ctx, client)
	if err != nil {
		return err
	}
	if added {
		fmt.Fprintln(stdout, "demo data loaded")
	} else {
		fmt.Fprintln(stdout, "demo data already present")
	}
	if cfg.Production() {
		return nil // demo cases exist in development only
	}
	cases, err := seed.LoadDemoCases(ctx, client, accesscode.NewHasher(1), cfg.Clock())
	if err != nil {
		return fmt.Errorf("demo cases: %w", err)
	}
	// The codes go to standard output only, never to the log.
	fmt.Fprintf(stdout, "\nDemo cases (development only; codes are new on every run, earlier ones stop working):\n")
	fmt.Fprintf(stdout, "  %-14s  %-14s  %-16s  %s\n", "CASE NUMBER", "ACCESS CODE", "STATUS", "LOCALE")
	for _, c := range cases {
		fmt.Fprintf(stdout, "  %-14s  %-14s  %-16s  %s\n", c.Number, c.Code, c.Status, c.Locale)
	}
	fmt.Fprintf(stdout, "Staff: %q and %q; get a token with: go run . token -role advocate -name %q\n",
		seed.DemoAdvocate, seed.DemoSupervisor, seed.DemoAdvocate)
	return nil
}

type tokenRequest struct {
	role               viewer.Role
	name, phone, email string
	ttl                time.Duration
}

// tokenCommand creates or updates a staff member (found by name) and prints
// a bearer token for them.
func tokenCommand(ctx context.Context, cfg Config, req tokenRequest, stdout io.Writer) error {
	if !req.role.Valid() {
		return fmt.Errorf("-role must be one of editor, advocate, supervisor, admin")
	}
	if strings.TrimSpace(req.name) == "" {
		return errors.New("-name is required")
	}
	if req.ttl <= 0 {
		return errors.New("-ttl must be positive")
	}
	if req.phone != "" {
		// Victims see the advocate's number as a tel: link: store it as E.164.
		n, err := phone.Normalize(req.phone)
		if err != nil {
			return fmt.Errorf("-phone: %w", err)
		}
		req.phone = n
	}
	client, err := prepare(ctx, &cfg)
	if err != nil {
		return err
	}
	defer client.Close()
	// Re-running it for an existing member changes their role and ends
	// their earlier tokens (auth.IssueToken).
	token, err := auth.IssueToken(privacy.DecisionContext(ctx, privacy.Allow), client, []byte(cfg.AuthSecret),
		req.name, staff.Role(req.role), req.phone, req.email, cfg.Clock(), req.ttl, cfg.MaxTokenTTL)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, token)
	return nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// allowlistCommand writes the allow-list of operations (PERSISTED_QUERIES_FILE)
// for the given .graphql files: each operation becomes its own document,
// with the fragments it uses, keyed by the SHA-256 of its text.
func allowlistCommand(files []string, stdout io.Writer) error {
	if len(files) == 0 {
		return errors.New("usage: allowlist FILE.graphql [FILE.graphql …]")
	}
	var sources []*ast.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		sources = append(sources, &ast.Source{Name: f, Input: string(b)})
	}
	list, err := httpapi.BuildAllowList(sources...)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(list)
}
