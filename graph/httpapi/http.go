package httpapi

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"victimservices/ent/schema/errcode"
	"victimservices/graph"
	"victimservices/internal/request"
	"victimservices/locales"
)

// The HTTP layer around gqlgen: GraphQL over HTTP as the specification
// asks (media types, status codes, no data entry for request errors), body
// limits, HTTP caching and compression, security headers. gqlgen's answer is
// buffered and adjusted here; websockets pass straight through.

const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
	// compressAbove is the smallest body worth compressing.
	compressAbove = 1024
)

// bufferedResponse collects gqlgen's answer so it can be adjusted.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header         { return b.header }
func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

// responseMedia is the media type to answer with: graphql-response+json when
// the client accepts it (the specification's preference), else JSON.
func responseMedia(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return mediaJSON
	}
	for _, part := range strings.Split(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err == nil && mt == mediaGraphQLResponse {
			return mediaGraphQLResponse
		}
	}
	return mediaJSON
}

// httpLayer wraps the GraphQL handler (see the file comment).
func httpLayer(o Options, cache *responseCache, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		securityHeaders(w.Header())
		l := locales.Match(r.Header.Get("Accept-Language"))
		if websocketUpgrade(r) {
			hw := &handshakeWriter{ResponseWriter: w}
			next.ServeHTTP(hw, r.WithContext(withSocketError(r.Context())))
			hw.finish(r, l)
			return
		}
		// No other protocol is spoken here: answer over HTTP/1.1 as if the
		// header were absent (gqlgen would refuse the request uncoded).
		r.Header.Del("Upgrade")
		media := responseMedia(r)
		fail := func(status int, code errcode.Code, id string, data map[string]any) {
			if a := logFrom(r.Context()); a != nil {
				a.set("", []string{string(code)})
			}
			w.Header().Set("Content-Type", media)
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(status)
			_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{
				"message": graph.Localize(l, id, data), "extensions": map[string]any{"code": string(code)},
			}}})
		}
		switch r.Method {
		case http.MethodGet, http.MethodPost:
		case http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		default:
			w.Header().Set("Allow", "GET, POST")
			fail(http.StatusMethodNotAllowed, errcode.BadUserInput, "error.invalidRequest", nil)
			return
		}
		// What gqlgen's transports will read is checked here first: they
		// answer a request of the wrong shape uncoded, quoting the body
		// (which may hold an access code) in an error the presenter would
		// log, and without the operation context their extensions expect.
		allowList := o.AllowList != nil
		if r.Method == http.MethodPost {
			if !isJSON(r) {
				w.Header().Set("Accept-Post", mediaJSON)
				fail(http.StatusUnsupportedMediaType, errcode.BadUserInput, "error.unsupportedMediaType", nil)
				return
			}
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, o.MaxBodyBytes))
			var tooLarge *http.MaxBytesError
			switch {
			case errors.As(err, &tooLarge):
				fail(http.StatusRequestEntityTooLarge, errcode.BadUserInput, "error.bodyTooLarge", map[string]any{"Count": int(o.MaxBodyBytes >> 10)})
				return
			case err != nil || !json.Valid(body):
				// Never echo a malformed body back (it may hold an access code).
				fail(http.StatusBadRequest, errcode.BadUserInput, "error.invalidRequest", nil)
				return
			}
			if id := bodyShape(body, allowList); id != "" {
				fail(http.StatusBadRequest, errcode.BadUserInput, id, nil)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.ContentLength = int64(len(body))
		}
		if r.Method == http.MethodGet {
			q, err := url.ParseQuery(r.URL.RawQuery)
			if err != nil {
				fail(http.StatusBadRequest, errcode.BadUserInput, "error.invalidRequest", nil)
				return
			}
			if id := queryShape(q, allowList); id != "" {
				fail(http.StatusBadRequest, errcode.BadUserInput, id, nil)
				return
			}
		}
		public := r.Header.Get("Authorization") == "" && r.Method == http.MethodGet
		key, version := "", int64(0)
		if public && cache != nil {
			// Only query results are ever stored, so a hit needs no parsing.
			key = cache.key(r, l)
			e, v, hit := cache.get(key)
			if hit {
				w.Header().Set("X-Cache", "hit")
				if e.language != "" {
					w.Header().Set("Content-Language", e.language)
				}
				finishWithETag(w, r, media, http.StatusOK, e.body, publicCacheControl(o, e.until, r.Context()), e.etag, e.gzipped)
				return
			}
			version = v
		}
		if r.Method == http.MethodGet {
			if op, ok := getOperation(r.URL.Query()); ok && op != ast.Query {
				w.Header().Set("Allow", "POST")
				fail(http.StatusMethodNotAllowed, errcode.BadUserInput, "error.mutationOverGet", nil)
				return
			}
		}

		state := &request.State{}
		buf := &bufferedResponse{header: w.Header()}
		ctx, cancel := context.WithTimeout(request.WithState(r.Context(), state), o.RequestTimeout)
		defer cancel()
		next.ServeHTTP(buf, r.WithContext(ctx))
		codeEveryError(buf, l)
		language := contentLanguage(state)
		if language != "" {
			w.Header().Set("Content-Language", language)
		}
		status, body := adjust(buf, media, state)
		if retry := state.Unavailable(); retry > 0 {
			// Refused as busy (admission.go): a status proxies and clients
			// understand, with when to come back.
			status = http.StatusServiceUnavailable
			w.Header().Set("Retry-After", strconv.Itoa(retry))
		}
		cacheControl := "no-store"
		if public && status == http.StatusOK && !hasErrors(body) {
			cacheControl = publicCacheControl(o, state.CacheUntil(), r.Context())
			if key != "" {
				cache.put(key, version, body, state.CacheUntil(), language)
			}
		}
		finish(w, r, media, status, body, cacheControl)
	})
}

// contentLanguage is the Content-Language of an executed answer: the
// locales its root fields were served in (a locale argument overrides
// Accept-Language, an error the domain wrote in a fixed locale overrides
// its field's), sorted so the header is the same whatever order the fields
// ran in; "" when nothing was executed
// (the negotiated locale set earlier stays).
func contentLanguage(state *request.State) string {
	return strings.Join(state.Languages(), ", ")
}

// isJSON reports whether the request body is declared as JSON, the one
// media type gqlgen's POST transport reads.
func isJSON(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == mediaJSON
}

// bodyShape checks that a POST body (valid JSON) is one operation in the
// shape gqlgen reads: it decodes the body exactly as gqlgen's POST
// transport will (encoding/json into graphql.RawParams, numbers kept as
// json.Number), so what passes here decodes there. It returns the id of the
// message to refuse it with, or "".
func bodyShape(body []byte, allowList bool) string {
	switch t := bytes.TrimLeft(body, " \t\r\n"); {
	case len(t) > 0 && t[0] == '[':
		return "error.batchNotSupported"
	case len(t) == 0 || t[0] != '{':
		return "error.requestShape"
	}
	var p graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&p); err != nil {
		return "error.requestShape"
	}
	return extensionsShape(p.Extensions, allowList)
}

// queryShape checks the parameters of a GET request as gqlgen's GET
// transport will read them: variables and extensions are JSON objects.
func queryShape(q url.Values, allowList bool) string {
	var ext map[string]any
	for name, into := range map[string]any{"variables": &map[string]any{}, "extensions": &ext} {
		text := q.Get(name)
		if text == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		if err := dec.Decode(into); err != nil || dec.More() {
			return "error.requestShape"
		}
	}
	return extensionsShape(ext, allowList)
}

// extensionsShape checks the persistedQuery extension as gqlgen's automatic
// persisted queries decode it (mapstructure, which matches names without
// regard to case), or as the allow-list reads it (where the version may be
// left out): an object with the hash as a string and version 1.
func extensionsShape(ext map[string]any, allowList bool) string {
	pq := ext["persistedQuery"]
	if pq == nil {
		return ""
	}
	m, ok := pq.(map[string]any)
	if !ok {
		return "error.persistedQueryShape"
	}
	hash, version := false, allowList
	for k, v := range m {
		switch {
		case strings.EqualFold(k, "sha256Hash"):
			_, hash = v.(string)
		case strings.EqualFold(k, "version"):
			n, isNumber := v.(json.Number)
			i, err := n.Int64()
			version = isNumber && err == nil && i == 1
		}
	}
	if !hash || !version {
		return "error.persistedQueryShape"
	}
	return ""
}

// codeEveryError gives every error of gqlgen's answer that has no
// extensions.code one: gqlgen's transports answer a few refusals of their
// own, uncoded and in English (a persisted mutation over GET, undecodable
// parameters). Their message is replaced (it may quote the request), and a
// mutation found over GET is a 405 like the one refused before gqlgen.
func codeEveryError(buf *bufferedResponse, l *locales.Locale) {
	body := buf.body.Bytes()
	if !bytes.HasPrefix(body, []byte(`{"errors":`)) {
		return
	}
	var m map[string]json.RawMessage
	var errs []map[string]any
	if json.Unmarshal(body, &m) != nil || json.Unmarshal(m["errors"], &errs) != nil {
		return
	}
	id := "error.invalidRequest"
	if buf.status == http.StatusNotAcceptable {
		// gqlgen found the operation a persisted query named to be a
		// mutation (or a subscription): not for GET.
		id = "error.mutationOverGet"
	}
	changed := false
	for _, e := range errs {
		if ext, _ := e["extensions"].(map[string]any); ext["code"] != nil {
			continue
		}
		e["message"] = l.T(id, nil)
		e["extensions"] = map[string]any{"code": string(errcode.BadUserInput)}
		changed = true
	}
	if !changed {
		return
	}
	if string(m["data"]) == "null" {
		delete(m, "data") // nothing was executed
	}
	m["errors"], _ = json.Marshal(errs)
	out, err := json.Marshal(m)
	if err != nil {
		return
	}
	buf.body.Reset()
	buf.body.Write(out)
	switch {
	case buf.status == http.StatusNotAcceptable:
		buf.status = http.StatusMethodNotAllowed
		buf.header.Set("Allow", "POST")
	case buf.status < http.StatusBadRequest:
		buf.status = http.StatusBadRequest
	}
}

// getOperation returns the type of the operation a GET request selects, when
// its query text is present and parses.
func getOperation(q url.Values) (ast.Operation, bool) {
	text := q.Get("query")
	if text == "" {
		return "", false
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: text})
	if err != nil {
		return "", false
	}
	if op := doc.Operations.ForName(q.Get("operationName")); op != nil {
		return op.Operation, true
	}
	return "", false
}

// adjust applies the GraphQL-over-HTTP rules to gqlgen's answer: a request
// error (nothing executed) has no data entry, and answers 400 under
// graphql-response+json and 200 under application/json.
func adjust(buf *bufferedResponse, media string, state *request.State) (int, []byte) {
	status, body := buf.status, buf.body.Bytes()
	if status == 0 {
		status = http.StatusOK
	}
	if !state.RequestError() {
		return status, body
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) == nil {
		if d, ok := m["data"]; ok && string(d) == "null" {
			delete(m, "data")
			if b, err := json.Marshal(m); err == nil {
				body = b
			}
		}
	}
	if media == mediaGraphQLResponse {
		return http.StatusBadRequest, body
	}
	return http.StatusOK, body
}

func hasErrors(body []byte) bool {
	var m struct {
		Errors json.RawMessage `json:"errors"`
	}
	return json.Unmarshal(body, &m) != nil || len(m.Errors) > 0 && string(m.Errors) != "null"
}

// publicCacheControl lets caches keep a public answer for PublicMaxAge, never
// past until (the next opening-hours boundary).
func publicCacheControl(o Options, until time.Time, ctx context.Context) string {
	age := o.PublicMaxAge
	if !until.IsZero() {
		if left := until.Sub(request.Instant(ctx)); left < age {
			age = max(left, 0)
		}
	}
	return "public, max-age=" + strconv.Itoa(int(age/time.Second))
}

// finish writes the answer with its caching headers: a strong ETag on public
// answers (If-None-Match gets 304), gzip when accepted and worth it.
func finish(w http.ResponseWriter, r *http.Request, media string, status int, body []byte, cacheControl string) {
	etag := ""
	if strings.HasPrefix(cacheControl, "public") {
		etag = strongETag(body)
	}
	finishWithETag(w, r, media, status, body, cacheControl, etag, nil)
}

// strongETag is the entity tag of a body.
func strongETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// finishWithETag writes the answer; gzipped, when given, is body already
// compressed (cached answers are compressed once).
func finishWithETag(w http.ResponseWriter, r *http.Request, media string, status int, body []byte, cacheControl, etag string, gzipped func() []byte) {
	h := w.Header()
	h.Set("Content-Type", media)
	h.Set("Cache-Control", cacheControl)
	h.Add("Vary", "Accept")
	if etag != "" {
		h.Set("ETag", etag)
		if match := r.Header.Get("If-None-Match"); match != "" && etagMatches(match, etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if len(body) >= compressAbove && acceptsGzip(r) {
		if gzipped != nil {
			body = gzipped()
		} else {
			body = compress(body)
		}
		h.Set("Content-Encoding", "gzip")
		h.Add("Vary", "Accept-Encoding")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func etagMatches(header, etag string) bool {
	for _, part := range strings.Split(header, ",") {
		if p := strings.TrimSpace(part); p == etag || p == "*" {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if strings.HasPrefix(strings.TrimSpace(part), "gzip") && !strings.Contains(part, "q=0") {
			return true
		}
	}
	return false
}

// securityHeaders are sent on every API answer.
func securityHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	h.Set("Cross-Origin-Resource-Policy", "same-site")
}

// gzipWriters are reused: a compressor's state is large to allocate. They
// compress at gzip.BestSpeed: the demo directory page comes out 4 % larger
// than at the default level (1420 against 1362 bytes) for a fraction of
// the CPU, which was 6 % of a city directory page's (BENCHMARKS.md, issue 13).
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return zw
}}

// compress gzips body.
func compress(body []byte) []byte {
	var buf bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	_, _ = zw.Write(body)
	_ = zw.Close()
	gzipWriters.Put(zw)
	return buf.Bytes()
}
