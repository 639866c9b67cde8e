package graph

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"

	"entgo.io/ent/privacy"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"victimservices/ent"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/textcheck"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/request"
	"victimservices/locales"
)

// Classify maps an error to its code and message. Only errors whose meaning
// is known are shown to the caller; everything else is INTERNAL.
func Classify(ctx context.Context, err error) *errcode.Error {
	var (
		coded      *errcode.Error
		validation *ent.ValidationError
		notFound   *ent.NotFoundError
		constraint *ent.ConstraintError
	)
	switch {
	case errors.As(err, &validation):
		// An ent validator: its own coded error (a bad email) or the
		// general one, about the field it checked.
		if errors.As(validation, &coded) {
			if coded.Field == "" {
				return coded.OnField(validation.Name)
			}
			return coded
		}
		return errcode.Field(validation.Name)
	case errors.As(err, &coded):
		return coded
	case errors.As(err, &notFound):
		return errcode.ErrNotFound
	case errors.As(err, &constraint):
		return errcode.ErrConflict
	case errors.Is(err, privacy.Deny):
		// Signed in (staff, or a victim session) but not allowed: FORBIDDEN.
		if v := viewer.FromContext(ctx); v.IsStaff() || v.IsVictim() {
			return errcode.ErrForbidden
		}
		return errcode.ErrUnauthenticated
	}
	return errcode.New(errcode.Internal, "", nil)
}

// ErrorPresenter is the one place errors become GraphQL errors: every error
// gets an extensions.code and a message in the reader's language; internal
// errors are logged with the request id and shown only as INTERNAL.
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		if graphql.GetFieldContext(ctx) == nil {
			request.MarkRequestError(ctx) // nothing was executed
		}
		if gqlErr.Extensions != nil && gqlErr.Extensions["code"] != nil {
			return gqlErr // a protocol error gqlgen already coded
		}
		l := fieldLocale(ctx)
		var own *gqlerror.Error
		if graphql.GetFieldContext(ctx) == nil && errors.As(err, &own) && own.Err == nil {
			// gqlgen's own refusal of the request, before anything ran (an
			// invalid persisted-query extension, a body it could not
			// decode): the client's fault, and its text, which may quote
			// the request body, is neither logged nor shown.
			return &gqlerror.Error{
				Message:    l.T("error.invalidRequest", nil),
				Extensions: map[string]any{"code": string(errcode.BadUserInput)},
			}
		}
		e := Classify(ctx, err)
		if fixed, ok := locales.ByCode(e.Locale); ok {
			l = fixed
			if root := rootField(ctx); root != nil {
				request.ServedLanguage(ctx, rootFieldKey(root.Field.Alias), l.Code)
			}
		}
		code, id, data := e.Code, e.MessageID, e.Data
		if code == errcode.Internal && argumentsRejected(ctx) {
			// gqlgen could not read the field's arguments (a malformed
			// cursor, ID or time): the input is bad, not the server.
			code, id, data = errcode.BadUserInput, errcode.DefaultMessage(errcode.BadUserInput), nil
		}
		if code == errcode.Internal {
			ref := request.ID(ctx)
			log.ErrorContext(ctx, "internal error", "request_id", ref, "path", gqlErr.Path.String(), "error", err.Error())
			data = map[string]any{"Reference": ref}
		}
		gqlErr.Message = Localize(l, id, data)
		gqlErr.Extensions = map[string]any{"code": string(code)}
		if code == errcode.BadUserInput {
			if f := inputField(ctx, gqlErr.Path, e.Field); f != "" {
				gqlErr.Extensions["field"] = f
			}
		}
		for k, v := range e.Extensions { // retryAfter, the emergency lines
			gqlErr.Extensions[k] = v
		}
		gqlErr.Err = nil
		return gqlErr
	}
}

// inputField is extensions.field of an input error: the path, from the
// GraphQL field's arguments, of the input value at fault ("input.phone",
// "input.contactWindows.0.start"). gqlgen's refusals while reading
// arguments carry that path beyond the field's own; the domain's and ent's
// name the field (Error.Field), found here among the arguments and the
// fields of input-object arguments. "" when neither says.
func inputField(ctx context.Context, path ast.Path, name string) string {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return ""
	}
	if own := fc.Path(); len(path) > len(own) {
		parts := make([]string, 0, len(path)-len(own))
		for _, p := range path[len(own):] {
			switch p := p.(type) {
			case ast.PathName:
				parts = append(parts, string(p))
			case ast.PathIndex:
				parts = append(parts, strconv.Itoa(int(p)))
			}
		}
		return strings.Join(parts, ".")
	}
	if name == "" || fc.Field.Definition == nil {
		return ""
	}
	name = textcheck.APIName(name)
	for _, arg := range fc.Field.Definition.Arguments {
		if arg.Name == name {
			return name
		}
	}
	for _, arg := range fc.Field.Definition.Arguments {
		if def := parsedSchema.Types[arg.Type.Name()]; def != nil && def.Kind == ast.InputObject && def.Fields.ForName(name) != nil {
			return arg.Name + "." + name
		}
	}
	return name
}

// argumentsRejected reports whether the error arose while gqlgen read the
// arguments of the field being resolved: the field takes arguments, but none
// were stored in its context.
func argumentsRejected(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	// Around a root field (its transaction), the context is the root
	// object's, with no field.
	return fc != nil && fc.Args == nil && fc.Field.Field != nil && fc.Field.Definition != nil && len(fc.Field.Definition.Arguments) > 0
}

// Localize renders a message; data["Count"] selects the plural form.
func Localize(l *locales.Locale, id string, data map[string]any) string {
	if n, ok := data["Count"].(int); ok {
		return l.Plural(id, n, data)
	}
	return l.T(id, data)
}

// RecoverFunc turns a panic into an INTERNAL error with the request id,
// logged here and already presented: a websocket sends a recovered panic
// as it is, without the presenter.
func RecoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		ref := request.ID(ctx)
		log.ErrorContext(ctx, "panic", "request_id", ref, "panic", p)
		return &gqlerror.Error{
			Message:    Localize(fieldLocale(ctx), errcode.DefaultMessage(errcode.Internal), map[string]any{"Reference": ref}),
			Extensions: map[string]any{"code": string(errcode.Internal)},
		}
	}
}

// Where the schema is not public (production), no error names what the
// caller might have meant: gqlparser's "Did you mean …?" hints would spell
// out fields, arguments, enum values, input fields and types one typo at a
// time. gqlgen's SetDisableSuggestion swaps only two of the rules that give
// them.

// RulesWithoutSuggestions is the standard validation rule set with every
// rule that suggests names replaced by its variant that does not.
func RulesWithoutSuggestions() *rules.Rules {
	r := rules.NewDefaultRules()
	for _, swap := range []struct {
		name    string
		without core.Rule
	}{
		{"FieldsOnCorrectType", rules.FieldsOnCorrectTypeRuleWithoutSuggestions},
		{"KnownArgumentNames", rules.KnownArgumentNamesRuleWithoutSuggestions},
		{"KnownTypeNames", rules.KnownTypeNamesRuleWithoutSuggestions},
		{"ScalarLeafs", rules.ScalarLeafsRuleWithoutSuggestions},
		{"ValuesOfCorrectType", rules.ValuesOfCorrectTypeRuleWithoutSuggestions},
	} {
		r.RemoveRule(swap.name)
		r.AddRule(swap.without.Name, swap.without.RuleFunc)
	}
	return r
}

// WithoutSuggestions wraps a presenter so that no message it answers keeps
// a suggestion, whichever rule (or future version) wrote one.
func WithoutSuggestions(present graphql.ErrorPresenterFunc) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		e := present(ctx, err)
		if i := strings.Index(e.Message, " Did you mean"); i >= 0 {
			e.Message = e.Message[:i]
		}
		return e
	}
}
