package graph_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"victimservices/ent/servicetranslation"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
)

// TestCacheForgetsOnlyCommittedChanges: a directory write empties the public
// answer cache when its transaction commits, and a rolled-back one empties
// nothing; the write's own transaction counts, even when its context carries
// none. On the embedded database the signal is in process; on PostgreSQL the
// listening server hears it at commit too, before its NOTIFY comes back.
func TestCacheForgetsOnlyCommittedChanges(t *testing.T) {
	probe := graphtest.New(t)
	servers := map[string]*graphtest.Server{"in-process hub": probe}
	if strings.HasPrefix(probe.URL, "postgres") {
		servers["listening hub"] = graphtest.Attach(t, probe, graphtest.WithNotifier(graphtest.ListeningHub(t, probe)))
	}
	for name, s := range servers {
		t.Run(name, func(t *testing.T) {
			es := map[string]string{"Accept-Language": "es"}
			hit := func() (bool, string) {
				w := raw(s, http.MethodGet, directoryGET, "", es)
				return w.Header().Get("X-Cache") == "hit", w.Body.String()
			}
			rename := func(to string, commit bool) {
				ctx := graphtest.System(context.Background())
				tx, err := s.Client.Tx(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if err := tx.ServiceTranslation.Update().
					Where(servicetranslation.ServiceID(seed.ID("svc", "legal")), servicetranslation.Locale("es")).
					SetName(to).Exec(ctx); err != nil {
					_ = tx.Rollback()
					t.Fatal(err)
				}
				if ok, _ := hit(); !ok {
					t.Errorf("renamed to %q: a change not yet committed emptied the cache", to)
				}
				end := tx.Rollback
				if commit {
					end = tx.Commit
				}
				if err := end(); err != nil {
					t.Fatal(err)
				}
			}
			hit()
			if ok, _ := hit(); !ok {
				t.Fatal("the second GET was not a cache hit")
			}
			rename("Asesoría que nunca fue", false)
			if ok, body := hit(); !ok || strings.Contains(body, "Asesoría que nunca fue") {
				t.Errorf("after a rollback: hit %v, want the cached answer without the name", ok)
			}
			rename("Asesoría legal sin costo ("+name+")", true)
			if ok, body := hit(); ok || !strings.Contains(body, "Asesoría legal sin costo ("+name+")") {
				t.Errorf("after a commit: hit %v, want a fresh answer with the new name", ok)
			}
		})
	}
}
