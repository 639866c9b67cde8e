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
