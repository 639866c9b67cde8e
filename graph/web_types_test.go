package graph_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"victimservices/graph/httpapi"
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

// TestWebOperationsInStep keeps web/src/operations.json, the operations the
// web client sends, equal to the allow-list of web/operations/*.graphql (what
// `go run . allowlist web/operations/*.graphql` prints): the client sends
// exactly the allow-listed text, so it works against a production server
// limited to that list (PERSISTED_QUERIES_FILE).
func TestWebOperationsInStep(t *testing.T) {
	want, err := httpapi.BuildAllowList(exampleOperations(t)...)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../web/src/operations.json")
	if err != nil {
		t.Fatal(err)
	}
	var got httpapi.AllowList
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Fatalf("web/src/operations.json is not the allow-list of web/operations: run (cd web && npm run operations) and commit")
	}
}

// exampleOperations reads web/operations/*.graphql.
func exampleOperations(t *testing.T) []*ast.Source {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(operationsDir, "*.graphql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example operations under %s (%v)", operationsDir, err)
	}
	var sources []*ast.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: f, Input: string(b)})
	}
	return sources
}
