package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"

	"entgo.io/ent/privacy"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"victimservices/ent"
	"victimservices/ent/schema/inputerr"
	"victimservices/ent/schema/viewer"
	"victimservices/locales"
)

// Code is a stable extensions.code value. Clients switch on it; the message is
// for people and localized.
type Code string

// The codes this API returns (besides the GraphQL protocol's own, such as
// GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED).
const (
	CodeBadUserInput    Code = "BAD_USER_INPUT"
	CodeUnauthenticated Code = "UNAUTHENTICATED"
	CodeForbidden       Code = "FORBIDDEN"
	CodeNotFound        Code = "NOT_FOUND"
	CodeRateLimited     Code = "RATE_LIMITED"
	CodeConflict        Code = "CONFLICT"
	CodeInternal        Code = "INTERNAL"
)

// messageIDs is each code's default message.
var messageIDs = map[Code]string{
	CodeBadUserInput:    "error.badUserInput",
	CodeUnauthenticated: "error.unauthenticated",
	CodeForbidden:       "error.forbidden",
	CodeNotFound:        "error.notFound",
	CodeRateLimited:     "error.rateLimited",
	CodeConflict:        "error.conflict",
	CodeInternal:        "error.internal",
}

// codedError is an error a resolver returns on purpose.
type codedError struct {
	code Code
}

func (e *codedError) Error() string { return string(e.code) }

var (
	errUnauthenticated = &codedError{CodeUnauthenticated}
	errForbidden       = &codedError{CodeForbidden}
	errNotFound        = &codedError{CodeNotFound}
)

// classify maps an error to its code and message. Only errors whose meaning
// is known are shown to the caller; everything else is INTERNAL.
func classify(ctx context.Context, err error) (Code, string, map[string]any) {
	var (
		message    *messageError
		coded      *codedError
		input      *inputerr.Error
		validation *ent.ValidationError
		notFound   *ent.NotFoundError
		constraint *ent.ConstraintError
	)
	switch {
	case errors.As(err, &input):
		return CodeBadUserInput, input.MessageID, input.Data
	case errors.As(err, &message):
		return message.code, message.id, nil
	case errors.As(err, &coded):
		return coded.code, messageIDs[coded.code], nil
	case errors.As(err, &validation):
		return CodeBadUserInput, "error.invalidField", map[string]any{"Field": validation.Name}
	case errors.As(err, &notFound):
		return CodeNotFound, messageIDs[CodeNotFound], nil
	case errors.As(err, &constraint):
		return CodeConflict, messageIDs[CodeConflict], nil
	case errors.Is(err, privacy.Deny):
		if viewer.FromContext(ctx).IsStaff() {
			return CodeForbidden, messageIDs[CodeForbidden], nil
		}
		return CodeUnauthenticated, messageIDs[CodeUnauthenticated], nil
	case errors.Is(err, context.DeadlineExceeded):
		return CodeInternal, messageIDs[CodeInternal], nil
	}
	return CodeInternal, messageIDs[CodeInternal], nil
}

// errorPresenter is the one place errors become GraphQL errors: every error
// gets an extensions.code and a message in the reader's language; internal
// errors are logged with the request id and shown only as INTERNAL.
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		if graphql.GetFieldContext(ctx) == nil {
			markRequestError(ctx) // nothing was executed
		}
		if gqlErr.Extensions != nil && gqlErr.Extensions["code"] != nil {
			return gqlErr // a protocol error gqlgen already coded
		}
		l := fieldLocale(ctx)
		code, id, data := classify(ctx, err)
		if code == CodeInternal && argumentsRejected(ctx) {
			// gqlgen could not read the field's arguments (a malformed
			// cursor, ID or time): the input is bad, not the server.
			code, id, data = CodeBadUserInput, messageIDs[CodeBadUserInput], nil
		}
		if code == CodeInternal {
			ref := requestID(ctx)
			log.ErrorContext(ctx, "internal error", "request_id", ref, "path", gqlErr.Path.String(), "error", err.Error())
			data = map[string]any{"Reference": ref}
		}
		gqlErr.Message = localize(l, id, data)
		gqlErr.Extensions = map[string]any{"code": string(code)}
		gqlErr.Err = nil
		return gqlErr
	}
}

// argumentsRejected reports whether the error arose while gqlgen read the
// arguments of the field being resolved: the field takes arguments, but none
// were stored in its context.
func argumentsRejected(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	return fc != nil && fc.Args == nil && fc.Field.Definition != nil && len(fc.Field.Definition.Arguments) > 0
}

// localize renders a message; data["Count"] selects the plural form.
func localize(l *locales.Locale, id string, data map[string]any) string {
	if n, ok := data["Count"].(int); ok {
		return l.Plural(id, n, data)
	}
	return l.T(id, data)
}

// recoverFunc turns a panic into an INTERNAL error (the presenter logs it).
func recoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic", "request_id", requestID(ctx), "panic", p)
		return errors.New("panic")
	}
}

type requestIDKey struct{}

func withRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// requestID returns the request's id (also sent as X-Request-ID).
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// messageError is an error with a code and a specific message.
type messageError struct {
	code Code
	id   string
}

func (e *messageError) Error() string { return string(e.code) + ": " + e.id }

// found passes a single-row read through, answering NOT_FOUND (with its
// localized message) when the row does not exist or is not visible.
func found[T any](v T, err error) (T, error) {
	if ent.IsNotFound(err) {
		var zero T
		return zero, errNotFound
	}
	return v, err
}
