package delivery

import (
	"context"
	"errors"
)

// Message is one rendered outside message.
type Message struct {
	// ID is the notification's ID. Email uses it in the Message-ID
	// <ID@domain-of-the-sender>, and it may appear in logs: it must never
	// hold personal data.
	ID string
	// To is the recipient: an E.164 phone number for SMS, an address for
	// email.
	To string
	// FromName is the sender's display name. When the content must stay
	// neutral, the caller passes a neutral name here.
	FromName string
	// Subject is the subject line (email only).
	Subject string
	// Body is the plain-text content.
	Body string
}

// Receipt is what the provider answered.
type Receipt struct {
	// ProviderID identifies the message at the provider: Twilio's message
	// SID for SMS, the Message-ID header (with its angle brackets) for
	// email.
	ProviderID string
}

// Sender delivers a message over one channel.
type Sender interface {
	// Send delivers m, or returns why not. Errors for which IsPermanent is
	// true will fail again however often they are retried.
	Send(ctx context.Context, m Message) (Receipt, error)
}

// permanentError marks an error that a retry cannot fix.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent wraps err as an error that a retry cannot fix: an invalid
// recipient, a rejection by the provider with an HTTP 4xx other than 429, an
// SMTP 5xx answer to RCPT. It returns nil for a nil err.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err: err}
}

// IsPermanent reports whether err, or an error it wraps, was marked by
// Permanent. Every other error (network, timeouts, HTTP 5xx and 429, SMTP 4xx
// and any SMTP answer to other commands than RCPT) is temporary: a later
// attempt may succeed.
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}
