package graph

import (
	"context"
	"time"
)

type instantKey struct{}

// withInstant fixes the instant every time-dependent field of one response
// uses (openNow, closesAt, opensAt), read once from the injected clock.
func withInstant(ctx context.Context, now time.Time) context.Context {
	return context.WithValue(ctx, instantKey{}, now)
}

// instant returns the request's instant.
func instant(ctx context.Context) time.Time {
	if t, ok := ctx.Value(instantKey{}).(time.Time); ok {
		return t
	}
	return time.Now()
}
