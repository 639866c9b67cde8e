package graph

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"victimservices/ent/schema/hours"
	"victimservices/internal/request"
	"victimservices/locales"
)

// BenchmarkHoursSummary: writing opening hours in a locale.
func BenchmarkHoursSummary(b *testing.B) {
	s := hours.Schedule{TimeZone: "America/Chicago"}
	for _, d := range hours.Days[:5] {
		s.Periods = append(s.Periods, hours.Period{Day: d, Opens: "09:00", Closes: "17:00"})
	}
	l, _ := locales.ByCode("es")
	for b.Loop() {
		hoursSummary(&s, l)
	}
}

// BenchmarkErrorPresenter: presenting a bad-input and an internal error.
func BenchmarkErrorPresenter(b *testing.B) {
	present := ErrorPresenter(slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx := request.WithID(locales.NewContext(context.Background(), locales.Match("ar")), "req")
	input, internal := pageTooLarge(), errors.New("boom")
	for b.Loop() {
		present(ctx, input)
		present(ctx, internal)
	}
}
