package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent/auditrecord"
	"victimservices/ent/schema/sealed"
	"victimservices/ent/staff"
	"victimservices/graph/httpapi"
	"victimservices/internal/seed"
	"victimservices/internal/storage"
)

// testEncryptionKeys: a test key, then the development key (tests share
// the process's keyring, so what either sealed still opens).
const testEncryptionKeys = "test:dGVzdC1rZXktMzItYnl0ZXMtZm9yLXRoZS1zdWl0ZSE=," + sealed.DevelopmentKeys

func testConfig(t *testing.T) Config {
	t.Helper()
	return Config{
		Addr:            "127.0.0.1:0",
		DatabaseURL:     "file:" + filepath.Join(t.TempDir(), "vs.db"),
		AppEnv:          "development",
		EncryptionKeys:  testEncryptionKeys,
		ShutdownTimeout: 5 * time.Second,
		Clock:           time.Now,
		Logger:          slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

// startServer runs the server on a free port until the test ends.
func startServer(t *testing.T, cfg Config) (addr string, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	cfg.Listening = func(a string) { ready <- a }
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg) }()
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("server stopped: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("server did not start")
	}
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { _ = stop() })
	return addr, stop
}

func post(t *testing.T, addr, query string, header map[string]string) map[string]any {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRunServesTheSeededDirectory boots the real server on the embedded
// database, as `go run .` does, and shuts it down gracefully.
func TestRunServesTheSeededDirectory(t *testing.T) {
	addr, stop := startServer(t, testConfig(t))
	out := post(t, addr, `{ services { totalCount } }`, nil)
	data, _ := out["data"].(map[string]any)
	services, _ := data["services"].(map[string]any)
	if services["totalCount"] != float64(6) {
		t.Fatalf("got %v, want 6 services", out)
	}
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()
	if err := stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
}

func TestProductionRequiresAuthSecret(t *testing.T) {
	cfg := testConfig(t)
	cfg.AppEnv = "production"
	err := run(context.Background(), cfg)
	if err == nil || !strings.Contains(err.Error(), "AUTH_SECRET") {
		t.Fatalf("run = %v, want an AUTH_SECRET error", err)
	}
	cfg.AuthSecret = "short"
	if err := run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "32 bytes") {
		t.Fatalf("run with a short secret = %v", err)
	}
	// The built-in development key is no secret: production refuses it as
	// it refuses none (with stray spaces too).
	for _, key := range []string{devAuthSecret, " " + devAuthSecret + "\n"} {
		cfg.AuthSecret = key
		if err := run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "development key") {
			t.Fatalf("run with the development key %q = %v, want a refusal", key, err)
		}
	}
}

// TestProductionRequiresEncryptionKeys: production (on SQLite too) will
// not start without keys of its own for the victims' contact details.
func TestProductionRequiresEncryptionKeys(t *testing.T) {
	cfg := testConfig(t)
	cfg.AppEnv = "production"
	cfg.AuthSecret = strings.Repeat("s", 32)
	for keys, want := range map[string]string{"": "ENCRYPTION_KEYS is required", sealed.DevelopmentKeys: "development key",
		"k1:c2hvcnQ=": "32 bytes"} {
		cfg.EncryptionKeys = keys
		if err := run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ENCRYPTION_KEYS=%q: run = %v, want %q", keys, err, want)
		}
	}
}

// TestProductionDoesNotSeed: only the seed subcommand loads demo data outside
// development.
func TestProductionDoesNotSeed(t *testing.T) {
	cfg := testConfig(t)
	cfg.AppEnv = "production"
	cfg.AuthSecret = strings.Repeat("s", 32)
	addr, _ := startServer(t, cfg)
	out := post(t, addr, `{ services { totalCount } }`, nil)
	if got := out["data"].(map[string]any)["services"].(map[string]any)["totalCount"]; got != float64(0) {
		t.Fatalf("production server has %v services, want 0", got)
	}
}

// TestTokenCommand: the printed token is accepted by a server with the same
// configuration, and the staff record is created once and updated after.
func TestTokenCommand(t *testing.T) {
	cfg := testConfig(t)
	cfg.AuthSecret = strings.Repeat("k", 40)
	getenv := func(key string) string {
		return map[string]string{"DATABASE_URL": cfg.DatabaseURL, "AUTH_SECRET": cfg.AuthSecret}[key]
	}
	var stdout, stderr bytes.Buffer
	if err := command(context.Background(), []string{"token", "-role", "editor", "-name", "Dana"}, getenv, &stdout, &stderr); err != nil {
		t.Fatalf("token: %v (%s)", err, stderr.String())
	}
	token := strings.TrimSpace(stdout.String())
	stdout.Reset()
	// Re-running it changes Dana's role and ends her earlier token.
	if err := command(context.Background(), []string{"token", "-role", "admin", "-name", "Dana"}, getenv, &stdout, &stderr); err != nil {
		t.Fatalf("second token: %v", err)
	}
	earlier, token := token, strings.TrimSpace(stdout.String())
	stdout.Reset()
	if err := command(context.Background(), []string{"token", "-role", "admin", "-name", "Dana", "-ttl", "13h"}, getenv, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "at most") {
		t.Fatalf("a token for longer than STAFF_TOKEN_MAX_TTL: %v, want a refusal", err)
	}
	if err := command(context.Background(), []string{"token", "-role", "chief", "-name", "Dana"}, getenv, &stdout, &stderr); err == nil {
		t.Fatal("unknown role accepted")
	}
	if err := command(context.Background(), []string{"token", "-role", "advocate", "-name", "Ana", "-phone", "12"}, getenv, &stdout, &stderr); err == nil {
		t.Fatal("invalid phone accepted")
	}
	if err := command(context.Background(), []string{"token", "-role", "advocate", "-name", "Ana", "-phone", "(312) 555-0142"}, getenv, &stdout, &stderr); err != nil {
		t.Fatalf("advocate token: %v", err)
	}
	client, _, err := storage.Open(cfg.DatabaseURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ana, err := client.Staff.Query().Where(staff.Name("Ana")).Only(privacy.DecisionContext(context.Background(), privacy.Allow))
	if err != nil || ana.Phone != "+13125550142" {
		t.Errorf("stored phone %q (%v), want E.164", ana.Phone, err)
	}
	dana, err := client.Staff.Query().Where(staff.Name("Dana")).Only(privacy.DecisionContext(context.Background(), privacy.Allow))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := client.AuditRecord.Query().Where(auditrecord.Action("staff.token"), auditrecord.SubjectID(string(dana.ID)),
		auditrecord.ActorKindEQ(auditrecord.ActorKindSYSTEM)).Count(privacy.DecisionContext(context.Background(), privacy.Allow)); err != nil || n != 2 {
		t.Errorf("%d staff.token audit records for Dana's two tokens (%v), want 2", n, err)
	}

	addr, _ := startServer(t, cfg)
	out := post(t, addr, `mutation { updateService(id: "`+string(seed.ID("svc", "advocacy"))+`", input: {email: "adv@example.org"}) { email } }`,
		map[string]string{"Authorization": "Bearer " + token})
	if out["errors"] != nil {
		t.Fatalf("editor token refused: %v", out["errors"])
	}
	out = post(t, addr, `{ staffMembers { name role } }`, map[string]string{"Authorization": "Bearer " + token})
	if out["errors"] != nil || !strings.Contains(fmt.Sprint(out["data"]), "ADMIN") {
		t.Fatalf("the re-issued token does not act as admin: %v", out)
	}
	for name, bad := range map[string]string{"earlier": earlier, "forged": token + "x"} {
		out = post(t, addr, `{ services { totalCount } }`, map[string]string{"Authorization": "Bearer " + bad})
		errs, _ := out["errors"].([]any)
		if len(errs) != 1 || errs[0].(map[string]any)["extensions"].(map[string]any)["code"] != "UNAUTHENTICATED" {
			t.Fatalf("%s token: %v", name, out)
		}
	}
	out = post(t, addr, `{ services { totalCount } }`, map[string]string{"Authorization": "Bearer " + token + "x"})
	errs, _ := out["errors"].([]any)
	if len(errs) != 1 || errs[0].(map[string]any)["extensions"].(map[string]any)["code"] != "UNAUTHENTICATED" {
		t.Fatalf("forged token: %v", out)
	}
}

// TestSeedCommand: idempotent; in development it prints demo case numbers
// and access codes on standard output (never in the log), and they open the
// demo cases; in production there are no demo cases.
func TestSeedCommand(t *testing.T) {
	cfg := testConfig(t)
	env := map[string]string{"DATABASE_URL": cfg.DatabaseURL}
	getenv := func(key string) string { return env[key] }
	var codes [][]string
	for _, want := range []string{"demo data loaded", "demo data already present"} {
		var stdout, stderr bytes.Buffer
		if err := command(context.Background(), []string{"seed"}, getenv, &stdout, &stderr); err != nil {
			t.Fatal(err)
		}
		if first := strings.SplitN(stdout.String(), "\n", 2)[0]; first != want {
			t.Errorf("seed printed %q, want %q", first, want)
		}
		var run []string
		for _, line := range strings.Split(stdout.String(), "\n") {
			if f := strings.Fields(line); len(f) == 4 && strings.HasPrefix(f[0], "VS-") {
				run = append(run, f[0]+" "+f[1])
				if strings.Contains(stderr.String(), f[1]) {
					t.Errorf("access code %s in the log", f[1])
				}
			}
		}
		if len(run) != 3 {
			t.Fatalf("%d demo cases printed:\n%s", len(run), stdout.String())
		}
		codes = append(codes, run)
	}
	if codes[0][0] == codes[1][0] {
		t.Error("a second seed run kept the old access code")
	}
	addr, _ := startServer(t, cfg)
	f := strings.Fields(codes[1][0])
	out := post(t, addr, `mutation { openCaseSession(caseNumber: "`+f[0]+`", accessCode: "`+f[1]+`") { token } }`, nil)
	if out["errors"] != nil {
		t.Fatalf("demo case does not open: %v", out["errors"])
	}

	prod := testConfig(t)
	env = map[string]string{"DATABASE_URL": prod.DatabaseURL, "APP_ENV": "production", "AUTH_SECRET": strings.Repeat("p", 32), "ENCRYPTION_KEYS": testEncryptionKeys}
	var stdout, stderr bytes.Buffer
	if err := command(context.Background(), []string{"seed"}, getenv, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stdout.String(), "VS-") {
		t.Errorf("production seed printed demo cases:\n%s", stdout.String())
	}
}

// TestAllowlistCommand: the allow-list written from the apps' operations
// loads, and lists each operation with the fragments it uses.
func TestAllowlistCommand(t *testing.T) {
	dir := t.TempDir()
	ops := filepath.Join(dir, "app.graphql")
	if err := os.WriteFile(ops, []byte(`query Directory { services { edges { node { ...S } } } }
fragment S on Service { name phones { telUri } }
query Locales { locales { code } }`), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := command(context.Background(), []string{"allowlist", ops}, func(string) string { return "" }, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "allow.json")
	if err := os.WriteFile(file, out.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	list, err := httpapi.LoadAllowList(file)
	if err != nil || len(list) != 2 {
		t.Fatalf("list %v, err %v", list, err)
	}
	for _, q := range list {
		if strings.Contains(q, "Directory") && !strings.Contains(q, "fragment S") {
			t.Errorf("operation without its fragment: %q", q)
		}
	}
	if err := command(context.Background(), []string{"allowlist", writeTemp(t, "query { nope }")}, func(string) string { return "" }, io.Discard, io.Discard); err == nil {
		t.Error("an invalid operation was accepted")
	}
}

func writeTemp(t *testing.T, content string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "x.graphql")
	if err := os.WriteFile(f, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}
