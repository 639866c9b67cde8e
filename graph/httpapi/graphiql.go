package httpapi

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// The development GraphiQL page, served from assets embedded in the binary
// (graphiql/NOTICE says where they come from), so it works with no internet
// access. Production does not serve it.
//
//go:embed graphiql/index.html graphiql/start.js graphiql/*.gz
var graphiqlFiles embed.FS

// graphiQLCSP lets the page run its own scripts and styles and talk to this
// server only.
const graphiQLCSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'"

func graphiQL() http.Handler {
	page, _ := graphiqlFiles.ReadFile("graphiql/index.html")
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", graphiQLCSP)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(page)
	})
}

// graphiQLAssets serves /graphiql/<name>: gzipped files as they are stored.
func graphiQLAssets() http.Handler {
	sub, _ := fs.Sub(graphiqlFiles, "graphiql")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		types := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "public, max-age=86400")
		if b, err := fs.ReadFile(sub, name+".gz"); err == nil {
			w.Header().Set("Content-Type", types[path.Ext(name)])
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write(b)
			return
		}
		if b, err := fs.ReadFile(sub, name); err == nil && strings.HasSuffix(name, ".js") {
			w.Header().Set("Content-Type", types[".js"])
			_, _ = w.Write(b)
			return
		}
		http.NotFound(w, r)
	})
}
