package graph_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
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

// BenchmarkDirectoryPageGenerated is the directory page over generated
// services (the load tool's city data), whose hours and providers vary.
func BenchmarkDirectoryPageGenerated(b *testing.B) {
	s := graphtest.New(b)
	if err := seed.LoadScale(context.Background(), s.Client, seed.Scale{Partners: 4, Services: 40}, "x", "", time.Now(), nil); err != nil {
		b.Fatal(err)
	}
	body := post(`{ services(first: 20, after: null) { totalCount edges { node { id name description servedLocale openNow opensAt closesAt
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
