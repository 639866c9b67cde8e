// Package retention removes what the unit no longer needs, as its
// retention policy says: closed cases are anonymised after a period (their
// contact details, free text, messages, notifications and sessions go;
// their dates, status and outcome stay, so the KPIs still count them);
// expired sessions, old rate-limit events, old guide revisions and, after
// their own longer period, audit records are deleted. Every run can be a
// dry run that reports what it would remove; a real run removes exactly
// that, in one transaction, audited. The job queue runs it daily; the
// retention subcommand runs it (or its dry run) by hand. (Finished job
// rows are River's: its cleaner removes them, see internal/jobs.)
package retention
