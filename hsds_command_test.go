package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHSDSCommands: export-hsds from a seeded database, import-hsds of that
// file into another (dry run first), a second import that changes nothing,
// and a broken file whose faults are printed with their JSON pointers.
func TestHSDSCommands(t *testing.T) {
	src, dst := testConfig(t), testConfig(t)
	run := func(url string, args ...string) (string, error) {
		env := map[string]string{"DATABASE_URL": url}
		var stdout, stderr bytes.Buffer
		err := command(context.Background(), args, func(k string) string { return env[k] }, &stdout, &stderr)
		return stdout.String(), err
	}
	if _, err := run(src.DatabaseURL, "seed"); err != nil {
		t.Fatal(err)
	}
	doc, err := run(src.DatabaseURL, "export-hsds", "-locale", "es")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "es.json")
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import-hsds", "-dry-run", file}, "dry run: nothing was changed\ncreated 14, updated 0, unchanged 0\n"},
		{[]string{"import-hsds", file}, "created 14, updated 0, unchanged 0\n"},
		{[]string{"import-hsds", file}, "created 0, updated 0, unchanged 14\n"},
	} {
		got, err := run(dst.DatabaseURL, c.args...)
		if err != nil || got != c.want {
			t.Errorf("%v: got %q, %v; want %q", c.args, got, err, c.want)
		}
	}
	again, err := run(dst.DatabaseURL, "export-hsds", "-locale", "es")
	if err != nil || again != doc {
		t.Errorf("the export of the imported directory differs (%v)", err)
	}
	broken := filepath.Join(t.TempDir(), "broken.json")
	bad := strings.Replace(doc, `"status": "active"`, `"status": "open"`, 1)
	if err := os.WriteFile(broken, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := run(dst.DatabaseURL, "import-hsds", broken)
	if err == nil || !strings.Contains(got, broken+": /services/0/status: value must be one of") {
		t.Errorf("broken file: got %q, %v", got, err)
	}
}
