package delivery

import (
	"testing"
	"time"
)

func TestNewSMTPURLForms(t *testing.T) {
	for _, tc := range []struct {
		url            string
		host           string
		port           int
		implicitTLS    bool
		user, password string
	}{
		{"smtp://mail.example.org", "mail.example.org", 587, false, "", ""},
		{"smtp://mail.example.org:25/", "mail.example.org", 25, false, "", ""},
		{"smtps://mail.example.org", "mail.example.org", 465, true, "", ""},
		{"smtps://relay:p%40ss%3Aw%2Frd@mail.example.org:2465", "mail.example.org", 2465, true, "relay", "p@ss:w/rd"},
		{"smtp://relay%40vsu.example.org:tok@[::1]:2525", "::1", 2525, false, "relay@vsu.example.org", "tok"},
		{"SMTP://user@mail.example.org", "mail.example.org", 587, false, "user", ""},
	} {
		s, err := NewSMTP(tc.url, "Victim Services <notices@vsu.example.org>")
		if err != nil {
			t.Errorf("NewSMTP(%q): %v", tc.url, err)
			continue
		}
		if s.host != tc.host || s.port != tc.port || s.implicitTLS != tc.implicitTLS || s.user != tc.user || s.password != tc.password {
			t.Errorf("NewSMTP(%q) = host %q port %d tls %v user %q password %q, want %q %d %v %q %q",
				tc.url, s.host, s.port, s.implicitTLS, s.user, s.password, tc.host, tc.port, tc.implicitTLS, tc.user, tc.password)
		}
		if s.timeout != 15*time.Second {
			t.Errorf("NewSMTP(%q): timeout %s, want 15s", tc.url, s.timeout)
		}
		if s.tlsConfig.ServerName != tc.host {
			t.Errorf("NewSMTP(%q): TLS ServerName %q, want %q", tc.url, s.tlsConfig.ServerName, tc.host)
		}
		if s.domain != "vsu.example.org" || s.from.Name != "Victim Services" || s.from.Address != "notices@vsu.example.org" {
			t.Errorf("NewSMTP(%q): sender %v domain %q", tc.url, s.from, s.domain)
		}
	}
}
