package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"victimservices/ent"
	"victimservices/internal/cases"
)

// Resolver holds the dependencies of every resolver. Resolvers stay thin:
// authorization is in the ent privacy rules, the case domain in
// internal/cases, the directory's in internal/directory, paging limits in
// paging.go, presentation (labels, hours summaries) here.
type Resolver struct {
	client *ent.Client
	cases  *cases.Cases
}

// NewResolver returns the resolvers over client and the case domain.
func NewResolver(client *ent.Client, c *cases.Cases) *Resolver {
	return &Resolver{client: client, cases: c}
}

// NewSchema returns the executable schema served by the transports.
func NewSchema(client *ent.Client, c *cases.Cases) graphql.ExecutableSchema {
	return NewExecutableSchema(Config{Resolvers: NewResolver(client, c)})
}

// db returns the transaction of the current mutation field (the transports
// open one per mutation field), or the client outside mutations.
func (r *Resolver) db(ctx context.Context) *ent.Client {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return tx.Client()
	}
	return r.client
}
