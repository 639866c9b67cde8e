package graph

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

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
	key := summaryKey{l.Code, scheduleKey(s)}
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

// scheduleKey is what a summary depends on, as a string: the two flags and
// the periods in order, fields separated by NUL (which no validated time
// or day holds). It was a JSON encoding, 3 % of a directory page's CPU.
func scheduleKey(s *hours.Schedule) string {
	b := make([]byte, 0, 2+len(s.Periods)*14)
	b = append(b, boolByte(s.AlwaysOpen), boolByte(s.ByAppointment))
	for _, p := range s.Periods {
		b = append(b, byte('0'+p.Day), 0)
		b = append(b, p.Opens...)
		b = append(b, 0)
		b = append(b, p.Closes...)
		b = append(b, 0)
	}
	return string(b)
}

func boolByte(v bool) byte {
	if v {
		return '1'
	}
	return '0'
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
	runs := map[string][][2]hours.Weekday{}
	for i := 0; i < len(keys); {
		j := i
		for j+1 < len(keys) && keys[j+1] == keys[i] {
			j++
		}
		if keys[i] != "" {
			if _, seen := runs[keys[i]]; !seen {
				order = append(order, keys[i])
			}
			runs[keys[i]] = append(runs[keys[i]], [2]hours.Weekday{hours.Days[i], hours.Days[j]})
		}
		i = j + 1
	}
	if len(order) == 0 {
		return l.T("hours.closed", nil)
	}
	// A day name is written as at the start of a sentence only where one
	// starts: the summary's first day, and the first day after a separator
	// that ends a sentence. Everywhere else (the end of a range, a later
	// day of a list, after "; ") it takes its mid-sentence form, lower case
	// in languages that write it so.
	separator := l.T("hours.separator", nil)
	var groups []string
	for _, key := range order {
		for _, p := range byKey[key] {
			groups = append(groups, l.T("hours.period", map[string]any{
				"Days":  dayLabels(runs[key], l, len(groups) == 0 || endsSentence(separator)),
				"Opens": clockTime(p.Opens, l), "Closes": clockTime(p.Closes, l),
			}))
		}
	}
	return strings.Join(groups, separator)
}

// dayLabels writes the runs of days (first and last day of each) that share
// hours: "Monday to Friday", "Monday, Wednesday".
func dayLabels(runs [][2]hours.Weekday, l *locales.Locale, startsSentence bool) string {
	labels := make([]string, len(runs))
	for i, run := range runs {
		labels[i] = dayName(run[0], l, startsSentence && i == 0)
		if run[1] != run[0] {
			labels[i] = l.T("hours.dayRange", map[string]any{"From": labels[i], "To": dayName(run[1], l, false)})
		}
	}
	return strings.Join(labels, l.T("hours.dayList", nil))
}

// dayName is a weekday in l: day.<DAY> where a sentence starts,
// day.<DAY>.inSentence inside one.
func dayName(d hours.Weekday, l *locales.Locale, startsSentence bool) string {
	if startsSentence {
		return l.T("day."+d.String(), nil)
	}
	return l.T("day."+d.String()+".inSentence", nil)
}

// endsSentence reports whether a separator closes the sentence before it
// (". ", "。"), so that the text after it starts a new one.
func endsSentence(sep string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(sep))
	return r == '.' || r == '。' || r == '!' || r == '?'
}

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
