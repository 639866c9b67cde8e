package graph_test

import (
	"net/http"
	"net/url"
	"testing"

	"victimservices/graph/graphtest"
)

// TestContentLanguage: the header names the locale actually served: the
// root fields' locale argument over Accept-Language, each locale of an answer
// that mixes them, the preferredLocale an intake's refusal and an urgent intake's answer are
// written in,
// and the negotiated locale for a refusal before execution. A cached public
// answer keeps the header it was computed with.
func TestContentLanguage(t *testing.T) {
	s := graphtest.New(t)
	tests := []struct {
		name, header, query string
		vars                map[string]any
		want                string
	}{
		{"header only", "es", `{ services(first: 1) { totalCount } }`, nil, "es"},
		{"argument overrides header", "es", `{ services(first: 1, locale: "ar") { totalCount } }`, nil, "ar"},
		{"argument from a variable", "es", `query($l: String) { services(first: 1, locale: $l) { totalCount } }`, map[string]any{"l": "ko"}, "ko"},
		{"empty argument is no override", "pl", `{ services(first: 1, locale: "") { totalCount } }`, nil, "pl"},
		{"two locales in one answer", "en", `{ a: services(first: 1, locale: "es") { totalCount } b: services(first: 1, locale: "ar") { totalCount } }`, nil, "ar, es"},
		{"unsupported argument serves English", "es", `{ services(first: 1, locale: "xx") { totalCount } }`, nil, "en"},
		{"refusal before execution", "uk", `{ services(first: 1000) { totalCount } }`, nil, "uk"},
		{"intake refusal in preferredLocale", "en", intakeMutation, map[string]any{"in": map[string]any{
			"preferredLocale": "es-MX", "contactMethod": "PHONE", "phone": "12", "safeToLeaveMessage": false}}, "es"},
		{"urgent intake in preferredLocale", "en", intakeMutation, map[string]any{"in": map[string]any{
			"preferredLocale": "ar", "contactMethod": "PHONE", "phone": "+13125550142", "safeToLeaveMessage": false,
			"safeNow": false, "needs": []string{"VICTIM_ADVOCACY"}}}, "ar"},
		{"intake that is not urgent speaks the field's locale", "pl", intakeMutation, map[string]any{"in": map[string]any{
			"preferredLocale": "ar", "contactMethod": "PHONE", "phone": "+13125550143", "safeToLeaveMessage": false,
			"needs": []string{"VICTIM_ADVOCACY"}}}, "pl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := s.Do(t, graphtest.Request{Query: tt.query, Variables: tt.vars, Header: map[string]string{"Accept-Language": tt.header}})
			if got := resp.Header.Get("Content-Language"); got != tt.want {
				t.Errorf("Content-Language %q, want %q (errors %+v)", got, tt.want, resp.Errors)
			}
		})
	}

	t.Run("cached GET", func(t *testing.T) {
		target := "/query?query=" + url.QueryEscape(`{ services(locale: "zh-Hant") { edges { node { name } } } }`)
		for i, want := range []string{"", "hit"} {
			w := raw(s, http.MethodGet, target, "", map[string]string{"Accept-Language": "ko"})
			if got := w.Header().Get("X-Cache"); got != want {
				t.Fatalf("request %d: X-Cache %q, want %q", i, got, want)
			}
			if got := w.Header().Get("Content-Language"); got != "zh-Hant" {
				t.Errorf("request %d: Content-Language %q, want zh-Hant", i, got)
			}
		}
	})
}
