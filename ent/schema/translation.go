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
// publication status, its review status (a machine's text, or reviewed or
// approved by a named person, and when), and when it changed.
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
		field.Enum("review_status").
			Values("MACHINE", "REVIEWED", "APPROVED").
			Default("MACHINE").
			Annotations(entgql.Type("ReviewStatus")).
			Comment("MACHINE: a machine's text no person has checked (demo data included). REVIEWED: a person wrote or checked it. APPROVED: a person with the authority to do so approved it for victims. Only people set REVIEWED and APPROVED (an editor through the API, a translator through xliff-import)."),
		field.String("reviewed_by").
			Optional().
			Nillable().
			MaxLen(200).
			Comment("Name of the person who reviewed or approved the text (a staff member's work name, or the translator named at import); null for MACHINE and for rows reviewed before names were recorded."),
		field.Time("reviewed_at").
			Optional().
			Nillable().
			Comment("When the text was reviewed or approved (the request's instant); null for MACHINE."),
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
