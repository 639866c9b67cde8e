package weburl

import (
	"net/url"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	for _, s := range []string{
		"https://harborsafe.org", "https://harborsafe.org/es/ayuda?x=1#top", "http://example.org",
		"HTTPS://EXAMPLE.ORG/", "https://example.org:8443/a", "https://bücher.example/", "https://[2001:db8::1]/",
	} {
		if err := Validate(s); err != nil {
			t.Errorf("Validate(%q) = %v, want nil", s, err)
		}
	}
	for _, s := range []string{
		"", "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
		"vbscript:x", "ftp://example.org", "mailto:help@example.org", "tel:+13125551234", "https://", "https:///path",
		"https:example.org", "//example.org", "example.org", "/relative", "https://user:secret@example.org/",
		"https://user@example.org/", " https://example.org", "https://example.org ", "https://exa mple.org",
		"https://example.org/\tx", "https://example.org/\nx", "https://example.org\x00", "https://caf\xe9.example",
		"https://:443/", "https://example.org\\@evil.example/", "https://example.org/\u2028",
	} {
		if err := Validate(s); err != ErrInvalid {
			t.Errorf("Validate(%q) = %v, want ErrInvalid", s, err)
		}
	}
}

// FuzzValidate: whatever Validate accepts is an absolute http(s) URL with a
// host and no credentials, and reads back the same once parsed.
func FuzzValidate(f *testing.F) {
	for _, s := range []string{
		"https://harborsafe.org", "http://example.org/a?b#c", "javascript:alert(1)", "https://user@x.org",
		"https:x.org", "//x.org", "https://[::1]:80/", "HTTPS://X.ORG", "https://x.org/\t", "data:,x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if Validate(s) != nil {
			return
		}
		u, err := url.Parse(s)
		if err != nil {
			t.Fatalf("accepted %q, which does not parse: %v", s, err)
		}
		if u.Scheme != "https" && u.Scheme != "http" || u.Hostname() == "" || u.User != nil || u.Opaque != "" {
			t.Fatalf("accepted %q: scheme %q host %q user %v opaque %q", s, u.Scheme, u.Hostname(), u.User, u.Opaque)
		}
		if lower := strings.ToLower(s); !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
			t.Fatalf("accepted %q, which does not start with https:// or http://", s)
		}
	})
}
