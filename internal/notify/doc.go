// Package notify fans out "this case changed" signals to the live
// subscriptions of every server process.
//
// On PostgreSQL a change sends NOTIFY case_updates inside the transaction
// that makes it (PostgreSQL delivers it at commit, and never for a rolled-back
// transaction), and every process LISTENs through lib/pq's Listener. On the
// embedded SQLite default there is only one process, so the signal is
// published in process when the transaction commits. The payload is the case
// ID only: no personal data travels.
//
// Directory and guide changes travel the same way on DirectoryChannel (no
// payload), on the same LISTEN connection: every process's public answer
// cache empties when the change commits, and a rolled-back change empties
// none. A lost connection counts as "everything may have changed" for both.
package notify
