package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"entgo.io/ent/privacy"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/prometheus/client_golang/prometheus"

	"victimservices/ent"
	"victimservices/graph/httpapi"
	"victimservices/internal/auth"
	"victimservices/internal/delivery"
	"victimservices/internal/jobs"
	"victimservices/internal/notify"
	"victimservices/internal/outreach"
	"victimservices/internal/retention"
	"victimservices/internal/storage"
)

// handlerOptions turns the configuration into the API's options: trusted
// proxies, notifications, the allow-list, the identity provider and tracing.
// cleanup releases what they hold.
func handlerOptions(ctx context.Context, cfg Config, client *ent.Client) (httpapi.Options, func(), error) {
	var closers []func()
	cleanup := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}
	proxies, err := httpapi.ParseTrustedProxies(cfg.TrustedProxies)
	if err != nil {
		return httpapi.Options{}, cleanup, fmt.Errorf("TRUSTED_PROXIES: %w", err)
	}
	d, _ := storage.Dialect(cfg.DatabaseURL)
	hub, err := notify.New(d, cfg.DatabaseURL, cfg.Logger)
	if err != nil {
		return httpapi.Options{}, cleanup, fmt.Errorf("notifications: %w", err)
	}
	closers = append(closers, func() { hub.Close() })
	opts := httpapi.Options{
		Client:         client,
		Clock:          cfg.Clock,
		AuthSecret:     []byte(cfg.AuthSecret),
		MaxTokenTTL:    cfg.MaxTokenTTL,
		Production:     cfg.Production(),
		Logger:         cfg.Logger,
		Notifier:       hub,
		TrustedProxies: proxies,
		Limits:         cfg.Limits,
		MaxBodyBytes:   cfg.MaxBodyBytes,
		RequestTimeout: cfg.RequestTimeout,
	}
	opts.MaxSubscriptions = cfg.MaxSubscriptions
	opts.MaxInFlight, opts.AdmissionWait = cfg.MaxInFlight, cfg.AdmissionWait
	if cfg.WebDir != "" {
		opts.WebFiles = os.DirFS(cfg.WebDir)
	}
	if cfg.PersistedQueries != "" {
		if opts.AllowList, err = httpapi.LoadAllowList(cfg.PersistedQueries); err != nil {
			return opts, cleanup, fmt.Errorf("PERSISTED_QUERIES_FILE: %w", err)
		}
		cfg.Logger.Info("persisted query allow-list on", "operations", len(opts.AllowList))
	}
	if cfg.JWKSURL != "" {
		opts.OIDC = &auth.OIDC{JWKSURL: cfg.JWKSURL, Issuer: cfg.Issuer, Audience: cfg.Audience, RoleClaim: cfg.RoleClaim}
	}
	shutdown, err := startTracing(ctx, cfg.Tracing)
	if err != nil {
		return opts, cleanup, fmt.Errorf("OTEL_TRACES_EXPORTER: %w", err)
	}
	closers = append(closers, shutdown)
	return opts, cleanup, nil
}

// startTracing switches OpenTelemetry tracing on: "stdout" prints spans,
// "otlp" sends them to OTEL_EXPORTER_OTLP_ENDPOINT (OTLP over HTTP), "none"
// (the default) leaves the no-op tracer in place.
func startTracing(ctx context.Context, exporter string) (func(), error) {
	var exp sdktrace.SpanExporter
	var err error
	switch exporter {
	case "", "none":
		return func() {}, nil
	case "stdout":
		exp, err = stdouttrace.New()
	case "otlp":
		exp, err = otlptracehttp.New(ctx)
	default:
		return nil, fmt.Errorf("unknown exporter %q (none, stdout or otlp)", exporter)
	}
	if err != nil {
		return nil, err
	}
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = tp.Shutdown(ctx)
	}, nil
}

// ready reports whether the database answers and the schema is migrated.
func ready(ctx context.Context, client *ent.Client, db *sql.DB) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		return err
	}
	_, err := client.Service.Query().Limit(1).IDs(privacy.DecisionContext(ctx, privacy.Allow))
	return err
}

// closeWebsocketsOn ends websocket connections when stop is cancelled (the
// server shutting down); gqlgen then closes them with a normal closure.
func closeWebsocketsOn(stop context.Context, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			ctx, cancel := context.WithCancel(r.Context())
			defer cancel()
			release := context.AfterFunc(stop, cancel)
			defer release()
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(w, r)
	})
}

// splitList splits a comma-separated setting.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// defaultMailFrom is MAIL_FROM unless configured.
const defaultMailFrom = "Victim Services Unit <no-reply@victimservices.invalid>"

// OutreachConfig is how notifications leave the server (README
// "Notifications"). Missing mail or SMS settings are not fatal: those
// notifications wait in the outbox (in development they go to the
// development outbox instead) and the server warns once.
type OutreachConfig struct {
	SMTPURL, MailFrom                             string
	SMSURL, SMSAccountSID, SMSAuthToken, SMSFrom  string
	PublicURL, NeutralSender, UnitPhone, TimeZone string
	HourlyLimit                                   int
	// Workers runs the job queue's workers in this process (JOB_WORKERS,
	// default true); false leaves it insert-only (another process works).
	Workers bool
}

// newOutreach builds the senders, outreach and the job queue (not started).
func newOutreach(cfg Config, client *ent.Client, db *sql.DB, reg prometheus.Registerer) (*outreach.Outreach, *jobs.Queue, error) {
	o := cfg.Outreach
	oc := outreach.Config{Client: client, Clock: cfg.Clock, Logger: cfg.Logger, Local: !cfg.Production(),
		SMSAuthToken: o.SMSAuthToken, PublicURL: o.PublicURL, NeutralSender: o.NeutralSender,
		UnitPhone: o.UnitPhone, TimeZone: o.TimeZone, HourlyLimit: o.HourlyLimit, Metrics: outreach.NewMetrics(reg)}
	if o.SMTPURL != "" {
		s, err := delivery.NewSMTP(o.SMTPURL, o.MailFrom)
		if err != nil {
			return nil, nil, err
		}
		oc.Email = s
	}
	if o.SMSURL != "" {
		callback := ""
		if o.PublicURL != "" {
			callback = strings.TrimRight(o.PublicURL, "/") + "/hooks/sms/status"
		}
		s, err := delivery.NewSMS(delivery.SMSConfig{URL: o.SMSURL, AccountSID: o.SMSAccountSID, AuthToken: o.SMSAuthToken,
			From: o.SMSFrom, StatusCallback: callback})
		if err != nil {
			return nil, nil, err
		}
		oc.SMS = s
	}
	for ch, configured := range map[string]bool{"email (SMTP_URL)": oc.Email != nil, "SMS (SMS_PROVIDER_URL)": oc.SMS != nil} {
		if !configured && cfg.Production() {
			cfg.Logger.Warn("notifications by " + ch + " are not configured: they wait in the outbox")
		}
	}
	out := outreach.New(oc)
	d, _ := storage.Dialect(cfg.DatabaseURL)
	workers := out.Workers()
	periodic := append(out.Periodic(), retention.Register(workers, client, cfg.Retention, cfg.Clock, func(r *retention.Report) {
		cfg.Logger.Info("retention applied", "cases_anonymised", len(r.Cases), "counts", r.Counts)
	}))
	q, err := jobs.New(jobs.Config{DB: db, Dialect: d, Workers: workers, Periodic: periodic,
		Work: o.Workers, Logger: cfg.Logger})
	if err != nil {
		return nil, nil, err
	}
	out.UseQueue(q)
	return out, q, nil
}
