package slug_test

import (
	"strings"
	"testing"

	"victimservices/ent/schema/slug"
)

func TestFrom(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Victim Advocacy", "victim-advocacy"},
		{"ampersand", "988 Suicide & Crisis Lifeline", "988-suicide-and-crisis-lifeline"},
		{"accents", "Asesoría Legal – Pilsen", "asesoria-legal-pilsen"},
		{"punctuation", "  Harbor Safe Shelter (demo)! ", "harbor-safe-shelter-demo"},
		{"other script", "Служба", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slug.From(tt.in)
			if got != tt.want {
				t.Errorf("From(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got != "" && !slug.Valid(got) {
				t.Errorf("From(%q) = %q is not a valid slug", tt.in, got)
			}
		})
	}
	long := slug.From(strings.Repeat("word ", 50))
	if len(long) > slug.MaxLen-4 || !slug.Valid(long) {
		t.Errorf("long name gives %q (%d bytes)", long, len(long))
	}
}
