package graph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
	"victimservices/locales"
)

// victimLabels selects every label the code builds in a victim's view of
// their case (free text the advocate or the court wrote is left out).
const victimLabels = `statusLabel events { title } courtDates { description } compensationClaim { statusLabel }
  referrals { statusLabel shareLabel declineReason declineReasonLabel }`

// labelsJSON is the answer to victimLabels.
type labelsJSON struct {
	StatusLabel       string
	Events            []struct{ Title string }
	CourtDates        []struct{ Description string }
	CompensationClaim *struct{ StatusLabel string }
	Referrals         []struct {
		StatusLabel, ShareLabel string
		DeclineReason           *string
		DeclineReasonLabel      *string
	}
}

// labels lists the code-built labels of an answer, in a stable order.
func (v labelsJSON) labels() []string {
	out := []string{v.StatusLabel}
	for _, e := range v.Events {
		out = append(out, e.Title)
	}
	for _, c := range v.CourtDates {
		out = append(out, c.Description)
	}
	if v.CompensationClaim != nil {
		out = append(out, v.CompensationClaim.StatusLabel)
	}
	for _, r := range v.Referrals {
		out = append(out, r.StatusLabel, r.ShareLabel)
		if r.DeclineReasonLabel != nil {
			out = append(out, *r.DeclineReasonLabel)
		}
	}
	return out
}

// TestNoEnglishLabelsInLocalizedAnswers: a victim's case with every kind of
// entry (an advocate, a status change, a court date, a compensation claim, a
// referral declined with an English reason) carries no English label in any
// other locale, read by query or pushed as a live update. The decline reason
// stays as the advocate wrote it, with a label in the reader's language.
func TestNoEnglishLabelsInLocalizedAnswers(t *testing.T) {
	s := graphtest.New(t)
	number, code := s.Intake(t, "en")
	token := s.Session(t, number, code)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	id := s.Case(t, number).ID
	ok := func(resp *graphtest.Response) {
		t.Helper()
		if len(resp.Errors) > 0 {
			t.Fatalf("%+v", resp.Errors)
		}
	}
	ok(mutate(t, s, supervisor, assignMutation, map[string]any{"id": id, "a": advocateID}))
	ok(mutate(t, s, advocate, `mutation($id: ID!) { addCourtDate(caseId: $id, input: {at: "2026-12-10T15:00:00Z", courtName: "Cook County Circuit Court", hearing: ARRAIGNMENT}) { id } }`, map[string]any{"id": id}))
	ok(mutate(t, s, advocate, `mutation($id: ID!) { updateCompensationClaim(caseId: $id, status: FILED) { id } }`, map[string]any{"id": id}))
	var proposed struct{ ProposeReferral struct{ ID string } }
	mutate(t, s, advocate, proposeMutation, map[string]any{"id": id, "p": seed.ID("org", "harbor")}).Decode(t, &proposed)
	ref := map[string]any{"r": proposed.ProposeReferral.ID}
	ok(s.Do(t, graphtest.Request{Query: `mutation($r: ID!) { giveReferralConsent(referralId: $r, share: NAME_AND_CONTACT) { id } }`, Variables: ref, Header: graphtest.Bearer(token)}))
	ok(mutate(t, s, advocate, `mutation($r: ID!) { sendReferral(referralId: $r) { id } }`, ref))
	const reason = "No room this week."
	ok(mutate(t, s, advocate, `mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: false, declineReason: "`+reason+`") { id } }`, ref))

	read := func(locale string) labelsJSON {
		var got struct{ MyCase labelsJSON }
		s.Do(t, graphtest.Request{Query: `query($l: String) { myCase(locale: $l) { ` + victimLabels + ` } }`,
			Variables: map[string]any{"l": locale}, Header: graphtest.Bearer(token)}).Decode(t, &got)
		return got.MyCase
	}
	english := read("en")
	if len(english.Referrals) != 1 || english.Referrals[0].DeclineReasonLabel == nil || len(english.CourtDates) != 1 || english.CompensationClaim == nil {
		t.Fatalf("the case lacks an entry to check: %+v", english)
	}
	englishLabels := english.labels()
	isEnglish := map[string]bool{}
	for _, label := range englishLabels {
		isEnglish[label] = true
	}
	check := func(t *testing.T, l *locales.Locale, got labelsJSON, want int) {
		t.Helper()
		labels := got.labels()
		if len(labels) != want {
			t.Fatalf("%d labels, want %d: %q", len(labels), want, labels)
		}
		for _, label := range labels {
			if isEnglish[label] || strings.Contains(label, "<no value>") {
				t.Errorf("English label %q in %s", label, l.Code)
			}
		}
		r := got.Referrals[0]
		if r.DeclineReason == nil || *r.DeclineReason != reason {
			t.Errorf("declineReason %v, want it as written", r.DeclineReason)
		}
		if want := l.T("referral.declineReasonLabel", nil); r.DeclineReasonLabel == nil || *r.DeclineReasonLabel != want {
			t.Errorf("declineReasonLabel %v, want %q", r.DeclineReasonLabel, want)
		}
	}
	for _, l := range locales.Supported[1:] {
		t.Run(l.Code, func(t *testing.T) { check(t, l, read(l.Code), len(englishLabels)) })
	}

	t.Run("live update", func(t *testing.T) {
		srv := s.HTTP(t)
		subscribe := func(code string) *graphtest.Subscription {
			sub, err := graphtest.Subscribe(t, srv, token, `subscription($l: String) { myCaseUpdated(locale: $l) { `+victimLabels+` } }`, map[string]any{"l": code})
			if err != nil {
				t.Fatal(err)
			}
			return sub
		}
		ar := subscribe("ar")
		updates := map[string]json.RawMessage{"es": updateOnProgress(t, s, supervisor, number, subscribe("es"))}
		data, ok := ar.Next(t, 5*time.Second)
		if !ok {
			t.Fatalf("no update in ar (%v)", ar.Err)
		}
		updates["ar"] = data
		// The status moved on, and its change is one more timeline entry.
		isEnglish[english.StatusLabel] = false
		for code, data := range updates {
			var got struct{ MyCaseUpdated labelsJSON }
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatal(err)
			}
			l, _ := locales.ByCode(code)
			check(t, l, got.MyCaseUpdated, len(englishLabels)+1)
			if want := l.T("caseStatus.IN_PROGRESS", nil); got.MyCaseUpdated.StatusLabel != want {
				t.Errorf("%s: statusLabel %q, want %q", code, got.MyCaseUpdated.StatusLabel, want)
			}
		}
	})
}
