// Command print-schema writes the served schema as SDL to
// graph/schema.graphql (go generate runs it after gqlgen), the one file a
// frontend team downloads or generates types from.
package main

import (
	"log"
	"os"

	"victimservices/graph"
)

func main() {
	if err := os.WriteFile("graph/schema.graphql", []byte(graph.SDL()), 0o644); err != nil {
		log.Fatal(err)
	}
}
