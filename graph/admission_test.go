package graph_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/graph/httpapi"
)

// TestBusyServerRefusesQuicklyButNeverTheCrisisPaths: with every turn
// taken (MaxInFlight 1, held by a change blocked on a database lock), a
// query waits AdmissionWait and is refused UNAVAILABLE, in the reader's
// language, with retryAfter and HTTP 503 with Retry-After; the crisis lines
// and a request for support are answered all the same; once the turn is
// free, queries are answered again.
func TestBusyServerRefusesQuicklyButNeverTheCrisisPaths(t *testing.T) {
	s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) {
		o.MaxInFlight, o.AdmissionWait = 1, 100*time.Millisecond
	}))
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	// The lock: on SQLite a write transaction (BEGIN IMMEDIATE), on
	// PostgreSQL a share lock on services, which lets reads through.
	tx, err := s.Client.Tx(graphtest.System(t.Context()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tx.Rollback() }) // should the test stop before releasing it
	if strings.HasPrefix(s.URL, "postgres") {
		if _, err := tx.ExecContext(t.Context(), "LOCK TABLE services IN SHARE MODE"); err != nil {
			t.Fatal(err)
		}
	}
	var held sync.WaitGroup
	held.Go(func() {
		s.Do(t, graphtest.Request{Header: editor,
			Query: `mutation { createService(input: {category: SHELTER, hours: {timeZone: "America/Chicago", alwaysOpen: true}}) { id } }`})
	})
	// Once the change holds the turn (waiting for the lock), a query is
	// refused after AdmissionWait; until then one may still get the turn.
	var busy *graphtest.Response
	var waited time.Duration
	for deadline := time.Now().Add(5 * time.Second); ; {
		began := time.Now()
		busy = s.Do(t, graphtest.Request{Query: `{ services(first: 1) { totalCount } }`, Header: map[string]string{"Accept-Language": "es"}})
		waited = time.Since(began)
		if busy.Status == http.StatusServiceUnavailable || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if busy.Status != http.StatusServiceUnavailable || busy.Header.Get("Retry-After") != "1" || len(busy.Errors) != 1 ||
		busy.Errors[0].Code() != "UNAVAILABLE" || busy.Errors[0].Extensions["retryAfter"] != float64(1) {
		t.Fatalf("a query at MaxInFlight: status %d, Retry-After %q, errors %+v; want 503, 1, one UNAVAILABLE with retryAfter 1",
			busy.Status, busy.Header.Get("Retry-After"), busy.Errors)
	}
	if waited > 5*time.Second {
		t.Errorf("refused after %v, want about AdmissionWait", waited)
	}
	if msg := busy.Errors[0].Message; !strings.Contains(msg, "911") || !strings.Contains(msg, "ocupados") {
		t.Errorf("message %q, want the Spanish one naming 911", msg)
	}
	if len(busy.Data) != 0 {
		t.Errorf("data %s, want none (nothing ran)", busy.Data)
	}

	var crisis struct{ CrisisContacts []struct{ Name string } }
	s.Do(t, graphtest.Request{Query: `{ ...Lines } fragment Lines on Query { __typename crisisContacts { name } }`}).Decode(t, &crisis)
	if len(crisis.CrisisContacts) == 0 {
		t.Error("the crisis lines were not answered while the server was busy")
	}
	// Other work beside a crisis field waits like any other.
	if r := s.Do(t, graphtest.Request{Query: `{ crisisContacts { name } services(first: 1) { totalCount } }`}); len(r.Errors) != 1 || r.Errors[0].Code() != "UNAVAILABLE" {
		t.Errorf("crisis lines with a directory page while busy: errors %+v, want UNAVAILABLE", r.Errors)
	}
	// A request for support passes admission at once (on SQLite it then
	// waits for the test's write lock, like any write).
	var number string
	held.Go(func() { number, _ = s.Intake(t, "en") })
	time.Sleep(300 * time.Millisecond)

	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	held.Wait()
	if number == "" {
		t.Error("the request for support was not answered")
	}
	var got struct{ Services struct{ TotalCount int } }
	s.Do(t, graphtest.Request{Query: `{ services(first: 1) { totalCount } }`}).Decode(t, &got)
}
