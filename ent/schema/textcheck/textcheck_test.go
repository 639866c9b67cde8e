package textcheck

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name, s string
		max     int
		want    error
	}{
		{"empty", "", 0, nil},
		{"ASCII at the limit", "abcd", 4, nil},
		{"ASCII over", "abcde", 4, ErrTooLong},
		{"Chinese counted in characters", strings.Repeat("中", 4), 4, nil},
		{"Chinese over", strings.Repeat("中", 5), 4, ErrTooLong},
		{"emoji are one character each", "🌻🌻", 2, nil},
		{"combining marks count on their own", "e\u0301", 2, nil},
		{"NUL byte", "a\x00b", 10, ErrInvalid},
		{"invalid UTF-8", "caf\xe9", 10, ErrInvalid},
		{"lone surrogate bytes", "\xed\xa0\x80", 10, ErrInvalid},
		{"truncated sequence", "中"[:2], 10, ErrInvalid},
		{"invalid even when too long", "\xff" + strings.Repeat("x", 10), 4, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Check(tt.s, tt.max); got != tt.want {
				t.Errorf("Check(%q, %d) = %v, want %v", tt.s, tt.max, got, tt.want)
			}
		})
	}
}

func TestAPIName(t *testing.T) {
	for in, want := range map[string]string{"name": "name", "safe_contact_times": "safeContactTimes", "court_name": "courtName", "id": "id"} {
		if got := APIName(in); got != want {
			t.Errorf("APIName(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzCheck: Check never panics, accepts exactly valid UTF-8 without NUL of
// at most max runes, and agrees with Valid.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "hello", "中文描述", "🌻", "a\x00b", "caf\xe9", "\xed\xa0\x80", "e\u0301", "\uFFFD", "\xf4\x90\x80\x80"} {
		f.Add(s, 4)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 0 {
			max = -max
		}
		err := Check(s, max)
		valid := utf8.ValidString(s) && !strings.ContainsRune(s, 0)
		switch {
		case !valid:
			if err != ErrInvalid || Valid(s) != ErrInvalid {
				t.Fatalf("Check(%q) = %v, want ErrInvalid", s, err)
			}
		case utf8.RuneCountInString(s) > max:
			if err != ErrTooLong {
				t.Fatalf("Check(%q, %d) = %v, want ErrTooLong", s, max, err)
			}
		case err != nil:
			t.Fatalf("Check(%q, %d) = %v, want nil", s, max, err)
		}
	})
}
