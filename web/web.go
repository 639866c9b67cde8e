package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed dist
var dist embed.FS

// Files is the embedded build (the contents of dist/).
func Files() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded: it exists
	}
	return sub
}

// CSP is the client's Content-Security-Policy: scripts, styles, workers
// and requests from this origin only; no inline code, no plugins, no
// framing.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
	"connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// neutralCSP: the neutral page runs nothing; its icon is an empty data: URL.
const neutralCSP = "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// NeutralPath is where quick exit goes: a plain recipe page that says
// nothing about victim services.
const NeutralPath = "/recipes/bread"

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
}

// file is one file of the build, read once, with its gzipped form.
type file struct {
	body, gz []byte
	etag     string
	ctype    string
}

type site struct {
	fsys  fs.FS
	cache bool
	mu    sync.Mutex
	files map[string]*file
}

// open reads a file of the build (kept in memory when the build is the
// embedded one, read each time from a directory in development).
func (s *site) open(name string) (*file, bool) {
	if s.cache {
		s.mu.Lock()
		defer s.mu.Unlock()
		if f, ok := s.files[name]; ok {
			return f, f != nil
		}
	}
	body, err := fs.ReadFile(s.fsys, name)
	var f *file
	if err == nil {
		sum := sha256.Sum256(body)
		f = &file{body: body, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, ctype: contentTypes[path.Ext(name)]}
		if f.ctype == "" {
			f.ctype = "application/octet-stream"
		}
		if strings.HasPrefix(f.ctype, "text/") || f.ctype == "application/json" || f.ctype == "image/svg+xml" {
			var b bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			_, _ = zw.Write(body)
			_ = zw.Close()
			f.gz = b.Bytes()
		}
	}
	if s.cache {
		s.files[name] = f
	}
	return f, f != nil
}

func newSite(fsys fs.FS) *site {
	if fsys == nil {
		return &site{fsys: Files(), cache: true, files: map[string]*file{}}
	}
	return &site{fsys: fsys}
}

func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
}

// serve writes f, gzipped when the client takes it, answering
// If-None-Match with 304.
func serve(w http.ResponseWriter, r *http.Request, f *file, cacheControl, csp string) {
	h := w.Header()
	securityHeaders(h)
	h.Set("Content-Security-Policy", csp)
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", cacheControl)
	body, etag := f.body, f.etag
	if f.gz != nil {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			h.Set("Content-Encoding", "gzip")
			body, etag = f.gz, strings.TrimSuffix(f.etag, `"`)+`-gz"`
		}
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.ReplaceAll(strings.TrimSpace(q), " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// Handler serves the client under /app/ from fsys (nil: the embedded
// build): hashed assets under /app/assets/ as immutable (404 when absent),
// the index and the service worker as no-cache, any other path the index.
func Handler(fsys fs.FS) http.Handler {
	s := newSite(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/app")
		name = strings.TrimPrefix(name, "/")
		switch {
		case strings.HasPrefix(name, "assets/"):
			if f, ok := s.open(name); ok {
				serve(w, r, f, "public, max-age=31536000, immutable", CSP)
				return
			}
			securityHeaders(w.Header())
			http.NotFound(w, r)
			return
		case name == "sw.js":
			if f, ok := s.open(name); ok {
				serve(w, r, f, "no-cache", CSP)
				return
			}
		case path.Ext(name) != "" && name != "index.html":
			// Unhashed files of the build (the icon), revalidated daily.
			if f, ok := s.open(name); ok {
				serve(w, r, f, "public, max-age=86400", CSP)
				return
			}
		}
		f, ok := s.open("index.html")
		if !ok {
			http.Error(w, "the web client is not built: run (cd web && npm run build)", http.StatusNotFound)
			return
		}
		serve(w, r, f, "no-cache", CSP)
	})
}

// Neutral serves the neutral page of quick exit. Its Clear-Site-Data tells
// the browser to drop this origin's cache and storage (service worker
// included) as well, after the client cleared what it could itself.
func Neutral(fsys fs.FS) http.Handler {
	s := newSite(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := s.open("neutral.html")
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Clear-Site-Data", `"cache", "storage"`)
		// Its only image is the empty icon (data:), so the browser asks for
		// no /favicon.ico of this origin.
		serve(w, r, f, "no-store", neutralCSP)
	})
}
