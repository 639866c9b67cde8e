package graph

import (
	"context"
	"time"
)

type instantKey struct{}

// withInstant fixes the instant every time-dependent field of one response
// uses (openNow, closesAt, opensAt, nextFollowUp), read once from the
// injected clock.
func withInstant(ctx context.Context, now time.Time) context.Context {
	return context.WithValue(ctx, instantKey{}, now)
}

// withLiveClock makes instant read the clock at each call: a websocket
// connection lives long, and each pushed update is a response of its own.
func withLiveClock(ctx context.Context, clock func() time.Time) context.Context {
	return context.WithValue(ctx, instantKey{}, clock)
}

// instant returns the request's instant.
func instant(ctx context.Context) time.Time {
	switch v := ctx.Value(instantKey{}).(type) {
	case time.Time:
		return v
	case func() time.Time:
		return v()
	}
	return time.Now()
}
