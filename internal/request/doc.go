// Package request holds the values that belong to one request, whatever
// transport it came by: the instant every time-dependent field of the answer
// uses, the request id (sent as X-Request-ID and written with every log line
// and audit record), the client address rate limits count against, and the
// state the GraphQL layer reports back to the HTTP layer. It is a leaf
// package: it imports nothing of the application.
package request
