package schema

import (
	"context"
	"strings"

	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"

	"victimservices/ent/schema/searchtext"
)

// SearchTextMixin adds search_text, the folded text of the Sources fields and
// the stems of its words in the row's locale (searchtext.Index)
// (see package searchtext), recomputed by a hook whenever one of them changes.
type SearchTextMixin struct {
	mixin.Schema
	// Sources are the text fields searched, in order.
	Sources []string
}

// Fields of the mixin.
func (SearchTextMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Text("search_text").Optional().
			Comment("Folded text of the searchable fields; maintained by a hook."),
	}
}

// Hooks of the mixin.
func (m SearchTextMixin) Hooks() []ent.Hook {
	return []ent.Hook{func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, mu ent.Mutation) (ent.Value, error) {
			if !mu.Op().Is(ent.OpCreate | ent.OpUpdateOne) {
				return next.Mutate(ctx, mu)
			}
			changed := false
			parts := make([]string, 0, len(m.Sources))
			for _, name := range m.Sources {
				v, set := mu.Field(name)
				changed = changed || set
				if !set && mu.Op().Is(ent.OpUpdateOne) {
					old, err := mu.OldField(ctx, name)
					if err != nil {
						return nil, err
					}
					v = old
				}
				if s, ok := v.(string); ok {
					parts = append(parts, s)
				}
			}
			if changed {
				locale, err := mutationLocale(ctx, mu)
				if err != nil {
					return nil, err
				}
				if err := mu.SetField("search_text", searchtext.Index(locale, strings.Join(parts, "\n"))); err != nil {
					return nil, err
				}
			}
			return next.Mutate(ctx, mu)
		})
	}}
}

// mutationLocale is the locale of the translation row mu writes.
func mutationLocale(ctx context.Context, mu ent.Mutation) (string, error) {
	if v, ok := mu.Field("locale"); ok {
		s, _ := v.(string)
		return s, nil
	}
	if !mu.Op().Is(ent.OpUpdateOne) {
		return "", nil
	}
	v, err := mu.OldField(ctx, "locale")
	if err != nil {
		return "", err
	}
	s, _ := v.(string)
	return s, nil
}
