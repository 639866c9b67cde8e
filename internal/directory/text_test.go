package directory

import (
	"context"
	"testing"

	"victimservices/ent"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// BenchmarkPickTranslation: choosing the served text of an object among its
// loaded translations.
func BenchmarkPickTranslation(b *testing.B) {
	rows := []*ent.ServiceTranslation{
		{Locale: "en", Name: "Victim Advocacy", Status: servicetranslation.StatusPUBLISHED},
		{Locale: "es", Name: "Apoyo a víctimas", Status: servicetranslation.StatusPUBLISHED},
	}
	ctx := locales.NewContext(context.Background(), locales.Match("es-MX"))
	for b.Loop() {
		pick(ctx, rows, serviceText)
	}
}
