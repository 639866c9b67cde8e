// Package cases is the case domain: intake, victim sessions and their
// sign-in limits, the staff workflow (status, assignment, first contact,
// notes, follow-ups, court dates, the compensation claim, closing),
// referrals with consent, appointments with by-appointment services and
// the calendar files of appointments and court dates, the victim's feedback
// and live view, and the unit's KPIs.
//
// Every write to a case, by staff, by the victim, by the intake or by the
// seed, goes through one change path (Cases.change): in one transaction it
// loads the case through the privacy rules, checks the expected version,
// applies the change, bumps version exactly once (conditionally: a
// concurrent change answers CONFLICT), writes the history entries, one audit
// record and the live-update signal. Anything a change must also do later
// (outbound notifications) belongs there, once.
//
// Transactions: a change joins the transaction in its context (the GraphQL
// layer opens one per mutation field) or opens its own. Attempt records that
// must survive a failure (sign-in and intake rate limits) are committed in
// their own short transaction before the change's, never inside it.
//
// Authorization is the ent privacy rules' (an advocate reaches only assigned
// cases, a victim session only its own case in the victim view, the KPIs
// only supervisors); this package asks the viewer only who the victim is.
// Errors are errcode values (BAD_USER_INPUT, CONFLICT, NOT_FOUND,
// UNAUTHENTICATED, RATE_LIMITED) or internal.
package cases
