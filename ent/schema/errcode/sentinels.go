package errcode

// The sentinel errors: compare with errors.Is. Never modify their Data.
// RATE_LIMITED has none: every such answer carries its own retryAfter
// (internal/cases, tooMany).
var (
	// ErrUnauthenticated: no valid credentials for what was asked.
	ErrUnauthenticated = New(Unauthenticated, "", nil)
	// ErrForbidden: signed in, but not allowed.
	ErrForbidden = New(Forbidden, "", nil)
	// ErrNotFound: no such record, or not visible to the caller.
	ErrNotFound = New(NotFound, "", nil)
	// ErrConflict: someone else changed the record meanwhile.
	ErrConflict = New(Conflict, "", nil)

	// ErrAccessDenied is the one answer to an unknown case number, a wrong
	// access code and a malformed value alike.
	ErrAccessDenied = New(Unauthenticated, "error.accessDenied", nil)
	// ErrSessionEnded answers an invalid, expired or revoked victim session.
	ErrSessionEnded = New(Unauthenticated, "error.sessionEnded", nil)

	// ErrInvalidTransition: the workflow does not allow this step.
	ErrInvalidTransition = Input("error.invalidTransition", nil)
	// ErrCaseClosed: the change needs an open case.
	ErrCaseClosed = Input("error.caseClosed", nil)
	// ErrConsentRequired: nothing is sent to a partner without consent.
	ErrConsentRequired = Input("error.consentRequired", nil)
	// ErrConsentDate: consent dated before the referral was proposed, or in
	// the future.
	ErrConsentDate = Input("error.consentDate", nil)
	// ErrReferralClosed: the referral can no longer change.
	ErrReferralClosed = Input("error.referralClosed", nil)
	// ErrDeclineReasonRequired: a declined referral needs a victim-safe reason.
	ErrDeclineReasonRequired = Input("error.declineReasonRequired", nil)
	// ErrInvalidRating: ratings are 1 to 5.
	ErrInvalidRating = Input("error.invalidRating", nil)
	// ErrContactRequired: the chosen contact method needs its phone or email.
	ErrContactRequired = Input("error.contactRequired", nil)
	// ErrInvalidPhone: not a phone number.
	ErrInvalidPhone = Input("error.invalidPhone", nil)
	// ErrInvalidEmail: not a bare email address.
	ErrInvalidEmail = Input("error.invalidEmail", nil)
	// ErrUnsupportedLocale: not one of the supported locales.
	ErrUnsupportedLocale = Input("error.invalidLocale", nil)
)
