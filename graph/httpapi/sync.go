package httpapi

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"

	"victimservices/ent"
	"victimservices/ent/schema/errcode"
	"victimservices/graph"
	"victimservices/internal/directory"
	"victimservices/internal/request"
	"victimservices/locales"
)

// syncOperations are the selections of the sync document.
//
//go:embed sync.graphql
var syncOperations string

// SyncAsOfMargin is how far before the read the document's asOf is: a
// write still in flight while the document was read (its updated_at is
// its start) is then not missed by the next modifiedAfter: asOf; an item
// may come twice, which an app's upsert by id absorbs.
const SyncAsOfMargin = 5 * time.Minute

// syncDocument serves GET /sync/{locale}: the whole public directory and
// guides in one locale, in one cacheable request an offline app makes on
// its first start and revalidates after (ETag: the directory's
// SyncVersion, so a 304 costs ten indexed statements and no rendering).
// The ETag also names the build (the selections and locale files), so a
// deployment that changes a label is a new document. The body is streamed, {"locale", "asOf", "crisisContacts", "services",
// "organizations", "locations", "resources"}, each list read 100 items a
// page through the served schema (sync.graphql), so it is never refused by
// the cost limit whatever the directory's size, and an item is what the
// API answers for the same selection.
type syncDocument struct {
	client *ent.Client
	exec   *executor.Executor
	clock  func() time.Time
	log    *slog.Logger
	// present is the API's error presenter.
	present graphql.ErrorPresenterFunc
	// build identifies what renders the document besides the data: its
	// selections and the locale files (labels, hours summaries), so a
	// deployment that changes a label is not answered 304 with the old one.
	build string
}

func newSyncDocument(o Options, es graphql.ExecutableSchema) *syncDocument {
	present := graph.ErrorPresenter(o.Logger)
	exec := executor.New(es)
	exec.SetErrorPresenter(present)
	exec.SetRecoverFunc(graph.RecoverFunc(o.Logger))
	sum := sha256.Sum256([]byte(syncOperations + locales.Digest()))
	return &syncDocument{client: o.Client, exec: exec, clock: o.Clock, log: o.Logger, present: present,
		build: hex.EncodeToString(sum[:6])}
}

func (d *syncDocument) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	securityHeaders(w.Header())
	id := request.NewID()
	w.Header().Set("X-Request-ID", id)
	ctx := request.WithID(r.Context(), id)
	// Refusals speak the negotiated locale, as /query's do; the presenter
	// logs a failure of the server with the request id it answers.
	refuse := func(status int, err error) {
		negotiated := locales.Match(r.Header.Get("Accept-Language"))
		w.Header().Set("Content-Language", negotiated.Code)
		writeRequestError(w, status, d.present(locales.NewContext(ctx, negotiated), err))
	}
	code := r.PathValue("locale")
	l, ok := locales.ByCode(code)
	if !ok || l.Code != code {
		refuse(http.StatusNotFound, errcode.ErrNotFound)
		return
	}
	now := d.clock()
	ctx = request.WithInstant(ctx, now)
	ctx = locales.NewContext(ctx, l)
	ctx = graph.ServeText(ctx)
	version, err := directory.SyncVersion(ctx, d.client)
	if err != nil {
		refuse(http.StatusInternalServerError, err)
		return
	}
	etag := `"` + l.Code + "-" + d.build + "-" + version + `"`
	h := w.Header()
	h.Set("ETag", etag)
	// Revalidated on every use: a 304 is cheap and a victim must not see a
	// crisis line's old number.
	h.Set("Cache-Control", "public, no-cache")
	h.Set("Content-Language", l.Code)
	h.Add("Vary", "Accept-Encoding")
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatches(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	// The first part is read before the status goes out, so a failing
	// database is a 500, not a cut document.
	crisis, err := d.run(ctx, "SyncCrisisContacts", map[string]any{"locale": l.Code})
	if err != nil {
		refuse(http.StatusInternalServerError, err)
		return
	}
	h.Set("Content-Type", "application/json")
	var out io.Writer = w
	if acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		out = gz
	}
	w.WriteHeader(http.StatusOK)
	if err := d.write(ctx, out, l, now, crisis); err != nil {
		// The status is sent: the document stays cut (invalid JSON), which
		// an app detects and retries.
		d.log.Error("sync document cut short", "request_id", id, "err", err)
	}
}

// write streams the document after its crisis contacts.
func (d *syncDocument) write(ctx context.Context, w io.Writer, l *locales.Locale, now time.Time, crisis json.RawMessage) error {
	var items struct {
		Items json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(crisis, &items); err != nil {
		return err
	}
	head, _ := json.Marshal(map[string]any{"locale": l.Code, "asOf": now.Add(-SyncAsOfMargin).UTC().Format(time.RFC3339Nano)})
	if _, err := w.Write(head[:len(head)-1]); err != nil {
		return err
	}
	if _, err := io.WriteString(w, `,"crisisContacts":`); err != nil {
		return err
	}
	if _, err := w.Write(items.Items); err != nil {
		return err
	}
	for _, list := range []struct{ name, op string }{
		{"services", "SyncServices"}, {"organizations", "SyncOrganizations"},
		{"locations", "SyncLocations"}, {"resources", "SyncResources"},
	} {
		if _, err := io.WriteString(w, `,"`+list.name+`":[`); err != nil {
			return err
		}
		first := true
		var after any
		for {
			data, err := d.run(ctx, list.op, map[string]any{"locale": l.Code, "after": after})
			if err != nil {
				return err
			}
			var page struct {
				Page struct {
					PageInfo struct {
						HasNextPage bool    `json:"hasNextPage"`
						EndCursor   *string `json:"endCursor"`
					} `json:"pageInfo"`
					Edges []struct {
						Node json.RawMessage `json:"node"`
					} `json:"edges"`
				} `json:"page"`
			}
			if err := json.Unmarshal(data, &page); err != nil {
				return err
			}
			for _, e := range page.Page.Edges {
				if !first {
					if _, err := io.WriteString(w, ","); err != nil {
						return err
					}
				}
				first = false
				if _, err := w.Write(e.Node); err != nil {
					return err
				}
			}
			if !page.Page.PageInfo.HasNextPage || page.Page.PageInfo.EndCursor == nil {
				break
			}
			after = *page.Page.PageInfo.EndCursor
		}
		if _, err := io.WriteString(w, "]"); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "}\n")
	return err
}

// run executes one operation of sync.graphql as the public viewer.
func (d *syncDocument) run(ctx context.Context, op string, vars map[string]any) (json.RawMessage, error) {
	ctx = graphql.StartOperationTrace(ctx)
	params := &graphql.RawParams{Query: syncOperations, OperationName: op, Variables: vars}
	params.ReadTime = graphql.TraceTiming{Start: graphql.Now(), End: graphql.Now()}
	rc, gerrs := d.exec.CreateOperationContext(ctx, params)
	if gerrs != nil {
		return nil, gerrs
	}
	handle, ctx := d.exec.DispatchOperation(ctx, rc)
	resp := handle(ctx)
	if len(resp.Errors) > 0 {
		return nil, errors.Join(resp.Errors)
	}
	return resp.Data, nil
}
