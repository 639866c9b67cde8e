package graph_test

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"

	"victimservices/ent/schema/sealed"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/cases"
	"victimservices/internal/request"
	"victimservices/internal/storage"
)

// What a person tells us, to look for in the raw database.
var secrets = []string{"3125550177", "555-0177", "escondida@example.org", "Mi expareja me sigue", "solo los martes", "Tengo miedo de volver"}

// TestContactDetailsAreSealedAtRest: the rows hold no plaintext of the
// phone, email, safe-contact notes, description or messages (the raw
// columns, the database file or a pg_dump of the data), and the API reads
// them as they were written. Rotating keys re-seals every row under the new
// key, and the blind index still finds the phone.
func TestContactDetailsAreSealedAtRest(t *testing.T) {
	s := graphtest.New(t)
	var got struct {
		RequestSupport struct{ CaseNumber, AccessCode string }
	}
	s.Do(t, graphtest.Request{Query: `mutation($in: SupportRequestInput!) { requestSupport(input: $in) { caseNumber accessCode } }`,
		Variables: map[string]any{"in": map[string]any{"preferredLocale": "es", "contactMethod": "SMS", "phone": "(312) 555-0177",
			"email": "escondida@example.org", "safeToLeaveMessage": false, "safeContactTimes": "solo los martes",
			"description": "Mi expareja me sigue al trabajo", "needs": []string{"VICTIM_ADVOCACY"}}}}).Decode(t, &got)
	number := got.RequestSupport.CaseNumber
	session := s.Session(t, number, got.RequestSupport.AccessCode)
	s.Do(t, graphtest.Request{Query: `mutation { sendCaseMessage(body: "Tengo miedo de volver a casa") { id } }`,
		Header: graphtest.Bearer(session)}).Decode(t, &struct{}{})

	_, db, err := storage.Open(s.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	raw := func() map[string]string {
		t.Helper()
		out := map[string]string{}
		var phone, email, times, desc, lookup, body string
		if err := db.QueryRow(`SELECT phone, email, safe_contact_times, description, phone_lookup FROM case_files WHERE case_number = '`+number+`'`).
			Scan(&phone, &email, &times, &desc, &lookup); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`SELECT m.body FROM case_messages m JOIN case_files c ON c.id = m.case_id WHERE c.case_number = '` + number + `'`).Scan(&body); err != nil {
			t.Fatal(err)
		}
		out["phone"], out["email"], out["safe_contact_times"], out["description"], out["body"], out["phone_lookup"] = phone, email, times, desc, body, lookup
		return out
	}
	rows := raw()
	for col, v := range rows {
		if col != "phone_lookup" && !strings.HasPrefix(v, "sealed:v1:dev:") {
			t.Errorf("%s is stored as %q, want sealed under the development key", col, v)
		}
		for _, secret := range secrets {
			if strings.Contains(v, secret) {
				t.Errorf("%s holds %q in plaintext", col, secret)
			}
		}
	}
	if rows["phone_lookup"] != sealed.Lookup("+13125550177") {
		t.Errorf("phone_lookup %q is not the phone's blind index", rows["phone_lookup"])
	}
	// The whole database, as a backup would hold it.
	dump := databaseDump(t, s.URL)
	for _, secret := range secrets {
		if strings.Contains(dump, secret) {
			t.Errorf("the database holds %q in plaintext", secret)
		}
	}
	// The advocate reads them as written.
	advocate := s.Token(t, viewer.RoleSupervisor)
	var view struct {
		Case struct {
			Description string
			SafeContact struct {
				Phone                   struct{ Number string }
				Email, SafeContactTimes string
			}
		}
	}
	s.Do(t, graphtest.Request{Query: `query($n: String!) { case(caseNumber: $n) { description safeContact { phone { number } email safeContactTimes } } }`,
		Variables: map[string]any{"n": number}, Header: graphtest.Bearer(advocate)}).Decode(t, &view)
	if c := view.Case.SafeContact; c.Phone.Number != "+13125550177" || c.Email != "escondida@example.org" || c.SafeContactTimes != "solo los martes" ||
		!strings.Contains(view.Case.Description, "Mi expareja") {
		t.Errorf("the advocate reads %+v", view.Case)
	}

	// Rotation: a new current key; the old one still opens until every row
	// is re-sealed.
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	old := sealed.InUse()
	rotated, err := sealed.ParseKeys("k2:" + base64.StdEncoding.EncodeToString(key) + "," + sealed.DevelopmentKeys)
	if err != nil {
		t.Fatal(err)
	}
	sealed.Use(rotated)
	// Other tests share the process: leave k2 able to open what it sealed.
	t.Cleanup(func() {
		back, _ := sealed.ParseKeys(sealed.DevelopmentKeys + ",k2:" + base64.StdEncoding.EncodeToString(key))
		sealed.Use(back)
		_ = old
	})
	// Before rotate-keys reaches the row, a STOP reply still finds the case
	// (its blind index is under the old key).
	domain := cases.New(cases.Config{Client: s.Client, Clock: s.Now})
	if locale, err := domain.StopOutreachByPhone(request.WithInstant(context.Background(), s.Now()), "+13125550177", true); err != nil || locale != "es" {
		t.Fatalf("STOP between a key change and the rotation: locale %q (%v), want the case's es", locale, err)
	}
	d, _ := storage.Dialect(s.URL)
	resealed := 0
	if err := storage.RotateKeys(context.Background(), s.Client, d, func(table string, seen, n, total int) {
		if seen == total {
			resealed += n
		}
	}); err != nil {
		t.Fatal(err)
	}
	if resealed < 2 {
		t.Errorf("%d rows re-sealed, want at least this case and its message", resealed)
	}
	for col, v := range raw() {
		if col != "phone_lookup" && sealed.KeyOf(v) != "k2" {
			t.Errorf("after rotation %s is under key %q", col, sealed.KeyOf(v))
		}
	}
	if lookup := raw()["phone_lookup"]; lookup != sealed.Lookup("+13125550177") {
		t.Errorf("after rotation the blind index is stale")
	}
	s.Do(t, graphtest.Request{Query: `query($n: String!) { case(caseNumber: $n) { description safeContact { phone { number } email safeContactTimes } } }`,
		Variables: map[string]any{"n": number}, Header: graphtest.Bearer(advocate)}).Decode(t, &view)
	if view.Case.SafeContact.Email != "escondida@example.org" {
		t.Errorf("after rotation the advocate reads %+v", view.Case)
	}
	again := 0
	if err := storage.RotateKeys(context.Background(), s.Client, d, func(_ string, seen, n, total int) {
		if seen == total {
			again += n
		}
	}); err != nil || again != 0 {
		t.Errorf("a second rotation re-sealed %d rows (%v), want none", again, err)
	}
}

// databaseDump is everything the database holds on disk (SQLite: the file
// and its write-ahead log) or in a data-only pg_dump.
func databaseDump(t *testing.T, dbURL string) string {
	t.Helper()
	if path, ok := strings.CutPrefix(dbURL, "file:"); ok {
		path, _, _ = strings.Cut(path, "?")
		var b strings.Builder
		for _, f := range []string{path, path + "-wal"} {
			data, err := os.ReadFile(f)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			b.Write(data)
		}
		return b.String()
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pg_dump", "--data-only", "--dbname", u.String()).Output()
	if err != nil {
		t.Fatalf("pg_dump: %v", err)
	}
	return string(out)
}
