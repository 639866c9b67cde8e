package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"victimservices/internal/seed"
	"victimservices/internal/storage"
)

// xliffDoc is the part of an XLIFF 2.0 document the tests read and edit.
type xliffDoc struct {
	XMLName xml.Name `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
	Version string   `xml:"version,attr"`
	SrcLang string   `xml:"srcLang,attr"`
	TrgLang string   `xml:"trgLang,attr"`
	Files   []struct {
		ID    string `xml:"id,attr"`
		Units []struct {
			ID    string `xml:"id,attr"`
			Notes *struct {
				Note []struct {
					Category string `xml:"category,attr"`
				} `xml:"note"`
			} `xml:"notes"`
			Segment struct {
				State  string  `xml:"state,attr,omitempty"`
				Source string  `xml:"source"`
				Target *string `xml:"target"`
			} `xml:"segment"`
		} `xml:"unit"`
	} `xml:"file"`
}

// noted reports whether unit id of file carries a note of category.
func (d xliffDoc) noted(file, id, category string) bool {
	for _, f := range d.Files {
		for _, u := range f.Units {
			if f.ID == file && u.ID == id && u.Notes != nil {
				for _, n := range u.Notes.Note {
					if n.Category == category {
						return true
					}
				}
			}
		}
	}
	return false
}

// targets maps "file/unit" to the target (units without one left out).
func (d xliffDoc) targets() map[string]string {
	out := map[string]string{}
	for _, f := range d.Files {
		for _, u := range f.Units {
			if u.Segment.Target != nil {
				out[f.ID+"/"+u.ID] = *u.Segment.Target
			}
		}
	}
	return out
}

// set gives the unit a target; false when the document has no such unit.
func (d *xliffDoc) set(file, id, target string) bool {
	for i := range d.Files {
		for j := range d.Files[i].Units {
			if d.Files[i].ID == file && d.Files[i].Units[j].ID == id {
				d.Files[i].Units[j].Segment.Target = &target
				return true
			}
		}
	}
	return false
}

// exchangeEnv is a seeded database (SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set) and a copy of the locale files to write into.
func exchangeEnv(t *testing.T) (run func(args ...string) (string, error), localesDir string, cfg Config) {
	t.Helper()
	cfg = testConfig(t)
	if admin := os.Getenv("TEST_DATABASE_URL"); strings.HasPrefix(admin, "postgres") {
		url, drop, err := storage.ThrowawayDatabase(context.Background(), admin)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(drop)
		cfg.DatabaseURL = url
	}
	localesDir = t.TempDir()
	files, _ := filepath.Glob("locales/active.*.toml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(localesDir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"DATABASE_URL": cfg.DatabaseURL, "ENCRYPTION_KEYS": testEncryptionKeys}
	run = func(args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := command(context.Background(), args, func(k string) string { return env[k] }, &stdout, &stderr)
		return stdout.String(), err
	}
	if _, err := run("seed"); err != nil {
		t.Fatal(err)
	}
	return run, localesDir, cfg
}

func exportDoc(t *testing.T, run func(args ...string) (string, error), args ...string) xliffDoc {
	t.Helper()
	out, err := run(append([]string{"xliff-export"}, args...)...)
	if err != nil {
		t.Fatalf("export %v: %v", args, err)
	}
	var d xliffDoc
	if err := xml.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("export is not XLIFF: %v\n%s", err, out)
	}
	if d.Version != "2.0" || d.SrcLang != "en" {
		t.Fatalf("version %q srcLang %q", d.Version, d.SrcLang)
	}
	return d
}

func writeDoc(t *testing.T, d xliffDoc) string {
	t.Helper()
	data, err := xml.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "edited.xlf")
	if err := os.WriteFile(path, append([]byte(xml.Header), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestXLIFFRoundTrip: export what Polish lacks (its machine texts and a UI
// string removed from its file), edit it as a translator would, import it,
// and export again: the imported targets come back, REVIEWED; the default
// export no longer lists them; the UI string is in the locale's TOML file. A
// file with any bad unit imports nothing and lists every bad unit by id; a
// dry run changes nothing.
func TestXLIFFRoundTrip(t *testing.T) {
	run, dir, _ := exchangeEnv(t)
	plFile := filepath.Join(dir, "active.pl.toml")
	pl, _ := os.ReadFile(plFile)
	start := strings.Index(string(pl), `["error.pageTooLarge"]`)
	end := start + strings.Index(string(pl[start:]), "\n\n")
	if start < 0 || end < start {
		t.Fatal("no error.pageTooLarge in active.pl.toml")
	}
	pl = append(append([]byte{}, pl[:start]...), pl[end+2:]...)
	// day.MONDAY was translated from an older English (its hash differs).
	monday := strings.Index(string(pl), `["day.MONDAY"]`)
	hashAt := monday + strings.Index(string(pl[monday:]), "hash = \"")
	if monday < 0 || hashAt < monday {
		t.Fatal("no hashed day.MONDAY in active.pl.toml")
	}
	pl = append(append(append([]byte{}, pl[:hashAt]...), "hash = \"sha1-0\"\n"...), pl[hashAt+strings.Index(string(pl[hashAt:]), "\n")+1:]...)
	if err := os.WriteFile(plFile, pl, 0o644); err != nil {
		t.Fatal(err)
	}

	doc := exportDoc(t, run, "-locale", "pl", "-locales-dir", dir)
	if doc.TrgLang != "pl" {
		t.Fatalf("trgLang %q", doc.TrgLang)
	}
	if got := doc.targets(); got["ui/day.MONDAY"] != "Poniedziałek" || !doc.noted("ui", "day.MONDAY", "changed") {
		t.Fatalf("the export does not list day.MONDAY, translated from an older English, with its target and a \"changed\" note")
	} else if _, listed := got["ui/day.TUESDAY"]; listed {
		t.Fatal("the export lists day.TUESDAY, translated from the current English")
	}
	name := string(seed.ID("svc", "legal")) + ".name"
	body := string(seed.ID("res", "going-to-court")) + ".body"
	edits := map[string]string{
		"directory/" + name:           "Pomoc prawna",
		"guides/" + body:              "## Sąd\n\nOpiekun sprawy z Jednostki może pójść z Panią/Panem do sądu.",
		"ui/error.pageTooLarge:one":   "Najwyżej {{.Count}} element naraz.",
		"ui/error.pageTooLarge:few":   "Najwyżej {{.Count}} elementy naraz.",
		"ui/error.pageTooLarge:many":  "Najwyżej {{.Count}} elementów naraz.",
		"ui/error.pageTooLarge:other": "Najwyżej {{.Count}} elementu naraz.",
	}
	for key, target := range edits {
		file, id, _ := strings.Cut(key, "/")
		if !doc.set(file, id, target) {
			t.Fatalf("the export has no unit %s", key)
		}
	}

	// A bad file first: nothing of it is imported, every bad unit is named.
	bad := exportDoc(t, run, "-locale", "pl", "-locales-dir", dir)
	bad.set("directory", name, strings.Repeat("x", 201))
	bad.set("guides", body, "<script>alert(1)</script>")
	bad.set("ui", "error.pageTooLarge:one", "Najwyżej {{.Max}} element.")
	bad.set("directory", string(seed.ID("svc", "counseling"))+".name", "Poradnictwo (should not land)")
	if _, err := run("xliff-import", "-translator", "Ewa Nowak", "-locales-dir", dir, writeDoc(t, bad)); err == nil {
		t.Fatal("a file with bad units was imported")
	} else {
		for _, id := range []string{name, body, "error.pageTooLarge:one"} {
			if !strings.Contains(err.Error(), "unit "+id+":") {
				t.Errorf("the refusal does not name unit %s:\n%v", id, err)
			}
		}
	}
	before := exportDoc(t, run, "-all", "-locale", "pl", "-locales-dir", dir).targets()
	if before["directory/"+string(seed.ID("svc", "counseling"))+".name"] == "Poradnictwo (should not land)" {
		t.Error("a good unit of the refused file was imported")
	}

	path := writeDoc(t, doc)
	if out, err := run("xliff-import", "-dry-run", "-translator", "Ewa Nowak", "-locales-dir", dir, path); err != nil || !strings.Contains(out, "dry run") {
		t.Fatalf("dry run: %q %v", out, err)
	}
	if got := exportDoc(t, run, "-all", "-locale", "pl", "-locales-dir", dir).targets(); got["directory/"+name] != before["directory/"+name] {
		t.Errorf("the dry run changed %s to %q", name, got["directory/"+name])
	}
	if out, err := run("xliff-import", "-translator", "Ewa Nowak", "-locales-dir", dir, path); err != nil {
		t.Fatalf("import: %v", err)
	} else if !strings.Contains(out, ", 5 UI strings, reviewed by Ewa Nowak") {
		t.Errorf("import printed %q", out)
	}

	after := exportDoc(t, run, "-all", "-locale", "pl", "-locales-dir", dir)
	got := after.targets()
	for key, want := range edits {
		if got[key] != want {
			t.Errorf("%s: exported %q after the import, want %q", key, got[key], want)
		}
	}
	for _, f := range after.Files {
		for _, u := range f.Units {
			if f.ID == "directory" && u.ID == name && u.Segment.State != "reviewed" {
				t.Errorf("%s: state %q, want reviewed", name, u.Segment.State)
			}
		}
	}
	if pending := exportDoc(t, run, "-locale", "pl", "-locales-dir", dir).targets(); pending["directory/"+name] != "" || pending["ui/error.pageTooLarge:one"] != "" || pending["ui/day.MONDAY"] != "" {
		t.Error("the default export still lists the imported texts")
	}
	var msgs map[string]map[string]string
	if _, err := toml.DecodeFile(plFile, &msgs); err != nil {
		t.Fatalf("active.pl.toml after the import: %v", err)
	}
	if m := msgs["error.pageTooLarge"]; m["few"] != edits["ui/error.pageTooLarge:few"] || m["description"] == "" || msgs["day.MONDAY"]["other"] != "Poniedziałek" {
		t.Errorf("active.pl.toml: error.pageTooLarge %v, day.MONDAY %v", m, msgs["day.MONDAY"])
	}
}
