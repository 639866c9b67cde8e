package graph

import (
	"bytes"

	"github.com/vektah/gqlparser/v2/formatter"
)

// SDL is the served schema printed as GraphQL SDL, with its descriptions:
// what graph/schema.graphql holds for frontend teams (go generate writes
// it; a test keeps it equal to the served schema) and what each release
// keeps under graph/releases.
func SDL() string {
	var b bytes.Buffer
	formatter.NewFormatter(&b, formatter.WithComments()).FormatSchema(NewExecutableSchema(Config{}).Schema())
	return b.String()
}
