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
}

func (e *Error) Error() string { return string(e.Code) + ": " + e.MessageID }

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
	return Input("error.invalidField", map[string]any{"Field": name})
}
