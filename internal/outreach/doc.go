// Package outreach reaches the person outside the app, and the unit's
// staff: notifications by SMS or email about a victim's case, reminders
// (court dates, feedback), and alerts that drive the unit's goals (20 hours
// without first contact, 12 days open, the advocates' daily digest).
//
// A notification is a row of the outbox (ent Notification) written in the
// same transaction as what causes it, with a delivery job on the job queue
// (internal/jobs): a rolled-back change sends nothing, a committed one is
// delivered with retries and backoff, and a job out of attempts leaves its
// notification DEAD for supervisors to see. Delivery is idempotent: a job
// that runs again (another replica, a restart) finds its notification sent
// and sends nothing; only a crash between the provider's acceptance and
// the row's update can repeat a message.
//
// The content rules, because the phone may be seen by the person who hurt
// them: never the access code, never details of the case. When it is not
// safe to leave a message, a neutral text ("You have a new update. Open the
// app.") from a neutral sender name, with no word of police, victims, cases
// or courts and no link; when it is safe, the localized title of the event
// and nothing more. Messages go out only inside the person's contact
// windows (otherwise at the next window's start), at most HourlyLimit an
// hour (the rest fold into one digest), never after the person stopped
// them (in the app, or by replying STOP).
package outreach
