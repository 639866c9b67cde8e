package graph_test

import (
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"victimservices/graph/graphtest"
	"victimservices/graph/httpapi"
	"victimservices/locales"
)

// TestWebClient: the embedded web client is served at /app/ in every mode,
// through the real handler: the page with a strict CSP (no inline script or
// style anywhere), hashed assets immutable, the index and service worker
// revalidated, every other /app/ path the index (the client routes it),
// gzip when asked, and the quick exit's neutral page with Clear-Site-Data.
func TestWebClient(t *testing.T) {
	for _, mode := range []struct {
		name string
		opts []graphtest.Option
	}{
		{"development", nil},
		{"production", []graphtest.Option{graphtest.Production()}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			s := graphtest.New(t, mode.opts...)
			w := raw(s, http.MethodGet, "/app/", "", nil)
			page := w.Body.String()
			if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "text/html; charset=utf-8" {
				t.Fatalf("/app/: %d %q", w.Code, w.Header().Get("Content-Type"))
			}
			csp := w.Header().Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-") || strings.Contains(csp, "*") {
				t.Errorf("CSP %q allows inline code or other origins", csp)
			}
			if got := w.Header().Get("Cache-Control"); got != "no-cache" {
				t.Errorf("index Cache-Control %q, want no-cache", got)
			}
			if regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]|<style|\sstyle=|\son[a-z]+=`).MatchString(page) {
				t.Errorf("the page has inline script or style:\n%s", page)
			}
			assets := regexp.MustCompile(`(?:src|href)="(/app/assets/app-[A-Z0-9]+\.(?:js|css))"`).FindAllStringSubmatch(page, -1)
			if len(assets) != 2 {
				t.Fatalf("the page links %d hashed assets, want the script and the style sheet:\n%s", len(assets), page)
			}
			for _, a := range assets {
				w := raw(s, http.MethodGet, a[1], "", map[string]string{"Accept-Encoding": "gzip, br"})
				wantType := "text/javascript; charset=utf-8"
				if strings.HasSuffix(a[1], ".css") {
					wantType = "text/css; charset=utf-8"
				}
				if w.Code != http.StatusOK || w.Header().Get("Content-Type") != wantType || w.Header().Get("Content-Encoding") != "gzip" {
					t.Errorf("%s: %d %q %q", a[1], w.Code, w.Header().Get("Content-Type"), w.Header().Get("Content-Encoding"))
				}
				if got := w.Header().Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
					t.Errorf("%s: Cache-Control %q", a[1], got)
				}
				if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
					t.Errorf("%s: X-Content-Type-Options %q", a[1], got)
				}
			}
			if w := raw(s, http.MethodGet, "/app/assets/app-MISSING.js", "", nil); w.Code != http.StatusNotFound {
				t.Errorf("a missing asset: %d, want 404 (not the index)", w.Code)
			}
			for _, route := range []string{"/app/service/victim-advocacy", "/app/guides", "/app/case"} {
				if w := raw(s, http.MethodGet, route, "", nil); w.Code != http.StatusOK || w.Body.String() != page {
					t.Errorf("%s: %d, want the index", route, w.Code)
				}
			}
			sw := raw(s, http.MethodGet, "/app/sw.js", "", nil)
			if sw.Code != http.StatusOK || sw.Header().Get("Cache-Control") != "no-cache" || !strings.HasPrefix(sw.Header().Get("Content-Type"), "text/javascript") {
				t.Errorf("service worker: %d %q %q", sw.Code, sw.Header().Get("Cache-Control"), sw.Header().Get("Content-Type"))
			}
			etag := w.Header().Get("ETag")
			if w := raw(s, http.MethodGet, "/app/", "", map[string]string{"If-None-Match": etag}); etag == "" || w.Code != http.StatusNotModified {
				t.Errorf("revalidating the index with %q: %d, want 304", etag, w.Code)
			}
			if w := raw(s, http.MethodPost, "/app/", "", nil); w.Code != http.StatusMethodNotAllowed {
				t.Errorf("POST /app/: %d", w.Code)
			}
			neutral := raw(s, http.MethodGet, "/recipes/bread", "", nil)
			if neutral.Code != http.StatusOK || neutral.Header().Get("Clear-Site-Data") != `"cache", "storage"` ||
				strings.Contains(strings.ToLower(neutral.Body.String()), "victim") {
				t.Errorf("neutral page: %d %q", neutral.Code, neutral.Header().Get("Clear-Site-Data"))
			}
		})
	}
}

// TestWebLocalesInStep: the web client's built-in locale list (the picker
// and the text direction before the first answer, web/src/i18n.ts) is
// locales.toml's, in its order.
func TestWebLocalesInStep(t *testing.T) {
	src, err := os.ReadFile("../web/src/i18n.ts")
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, m := range regexp.MustCompile(`\{ code: '([^']+)', nativeName: '([^']+)', direction: '(LTR|RTL)' \}`).FindAllStringSubmatch(string(src), -1) {
		got = append(got, m[1]+" "+m[2]+" "+m[3])
	}
	for _, l := range locales.Supported {
		dir := "LTR"
		if l.RTL {
			dir = "RTL"
		}
		want = append(want, l.Code+" "+l.NativeName+" "+dir)
	}
	if !slices.Equal(got, want) {
		t.Errorf("web/src/i18n.ts LOCALES:\n%s\nwant (locales/locales.toml):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWebClientFromDirectory: WEB_DIR (Options.WebFiles) serves a build
// being watched instead of the embedded one, read at each request.
func TestWebClientFromDirectory(t *testing.T) {
	files := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>watched</title>")}}
	s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) { o.WebFiles = files }))
	if w := raw(s, http.MethodGet, "/app/guides", "", nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "watched") {
		t.Fatalf("/app/guides from WebFiles: %d %s", w.Code, w.Body.String())
	}
	files["index.html"] = &fstest.MapFile{Data: []byte("<!doctype html><title>rebuilt</title>")}
	if w := raw(s, http.MethodGet, "/app/", "", nil); !strings.Contains(w.Body.String(), "rebuilt") {
		t.Errorf("a rebuilt index is not served: %s", w.Body.String())
	}
}
