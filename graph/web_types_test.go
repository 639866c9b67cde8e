package graph_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestWebTypesInStep keeps web/src/gql (the TypeScript types graphql-codegen
// writes for the example operations) generated from the committed schema and
// operations. It does not need node: web/stamp-inputs.mjs records the hash of
// the inputs beside the generated files, and this recomputes it.
func TestWebTypesInStep(t *testing.T) {
	h := sha256.New()
	schema, err := os.ReadFile("schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	h.Write(schema)
	names, err := filepath.Glob(filepath.Join(operationsDir, "*.graphql"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	stamp, err := os.ReadFile("../web/src/gql/inputs.sha256")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(string(stamp)), hex.EncodeToString(h.Sum(nil)); got != want {
		t.Fatalf("web/src/gql was generated from another schema or other operations: run (cd web && npm run codegen) and commit")
	}
}
