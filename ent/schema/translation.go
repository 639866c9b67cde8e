package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"

	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/rule"
	"victimservices/locales"
)

// TranslationMixin holds what every per-locale text row has: the locale, its
// publication status, whether a machine translated it, and when it changed.
// Public reads only ever see PUBLISHED rows (see rule.FilterPublishedTranslations).
type TranslationMixin struct {
	mixin.Schema
}

// Fields of a translation.
func (TranslationMixin) Fields() []ent.Field {
	return []ent.Field{
		field.String("locale").
			Validate(validLocale).
			Comment("Supported locale code (en, es, zh-Hant, …)."),
		field.Enum("status").
			Values("DRAFT", "PUBLISHED").
			Default("DRAFT").
			Annotations(entgql.Type("TranslationStatus")).
			Comment("Only PUBLISHED text is served to the public."),
		field.Bool("machine_translated").
			Default(false).
			Comment("True when a machine produced the text and no person has reviewed it."),
		field.Time("updated_at").
			Default(time.Now).
			UpdateDefault(time.Now).
			Comment("When the text last changed."),
	}
}

// Policy lets editors see drafts and write; the public reads published rows.
func (TranslationMixin) Policy() ent.Policy { return rule.TranslationPolicy() }

// Annotations keep translation rows out of node(id:) and the Relay helpers.
func (TranslationMixin) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

func validLocale(code string) error {
	if l, ok := locales.ByCode(code); !ok || l.Code != code {
		return errcode.ErrUnsupportedLocale
	}
	return nil
}
