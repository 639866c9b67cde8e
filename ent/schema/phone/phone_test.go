package phone

import (
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"(312) 555-0100", "+13125550100"},
		{"312.555.0100", "+13125550100"},
		{"+1 312 555 0100", "+13125550100"},
		{"+48 22 123 45 67", "+48221234567"},
		{"911", "911"},
		{" 988 ", "988"},
	}
	for _, tt := range tests {
		if got, err := Normalize(tt.raw); err != nil || got != tt.want {
			t.Errorf("Normalize(%q) = %q, %v, want %q", tt.raw, got, err, tt.want)
		}
	}
	for _, raw := range []string{"", "123", "555-0100", "not a number", "+1 312 555 0100\x00", "javascript:alert(1)", strings.Repeat("9", 300)} {
		if got, err := Normalize(raw); err != ErrInvalid {
			t.Errorf("Normalize(%q) = %q, %v, want ErrInvalid", raw, got, err)
		}
	}
}

// FuzzNormalize: what Normalize accepts is E.164 (+ and at most 15 digits)
// or a three-digit short number, normalising it again changes nothing, and
// it displays and dials without surprises.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"(312) 555-0100", "+13125550100", "911", "988", "+48 22 123 45 67", "312-555-0100 ext. 12",
		"+1 (312) 555-0100", "1-800-799-7233", "+٤٨٢٢١٢٣٤٥٦٧", "+1 312 555 0100\x00", "tel:+13125550100", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		n, err := Normalize(raw)
		if err != nil {
			return
		}
		short := len(n) == 3 && strings.Trim(n, "0123456789") == ""
		e164 := len(n) >= 2 && len(n) <= 16 && n[0] == '+' && n[1] != '0' && strings.Trim(n[1:], "0123456789") == ""
		if !short && !e164 {
			t.Fatalf("Normalize(%q) = %q, neither E.164 nor a short number", raw, n)
		}
		if again, err := Normalize(n); err != nil || again != n {
			t.Fatalf("Normalize(%q) = %q, but Normalize(%q) = %q, %v", raw, n, n, again, err)
		}
		if Display(n) == "" || TelURI(n) != "tel:"+n {
			t.Fatalf("%q displays as %q, dials %q", n, Display(n), TelURI(n))
		}
	})
}
