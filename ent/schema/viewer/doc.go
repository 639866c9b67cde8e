// Package viewer says who is making a request and through which view. The
// transports put a Viewer in the context (from a victim session, a staff
// token or the identity provider: package auth); the ent privacy rules read
// it back. A context without a Viewer is anonymous. Views narrow what a
// viewer may read: the victim view (a victim's own case), the report view
// (KPIs over every case: supervisors only) and the editorial view
// (translation coverage: editors only).
package viewer
