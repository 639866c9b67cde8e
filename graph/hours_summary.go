package graph

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"victimservices/ent/schema/hours"
	"victimservices/locales"
)

// summaries memoises hoursSummary: many services share a schedule, and a
// summary takes a dozen message templates to write.
var (
	summaries    sync.Map // summaryKey → string
	summaryCount atomic.Int64
	maxSummaries = int64(20000)
)

type summaryKey struct {
	locale   string
	schedule string
}

// hoursSummary writes a schedule for people in locale l, e.g. "Monday to
// Friday, 9 am to 5 pm". Days with the same periods are grouped: consecutive
// ones into ranges, others into lists ("Monday, Wednesday, 9 am to 1 pm").
func hoursSummary(s *hours.Schedule, l *locales.Locale) string {
	b, _ := json.Marshal(struct {
		A, B bool
		P    []hours.Period
	}{s.AlwaysOpen, s.ByAppointment, s.Periods})
	key := summaryKey{l.Code, string(b)}
	if v, ok := summaries.Load(key); ok {
		return v.(string)
	}
	out := writeSummary(s, l)
	if summaryCount.Add(1) > maxSummaries {
		summaries.Clear()
		summaryCount.Store(0)
	}
	summaries.Store(key, out)
	return out
}

func writeSummary(s *hours.Schedule, l *locales.Locale) string {
	switch {
	case s.AlwaysOpen:
		return l.T("hours.alwaysOpen", nil)
	case s.ByAppointment:
		return l.T("hours.byAppointment", nil)
	}
	// The periods of each day, Monday first, as a comparable key.
	keys := make([]string, len(hours.Days))
	byKey := map[string][]hours.Period{}
	for i, d := range hours.Days {
		var parts []string
		var periods []hours.Period
		for _, p := range s.Periods {
			if p.Day == d {
				parts = append(parts, p.Opens+"-"+p.Closes)
				periods = append(periods, p)
			}
		}
		keys[i] = strings.Join(parts, ",")
		if keys[i] != "" {
			byKey[keys[i]] = periods
		}
	}
	// Runs of consecutive days with the same key, grouped by key in order of
	// first appearance.
	var order []string
	runs := map[string][]string{}
	for i := 0; i < len(keys); {
		j := i
		for j+1 < len(keys) && keys[j+1] == keys[i] {
			j++
		}
		if keys[i] != "" {
			label := dayName(hours.Days[i], l)
			if j > i {
				label = l.T("hours.dayRange", map[string]any{"From": dayName(hours.Days[i], l), "To": dayName(hours.Days[j], l)})
			}
			if _, seen := runs[keys[i]]; !seen {
				order = append(order, keys[i])
			}
			runs[keys[i]] = append(runs[keys[i]], label)
		}
		i = j + 1
	}
	if len(order) == 0 {
		return l.T("hours.closed", nil)
	}
	var groups []string
	for _, key := range order {
		days := strings.Join(runs[key], l.T("hours.dayList", nil))
		for _, p := range byKey[key] {
			groups = append(groups, l.T("hours.period", map[string]any{
				"Days": days, "Opens": clockTime(p.Opens, l), "Closes": clockTime(p.Closes, l),
			}))
		}
	}
	return strings.Join(groups, l.T("hours.separator", nil))
}

func dayName(d hours.Weekday, l *locales.Locale) string { return l.T("day."+d.String(), nil) }

// clockTime formats HH:MM in the locale's clock style (hours.time).
func clockTime(hhmm string, l *locales.Locale) string {
	h, m, err := hours.ParseClock(hhmm)
	if err != nil {
		return hhmm
	}
	if h == 24 {
		return l.T("hours.midnight", nil)
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	return l.T("hours.time", map[string]any{
		"Hour24":       h,
		"Hour24Padded": fmt.Sprintf("%02d", h),
		"Hour12":       h12,
		"Minutes":      fmt.Sprintf("%02d", m),
		"OnTheHour":    m == 0,
		"PM":           h >= 12,
	})
}
