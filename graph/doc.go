// Package graph is the GraphQL API: the hand-written SDL (*.graphqls, the
// reference the frontend teams read), thin resolvers over the ent client, and
// the HTTP handler with its transports, limits, locale negotiation, staff
// authentication and the one error presenter.
//
// Files: handler.go builds the http.Handler; errors.go maps every error to a
// stable extensions.code with a localized message; text.go picks the served
// translation of an object; paging.go enforces page sizes; hours_summary.go
// writes opening hours in the reader's language; staffauth.go signs and
// verifies staff bearer tokens.
package graph
