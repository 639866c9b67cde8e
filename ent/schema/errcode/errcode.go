package errcode

// Code is a stable extensions.code value. Clients switch on it; the message
// is for people and localized.
type Code string

// The codes this API returns (besides the GraphQL protocol's own, such as
// GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED).
const (
	BadUserInput    Code = "BAD_USER_INPUT"
	Unauthenticated Code = "UNAUTHENTICATED"
	Forbidden       Code = "FORBIDDEN"
	NotFound        Code = "NOT_FOUND"
	RateLimited     Code = "RATE_LIMITED"
	Conflict        Code = "CONFLICT"
	Internal        Code = "INTERNAL"
	// Unavailable: the server is too busy to take the request now; nothing
	// ran; retry after extensions.retryAfter seconds (HTTP 503).
	Unavailable Code = "UNAVAILABLE"
)

// defaultMessages is each code's general message.
var defaultMessages = map[Code]string{
	BadUserInput:    "error.badUserInput",
	Unauthenticated: "error.unauthenticated",
	Forbidden:       "error.forbidden",
	NotFound:        "error.notFound",
	RateLimited:     "error.rateLimited",
	Conflict:        "error.conflict",
	Internal:        "error.internal",
	Unavailable:     "error.busy",
}

// DefaultMessage returns the id of a code's general message.
func DefaultMessage(c Code) string { return defaultMessages[c] }

// Error is an error with a code and a localized message.
type Error struct {
	Code Code
	// MessageID is a key of locales/active.*.toml, e.g. "error.invalidPhone".
	MessageID string
	// Data fills the message's placeholders; Data["Count"] selects the
	// plural form; Data["Field"] names the input field at fault.
	Data map[string]any
	// Extensions are more GraphQL error extensions beside code, for clients
	// (retryAfter in seconds on RATE_LIMITED; the emergency lines on a
	// refused intake from a person in danger).
	Extensions map[string]any
	// Field names the input field at fault, for extensions.field: an ent
	// field name (snake_case) or a GraphQL input field name; the error
	// presenter turns it into a path from the GraphQL field's arguments
	// ("input.phone"). "" when the error is not about one field.
	Field string
	// Locale is the code of the locale the message is written in when the
	// domain fixes it (an intake answers in the person's preferredLocale);
	// "" is the reader's locale.
	Locale string
	// Err is the cause, for the log (an INTERNAL error that still answers
	// with extensions); never shown.
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return string(e.Code) + ": " + e.MessageID + ": " + e.Err.Error()
	}
	return string(e.Code) + ": " + e.MessageID
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// With returns a copy of e with more extensions.
func (e *Error) With(ext map[string]any) *Error {
	c := *e
	c.Extensions = make(map[string]any, len(e.Extensions)+len(ext))
	for k, v := range e.Extensions {
		c.Extensions[k] = v
	}
	for k, v := range ext {
		c.Extensions[k] = v
	}
	return &c
}

// OnField returns a copy of e about the input field name (see Error.Field).
func (e *Error) OnField(name string) *Error {
	c := *e
	c.Field = name
	return &c
}

// New returns an Error; an empty messageID takes the code's general message.
func New(code Code, messageID string, data map[string]any) *Error {
	if messageID == "" {
		messageID = defaultMessages[code]
	}
	return &Error{Code: code, MessageID: messageID, Data: data}
}

// Input returns a BAD_USER_INPUT error with the message id.
func Input(messageID string, data map[string]any) *Error {
	return New(BadUserInput, messageID, data)
}

// Field returns the BAD_USER_INPUT error for an invalid input field.
func Field(name string) *Error {
	return Input("error.invalidField", map[string]any{"Field": name}).OnField(name)
}
