package graph_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"victimservices/graph/graphtest"
)

// BenchmarkDirectoryPage runs the app's first screen through the real
// handler and database: the directory in Spanish with hours, phones and
// provider (POST, so the server's public cache is not involved).
func BenchmarkDirectoryPage(b *testing.B) {
	s := graphtest.New(b)
	body := post(`{ services(first: 20) { totalCount edges { node { id name description servedLocale openNow opensAt closesAt
	  hours { summary alwaysOpen byAppointment } phones { display telUri kind } provider { name } } } } }`)
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Accept-Language", "es-MX")
		w := httptest.NewRecorder()
		s.Handler.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}

// BenchmarkDirectoryPageCachedGET is the same page as a public GET, answered
// from the server's cache.
func BenchmarkDirectoryPageCachedGET(b *testing.B) {
	s := graphtest.New(b)
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodGet, directoryGET, nil)
		r.Header.Set("Accept-Language", "es-MX")
		w := httptest.NewRecorder()
		s.Handler.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
	}
}
