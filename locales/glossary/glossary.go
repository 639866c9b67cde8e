package glossary

import (
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed *.toml
var files embed.FS

// Glossary is one locale's terms.
type Glossary struct {
	// Locale is the BCP 47 code, e.g. "es".
	Locale string `toml:"locale"`
	// Register says how the locale addresses the reader (formal usted in
	// es, gender-inclusive forms in ar, …), for translators and reviewers.
	Register string `toml:"register"`
	// Terms are the unit's terms in this locale.
	Terms []Term `toml:"term"`
}

// Term is one concept in one locale.
type Term struct {
	// Concept names it, the same in every locale ("victim_advocate").
	Concept string `toml:"concept"`
	// Note explains it for translators (what it must not be confused with).
	Note string `toml:"note"`
	// Approved are the approved forms as regular expressions (matched
	// without regard to case); the first is the term, the others its
	// inflections. In English they are also how a source text is seen to
	// name the concept.
	Approved []string `toml:"approved"`
	// Forbidden are variants that must not appear (regular expressions,
	// without regard to case): wrong or misleading words for the concept.
	Forbidden []string `toml:"forbidden"`
	// Except lists the text units (see Unit) that name the concept in
	// English but rightly not in this locale; the file says why.
	Except []string `toml:"except"`

	approved, forbidden []*regexp.Regexp
}

// Unit is one text to check: ID names it ("ui:<message id>",
// "dir:<record>.<field>", "guide:<slug>"), Source is its English text and
// Text its text in the glossary's locale.
type Unit struct {
	ID, Source, Text string
}

// Finding is one problem in a unit.
type Finding struct {
	Unit, Concept, Problem string
}

func (f Finding) String() string { return f.Unit + ": " + f.Concept + ": " + f.Problem }

// Load reads the glossary of every locale that has one, by code.
func Load() (map[string]*Glossary, error) {
	out := map[string]*Glossary{}
	names, err := fs.Glob(files, "*.toml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		g, err := Parse(string(b))
		if err != nil {
			return nil, fmt.Errorf("glossary %s: %w", name, err)
		}
		if g.Locale+".toml" != name {
			return nil, fmt.Errorf("glossary %s: locale %q does not match the file name", name, g.Locale)
		}
		out[g.Locale] = g
	}
	return out, nil
}

// Parse reads one glossary file's text.
func Parse(src string) (*Glossary, error) {
	var g Glossary
	if _, err := toml.Decode(src, &g); err != nil {
		return nil, err
	}
	for i := range g.Terms {
		t := &g.Terms[i]
		if t.Concept == "" || len(t.Approved) == 0 {
			return nil, fmt.Errorf("term %d has no concept or no approved form", i+1)
		}
		var err error
		if t.approved, err = compile(t.Approved); err != nil {
			return nil, fmt.Errorf("%s: %w", t.Concept, err)
		}
		if t.forbidden, err = compile(t.Forbidden); err != nil {
			return nil, fmt.Errorf("%s: %w", t.Concept, err)
		}
	}
	return &g, nil
}

func compile(patterns []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, len(patterns))
	for i, p := range patterns {
		re, err := regexp.Compile("(?i)" + p)
		if err != nil {
			return nil, err
		}
		out[i] = re
	}
	return out, nil
}

// Term returns the term of concept, nil when the glossary has none.
func (g *Glossary) Term(concept string) *Term {
	for i := range g.Terms {
		if g.Terms[i].Concept == concept {
			return &g.Terms[i]
		}
	}
	return nil
}

// Check compares each unit with the English glossary en: a forbidden
// variant anywhere is a finding; a unit whose English source names a
// concept (an English approved form) must use one of this locale's
// approved forms for it, unless the term excepts the unit. Names maps the
// directory's English service names to this locale's: a unit whose source
// names a service must name it exactly so.
func (g *Glossary) Check(en *Glossary, units []Unit, names map[string]string) []Finding {
	var out []Finding
	for _, u := range units {
		for i := range g.Terms {
			t := &g.Terms[i]
			for _, re := range t.forbidden {
				if m := re.FindString(u.Text); m != "" {
					out = append(out, Finding{u.ID, t.Concept, fmt.Sprintf("forbidden variant %q", m)})
				}
			}
			src := en.Term(t.Concept)
			if src == nil || g == en || !matchesAny(src.approved, u.Source) || contains(t.Except, u.ID) {
				continue
			}
			if !matchesAny(t.approved, u.Text) {
				out = append(out, Finding{u.ID, t.Concept, fmt.Sprintf("the source names it, the text uses none of %q", t.Approved)})
			}
		}
		for _, from := range sortedKeys(names) {
			to := names[from]
			if strings.Contains(u.Source, from) && !strings.Contains(strings.ToLower(u.Text), strings.ToLower(to)) {
				out = append(out, Finding{u.ID, "service_name", fmt.Sprintf("the source names %q; the text does not name it %q", from, to)})
			}
		}
	}
	return out
}

func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
