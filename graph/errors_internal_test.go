package graph

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"victimservices/internal/request"
)

// TestPanicBecomesInternal: a panic in a resolver is recovered into an
// INTERNAL error that carries the request id, and is logged with it.
func TestPanicBecomesInternal(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	ctx := request.WithID(context.Background(), "req-42")
	err := RecoverFunc(log)(ctx, "nil map write")
	got := ErrorPresenter(log)(ctx, err)
	if got.Extensions["code"] != "INTERNAL" || !strings.Contains(got.Message, "req-42") || strings.Contains(got.Message, "nil map") {
		t.Errorf("presented %+v", got)
	}
	if !strings.Contains(logs.String(), "req-42") || !strings.Contains(logs.String(), "nil map write") {
		t.Errorf("log %s", logs.String())
	}
	// Any unknown error is INTERNAL too, and its text stays in the log.
	got = ErrorPresenter(log)(ctx, errors.New("pq: connection refused to 10.0.0.5"))
	if got.Extensions["code"] != "INTERNAL" || strings.Contains(got.Message, "10.0.0.5") {
		t.Errorf("presented %+v", got)
	}
}
