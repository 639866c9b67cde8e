package graph_test

import (
	"context"
	"testing"
	"time"

	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
)

const (
	reviewMutation = `mutation($o: ID!, $l: String!, $s: ReviewStatus!) { reviewTranslation(ownerId: $o, locale: $l, status: $s) {
  locale reviewStatus reviewedBy reviewedAt machineTranslated } }`
	reviewResourceMutation = `mutation($r: ID!, $l: String!, $s: ReviewStatus!) { reviewResourceTranslation(resourceId: $r, locale: $l, status: $s) {
  locale reviewStatus reviewedBy reviewedAt machineTranslated } }`
	servedReviewQuery = `query($id: ID!, $l: String) { node(id: $id, locale: $l) {
  ... on Service { servedLocale machineTranslated translationReview { status reviewedAt } }
  ... on Resource { servedLocale machineTranslated translationReview { status reviewedAt } } } }`
)

type reviewedJSON struct {
	Locale, ReviewStatus string
	ReviewedBy           *string
	ReviewedAt           *time.Time
	MachineTranslated    bool
}

type servedReviewJSON struct {
	ServedLocale      string
	MachineTranslated bool
	TranslationReview struct {
		Status     string
		ReviewedAt *time.Time
	}
}

func servedReview(t *testing.T, s *graphtest.Server, id nodeid.ID, locale string) servedReviewJSON {
	t.Helper()
	var got struct{ Node servedReviewJSON }
	s.Do(t, graphtest.Request{Query: servedReviewQuery, Variables: map[string]any{"id": id, "l": locale}}).Decode(t, &got)
	return got.Node
}

// TestTranslationReview: the demo translations are MACHINE and the English
// source REVIEWED; only an editor records a review, under their work name
// and the request's instant; the public sees the status it was served (and
// machineTranslated agrees); coverage counts by status; saving text resets
// the review; MACHINE clears the reviewer.
func TestTranslationReview(t *testing.T) {
	s := graphtest.New(t)
	svc, guide := seed.ID("svc", "legal"), seed.ID("res", "going-to-court")

	for _, tt := range []struct {
		id           nodeid.ID
		locale, want string
		machine      bool
	}{
		{svc, "es", "MACHINE", true}, {svc, "ar", "MACHINE", true}, {svc, "en", "REVIEWED", false},
		{guide, "zh-Hans", "MACHINE", true}, {guide, "en", "REVIEWED", false},
	} {
		got := servedReview(t, s, tt.id, tt.locale)
		if got.ServedLocale != tt.locale || got.TranslationReview.Status != tt.want || got.MachineTranslated != tt.machine {
			t.Errorf("%s in %s: %+v, want %s (machineTranslated %v)", tt.id, tt.locale, got, tt.want, tt.machine)
		}
	}

	vars := map[string]any{"o": svc, "l": "es", "s": "APPROVED"}
	advocate := s.Token(t, viewer.RoleAdvocate)
	if code := mutate(t, s, advocate, reviewMutation, vars).ErrorCode(); code != "FORBIDDEN" {
		t.Errorf("an advocate's review: code %q, want FORBIDDEN", code)
	}
	if code := s.Do(t, graphtest.Request{Query: reviewMutation, Variables: vars}).ErrorCode(); code != "UNAUTHENTICATED" {
		t.Errorf("an anonymous review: code %q, want UNAUTHENTICATED", code)
	}
	if got := servedReview(t, s, svc, "es"); got.TranslationReview.Status != "MACHINE" {
		t.Fatalf("a refused review changed the text's: %+v", got)
	}

	editor, editorID := s.Staff(t, viewer.RoleEditor)
	member, err := s.Client.Staff.Get(graphtest.System(context.Background()), nodeid.ID(editorID))
	if err != nil {
		t.Fatal(err)
	}
	now := s.Now()
	check := func(name string, got reviewedJSON, status string, by *string) {
		t.Helper()
		if got.ReviewStatus != status || got.MachineTranslated != (status == "MACHINE") {
			t.Errorf("%s: %+v, want %s", name, got, status)
		}
		switch {
		case by == nil && (got.ReviewedBy != nil || got.ReviewedAt != nil):
			t.Errorf("%s: reviewer %v at %v, want none", name, got.ReviewedBy, got.ReviewedAt)
		case by != nil && (got.ReviewedBy == nil || *got.ReviewedBy != *by || got.ReviewedAt == nil || !got.ReviewedAt.Equal(now)):
			t.Errorf("%s: reviewer %v at %v, want %s at %v", name, got.ReviewedBy, got.ReviewedAt, *by, now)
		}
	}
	var approved struct{ ReviewTranslation reviewedJSON }
	mutate(t, s, editor, reviewMutation, vars).Decode(t, &approved)
	check("approve", approved.ReviewTranslation, "APPROVED", &member.Name)
	if got := servedReview(t, s, svc, "es"); got.TranslationReview.Status != "APPROVED" || got.MachineTranslated ||
		got.TranslationReview.ReviewedAt == nil || !got.TranslationReview.ReviewedAt.Equal(now) {
		t.Errorf("served after approval: %+v", got)
	}
	if got := servedReview(t, s, svc, "ar"); got.TranslationReview.Status != "MACHINE" {
		t.Errorf("another locale's review changed: %+v", got)
	}

	var reviewedGuide struct{ ReviewResourceTranslation reviewedJSON }
	mutate(t, s, editor, reviewResourceMutation, map[string]any{"r": guide, "l": "zh-Hans", "s": "REVIEWED"}).Decode(t, &reviewedGuide)
	check("review a guide", reviewedGuide.ReviewResourceTranslation, "REVIEWED", &member.Name)
	if got := servedReview(t, s, guide, "zh-Hans"); got.TranslationReview.Status != "REVIEWED" || got.MachineTranslated {
		t.Errorf("guide served after review: %+v", got)
	}

	var coverage struct {
		TranslationCoverage []struct {
			Locale              string
			Services, Resources struct{ Published, Machine, Reviewed, Approved int }
		}
	}
	s.Do(t, graphtest.Request{Query: `{ translationCoverage { locale services { published machine reviewed approved } resources { published machine reviewed approved } } }`,
		Header: graphtest.Bearer(editor)}).Decode(t, &coverage)
	for _, c := range coverage.TranslationCoverage {
		if c.Services.Machine+c.Services.Reviewed+c.Services.Approved != c.Services.Published {
			t.Errorf("%s: services by status %+v do not add up", c.Locale, c.Services)
		}
		switch c.Locale {
		case "es":
			if c.Services.Approved != 1 || c.Services.Reviewed != 0 || c.Services.Machine != c.Services.Published-1 {
				t.Errorf("es services %+v, want one APPROVED, the rest MACHINE", c.Services)
			}
		case "zh-Hans":
			if c.Resources.Reviewed != 1 || c.Resources.Machine != c.Resources.Published-1 {
				t.Errorf("zh-Hans guides %+v, want one REVIEWED", c.Resources)
			}
		case "en":
			if c.Services.Reviewed != c.Services.Published || c.Services.Machine != 0 {
				t.Errorf("en services %+v, want all REVIEWED", c.Services)
			}
		}
	}

	save := `mutation($o: ID!, $m: Boolean) { saveTranslation(input: {ownerId: $o, locale: "es", name: "Apoyo legal", machineTranslated: $m, publish: true}) {
  locale reviewStatus reviewedBy reviewedAt machineTranslated } }`
	var saved struct{ SaveTranslation reviewedJSON }
	mutate(t, s, editor, save, map[string]any{"o": svc, "m": true}).Decode(t, &saved)
	check("machine text saved over an approved one", saved.SaveTranslation, "MACHINE", nil)
	mutate(t, s, editor, save, map[string]any{"o": svc, "m": false}).Decode(t, &saved)
	check("an editor's own text", saved.SaveTranslation, "REVIEWED", &member.Name)
	var reset struct{ ReviewTranslation reviewedJSON }
	mutate(t, s, editor, reviewMutation, map[string]any{"o": svc, "l": "es", "s": "MACHINE"}).Decode(t, &reset)
	check("marked unreviewed", reset.ReviewTranslation, "MACHINE", nil)

	if code := mutate(t, s, editor, reviewMutation, map[string]any{"o": seed.ID("svc", "nope"), "l": "es", "s": "REVIEWED"}).ErrorCode(); code != "NOT_FOUND" {
		t.Errorf("review of a missing text: code %q, want NOT_FOUND", code)
	}
}
