// Package schema is the data model, the single source of truth: ent generates
// the client (package ent), the Relay and node helpers (entgql) from it, and
// gqlgen binds the hand-written SDL in graph/ to the generated types.
//
// Every entity has an opaque, typed nodeid.ID. Human text lives in
// per-locale translation rows with a publication status; privacy policies
// (package rule) decide who reads and writes what.
package schema
