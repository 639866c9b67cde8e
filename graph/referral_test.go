package graph_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
	"victimservices/locales"
)

const intakeMutation = `mutation($in: SupportRequestInput!) { requestSupport(input: $in) {
  caseNumber accessCode urgent emergencyMessage
  emergencyContacts { name servedLocale phones { number telUri } }
} }`

type intakeJSON struct {
	RequestSupport struct {
		CaseNumber, AccessCode string
		Urgent                 bool
		EmergencyMessage       *string
		EmergencyContacts      []struct {
			Name, ServedLocale string
			Phones             []struct{ Number, TelURI string }
		}
	}
}

func intake(t *testing.T, s *graphtest.Server, addr string, in map[string]any) intakeJSON {
	t.Helper()
	base := map[string]any{"preferredLocale": "es-MX", "contactMethod": "IN_APP", "safeToLeaveMessage": false}
	for k, v := range in {
		base[k] = v
	}
	var got intakeJSON
	s.DoFrom(t, addr, graphtest.Request{Query: intakeMutation, Variables: map[string]any{"in": base}}).Decode(t, &got)
	return got
}

// TestUnsafeIntake: a person who is not safe gets the emergency contacts from
// the directory in their language at once, and their case heads the list.
func TestUnsafeIntake(t *testing.T) {
	s := graphtest.New(t)
	es, _ := locales.ByCode("es")
	for _, in := range []map[string]any{{"safeNow": false}, {"immediateDanger": true}} {
		got := intake(t, s, "192.0.2.7:1", in).RequestSupport
		if !got.Urgent || got.EmergencyMessage == nil || *got.EmergencyMessage != es.T("emergency.title", nil) {
			t.Fatalf("%v: urgent %v message %v", in, got.Urgent, got.EmergencyMessage)
		}
		if len(got.EmergencyContacts) != 4 || got.EmergencyContacts[0].Phones[0].TelURI != "tel:911" ||
			got.EmergencyContacts[1].Phones[0].TelURI != "tel:+13125551234" {
			t.Fatalf("contacts %+v, want 911, the 24/7 line, then the 2 national lines", got.EmergencyContacts)
		}
		for _, c := range got.EmergencyContacts {
			if c.ServedLocale != "es" || c.Name == "" {
				t.Errorf("contact %+v not in Spanish", c)
			}
		}
	}
	safe := intake(t, s, "192.0.2.8:1", map[string]any{"safeNow": true}).RequestSupport
	if safe.Urgent || len(safe.EmergencyContacts) != 0 || safe.EmergencyMessage != nil {
		t.Errorf("safe intake: %+v", safe)
	}
	// The advocate's list puts the urgent case first, even if it is older.
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	urgent := intake(t, s, "192.0.2.9:1", map[string]any{"safeNow": false}).RequestSupport.CaseNumber
	s.SetNow(s.Now().Add(time.Hour))
	calm := intake(t, s, "192.0.2.9:1", nil).RequestSupport.CaseNumber
	for _, n := range []string{calm, urgent} {
		mutate(t, s, supervisor, assignMutation, map[string]any{"id": s.Case(t, n).ID, "a": advocateID}).Decode(t, &struct{}{})
	}
	var list struct {
		Cases struct {
			Edges []struct {
				Node struct {
					CaseNumber string
					Urgent     bool
				}
			}
		}
	}
	mutate(t, s, advocate, `{ cases { edges { node { caseNumber urgent } } } }`, nil).Decode(t, &list)
	if len(list.Cases.Edges) != 2 || list.Cases.Edges[0].Node.CaseNumber != urgent || !list.Cases.Edges[0].Node.Urgent {
		t.Errorf("advocate's list %+v, want the urgent case first", list.Cases.Edges)
	}
}

const (
	proposeMutation = `mutation($id: ID!, $p: ID!) { proposeReferral(caseId: $id, partnerId: $p, reason: "Needs representation at the hearing") { id status } }`
	packetQuery     = `query($n: String!) { case(caseNumber: $n) { referrals { id status share sharedWithPartner { phone email summary safeContact } } } }`
)

type packetJSON struct {
	Case struct {
		Referrals []struct {
			ID, Status, Share string
			SharedWithPartner struct{ Phone, Email, Summary, SafeContact *string }
		}
	}
}

func victimReferrals(t *testing.T, s *graphtest.Server, token string) []struct{ ID, Status, StatusLabel, Share string } {
	t.Helper()
	var got struct {
		MyCase struct {
			Referrals []struct{ ID, Status, StatusLabel, Share string }
			Events    []struct{ Title string }
		}
	}
	s.Do(t, graphtest.Request{Query: `{ myCase(locale: "es") { referrals { id status statusLabel share partner { name email } } events { title } } }`,
		Header: graphtest.Bearer(token)}).Decode(t, &got)
	return got.MyCase.Referrals
}

// TestReferralFlow: nothing personal without consent; with consent the
// referral moves through its states, each visible to the person in their
// language; withdrawing consent stops a referral.
func TestReferralFlow(t *testing.T) {
	s := graphtest.New(t)
	number, code := s.Intake(t, "es")
	token := s.Session(t, number, code)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	id := s.Case(t, number).ID
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": id, "a": advocateID}).Decode(t, &struct{}{})

	var proposed struct{ ProposeReferral struct{ ID, Status string } }
	mutate(t, s, advocate, proposeMutation, map[string]any{"id": id, "p": seed.ID("org", "cvn")}).Decode(t, &proposed)
	ref := proposed.ProposeReferral.ID
	var packet packetJSON
	mutate(t, s, advocate, packetQuery, map[string]any{"n": number}).Decode(t, &packet)
	p := packet.Case.Referrals[0].SharedWithPartner
	if p.Phone != nil || p.Email != nil || p.Summary != nil || p.SafeContact != nil {
		t.Fatalf("packet without consent: %+v", p)
	}
	step := func(tok, query string, wantCode string) {
		t.Helper()
		resp := mutate(t, s, tok, query, map[string]any{"r": ref})
		if resp.ErrorCode() != wantCode {
			t.Fatalf("%s: code %q, want %q (%+v)", query, resp.ErrorCode(), wantCode, resp.Errors)
		}
	}
	step(advocate, `mutation($r: ID!) { sendReferral(referralId: $r) { status } }`, "BAD_USER_INPUT")
	es, _ := locales.ByCode("es")
	check := func(wantStatus string) {
		t.Helper()
		got := victimReferrals(t, s, token)
		if len(got) != 1 || got[0].Status != wantStatus || got[0].StatusLabel != es.T("referralStatus."+wantStatus, nil) {
			t.Errorf("victim sees %+v, want %s in Spanish", got, wantStatus)
		}
	}
	check("PROPOSED")
	step(token, `mutation($r: ID!) { giveReferralConsent(referralId: $r, share: CASE_SUMMARY) { status } }`, "")
	check("CONSENTED")
	mutate(t, s, advocate, packetQuery, map[string]any{"n": number}).Decode(t, &packet)
	if p := packet.Case.Referrals[0].SharedWithPartner; p.Phone == nil || p.Summary == nil || *p.Summary != "Someone broke into my car." {
		t.Errorf("packet with consent: %+v", p)
	}
	step(advocate, `mutation($r: ID!) { sendReferral(referralId: $r) { status } }`, "")
	check("SENT")
	step(advocate, `mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: false) { status } }`, "BAD_USER_INPUT")
	step(advocate, `mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: true) { status } }`, "")
	check("ACCEPTED")
	step(advocate, `mutation($r: ID!) { completeReferral(referralId: $r) { status } }`, "")
	check("COMPLETED")
	step(token, `mutation($r: ID!) { withdrawReferralConsent(referralId: $r) { status } }`, "BAD_USER_INPUT")

	// A second referral: consent, then the person withdraws it in the app.
	mutate(t, s, advocate, proposeMutation, map[string]any{"id": id, "p": seed.ID("org", "harbor")}).Decode(t, &proposed)
	ref = proposed.ProposeReferral.ID
	step(advocate, `mutation($r: ID!) { recordReferralConsent(referralId: $r, share: NAME_AND_CONTACT, method: SPOKEN) { status } }`, "")
	step(token, `mutation($r: ID!) { withdrawReferralConsent(referralId: $r) { status } }`, "")
	step(advocate, `mutation($r: ID!) { sendReferral(referralId: $r) { status } }`, "BAD_USER_INPUT")
	mutate(t, s, advocate, packetQuery, map[string]any{"n": number}).Decode(t, &packet)
	for _, r := range packet.Case.Referrals {
		if r.ID == ref && (r.Status != "WITHDRAWN" || r.SharedWithPartner.Phone != nil) {
			t.Errorf("withdrawn referral %+v", r)
		}
	}
	// Each step is on the person's timeline.
	var timeline struct {
		MyCase struct{ Events []struct{ Title string } }
	}
	s.Do(t, graphtest.Request{Query: `{ myCase(locale: "es") { events { title } } }`, Header: graphtest.Bearer(token)}).Decode(t, &timeline)
	n := 0
	for _, e := range timeline.MyCase.Events {
		if strings.HasPrefix(e.Title, strings.Split(es.T("event.REFERRAL_UPDATED", map[string]any{"Status": ""}), ":")[0]) {
			n++
		}
	}
	if n != 8 { // five steps of the first referral, three of the second
		t.Errorf("%d referral entries on the timeline, want 8", n)
	}
}

// TestReferralAccess: only the case's advocate and supervisors propose or
// change referrals; another victim, another advocate, editors and the public
// reach nothing.
func TestReferralAccess(t *testing.T) {
	s := graphtest.New(t)
	numberA, codeA := s.Intake(t, "en")
	numberB, codeB := s.Intake(t, "en")
	supervisor := s.Token(t, viewer.RoleSupervisor)
	assigned, assignedID := s.Staff(t, viewer.RoleAdvocate)
	other := s.Token(t, viewer.RoleAdvocate)
	id := s.Case(t, numberA).ID
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": id, "a": assignedID}).Decode(t, &struct{}{})
	var proposed struct{ ProposeReferral struct{ ID string } }
	mutate(t, s, assigned, proposeMutation, map[string]any{"id": id, "p": seed.ID("org", "renewal")}).Decode(t, &proposed)
	ref := proposed.ProposeReferral.ID
	_ = s.Session(t, numberA, codeA)
	denied := map[string]string{
		"anonymous": "", "victim B": s.Session(t, numberB, codeB), "other advocate": other, "editor": s.Token(t, viewer.RoleEditor),
	}
	ops := []string{
		`mutation($id: ID!, $p: ID!) { proposeReferral(caseId: $id, partnerId: $p, reason: "x") { id } }`,
		`mutation($r: ID!) { recordReferralConsent(referralId: $r, share: CASE_SUMMARY, method: SPOKEN) { id } }`,
		`mutation($r: ID!) { recordReferralWithdrawal(referralId: $r) { id } }`,
		`mutation($r: ID!) { giveReferralConsent(referralId: $r, share: CASE_SUMMARY) { id } }`,
		`mutation($r: ID!) { withdrawReferralConsent(referralId: $r) { id } }`,
		`query($n: String!) { case(caseNumber: $n) { referrals { id sharedWithPartner { phone } } } }`,
	}
	for name, token := range denied {
		for _, op := range ops {
			resp := s.Do(t, graphtest.Request{Query: op, Header: bearer(token),
				Variables: varsFor(op, map[string]any{"id": id, "p": seed.ID("org", "cvn"), "r": ref, "n": numberA})})
			if strings.Contains(string(resp.Data), ref) || resp.ErrorCode() == "" && !strings.Contains(string(resp.Data), "null") {
				t.Errorf("%s reached the referral with %q: %s %+v", name, op[:30], resp.Data, resp.Errors)
			}
		}
	}
	var packet packetJSON
	mutate(t, s, assigned, packetQuery, map[string]any{"n": numberA}).Decode(t, &packet)
	if len(packet.Case.Referrals) != 1 || packet.Case.Referrals[0].Status != "PROPOSED" {
		t.Errorf("after refused attempts: %+v", packet.Case.Referrals)
	}
}

// TestReferralAndUrgentKPIs: the urgent first-contact figure and the referral
// counts per partner equal a hand-computed fixture.
func TestReferralAndUrgentKPIs(t *testing.T) {
	s := graphtest.New(t)
	t0 := time.Date(2026, 10, 5, 15, 0, 0, 0, time.UTC)
	s.SetNow(t0)
	_, supervisorID := s.Staff(t, viewer.RoleSupervisor)
	u1 := intake(t, s, "192.0.2.20:1", map[string]any{"safeNow": false}).RequestSupport.CaseNumber
	u2 := intake(t, s, "192.0.2.21:1", map[string]any{"immediateDanger": true}).RequestSupport.CaseNumber
	calm := intake(t, s, "192.0.2.22:1", nil).RequestSupport.CaseNumber
	for _, n := range []string{u1, u2, calm} {
		mutate(t, s, s.TokenFor(t, supervisorID), assignMutation, map[string]any{"id": s.Case(t, n).ID, "a": supervisorID}).Decode(t, &struct{}{})
	}
	contact := func(n string, after time.Duration) {
		s.SetNow(t0.Add(after))
		mutate(t, s, s.TokenFor(t, supervisorID), `mutation($id: ID!) { recordFirstContact(caseId: $id) { version } }`, map[string]any{"id": s.Case(t, n).ID}).Decode(t, &struct{}{})
	}
	contact(u1, 1*time.Hour)
	contact(u2, 2*time.Hour)
	contact(calm, 30*time.Hour)
	// Referrals: cvn accepted then completed, cvn declined, harbor proposed.
	propose := func(n, partner string) string {
		var out struct{ ProposeReferral struct{ ID string } }
		mutate(t, s, s.TokenFor(t, supervisorID), proposeMutation, map[string]any{"id": s.Case(t, n).ID, "p": seed.ID("org", partner)}).Decode(t, &out)
		return out.ProposeReferral.ID
	}
	run := func(ref string, steps ...string) {
		for _, q := range steps {
			mutate(t, s, s.TokenFor(t, supervisorID), q, map[string]any{"r": ref}).Decode(t, &struct{}{})
		}
	}
	consent := `mutation($r: ID!) { recordReferralConsent(referralId: $r, share: NAME_AND_CONTACT, method: WRITTEN) { id } }`
	send := `mutation($r: ID!) { sendReferral(referralId: $r) { id } }`
	run(propose(u1, "cvn"), consent, send, `mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: true) { id } }`,
		`mutation($r: ID!) { completeReferral(referralId: $r) { id } }`)
	run(propose(u2, "cvn"), consent, send, `mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: false, declineReason: "No capacity this month") { id } }`)
	propose(calm, "harbor")

	var got struct {
		PerformanceReport struct {
			InitialContact, UrgentInitialContact struct {
				Current    *float64
				SampleSize int
			}
			Referrals []struct {
				Partner                              struct{ Email string }
				Total, Accepted, Completed, Declined int
			}
		}
	}
	s.SetNow(t0.Add(3 * 24 * time.Hour))
	mutate(t, s, s.Token(t, viewer.RoleSupervisor), `{ performanceReport { initialContact { current sampleSize } urgentInitialContact { current sampleSize }
	  referrals { partner { email } total accepted completed declined } } }`, nil).Decode(t, &got)
	r := got.PerformanceReport
	if r.UrgentInitialContact.Current == nil || math.Abs(*r.UrgentInitialContact.Current-1.5) > 1e-6 || r.UrgentInitialContact.SampleSize != 2 {
		t.Errorf("urgent first contact %+v, want 1.5 hours over 2", r.UrgentInitialContact)
	}
	if r.InitialContact.Current == nil || math.Abs(*r.InitialContact.Current-11) > 1e-6 || r.InitialContact.SampleSize != 3 {
		t.Errorf("first contact %+v, want 11 hours over 3", r.InitialContact)
	}
	want := map[string][4]int{"support@cvn.org": {2, 1, 1, 1}, "info@harborsafe.org": {1, 0, 0, 0}, "contact@renewalmhc.org": {0, 0, 0, 0}}
	for _, p := range r.Referrals {
		w := want[p.Partner.Email]
		if [4]int{p.Total, p.Accepted, p.Completed, p.Declined} != w {
			b, _ := json.Marshal(p)
			t.Errorf("partner %s: %s, want %v", p.Partner.Email, b, w)
		}
	}
	if len(r.Referrals) != 3 {
		t.Errorf("%d partners", len(r.Referrals))
	}
}

// TestReferralTimelineLocalized: the timeline entry of a referral step names
// the step in the reader's language, in every locale (it read "Referral to
// a partner: <no value>" everywhere).
func TestReferralTimelineLocalized(t *testing.T) {
	s := graphtest.New(t)
	number, code := s.Intake(t, "es")
	token := s.Session(t, number, code)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	id := s.Case(t, number).ID
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": id, "a": advocateID}).Decode(t, &struct{}{})
	mutate(t, s, advocate, proposeMutation, map[string]any{"id": id, "p": seed.ID("org", "cvn")}).Decode(t, &struct{}{})
	for _, l := range locales.Supported {
		t.Run(l.Code, func(t *testing.T) {
			var got struct {
				MyCase struct{ Events []struct{ Title string } }
			}
			s.Do(t, graphtest.Request{Query: `query($l: String) { myCase(locale: $l) { events { title } } }`,
				Variables: map[string]any{"l": l.Code}, Header: graphtest.Bearer(token)}).Decode(t, &got)
			want := l.T("event.REFERRAL_UPDATED", map[string]any{"Status": l.T("referralStatus.PROPOSED", nil)})
			found := false
			for _, e := range got.MyCase.Events {
				if strings.Contains(e.Title, "<no value>") {
					t.Errorf("title %q", e.Title)
				}
				found = found || e.Title == want
			}
			if !found {
				t.Errorf("no entry %q among %+v", want, got.MyCase.Events)
			}
		})
	}
}
