// Package rule holds the privacy policies of the ent schema. Every query and
// mutation of every entity passes through them, whatever path it takes
// (root fields, node(id:), edges, eager loading, the case change path, a
// subcommand), so authorization cannot be bypassed by a resolver or a job
// that forgets a check: resolvers hold none. Rules name columns by the
// generated constants (casefile.FieldAdvocateID), never as strings.
//
// Decisions come from the viewer and view in the context (package viewer).
// Internal machinery (the intake before anyone may read its case, the audit
// trail, session bookkeeping, the token subcommand) runs with
// privacy.DecisionContext(ctx, privacy.Allow).
package rule
