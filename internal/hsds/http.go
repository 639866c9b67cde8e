package hsds

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"victimservices/ent"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/searchtext"
	"victimservices/locales"
)

// Paging limits of the list endpoints.
const (
	DefaultPerPage = 20
	MaxPerPage     = 100
)

// Page is the HSDS API's paged envelope (components/schemas/Page of its
// OpenAPI document) with the page's items in contents.
type Page[T any] struct {
	TotalItems int  `json:"total_items"`
	TotalPages int  `json:"total_pages"`
	PageNumber int  `json:"page_number"`
	Size       int  `json:"size"`
	FirstPage  bool `json:"first_page"`
	LastPage   bool `json:"last_page"`
	Empty      bool `json:"empty"`
	Contents   []T  `json:"contents"`
}

// Handler serves the read endpoints of the HSDS API under /hsds/:
// GET /hsds/services, /hsds/services/{id}, /hsds/organizations and
// /hsds/organizations/{id}. Lists take page (from 1), per_page (at most
// MaxPerPage), modified_after (RFC 3339: rows that changed, in their own
// fields or their text in any locale, on or after it: updated_at), search (words all found in the name or description, case and
// accents ignored)
// and full=true (nested records in list items too; by default list items have
// only their one-to-one fields, as the OpenAPI document says). The locale is
// the locale parameter, else Accept-Language, else English. Bad parameters
// answer 400 and an unknown id 404, with a localized message and its code.
func Handler(client *ent.Client) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hsds/services", func(w http.ResponseWriter, r *http.Request) {
		list(w, r, client, func(d *Dataset) []Service { return d.Services },
			func(s Service) (int64, []string) { return s.modified, s.search }, flatService)
	})
	mux.HandleFunc("GET /hsds/organizations", func(w http.ResponseWriter, r *http.Request) {
		list(w, r, client, func(d *Dataset) []Organization { return d.Organizations },
			func(o Organization) (int64, []string) { return o.modified, o.search }, flatOrganization)
	})
	mux.HandleFunc("GET /hsds/services/{id}", func(w http.ResponseWriter, r *http.Request) {
		one(w, r, client, func(d *Dataset) []Service { return d.Services }, func(s Service) string { return s.ID })
	})
	mux.HandleFunc("GET /hsds/organizations/{id}", func(w http.ResponseWriter, r *http.Request) {
		one(w, r, client, func(d *Dataset) []Organization { return d.Organizations }, func(o Organization) string { return o.ID })
	})
	return mux
}

func flatService(s Service) Service {
	s.Schedules, s.Languages, s.ServiceAtLocations, s.Phones, s.ServiceAreas = nil, nil, nil, nil, nil
	return s
}

func flatOrganization(o Organization) Organization {
	o.Phones = nil
	return o
}

func locale(r *http.Request) *locales.Locale {
	if v := r.URL.Query().Get("locale"); v != "" {
		return locales.Match(v)
	}
	return locales.Match(r.Header.Get("Accept-Language"))
}

func export(w http.ResponseWriter, r *http.Request, client *ent.Client) (*Dataset, *locales.Locale, bool) {
	l := locale(r)
	w.Header().Set("Content-Language", l.Code)
	w.Header().Add("Vary", "Accept-Language")
	d, err := Export(r.Context(), client, l)
	if err != nil {
		fail(w, l, http.StatusInternalServerError, errcode.Internal, "error.internal")
		return nil, l, false
	}
	return d, l, true
}

func one[T any](w http.ResponseWriter, r *http.Request, client *ent.Client, items func(*Dataset) []T, id func(T) string) {
	d, l, ok := export(w, r, client)
	if !ok {
		return
	}
	want := r.PathValue("id")
	for _, x := range items(d) {
		if id(x) == want {
			write(w, http.StatusOK, x)
			return
		}
	}
	fail(w, l, http.StatusNotFound, errcode.NotFound, "error.notFound")
}

func list[T any](w http.ResponseWriter, r *http.Request, client *ent.Client, items func(*Dataset) []T,
	meta func(T) (int64, []string), flat func(T) T) {
	q := r.URL.Query()
	l := locale(r)
	page, err1 := intParam(q.Get("page"), 1)
	perPage, err2 := intParam(q.Get("per_page"), DefaultPerPage)
	var since time.Time
	var err3 error
	if v := q.Get("modified_after"); v != "" {
		since, err3 = time.Parse(time.RFC3339, v)
	}
	full := q.Get("full") == "true"
	if err1 != nil || err2 != nil || err3 != nil || page < 1 || perPage < 1 || perPage > MaxPerPage ||
		(q.Get("full") != "" && !full && q.Get("full") != "false") {
		fail(w, l, http.StatusBadRequest, errcode.BadUserInput, "error.badUserInput")
		return
	}
	d, _, ok := export(w, r, client)
	if !ok {
		return
	}
	words := searchtext.Terms(q.Get("search"))
	var matched []T
	for _, x := range items(d) {
		modified, text := meta(x)
		if !since.IsZero() && modified < since.Unix() {
			continue
		}
		if !matches(words, text) {
			continue
		}
		if !full {
			x = flat(x)
		}
		matched = append(matched, x)
	}
	p := Page[T]{TotalItems: len(matched), PageNumber: page, Contents: []T{}}
	p.TotalPages = (len(matched) + perPage - 1) / perPage
	if start := (page - 1) * perPage; start < len(matched) {
		p.Contents = matched[start:min(start+perPage, len(matched))]
	}
	p.Size, p.Empty = len(p.Contents), len(p.Contents) == 0
	p.FirstPage, p.LastPage = page == 1, page >= p.TotalPages
	write(w, http.StatusOK, p)
}

// matches reports whether every word is in one of the texts, both folded as
// the directory's search folds them (case and accents ignored).
func matches(words, text []string) bool {
	all := searchtext.Fold(strings.Join(text, "\n"))
	for _, w := range words {
		if !strings.Contains(all, w) {
			return false
		}
	}
	return true
}

func intParam(v string, def int) (int, error) {
	if v == "" {
		return def, nil
	}
	return strconv.Atoi(v)
}

// Error is the body of a refused request.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func fail(w http.ResponseWriter, l *locales.Locale, status int, code errcode.Code, message string) {
	write(w, status, Error{Code: string(code), Message: l.T(message, nil)})
}

func write(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
