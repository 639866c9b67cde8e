// Package storage opens the database named by a URL and migrates its schema:
// postgres://… through lib/pq, file:… through the pure-Go SQLite driver (the
// embedded default). The server, the subcommands, the seed, the tests and
// the load tool all open the database through here, so every client the
// process opens carries the same interceptors and hooks, installed once:
// the audit of staff case reads (package audit), the loading of translated
// text along the reader's locale chain, and the signal that public data
// changed (for answer caches).
//
// It lives under internal/ rather than ent/ because it wires the audit
// trail, which needs the request's id and instant (package request), and
// nothing in ent/ imports internal/.
package storage
