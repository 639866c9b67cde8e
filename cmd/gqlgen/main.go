// Command gqlgen runs gqlgen's generator (as `go tool gqlgen generate`
// does) with one plugin, sequential: every object's resolver fields run
// one after the other in the goroutine resolving the object, instead of one
// goroutine each. The fields are cheap (text picked from translations the
// ent interceptor loaded with the page, hours computed in memory; statements
// per page are constant, with no loader waiting for siblings), so on a
// page of 20 services the ~250 goroutines, their stacks and their
// scheduling were most of the CPU (BENCHMARKS.md, issue 13).
//
// For the same reason, lists of objects are marshalled in order: gqlgen's
// template has no setting for it (its worker_limit still starts a goroutine
// per element), so after generating, the command points every
// MarshalSliceConcurrently call of the executable schema at the package's
// marshalSliceInOrder (graph/lists.go), and fails if it finds none, so a
// gqlgen upgrade that changes the call cannot pass unnoticed.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

type sequential struct{}

func (sequential) Name() string { return "sequential" }

// GenerateCode runs before the executable schema is written.
func (sequential) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		o.DisableConcurrency = true
	}
	return nil
}

func main() {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
	if err := api.Generate(cfg, api.AddPlugin(sequential{})); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
	if err := inOrder(cfg.Exec.Filename); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
}

// concurrent is gqlgen's call for a list of objects (no worker limit, with
// its panic handler); inOrder replaces it with the package's sequential one.
var concurrent = []byte("graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, ")

func inOrder(filename string) error {
	src, err := os.ReadFile(filename)
	if err != nil {
		return err
	}
	if !bytes.Contains(src, concurrent) {
		return fmt.Errorf("%s: no %q to marshal in order (has gqlgen's list template changed?)", filename, concurrent)
	}
	src = bytes.ReplaceAll(src, concurrent, []byte("marshalSliceInOrder(ctx, len(v), "))
	return os.WriteFile(filename, src, 0o644)
}
