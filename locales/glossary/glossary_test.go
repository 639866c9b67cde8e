package glossary_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"victimservices/locales"
	"victimservices/locales/glossary"
)

// The texts the check covers, read from their files (the UI strings beside
// this package, the demo directory and the guides the seed loads).
const (
	messagesDir = ".."
	seedDir     = "../../internal/seed"
)

// messageForms are the plural forms go-i18n reads from a message.
var messageForms = []string{"zero", "one", "two", "few", "many", "other"}

func readMessages(t *testing.T, code string) map[string][]string {
	t.Helper()
	var raw map[string]map[string]any
	if _, err := toml.DecodeFile(filepath.Join(messagesDir, "active."+code+".toml"), &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for id, m := range raw {
		for _, f := range messageForms {
			if s, ok := m[f].(string); ok {
				out[id] = append(out[id], s)
			}
		}
	}
	return out
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

type guide struct{ Slug, Title, Summary, Body string }

// corpus is every text of a locale, by unit ID.
func corpus(t *testing.T, code string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for id, forms := range readMessages(t, code) {
		out["ui:"+id] = strings.Join(forms, "\n")
	}
	var dir map[string]map[string]string
	readJSON(t, filepath.Join(seedDir, "texts", code+".json"), &dir)
	for rec, fields := range dir {
		for f, s := range fields {
			out["dir:"+rec+"."+f] = s
		}
	}
	var guides []guide
	readJSON(t, filepath.Join(seedDir, "guides", code+".json"), &guides)
	for _, g := range guides {
		out["guide:"+g.Slug] = g.Title + "\n" + g.Summary + "\n" + g.Body
	}
	return out
}

// serviceNames maps the directory's English service names to the locale's.
func serviceNames(t *testing.T, code string) map[string]string {
	t.Helper()
	var en, loc map[string]map[string]string
	readJSON(t, filepath.Join(seedDir, "texts", "en.json"), &en)
	readJSON(t, filepath.Join(seedDir, "texts", code+".json"), &loc)
	out := map[string]string{}
	for rec, fields := range en {
		if strings.HasPrefix(rec, "svc.") && loc[rec]["name"] != "" {
			out[fields["name"]] = loc[rec]["name"]
		}
	}
	return out
}

// TestGlossary checks every UI string, every piece of demo directory text
// and every guide in every locale against the locale's glossary: approved
// terms where the English names the concept, no forbidden variant, and the
// services named as the directory names them.
func TestGlossary(t *testing.T) {
	all, err := glossary.Load()
	if err != nil {
		t.Fatal(err)
	}
	en := all["en"]
	if en == nil {
		t.Fatal("no English glossary")
	}
	source := corpus(t, "en")
	for _, l := range locales.Supported {
		t.Run(l.Code, func(t *testing.T) {
			g := all[l.Code]
			if g == nil {
				t.Fatalf("no glossary for %s (locales/glossary/%s.toml)", l.Code, l.Code)
			}
			if strings.TrimSpace(g.Register) == "" {
				t.Errorf("the glossary says nothing of register and address")
			}
			for _, term := range en.Terms {
				if g.Term(term.Concept) == nil {
					t.Errorf("no term for %s", term.Concept)
				}
			}
			texts := corpus(t, l.Code)
			ids := make([]string, 0, len(texts))
			for id := range texts {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			units := make([]glossary.Unit, 0, len(ids))
			for _, id := range ids {
				units = append(units, glossary.Unit{ID: id, Source: source[id], Text: texts[id]})
			}
			names := serviceNames(t, l.Code)
			if l.Code == "en" {
				names = nil
			}
			for _, f := range g.Check(en, units, names) {
				t.Error(f)
			}
		})
	}
}

// TestCheckFindsWhatItShould: the check itself, on made-up glossaries.
func TestCheckFindsWhatItShould(t *testing.T) {
	en, err := glossary.Parse(`locale = "en"
[[term]]
concept = "victim_advocate"
approved = ['\badvocates?\b']`)
	if err != nil {
		t.Fatal(err)
	}
	es, err := glossary.Parse(`locale = "es"
[[term]]
concept = "victim_advocate"
approved = ['defensor\(a\) de víctimas']
forbidden = ['defensor asignado']
except = ["excepted"]`)
	if err != nil {
		t.Fatal(err)
	}
	units := []glossary.Unit{
		{ID: "ok", Source: "Your advocate will call you.", Text: "Su defensor(a) de víctimas le llamará."},
		{ID: "missing", Source: "Your advocate will call you.", Text: "Alguien le llamará."},
		{ID: "excepted", Source: "Your advocate will call you.", Text: "Le llamaremos."},
		{ID: "forbidden", Source: "We will call you.", Text: "Su defensor asignado le llamará."},
		{ID: "name", Source: "Victim Advocacy is open.", Text: "El servicio está abierto."},
		{ID: "named", Source: "Victim Advocacy is open.", Text: "apoyo a víctimas está abierto."},
	}
	got := map[string]bool{}
	for _, f := range es.Check(en, units, map[string]string{"Victim Advocacy": "Apoyo a víctimas"}) {
		got[f.Unit+"/"+f.Concept] = true
	}
	want := map[string]bool{"missing/victim_advocate": true, "forbidden/victim_advocate": true, "name/service_name": true}
	if len(got) != len(want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	for k := range want {
		if !got[k] {
			t.Errorf("findings %v, want %v", got, want)
		}
	}
}
