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

// TestSMSLines: short codes are stored as they are on SMS lines only, and an
// SMS line's URI carries what to text.
func TestSMSLines(t *testing.T) {
	tests := []struct {
		name    string
		in      Phone
		want    string // sms: URI, "" for none
		wantErr bool
	}{
		{"988 by text", Phone{Number: " 988 ", Kind: KindSMS}, "sms:988", false},
		{"short code with keyword", Phone{Number: "88788", Kind: KindSMS, SMSBody: " START "}, "sms:88788?body=START", false},
		{"body is percent-encoded", Phone{Number: "88788", Kind: KindSMS, SMSBody: "HELP ME & now"}, "sms:88788?body=HELP%20ME%20%26%20now", false},
		{"E.164 SMS line", Phone{Number: "(312) 555-0100", Kind: KindSMS}, "sms:+13125550100", false},
		{"voice line has no sms URI", Phone{Number: "988", Kind: KindHotline}, "", false},
		{"short code is not a voice line", Phone{Number: "88788", Kind: KindVoice}, "", true},
		{"body on a voice line", Phone{Number: "988", Kind: KindHotline, SMSBody: "START"}, "", true},
		{"body with a control character", Phone{Number: "88788", Kind: KindSMS, SMSBody: "ST\nART"}, "", true},
		{"body longer than a message", Phone{Number: "88788", Kind: KindSMS, SMSBody: strings.Repeat("a", MaxSMSBody+1)}, "", true},
		{"not a short code", Phone{Number: "12345", Kind: KindSMS}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			phones := []Phone{tt.in}
			err := NormalizeAll(phones)
			if (err != nil) != tt.wantErr {
				t.Fatalf("NormalizeAll(%+v) = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err == nil && SMSURI(phones[0]) != tt.want {
				t.Errorf("SMSURI(%+v) = %q, want %q", phones[0], SMSURI(phones[0]), tt.want)
			}
		})
	}
}
