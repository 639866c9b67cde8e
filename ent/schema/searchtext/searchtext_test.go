package searchtext_test

import (
	"slices"
	"testing"

	"victimservices/ent/schema/searchtext"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Abogado  GRATUITO", "abogado gratuito"},
		{"Asesoría jurídica", "asesoria juridica"},
		{"Pomoc prawna – Łódź", "pomoc prawna – łodz"},
		{"赔偿申请", "赔偿申请"},
		{"Юридична допомога", "юридична допомога"},
		{"مُساعدة", "مساعدة"},
	}
	for _, tt := range tests {
		if got := searchtext.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerms(t *testing.T) {
	if got := searchtext.Terms("  Counsel-ing, (911)!"); !slices.Equal(got, []string{"counsel", "ing", "911"}) {
		t.Errorf("Terms = %q", got)
	}
}
