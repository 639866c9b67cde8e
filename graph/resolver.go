package graph

import (
	"log/slog"

	"victimservices/ent"
)

// Resolver holds the dependencies of every resolver. Resolvers stay thin:
// authorization is in the ent privacy rules, text selection in text.go,
// paging limits in paging.go.
type Resolver struct {
	client *ent.Client
	log    *slog.Logger
}
