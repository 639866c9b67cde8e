package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"victimservices/internal/seed"
	"victimservices/locales"
)

// TestThirteenthLocale: a translator adds Vietnamese with files alone: a
// locales.toml entry in an extra directory (EXTRA_LOCALES_DIR), then
// xliff-export / xliff-import of directory texts and a UI string; the API
// then serves "vi" (text, labels, the locales list, search without a text
// search configuration). No Go code names the locale. The locale list is
// process state, so the scenario runs in a child process of this test
// binary; the parent only starts it.
func TestThirteenthLocale(t *testing.T) {
	if os.Getenv("VS_THIRTEENTH_LOCALE_CHILD") == "1" {
		thirteenthLocale(t)
		return
	}
	if _, ok := locales.ByCode("vi"); ok {
		t.Fatal("vi is supported before its files are loaded: the fixture proves nothing")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestThirteenthLocale$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "VS_THIRTEENTH_LOCALE_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestThirteenthLocale") {
		t.Fatalf("the child failed (%v):\n%s", err, out)
	}
}

func thirteenthLocale(t *testing.T) {
	run, _, cfg := exchangeEnv(t)
	extra := t.TempDir()
	for _, name := range []string{"locales.toml", "active.vi.toml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "locales-vi", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(extra, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := exportDoc(t, run, "-locale", "vi", "-extra-locales-dir", extra, "-locales-dir", extra)
	if doc.TrgLang != "vi" {
		t.Fatalf("trgLang %q", doc.TrgLang)
	}
	name := string(seed.ID("svc", "legal")) + ".name"
	desc := string(seed.ID("svc", "legal")) + ".description"
	for key, target := range map[string]string{
		"directory/" + name: "Hỗ trợ pháp lý", "directory/" + desc: "Chúng tôi giúp quý vị hiểu quyền của mình.",
		"ui/category.LEGAL_SUPPORT": "Hỗ trợ pháp lý",
	} {
		file, id, _ := strings.Cut(key, "/")
		if !doc.set(file, id, target) {
			t.Fatalf("the export has no unit %s", key)
		}
	}
	if _, err := run("xliff-import", "-publish", "-translator", "Lan Nguyen", "-extra-locales-dir", extra, "-locales-dir", extra, writeDoc(t, doc)); err != nil {
		t.Fatalf("import: %v", err)
	}
	// The server, started with the extra directory, serves Vietnamese.
	cfg.ExtraLocalesDir = extra
	addr, stop := startServer(t, cfg)
	defer stop()
	out := post(t, addr, `{ services(locale: "vi") { edges { node { name servedLocale categoryLabel translationReview { status } } } }
  locales { code nativeName direction } search(text: "pháp lý", locale: "vi") { ... on Service { name } } }`, nil)
	body, _ := json.Marshal(out)
	var got struct {
		Data struct {
			Services struct {
				Edges []struct {
					Node struct {
						Name, ServedLocale, CategoryLabel string
						TranslationReview                 struct{ Status string }
					}
				}
			}
			Locales []struct{ Code, NativeName, Direction string }
			Search  []struct{ Name string }
		}
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range got.Data.Services.Edges {
		n := e.Node
		if n.Name == "Hỗ trợ pháp lý" {
			found = true
			if n.ServedLocale != "vi" || n.CategoryLabel != "Hỗ trợ pháp lý" || n.TranslationReview.Status != "REVIEWED" {
				t.Errorf("legal support in vi: %+v", n)
			}
		} else if n.ServedLocale != "en" {
			t.Errorf("%q served in %q, want English (no vi text)", n.Name, n.ServedLocale)
		}
	}
	if !found {
		t.Errorf("no service served in Vietnamese: %s", body)
	}
	if l := got.Data.Locales; len(l) != 13 || l[12].Code != "vi" || l[12].NativeName != "Tiếng Việt" || l[12].Direction != "LTR" {
		t.Errorf("locales %+v, want vi 13th", l)
	}
	if len(got.Data.Search) == 0 || got.Data.Search[0].Name != "Hỗ trợ pháp lý" {
		t.Errorf("search in vi: %+v (%s)", got.Data.Search, body)
	}
}
