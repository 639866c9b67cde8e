package locales_test

import (
	"os"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/BurntSushi/toml"
	"strconv"
	"strings"

	"victimservices/locales"
)

// freeTemplates are messages whose translators choose among the documented
// fields (the clock style of a language), so their placeholders may differ.
var freeTemplates = map[string]bool{"hours.time": true}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func readFile(t *testing.T, code string) map[string]map[string]string {
	t.Helper()
	var m map[string]map[string]string
	if _, err := toml.DecodeFile("active."+code+".toml", &m); err != nil {
		t.Fatalf("active.%s.toml: %v", code, err)
	}
	return m
}

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// TestMessageFilesComplete fails when a locale lacks a message, a
// translator's description, a placeholder, or a CLDR plural form.
func TestMessageFilesComplete(t *testing.T) {
	en := readFile(t, "en")
	for _, l := range locales.Supported {
		t.Run(l.Code, func(t *testing.T) {
			got := readFile(t, l.Code)
			for id, src := range en {
				msg, ok := got[id]
				if !ok {
					t.Errorf("missing message %q", id)
					continue
				}
				if msg["description"] == "" {
					t.Errorf("%s: no description", id)
				}
				if freeTemplates[id] {
					// The translator picks the clock style; it must render.
					out := l.T(id, map[string]any{"Hour24": 17, "Hour24Padded": "17", "Hour12": 5, "Minutes": "30", "OnTheHour": false, "PM": true})
					if out == id || !strings.Contains(out, "30") {
						t.Errorf("%s renders 17:30 as %q", id, out)
					}
					continue
				}
				want := placeholders(src["other"])
				isPlural := src["one"] != ""
				for form, text := range msg {
					if form == "description" || form == "hash" {
						continue
					}
					if gotPH := placeholders(text); !slices.Equal(gotPH, want) {
						t.Errorf("%s.%s: placeholders %v, want %v", id, form, gotPH, want)
					}
				}
				if msg["other"] == "" {
					t.Errorf("%s: no 'other' form", id)
				}
				if isPlural {
					// Every count must find its CLDR plural form in the file.
					for _, n := range []int{0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 100, 101, 102, 111, 1000, 1000000} {
						out := l.Plural(id, n, nil)
						if out == id || !strings.Contains(out, strconv.Itoa(n)) {
							t.Errorf("%s with count %d: got %q (missing plural form?)", id, n, out)
						}
					}
				}
			}
			for id := range got {
				if _, ok := en[id]; !ok {
					t.Errorf("message %q is not in the English file", id)
				}
			}
		})
	}
}

// TestEveryFileIsEmbedded keeps the supported list and the files in step.
func TestEveryFileIsEmbedded(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files int
	for _, e := range entries {
		if m, _ := regexp.MatchString(`^active\..+\.toml$`, e.Name()); m {
			files++
		}
	}
	if files != len(locales.Supported) {
		t.Errorf("%d message files for %d supported locales", files, len(locales.Supported))
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"empty gives English", "", "en"},
		{"exact", "es", "es"},
		{"region falls back to language", "es-MX", "es"},
		{"case-insensitive exact", "ZH-hant", "zh-Hant"},
		{"Taiwan gives Traditional", "zh-TW", "zh-Hant"},
		{"Hong Kong gives Traditional", "zh-HK", "zh-Hant"},
		{"mainland gives Simplified", "zh-CN", "zh-Hans"},
		{"bare zh gives Simplified", "zh", "zh-Hans"},
		{"Filipino is Tagalog", "fil", "tl"},
		{"Tagalog region", "tl-PH", "tl"},
		{"Arabic region", "ar-EG", "ar"},
		{"header with weights", "fr-FR, pl;q=0.8, en;q=0.5", "pl"},
		{"unknown tag", "xx", "en"},
		{"unsupported language", "fr", "en"},
		{"garbage", "!!!,;;", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := locales.Match(tt.value).Code; got != tt.want {
				t.Errorf("Match(%q) = %q, want %q", tt.value, got, tt.want)
			}
		})
	}
}

func TestChain(t *testing.T) {
	if got := locales.Match("es-MX").Chain(); !slices.Equal(got, []string{"es", "en"}) {
		t.Errorf("chain of es-MX = %v", got)
	}
	if got := locales.Match("en-GB").Chain(); !slices.Equal(got, []string{"en"}) {
		t.Errorf("chain of en-GB = %v", got)
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		code  string
		count int
		want  string
	}{
		{"en", 1, "You can ask for at most 1 item at a time."},
		{"en", 100, "You can ask for at most 100 items at a time."},
	}
	for _, tt := range tests {
		l, _ := locales.ByCode(tt.code)
		if got := l.Plural("error.pageTooLarge", tt.count, nil); got != tt.want {
			t.Errorf("%s %d: got %q, want %q", tt.code, tt.count, got, tt.want)
		}
	}
	// Polish uses a different form for 2-4 and 5+.
	pl, _ := locales.ByCode("pl")
	if few, many := pl.Plural("error.pageTooLarge", 2, nil), pl.Plural("error.pageTooLarge", 5, nil); few == many {
		t.Errorf("Polish plural forms for 2 and 5 are the same: %q", few)
	}
}

// TestMissingDataFailsLoudly: a placeholder the call gives no data for is a
// defect of the call, not "<no value>" to serve; in a test it panics, so the
// test of that call fails.
func TestMissingDataFailsLoudly(t *testing.T) {
	es, _ := locales.ByCode("es")
	if got, want := es.T("event.REFERRAL_UPDATED", map[string]any{"Status": "Enviada"}), "Enviada"; !strings.Contains(got, want) {
		t.Errorf("with its data: got %q, want it to contain %q", got, want)
	}
	for name, data := range map[string]map[string]any{"nil data": nil, "another key": {"State": "x"}} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("rendering without .Status did not panic")
				}
			}()
			got := es.T("event.REFERRAL_UPDATED", data)
			t.Errorf("rendered %q", got)
		})
	}
}

func TestNegotiate(t *testing.T) {
	for _, tt := range []struct {
		value, want string
		ok          bool
	}{{"es-MX", "es", true}, {"en-GB", "en", true}, {"xx", "en", false}, {"", "en", false}, {"fr, de", "en", false}} {
		if l, ok := locales.Negotiate(tt.value); l.Code != tt.want || ok != tt.ok {
			t.Errorf("Negotiate(%q) = %s, %v; want %s, %v", tt.value, l.Code, ok, tt.want, tt.ok)
		}
	}
}
