package graph

import (
	"log/slog"
	"time"

	"victimservices/ent"
	"victimservices/internal/accesscode"
	"victimservices/internal/notify"
)

// Resolver holds the dependencies of every resolver. Resolvers stay thin:
// authorization is in the ent privacy rules, text selection in text.go,
// paging limits in paging.go.
type Resolver struct {
	client   *ent.Client
	log      *slog.Logger
	hasher   *accesscode.Hasher
	notifier *notify.Hub
	// now is the injected clock, for work outside a request's instant
	// (live subscriptions re-checking their session).
	now func() time.Time
}
