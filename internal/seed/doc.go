// Package seed loads the deterministic demo data set: the Victim Services
// Unit's real directory (services, hours, phone numbers, partners, and the
// national crisis lines 988 and the domestic violence hotline, and when
// Legal Support, the by-appointment service, can be booked) plus a few
// demo locations, with their text in all twelve locales, and the guides.
// Development servers, the tests and the benchmarks all use it, so its IDs
// are derived from stable keys (nodeid.Derive) and identical on every
// machine and database.
//
// The demo cases (LoadDemoCases, development only) are written through the
// case domain's change path (package cases), as the demo staff would, so
// they carry the history, versions and audit trail of real cases. Its case
// domain has no outbox: the demo history happened in the past and nobody is
// told of it (package outreach sends nothing for the seed). The scale
// data of the load tool (LoadScale: up to a million cases) is bulk-inserted
// instead: it is synthetic data for measurement, never served to a person,
// and a million changes through the path would take hours.
//
// It lives under internal/ (not ent/) because it uses the case domain, and
// nothing in ent/ imports internal/.
package seed
