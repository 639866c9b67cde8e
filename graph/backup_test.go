package graph_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/storage"
)

// TestBackupAndRestore is the README's procedure on PostgreSQL: pg_dump a
// seeded database with a case in it, pg_restore it into a new database,
// and a server on the restored one (same keys, same AUTH_SECRET) answers
// the same: the directory, a guide, the staff's case view with its sealed
// contact details, the victim's sign-in.
func TestBackupAndRestore(t *testing.T) {
	admin := os.Getenv("TEST_DATABASE_URL")
	if !strings.HasPrefix(admin, "postgres") {
		t.Skip("the backup procedure is PostgreSQL's (pg_dump, pg_restore); set TEST_DATABASE_URL")
	}
	s := graphtest.New(t)
	number, code := s.Intake(t, "es")
	supervisor := s.Token(t, viewer.RoleSupervisor)
	queries := []graphtest.Request{
		{Query: `{ services(first: 50) { totalCount edges { node { id name hours { summary } } } } }`, Header: map[string]string{"Accept-Language": "es"}},
		{Query: `{ resources(first: 50) { edges { node { slug title } } } }`, Header: map[string]string{"Accept-Language": "ar"}},
		{Query: `query($n: String!) { case(caseNumber: $n) { caseNumber status description safeContact { phone { number } email } history { kind } } }`,
			Variables: map[string]any{"n": number}, Header: graphtest.Bearer(supervisor)},
	}
	answers := func(srv *graphtest.Server) []string {
		var out []string
		for _, q := range queries {
			r := srv.Do(t, q)
			if len(r.Errors) > 0 {
				t.Fatalf("%s: %+v", q.Query, r.Errors)
			}
			out = append(out, string(r.Data))
		}
		return out
	}
	before := answers(s)

	file := filepath.Join(t.TempDir(), "backup.dump")
	run := func(name string, args ...string) {
		t.Helper()
		var stderr bytes.Buffer
		cmd := exec.Command(name, args...)
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v: %s", name, err, stderr.String())
		}
	}
	run("pg_dump", "--format=custom", "--no-owner", "--file", file, "--dbname", s.URL)
	restored, drop, err := storage.ThrowawayDatabase(context.Background(), admin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(drop)
	run("pg_restore", "--no-owner", "--exit-on-error", "--dbname", restored, file)

	r := graphtest.Open(t, restored)
	r.SetNow(s.Now())
	after := answers(r)
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("%s\nbefore: %s\nafter:  %s", queries[i].Query, before[i], after[i])
		}
	}
	if token := r.Session(t, number, code); token == "" {
		t.Error("the victim cannot sign in on the restored database")
	}
}
