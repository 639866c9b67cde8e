// Command gqlgen runs gqlgen's generator (as `go tool gqlgen generate`
// does) with one plugin, sequential: every object's resolver fields run
// one after the other in the goroutine resolving the object, instead of one
// goroutine each. The fields are cheap (text picked from translations the
// ent interceptor loaded with the page, hours computed in memory; statements
// per page are constant, with no loader waiting for siblings), so on a
// page of 20 services the ~250 goroutines, their stacks and their
// scheduling were most of the CPU (BENCHMARKS.md, issue 13).
package main

import (
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
}
