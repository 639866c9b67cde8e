package locales

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
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
	s, err := l.localizer.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return id
	}
	return s
}

// Plural returns the message id in the plural form for count (CLDR rules);
// count is also available to the template as .Count.
func (l *Locale) Plural(id string, count int, data map[string]any) string {
	if data == nil {
		data = map[string]any{}
	}
	data["Count"] = count
	s, err := l.localizer.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil {
		return id
	}
	return s
}

// Tag returns the locale's language tag.
func (l *Locale) Tag() language.Tag { return l.tag }
