package graph_test

// The surface an attacker reaches before any resolver runs: the work spent
// on a query before it is refused, the cost of nodes(ids:), live
// subscriptions, and what production gives away (suggestions,
// introspection, metric labels).

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"victimservices/graph/graphtest"
	"victimservices/graph/httpapi"
	"victimservices/internal/seed"
)

// errorsOf decodes the errors of an answer.
func errorsOf(t *testing.T, body []byte) []graphtest.Error {
	t.Helper()
	var out struct {
		Errors []graphtest.Error `json:"errors"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("answer is not JSON: %s", body)
	}
	return out.Errors
}

// fragmentBomb spreads k fragments k times over three levels: k³ fields
// once expanded, from a few hundred tokens.
func fragmentBomb(k int) string {
	return fmt.Sprintf("{ locales { ...F1 } } fragment F1 on Locale { %s} fragment F2 on Locale { %s} fragment F3 on Locale { %s} fragment F4 on Locale { code }",
		strings.Repeat("...F2 ", k), strings.Repeat("...F3 ", k), strings.Repeat("...F4 ", k))
}

// TestFieldsBoundedBeforeValidation: a query with more fields than the limit
// (counted with fragments expanded where they are spread) is refused with
// BAD_USER_INPUT before it is validated: one that is also invalid gets the
// limit's message, not a validation error, so the validator never ran on it.
// Ordinary queries and the tools' introspection query still run.
func TestFieldsBoundedBeforeValidation(t *testing.T) {
	s := graphtest.New(t)
	repeated := "{ locales { " + strings.Repeat("code ", 2900) + "} }" // 14.5 KB, within the size and token limits
	tests := []struct {
		name, query string
		// wantCode is "" for an answer without errors.
		wantCode string
		// limit: the refusal is the field limit's.
		limit bool
	}{
		{"one field repeated 2,900 times", repeated, "BAD_USER_INPUT", true},
		{"the same, also invalid: refused before validation", strings.Replace(repeated, "code ", "nope ", 1), "BAD_USER_INPUT", true},
		{"fragment bomb (3,375 fields expanded)", fragmentBomb(15), "BAD_USER_INPUT", true},
		{"fragment bomb, also invalid: refused before validation", strings.Replace(fragmentBomb(15), "{ code }", "{ nope }", 1), "BAD_USER_INPUT", true},
		{"inline fragments, 900 fields", "{ locales { " + strings.Repeat("... on Locale { code code code } ", 300) + "} }", "BAD_USER_INPUT", true},
		{"an invalid query within the limit is a validation error", "{ locales { nope } }", "GRAPHQL_VALIDATION_FAILED", false},
		{"the directory page", `{ services(first: 100) { totalCount edges { node { id name description openNow hours { summary periods { day opens closes } }
		  phones { display telUri } provider { name phones { telUri } } locations { name neighborhood } } } } }`, "", false},
		{"the tools' introspection query (development)", introspectionQuery, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := raw(s, http.MethodPost, "/query", post(tt.query), map[string]string{"Accept-Language": "es"})
			errs := errorsOf(t, w.Body.Bytes())
			got := ""
			if len(errs) > 0 {
				got = errs[0].Code()
			}
			if got != tt.wantCode {
				t.Fatalf("code %q, want %q: %s", got, tt.wantCode, w.Body.String()[:min(300, w.Body.Len())])
			}
			if !tt.limit {
				return
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Message, "campos") || !strings.Contains(errs[0].Message, "500") {
				t.Errorf("errors %+v, want one: the field limit (500) in Spanish", errs)
			}
			if strings.Contains(w.Body.String(), `"data"`) {
				t.Errorf("a refused request has a data entry: %s", w.Body.String()[:300])
			}
		})
	}
}

// introspectionQuery is the query GraphiQL and code generators send.
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description specifiedByURL
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`

// TestNodesCostedByIDs: nodes(ids:) resolves its selection once per ID, so
// its cost is multiplied by the number of IDs, given inline or in a
// variable.
func TestNodesCostedByIDs(t *testing.T) {
	s := graphtest.New(t)
	org := string(seed.ID("org", "department"))
	ids := make([]string, 100)
	for i := range ids {
		ids[i] = org
	}
	literal, _ := json.Marshal(ids)
	const nested = `{ id ... on Organization { services { name locations { name } } } }`
	aliased := func(n int, arg string) string {
		var b strings.Builder
		b.WriteString("query($ids: [ID!]!) {")
		for i := range n {
			fmt.Fprintf(&b, " n%d: nodes(ids: %s) %s", i, arg, nested)
		}
		b.WriteString(" }")
		return b.String()
	}
	tests := []struct {
		name, query string
		vars        map[string]any
		wantCode    string
	}{
		{"15 aliases of 100 IDs in a variable", aliased(15, "$ids"), map[string]any{"ids": ids}, "BAD_USER_INPUT"},
		{"15 aliases of 100 literal IDs", strings.Replace(aliased(15, string(literal)), "query($ids: [ID!]!) ", "", 1), nil, "BAD_USER_INPUT"},
		{"one nodes of 100 IDs with nested lists", aliased(1, "$ids"), map[string]any{"ids": ids}, "BAD_USER_INPUT"},
		{"nodes of 3 IDs", aliased(1, "$ids"), map[string]any{"ids": ids[:3]}, ""},
		{"nodes of 100 IDs, flat", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := s.Do(t, graphtest.Request{Query: tt.query, Variables: tt.vars})
			if got := resp.ErrorCode(); got != tt.wantCode {
				t.Fatalf("code %q, want %q: %+v", got, tt.wantCode, resp.Errors)
			}
			if tt.wantCode != "" && len(resp.Data) > 0 && string(resp.Data) != "null" {
				t.Errorf("refused, yet answered data: %.200s", resp.Data)
			}
		})
	}
}

// TestSubscriptionsCapped: at most 20 live subscriptions per victim session
// (over all its sockets) and per socket; the one past the cap gets an error
// message for its id with BAD_USER_INPUT, and a slot frees when a
// subscription ends.
func TestSubscriptionsCapped(t *testing.T) {
	hub := newHub(t)
	s := graphtest.New(t, graphtest.WithNotifier(hub))
	srv := s.HTTP(t)
	number, code := newCase(t, s)
	token := s.Session(t, number, code)
	const live = `subscription { myCaseUpdated { statusLabel } }`

	first := dialWS(t, srv, token)
	for i := 1; i <= 20; i++ {
		first.subscribe(t, fmt.Sprintf("s%d", i), live, nil)
	}
	waitFor(t, "20 subscriptions to register", func() bool { return hub.Subscribers() == 20 })

	refused := func(t *testing.T, c *wsConn, id string) {
		t.Helper()
		c.subscribe(t, id, live, nil)
		m := nextFor(t, c, id)
		var errs []graphtest.Error
		_ = json.Unmarshal(m.Payload, &errs)
		if m.Type != "error" || len(errs) != 1 || errs[0].Code() != "BAD_USER_INPUT" || !strings.Contains(errs[0].Message, "20") {
			t.Fatalf("subscription %s answered %s %s, want an error message with BAD_USER_INPUT and the cap (20)", id, m.Type, m.Payload)
		}
	}
	t.Run("the 21st on the socket", func(t *testing.T) { refused(t, first, "s21") })
	second := dialWS(t, srv, token)
	t.Run("the 21st of the session, on another socket", func(t *testing.T) { refused(t, second, "t1") })
	if n := hub.Subscribers(); n != 20 {
		t.Errorf("%d live subscriptions, want 20", n)
	}

	t.Run("a slot frees when one ends", func(t *testing.T) {
		if err := first.send(map[string]any{"id": "s1", "type": "complete"}); err != nil {
			t.Fatal(err)
		}
		if m := nextFor(t, first, "s1"); m.Type != "complete" {
			t.Fatalf("s1 answered %s %s, want complete", m.Type, m.Payload)
		}
		second.subscribe(t, "t2", live, nil)
		waitFor(t, "t2 to register", func() bool { return hub.Subscribers() == 20 })
		// Every live one hears of a change: 19 on the first socket, t2 on the second.
		var fb struct{ SubmitFeedback struct{ Rating int } }
		s.Do(t, graphtest.Request{Query: `mutation { submitFeedback(input: {rating: 4}) { rating } }`, Header: graphtest.Bearer(token)}).Decode(t, &fb)
		for c, want := range map[*wsConn]int{first: 19, second: 1} {
			for range want {
				if m, ok := c.next(10 * time.Second); !ok || m.Type != "next" {
					t.Fatalf("got %+v (ok %v), want a next message", m, ok)
				}
			}
		}
	})
}

// nextFor returns the next message for id, skipping others.
func nextFor(t *testing.T, c *wsConn, id string) wsMsg {
	t.Helper()
	for {
		m, ok := c.next(10 * time.Second)
		if !ok {
			t.Fatalf("no message for %s (socket end: %v)", id, c.ended())
		}
		if m.ID == id {
			return m
		}
	}
}

// TestSubscriptionCapConfigurable: Options.MaxSubscriptions sets the cap.
func TestSubscriptionCapConfigurable(t *testing.T) {
	hub := newHub(t)
	s := graphtest.New(t, graphtest.WithNotifier(hub), graphtest.WithOptions(func(o *httpapi.Options) { o.MaxSubscriptions = 2 }))
	srv := s.HTTP(t)
	number, code := newCase(t, s)
	c := dialWS(t, srv, s.Session(t, number, code))
	const live = `subscription { myCaseUpdated { statusLabel } }`
	c.subscribe(t, "a", live, nil)
	c.subscribe(t, "b", live, nil)
	waitFor(t, "two subscriptions to register", func() bool { return hub.Subscribers() == 2 })
	c.subscribe(t, "c", live, nil)
	if m := nextFor(t, c, "c"); m.Type != "error" || !strings.Contains(string(m.Payload), "BAD_USER_INPUT") {
		t.Fatalf("the third answered %s %s, want an error message", m.Type, m.Payload)
	}
	if n := hub.Subscribers(); n != 2 {
		t.Errorf("%d live subscriptions, want 2", n)
	}
}

// TestNoSuggestionsInProduction: no "Did you mean" for fields, arguments,
// enum values, input fields or types in production (each probe does get one
// in development, so each would leak the schema).
func TestNoSuggestionsInProduction(t *testing.T) {
	prod := graphtest.New(t, graphtest.Production())
	dev := graphtest.New(t)
	tests := []struct {
		name, query string
		vars        map[string]any
		// leak is the schema name a suggestion would reveal.
		leak string
	}{
		{"field", `{ servicez { totalCount } }`, nil, `"services"`},
		{"argument", `{ services(frist: 5) { totalCount } }`, nil, `"first"`},
		{"enum value", `{ services(category: COUNSELNG) { totalCount } }`, nil, "COUNSELING"},
		{"enum value given as a string", `{ services(category: "COUNSELNG") { totalCount } }`, nil, "COUNSELING"},
		{"input field", `mutation { submitFeedback(input: {ratng: 5}) { rating } }`, nil, `"rating"`},
		{"type", `{ ...F } fragment F on Quer { __typename }`, nil, `"Query"`},
		{"selection missing", `{ services }`, nil, "Did you mean"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := graphtest.Request{Query: tt.query, Variables: tt.vars}
			if resp := dev.Do(t, req); !strings.Contains(fmt.Sprint(resp.Errors), "Did you mean") {
				t.Fatalf("the probe gets no suggestion in development: %+v", resp.Errors)
			}
			resp := prod.Do(t, req)
			if len(resp.Errors) == 0 || resp.ErrorCode() == "" || resp.ErrorCode() == "INTERNAL" {
				t.Fatalf("errors %+v, want a coded refusal", resp.Errors)
			}
			for _, e := range resp.Errors {
				if strings.Contains(e.Message, "Did you mean") || strings.Contains(e.Message, tt.leak) {
					t.Errorf("production error %q suggests (or names %s)", e.Message, tt.leak)
				}
			}
		})
	}
}

// TestIntrospectionRefusedInProduction: introspection in production is a
// clear BAD_USER_INPUT refusal, wherever in the document it hides, while
// __typename still works; development answers it.
func TestIntrospectionRefusedInProduction(t *testing.T) {
	prod := graphtest.New(t, graphtest.Production())
	tests := []struct{ name, query, wantCode string }{
		{"__schema", `{ __schema { types { name } } }`, "BAD_USER_INPUT"},
		{"__type", `{ __type(name: "Service") { fields { name } } }`, "BAD_USER_INPUT"},
		{"in a fragment", `query { ...Q } fragment Q on Query { __schema { queryType { name } } }`, "BAD_USER_INPUT"},
		{"the tools' query", introspectionQuery, "BAD_USER_INPUT"},
		{"__typename", `{ __typename locales { __typename code } }`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := prod.Do(t, graphtest.Request{Query: tt.query, Header: map[string]string{"Accept-Language": "es"}})
			if got := resp.ErrorCode(); got != tt.wantCode {
				t.Fatalf("code %q, want %q: %+v", got, tt.wantCode, resp.Errors)
			}
			if tt.wantCode == "" {
				return
			}
			if len(resp.Errors) != 1 || !strings.Contains(resp.Errors[0].Message, "introspección") {
				t.Errorf("errors %+v, want one that says, in Spanish, that introspection is off", resp.Errors)
			}
			if strings.Contains(string(resp.Data), "Service") {
				t.Errorf("schema data in production: %s", resp.Data)
			}
		})
	}
	dev := graphtest.New(t)
	if resp := dev.Do(t, graphtest.Request{Query: `{ __type(name: "Service") { name } }`}); len(resp.Errors) > 0 {
		t.Errorf("introspection in development: %+v", resp.Errors)
	}
}

// TestMetricLabelsNotFromClient: operation-name labels come from the
// allow-list when there is one, otherwise from operations that were
// parsed and validated, at most a bounded number of them; a name the client
// merely sent never becomes a label.
func TestMetricLabelsNotFromClient(t *testing.T) {
	send := func(s *graphtest.Server, operationName, query string) {
		b, _ := json.Marshal(map[string]any{"query": query, "operationName": operationName})
		raw(s, http.MethodPost, "/query", string(b), nil)
	}
	t.Run("no allow-list", func(t *testing.T) {
		reg := newRegistry()
		s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) { o.Metrics = httpapi.NewMetrics(reg, func() int { return 0 }) }))
		send(s, "DirectoryPage", "query DirectoryPage { services { totalCount } }")
		send(s, "Injected_label_1", "{ locales { code } }")            // no such operation in the document
		send(s, "Injected_label_2", "query Injected_label_2 { nope }") // invalid
		send(s, "Injected_label_3", "query Injected_label_3 {")        // does not parse
		send(s, "Injected_label_4", "{ locales { "+strings.Repeat("code ", 600)+"} }")
		for i := range 300 {
			send(s, "", fmt.Sprintf("query Op%d { locales { code } }", i))
		}
		text := gather(t, reg)
		if !strings.Contains(text, `operation="DirectoryPage"`) {
			t.Errorf("no DirectoryPage label")
		}
		if strings.Contains(text, "Injected") {
			t.Errorf("a client-sent name became a label")
		}
		labels := map[string]bool{}
		for _, line := range strings.Split(text, "\n") {
			if rest, ok := strings.CutPrefix(line, `graphql_operation_duration_seconds_count{operation="`); ok {
				labels[strings.SplitN(rest, `"`, 2)[0]] = true
			}
		}
		if len(labels) > 101 || !labels["other"] {
			t.Errorf("%d operation labels, want at most 100 names and other", len(labels))
		}
	})
	t.Run("allow-list", func(t *testing.T) {
		reg := newRegistry()
		list, err := httpapi.BuildAllowList(&ast.Source{Input: "query DirectoryPage { services { totalCount } }\nquery Locales { locales { code } }"})
		if err != nil {
			t.Fatal(err)
		}
		s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) {
			o.AllowList = list
			o.Metrics = httpapi.NewMetrics(reg, func() int { return 0 })
		}))
		for _, q := range list {
			send(s, "", q)
			send(s, "Injected_label_5", q) // a listed text, a made-up operation name
		}
		send(s, "Injected_label_6", "query Injected_label_6 { locales { code } }") // not listed
		text := gather(t, reg)
		for _, want := range []string{`operation="DirectoryPage"`, `operation="Locales"`} {
			if !strings.Contains(text, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
		if strings.Contains(text, "Injected") {
			t.Errorf("a client-sent name became a label")
		}
	})
}
