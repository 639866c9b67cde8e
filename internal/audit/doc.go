// Package audit keeps the trail of who did what to which case: one
// AuditRecord per change (written by the case change path, in the change's
// transaction) and one per staff read of a case (written by ReadInterceptor,
// which storage.Open installs on every client, so reads through any path or
// any client of the process are audited exactly once). Records name actions
// ("case.read", "case.status"), never personal data.
package audit
