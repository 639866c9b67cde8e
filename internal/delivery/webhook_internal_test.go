package delivery

import "testing"

func TestDefaultPortVariant(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://example.org/hook?a=1", "https://example.org:443/hook?a=1"},
		{"https://example.org:443/hook", "https://example.org/hook"},
		{"http://example.org", "http://example.org:80"},
		{"http://example.org:80?x=%2F", "http://example.org?x=%2F"},
		{"https://[::1]/hook", "https://[::1]:443/hook"},
		{"https://[::1]:443/hook", "https://[::1]/hook"},
		{"https://example.org:8443/hook", ""},
		{"https://user:pw@example.org/hook", ""},
		{"ftp://example.org/hook", ""},
		{"/hook", ""},
	} {
		got, ok := defaultPortVariant(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("defaultPortVariant(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}
