// Package nodeid implements the opaque, typed identifiers every entity uses as
// its primary key and its GraphQL ID.
//
// An ID is a short type prefix, an underscore and 26 base32 characters of
// randomness (130 bits), e.g. "svc_k3x9…". The prefix lets node(id:) find the
// table without trusting the caller, so an ID of one type can never be resolved
// as another; the random part reveals neither how many rows exist nor the order
// they were created in. Demo data uses Derive, so its IDs are the same on every
// machine and database.
package nodeid
