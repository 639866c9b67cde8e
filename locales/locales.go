package locales

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
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
	// NativeName is the language's name in itself.
	NativeName string
	// RTL is true for right-to-left scripts.
	RTL bool

	tag       language.Tag
	localizer *i18n.Localizer
}

// DefaultCode is the locale of last resort.
const DefaultCode = "en"

// supported is the order of Supported; the first entry is the default.
var supported = []struct {
	code, native string
	rtl          bool
}{
	{"en", "English", false},
	{"es", "Español", false},
	{"pl", "Polski", false},
	{"zh-Hans", "简体中文", false},
	{"zh-Hant", "繁體中文", false},
	{"ar", "العربية", true},
	{"hi", "हिन्दी", false},
	{"ur", "اردو", true},
	{"tl", "Tagalog", false},
	{"ko", "한국어", false},
	{"uk", "Українська", false},
	{"ru", "Русский", false},
}

//go:embed active.*.toml
var files embed.FS

var (
	// Supported lists the supported locales, English first.
	Supported []*Locale
	byCode    = map[string]*Locale{}
	matcher   language.Matcher
	bundle    *i18n.Bundle
)

func init() {
	bundle = i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	tags := make([]language.Tag, len(supported))
	for i, s := range supported {
		tags[i] = language.MustParse(s.code)
		// A missing file leaves that locale on English (TestMessageFilesComplete
		// fails on it); a malformed one is a build defect.
		if _, err := fs.Stat(files, "active."+s.code+".toml"); err != nil {
			continue
		}
		if _, err := bundle.LoadMessageFileFS(files, "active."+s.code+".toml"); err != nil {
			panic(fmt.Sprintf("locales: %v", err))
		}
	}
	for i, s := range supported {
		l := &Locale{Code: s.code, NativeName: s.native, RTL: s.rtl, tag: tags[i]}
		l.localizer = i18n.NewLocalizer(bundle, s.code, DefaultCode)
		Supported = append(Supported, l)
		byCode[strings.ToLower(s.code)] = l
	}
	matcher = language.NewMatcher(tags)
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

// Chain returns the fallback chain of l: l itself, then English.
func (l *Locale) Chain() []string {
	if l.Code == DefaultCode {
		return []string{DefaultCode}
	}
	return []string{l.Code, DefaultCode}
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
