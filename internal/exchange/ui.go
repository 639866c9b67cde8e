package exchange

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"text/template"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// messages are the UI strings of one locale file: id → key (description,
// one, other, …) → text.
type messages map[string]map[string]string

// pluralForms are the CLDR forms a message may have, in CLDR order.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// ids are the message ids, sorted.
func (m messages) ids() []string {
	return slices.Sorted(maps.Keys(m))
}

func uiFile(locale string) string { return "active." + locale + ".toml" }

// readMessages reads a locale's message file; a missing file is no messages.
func readMessages(dir fs.FS, locale string) (messages, string, error) {
	data, err := fs.ReadFile(dir, uiFile(locale))
	if errors.Is(err, fs.ErrNotExist) {
		return messages{}, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	var raw map[string]map[string]string
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, "", fmt.Errorf("%s: %w", uiFile(locale), err)
	}
	var header []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		header = append(header, line)
	}
	return messages(raw), strings.Join(header, "\n"), nil
}

// forms are the plural forms locale needs for a message English has in
// plural forms ("one" and "other"), or just "other".
func forms(en map[string]string, locale string) []string {
	if _, plural := en["one"]; !plural {
		return []string{"other"}
	}
	return localeForms(locale)
}

// sourceHash identifies the English a translation was made from, in
// goi18n's convention (the `hash` key its merge command writes: "sha1-" and
// the SHA-1 of the description and the "other" form), so a translation
// whose hash differs from its English's was made from an older English.
// A message file may omit it (written by hand); then nothing is known.
func sourceHash(en map[string]string) string {
	h := sha1.New()
	h.Write([]byte(en["description"]))
	h.Write([]byte(en["other"]))
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// stale reports a translation made from an older English.
func stale(en, tgt map[string]string) bool {
	return tgt["hash"] != "" && tgt["hash"] != sourceHash(en)
}

// uiUnitID is the stable id of one form of a UI message.
func uiUnitID(id, form string, plural bool) string {
	if !plural {
		return id
	}
	return id + ":" + form
}

// actions are a text's template actions ({{.Name}}, {{if …}}), sorted; a
// translation keeps them all (a plural form may add or drop {{.Count}}).
var actionPattern = regexp.MustCompile(`\{\{-?\s*(.*?)\s*-?\}\}`)

func actions(s string, plural bool) []string {
	var out []string
	for _, m := range actionPattern.FindAllStringSubmatch(s, -1) {
		if plural && m[1] == ".Count" {
			continue
		}
		out = append(out, m[1])
	}
	slices.Sort(out)
	return out
}

// checkTemplate reports a target that does not parse as the message
// template go-i18n will run.
func checkTemplate(text string) error {
	_, err := template.New("").Parse(text)
	return err
}

// localeForms are the CLDR plural forms a whole count takes in locale
// (en: one, other; pl: one, few, many, other; vi: other), as x/text's
// cardinal rules give them.
func localeForms(locale string) []string {
	tag, err := language.Parse(locale)
	if err != nil {
		return []string{"other"}
	}
	names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	seen := map[string]bool{"other": true}
	for i := 0; i <= 1000; i++ {
		seen[names[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)]] = true
	}
	var out []string
	for _, f := range pluralForms {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}

// writeMessages writes a locale's message file into dir through a temporary
// file, returned for the caller to rename into place once the database
// transaction committed.
func writeMessages(dir, locale, header string, en, msgs messages) (string, error) {
	var b bytes.Buffer
	if header == "" {
		header = "# Strings the code owns, in " + locale + ", translated from active.en.toml (written by xliff-import).\n# Descriptions stay in English for translators. Placeholders ({{.Name}}) are kept exactly as in English."
	}
	b.WriteString(header + "\n")
	// Sorted ids are stable from one import to the next.
	for _, id := range msgs.ids() {
		m := msgs[id]
		fmt.Fprintf(&b, "\n[%s]\n", strconv.Quote(id))
		desc := m["description"]
		if desc == "" {
			desc = en[id]["description"]
		}
		if desc != "" {
			fmt.Fprintf(&b, "description = %s\n", tomlString(desc))
		}
		if h := m["hash"]; h != "" {
			fmt.Fprintf(&b, "hash = %s\n", tomlString(h))
		}
		for _, f := range pluralForms {
			if v, ok := m[f]; ok {
				fmt.Fprintf(&b, "%s = %s\n", f, tomlString(v))
			}
		}
	}
	tmp, err := os.CreateTemp(dir, uiFile(locale)+".*.tmp")
	if err != nil {
		return "", err
	}
	if _, err := tmp.Write(b.Bytes()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// messagesPath is where a locale's message file lives in dir.
func messagesPath(dir, locale string) string { return filepath.Join(dir, uiFile(locale)) }

// tomlString is s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
