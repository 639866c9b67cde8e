// Package auth says who is calling. Authenticate turns an Authorization value
// into the viewer the ent privacy rules read: a victim session (vst_… tokens,
// looked up and slid on every use), a staff JWT signed with AUTH_SECRET, or a
// token of the city's identity provider (OIDC, keys from its JWKS). Every
// transport calls the same Authenticate for every operation: the HTTP layer
// once per request, the websocket transport at connection_init, again for
// each operation sent on the open socket and for each subscription event, so
// a revoked session or an expired token is refused at once everywhere.
//
// A bad, expired or revoked credential is an error (UNAUTHENTICATED), never
// a silent downgrade to anonymous.
package auth
