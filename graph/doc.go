// Package graph is the GraphQL layer and only that: the hand-written SDL
// (*.graphqls, the reference the frontend teams read), the one-line
// resolvers into the domain (internal/cases, internal/directory) or the ent
// client, the generated executor, and presentation.
//
// Files: resolver.go injects the dependencies; errors.go maps every error to
// a stable extensions.code with a localized message (the one error
// presenter); text.go decides the locale text is served in (the root
// field's locale argument, else Accept-Language); presentation.go and
// hours_summary.go write labels and opening hours in the reader's language;
// paging.go enforces page sizes; directory_input.go turns directory inputs
// into ent values; inputs.go holds the scalars that refuse bad input where
// it enters (empty or zero times, NUL bytes, invalid UTF-8). The transports live in graph/httpapi; authorization in
// the ent privacy rules.
package graph
