package httpapi

import (
	"context"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/internal/cases"
	"victimservices/locales"
)

// calendarFiles serves the iCalendar files of appointments and court dates
// (GET /calendar/appointment/{id}.ics, GET /calendar/court-date/{id}.ics)
// behind the same authentication as /query (withRequestContext). Who gets
// a file is the privacy rules' to say (internal/cases reads it as the
// viewer): no credentials answer 401, a signed-in caller the rules refuse
// 403, a record the caller cannot see (another person's, a case not
// assigned to them) or that does not exist 404; errors are the presented
// JSON of /query.
func calendarFiles(domain *cases.Cases, present graphql.ErrorPresenterFunc) http.Handler {
	files := map[string]func(context.Context, nodeid.ID, *locales.Locale) ([]byte, error){
		"appointment": domain.AppointmentCalendar,
		"court-date":  domain.CourtDateCalendar,
	}
	status := map[string]int{
		string(errcode.NotFound):        http.StatusNotFound,
		string(errcode.Forbidden):       http.StatusForbidden,
		string(errcode.Unauthenticated): http.StatusUnauthorized,
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		securityHeaders(w.Header())
		file, name := files[r.PathValue("kind")], r.PathValue("file")
		id, ok := strings.CutSuffix(name, ".ics")
		err := error(errcode.ErrNotFound)
		var body []byte
		if file != nil && ok && id != "" {
			body, err = file(ctx, nodeid.ID(id), locales.FromContext(ctx))
		}
		if err != nil {
			e := present(ctx, err)
			code, _ := e.Extensions["code"].(string)
			st, known := status[code]
			if !known {
				st = http.StatusInternalServerError
			}
			if a := logFrom(ctx); a != nil {
				a.set("", []string{code})
			}
			writeRequestError(w, st, e)
			return
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("Cache-Control", "private, no-store")
		_, _ = w.Write(body)
	})
}
