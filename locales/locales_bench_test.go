package locales_test

import (
	"testing"

	"victimservices/locales"
)

func BenchmarkMatchHeader(b *testing.B) {
	for b.Loop() {
		locales.Match("es-MX,es;q=0.9,en;q=0.8")
	}
}

func BenchmarkMatchExact(b *testing.B) {
	for b.Loop() {
		locales.Match("zh-Hant")
	}
}

func BenchmarkLocalize(b *testing.B) {
	l, _ := locales.ByCode("pl")
	for b.Loop() {
		l.Plural("error.pageTooLarge", 100, nil)
	}
}
