package graph_test

import (
	"testing"

	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
	"victimservices/locales"
)

// The inputs tests: every value a client sends is checked at the edge, the
// same way on SQLite and PostgreSQL, and a bad one is a BAD_USER_INPUT that
// says what is wrong, never an INTERNAL and never stored.

var en, _ = locales.ByCode("en")

// assignedCase opens a case from a fresh client address and assigns it to a
// new advocate; it returns the advocate's token, the case number and ID.
func assignedCase(t *testing.T, s *graphtest.Server) (advocate, number string, id nodeid.ID) {
	t.Helper()
	number, _ = newCase(t, s)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	id = s.Case(t, number).ID
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": id, "a": advocateID}).Decode(t, &struct{}{})
	return advocate, number, id
}

// wantError fails unless resp has exactly one error, with the code and the
// English message.
func wantError(t *testing.T, resp *graphtest.Response, code, message string) {
	t.Helper()
	if len(resp.Errors) != 1 || resp.ErrorCode() != code || resp.Errors[0].Message != message {
		t.Errorf("got %+v, want one %s %q", resp.Errors, code, message)
	}
}

// caseReadsBack fails unless the staff view of the case, with every time it
// holds, reads without an error.
func caseReadsBack(t *testing.T, s *graphtest.Server, token, number string) {
	t.Helper()
	resp := mutate(t, s, token, `query($n: String!) { case(caseNumber: $n) { openedAt firstContactAt closedAt
	  history { at } followUps { dueAt doneAt } courtDates { at }
	  referrals { createdAt consentGivenAt consentWithdrawnAt } } }`, map[string]any{"n": number})
	if len(resp.Errors) > 0 {
		t.Errorf("reading the case back: %+v", resp.Errors)
	}
}

// TestOptionalInputsLeftOut: every optional input may be left out, and what
// was created reads back (a service without a provider was an INTERNAL).
func TestOptionalInputsLeftOut(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	advocate, number, caseID := assignedCase(t, s)
	tests := []struct {
		name, query string
		header      map[string]string
		vars        map[string]any
	}{
		{"service", `mutation { createService(input: {category: SHELTER, hours: {timeZone: "America/Chicago"}}) {
		  id name description email phones { number } languages provider { id } locations { id } openNow opensAt closesAt
		  hours { timeZone alwaysOpen byAppointment periods { day } closures { date } summary } } }`, editor, nil},
		{"service, provider null", `mutation($p: ID) { createService(input: {category: SHELTER, providerId: $p, hours: {timeZone: "America/Chicago"}}) {
		  id provider { id } } }`, editor, map[string]any{"p": nil}},
		{"organization", `mutation { createOrganization(input: {}) { id name description email website phones { number } services { id } } }`, editor, nil},
		{"location", `mutation { createLocation(input: {}) { id name address { street } accessibilityNotes hours { summary } latitude longitude } }`, editor, nil},
		{"guide", `mutation { createResource(input: {slug: "left-out", category: LEGAL_RIGHTS}) { id slug title summary body availableLocales } }`, editor, nil},
		{"translation", `mutation($o: ID!) { saveTranslation(input: {ownerId: $o, locale: "pl", name: "Pomoc"}) { locale name description } }`, editor,
			map[string]any{"o": seed.ID("svc", "legal")}},
		{"guide translation", `mutation($r: ID!) { saveResourceTranslation(input: {resourceId: $r, locale: "pl", title: "Prawa", body: "Tekst"}) { locale title summary } }`, editor,
			map[string]any{"r": seed.ID("res", "restitution")}},
		{"intake", `mutation { requestSupport(input: {preferredLocale: "en", contactMethod: IN_APP, safeToLeaveMessage: false}) { caseNumber urgent emergencyContacts { name } } }`, nil, nil},
		{"referral", `mutation($id: ID!, $p: ID!) { proposeReferral(caseId: $id, partnerId: $p, reason: "Shelter") { id service { id } consentGivenAt } }`, graphtest.Bearer(advocate),
			map[string]any{"id": caseID, "p": seed.ID("org", "harbor")}},
		{"first contact", `mutation($id: ID!) { recordFirstContact(caseId: $id) { firstContactAt } }`, graphtest.Bearer(advocate), map[string]any{"id": caseID}},
		{"report", `{ performanceReport { from to } }`, graphtest.Bearer(s.Token(t, viewer.RoleSupervisor)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := s.DoFrom(t, nextClientAddr(), graphtest.Request{Header: tt.header, Query: tt.query, Variables: tt.vars})
			if len(resp.Errors) > 0 {
				t.Errorf("got %+v, want no error", resp.Errors)
			}
		})
	}
	// What was created is listed too (editors see every service).
	resp := s.Do(t, graphtest.Request{Header: editor, Query: `{ services(first: 100) { edges { node { id provider { id } } } } }`})
	if len(resp.Errors) > 0 {
		t.Errorf("listing services: %+v", resp.Errors)
	}
	caseReadsBack(t, s, advocate, number)
}
