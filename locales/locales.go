package locales

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// Locale is a supported locale.
type Locale struct {
	// Code is the BCP 47 tag clients see, e.g. "zh-Hant".
	Code string
	// EnglishName is the language's name in English.
	EnglishName string
	// NativeName is the language's name in itself.
	NativeName string
	// RTL is true for right-to-left scripts.
	RTL bool
	// TextSearch is the PostgreSQL text search configuration of the
	// locale's texts ("simple" when PostgreSQL has no stemmer for it).
	TextSearch string
	// Fallback are the locales tried, in order, before English.
	Fallback []string

	tag       language.Tag
	localizer *i18n.Localizer
}

// DefaultCode is the locale of last resort.
const DefaultCode = "en"

// entry is one locale of a locales.toml file.
type entry struct {
	Code        string   `toml:"code"`
	EnglishName string   `toml:"english_name"`
	NativeName  string   `toml:"native_name"`
	Direction   string   `toml:"direction"`
	TextSearch  string   `toml:"text_search"`
	Fallback    []string `toml:"fallback"`
}

//go:embed active.*.toml locales.toml
var files embed.FS

var (
	// Supported lists the supported locales, English first: the embedded
	// locales.toml, then those of an extra directory (LoadDir).
	Supported []*Locale
	byCode    = map[string]*Locale{}
	matcher   language.Matcher
	bundle    *i18n.Bundle
	entries   []entry
	loaded    = map[string]bool{}
)

func init() {
	bundle = i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	if err := load(files); err != nil {
		panic(fmt.Sprintf("locales: %v", err)) // the embedded files are a build defect
	}
}

// Files are the embedded message files and locales.toml: the English
// source of the UI strings the translator exchange exports.
func Files() fs.FS { return files }

// LoadDir adds the locales of dir's locales.toml (after the embedded ones;
// a code already supported is an error) and loads dir's active.*.toml
// message files over the embedded ones. It is for start-up, before any
// request: a translator adds a locale with files alone (EXTRA_LOCALES_DIR).
// Calling it again for the same directory reloads its message files.
func LoadDir(dir string) error {
	return load(os.DirFS(dir))
}

// digest hashes every locale file loaded, in load order (see Digest).
var digest = sha256.New()

// Digest identifies the locale data this process serves (the embedded
// files and any extra directory's): answers that hold labels the code
// writes, such as the sync document, change when it does.
func Digest() string { return hex.EncodeToString(digest.Sum(nil)[:8]) }

func load(dir fs.FS) error {
	data, err := fs.ReadFile(dir, "locales.toml")
	digest.Write(data)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	default:
		var list struct {
			Locale []entry `toml:"locale"`
		}
		if _, err := toml.Decode(string(data), &list); err != nil {
			return fmt.Errorf("locales.toml: %w", err)
		}
		for _, e := range list.Locale {
			if loaded[strings.ToLower(e.Code)] {
				continue // the same directory read again
			}
			if err := e.check(); err != nil {
				return err
			}
			loaded[strings.ToLower(e.Code)] = true
			entries = append(entries, e)
		}
	}
	names, err := fs.Glob(dir, "active.*.toml")
	if err != nil {
		return err
	}
	for _, name := range names {
		// A malformed file is refused; a missing one leaves that locale on
		// English (TestMessageFilesComplete fails on an embedded one).
		if _, err := bundle.LoadMessageFileFS(dir, name); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if b, err := fs.ReadFile(dir, name); err == nil {
			digest.Write([]byte(name))
			digest.Write(b)
		}
	}
	build()
	return nil
}

func (e entry) check() error {
	if _, err := language.Parse(e.Code); err != nil || e.Code == "" {
		return fmt.Errorf("locales.toml: code %q is not a BCP 47 tag", e.Code)
	}
	if e.Direction != "ltr" && e.Direction != "rtl" {
		return fmt.Errorf("locales.toml: %s: direction must be ltr or rtl, not %q", e.Code, e.Direction)
	}
	if e.NativeName == "" || e.EnglishName == "" {
		return fmt.Errorf("locales.toml: %s needs english_name and native_name", e.Code)
	}
	for _, f := range e.Fallback {
		if !loaded[strings.ToLower(f)] {
			return fmt.Errorf("locales.toml: %s falls back to %q, which is not listed before it", e.Code, f)
		}
	}
	return nil
}

// build makes Supported, the lookup and the matcher from the entries.
func build() {
	supported := make([]*Locale, 0, len(entries))
	codes := map[string]*Locale{}
	tags := make([]language.Tag, len(entries))
	for i, e := range entries {
		tags[i] = language.MustParse(e.Code)
		cfg := e.TextSearch
		if cfg == "" {
			cfg = "simple"
		}
		l := &Locale{Code: e.Code, EnglishName: e.EnglishName, NativeName: e.NativeName, RTL: e.Direction == "rtl",
			TextSearch: cfg, Fallback: e.Fallback, tag: tags[i]}
		l.localizer = i18n.NewLocalizer(bundle, append(append([]string{e.Code}, e.Fallback...), DefaultCode)...)
		supported = append(supported, l)
		codes[strings.ToLower(e.Code)] = l
	}
	Supported, byCode, matcher = supported, codes, language.NewMatcher(tags)
	matched.Clear()
	matchedCount.Store(0)
}

// Default returns English.
func Default() *Locale { return Supported[0] }

// ByCode returns the supported locale with exactly this code (case-insensitive).
func ByCode(code string) (*Locale, bool) {
	l, ok := byCode[strings.ToLower(code)]
	return l, ok
}

// Match negotiates a supported locale from an explicit tag (a locale argument)
// or an Accept-Language header value. Anything it cannot match gives English.
func Match(value string) *Locale {
	value = strings.TrimSpace(value)
	if value == "" {
		return Default()
	}
	if l, ok := ByCode(value); ok {
		return l
	}
	if l, ok := matched.Load(value); ok {
		return l.(*Locale)
	}
	l := match(value)
	if matchedCount.Add(1) <= maxMatched { // headers repeat; remember the common ones
		matched.Store(value, l)
	}
	return l
}

// Negotiate is Match that also reports whether value named a supported
// locale (false when Match would fall back to English for want of one).
func Negotiate(value string) (*Locale, bool) {
	l := Match(value)
	if l.Code != DefaultCode {
		return l, true
	}
	tags, _, err := language.ParseAcceptLanguage(strings.TrimSpace(value))
	if err != nil {
		return l, false
	}
	for _, t := range tags {
		if base, _ := t.Base(); base.String() == DefaultCode {
			return l, true
		}
	}
	return l, false
}

// matched remembers negotiated header values (at most maxMatched).
var (
	matched      sync.Map
	matchedCount atomic.Int64
)

const maxMatched = 4096

func match(value string) *Locale {
	tags, _, err := language.ParseAcceptLanguage(value)
	if err != nil || len(tags) == 0 {
		return Default()
	}
	// Take the supported locale by index: the returned tag carries extensions
	// (es-u-rg-mxzzzz) and canonical forms (fil for tl).
	_, index, confidence := matcher.Match(tags...)
	if confidence == language.No {
		return Default()
	}
	return Supported[index]
}

// Chain returns the fallback chain of l: l itself, its fallbacks (from
// locales.toml), then English.
func (l *Locale) Chain() []string {
	if l.Code == DefaultCode {
		return []string{DefaultCode}
	}
	return append(append([]string{l.Code}, l.Fallback...), DefaultCode)
}

// T returns the message id in l, with data for its placeholders.
func (l *Locale) T(id string, data map[string]any) string {
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
}

// Plural returns the message id in the plural form for count (CLDR rules);
// count is also available to the template as .Count.
func (l *Locale) Plural(id string, count int, data map[string]any) string {
	if data == nil {
		data = map[string]any{}
	}
	data["Count"] = count
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
}

// strict executes every message template with missingkey=error: a
// placeholder the caller gave no data for is a defect of the call (it would
// print "<no value>" to the reader), never text to serve. go-i18n caches a
// message's parsed template whatever the parser, so every call uses this one.
var strict = &template.TextParser{Option: "missingkey=error"}

// lenient renders a message whose data is incomplete, leaving the missing
// placeholders empty. It has functions, so go-i18n does not cache its parse
// (which would replace strict's).
var lenient = &template.TextParser{Option: "missingkey=zero", Funcs: map[string]any{}}

// localize renders a message; an unknown id gives the id itself. A template
// missing its data panics in a test binary, so that a test of the call fails
// loudly; in production it is logged and the gap left empty.
func (l *Locale) localize(cfg *i18n.LocalizeConfig) string {
	cfg.TemplateParser = strict
	s, err := l.localizer.Localize(cfg)
	if err == nil {
		return s
	}
	var notFound *i18n.MessageNotFoundErr
	if errors.As(err, &notFound) {
		return cfg.MessageID
	}
	if testing.Testing() {
		panic(fmt.Sprintf("locales: message %q in %s: %v", cfg.MessageID, l.Code, err))
	}
	slog.Error("message rendered without all its data", "message", cfg.MessageID, "locale", l.Code, "error", err.Error())
	cfg.TemplateParser = lenient
	if s, err = l.localizer.Localize(cfg); err != nil {
		return cfg.MessageID
	}
	return strings.ReplaceAll(s, "<no value>", "")
}

// Tag returns the locale's language tag.
func (l *Locale) Tag() language.Tag { return l.tag }
