package graph_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"victimservices/ent"
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

// TestTextLimitsCountCharacters: a limit of N characters admits N characters
// of any script (Chinese takes 3 bytes a character in UTF-8, emoji 4) and
// refuses N+1 with a message that names the field and the limit.
func TestTextLimitsCountCharacters(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	advocate, _, caseID := assignedCase(t, s)
	guide := seed.ID("res", "safety-planning")
	tests := []struct {
		name, field, char string
		max               int
		send              func(text string) *graphtest.Response
		tooLong           string // the refusal, when not error.textTooLong
	}{
		{"intake description in Chinese", "description", "中", 4000, func(text string) *graphtest.Response {
			return s.DoFrom(t, nextClientAddr(), graphtest.Request{Query: `mutation($in: SupportRequestInput!) { requestSupport(input: $in) { caseNumber } }`,
				Variables: map[string]any{"in": map[string]any{"preferredLocale": "zh-Hans", "contactMethod": "IN_APP",
					"safeToLeaveMessage": false, "description": text}}})
		}, inLocale("zh-Hans", "error.textTooLong", map[string]any{"Field": "description", "Max": 4000})}, // the person's preferredLocale
		{"intake safe contact times in Hindi", "safeContactTimes", "स", 500, func(text string) *graphtest.Response {
			return s.DoFrom(t, nextClientAddr(), graphtest.Request{Query: `mutation($in: SupportRequestInput!) { requestSupport(input: $in) { caseNumber } }`,
				Variables: map[string]any{"in": map[string]any{"preferredLocale": "hi", "contactMethod": "IN_APP",
					"safeToLeaveMessage": false, "safeContactTimes": text}}})
		}, inLocale("hi", "error.textTooLong", map[string]any{"Field": "safeContactTimes", "Max": 500})},
		{"partner description in emoji", "description", "🌻", 4000, func(text string) *graphtest.Response {
			return s.Do(t, graphtest.Request{Header: editor, Query: `mutation($o: ID!, $d: String) {
			  saveTranslation(input: {ownerId: $o, locale: "zh-Hans", name: "港湾", description: $d}) { locale } }`,
				Variables: map[string]any{"o": seed.ID("org", "harbor"), "d": text}})
		}, ""},
		{"service name in Korean", "name", "한", 200, func(text string) *graphtest.Response {
			return s.Do(t, graphtest.Request{Header: editor, Query: `mutation($o: ID!, $n: String!) {
			  saveTranslation(input: {ownerId: $o, locale: "ko", name: $n}) { locale } }`,
				Variables: map[string]any{"o": seed.ID("svc", "legal"), "n": text}})
		}, ""},
		{"guide title in Arabic", "title", "م", 200, func(text string) *graphtest.Response {
			return s.Do(t, graphtest.Request{Header: editor, Query: saveGuide, Variables: map[string]any{"in": map[string]any{
				"resourceId": guide, "locale": "ar", "title": text, "body": "نص"}}})
		}, ""},
		{"location street in Russian", "street", "ж", 200, func(text string) *graphtest.Response {
			return s.Do(t, graphtest.Request{Header: editor, Query: `mutation($s: String) { createLocation(input: {street: $s}) { id } }`,
				Variables: map[string]any{"s": text}})
		}, ""},
		{"referral reason in Ukrainian", "reason", "ї", 2000, func(text string) *graphtest.Response {
			return mutate(t, s, advocate, `mutation($id: ID!, $p: ID!, $r: String!) { proposeReferral(caseId: $id, partnerId: $p, reason: $r) { id } }`,
				map[string]any{"id": caseID, "p": seed.ID("org", "harbor"), "r": text})
		}, ""},
		{"follow-up note in Chinese", "note", "记", 2000, func(text string) *graphtest.Response {
			return mutate(t, s, advocate, `mutation($id: ID!, $n: String) { scheduleFollowUp(caseId: $id, dueAt: "2027-01-05T15:00:00Z", note: $n) { id } }`,
				map[string]any{"id": caseID, "n": text})
		}, ""},
		{"case note in Chinese", "detail", "记", 4000, func(text string) *graphtest.Response {
			return mutate(t, s, advocate, `mutation($id: ID!, $d: String!) { addCaseNote(caseId: $id, detail: $d, victimVisible: false) { id } }`,
				map[string]any{"id": caseID, "d": text})
		}, ""},
		{"court name in Polish", "courtName", "ł", 200, func(text string) *graphtest.Response {
			return mutate(t, s, advocate, `mutation($id: ID!, $c: String!) { addCourtDate(caseId: $id, input: {at: "2027-01-05T15:00:00Z", courtName: $c}) { id } }`,
				map[string]any{"id": caseID, "c": text})
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			full := strings.Repeat(tt.char, tt.max)
			if resp := tt.send(full); len(resp.Errors) > 0 {
				t.Errorf("%d characters (%d bytes): got %+v, want it accepted", tt.max, len(full), resp.Errors)
			}
			want := tt.tooLong
			if want == "" {
				want = en.T("error.textTooLong", map[string]any{"Field": tt.field, "Max": tt.max})
			}
			wantError(t, tt.send(full+"x"), "BAD_USER_INPUT", want)
		})
	}
}

// TestTimesMustBeGiven: an empty or zero time is refused, naming the field,
// wherever a time is an input; nothing is stored, and the case still reads.
func TestTimesMustBeGiven(t *testing.T) {
	s := graphtest.New(t)
	advocate, number, caseID := assignedCase(t, s)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	var proposed struct{ ProposeReferral struct{ ID string } }
	mutate(t, s, advocate, proposeMutation, map[string]any{"id": caseID, "p": seed.ID("org", "harbor")}).Decode(t, &proposed)
	ref := proposed.ProposeReferral.ID
	tests := []struct {
		name, field, query, token string
		vars                      map[string]any
	}{
		{"court date", "at", `mutation($id: ID!, $t: Time!) { addCourtDate(caseId: $id, input: {at: $t, courtName: "Daley Center"}) { id } }`, advocate, map[string]any{"id": caseID}},
		{"follow-up", "dueAt", `mutation($id: ID!, $t: Time!) { scheduleFollowUp(caseId: $id, dueAt: $t) { id } }`, advocate, map[string]any{"id": caseID}},
		{"first contact", "at", `mutation($id: ID!, $t: Time) { recordFirstContact(caseId: $id, at: $t) { id } }`, advocate, map[string]any{"id": caseID}},
		{"consent", "givenAt", `mutation($r: ID!, $t: Time) { recordReferralConsent(referralId: $r, share: NOTHING, method: SPOKEN, givenAt: $t) { id } }`, advocate, map[string]any{"r": ref}},
		{"report start", "from", `query($t: Time) { performanceReport(from: $t) { from } }`, supervisor, nil},
		{"report end", "to", `query($t: Time) { performanceReport(to: $t) { to } }`, supervisor, nil},
	}
	for _, tt := range tests {
		for _, value := range []string{"", "0001-01-01T00:00:00Z"} {
			t.Run(tt.name+" "+value, func(t *testing.T) {
				vars := map[string]any{"t": value}
				for k, v := range tt.vars {
					vars[k] = v
				}
				wantError(t, mutate(t, s, tt.token, tt.query, vars), "BAD_USER_INPUT",
					en.T("error.invalidTime", map[string]any{"Field": tt.field}))
			})
		}
	}
	// Written in the query itself rather than as a variable: the same.
	wantError(t, mutate(t, s, advocate, `mutation($id: ID!) { addCourtDate(caseId: $id, input: {at: "", courtName: "Daley Center"}) { id } }`,
		map[string]any{"id": caseID}), "BAD_USER_INPUT", en.T("error.invalidTime", map[string]any{"Field": "at"}))
	var got struct {
		Case struct {
			Version        int
			FirstContactAt *time.Time
			CourtDates     []struct{ At time.Time }
			FollowUps      []struct{ DueAt time.Time }
			Referrals      []struct{ Status string }
		}
	}
	mutate(t, s, advocate, `query($n: String!) { case(caseNumber: $n) { version firstContactAt courtDates { at } followUps { dueAt } referrals { status } } }`,
		map[string]any{"n": number}).Decode(t, &got)
	if c := got.Case; c.FirstContactAt != nil || len(c.CourtDates) != 0 || len(c.FollowUps) != 0 || c.Referrals[0].Status != "PROPOSED" {
		t.Errorf("case after refused times: %+v, want nothing stored", c)
	}
	caseReadsBack(t, s, advocate, number)
}

// TestConsentDate: consent cannot be dated before the referral was proposed,
// nor in the future; the moment it was proposed and now are both fine.
func TestConsentDate(t *testing.T) {
	s := graphtest.New(t)
	advocate, number, caseID := assignedCase(t, s)
	proposedAt := s.Now()
	const consent = `mutation($r: ID!, $t: Time) { recordReferralConsent(referralId: $r, share: NAME_AND_CONTACT, method: SPOKEN, givenAt: $t) { status consentGivenAt } }`
	propose := func() string {
		var got struct{ ProposeReferral struct{ ID string } }
		mutate(t, s, advocate, proposeMutation, map[string]any{"id": caseID, "p": seed.ID("org", "harbor")}).Decode(t, &got)
		return got.ProposeReferral.ID
	}
	refs := []string{propose(), propose(), propose()}
	s.SetNow(proposedAt.Add(2 * time.Hour)) // within the staff token's lifetime
	for name, at := range map[string]time.Time{
		"a second before it was proposed": proposedAt.Add(-time.Second),
		"a year before":                   proposedAt.AddDate(-1, 0, 0),
		"a minute from now":               s.Now().Add(time.Minute),
	} {
		t.Run(name, func(t *testing.T) {
			wantError(t, mutate(t, s, advocate, consent, map[string]any{"r": refs[0], "t": at.Format(time.RFC3339Nano)}),
				"BAD_USER_INPUT", en.T("error.consentDate", nil))
		})
	}
	for i, tt := range []struct {
		name string
		at   time.Time
	}{{"when it was proposed", proposedAt}, {"now", s.Now()}} {
		t.Run(tt.name, func(t *testing.T) {
			ref, at := refs[i+1], tt.at
			var got struct {
				RecordReferralConsent struct {
					Status         string
					ConsentGivenAt time.Time
				}
			}
			mutate(t, s, advocate, consent, map[string]any{"r": ref, "t": at.Format(time.RFC3339Nano)}).Decode(t, &got)
			if c := got.RecordReferralConsent; c.Status != "CONSENTED" || !c.ConsentGivenAt.Equal(at) {
				t.Errorf("got %+v, want CONSENTED at %v", c, at)
			}
		})
	}
	caseReadsBack(t, s, advocate, number)
}

// TestBadTextRefused: a NUL byte or invalid UTF-8 in any string input is a
// BAD_USER_INPUT on every database (PostgreSQL cannot store either), in reads
// and writes, as a variable or written in the query.
func TestBadTextRefused(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	advocate, _, caseID := assignedCase(t, s)
	message := en.T("error.invalidText", nil)
	tests := []struct {
		name, query string
		header      map[string]string
		vars        map[string]any
	}{
		{"search", `query($v: String!) { search(text: $v) { __typename } }`, nil, nil},
		{"guide by slug", `query($v: String!) { resource(slug: $v) { id } }`, nil, nil},
		{"sign-in", `mutation($v: String!) { openCaseSession(caseNumber: $v, accessCode: "ABCD-EFGH-JKLM") { token } }`, nil, nil},
		{"intake", `mutation($v: String) { requestSupport(input: {preferredLocale: "en", contactMethod: IN_APP, safeToLeaveMessage: false, description: $v}) { caseNumber } }`, nil, nil},
		{"translation", `mutation($o: ID!, $v: String!) { saveTranslation(input: {ownerId: $o, locale: "es", name: $v}) { locale } }`, editor, map[string]any{"o": seed.ID("svc", "legal")}},
		{"website", `mutation($v: String) { createOrganization(input: {website: $v}) { id } }`, editor, nil},
		{"case note", `mutation($id: ID!, $v: String!) { addCaseNote(caseId: $id, detail: $v, victimVisible: true) { id } }`, graphtest.Bearer(advocate), map[string]any{"id": caseID}},
		{"ID", `mutation($v: ID!) { updateService(id: $v, input: {sortOrder: 1}) { id } }`, editor, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name+" NUL", func(t *testing.T) {
			vars := map[string]any{"v": "svc_abc\x00def"}
			for k, v := range tt.vars {
				vars[k] = v
			}
			wantError(t, s.DoFrom(t, nextClientAddr(), graphtest.Request{Header: tt.header, Query: tt.query, Variables: vars}), "BAD_USER_INPUT", message)
		})
	}
	// Written in the query itself (an escape), in a GET URL.
	t.Run("NUL escaped in a GET query", func(t *testing.T) {
		r := httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape(`{ search(text: "ab\u0000cd") { __typename } }`), nil)
		wantError(t, s.Serve(t, r), "BAD_USER_INPUT", message)
	})
	// A cursor is opaque, but a client can make one up.
	cursor := func(c ent.Cursor) string {
		var b bytes.Buffer
		c.MarshalGQL(&b)
		return strings.Trim(b.String(), `"`)
	}
	for name, tt := range map[string]struct {
		query, token string
		cursor       ent.Cursor
	}{
		"services after a NUL ID":         {`query($c: Cursor) { services(after: $c) { edges { node { id } } } }`, "", ent.Cursor{ID: "svc_abc\x00def"}},
		"services before an invalid ID":   {`query($c: Cursor) { services(before: $c, last: 5) { edges { node { id } } } }`, "", ent.Cursor{ID: "svc_\xff"}},
		"cases after a NUL order value":   {`query($c: Cursor) { cases(after: $c) { edges { node { id } } } }`, advocate, ent.Cursor{ID: "cas_x", Value: []any{"\x00", "\x00"}}},
		"partners after an invalid value": {`query($c: Cursor) { partners(after: $c) { edges { node { id } } } }`, "", ent.Cursor{ID: "org_x", Value: "caf\xe9"}},
	} {
		t.Run(name, func(t *testing.T) {
			var header map[string]string
			if tt.token != "" {
				header = graphtest.Bearer(tt.token)
			}
			wantError(t, s.Do(t, graphtest.Request{Header: header, Query: tt.query, Variables: map[string]any{"c": cursor(tt.cursor)}}),
				"BAD_USER_INPUT", en.T("error.invalidCursor", nil))
		})
	}
	// JSON cannot carry invalid UTF-8 (decoding replaces it with U+FFFD),
	// but a query text in a GET URL can.
	for name, query := range map[string]string{
		"search":        "{ search(text: \"caf\xe9\") { __typename } }",
		"guide by slug": "{ resource(slug: \"\xff\xfe\") { id } }",
	} {
		t.Run(name+" invalid UTF-8 in a GET query", func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/query?query="+url.QueryEscape(query), nil)
			wantError(t, s.Serve(t, r), "BAD_USER_INPUT", message)
		})
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

// TestMarkdownLinksAsRendered: a guide's links are judged on what a CommonMark
// renderer makes of them: escapes, entities, references and images included.
func TestMarkdownLinksAsRendered(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	save := func(body string) *graphtest.Response {
		return s.Do(t, graphtest.Request{Header: editor, Query: saveGuide, Variables: map[string]any{"in": map[string]any{
			"resourceId": seed.ID("res", "restitution"), "locale": "en", "title": "Restitution", "body": body}}})
	}
	for _, body := range []string{
		`[x](javascript\:alert(1))`,
		`[x](vbscript\:msgbox(1))`,
		`[x](java&#x73;cript:alert(1))`,
		`[x](<javascript\:alert(1)>)`,
		"[x][r]\n\n[r]: javascript\\:alert(1)",
		"[r]\n\n[r]: <data\\:text/html,<b>x</b>>",
		"[x][r]\n\n[r]: data\\:text/html;base64,PHNjcmlwdD4=",
		`![x](data\:image/svg+xml;base64,PHN2Zz4=)`,
		"![x][img]\n\n[img]: vbscript\\:x",
		`[x](ftp://example.org/file)`,
		`[x](file\:///etc/passwd)`,
	} {
		t.Run("refused "+body, func(t *testing.T) {
			wantError(t, save(body), "BAD_USER_INPUT", en.T("error.unsafeMarkdown", nil))
		})
	}
	for _, body := range []string{
		"## Your rights\n\nCall [the line](tel:+13125551234) or [email us](mailto:help@example.org).",
		"[Court](https://www.illinoiscourts.gov/) and [more](http://example.org/a?b=c#d).",
		"[Up](#top), [the guide](/resources/safety-planning) and [next](going-to-court).",
		"[the court][c]\n\n[c]: https://www.illinoiscourts.gov/",
		"![Map](https://example.org/map.png)",
		"Wait < 5 minutes; 3 > 2.",
	} {
		t.Run("accepted "+body, func(t *testing.T) {
			if resp := save(body); len(resp.Errors) > 0 {
				t.Errorf("got %+v, want it accepted", resp.Errors)
			}
		})
	}
}

// TestWebsitesAreWebAddresses: a website is an https: (or http:) address
// with a host; anything else is refused, when created and when changed.
func TestWebsitesAreWebAddresses(t *testing.T) {
	s := graphtest.New(t)
	editor := graphtest.Bearer(s.Token(t, viewer.RoleEditor))
	org := seed.ID("org", "harbor")
	create := func(website string) *graphtest.Response {
		return s.Do(t, graphtest.Request{Header: editor, Query: `mutation($w: String) { createOrganization(input: {website: $w}) { website } }`,
			Variables: map[string]any{"w": website}})
	}
	update := func(website string) *graphtest.Response {
		return s.Do(t, graphtest.Request{Header: editor, Query: `mutation($id: ID!, $w: String) { updateOrganization(id: $id, input: {website: $w}) { website } }`,
			Variables: map[string]any{"id": org, "w": website}})
	}
	for _, website := range []string{
		"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x",
		"ftp://example.org", "mailto:help@example.org", "https://", "https:///path", "https:example.org",
		"//example.org", "example.org", "/relative", "https://user:secret@example.org/", " https://example.org",
		"https://exa mple.org", "https://example.org/\tx",
	} {
		t.Run("refused "+website, func(t *testing.T) {
			want := en.T("error.invalidURL", map[string]any{"Field": "website"})
			wantError(t, create(website), "BAD_USER_INPUT", want)
			wantError(t, update(website), "BAD_USER_INPUT", want)
		})
	}
	for _, website := range []string{"https://harborsafe.org", "https://harborsafe.org/es/ayuda?x=1#top", "http://example.org", "HTTPS://EXAMPLE.ORG/"} {
		t.Run("accepted "+website, func(t *testing.T) {
			var got struct{ UpdateOrganization struct{ Website string } }
			update(website).Decode(t, &got)
			if got.UpdateOrganization.Website != website {
				t.Errorf("stored %q, want %q", got.UpdateOrganization.Website, website)
			}
		})
	}
}

// inLocale is message id in the locale with this code.
func inLocale(code, id string, data map[string]any) string {
	l, _ := locales.ByCode(code)
	return l.T(id, data)
}
