// Package jobs is the job queue: River over the application's own database
// (PostgreSQL through database/sql and lib/pq, or the embedded SQLite), so a
// job is inserted in the same transaction as the change that causes it and
// is lost or kept with it.
//
// It owns River's tables (Migrate), the client (New: workers, periodic jobs,
// retries with backoff, a dead-letter state for jobs out of attempts) and the
// one way to enqueue inside an ent transaction (InsertTx). What the jobs do
// lives with their domain (internal/outreach registers its workers).
//
// River runs in poll-only mode on both databases (database/sql has no
// LISTEN): a worker picks a new job up within FetchPollInterval. Several
// processes may run workers on one database; each job runs in one of them
// at a time.
package jobs
