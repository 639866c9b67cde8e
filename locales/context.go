package locales

import "context"

type ctxKey struct{}

// NewContext returns a context carrying the locale negotiated for the request
// (from Accept-Language).
func NewContext(ctx context.Context, l *Locale) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// FromContext returns the request's locale, English when none was set.
func FromContext(ctx context.Context) *Locale {
	if l, ok := ctx.Value(ctxKey{}).(*Locale); ok && l != nil {
		return l
	}
	return Default()
}

type textKey struct{}

type textChooserKey struct{}

// WithTextLocale makes data loaded under ctx be served in l, whatever the
// request asked for (an intake answers in the person's preferred locale).
func WithTextLocale(ctx context.Context, l *Locale) context.Context {
	return context.WithValue(ctx, textKey{}, l)
}

// WithTextChooser makes data loaded under ctx be served in the locale choose
// returns for the context of the load: the GraphQL layer picks the locale
// argument of the root field being resolved.
func WithTextChooser(ctx context.Context, choose func(context.Context) *Locale) context.Context {
	return context.WithValue(ctx, textChooserKey{}, choose)
}

// TextLocale returns the locale translated data loaded under ctx is served
// in, and false when ctx serves no text (a subcommand, a job): then nothing
// is eager-loaded for it.
func TextLocale(ctx context.Context) (*Locale, bool) {
	if l, ok := ctx.Value(textKey{}).(*Locale); ok && l != nil {
		return l, true
	}
	if f, ok := ctx.Value(textChooserKey{}).(func(context.Context) *Locale); ok {
		return f(ctx), true
	}
	return nil, false
}
