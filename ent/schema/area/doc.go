// Package area is where a service is offered (HSDS service_area): the ZIP
// codes and the neighbourhoods or community areas it serves. A service stores
// them as two lists (Coverage), so "serves ZIP 60608" is a JSON containment
// test that SQLite and PostgreSQL answer alike; the API shows them as one
// list of areas, each a ZIP code or a neighbourhood.
package area
