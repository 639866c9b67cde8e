// Package httpapi serves the GraphQL schema over HTTP and websockets: the
// gqlgen handler with explicit transports, GraphQL over HTTP as its
// specification asks (media types, status codes), body and query limits
// (depth, cost weighed by page size, aliases, root fields), the persisted
// query allow-list, HTTP caching of public answers (ETag, gzip, a server-side
// cache emptied when a directory or guide change commits, through this
// process or another: storage.OnPublicChange signals it through
// notify.Hub.DirectoryChanged, NOTIFY in the change's transaction on
// PostgreSQL, heard on the hub's one LISTEN connection), the access log
// and metrics, GraphiQL in development (production redirects / to the web
// client), the web client at /app/ (package web) in every mode, and the
// trusted-proxy rule for the client address.
//
// Every request gets its request id, instant, locale and client address
// (package request), and its viewer from the one auth.Authenticate: once per
// HTTP request, and on a websocket at connection_init and again for every
// operation and every subscription event, closing the socket with 4401 when
// the credentials no longer hold. Every mutation field runs in a transaction
// of its own (transactions.go).
package httpapi
