package graph_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/codegen/config"
	"github.com/coder/websocket"
	gqlast "github.com/vektah/gqlparser/v2/ast"

	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/viewer"
	"victimservices/graph"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
	"victimservices/locales"
)

// The secrets the wrong-shaped requests below carry: none may ever reach a
// log line or be echoed back.
var requestSecrets = []string{"VS-7Q4K-M2XD", "HX7P-K3MV-9TQR", "555-0177", "maria.secret"}

const secretSignIn = `mutation($n: String!, $c: String!) { openCaseSession(caseNumber: $n, accessCode: $c) { token } }`

var secretVariables = `{"n": "VS-7Q4K-M2XD", "c": "HX7P-K3MV-9TQR", "phone": "(312) 555-0177", "email": "maria.secret@example.org"}`

// shapeCases are POST bodies of valid JSON in a shape gqlgen does not
// expect; each gets BAD_USER_INPUT with the message named.
var shapeCases = []struct {
	name, body, message string
}{
	{"operationName a number", `{"query": ` + strconv.Quote(secretSignIn) + `, "variables": ` + secretVariables + `, "operationName": 7}`, "error.requestShape"},
	{"variables a list", `{"query": ` + strconv.Quote(secretSignIn) + `, "variables": ["VS-7Q4K-M2XD", "HX7P-K3MV-9TQR", "(312) 555-0177", "maria.secret@example.org"]}`, "error.requestShape"},
	{"variables a string", `{"query": ` + strconv.Quote(secretSignIn) + `, "variables": "VS-7Q4K-M2XD HX7P-K3MV-9TQR maria.secret@example.org"}`, "error.requestShape"},
	{"query a number", `{"query": 5, "variables": ` + secretVariables + `}`, "error.requestShape"},
	{"query an object", `{"query": {"text": "VS-7Q4K-M2XD"}, "variables": ` + secretVariables + `}`, "error.requestShape"},
	{"extensions a string", `{"query": ` + strconv.Quote(secretSignIn) + `, "variables": ` + secretVariables + `, "extensions": "HX7P-K3MV-9TQR"}`, "error.requestShape"},
	{"extensions a list", `{"query": ` + strconv.Quote(secretSignIn) + `, "variables": ` + secretVariables + `, "extensions": [1]}`, "error.requestShape"},
	{"field names in another case", `{"QUERY": 5, "Variables": ` + secretVariables + `}`, "error.requestShape"},
	{"a batch", `[{"query": ` + strconv.Quote(secretSignIn) + `, "variables": ` + secretVariables + `}, {"query": "{ locales { code } }"}]`, "error.batchNotSupported"},
	{"an empty batch", `[]`, "error.batchNotSupported"},
	{"a string", `"VS-7Q4K-M2XD HX7P-K3MV-9TQR (312) 555-0177 maria.secret@example.org"`, "error.requestShape"},
	{"a number", `7`, "error.requestShape"},
	{"null", `null`, "error.requestShape"},
	{"persistedQuery a string", `{"variables": ` + secretVariables + `, "extensions": {"persistedQuery": "HX7P-K3MV-9TQR"}}`, "error.persistedQueryShape"},
	{"persistedQuery hash a number", `{"variables": ` + secretVariables + `, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": 5}}}`, "error.persistedQueryShape"},
	{"persistedQuery version a string", `{"variables": ` + secretVariables + `, "extensions": {"persistedQuery": {"version": "one", "sha256Hash": "ab"}}}`, "error.persistedQueryShape"},
	{"persistedQuery version 2", `{"variables": ` + secretVariables + `, "extensions": {"persistedQuery": {"version": 2, "sha256Hash": "ab"}}}`, "error.persistedQueryShape"},
}

// TestWrongShapedRequests: valid JSON in the wrong shape (a field of the
// wrong type, a batch, a bare string) is a BAD_USER_INPUT with a clear
// localized message, over POST and GET; nothing panics, nothing is logged
// at ERROR, and no part of the request reaches the log or the answer.
func TestWrongShapedRequests(t *testing.T) {
	var logs graphtest.Log
	s := graphtest.New(t, graphtest.WithLog(&logs))
	es, _ := locales.ByCode("es")
	type request struct {
		name, method, target, body, message string
	}
	var requests []request
	for _, c := range shapeCases {
		requests = append(requests, request{"POST " + c.name, http.MethodPost, "/query", c.body, c.message})
	}
	get := func(q string) string { return "/query?query=" + url.QueryEscape("{ locales { code } }") + "&" + q }
	requests = append(requests,
		request{"GET variables a list", http.MethodGet, get("variables=" + url.QueryEscape(`["VS-7Q4K-M2XD", "HX7P-K3MV-9TQR"]`)), "", "error.requestShape"},
		request{"GET variables not JSON", http.MethodGet, get("variables=" + url.QueryEscape(`{"n": VS-7Q4K-M2XD`)), "", "error.requestShape"},
		request{"GET extensions a string", http.MethodGet, get("extensions=" + url.QueryEscape(`"HX7P-K3MV-9TQR"`)), "", "error.requestShape"},
		request{"GET persistedQuery a number", http.MethodGet, get("extensions=" + url.QueryEscape(`{"persistedQuery": 5}`)), "", "error.persistedQueryShape"},
		request{"GET a malformed query string", http.MethodGet, "/query?query=%zz&variables=" + url.QueryEscape(secretVariables), "", "error.invalidRequest"},
	)
	for _, tc := range requests {
		t.Run(tc.name, func(t *testing.T) {
			before := len(logs.String())
			w := raw(s, tc.method, tc.target, tc.body, map[string]string{"Accept-Language": "es"})
			var got struct {
				Data   json.RawMessage   `json:"data"`
				Errors []graphtest.Error `json:"errors"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
				t.Fatalf("answer is not JSON (%d): %s", w.Code, w.Body.String())
			}
			if w.Code != http.StatusBadRequest {
				t.Errorf("status %d, want 400", w.Code)
			}
			if len(got.Errors) != 1 || got.Errors[0].Code() != "BAD_USER_INPUT" {
				t.Fatalf("errors %+v, want one BAD_USER_INPUT", got.Errors)
			}
			if want := es.T(tc.message, nil); got.Errors[0].Message != want {
				t.Errorf("message %q, want %q (%s in Spanish)", got.Errors[0].Message, want, tc.message)
			}
			if got.Data != nil {
				t.Errorf("answer has a data entry: %s", w.Body.String())
			}
			logged := logs.String()[before:]
			for _, secret := range requestSecrets {
				if strings.Contains(w.Body.String(), secret) {
					t.Errorf("the answer echoes %q: %s", secret, w.Body.String())
				}
				if strings.Contains(logged, secret) {
					t.Errorf("the log holds %q: %s", secret, logged)
				}
			}
			if strings.Contains(logged, `"msg":"panic"`) || strings.Contains(logged, `"level":"ERROR"`) {
				t.Errorf("the request logged an error or a panic: %s", logged)
			}
		})
	}
	// The shapes the specification allows still work.
	for name, body := range map[string]string{
		"null variables and operation name": `{"query": "{ locales { code } }", "variables": null, "operationName": null, "extensions": null}`,
		"empty variables and extensions":    `{"query": "query L { locales { code } }", "variables": {}, "extensions": {}, "operationName": "L"}`,
	} {
		if w := raw(s, http.MethodPost, "/query", body, nil); w.Code != http.StatusOK || codeOf(t, w) != "" || !strings.Contains(w.Body.String(), `"en"`) {
			t.Errorf("%s: %d %s", name, w.Code, w.Body.String())
		}
	}
}

// errorCodes decodes an answer and returns the extensions.code of each of
// its errors ("" for one without).
func errorCodes(t *testing.T, body []byte) []string {
	t.Helper()
	var got struct {
		Errors []graphtest.Error `json:"errors"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("answer is not JSON: %q", body)
	}
	codes := make([]string, len(got.Errors))
	for i, e := range got.Errors {
		codes[i] = e.Code()
	}
	return codes
}

func apqHash(query string) string {
	sum := sha256.Sum256([]byte(query))
	return hex.EncodeToString(sum[:])
}

// TestEveryErrorAnswerHasACode: every error answer carries an
// extensions.code, the protocol's own refusals (media types, methods,
// batches, persisted queries, websocket handshakes and messages) included.
func TestEveryErrorAnswerHasACode(t *testing.T) {
	s := graphtest.New(t)
	const mutation = "mutation { endCaseSession }"
	// A mutation registered as an automatic persisted query, then sent by
	// hash over GET.
	persisted := `{"persistedQuery": {"version": 1, "sha256Hash": "` + apqHash(mutation) + `"}}`
	raw(s, http.MethodPost, "/query", `{"query": "`+mutation+`", "extensions": `+persisted+`}`, nil)
	bigBody := `{"query": "{ locales { code } }", "pad": "` + strings.Repeat("x", 1<<20) + `"}`
	tests := []struct {
		name           string
		method, target string
		body           string
		header         map[string]string
		wantStatus     int
		wantCode       string
	}{
		{"text/plain", http.MethodPost, "/query", post("{ locales { code } }"), map[string]string{"Content-Type": "text/plain"}, http.StatusUnsupportedMediaType, "BAD_USER_INPUT"},
		{"form", http.MethodPost, "/query", "query=%7Blocales%7Bcode%7D%7D", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType, "BAD_USER_INPUT"},
		{"multipart", http.MethodPost, "/query", "--x\r\n\r\n--x--", map[string]string{"Content-Type": "multipart/form-data; boundary=x"}, http.StatusUnsupportedMediaType, "BAD_USER_INPUT"},
		{"application/graphql", http.MethodPost, "/query", "{ locales { code } }", map[string]string{"Content-Type": "application/graphql"}, http.StatusUnsupportedMediaType, "BAD_USER_INPUT"},
		{"no content type", http.MethodPost, "/query", post("{ locales { code } }"), map[string]string{"Content-Type": ""}, http.StatusUnsupportedMediaType, "BAD_USER_INPUT"},
		{"an unparsable content type", http.MethodPost, "/query", post("{ locales { code } }"), map[string]string{"Content-Type": "application/json; ="}, http.StatusUnsupportedMediaType, "BAD_USER_INPUT"},
		{"a batch", http.MethodPost, "/query", `[` + post("{ locales { code } }") + `]`, nil, http.StatusBadRequest, "BAD_USER_INPUT"},
		{"malformed JSON", http.MethodPost, "/query", `{"query": `, nil, http.StatusBadRequest, "BAD_USER_INPUT"},
		{"a body over the limit", http.MethodPost, "/query", bigBody, nil, http.StatusRequestEntityTooLarge, "BAD_USER_INPUT"},
		{"PUT", http.MethodPut, "/query", post("{ locales { code } }"), nil, http.StatusMethodNotAllowed, "BAD_USER_INPUT"},
		{"a mutation over GET", http.MethodGet, "/query?query=" + url.QueryEscape(mutation), "", nil, http.StatusMethodNotAllowed, "BAD_USER_INPUT"},
		{"a persisted mutation over GET", http.MethodGet, "/query?extensions=" + url.QueryEscape(persisted), "", nil, http.StatusMethodNotAllowed, "BAD_USER_INPUT"},
		{"a subscription over GET", http.MethodGet, "/query?query=" + url.QueryEscape("subscription { myCaseUpdated { status } }"), "", nil, http.StatusMethodNotAllowed, "BAD_USER_INPUT"},
		{"an unknown persisted query", http.MethodPost, "/query", `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + strings.Repeat("0", 64) + `"}}}`, nil, http.StatusOK, "PERSISTED_QUERY_NOT_FOUND"},
		{"a persisted query hash that does not match", http.MethodPost, "/query", `{"query": "{ locales { code } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + strings.Repeat("0", 64) + `"}}}`, nil, http.StatusOK, "BAD_USER_INPUT"},
		{"a parse error", http.MethodPost, "/query", post("{ locales { code }"), nil, http.StatusOK, "GRAPHQL_PARSE_FAILED"},
		{"a validation error", http.MethodPost, "/query", post("{ nope }"), nil, http.StatusOK, "GRAPHQL_VALIDATION_FAILED"},
		{"an unknown operation name", http.MethodPost, "/query", `{"query": "query A { locales { code } }", "operationName": "B"}`, nil, http.StatusOK, "GRAPHQL_VALIDATION_FAILED"},
		{"no operation", http.MethodPost, "/query", `{}`, nil, http.StatusOK, "GRAPHQL_VALIDATION_FAILED"},
		{"a bad token", http.MethodPost, "/query", post("{ locales { code } }"), map[string]string{"Authorization": "Bearer nonsense"}, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"a websocket handshake without a key", http.MethodGet, "/query", "", map[string]string{"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13"}, http.StatusBadRequest, "BAD_USER_INPUT"},
		{"a websocket handshake of another version", http.MethodGet, "/query", "", map[string]string{"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "8", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}, http.StatusBadRequest, "BAD_USER_INPUT"},
		{"a websocket handshake from another origin", http.MethodGet, "/query", "", map[string]string{"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": "https://evil.example"}, http.StatusForbidden, "FORBIDDEN"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := raw(s, tc.method, tc.target, tc.body, tc.header)
			codes := errorCodes(t, w.Body.Bytes())
			if w.Code != tc.wantStatus || len(codes) == 0 || codes[0] != tc.wantCode || slices.Contains(codes, "") {
				t.Errorf("got %d with codes %q, want %d with %s on every error: %s", w.Code, codes, tc.wantStatus, tc.wantCode, w.Body.String())
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "application/graphql-response+json") {
				t.Errorf("Content-Type %q, want JSON", ct)
			}
			if tc.wantStatus == http.StatusMethodNotAllowed && w.Header().Get("Allow") == "" {
				t.Errorf("405 without an Allow header")
			}
		})
	}

	// Another upgrade than to a websocket is ignored: the request is
	// answered over HTTP (gqlgen used to refuse it uncoded).
	if w := raw(s, http.MethodPost, "/query", post("{ locales { code } }"), map[string]string{"Upgrade": "h2c", "Connection": "Upgrade"}); w.Code != http.StatusOK || codeOf(t, w) != "" {
		t.Errorf("Upgrade: h2c: %d %s, want the answer over HTTP", w.Code, w.Body.String())
	}

	srv := s.HTTP(t)
	t.Run("websocket: a subscribe payload of the wrong shape", func(t *testing.T) {
		ws := dialWS(t, srv, s.Token(t, viewer.RoleEditor))
		if err := ws.send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": 5}}); err != nil {
			t.Fatal(err)
		}
		m, ok := ws.next(5 * time.Second)
		if !ok || m.Type != "error" {
			t.Fatalf("got %+v, want an error message", m)
		}
		if codes := errorCodes(t, []byte(`{"errors": `+string(m.Payload)+`}`)); len(codes) == 0 || slices.Contains(codes, "") || codes[0] != "BAD_USER_INPUT" {
			t.Errorf("error payload %s: codes %q, want BAD_USER_INPUT", m.Payload, codes)
		}
	})
	t.Run("legacy websocket: a refused connection_init", func(t *testing.T) {
		ws := dialLegacyWS(t, srv)
		if err := ws.send(map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer nonsense"}}); err != nil {
			t.Fatal(err)
		}
		m, ok := ws.next(5 * time.Second)
		if !ok || m.Type != "connection_error" {
			t.Fatalf("got %+v, want connection_error", m)
		}
		if codes := errorCodes(t, []byte(`{"errors": [`+string(m.Payload)+`]}`)); len(codes) != 1 || codes[0] != "UNAUTHENTICATED" {
			t.Errorf("connection_error payload %s: codes %q, want UNAUTHENTICATED", m.Payload, codes)
		}
	})
	t.Run("legacy websocket: a start payload of the wrong shape", func(t *testing.T) {
		ws := dialLegacyWS(t, srv)
		if err := ws.send(map[string]any{"type": "connection_init"}); err != nil {
			t.Fatal(err)
		}
		if m, ok := ws.next(5 * time.Second); !ok || m.Type != "connection_ack" {
			t.Fatalf("got %+v, want connection_ack", m)
		}
		if err := ws.send(map[string]any{"id": "1", "type": "start", "payload": map[string]any{"query": "{ locales { code } }", "variables": []int{1}}}); err != nil {
			t.Fatal(err)
		}
		m, ok := ws.next(5 * time.Second)
		if !ok || m.Type != "error" {
			t.Fatalf("got %+v, want an error message", m)
		}
		if codes := errorCodes(t, []byte(`{"errors": `+string(m.Payload)+`}`)); len(codes) == 0 || slices.Contains(codes, "") || codes[0] != "BAD_USER_INPUT" {
			t.Errorf("error payload %s: codes %q, want BAD_USER_INPUT", m.Payload, codes)
		}
	})
}

// dialLegacyWS opens a socket to srv with the legacy graphql-ws protocol,
// before connection_init.
func dialLegacyWS(t *testing.T, srv *httptest.Server) *wsConn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/query", &websocket.DialOptions{Subprotocols: []string{"graphql-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	c := &wsConn{conn: conn, msgs: make(chan wsMsg, 64), done: make(chan struct{})}
	t.Cleanup(func() { conn.CloseNow() })
	go c.readLoop()
	return c
}

// TestDatabaseFailureIsInternal: when the database is gone, every answer is
// INTERNAL with the request id as its reference (logged with it), on every
// path (a field transaction, a query, a victim session's lookup, a mutation
// with its own transactions, a websocket's connection_init), and no driver
// or database text reaches the client.
func TestDatabaseFailureIsInternal(t *testing.T) {
	var logs graphtest.Log
	s := graphtest.New(t, graphtest.WithLog(&logs))
	number, code := s.Intake(t, "en")
	victim := s.Session(t, number, code)
	editor := s.Token(t, viewer.RoleEditor)
	srv := s.HTTP(t)
	open := dialWS(t, srv, victim) // authenticated while the database was there
	s.CloseDatabase(t)
	leaks := []string{"sql", "database", "closed", "ent:", "tcp", "transaction", "pq:", "panic"}
	tests := []struct {
		name, token, query string
		vars               map[string]any
	}{
		{"a mutation in a field transaction", editor, `mutation($id: ID!) { saveTranslation(input: {ownerId: $id, locale: "es", name: "Apoyo", publish: true}) { status } }`,
			map[string]any{"id": seed.ID("svc", "legal")}},
		{"a public query", "", `{ services { totalCount } }`, nil},
		{"a victim session's lookup", victim, `{ myCase { status } }`, nil},
		{"a mutation with its own transactions", "", `mutation { openCaseSession(caseNumber: "VS-7Q4K-M2XD", accessCode: "HX7P-K3MV-9TQR") { token } }`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var header map[string]string
			if tc.token != "" {
				header = graphtest.Bearer(tc.token)
			}
			resp := s.Do(t, graphtest.Request{Query: tc.query, Variables: tc.vars, Header: header})
			ref := resp.Header.Get("X-Request-ID")
			if len(resp.Errors) == 0 {
				t.Fatalf("no error with the database closed (%d)", resp.Status)
			}
			for _, e := range resp.Errors {
				if e.Code() != "INTERNAL" || ref == "" || !strings.Contains(e.Message, ref) {
					t.Errorf("error %+v, want INTERNAL with the reference %q", e, ref)
				}
				for _, leak := range leaks {
					if strings.Contains(strings.ToLower(e.Message), leak) {
						t.Errorf("message %q reveals %q", e.Message, leak)
					}
				}
			}
			if resp.Status >= 400 && resp.Status < 500 {
				t.Errorf("status %d: a failure of the server is not the client's fault", resp.Status)
			}
			if !strings.Contains(logs.String(), `"request_id":"`+ref+`"`) || !strings.Contains(logs.String(), `"level":"ERROR"`) {
				t.Errorf("the failure of %s is not logged with its request id: %s", ref, logs.String())
			}
		})
	}
	if strings.Contains(logs.String(), `"msg":"panic"`) {
		t.Errorf("a database failure panicked: %s", logs.String())
	}

	t.Run("an operation on an open websocket", func(t *testing.T) {
		res := open.do(t, "q1", `{ myCase { status } }`, nil)
		if res.closed != nil || len(res.errors) == 0 {
			t.Fatalf("socket ended with %v, errors %+v: want an INTERNAL answer and the socket kept (the session is not known to be bad)", res.closed, res.errors)
		}
		for _, e := range res.errors {
			if e.Code() != "INTERNAL" || !strings.Contains(e.Message, "Reference") || strings.Contains(e.Message, "<no value>") {
				t.Errorf("error %+v, want INTERNAL with a reference", e)
			}
		}
	})
	for _, protocol := range []string{"graphql-transport-ws", "graphql-ws"} {
		t.Run("connection_init over "+protocol, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/query", &websocket.DialOptions{Subprotocols: []string{protocol}})
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			ws := &wsConn{conn: conn, msgs: make(chan wsMsg, 64), done: make(chan struct{})}
			t.Cleanup(func() { conn.CloseNow() })
			go ws.readLoop()
			if err := ws.send(map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer " + victim}}); err != nil {
				t.Fatal(err)
			}
			for {
				m, ok := ws.next(5 * time.Second)
				if !ok {
					break
				}
				if m.Type != "connection_error" {
					t.Fatalf("got %+v, want the socket refused", m)
				}
				codes := errorCodes(t, []byte(`{"errors": [`+string(m.Payload)+`]}`))
				if len(codes) != 1 || codes[0] != "INTERNAL" || !strings.Contains(string(m.Payload), "Reference") {
					t.Errorf("connection_error %s, want INTERNAL with a reference", m.Payload)
				}
				for _, leak := range leaks {
					if strings.Contains(strings.ToLower(string(m.Payload)), leak) {
						t.Errorf("connection_error %s reveals %q", m.Payload, leak)
					}
				}
			}
			var closeErr websocket.CloseError
			if err := ws.ended(); !errors.As(err, &closeErr) || closeErr.Code != 4500 {
				t.Errorf("socket ended with %v, want close code 4500 (a server failure, not 4401: the session is not known to be bad)", err)
			}
		})
	}
}

// TestHistoryKindsAreDeclared: every kind Case.history answers is a value
// of the CaseEventKind enum the schema declares.
func TestHistoryKindsAreDeclared(t *testing.T) {
	s := graphtest.New(t)
	number, _ := s.Intake(t, "es")
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	id := s.Case(t, number).ID
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": id, "a": advocateID}).Decode(t, &struct{}{})
	mutate(t, s, advocate, proposeMutation, map[string]any{"id": id, "p": seed.ID("org", "cvn")}).Decode(t, &struct{}{})
	var got struct {
		Case struct {
			History []struct{ Kind string }
		}
		Type struct {
			EnumValues []struct{ Name string }
		} `json:"__type"`
	}
	mutate(t, s, advocate, `query($n: String!) { case(caseNumber: $n) { history { kind } } __type(name: "CaseEventKind") { enumValues { name } } }`,
		map[string]any{"n": number}).Decode(t, &got)
	declared := map[string]bool{}
	for _, v := range got.Type.EnumValues {
		declared[v.Name] = true
	}
	var kinds []string
	for _, h := range got.Case.History {
		kinds = append(kinds, h.Kind)
		if !declared[h.Kind] {
			t.Errorf("Case.history answers the kind %s, which CaseEventKind does not declare", h.Kind)
		}
	}
	if !slices.Contains(kinds, "REFERRAL_UPDATED") {
		t.Errorf("history kinds %q, want a REFERRAL_UPDATED entry for the proposed referral", kinds)
	}
}

// TestEveryEnumValueIsDeclared walks every enum-typed field and argument of
// the schema and checks that every value of the Go type the enum is bound
// to (gqlgen.yml) is declared in the GraphQL enum: a value the data layer
// can return is one a client can read. The Go values are the constants of
// the bound type in its package (ent's generated enums, phone.Kind, the
// gqlgen-generated ones); types without constants are listed in enumerated.
func TestEveryEnumValueIsDeclared(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	t.Chdir("..") // gqlgen.yml names its paths from the module root
	cfg, err := config.LoadConfig("gqlgen.yml")
	if err != nil {
		t.Fatal(err)
	}
	module := modulePath(t)
	uses := map[string][]string{}
	use := func(where string, typ *gqlast.Type) {
		if def := schema.Types[typ.Name()]; def != nil && def.Kind == gqlast.Enum && !strings.HasPrefix(def.Name, "__") {
			uses[def.Name] = append(uses[def.Name], where)
		}
	}
	for _, def := range schema.Types {
		if strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, f := range def.Fields {
			use(def.Name+"."+f.Name, f.Type)
			for _, a := range f.Arguments {
				use(def.Name+"."+f.Name+"("+a.Name+")", a.Type)
			}
		}
	}
	if len(uses) == 0 {
		t.Fatal("no enum-typed field found")
	}
	for name, where := range uses {
		declared := map[string]bool{}
		for _, v := range schema.Types[name].EnumValues {
			declared[v.Name] = true
		}
		models := cfg.Models[name].Model
		if len(models) == 0 {
			// Not bound: gqlgen generates the Go type in the graph package.
			models = []string{module + "/graph." + name}
		}
		for _, model := range models {
			values := enumerated[model]
			if values == nil {
				values = constantsOf(t, module, model)
			}
			if len(values) == 0 {
				t.Errorf("%s is bound to %s, which declares no constants: list its values in enumerated", name, model)
			}
			for _, v := range values {
				if !declared[v] {
					t.Errorf("%s (used by %s) does not declare %s, a value of %s", name, strings.Join(where, ", "), v, model)
				}
			}
		}
	}
}

// enumerated lists the values of bound Go types that declare no constants.
var enumerated = map[string][]string{
	"victimservices/ent/schema/hours.Weekday": func() []string {
		var out []string
		for _, d := range hours.Days {
			var b bytes.Buffer
			d.MarshalGQL(&b)
			s, _ := strconv.Unquote(b.String())
			out = append(out, s)
		}
		return out
	}(),
}

// modulePath reads the module path from go.mod (the working directory is
// the module root).
func modulePath(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if p, ok := strings.CutPrefix(line, "module "); ok {
			return strings.TrimSpace(p)
		}
	}
	t.Fatal("go.mod names no module")
	return ""
}

// constantsOf returns the string constants of the type model ("<import
// path>.<type>") declared in its package of this module.
func constantsOf(t *testing.T, module, model string) []string {
	t.Helper()
	dot := strings.LastIndex(model, ".")
	pkg, typeName := model[:dot], model[dot+1:]
	rel, ok := strings.CutPrefix(pkg, module)
	if !ok {
		t.Errorf("%s is not in this module", model)
		return nil
	}
	files, _ := filepath.Glob(filepath.Join("."+rel, "*.go"))
	fset := token.NewFileSet()
	var out []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != typeName {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						out = append(out, s)
					}
				}
			}
		}
	}
	return out
}

// FuzzRequestBody posts arbitrary bodies to the real handler: every answer
// is JSON, below 500, every error has a code, and nothing panics, is logged
// at ERROR or writes the body to the log.
func FuzzRequestBody(f *testing.F) {
	for _, c := range shapeCases {
		f.Add(c.body)
	}
	for _, body := range []string{
		post("{ locales { code } }"),
		`{"query": "query L($l: String) { locales { code } services(locale: $l) { totalCount } }", "variables": {"l": "es"}, "operationName": "L"}`,
		`{"query": "{ locales { code } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "` + apqHash("{ locales { code } }") + `"}}}`,
		`{"query": "mutation { endCaseSession }"}`,
		`{"query": "{ node(id: \"svc_x\") { id } }", "variables": {}, "extensions": {}}`,
		`{"query": "{ locales { code }"}`,
		`{}`, `{"query": null}`, `{"query": ""}`, `{"query": "{ __typename }", "variables": {"a": [1, {"b": null}]}}`,
		`{"query": "{ locales { code } }" `, "", "\xff", `{"query": "\u0000"}`,
	} {
		f.Add(body)
	}
	var logs graphtest.Log
	s := graphtest.New(f, graphtest.WithLog(&logs))
	f.Fuzz(func(t *testing.T, body string) {
		before := len(logs.String())
		r := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.Handler.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Errorf("status %d for %q: %s", w.Code, body, w.Body.String())
		}
		var got struct {
			Errors []graphtest.Error `json:"errors"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
			t.Fatalf("answer to %q is not JSON (%d): %q", body, w.Code, w.Body.String())
		}
		for _, e := range got.Errors {
			if e.Code() == "" || e.Code() == "INTERNAL" {
				t.Errorf("answer to %q has an error coded %q: %+v", body, e.Code(), e)
			}
		}
		logged := logs.String()[before:]
		if strings.Contains(logged, `"msg":"panic"`) || strings.Contains(logged, `"level":"ERROR"`) {
			t.Errorf("%q logged an error: %s", body, logged)
		}
		if len(body) >= 12 && strings.Contains(logged, body) {
			t.Errorf("the log holds the body %q", body)
		}
	})
}

// TestAccessLogNamesOnlyRealOperations: the access log names the operation
// the validated document holds, never the free text a client sends as
// operationName (it could carry anything, a case number or a code).
func TestAccessLogNamesOnlyRealOperations(t *testing.T) {
	var logs graphtest.Log
	s := graphtest.New(t, graphtest.WithLog(&logs))
	secret := "VS-7Q4K-2M9P code K7QF-8ZRD-2WXT"
	for _, body := range []string{
		`{"query": "query Directory { locales { code } }", "operationName": "` + secret + `"}`,
		`{"query": "{ locales { code } }", "operationName": "` + secret + `"}`,
	} {
		r := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		s.Handler.ServeHTTP(httptest.NewRecorder(), r)
	}
	r := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query": "query Directory { locales { code } }", "operationName": "Directory"}`))
	r.Header.Set("Content-Type", "application/json")
	s.Handler.ServeHTTP(httptest.NewRecorder(), r)
	if strings.Contains(logs.String(), "VS-7Q4K") || strings.Contains(logs.String(), "K7QF") {
		t.Errorf("the log holds the client's operationName text:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "Directory") {
		t.Errorf("the log does not name the real operation:\n%s", logs.String())
	}
}
