package exchange

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"victimservices/ent"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// The XLIFF 2.0 core elements the exchange reads and writes.
type document struct {
	XMLName xml.Name `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
	Version string   `xml:"version,attr"`
	SrcLang string   `xml:"srcLang,attr"`
	TrgLang string   `xml:"trgLang,attr"`
	Files   []file   `xml:"file"`
}

type file struct {
	ID    string `xml:"id,attr"`
	Units []unit `xml:"unit"`
}

type unit struct {
	ID      string  `xml:"id,attr"`
	Notes   *notes  `xml:"notes,omitempty"`
	Segment segment `xml:"segment"`
}

type notes struct {
	Note []note `xml:"note"`
}

type note struct {
	Category string `xml:"category,attr,omitempty"`
	Text     string `xml:",chardata"`
}

type segment struct {
	// State: initial (no target), translated (a machine's or unchecked
	// text), reviewed (REVIEWED), final (APPROVED).
	State  string  `xml:"state,attr,omitempty"`
	Source string  `xml:"source"`
	Target *string `xml:"target"`
}

// The XLIFF files of an exchange document.
const (
	fileDirectory = "directory"
	fileGuides    = "guides"
	fileUI        = "ui"
)

// ExportOptions say what to export.
type ExportOptions struct {
	// Locale is the target locale's code.
	Locale string
	// UI is the directory of the target's active.<locale>.toml (the
	// English source is the embedded one, the code's own).
	UI fs.FS
	// All exports every unit, not only what is missing, changed since, or
	// not yet reviewed by a person.
	All bool
}

// Export writes the XLIFF 2.0 document of what locale lacks: directory
// texts and guides with no text in it, text older than the English (the
// English changed since), or still MACHINE; UI strings missing from its
// file or translated from an older English (their `hash`, see sourceHash). Units have stable ids: "<object id>.<field>" (svc_….name) and the
// message id (with ":<plural form>" for plural messages). ctx must allow
// reading drafts (the editorial view or a system context).
func Export(ctx context.Context, c *ent.Client, o ExportOptions) ([]byte, error) {
	if l, ok := locales.ByCode(o.Locale); !ok || l.Code != o.Locale || o.Locale == english {
		return nil, fmt.Errorf("locale %q: not a supported locale other than English (codes are case-sensitive, e.g. zh-Hant)", o.Locale)
	}
	doc := document{Version: "2.0", SrcLang: english, TrgLang: o.Locale}
	dir, guides := file{ID: fileDirectory}, file{ID: fileGuides}
	for _, k := range kinds {
		owners, err := k.owners(ctx, c)
		if err != nil {
			return nil, err
		}
		rows, err := k.load(ctx, c, english, o.Locale)
		if err != nil {
			return nil, err
		}
		src, tgt := map[nodeid.ID]row{}, map[nodeid.ID]row{}
		for _, r := range rows {
			switch {
			case r.locale == english && r.published:
				src[r.owner] = r
			case r.locale == o.Locale:
				tgt[r.owner] = r
			}
		}
		into := &dir
		if k.file == fileGuides {
			into = &guides
		}
		for _, owner := range owners {
			en, ok := src[owner]
			if !ok {
				continue
			}
			t, has := tgt[owner]
			stale := has && t.updatedAt.Before(en.updatedAt)
			for _, f := range k.fields {
				if en.fields[f] == "" {
					continue
				}
				u := unit{ID: string(owner) + "." + f, Segment: segment{Source: en.fields[f], State: "initial"}}
				if has && t.fields[f] != "" {
					v := t.fields[f]
					u.Segment.Target = &v
					u.Segment.State = map[string]string{"MACHINE": "translated", "REVIEWED": "reviewed", "APPROVED": "final"}[t.review]
				}
				if o.All || u.Segment.Target == nil || stale || t.review == "MACHINE" {
					into.Units = append(into.Units, u)
				}
			}
		}
	}
	ui, err := uiUnits(o)
	if err != nil {
		return nil, err
	}
	doc.Files = []file{dir, guides, ui}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}

func uiUnits(o ExportOptions) (file, error) {
	out := file{ID: fileUI}
	en, _, err := readMessages(locales.Files(), english)
	if err != nil {
		return out, err
	}
	tgt, _, err := readMessages(o.UI, o.Locale)
	if err != nil {
		return out, err
	}
	for _, id := range en.ids() {
		m := en[id]
		fs := forms(m, o.Locale)
		_, plural := m["one"]
		for _, f := range fs {
			source := m[f]
			if source == "" {
				source = m["other"]
			}
			u := unit{ID: uiUnitID(id, f, plural), Segment: segment{Source: source, State: "initial"}}
			if d := m["description"]; d != "" {
				u.Notes = &notes{Note: []note{{Category: "description", Text: d}}}
			}
			old := stale(m, tgt[id])
			if v, ok := tgt[id][f]; ok && v != "" {
				u.Segment.Target = &v
				u.Segment.State = "translated"
				if old {
					u.Notes = &notes{Note: append(noteList(u.Notes), note{Category: "changed", Text: "The English changed since this was translated."})}
				}
			}
			if o.All || u.Segment.Target == nil || old {
				out.Units = append(out.Units, u)
			}
		}
	}
	return out, nil
}

func noteList(n *notes) []note {
	if n == nil {
		return nil
	}
	return n.Note
}

// ImportOptions say how to import a translator's document.
type ImportOptions struct {
	// Translator is the name the texts are REVIEWED by.
	Translator string
	// UIDir is the directory whose active.<locale>.toml the UI strings go in.
	UIDir string
	// Now is the instant the review is recorded at.
	Now time.Time
	// DryRun validates and reports, changing nothing.
	DryRun bool
	// Publish publishes new texts at once; by default they are drafts.
	Publish bool
	// Progress, when set, is told of each unit written.
	Progress func(done, total int)
}

// Report is what an import did (or, in a dry run, would do).
type Report struct {
	Locale                string
	Directory, Guides, UI int
	Errors                []string
}

// InvalidError lists every unit that failed validation; nothing was written.
type InvalidError struct{ Problems []string }

func (e *InvalidError) Error() string {
	return fmt.Sprintf("%d unit(s) refused, nothing imported:\n  %s", len(e.Problems), strings.Join(e.Problems, "\n  "))
}

// Import validates a translator's XLIFF 2.0 document as a whole and, when
// every unit with a target passes, writes it: directory texts and guides
// in one transaction on c (new rows drafts unless Publish; existing rows keep
// their publication status), REVIEWED by the translator at Now; UI strings
// into UIDir's active.<locale>.toml, moved into place after the commit.
// Units without a target are skipped. ctx must allow writing translations
// (a system context).
func Import(ctx context.Context, c *ent.Client, data []byte, o ImportOptions) (*Report, error) {
	if strings.TrimSpace(o.Translator) == "" {
		return nil, fmt.Errorf("the translator's name is required")
	}
	if err := servicetranslation.ReviewedByValidator(o.Translator); err != nil {
		return nil, fmt.Errorf("the translator's name: %w", err)
	}
	var doc document
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not an XLIFF 2.0 document: %w", err)
	}
	if doc.Version != "2.0" || doc.SrcLang != english {
		return nil, fmt.Errorf("want XLIFF version 2.0 with srcLang %q, got version %q srcLang %q", english, doc.Version, doc.SrcLang)
	}
	if l, ok := locales.ByCode(doc.TrgLang); !ok || l.Code != doc.TrgLang || doc.TrgLang == english {
		return nil, fmt.Errorf("trgLang %q: not a supported locale other than English", doc.TrgLang)
	}
	locale := doc.TrgLang
	rep := &Report{Locale: locale}
	var problems []string
	bad := func(id, format string, args ...any) {
		problems = append(problems, "unit "+id+": "+fmt.Sprintf(format, args...))
	}
	// Directory texts and guides, grouped by object.
	pending := map[nodeid.ID]row{}
	var order []nodeid.ID
	englishOf := map[string]map[nodeid.ID]row{}
	uiDir := os.DirFS(o.UIDir)
	en, _, err := readMessages(locales.Files(), english)
	if err != nil {
		return nil, err
	}
	tgt, header, err := readMessages(uiDir, locale)
	if err != nil {
		return nil, err
	}
	uiChanged := false
	seen := map[string]bool{}
	for _, f := range doc.Files {
		for _, u := range f.Units {
			key := f.ID + "/" + u.ID
			if seen[key] {
				bad(u.ID, "appears twice")
				continue
			}
			seen[key] = true
			if u.Segment.Target == nil {
				continue
			}
			target := *u.Segment.Target
			switch f.ID {
			case fileDirectory, fileGuides:
				owner, field, ok := strings.Cut(u.ID, ".")
				k, known := kindOf(nodeid.ID(owner).Prefix())
				if !ok || !known || (k.file == fileGuides) != (f.ID == fileGuides) || !slices.Contains(k.fields, field) {
					bad(u.ID, "no such text in file %q", f.ID)
					continue
				}
				if englishOf[k.prefix] == nil {
					rows, err := k.load(ctx, c, english)
					if err != nil {
						return nil, err
					}
					englishOf[k.prefix] = map[nodeid.ID]row{}
					for _, r := range rows {
						englishOf[k.prefix][r.owner] = r
					}
				}
				src, found := englishOf[k.prefix][nodeid.ID(owner)]
				switch {
				case !found:
					bad(u.ID, "no such object (or it has no English text)")
					continue
				case src.fields[field] != u.Segment.Source:
					bad(u.ID, "the English changed since the export; export again")
					continue
				}
				if err := k.validate[field](target); err != nil {
					bad(u.ID, "%v", err)
					continue
				}
				if !slices.Equal(actions(src.fields[field], false), actions(target, false)) {
					bad(u.ID, "placeholders differ from the English (%s)", strings.Join(actions(src.fields[field], false), ", "))
					continue
				}
				r, ok := pending[nodeid.ID(owner)]
				if !ok {
					r = row{owner: nodeid.ID(owner), locale: locale, fields: map[string]string{}}
					order = append(order, r.owner)
				}
				r.fields[field] = target
				pending[r.owner] = r
				if f.ID == fileGuides {
					rep.Guides++
				} else {
					rep.Directory++
				}
			case fileUI:
				id, form, _ := strings.Cut(u.ID, ":")
				m, ok := en[id]
				_, plural := m["one"]
				if form == "" {
					form = "other"
				}
				if !ok || (plural != strings.Contains(u.ID, ":")) || !slices.Contains(forms(m, locale), form) {
					bad(u.ID, "no such UI string (or plural form) for %s", locale)
					continue
				}
				if strings.TrimSpace(target) == "" {
					bad(u.ID, "empty")
					continue
				}
				if err := checkTemplate(target); err != nil {
					bad(u.ID, "not a valid message template: %v", err)
					continue
				}
				source := m[form]
				if source == "" {
					source = m["other"]
				}
				if !slices.Equal(actions(source, plural), actions(target, plural)) {
					bad(u.ID, "placeholders differ from the English (%s)", strings.Join(actions(source, plural), ", "))
					continue
				}
				if tgt[id] == nil {
					tgt[id] = map[string]string{}
				}
				tgt[id][form] = target
				tgt[id]["hash"] = sourceHash(m)
				uiChanged = true
				rep.UI++
			default:
				bad(u.ID, "unknown file %q (want %s, %s or %s)", f.ID, fileDirectory, fileGuides, fileUI)
			}
		}
	}
	if len(problems) > 0 {
		rep.Errors = problems
		return rep, &InvalidError{Problems: problems}
	}
	if o.DryRun {
		return rep, nil
	}
	rv := review{by: o.Translator, at: o.Now, publish: o.Publish}
	tx, err := c.Tx(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback() }()
	total := len(order)
	for i, owner := range order {
		k, _ := kindOf(owner.Prefix())
		if err := k.save(ctx, tx.Client(), pending[owner], rv); err != nil {
			return nil, fmt.Errorf("%s: %w", owner, err)
		}
		if o.Progress != nil {
			o.Progress(i+1, total)
		}
	}
	tmp := ""
	if uiChanged {
		if tmp, err = writeMessages(o.UIDir, locale, header, en, tgt); err != nil {
			return nil, err
		}
		defer os.Remove(tmp) // gone once renamed
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	if tmp != "" {
		if err := os.Rename(tmp, messagesPath(o.UIDir, locale)); err != nil {
			return nil, fmt.Errorf("the texts were imported, but %s was not written: %w", uiFile(locale), err)
		}
	}
	return rep, nil
}
