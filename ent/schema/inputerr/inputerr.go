// Package inputerr is the error that schema validators and hooks return for
// bad input. It names a message in locales/active.*.toml, so the GraphQL layer
// can answer BAD_USER_INPUT in the reader's language without parsing strings.
package inputerr

// Error is invalid input.
type Error struct {
	// MessageID is a key of locales/active.*.toml, e.g. "error.invalidPhone".
	MessageID string
	// Data fills the message's placeholders.
	Data map[string]any
}

func (e *Error) Error() string { return "invalid input: " + e.MessageID }

// New returns an Error for the message id.
func New(messageID string, data map[string]any) *Error {
	return &Error{MessageID: messageID, Data: data}
}
