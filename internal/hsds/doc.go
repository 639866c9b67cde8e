// Package hsds exchanges the public service directory as Open Referral HSDS
// 3.0 (Human Services Data Specification) JSON: it exports the directory per
// locale, serves the read endpoints of the HSDS API (/hsds/services,
// /hsds/organizations and their {id} forms) and imports an HSDS dataset.
//
// Promises:
//   - Export reads through the ent client with the public (anonymous) viewer,
//     so the privacy rules decide what is public: ACTIVE services, PUBLISHED
//     text only; no case data is ever read.
//   - HSDS ids are stable: a row imported from HSDS keeps the id it came with
//     (the hsds_id column); any other row's id is a UUID (version 5) derived
//     from its node id. Ids of the records nested in a row (phones,
//     schedules, languages, service areas, accessibility, addresses,
//     service_at_location) are derived from the owner's HSDS id, so an
//     export imported into an empty database exports the same document.
//   - Import is one transaction: every error is reported with the JSON
//     pointer of the value at fault and nothing is written unless the whole
//     dataset is valid; a dry run reports and rolls back; importing the same
//     dataset twice changes nothing the second time.
//
// What HSDS has no field for (a service's category, a phone's kind, the IANA
// zone and closures of opening hours, ADA accessibility) travels in an
// "x_victimservices" object on the record, which the schemas allow and other
// readers ignore; the standard fields are always filled as well.
package hsds
