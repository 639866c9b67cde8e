package graphtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/privacy"
	_ "github.com/lib/pq"
	"github.com/riverqueue/river/rivertype"

	"victimservices/ent"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/staff"
	"victimservices/graph/httpapi"
	"victimservices/internal/accesscode"
	"victimservices/internal/auth"
	"victimservices/internal/jobs"
	"victimservices/internal/notify"
	"victimservices/internal/outreach"
	"victimservices/internal/seed"
	"victimservices/internal/storage"
)

// Secret signs the staff tokens of test servers.
const Secret = "graphtest-secret-0123456789abcdef-0123456789"

// Server is a test API server.
type Server struct {
	// Client is the server's database client. Use System(ctx) to bypass the
	// privacy rules when arranging data.
	Client *ent.Client
	// Statements counts the SQL statements the server sends.
	Statements *storage.StatementCounter
	// Handler is the API handler (GraphQL at /query).
	Handler http.Handler
	// URL is the database URL the server uses.
	URL string

	// Outreach and Queue are the server's notifications and job queue
	// (WithOutreach only).
	Outreach *outreach.Outreach
	Queue    *jobs.Queue

	mu  sync.Mutex
	now time.Time
}

// settings is what the options configure.
type settings struct {
	httpapi.Options
	outreach func(*OutreachSetup)
}

// Option configures New.
type Option func(*settings)

// WithNotifier gives the server a notification hub (e.g. one listening on
// PostgreSQL, to test fan-out between servers).
func WithNotifier(h *notify.Hub) Option { return func(o *settings) { o.Notifier = h } }

// WithTrustedProxies sets the proxies whose X-Forwarded-For is believed.
func WithTrustedProxies(p ...netip.Prefix) Option {
	return func(o *settings) { o.TrustedProxies = p }
}

// WithOptions edits the handler's options directly.
func WithOptions(f func(*httpapi.Options)) Option { return func(o *settings) { f(&o.Options) } }

// WithLog sends the server's log to l (JSON lines) instead of the test's
// log, so a test can read what the server wrote.
func WithLog(l *Log) Option {
	return func(o *settings) { o.Logger = slog.New(slog.NewJSONHandler(l, nil)) }
}

// OutreachSetup configures a test server's notifications and its job
// queue, which runs in the server as in a real process. Outreach reads the
// server's clock (SetNow); River keeps real time, retries at once, and a
// deferred notification's job looks again every 50 ms (then within River's
// 5 s scheduling round).
type OutreachSetup struct {
	// Config is outreach's (Client, Clock and Logger are the server's).
	outreach.Config
	// MaxAttempts before a job is discarded (default 3).
	MaxAttempts int
	// NoWorkers makes the queue insert-only.
	NoWorkers bool
}

// WithOutreach gives the server outreach and a working job queue.
func WithOutreach(f func(*OutreachSetup)) Option {
	return func(o *settings) { o.outreach = f }
}

// Log collects a server's log; safe for concurrent writes.
type Log struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *Log) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// String returns everything logged so far.
func (l *Log) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// Production starts the server in production mode.
func Production() Option { return func(o *settings) { o.Production = true } }

// New starts a seeded server on a fresh database; it is closed when the test ends.
func New(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	return start(tb, freshDatabase(tb), true, opts...)
}

// Attach starts a second server on the database of s, as a second process
// would (its own client, pool and notifications).
func Attach(tb testing.TB, s *Server, opts ...Option) *Server {
	tb.Helper()
	other := start(tb, s.URL, false, opts...)
	other.SetNow(s.Now())
	return other
}

// Open starts a server on the existing database at url (a restored
// backup), migrating nothing and seeding nothing.
func Open(tb testing.TB, url string, opts ...Option) *Server {
	tb.Helper()
	return start(tb, url, false, opts...)
}

// NewEmpty starts a server on a fresh, migrated database without the demo
// data (to import a dataset into an empty directory).
func NewEmpty(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	return startWith(tb, freshDatabase(tb), true, false, opts...)
}

func start(tb testing.TB, url string, fresh bool, opts ...Option) *Server {
	return startWith(tb, url, fresh, fresh, opts...)
}

func startWith(tb testing.TB, url string, fresh, seedData bool, opts ...Option) *Server {
	s := &Server{Statements: &storage.StatementCounter{}, now: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)}
	s.URL = url
	client, db, err := storage.Open(s.URL, s.Statements)
	if err != nil {
		tb.Fatalf("open %s: %v", s.URL, err)
	}
	tb.Cleanup(func() { client.Close() })
	ctx := context.Background()
	if fresh {
		if err := storage.Migrate(ctx, client, db, s.URL, false); err != nil {
			tb.Fatalf("migrate: %v", err)
		}
		if err := jobs.Migrate(ctx, db, dialectOf(s.URL)); err != nil {
			tb.Fatalf("migrate the job queue: %v", err)
		}
		if seedData {
			if _, err := seed.Load(ctx, client); err != nil {
				tb.Fatalf("seed: %v", err)
			}
		}
	}
	s.Client = client
	o := settings{Options: httpapi.Options{
		Client:     client,
		Clock:      s.Now,
		AuthSecret: []byte(Secret),
		Logger:     slog.New(slog.NewTextHandler(testWriter{tb}, nil)),
	}}
	for _, opt := range opts {
		opt(&o)
	}
	if o.Hasher == nil {
		o.Hasher = hasher
	}
	if o.outreach != nil {
		s.startOutreach(tb, db, &o)
	}
	s.Handler = httpapi.NewHandler(o.Options)
	if s.Queue != nil {
		if err := s.Queue.Start(context.Background()); err != nil {
			tb.Fatalf("start the job queue: %v", err)
		}
		tb.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_ = s.Queue.Stop(ctx)
		})
	}
	return s
}

func (s *Server) startOutreach(tb testing.TB, db *sql.DB, o *settings) {
	setup := OutreachSetup{Config: outreach.Config{Client: o.Client, Clock: s.Now, Logger: o.Logger,
		RecheckEvery: 50 * time.Millisecond}, MaxAttempts: 3}
	o.outreach(&setup)
	s.Outreach = outreach.New(setup.Config)
	q, err := jobs.New(jobs.Config{DB: db, Dialect: dialectOf(s.URL), Workers: s.Outreach.Workers(),
		Periodic: s.Outreach.Periodic(), Work: !setup.NoWorkers, PollInterval: 20 * time.Millisecond,
		MaxAttempts: setup.MaxAttempts, RetryPolicy: retryAtOnce{}, Logger: o.Logger})
	if err != nil {
		tb.Fatalf("job queue: %v", err)
	}
	s.Outreach.UseQueue(q)
	s.Queue = q
	o.Outreach = s.Outreach
}

// retryAtOnce retries a failed job at once (River's own backoff waits
// attempt^4 seconds).
type retryAtOnce struct{}

func (retryAtOnce) NextRetry(*rivertype.JobRow) time.Time { return time.Now() }

func dialectOf(url string) string {
	d, _ := storage.Dialect(url)
	return d
}

// hasher is shared by test servers: argon2id checks are the slow part.
var hasher = accesscode.NewHasher(2)

// CloseDatabase closes the server's database pool, as a lost database
// would: every statement from then on fails (the handler keeps serving).
func (s *Server) CloseDatabase(tb testing.TB) {
	tb.Helper()
	if err := s.Client.Close(); err != nil {
		tb.Fatalf("close the database: %v", err)
	}
}

// Now is the server's clock.
func (s *Server) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now
}

// SetNow sets the server's clock.
func (s *Server) SetNow(t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = t
}

// System returns ctx with the privacy rules bypassed, for arranging data.
func System(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

// Token returns a bearer token for a new staff member with the role.
func (s *Server) Token(tb testing.TB, role viewer.Role) string {
	tb.Helper()
	token, _ := s.Staff(tb, role)
	return token
}

// Staff creates a staff member with the role and returns a bearer token and
// their ID.
func (s *Server) Staff(tb testing.TB, role viewer.Role) (token, id string) {
	tb.Helper()
	ctx := System(context.Background())
	member, err := s.Client.Staff.Create().SetName(string(role) + "-" + randomHex(4)).SetRole(staff.Role(role)).
		SetPhone("+13125550142").SetEmail("advocate@example.org").Save(ctx)
	if err != nil {
		tb.Fatalf("create staff: %v", err)
	}
	token, err = auth.SignStaffToken([]byte(Secret), member, s.Now(), auth.DefaultMaxTokenTTL)
	if err != nil {
		tb.Fatalf("sign: %v", err)
	}
	return token, string(member.ID)
}

// Request is one GraphQL request.
type Request struct {
	Query     string
	Variables map[string]any
	// Header adds request headers (Accept-Language, Authorization, …).
	Header map[string]string
}

// Error is one GraphQL error.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code.
func (e Error) Code() string { s, _ := e.Extensions["code"].(string); return s }

// Response is a GraphQL response.
type Response struct {
	Status int
	Header http.Header
	Data   json.RawMessage `json:"data"`
	Errors []Error         `json:"errors"`
}

// Decode unmarshals data into v, failing the test on errors.
func (r *Response) Decode(tb testing.TB, v any) {
	tb.Helper()
	if len(r.Errors) > 0 {
		tb.Fatalf("unexpected errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		tb.Fatalf("decode %s: %v", r.Data, err)
	}
}

// ErrorCode returns the code of the first error, or "".
func (r *Response) ErrorCode() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Code()
}

// Do posts a request to /query.
func (s *Server) Do(tb testing.TB, req Request) *Response {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": req.Query, "variables": req.Variables})
	hr := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	hr.Header.Set("Content-Type", "application/json")
	for k, v := range req.Header {
		hr.Header.Set(k, v)
	}
	return s.Serve(tb, hr)
}

// DoFrom posts a request as if from the given client address.
func (s *Server) DoFrom(tb testing.TB, remoteAddr string, req Request) *Response {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": req.Query, "variables": req.Variables})
	hr := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	hr.RemoteAddr = remoteAddr
	hr.Header.Set("Content-Type", "application/json")
	for k, v := range req.Header {
		hr.Header.Set(k, v)
	}
	return s.Serve(tb, hr)
}

// Serve sends a raw HTTP request to the handler and decodes the response.
func (s *Server) Serve(tb testing.TB, hr *http.Request) *Response {
	tb.Helper()
	rec := httptest.NewRecorder()
	s.Handler.ServeHTTP(rec, hr)
	resp := &Response{Status: rec.Code, Header: rec.Header()}
	if err := json.Unmarshal(rec.Body.Bytes(), resp); err != nil {
		tb.Fatalf("response is not JSON (%d): %s", rec.Code, rec.Body.String())
	}
	return resp
}

// Bearer returns an Authorization header for a token.
func Bearer(token string) map[string]string {
	return map[string]string{"Authorization": "Bearer " + token}
}

// freshDatabase returns the URL of an empty database for this test.
func freshDatabase(tb testing.TB) string {
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		return "file:" + filepath.Join(tb.TempDir(), "test.db")
	}
	name := "vs_test_" + randomHex(8)
	db, err := sql.Open("postgres", admin)
	if err != nil {
		tb.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	tb.Cleanup(func() {
		db, err := sql.Open("postgres", admin)
		if err != nil {
			return
		}
		defer db.Close()
		if _, err := db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			tb.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// testWriter sends the server's log to the test's log, shown on failure.
type testWriter struct{ tb testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.tb.Helper()
	w.tb.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// TokenFor signs a new token for an existing staff member at the server's
// current clock (tokens live at most 12 hours: a test that moves the clock
// by days signs again).
func (s *Server) TokenFor(tb testing.TB, staffID string) string {
	tb.Helper()
	m, err := s.Client.Staff.Get(System(context.Background()), nodeid.ID(staffID))
	if err != nil {
		tb.Fatalf("staff %s: %v", staffID, err)
	}
	token, err := auth.SignStaffToken([]byte(Secret), m, s.Now(), auth.DefaultMaxTokenTTL)
	if err != nil {
		tb.Fatalf("sign: %v", err)
	}
	return token
}

// ListeningHub returns a notification hub that LISTENs on the PostgreSQL
// database of s, as a separate server process's would; closed when the test
// ends.
func ListeningHub(tb testing.TB, s *Server) *notify.Hub {
	tb.Helper()
	h, err := notify.New(dialect.Postgres, s.URL, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatalf("listen: %v", err)
	}
	tb.Cleanup(func() { h.Close() })
	return h
}
