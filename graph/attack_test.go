package graph_test

// Attack probes (security review of the one-home refactor and the new
// authorization). TestAttackFinding* tests assert the secure behaviour and
// FAIL while the hole is open; TestAttackHolds* tests are probes that held.

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"victimservices/ent/caseevent"
	"victimservices/ent/referral"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/staff"
	"victimservices/graph/graphtest"
	"victimservices/graph/httpapi"
	"victimservices/internal/auth"
	"victimservices/internal/seed"
)

// attackFixture is one case with its victim's session, an assigned advocate
// and a PROPOSED referral.
type attackFixture struct {
	number   string
	id       nodeid.ID
	victim   string
	referral string
}

func newAttackFixture(t *testing.T, s *graphtest.Server, supervisor, advocateID string) *attackFixture {
	t.Helper()
	number, code := newCase(t, s)
	f := &attackFixture{number: number, id: s.Case(t, number).ID, victim: s.Session(t, number, code)}
	mutate(t, s, supervisor, assignMutation, map[string]any{"id": f.id, "a": advocateID}).Decode(t, &struct{}{})
	var proposed struct{ ProposeReferral struct{ ID string } }
	mutate(t, s, supervisor, proposeMutation, map[string]any{"id": f.id, "p": seed.ID("org", "cvn")}).Decode(t, &proposed)
	f.referral = proposed.ProposeReferral.ID
	return f
}

func referralStatus(t *testing.T, s *graphtest.Server, id string) *referralRow {
	t.Helper()
	r, err := s.Client.Referral.Get(graphtest.System(context.Background()), nodeid.ID(id))
	if err != nil {
		t.Fatal(err)
	}
	return &referralRow{Status: r.Status, Method: r.ConsentMethod, GivenAt: r.ConsentGivenAt}
}

type referralRow struct {
	Status  referral.Status
	Method  *referral.ConsentMethod
	GivenAt *time.Time
}

// TestAttackFindingVictimUsesStaffConsentMutation: a victim session calls the
// STAFF mutation recordReferralConsent on a referral of their own case, with
// method IN_APP (the only method the rule lets a victim set) and a givenAt
// years in the past. The rule (victimReferralChange) accepts it, because it
// checks only the fields, not which mutation sets them: the victim backdates
// their consent, and reads the staff view of the referral (Referral.reason,
// "Why the advocate refers the case", which VictimReferral leaves out).
// Want: FORBIDDEN (staff mutation), nothing changed, no staff-only field.
func TestAttackVictimUsesStaffConsentMutation(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	_, advocateID := s.Staff(t, viewer.RoleAdvocate)
	f := newAttackFixture(t, s, supervisor, advocateID)
	before := stateOf(t, s, f.id)
	resp := mutate(t, s, f.victim, `mutation($r: ID!) { recordReferralConsent(referralId: $r, share: CASE_SUMMARY, method: IN_APP, givenAt: "2019-01-01T00:00:00Z") { status reason consentGivenAt consentMethod } }`,
		map[string]any{"r": f.referral})
	after := stateOf(t, s, f.id)
	row := referralStatus(t, s, f.referral)
	t.Logf("answer: data %s errors %+v; referral now %s given %v", resp.Data, resp.Errors, row.Status, row.GivenAt)
	if resp.ErrorCode() != "FORBIDDEN" {
		t.Errorf("victim recordReferralConsent: code %q, want FORBIDDEN", resp.ErrorCode())
	}
	if strings.Contains(string(resp.Data), "Needs representation") {
		t.Errorf("victim read the staff-only Referral.reason: %s", resp.Data)
	}
	if row.Status != referral.StatusPROPOSED || after != before {
		t.Errorf("victim's call to a staff mutation changed the referral (%s, consent given at %v) and the case %+v → %+v; want nothing changed",
			row.Status, row.GivenAt, before, after)
	}
}

// TestAttackFindingVictimUsesStaffWithdrawalMutation: the same with
// recordReferralWithdrawal: the victim gets the staff Referral view (reason,
// consentMethod) of their referral back.
func TestAttackVictimUsesStaffWithdrawalMutation(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	_, advocateID := s.Staff(t, viewer.RoleAdvocate)
	f := newAttackFixture(t, s, supervisor, advocateID)
	resp := mutate(t, s, f.victim, `mutation($r: ID!) { recordReferralWithdrawal(referralId: $r) { status reason createdAt } }`,
		map[string]any{"r": f.referral})
	t.Logf("answer: data %s errors %+v", resp.Data, resp.Errors)
	if resp.ErrorCode() != "FORBIDDEN" || strings.Contains(string(resp.Data), "Needs representation") {
		t.Errorf("victim recordReferralWithdrawal: code %q data %s, want FORBIDDEN and no staff view", resp.ErrorCode(), resp.Data)
	}
}

// TestAttackFindingReferralStepsOnClosedCase: proposeReferral refuses a
// closed case (OpenOnly) but no referral step does: after closeCase the
// victim can still consent (and staff can send the referral, sharing the
// person's contact details with the partner on a case the unit closed).
// Want: BAD_USER_INPUT (case closed), as for every other change of a
// closed case. (Design question: flagging it; the fix may be OpenOnly on
// consent/send/accept but not on withdraw.)
func TestAttackReferralStepsOnClosedCase(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	_, advocateID := s.Staff(t, viewer.RoleAdvocate)
	f := newAttackFixture(t, s, supervisor, advocateID)
	mutate(t, s, supervisor, `mutation($id: ID!) { closeCase(caseId: $id, outcome: RESOLVED) { id } }`, map[string]any{"id": f.id}).Decode(t, &struct{}{})
	resp := mutate(t, s, f.victim, `mutation($r: ID!) { giveReferralConsent(referralId: $r, share: CASE_SUMMARY) { status } }`, map[string]any{"r": f.referral})
	if resp.ErrorCode() != "BAD_USER_INPUT" {
		t.Errorf("victim consents on a closed case: code %q data %s, want BAD_USER_INPUT (case closed)", resp.ErrorCode(), resp.Data)
	}
	resp = mutate(t, s, supervisor, `mutation($r: ID!) { sendReferral(referralId: $r) { status sharedWithPartner { phone summary } } }`, map[string]any{"r": f.referral})
	if resp.ErrorCode() != "BAD_USER_INPUT" {
		t.Errorf("staff send a referral of a closed case: code %q data %s, want BAD_USER_INPUT (case closed)", resp.ErrorCode(), resp.Data)
	}
}

// TestAttackFindingIdentityProviderTokensOutliveRevocation: for a staff
// member signed in through the identity provider, signOutStaffEverywhere
// ends nothing (no token version is checked) and changeStaffRole changes
// nothing (the role comes from the token's claim, not the account), while
// the README says demoting or signing out everywhere "ends earlier tokens at
// once". Want: the token refused (401 UNAUTHENTICATED) after either.
func TestAttackIdentityProviderTokensOutliveRevocation(t *testing.T) {
	keys := &jwks{}
	idp := httptest.NewServer(keys)
	t.Cleanup(idp.Close)
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	keys.add("rsa-1", &rsaKey.PublicKey)
	s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) {
		o.OIDC = &auth.OIDC{JWKSURL: idp.URL, Issuer: "https://id.city.example", Audience: "victim-services", RoleClaim: "groups", MinRefresh: time.Millisecond}
	}))
	admin := s.Token(t, viewer.RoleAdmin)
	// changeStaffRole on an identity-provider account is refused (the
	// provider owns its role: README, Staff tokens); see below.
	for _, tt := range []struct{ name, sub, mutation string }{
		{"signOutStaffEverywhere", "u-sign-out", `mutation($id: ID!) { signOutStaffEverywhere(staffId: $id) { id } }`},
		{"disableStaff", "u-disable", `mutation($id: ID!) { disableStaff(staffId: $id) { id } }`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			token := idpToken(t, jwt.SigningMethodRS256, rsaKey, "rsa-1", jwt.MapClaims{
				"iss": "https://id.city.example", "aud": "victim-services", "sub": tt.sub, "name": "Sam Supervisor",
				"groups": []string{"supervisor"}, "exp": s.Now().Add(time.Hour).Unix()})
			if resp := s.Do(t, graphtest.Request{Query: whoAmI, Header: graphtest.Bearer(token)}); resp.ErrorCode() != "" {
				t.Fatalf("before: %+v", resp.Errors)
			}
			m, err := s.Client.Staff.Query().Where(staff.ExternalID(tt.sub)).Only(graphtest.System(context.Background()))
			if err != nil {
				t.Fatal(err)
			}
			if resp := mutate(t, s, admin, tt.mutation, map[string]any{"id": m.ID}); resp.ErrorCode() != "" {
				t.Fatalf("%s: %+v", tt.name, resp.Errors)
			}
			resp := s.Do(t, graphtest.Request{Query: whoAmI, Header: graphtest.Bearer(token)})
			if resp.Status != http.StatusUnauthorized {
				t.Errorf("identity-provider token after %s: status %d code %q data %s, want 401 UNAUTHENTICATED (still reads every case as a supervisor)",
					tt.name, resp.Status, resp.ErrorCode(), resp.Data)
			}
		})
	}
	t.Run("changeStaffRole is the provider's", func(t *testing.T) {
		token := idpToken(t, jwt.SigningMethodRS256, rsaKey, "rsa-1", jwt.MapClaims{
			"iss": "https://id.city.example", "aud": "victim-services", "sub": "u-demote", "name": "Sam Supervisor",
			"groups": []string{"supervisor"}, "exp": s.Now().Add(time.Hour).Unix()})
		if resp := s.Do(t, graphtest.Request{Query: whoAmI, Header: graphtest.Bearer(token)}); resp.ErrorCode() != "" {
			t.Fatalf("before: %+v", resp.Errors)
		}
		m, err := s.Client.Staff.Query().Where(staff.ExternalID("u-demote")).Only(graphtest.System(context.Background()))
		if err != nil {
			t.Fatal(err)
		}
		resp := mutate(t, s, admin, `mutation($id: ID!) { changeStaffRole(staffId: $id, role: EDITOR) { role } }`, map[string]any{"id": m.ID})
		if resp.ErrorCode() != "BAD_USER_INPUT" {
			t.Errorf("changeStaffRole on an identity-provider account: code %q, want BAD_USER_INPUT", resp.ErrorCode())
		}
		if after, _ := s.Client.Staff.Get(graphtest.System(context.Background()), m.ID); after.Role != m.Role || after.TokenVersion != m.TokenVersion {
			t.Errorf("the refused change changed the account: %+v", after)
		}
	})
}

// TestAttackHoldsVictimAndOthersCannotChangeCases: every case and referral
// mutation, and every staff/admin mutation, as a victim of the case, as the
// victim of another case, anonymously, as an editor, as an admin and as an
// unassigned advocate: refused, and the case, its history, its audit trail
// and the referral unchanged.
func TestAttackHoldsVictimAndOthersCannotChangeCases(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	_, advocateID := s.Staff(t, viewer.RoleAdvocate)
	other := s.Token(t, viewer.RoleAdvocate)
	f := newAttackFixture(t, s, supervisor, advocateID)
	g := newAttackFixture(t, s, supervisor, advocateID) // another case
	// a follow-up on f
	mutate(t, s, supervisor, `mutation($id: ID!) { scheduleFollowUp(caseId: $id, dueAt: "2026-12-01T15:00:00Z") { id } }`, map[string]any{"id": f.id}).Decode(t, &struct{}{})
	fu, err := s.Client.FollowUp.Query().All(graphtest.System(context.Background()))
	if err != nil || len(fu) == 0 {
		t.Fatal(err)
	}
	_, editorStaffID := s.Staff(t, viewer.RoleEditor)
	viewers := []struct{ name, token string }{
		{"victim of the case", f.victim},
		{"victim of another case", g.victim},
		{"anonymous", ""},
		{"editor", s.Token(t, viewer.RoleEditor)},
		{"admin", s.Token(t, viewer.RoleAdmin)},
		{"unassigned advocate", other},
	}
	ops := []string{
		`mutation($id: ID!) { updateCaseStatus(caseId: $id, status: IN_PROGRESS) { version } }`,
		`mutation($id: ID!) { updateCaseStatus(caseId: $id, status: CLOSED) { version } }`,
		`mutation($id: ID!, $a: ID!) { assignAdvocate(caseId: $id, advocateId: $a) { version } }`,
		`mutation($id: ID!) { recordFirstContact(caseId: $id) { version } }`,
		`mutation($id: ID!) { addCaseNote(caseId: $id, detail: "x", victimVisible: true) { version } }`,
		`mutation($id: ID!) { addCaseNote(caseId: $id, detail: "x", victimVisible: false) { version } }`,
		`mutation($id: ID!) { scheduleFollowUp(caseId: $id, dueAt: "2026-12-01T15:00:00Z") { version } }`,
		`mutation($f: ID!) { completeFollowUp(followUpId: $f) { version } }`,
		`mutation($id: ID!) { addCourtDate(caseId: $id, input: {at: "2026-12-10T15:00:00Z", courtName: "Cook County"}) { version } }`,
		`mutation($id: ID!) { updateCompensationClaim(caseId: $id, status: FILED) { version } }`,
		`mutation($id: ID!) { closeCase(caseId: $id, outcome: RESOLVED) { version } }`,
		`mutation($id: ID!) { reissueAccessCode(caseId: $id) { accessCode } }`,
		`mutation($id: ID!, $p: ID!) { proposeReferral(caseId: $id, partnerId: $p, reason: "x") { id } }`,
		`mutation($r: ID!) { recordReferralConsent(referralId: $r, share: CASE_SUMMARY, method: SPOKEN) { id } }`,
		`mutation($r: ID!) { recordReferralConsent(referralId: $r, share: CASE_SUMMARY, method: WRITTEN) { id } }`,
		`mutation($r: ID!) { sendReferral(referralId: $r) { id } }`,
		`mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: true) { id } }`,
		`mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: false, declineReason: "no") { id } }`,
		`mutation($r: ID!) { completeReferral(referralId: $r) { id } }`,
		`mutation($e: ID!) { changeStaffRole(staffId: $e, role: ADMIN) { role } }`,
		`mutation($e: ID!) { disableStaff(staffId: $e) { disabled } }`,
		`mutation($e: ID!) { signOutStaffEverywhere(staffId: $e) { id } }`,
	}
	vars := map[string]any{"id": f.id, "a": advocateID, "f": fu[0].ID, "p": seed.ID("org", "cvn"), "r": f.referral, "e": editorStaffID}
	for _, v := range viewers {
		for _, op := range ops {
			if v.name == "admin" && strings.Contains(op, "Staff") {
				continue
			}
			t.Run(v.name+"/"+strings.Fields(op[strings.Index(op, "{")+1:])[0], func(t *testing.T) {
				before, beforeRef := stateOf(t, s, f.id), referralStatus(t, s, f.referral)
				ed := staffMember(t, s, editorStaffID)
				resp := s.Do(t, graphtest.Request{Query: op, Header: bearer(v.token), Variables: varsFor(op, vars)})
				after, afterRef := stateOf(t, s, f.id), referralStatus(t, s, f.referral)
				ed2 := staffMember(t, s, editorStaffID)
				if resp.ErrorCode() == "" || hasData(resp.Data) {
					t.Errorf("%s: not refused: data %s", op, resp.Data)
				}
				if after != before || afterRef.Status != beforeRef.Status || ed.Role != ed2.Role || ed.TokenVersion != ed2.TokenVersion || (ed.DisabledAt == nil) != (ed2.DisabledAt == nil) {
					t.Errorf("%s: refused but changed: case %+v → %+v, referral %s → %s", op, before, after, beforeRef.Status, afterRef.Status)
				}
			})
		}
	}
	// The victim-only mutations: refused to staff and to the public.
	for _, v := range viewers[2:] {
		for _, op := range []string{
			`mutation($r: ID!) { giveReferralConsent(referralId: $r, share: CASE_SUMMARY) { status } }`,
			`mutation($r: ID!) { withdrawReferralConsent(referralId: $r) { status } }`,
			`mutation { submitFeedback(input: {rating: 5}) { rating } }`,
			`mutation { endCaseSession }`,
		} {
			before := stateOf(t, s, f.id)
			resp := s.Do(t, graphtest.Request{Query: op, Header: bearer(v.token), Variables: varsFor(op, vars)})
			if resp.ErrorCode() == "" || stateOf(t, s, f.id) != before {
				t.Errorf("%s %s: code %q data %s", v.name, op, resp.ErrorCode(), resp.Data)
			}
		}
	}
	// The victim of another case: their own consent mutations on f's referral.
	for _, op := range []string{
		`mutation($r: ID!) { giveReferralConsent(referralId: $r, share: CASE_SUMMARY) { status } }`,
		`mutation($r: ID!) { withdrawReferralConsent(referralId: $r) { status } }`,
	} {
		before := stateOf(t, s, f.id)
		resp := mutate(t, s, g.victim, op, map[string]any{"r": f.referral})
		if resp.ErrorCode() != "NOT_FOUND" || stateOf(t, s, f.id) != before {
			t.Errorf("other victim %s: code %q data %s", op, resp.ErrorCode(), resp.Data)
		}
	}
}

// TestAttackHoldsVictimConsentOnlyFromProposed: giveReferralConsent on a
// referral in each status: only PROPOSED moves (to CONSENTED); every other
// status is refused with nothing written. withdrawReferralConsent works on
// any status that is not final (the documented workflow).
func TestAttackHoldsVictimConsentOnlyFromProposed(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	_, advocateID := s.Staff(t, viewer.RoleAdvocate)
	const (
		consent  = `mutation($r: ID!) { recordReferralConsent(referralId: $r, share: NAME_AND_CONTACT, method: SPOKEN) { id } }`
		send     = `mutation($r: ID!) { sendReferral(referralId: $r) { id } }`
		accept   = `mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: true) { id } }`
		decline  = `mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: false, declineReason: "full") { id } }`
		complete = `mutation($r: ID!) { completeReferral(referralId: $r) { id } }`
		withdraw = `mutation($r: ID!) { recordReferralWithdrawal(referralId: $r) { id } }`
		give     = `mutation($r: ID!) { giveReferralConsent(referralId: $r, share: CASE_SUMMARY) { status share } }`
	)
	for _, tt := range []struct {
		status string
		steps  []string
	}{
		{"CONSENTED", []string{consent}},
		{"SENT", []string{consent, send}},
		{"ACCEPTED", []string{consent, send, accept}},
		{"DECLINED", []string{consent, send, decline}},
		{"COMPLETED", []string{consent, send, accept, complete}},
		{"WITHDRAWN", []string{withdraw}},
	} {
		t.Run(tt.status, func(t *testing.T) {
			f := newAttackFixture(t, s, supervisor, advocateID)
			for _, q := range tt.steps {
				mutate(t, s, supervisor, q, map[string]any{"r": f.referral}).Decode(t, &struct{}{})
			}
			before, ref := stateOf(t, s, f.id), referralStatus(t, s, f.referral)
			resp := mutate(t, s, f.victim, give, map[string]any{"r": f.referral})
			if resp.ErrorCode() != "BAD_USER_INPUT" || stateOf(t, s, f.id) != before || referralStatus(t, s, f.referral).Status != ref.Status {
				t.Errorf("consent on %s: code %q data %s", tt.status, resp.ErrorCode(), resp.Data)
			}
		})
	}
}

// TestAttackHoldsAliasesAndMixedFields: several root fields in one
// operation: each in its own transaction; a refused one writes nothing and
// the accepted one exactly once (version +1, one history entry, one audit
// record).
func TestAttackHoldsAliasesAndMixedFields(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	_, advocateID := s.Staff(t, viewer.RoleAdvocate)
	f := newAttackFixture(t, s, supervisor, advocateID)
	before := stateOf(t, s, f.id)
	resp := mutate(t, s, f.victim, `mutation($r: ID!, $id: ID!) {
	  a: giveReferralConsent(referralId: $r, share: NOTHING) { status }
	  b: giveReferralConsent(referralId: $r, share: CASE_SUMMARY) { status }
	  c: addCaseNote(caseId: $id, detail: "forged", victimVisible: true) { version }
	  d: updateCaseStatus(caseId: $id, status: CLOSED) { version }
	}`, map[string]any{"r": f.referral, "id": f.id})
	after := stateOf(t, s, f.id)
	r, _ := s.Client.Referral.Get(graphtest.System(context.Background()), nodeid.ID(f.referral))
	if after.Version != before.Version+1 || after.Events != before.Events+1 || after.Audits != before.Audits+1 || r.Share != referral.ShareNOTHING || after.Status != before.Status {
		t.Errorf("aliases: %+v → %+v, share %s (data %s errors %+v)", before, after, r.Share, resp.Data, resp.Errors)
	}
	n, _ := s.Client.CaseEvent.Query().Where(caseevent.CaseID(f.id), caseevent.KindEQ(caseevent.KindNOTE)).Count(graphtest.System(context.Background()))
	if n != 0 {
		t.Errorf("a victim's note was recorded")
	}
	// A victim's feedback mixed with a refused staff field.
	before = after
	resp = mutate(t, s, f.victim, `mutation($id: ID!) {
	  submitFeedback(input: {rating: 1}) { rating }
	  reissueAccessCode(caseId: $id) { accessCode }
	}`, map[string]any{"id": f.id})
	after = stateOf(t, s, f.id)
	if after.Version != before.Version+1 || after.Events != before.Events+1 || after.Audits != before.Audits+1 || strings.Contains(string(resp.Data), "accessCode\":\"") {
		t.Errorf("feedback + reissue: %+v → %+v (data %s)", before, after, resp.Data)
	}
}

// TestAttackHoldsReadViews: the views and node paths, per viewer.
func TestAttackHoldsReadViews(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	f := newAttackFixture(t, s, supervisor, advocateID)
	viewers := map[string]string{
		"anonymous": "", "victim": f.victim, "advocate": advocate, "other advocate": s.Token(t, viewer.RoleAdvocate),
		"editor": s.Token(t, viewer.RoleEditor), "supervisor": supervisor, "admin": s.Token(t, viewer.RoleAdmin),
	}
	reads := []struct {
		name, query string
		allowed     map[string]bool
		marker      string // in the data when it was served
	}{
		{"performanceReport", `{ performanceReport { initialContact { sampleSize } } }`, map[string]bool{"supervisor": true}, "sampleSize"},
		{"translationCoverage", `{ translationCoverage { locale percent } }`, map[string]bool{"editor": true, "admin": true}, "percent"},
		{"staffMembers", `{ staffMembers { id disabled } }`, map[string]bool{"admin": true}, "disabled"},
		{"node case", `query($id: ID!) { node(id: $id) { ... on Case { caseNumber } } }`, map[string]bool{"advocate": true, "supervisor": true}, f.number},
		{"nodes case", `query($id: ID!) { nodes(ids: [$id, $id]) { ... on Case { caseNumber description } } }`, map[string]bool{"advocate": true, "supervisor": true}, f.number},
		{"case", `query($n: String!) { case(caseNumber: $n) { caseNumber } }`, map[string]bool{"advocate": true, "supervisor": true}, f.number},
		{"cases", `{ cases(first: 100) { edges { node { caseNumber } } } }`, map[string]bool{"advocate": true, "supervisor": true}, f.number},
		{"revisions", `{ resources(first: 100) { edges { node { revisions { locale editedBy } } } } }`, map[string]bool{"editor": true, "admin": true}, `"revisions":[{`},
		{"history actor", `query($n: String!) { case(caseNumber: $n) { history { actor { id name disabled } } } }`, map[string]bool{"advocate": true, "supervisor": true}, `"name"`},
	}
	// a revision so that the revisions probe has one to show
	mutate(t, s, viewers["editor"], `mutation($id: ID!) { saveResourceTranslation(input: {resourceId: $id, locale: "pl", title: "T", body: "B"}) { locale } }`,
		map[string]any{"id": firstResource(t, s)}).Decode(t, &struct{}{})
	for _, r := range reads {
		for name, token := range viewers {
			t.Run(r.name+"/"+name, func(t *testing.T) {
				resp := s.Do(t, graphtest.Request{Query: r.query, Header: bearer(token), Variables: varsFor(r.query, map[string]any{"id": f.id, "n": f.number})})
				if served := strings.Contains(string(resp.Data), r.marker); served != r.allowed[name] {
					t.Errorf("served %v, want %v: %s %+v", served, r.allowed[name], resp.Data, resp.Errors)
				}
			})
		}
	}
}

func firstResource(t *testing.T, s *graphtest.Server) string {
	t.Helper()
	r, err := s.Client.Resource.Query().First(graphtest.System(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	return string(r.ID)
}

// TestAttackHoldsStaffSelfService: a supervisor cannot make themselves an
// admin, nor enable or sign out another account; signing out oneself works.
func TestAttackHoldsStaffSelfService(t *testing.T) {
	s := graphtest.New(t)
	for _, role := range []viewer.Role{viewer.RoleSupervisor, viewer.RoleEditor, viewer.RoleAdvocate} {
		token, id := s.Staff(t, role)
		_, otherID := s.Staff(t, viewer.RoleAdvocate)
		for _, op := range []string{
			`mutation($id: ID!) { changeStaffRole(staffId: $id, role: ADMIN) { role } }`,
			`mutation($id: ID!) { enableStaff(staffId: $id) { id } }`,
			`mutation($id: ID!) { disableStaff(staffId: $id) { id } }`,
		} {
			before := staffMember(t, s, id)
			resp := mutate(t, s, token, op, map[string]any{"id": id})
			if resp.ErrorCode() != "FORBIDDEN" || staffMember(t, s, id).Role != before.Role {
				t.Errorf("%s self %s: %q %s", role, op, resp.ErrorCode(), resp.Data)
			}
		}
		before := staffMember(t, s, otherID)
		if resp := mutate(t, s, token, `mutation($id: ID!) { signOutStaffEverywhere(staffId: $id) { id } }`, map[string]any{"id": otherID}); resp.ErrorCode() != "FORBIDDEN" ||
			staffMember(t, s, otherID).TokenVersion != before.TokenVersion {
			t.Errorf("%s signs out another: %q", role, resp.ErrorCode())
		}
	}
}

// TestAttackHoldsWebsocketStaffRevocation: an advocate's open socket after
// an admin demotes or disables them: the next operation is refused and the
// socket closed with 4401.
func TestAttackHoldsWebsocketStaffRevocation(t *testing.T) {
	s := graphtest.New(t)
	srv := s.HTTP(t)
	admin := s.Token(t, viewer.RoleAdmin)
	for _, op := range []string{
		`mutation($id: ID!) { changeStaffRole(staffId: $id, role: EDITOR) { role } }`,
		`mutation($id: ID!) { disableStaff(staffId: $id) { id } }`,
	} {
		token, id := s.Staff(t, viewer.RoleSupervisor)
		ws := dialWS(t, srv, token)
		if res := ws.do(t, "q1", whoAmI, nil); len(res.errors) > 0 {
			t.Fatalf("before: %+v", res.errors)
		}
		mutate(t, s, admin, op, map[string]any{"id": id}).Decode(t, &struct{}{})
		res := ws.do(t, "q2", whoAmI, nil)
		expectRefused(t, ws, "cases", res)
	}
}

// TestAttackHoldsVictimWebsocketMutations: a victim's consent over a
// websocket goes through the change path once; a staff field on the same
// socket is refused.
func TestAttackHoldsVictimWebsocketMutations(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	_, advocateID := s.Staff(t, viewer.RoleAdvocate)
	f := newAttackFixture(t, s, supervisor, advocateID)
	ws := dialWS(t, s.HTTP(t), f.victim)
	before := stateOf(t, s, f.id)
	res := ws.do(t, "m1", `mutation($r: ID!) { giveReferralConsent(referralId: $r, share: NOTHING) { status } }`, map[string]any{"r": f.referral})
	if len(res.errors) > 0 {
		t.Fatalf("consent over ws: %+v", res.errors)
	}
	res = ws.do(t, "m2", `mutation($id: ID!) { addCaseNote(caseId: $id, detail: "x", victimVisible: true) { version } }`, map[string]any{"id": f.id})
	if len(res.errors) == 0 {
		t.Errorf("victim note over ws accepted: %s", res.data)
	}
	res = ws.do(t, "q1", `query($id: ID!) { node(id: $id) { ... on Case { caseNumber description } } }`, map[string]any{"id": f.id})
	if strings.Contains(string(res.data), f.number) {
		t.Errorf("victim read the staff view over ws: %s", res.data)
	}
	if after := stateOf(t, s, f.id); after.Version != before.Version+1 || after.Events != before.Events+1 || after.Audits != before.Audits+1 {
		t.Errorf("ws: %+v → %+v", before, after)
	}
}

// TestAttackHoldsNoMutationOverGET: a mutation sent with GET is refused.
func TestAttackHoldsNoMutationOverGET(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	number, _ := newCase(t, s)
	id := s.Case(t, number).ID
	before := stateOf(t, s, id)
	q := url.QueryEscape(`mutation { addCaseNote(caseId: "` + string(id) + `", detail: "via GET", victimVisible: true) { version } }`)
	hr := httptest.NewRequest(http.MethodGet, "/query?query="+q, nil)
	hr.Header.Set("Authorization", "Bearer "+supervisor)
	rec := httptest.NewRecorder()
	s.Handler.ServeHTTP(rec, hr)
	if stateOf(t, s, id) != before || rec.Code == http.StatusOK && strings.Contains(rec.Body.String(), `"version"`) {
		t.Errorf("GET mutation ran: %d %s", rec.Code, rec.Body.String())
	}
}

// TestAttackFindingUnauditedStaffReadThroughRolledBackMutation: every staff
// read of a case is audited ("whatever the path"), except reads inside a
// mutation's transaction, which count on the change's own audit record. A
// staff member who adds one failing NULLABLE field to the answer of a case
// mutation (Organization.services(first: -1), reached through the case's
// referrals) gets the whole case back, with the one field null and a
// BAD_USER_INPUT error: the field transaction then rolls back, taking the
// change's audit record with it, and the read interceptor skipped the read
// because it ran in a transaction. The case's description and safe contact
// were read; the audit trail shows nothing.
// Want: the case not served (the rolled-back field answers null), or an
// audit record naming the case and the staff member.
// (Side effect of the same trick: reissueAccessCode answers a new access
// code that was rolled back: the old code and the old sessions stay good.)
func TestAttackUnauditedStaffReadThroughRolledBackMutation(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	advocate, advocateID := s.Staff(t, viewer.RoleAdvocate)
	f := newAttackFixture(t, s, supervisor, advocateID)
	for name, token := range map[string]string{"supervisor": supervisor, "assigned advocate": advocate} {
		t.Run(name, func(t *testing.T) {
			before := stateOf(t, s, f.id)
			resp := mutate(t, s, token, `mutation($id: ID!) { addCaseNote(caseId: $id, detail: "n", victimVisible: false) {
			  caseNumber description safeContact { phone { number } safeContactTimes }
			  referrals { partner { services(first: -1) { id } } }
			} }`, map[string]any{"id": f.id})
			after := stateOf(t, s, f.id)
			t.Logf("data %s errors %+v; case %+v → %+v", resp.Data, resp.Errors, before, after)
			// Fixed: the rolled-back field answers null, so nothing is read.
			if strings.Contains(string(resp.Data), "Someone broke into my car.") && after.Audits == before.Audits {
				t.Errorf("%s read the case's description and contact details through a rolled-back mutation: no audit record (%d → %d)", name, before.Audits, after.Audits)
			}
		})
	}
	t.Run("reissueAccessCode answers a code that was rolled back", func(t *testing.T) {
		resp := mutate(t, s, supervisor, `mutation($id: ID!) { reissueAccessCode(caseId: $id) {
		  accessCode case { referrals { partner { services(first: -1) { id } } } } } }`, map[string]any{"id": f.id})
		var got struct{ ReissueAccessCode *struct{ AccessCode string } }
		_ = jsonUnmarshal(resp.Data, &got)
		if got.ReissueAccessCode != nil && got.ReissueAccessCode.AccessCode != "" {
			still := s.Do(t, graphtest.Request{Query: `{ myCase { caseNumber } }`, Header: graphtest.Bearer(f.victim)})
			t.Errorf("reissueAccessCode answered access code %q (errors %+v) but the change was rolled back: the old session still works: %v",
				got.ReissueAccessCode.AccessCode, resp.Errors, still.ErrorCode() == "")
		}
	})
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
