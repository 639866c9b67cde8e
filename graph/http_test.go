package graph_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/graph/httpapi"
	"victimservices/internal/seed"
)

// raw sends a request to the handler and returns the recorder.
func raw(s *graphtest.Server, method, target string, body string, header map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if method == http.MethodPost {
		r.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	s.Handler.ServeHTTP(w, r)
	return w
}

func post(query string) string {
	b, _ := json.Marshal(map[string]any{"query": query})
	return string(b)
}

func codeOf(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	var out struct {
		Errors []struct {
			Extensions struct{ Code string }
		}
	}
	_ = json.Unmarshal(w.Body.Bytes(), &out)
	if len(out.Errors) == 0 {
		return ""
	}
	return out.Errors[0].Extensions.Code
}

// TestLimits: abusive operations are refused with a clear BAD_USER_INPUT
// before anything runs.
func TestLimits(t *testing.T) {
	s := graphtest.New(t)
	deep := "{ services { edges { node { provider { services { locations { " + strings.Repeat("__typename ", 1) + "} } } } } } }"
	nested := "{ node(id: \"x\") { ... on Organization { services { provider { services { provider { services { provider { services { provider { services { provider { services { name } } } } } } } } } } } } } }"
	var aliases strings.Builder
	aliases.WriteString("{")
	for i := range 40 {
		fmt.Fprintf(&aliases, " a%d: locales { code }", i)
	}
	aliases.WriteString(" }")
	var roots strings.Builder
	roots.WriteString("{")
	for i := range 16 {
		fmt.Fprintf(&roots, " r%d: __typename", i)
	}
	roots.WriteString(" }")
	tests := []struct {
		name, query, wantCode string
	}{
		{"ordinary directory page", deep, ""},
		{"depth 20", nested, "BAD_USER_INPUT"},
		{"alias bomb", aliases.String(), "BAD_USER_INPUT"},
		{"too many root fields", roots.String(), "BAD_USER_INPUT"},
		{"first 1000", `{ services(first: 1000) { totalCount } }`, "BAD_USER_INPUT"},
		{"too complex", `{ services(first: 100) { edges { node { locations(first: 100) { name hours { summary } } } } } }`, "BAD_USER_INPUT"},
		{"too long", "{ locales { code } }" + strings.Repeat(" ", 20<<10), "BAD_USER_INPUT"},
		{"too many tokens", "{ locales { " + strings.Repeat("code ", 4000) + "} }", "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := raw(s, http.MethodPost, "/query", post(tt.query), nil)
			if got := codeOf(t, w); got != tt.wantCode {
				t.Errorf("code %q, want %q: %s", got, tt.wantCode, w.Body.String()[:min(300, w.Body.Len())])
			}
			if tt.wantCode != "" && strings.Contains(w.Body.String(), `"data"`) {
				t.Errorf("a refused request has a data entry: %s", w.Body.String())
			}
		})
	}
	// The directory page at 100 services is well within the complexity limit.
	w := raw(s, http.MethodPost, "/query", post(`{ services(first: 100) { totalCount edges { node { id name description servedLocale
	  machineTranslated category openNow opensAt closesAt hours { alwaysOpen byAppointment timeZone summary periods { day opens closes } }
	  phones { number display telUri kind } email languages provider { name email phones { telUri } } locations { name neighborhood adaAccessible } } } } }`), nil)
	if code := codeOf(t, w); code != "" {
		t.Errorf("full directory page refused: %s", w.Body.String())
	}
}

// TestHTTPProtocol: media types, status codes and methods as GraphQL over
// HTTP asks; bodies are bounded and never echoed.
func TestHTTPProtocol(t *testing.T) {
	s := graphtest.New(t)
	t.Run("mutation over GET is 405", func(t *testing.T) {
		w := raw(s, http.MethodGet, "/query?query="+url.QueryEscape("mutation { endCaseSession }"), "", nil)
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "POST" || codeOf(t, w) != "BAD_USER_INPUT" {
			t.Errorf("got %d %q %s", w.Code, w.Header().Get("Allow"), w.Body.String())
		}
	})
	t.Run("oversized body is 413", func(t *testing.T) {
		body := `{"query": "{ locales { code } }", "pad": "` + strings.Repeat("x", 1<<20) + `"}`
		w := raw(s, http.MethodPost, "/query", body, nil)
		if w.Code != http.StatusRequestEntityTooLarge || codeOf(t, w) != "BAD_USER_INPUT" {
			t.Errorf("got %d %s", w.Code, w.Body.String()[:min(200, w.Body.Len())])
		}
	})
	t.Run("malformed body is never echoed", func(t *testing.T) {
		w := raw(s, http.MethodPost, "/query", `{"query": "mutation { openCaseSession(caseNumber: \"VS-SECR-ET12\", accessCode: \"ZZZZ-SECRET-CODE`, nil)
		if w.Code != http.StatusBadRequest || strings.Contains(w.Body.String(), "SECR") || codeOf(t, w) != "BAD_USER_INPUT" {
			t.Errorf("got %d %s", w.Code, w.Body.String())
		}
	})
	t.Run("request error under graphql-response+json: 400, no data", func(t *testing.T) {
		w := raw(s, http.MethodPost, "/query", post("{ nope }"), map[string]string{"Accept": "application/graphql-response+json"})
		if w.Code != http.StatusBadRequest || w.Header().Get("Content-Type") != "application/graphql-response+json" || strings.Contains(w.Body.String(), `"data"`) {
			t.Errorf("got %d %s %s", w.Code, w.Header().Get("Content-Type"), w.Body.String())
		}
	})
	t.Run("request error under application/json: 200", func(t *testing.T) {
		w := raw(s, http.MethodPost, "/query", post("{ nope }"), map[string]string{"Accept": "application/json"})
		if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/json" || codeOf(t, w) == "" {
			t.Errorf("got %d %s %s", w.Code, w.Header().Get("Content-Type"), w.Body.String())
		}
	})
	t.Run("other methods are 405", func(t *testing.T) {
		if w := raw(s, http.MethodPut, "/query", "{}", nil); w.Code != http.StatusMethodNotAllowed {
			t.Errorf("PUT: %d", w.Code)
		}
	})
	t.Run("security headers", func(t *testing.T) {
		w := raw(s, http.MethodPost, "/query", post("{ locales { code } }"), nil)
		if w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("headers %v", w.Header())
		}
	})
}

// TestProductionMode: no introspection, no field suggestions, no GraphiQL
// (/ redirects to the web client).
func TestProductionMode(t *testing.T) {
	s := graphtest.New(t, graphtest.Production())
	w := raw(s, http.MethodPost, "/query", post("{ __schema { types { name } } }"), nil)
	if codeOf(t, w) == "" || strings.Contains(w.Body.String(), "ServiceCategory") {
		t.Errorf("introspection in production: %s", w.Body.String())
	}
	w = raw(s, http.MethodPost, "/query", post("{ servicez { totalCount } }"), nil)
	if strings.Contains(w.Body.String(), "Did you mean") || strings.Contains(w.Body.String(), "services") {
		t.Errorf("suggestion in production: %s", w.Body.String())
	}
	if w := raw(s, http.MethodGet, "/", "", nil); w.Code != http.StatusFound || w.Header().Get("Location") != "/app/" {
		t.Errorf("production /: %d to %q, want a redirect to the web client", w.Code, w.Header().Get("Location"))
	}
	if w := raw(s, http.MethodGet, "/graphiql/graphiql.min.js", "", nil); w.Code != http.StatusNotFound {
		t.Errorf("GraphiQL in production: %d", w.Code)
	}
	dev := graphtest.New(t)
	if w := raw(dev, http.MethodGet, "/", "", nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "/graphiql/graphiql.min.js") {
		t.Errorf("GraphiQL in development: %d", w.Code)
	}
	if w := raw(dev, http.MethodGet, "/graphiql/graphiql.min.js", "", nil); w.Code != http.StatusOK || w.Body.Len() < 100000 {
		t.Errorf("embedded GraphiQL asset: %d %d bytes", w.Code, w.Body.Len())
	}
}

const directoryGET = "/query?query=" + "%7Bservices%7Bedges%7Bnode%7Bname%20description%20openNow%20closesAt%7D%7D%7D%7D"

// TestHTTPCaching: public GETs carry a strong ETag and 304 on a match; the
// server keeps them until the data changes or the next opening-hours
// boundary; anything with a session or staff token is no-store.
func TestHTTPCaching(t *testing.T) {
	s := graphtest.New(t)
	// Tuesday 24 November 2026, 16:59:30 in Chicago: counseling closes at 17:00.
	s.SetNow(time.Date(2026, 11, 24, 22, 59, 30, 0, time.UTC))
	es := map[string]string{"Accept-Language": "es"}
	w := raw(s, http.MethodGet, directoryGET, "", es)
	etag := w.Header().Get("ETag")
	if w.Code != 200 || etag == "" || !strings.Contains(w.Header().Get("Cache-Control"), "public") || !strings.Contains(strings.Join(w.Header().Values("Vary"), ","), "Accept-Language") {
		t.Fatalf("public GET: %d %v", w.Code, w.Header())
	}
	if cc := w.Header().Get("Cache-Control"); cc != "public, max-age=30" {
		t.Errorf("Cache-Control %q, want max-age=30 (the 17:00 closing)", cc)
	}
	w = raw(s, http.MethodGet, directoryGET, "", map[string]string{"Accept-Language": "es", "If-None-Match": etag})
	if w.Code != http.StatusNotModified || w.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d", w.Code)
	}
	if w := raw(s, http.MethodGet, directoryGET, "", es); w.Header().Get("X-Cache") != "hit" {
		t.Errorf("second GET not served from the server cache")
	}
	// Past the boundary the server recomputes: counseling is closed now.
	s.SetNow(time.Date(2026, 11, 24, 23, 0, 1, 0, time.UTC))
	w = raw(s, http.MethodGet, directoryGET, "", es)
	if w.Header().Get("X-Cache") == "hit" || w.Header().Get("ETag") == etag {
		t.Errorf("served past the opening-hours boundary")
	}
	// A change of the data empties the cache.
	raw(s, http.MethodGet, directoryGET, "", es)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	s.Do(t, graphtest.Request{Header: editor, Query: `mutation($id: ID!) { saveTranslation(input: {ownerId: $id, locale: "es", name: "Apoyo legal gratuito", publish: true}) { status } }`,
		Variables: map[string]any{"id": seed.ID("svc", "legal")}}).Decode(t, &struct{}{})
	w = raw(s, http.MethodGet, directoryGET, "", es)
	if w.Header().Get("X-Cache") == "hit" || !strings.Contains(w.Body.String(), "Apoyo legal gratuito") {
		t.Errorf("stale after a change: %s", w.Body.String()[:min(200, w.Body.Len())])
	}
	// Session-bound and staff answers are never stored.
	number, code := s.Intake(t, "en")
	token := s.Session(t, number, code)
	for name, h := range map[string]map[string]string{"victim": graphtest.Bearer(token), "staff": editor} {
		w := raw(s, http.MethodGet, "/query?query="+url.QueryEscape("{ myCase { status } }"), "", h)
		if w.Header().Get("Cache-Control") != "no-store" || w.Header().Get("ETag") != "" {
			t.Errorf("%s GET: %v", name, w.Header())
		}
	}
	if w := raw(s, http.MethodPost, "/query", post("{ locales { code } }"), nil); w.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("POST Cache-Control %q", w.Header().Get("Cache-Control"))
	}
	// Large answers are compressed when the client accepts it.
	w = raw(s, http.MethodGet, directoryGET, "", map[string]string{"Accept-Encoding": "gzip", "Accept-Language": "ru"})
	if w.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("not compressed: %v", w.Header())
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(zr); !bytes.Contains(b, []byte("services")) {
		t.Errorf("compressed body %q", b)
	}
}

// TestAllowList: in allow-list mode only listed operations run, by text or
// by hash.
func TestAllowList(t *testing.T) {
	listed := "query Locales { locales { code } }"
	sum := sha256.Sum256([]byte(listed))
	hash := hex.EncodeToString(sum[:])
	s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) { o.AllowList = httpapi.AllowList{hash: listed} }))
	if w := raw(s, http.MethodPost, "/query", post(listed), nil); codeOf(t, w) != "" {
		t.Errorf("listed text refused: %s", w.Body.String())
	}
	ext := `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + hash + `"}}}`
	if w := raw(s, http.MethodPost, "/query", ext, nil); codeOf(t, w) != "" || !strings.Contains(w.Body.String(), `"en"`) {
		t.Errorf("listed hash refused: %s", w.Body.String())
	}
	if w := raw(s, http.MethodPost, "/query", post("{ services { totalCount } }"), nil); codeOf(t, w) != "FORBIDDEN" {
		t.Errorf("unlisted text: %s", w.Body.String())
	}
	if w := raw(s, http.MethodPost, "/query", strings.Replace(ext, hash, strings.Repeat("0", 64), 1), nil); codeOf(t, w) != "PERSISTED_QUERY_NOT_FOUND" {
		t.Errorf("unlisted hash: %s", w.Body.String())
	}
}

// lockedBuffer is a log sink safe for concurrent writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLogsHoldNoPersonalData: the logs of a full victim flow contain no case
// number, access code, token, phone number or email address.
func TestLogsHoldNoPersonalData(t *testing.T) {
	var logs lockedBuffer
	s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) { o.Logger = slog.New(slog.NewJSONHandler(&logs, nil)) }))
	var in struct {
		RequestSupport struct{ CaseNumber, AccessCode string }
	}
	s.Do(t, graphtest.Request{Query: `mutation { requestSupport(input: {preferredLocale: "es", contactMethod: EMAIL, email: "maria.secret@example.org",
	  phone: "(312) 555-0177", safeToLeaveMessage: false, description: "private words"}) { caseNumber accessCode } }`}).Decode(t, &in)
	s.Do(t, graphtest.Request{Query: openSession, Variables: map[string]any{"n": in.RequestSupport.CaseNumber, "c": "2222-2222-2222"}})
	token := s.Session(t, in.RequestSupport.CaseNumber, in.RequestSupport.AccessCode)
	myCase(t, s, token, "es")
	mutate(t, s, token, `mutation { submitFeedback(input: {rating: 5, comment: "private comment"}) { rating } }`, nil)
	mutate(t, s, token, `mutation { endCaseSession }`, nil)
	out := logs.String()
	if !strings.Contains(out, `"msg":"request"`) {
		t.Fatalf("no access log written: %q", out)
	}
	code := in.RequestSupport.AccessCode
	for _, secret := range []string{in.RequestSupport.CaseNumber, code, strings.ReplaceAll(code, "-", ""), token, "maria.secret", "555-0177", "5550177", "private"} {
		if strings.Contains(out, secret) {
			t.Errorf("the log contains %q", secret)
		}
	}
}

// TestMetrics: per-operation latency histograms and errors by code.
func TestMetrics(t *testing.T) {
	reg := newRegistry()
	s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) {
		o.Metrics = httpapi.NewMetrics(reg, func() int { return 0 })
	}))
	for range 3 {
		raw(s, http.MethodPost, "/query", post("query DirectoryPage { services { totalCount } }"), nil)
	}
	raw(s, http.MethodPost, "/query", post("{ services(first: 1000) { totalCount } }"), nil)
	text := gather(t, reg)
	for _, want := range []string{
		`graphql_operation_duration_seconds_count{operation="DirectoryPage",type="query"} 3`,
		`graphql_errors_total{code="BAD_USER_INPUT"} 1`,
		`graphql_subscriptions_open 0`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// TestIntrospectionWithinLimits: the deep standard introspection query that
// tools send works in development.
func TestIntrospectionWithinLimits(t *testing.T) {
	s := graphtest.New(t)
	q := `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } } } }`
	if w := raw(s, http.MethodPost, "/query", post(q), nil); codeOf(t, w) != "" {
		t.Errorf("introspection refused: %s", w.Body.String()[:min(300, w.Body.Len())])
	}
}
