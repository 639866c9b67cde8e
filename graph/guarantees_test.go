package graph_test

// Guarantees the case machinery must keep, whatever its internals: an
// operation that fails changes nothing, every change of a case goes through
// one path (version, history, audit, live update), a revoked or expired
// credential stops working on a websocket that is already open, and staff
// reads are audited by the data layer itself, not only by the HTTP handler.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/coder/websocket"

	"victimservices/ent"
	"victimservices/ent/auditrecord"
	"victimservices/ent/caseevent"
	"victimservices/ent/feedback"
	"victimservices/ent/followup"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/auth"
	"victimservices/internal/notify"
	"victimservices/internal/seed"
	"victimservices/internal/storage" // the refactor may move this to victimservices/internal/storage: see openSecondClient
)

// maxEventDetail is the longest history entry detail (ent/schema/casefile.go,
// CaseEvent "detail" MaxLen).
const maxEventDetail = 4000

// closeUnauthorized is the websocket close code for a credential that no
// longer holds (graphql-transport-ws convention, as 4401 Unauthorized).
const closeUnauthorized websocket.StatusCode = 4401

// TestMixedMutationLeavesCaseUnchanged: an operation that also opens a
// session or asks for help (the fields that manage their own transactions)
// and whose case change fails halfway, leaves the case exactly as it was:
// the status change must not be committed without its history entry.
func TestMixedMutationLeavesCaseUnchanged(t *testing.T) {
	s := graphtest.New(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	// Longer than a history entry may be: the case row is updated before the
	// entry is written, so the entry is what fails.
	longNote := strings.Repeat("n", maxEventDetail+1)
	tests := []struct {
		name string
		// params and field are the other field of the operation, and the
		// variables it declares.
		params, field string
		vars          func(t *testing.T) map[string]any
	}{
		{
			name:   "openCaseSession",
			params: "$n: String!, $c: String!",
			field:  `openCaseSession(caseNumber: $n, accessCode: $c) { token }`,
			vars: func(t *testing.T) map[string]any {
				// Another case's session: its session.open audit record is not
				// about the case under test.
				number, code := newCase(t, s)
				return map[string]any{"n": number, "c": code}
			},
		},
		{
			name:   "requestSupport",
			params: "$in: SupportRequestInput!",
			field:  `requestSupport(input: $in) { caseNumber }`,
			vars: func(*testing.T) map[string]any {
				return map[string]any{"in": map[string]any{
					"preferredLocale": "en", "contactMethod": "IN_APP", "safeToLeaveMessage": false,
					"description": "Someone took my bag.",
				}}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			number, _ := newCase(t, s)
			id := s.Case(t, number).ID
			vars := tt.vars(t)
			vars["id"], vars["note"] = id, longNote
			before := stateOf(t, s, id)
			query := fmt.Sprintf(`mutation(%s, $id: ID!, $note: String) { %s updateCaseStatus(caseId: $id, status: IN_PROGRESS, note: $note) { id version } }`,
				tt.params, tt.field)
			resp := s.DoFrom(t, nextClientAddr(), graphtest.Request{Query: query, Variables: vars, Header: graphtest.Bearer(supervisor)})
			if !hasError(resp.Errors, "BAD_USER_INPUT", "updateCaseStatus") {
				t.Errorf("errors %+v, want BAD_USER_INPUT for updateCaseStatus (or for the whole operation)", resp.Errors)
			}
			if after := stateOf(t, s, id); after != before {
				t.Errorf("case after the failed operation: %+v, want it unchanged: %+v", after, before)
			}
		})
	}
}

// TestRevokedSessionOnOpenWebsocket: a victim session revoked (quick exit, or
// a new access code) stops working on websockets opened while it was valid:
// the next operation is refused as UNAUTHENTICATED and the server closes the
// socket with 4401; a live subscription ends the same way within 2 s.
func TestRevokedSessionOnOpenWebsocket(t *testing.T) {
	hub := newHub(t)
	s := graphtest.New(t, graphtest.WithNotifier(hub))
	srv := s.HTTP(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	const myCase = `query { myCase { caseNumber statusLabel } }`
	tests := []struct {
		name   string
		revoke func(t *testing.T, token string, id nodeid.ID)
	}{
		{"endCaseSession", func(t *testing.T, token string, _ nodeid.ID) {
			s.Do(t, graphtest.Request{Query: `mutation { endCaseSession }`, Header: graphtest.Bearer(token)}).Decode(t, &struct{}{})
		}},
		{"reissueAccessCode", func(t *testing.T, _ string, id nodeid.ID) {
			s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { reissueAccessCode(caseId: $id) { accessCode } }`,
				Variables: map[string]any{"id": id}, Header: graphtest.Bearer(supervisor)}).Decode(t, &struct{}{})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			number, code := newCase(t, s)
			id := s.Case(t, number).ID
			token := s.Session(t, number, code)
			queries, feedbackWS, live := dialWS(t, srv, token), dialWS(t, srv, token), dialWS(t, srv, token)

			res := queries.do(t, "q1", myCase, nil)
			if len(res.errors) > 0 || !res.completed || !strings.Contains(string(res.data), number) {
				t.Fatalf("myCase before revocation: data %s errors %+v completed %v closed %v", res.data, res.errors, res.completed, res.closed)
			}
			waitFor(t, "no live subscription left", func() bool { return hub.Subscribers() == 0 })
			live.subscribe(t, "s1", `subscription { myCaseUpdated { statusLabel } }`, nil)
			waitFor(t, "the subscription to register", func() bool { return hub.Subscribers() == 1 })

			revokedAt := time.Now()
			tt.revoke(t, token, id)

			res = queries.do(t, "q2", myCase, nil)
			expectRefused(t, queries, "myCase", res)
			res = feedbackWS.do(t, "m1", `mutation { submitFeedback(input: {rating: 5}) { rating } }`, nil)
			expectRefused(t, feedbackWS, "submitFeedback", res)
			if n, err := s.Client.Feedback.Query().Where(feedback.CaseID(id)).Count(graphtest.System(context.Background())); err != nil || n != 0 {
				t.Errorf("%d feedback rows after a refused submitFeedback, want 0 (%v)", n, err)
			}

			end, seen := live.waitClose(revokedAt.Add(2 * time.Second))
			for _, m := range seen {
				if m.Type == "next" {
					t.Errorf("the revoked subscription received %s", m.Payload)
				}
			}
			switch {
			case end == nil:
				t.Errorf("subscription socket still open 2s after the revocation (messages seen: %s), want close code %d", types(seen), closeUnauthorized)
			case websocket.CloseStatus(end) != closeUnauthorized:
				t.Errorf("subscription socket ended with %v, want close code %d", end, closeUnauthorized)
			}
		})
	}
}

// TestExpiredStaffTokenOnOpenWebsocket: a staff token that expires while its
// websocket is open stops working on it.
func TestExpiredStaffTokenOnOpenWebsocket(t *testing.T) {
	s := graphtest.New(t)
	_, staffID := s.Staff(t, viewer.RoleSupervisor)
	member, err := s.Client.Staff.Get(graphtest.System(context.Background()), nodeid.ID(staffID))
	if err != nil {
		t.Fatal(err)
	}
	token, err := auth.SignStaffToken([]byte(graphtest.Secret), member, s.Now(), time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	ws := dialWS(t, s.HTTP(t), token)
	const query = `query { cases(first: 5) { totalCount } }`
	if res := ws.do(t, "q1", query, nil); len(res.errors) > 0 || !res.completed || !strings.Contains(string(res.data), "totalCount") {
		t.Fatalf("cases with a valid token: data %s errors %+v completed %v closed %v", res.data, res.errors, res.completed, res.closed)
	}
	s.SetNow(s.Now().Add(2 * time.Minute))
	expectRefused(t, ws, "cases", ws.do(t, "q2", query, nil))
}

// changeFixture is a case arranged for one row of
// TestEveryCaseChangeGoesThroughTheChangePath.
type changeFixture struct {
	number   string
	id       nodeid.ID
	victim   string // the victim's session token
	referral string // the referral the row works on, if any
	followUp string // the follow-up the row works on, if any
}

// TestEveryCaseChangeGoesThroughTheChangePath: every mutation that changes a
// case, staff's or the victim's, bumps its version by exactly one, writes its
// history entries and exactly one audit record, and (when the victim can see
// it) pushes exactly one live update; a change that fails, even halfway,
// changes nothing.
func TestEveryCaseChangeGoesThroughTheChangePath(t *testing.T) {
	hub := newHub(t)
	s := graphtest.New(t, graphtest.WithNotifier(hub))
	srv := s.HTTP(t)
	supervisor := s.Token(t, viewer.RoleSupervisor)
	_, advocateID := s.Staff(t, viewer.RoleAdvocate)
	partnerID := string(seed.ID("org", "cvn"))
	ctx := graphtest.System(context.Background())

	newFixture := func(t *testing.T) *changeFixture {
		t.Helper()
		number, code := newCase(t, s)
		return &changeFixture{number: number, id: s.Case(t, number).ID, victim: s.Session(t, number, code)}
	}
	vars := func(f *changeFixture, query string) map[string]any {
		return declared(query, map[string]any{"id": f.id, "r": f.referral, "f": f.followUp, "a": advocateID, "p": partnerID})
	}
	run := func(t *testing.T, f *changeFixture, token, query string) *graphtest.Response {
		t.Helper()
		return s.Do(t, graphtest.Request{Query: query, Variables: vars(f, query), Header: graphtest.Bearer(token)})
	}
	// staff and victim run arrangement steps, which must succeed.
	staff := func(queries ...string) func(*testing.T, *changeFixture) {
		return func(t *testing.T, f *changeFixture) {
			t.Helper()
			for _, q := range queries {
				var out struct {
					ProposeReferral  *struct{ ID string }
					ScheduleFollowUp *struct{ ID string }
				}
				run(t, f, supervisor, q).Decode(t, &out)
				if out.ProposeReferral != nil {
					f.referral = out.ProposeReferral.ID
				}
				if out.ScheduleFollowUp != nil {
					fu, err := s.Client.FollowUp.Query().Where(followup.CaseID(f.id)).Only(ctx)
					if err != nil {
						t.Fatalf("follow-up: %v", err)
					}
					f.followUp = string(fu.ID)
				}
			}
		}
	}
	then := func(steps ...func(*testing.T, *changeFixture)) func(*testing.T, *changeFixture) {
		return func(t *testing.T, f *changeFixture) {
			t.Helper()
			for _, step := range steps {
				step(t, f)
			}
		}
	}
	victim := func(query string) func(*testing.T, *changeFixture) {
		return func(t *testing.T, f *changeFixture) {
			t.Helper()
			run(t, f, f.victim, query).Decode(t, &struct{}{})
		}
	}
	const (
		propose    = `mutation($id: ID!, $p: ID!) { proposeReferral(caseId: $id, partnerId: $p, reason: "Needs legal representation") { id } }`
		consent    = `mutation($r: ID!) { recordReferralConsent(referralId: $r, share: NAME_AND_CONTACT, method: SPOKEN) { id } }`
		send       = `mutation($r: ID!) { sendReferral(referralId: $r) { id } }`
		accept     = `mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: true) { id } }`
		schedule   = `mutation($id: ID!) { scheduleFollowUp(caseId: $id, dueAt: "2026-12-01T15:00:00Z", note: "Call after 6 pm") { id } }`
		closeIt    = `mutation($id: ID!) { closeCase(caseId: $id, outcome: RESOLVED) { id } }`
		give       = `mutation($r: ID!) { giveReferralConsent(referralId: $r, share: CASE_SUMMARY) { id status } }`
		withdrawIt = `mutation($r: ID!) { withdrawReferralConsent(referralId: $r) { id status } }`
	)

	changes := []struct {
		name    string
		arrange func(*testing.T, *changeFixture)
		// byVictim runs the mutation with the victim's session (else a supervisor's token).
		byVictim bool
		query    string
		// wantEvents is how many history entries the change writes.
		wantEvents int
		// live: the victim sees the change, so their subscription receives it.
		live bool
	}{
		{"updateCaseStatus", nil, false, `mutation($id: ID!) { updateCaseStatus(caseId: $id, status: IN_PROGRESS, note: "We will call on Monday.") { id } }`, 1, true},
		{"assignAdvocate", nil, false, `mutation($id: ID!, $a: ID!) { assignAdvocate(caseId: $id, advocateId: $a) { id } }`, 1, true},
		{"recordFirstContact", nil, false, `mutation($id: ID!) { recordFirstContact(caseId: $id) { id } }`, 1, true},
		{"recordFirstContact with a note", nil, false, `mutation($id: ID!) { recordFirstContact(caseId: $id, note: "Spoke by phone.") { id } }`, 2, true},
		{"addCaseNote victim-visible", nil, false, `mutation($id: ID!) { addCaseNote(caseId: $id, detail: "Your next hearing is confirmed.", victimVisible: true) { id } }`, 1, true},
		{"addCaseNote internal", nil, false, `mutation($id: ID!) { addCaseNote(caseId: $id, detail: "Internal: check ID", victimVisible: false) { id } }`, 1, false},
		{"scheduleFollowUp", nil, false, schedule, 1, true},
		{"completeFollowUp", staff(schedule), false, `mutation($f: ID!) { completeFollowUp(followUpId: $f, note: "Done") { id } }`, 1, true},
		{"addCourtDate", nil, false, `mutation($id: ID!) { addCourtDate(caseId: $id, input: {at: "2026-12-10T15:00:00Z", courtName: "Cook County Circuit Court", city: "Chicago", hearing: ARRAIGNMENT}) { id } }`, 1, true},
		{"updateCompensationClaim", nil, false, `mutation($id: ID!) { updateCompensationClaim(caseId: $id, status: FILED) { id } }`, 1, true},
		{"closeCase", nil, false, `mutation($id: ID!) { closeCase(caseId: $id, outcome: RESOLVED, note: "Take care.") { id } }`, 1, true},
		// Reissuing revokes the victim's sessions, which ends their
		// subscription (TestRevokedSessionOnOpenWebsocket covers that).
		{"reissueAccessCode", nil, false, `mutation($id: ID!) { reissueAccessCode(caseId: $id) { accessCode } }`, 1, false},
		{"proposeReferral", nil, false, propose, 1, true},
		{"recordReferralConsent", staff(propose), false, consent, 1, true},
		{"sendReferral", staff(propose, consent), false, send, 1, true},
		{"recordReferralResponse accepted", staff(propose, consent, send), false, accept, 1, true},
		{"recordReferralResponse declined", staff(propose, consent, send), false, `mutation($r: ID!) { recordReferralResponse(referralId: $r, accepted: false, declineReason: "No capacity this month") { id } }`, 1, true},
		{"completeReferral", staff(propose, consent, send, accept), false, `mutation($r: ID!) { completeReferral(referralId: $r) { id } }`, 1, true},
		{"recordReferralWithdrawal", staff(propose, consent), false, `mutation($r: ID!) { recordReferralWithdrawal(referralId: $r) { id } }`, 1, true},
		{"submitFeedback", nil, true, `mutation { submitFeedback(input: {rating: 5, comment: "Thank you"}) { rating } }`, 1, true},
		{"giveReferralConsent", staff(propose), true, give, 1, true},
		{"withdrawReferralConsent", then(staff(propose), victim(give)), true, withdrawIt, 1, true},
	}
	for _, tt := range changes {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			if tt.arrange != nil {
				tt.arrange(t, f)
			}
			var sub *graphtest.Subscription
			if tt.live {
				waitFor(t, "no live subscription left", func() bool { return hub.Subscribers() == 0 })
				var err error
				if sub, err = graphtest.Subscribe(t, srv, f.victim, `subscription { myCaseUpdated { status statusLabel } }`, nil); err != nil {
					t.Fatalf("subscribe: %v", err)
				}
				waitFor(t, "the subscription to register", func() bool { return hub.Subscribers() == 1 })
			}
			token := supervisor
			if tt.byVictim {
				token = f.victim
			}
			before := stateOf(t, s, f.id)
			if resp := run(t, f, token, tt.query); len(resp.Errors) > 0 {
				t.Fatalf("errors %+v", resp.Errors)
			}
			after := stateOf(t, s, f.id)
			if after.Version != before.Version+1 {
				t.Errorf("version %d → %d, want +1", before.Version, after.Version)
			}
			if after.Events != before.Events+tt.wantEvents {
				t.Errorf("history entries %d → %d, want +%d", before.Events, after.Events, tt.wantEvents)
			}
			if after.Audits != before.Audits+1 {
				t.Errorf("audit records %d → %d, want +1", before.Audits, after.Audits)
			}
			if sub != nil {
				if _, ok := sub.Next(t, 5*time.Second); !ok {
					t.Errorf("the victim's subscription received no update (%v)", sub.Err)
				} else if data, ok := sub.Next(t, 150*time.Millisecond); ok {
					t.Errorf("the victim's subscription received a second update %s, want exactly one", data)
				}
			}
		})
	}

	failures := []struct {
		name     string
		arrange  func(*testing.T, *changeFixture)
		byVictim bool
		query    string
		wantCode string
	}{
		// The case row is written before its history entry, which the
		// validator then refuses.
		{"updateCaseStatus with a note too long", nil, false,
			`mutation($id: ID!) { updateCaseStatus(caseId: $id, status: IN_PROGRESS, note: "` + strings.Repeat("n", maxEventDetail+1) + `") { id } }`, "BAD_USER_INPUT"},
		{"recordFirstContact with a note too long", nil, false,
			`mutation($id: ID!) { recordFirstContact(caseId: $id, note: "` + strings.Repeat("n", maxEventDetail+1) + `") { id } }`, "BAD_USER_INPUT"},
		{"addCourtDate with a court name too long", nil, false,
			`mutation($id: ID!) { addCourtDate(caseId: $id, input: {at: "2026-12-10T15:00:00Z", courtName: "` + strings.Repeat("c", 201) + `"}) { id } }`, "BAD_USER_INPUT"},
		{"addCourtDate on a closed case", staff(closeIt), false,
			`mutation($id: ID!) { addCourtDate(caseId: $id, input: {at: "2026-12-10T15:00:00Z", courtName: "Cook County"}) { id } }`, "BAD_USER_INPUT"},
		{"giveReferralConsent after withdrawal", then(staff(propose), victim(give), victim(withdrawIt)), true, give, "BAD_USER_INPUT"},
		{"submitFeedback out of range", nil, true, `mutation { submitFeedback(input: {rating: 6}) { rating } }`, "BAD_USER_INPUT"},
	}
	for _, tt := range failures {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			if tt.arrange != nil {
				tt.arrange(t, f)
			}
			token := supervisor
			if tt.byVictim {
				token = f.victim
			}
			before := stateOf(t, s, f.id)
			if resp := run(t, f, token, tt.query); resp.ErrorCode() != tt.wantCode {
				t.Errorf("code %q, want %q (%+v)", resp.ErrorCode(), tt.wantCode, resp.Errors)
			}
			if after := stateOf(t, s, f.id); after != before {
				t.Errorf("case after the failed change: %+v, want it unchanged: %+v", after, before)
			}
		})
	}

	t.Run("requestSupport", func(t *testing.T) {
		number, _ := newCase(t, s)
		id := s.Case(t, number).ID
		events, err := s.Client.CaseEvent.Query().Where(caseevent.CaseID(id)).All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 1 || events[0].Kind != caseevent.KindRECEIVED {
			t.Errorf("%d history entries (%v), want one RECEIVED", len(events), events)
		}
		if n := stateOf(t, s, id).Audits; n != 1 {
			t.Errorf("%d audit records, want 1", n)
		}
	})

	// The victim's referral steps must be as safe as the staff's: a step
	// based on a case that changed meanwhile is refused, not applied over the
	// change. The staff row shows what the change path does. Only PostgreSQL
	// lets the two transactions overlap (SQLite's BEGIN IMMEDIATE queues them,
	// so the step sees the change and the workflow refuses it anyway).
	races := []struct {
		name     string
		byVictim bool
		query    string
	}{
		{"recordReferralConsent while the case changes", false, consent},
		{"giveReferralConsent while the case changes", true, give},
	}
	for _, tt := range races {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.HasPrefix(s.URL, "postgres") {
				t.Skip("overlapping transactions need PostgreSQL (TEST_DATABASE_URL)")
			}
			f := newFixture(t)
			staff(propose)(t, f)
			token := supervisor
			if tt.byVictim {
				token = f.victim
			}
			before := stateOf(t, s, f.id)
			db, err := sql.Open("postgres", s.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			bg := context.Background()
			tx, err := db.BeginTx(bg, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			// A concurrent change, not committed yet: the referral is
			// withdrawn and the case's version moves on.
			if _, err := tx.ExecContext(bg, `UPDATE case_files SET version = version + 1 WHERE id = $1`, string(f.id)); err != nil {
				t.Fatal(err)
			}
			if _, err := tx.ExecContext(bg, `UPDATE referrals SET status = 'WITHDRAWN' WHERE id = $1`, f.referral); err != nil {
				t.Fatal(err)
			}
			done := make(chan *graphtest.Response, 1)
			go func() {
				done <- serve(s, graphtest.Request{Query: tt.query, Variables: vars(f, tt.query), Header: graphtest.Bearer(token)})
			}()
			// Let the step run into the uncommitted change (it waits for a
			// row lock), then commit the change.
			var resp *graphtest.Response
			for deadline := time.Now().Add(5 * time.Second); resp == nil && time.Now().Before(deadline); {
				select {
				case resp = <-done:
					continue
				default:
				}
				var waiting int
				if err := db.QueryRowContext(bg, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
					t.Fatal(err)
				}
				if waiting > 0 {
					t.Logf("the step waits for a row lock")
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			if resp == nil {
				resp = <-done
			}
			ref, err := s.Client.Referral.Get(ctx, nodeid.ID(f.referral))
			if err != nil {
				t.Fatal(err)
			}
			after := stateOf(t, s, f.id)
			t.Logf("answer: code %q, errors %+v", resp.ErrorCode(), resp.Errors)
			if resp.ErrorCode() == "" || ref.Status != "WITHDRAWN" || after.Version != before.Version+1 {
				t.Errorf("consent over a concurrent withdrawal: code %q, referral %s, version %d → %d; want CONFLICT (or BAD_USER_INPUT), WITHDRAWN, +1 (the concurrent change only)",
					resp.ErrorCode(), ref.Status, before.Version, after.Version)
			}
		})
	}
}

// TestStaffReadsAuditedOutsideTheHandler: a staff read of cases is audited by
// any client of the database (a worker, a script), not only by the one the
// HTTP handler set up.
func TestStaffReadsAuditedOutsideTheHandler(t *testing.T) {
	s := graphtest.New(t)
	for range 3 {
		newCase(t, s)
	}
	_, staffID := s.Staff(t, viewer.RoleSupervisor)
	sys := graphtest.System(context.Background())
	countReads := func(id nodeid.ID) int {
		t.Helper()
		n, err := s.Client.AuditRecord.Query().Where(auditrecord.CaseID(id), auditrecord.Action("case.read")).Count(sys)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	ids, err := s.Client.CaseFile.Query().IDs(sys)
	if err != nil {
		t.Fatal(err)
	}
	before := map[nodeid.ID]int{}
	for _, id := range ids {
		before[id] = countReads(id)
	}

	client := openSecondClient(t, s.URL)
	ctx := viewer.NewContext(context.Background(), viewer.Viewer{StaffID: staffID, Role: viewer.RoleSupervisor})
	cases, err := client.CaseFile.Query().Limit(3).All(ctx)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if len(cases) != 3 {
		t.Fatalf("read %d cases, want 3", len(cases))
	}
	for _, cf := range cases {
		if got := countReads(cf.ID) - before[cf.ID]; got != 1 {
			t.Errorf("case %s: %d case.read audit records for one read, want 1", cf.CaseNumber, got)
		}
	}
}

// openSecondClient opens another client on the database, as another process
// would. (If storage moves to victimservices/internal/storage, change the
// import above: this is its only use.)
func openSecondClient(t *testing.T, url string) *ent.Client {
	t.Helper()
	client, _, err := storage.Open(url, nil)
	if err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

// caseState is what a change of a case leaves behind.
type caseState struct {
	Status  string
	Version int
	Events  int // history entries
	Audits  int // audit records about the case
}

func stateOf(t *testing.T, s *graphtest.Server, id nodeid.ID) caseState {
	t.Helper()
	ctx := graphtest.System(context.Background())
	cf, err := s.Client.CaseFile.Get(ctx, id)
	if err != nil {
		t.Fatalf("case %s: %v", id, err)
	}
	events, err := s.Client.CaseEvent.Query().Where(caseevent.CaseID(id)).Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	audits, err := s.Client.AuditRecord.Query().Where(auditrecord.CaseID(id)).Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return caseState{Status: string(cf.Status), Version: cf.Version, Events: events, Audits: audits}
}

var clientAddrs atomic.Int32

// nextClientAddr is a client address of its own, so the per-client intake
// limit never interferes.
func nextClientAddr() string {
	n := clientAddrs.Add(1)
	return fmt.Sprintf("198.18.%d.%d:4000", n/250, n%250+1)
}

// newCase asks for help from a fresh client address and returns the case
// number and access code.
func newCase(t *testing.T, s *graphtest.Server) (number, code string) {
	t.Helper()
	var got struct {
		RequestSupport struct{ CaseNumber, AccessCode string }
	}
	s.DoFrom(t, nextClientAddr(), graphtest.Request{
		Query: `mutation($in: SupportRequestInput!) { requestSupport(input: $in) { caseNumber accessCode } }`,
		Variables: map[string]any{"in": map[string]any{
			"preferredLocale": "en", "contactMethod": "PHONE", "phone": "(312) 555-0100", "safeToLeaveMessage": false,
			"needs": []string{"VICTIM_ADVOCACY"}, "description": "Someone broke into my car.",
		}},
	}).Decode(t, &got)
	return got.RequestSupport.CaseNumber, got.RequestSupport.AccessCode
}

// serve posts a request without a testing.TB (for goroutines).
func serve(s *graphtest.Server, req graphtest.Request) *graphtest.Response {
	body, _ := json.Marshal(map[string]any{"query": req.Query, "variables": req.Variables})
	hr := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
	hr.Header.Set("Content-Type", "application/json")
	for k, v := range req.Header {
		hr.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.Handler.ServeHTTP(rec, hr)
	resp := &graphtest.Response{Status: rec.Code}
	if err := json.Unmarshal(rec.Body.Bytes(), resp); err != nil {
		resp.Errors = []graphtest.Error{{Message: "not JSON: " + rec.Body.String()}}
	}
	return resp
}

// declared keeps only the variables a query declares.
func declared(query string, all map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range all {
		if strings.Contains(query, "$"+k+":") {
			out[k] = v
		}
	}
	return out
}

// hasError reports whether errs has one with code, about field or about the
// whole operation (no path).
func hasError(errs []graphtest.Error, code, field string) bool {
	for _, e := range errs {
		if e.Code() == code && (len(e.Path) == 0 || e.Path[0] == field) {
			return true
		}
	}
	return false
}

// newHub is an in-process notification hub whose subscriber count tells when
// a subscription has registered.
func newHub(t *testing.T) *notify.Hub {
	t.Helper()
	h, err := notify.New(dialect.SQLite, "", slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

// waitFor polls cond until it holds, failing the test after 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// wsConn is a graphql-transport-ws client on one socket. A goroutine reads
// the socket (a timed-out read would close it), so waiting with a timeout
// leaves the socket usable, and the moment and status of its end are kept.
type wsConn struct {
	conn *websocket.Conn
	msgs chan wsMsg
	done chan struct{}
	// end is the read error that ended the socket (a websocket.CloseError
	// when the server closed it), set before done is closed.
	end error
}

type wsMsg struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// wsResult is what came back for one operation.
type wsResult struct {
	data      json.RawMessage
	errors    []graphtest.Error
	completed bool
	// closed is the socket's end, when it ended before the operation did.
	closed error
}

// dialWS opens a socket to srv and authenticates with token in connection_init.
func dialWS(t *testing.T, srv *httptest.Server, token string) *wsConn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	url := "ws" + strings.TrimPrefix(srv.URL, "http") + "/query"
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	conn.SetReadLimit(1 << 20)
	c := &wsConn{conn: conn, msgs: make(chan wsMsg, 64), done: make(chan struct{})}
	t.Cleanup(func() { conn.CloseNow() })
	go c.readLoop()
	if err := c.send(map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer " + token}}); err != nil {
		t.Fatalf("connection_init: %v", err)
	}
	if m, ok := c.next(5 * time.Second); !ok || m.Type != "connection_ack" {
		t.Fatalf("connection_init answered %+v (socket end: %v), want connection_ack", m, c.ended())
	}
	return c
}

func (c *wsConn) readLoop() {
	defer close(c.done)
	for {
		_, b, err := c.conn.Read(context.Background())
		if err != nil {
			c.end = err
			return
		}
		var m wsMsg
		if err := json.Unmarshal(b, &m); err != nil {
			continue
		}
		switch m.Type {
		case "ping":
			_ = c.send(map[string]any{"type": "pong"})
			continue
		case "pong", "ka":
			continue
		}
		c.msgs <- m
	}
}

func (c *wsConn) send(v any) error {
	b, _ := json.Marshal(v)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return c.conn.Write(ctx, websocket.MessageText, b)
}

// next returns the next message; ok is false when the socket ended or
// nothing came within timeout.
func (c *wsConn) next(timeout time.Duration) (m wsMsg, ok bool) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case m := <-c.msgs:
		return m, true
	case <-c.done:
		select {
		case m := <-c.msgs:
			return m, true
		default:
			return wsMsg{}, false
		}
	case <-timer.C:
		return wsMsg{}, false
	}
}

// ended returns the socket's end, or nil while it is open.
func (c *wsConn) ended() error {
	select {
	case <-c.done:
		return c.end
	default:
		return nil
	}
}

func (c *wsConn) subscribe(t *testing.T, id, query string, vars map[string]any) {
	t.Helper()
	if err := c.send(map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{"query": query, "variables": vars}}); err != nil {
		t.Fatalf("subscribe %s: %v", id, err)
	}
}

// do runs a query or mutation and collects its answer, up to complete or
// error, or the end of the socket.
func (c *wsConn) do(t *testing.T, id, query string, vars map[string]any) wsResult {
	t.Helper()
	if err := c.send(map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{"query": query, "variables": vars}}); err != nil {
		select { // the server may have closed the socket already
		case <-c.done:
		case <-time.After(time.Second):
		}
		if end := c.ended(); end != nil {
			return wsResult{closed: end}
		}
		t.Fatalf("send %s: %v", id, err)
	}
	var res wsResult
	deadline := time.Now().Add(5 * time.Second)
	for {
		m, ok := c.next(time.Until(deadline))
		if !ok {
			if end := c.ended(); end != nil {
				res.closed = end
				return res
			}
			t.Fatalf("%s: no complete within 5s (data %s, errors %+v)", id, res.data, res.errors)
		}
		if m.ID != id {
			t.Logf("message %s for %q while waiting for %q", m.Type, m.ID, id)
			continue
		}
		switch m.Type {
		case "next":
			var p struct {
				Data   json.RawMessage   `json:"data"`
				Errors []graphtest.Error `json:"errors"`
			}
			if err := json.Unmarshal(m.Payload, &p); err != nil {
				t.Fatalf("%s: next %s: %v", id, m.Payload, err)
			}
			res.data, res.errors = p.Data, append(res.errors, p.Errors...)
		case "error":
			var errs []graphtest.Error
			if err := json.Unmarshal(m.Payload, &errs); err != nil {
				t.Fatalf("%s: error %s: %v", id, m.Payload, err)
			}
			res.errors = append(res.errors, errs...)
			return res
		case "complete":
			res.completed = true
			return res
		}
	}
}

// waitClose collects messages until the socket ends or the deadline passes,
// and returns the end (nil when still open) and the messages seen.
func (c *wsConn) waitClose(deadline time.Time) (end error, seen []wsMsg) {
	for {
		m, ok := c.next(time.Until(deadline))
		if !ok {
			return c.ended(), seen
		}
		seen = append(seen, m)
	}
}

// expectRefused checks the answer to an operation sent with a credential
// that no longer holds: no data, UNAUTHENTICATED, then the server closes the
// socket with 4401. (A server that closed the socket with 4401 before reading
// the operation refused it too.)
func expectRefused(t *testing.T, c *wsConn, op string, res wsResult) {
	t.Helper()
	if res.closed != nil {
		if websocket.CloseStatus(res.closed) != closeUnauthorized {
			t.Errorf("%s: socket ended with %v, want close code %d", op, res.closed, closeUnauthorized)
		}
		return
	}
	if hasData(res.data) {
		t.Errorf("%s with a credential that no longer holds answered %s (errors %+v), want UNAUTHENTICATED and close code %d", op, res.data, res.errors, closeUnauthorized)
		return
	}
	if !hasError(res.errors, "UNAUTHENTICATED", op) {
		t.Errorf("%s: errors %+v, want UNAUTHENTICATED", op, res.errors)
	}
	end, seen := c.waitClose(time.Now().Add(2 * time.Second))
	switch {
	case end == nil:
		t.Errorf("%s: socket still open 2s after the refusal (messages seen: %s), want close code %d", op, types(seen), closeUnauthorized)
	case websocket.CloseStatus(end) != closeUnauthorized:
		t.Errorf("%s: socket ended with %v, want close code %d", op, end, closeUnauthorized)
	}
}

// hasData reports whether a response's data holds any non-null field.
func hasData(data json.RawMessage) bool {
	var fields map[string]any
	if len(data) == 0 || json.Unmarshal(data, &fields) != nil {
		return false
	}
	for _, v := range fields {
		if v != nil {
			return true
		}
	}
	return false
}

func types(msgs []wsMsg) string {
	if len(msgs) == 0 {
		return "none"
	}
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m.Type + "(" + m.ID + ")"
	}
	return strings.Join(out, ", ")
}

// TestMutationOverWebsocket: a mutation sent on an open socket runs in its
// field's transaction and answers once, with its data and no error (entgql's
// Transactioner used to answer a second, spurious "panic" error).
func TestMutationOverWebsocket(t *testing.T) {
	s := graphtest.New(t)
	number, _ := newCase(t, s)
	before := s.Case(t, number)
	ws := dialWS(t, s.HTTP(t), s.Token(t, viewer.RoleSupervisor))
	res := ws.do(t, "m1", `mutation($id: ID!) { addCaseNote(caseId: $id, detail: "Called back.", victimVisible: false) { version } }`,
		map[string]any{"id": before.ID})
	if len(res.errors) > 0 || !res.completed || !strings.Contains(string(res.data), fmt.Sprintf(`"version":%d`, before.Version+1)) {
		t.Fatalf("addCaseNote over a websocket: data %s errors %+v completed %v, want version %d and no error", res.data, res.errors, res.completed, before.Version+1)
	}
	if got := s.Case(t, number).Version; got != before.Version+1 {
		t.Errorf("version %d after the note, want %d", got, before.Version+1)
	}
	// The socket is still usable afterwards.
	if res := ws.do(t, "q1", `query { cases(first: 1) { totalCount } }`, nil); len(res.errors) > 0 || !res.completed {
		t.Errorf("query after the mutation: errors %+v completed %v", res.errors, res.completed)
	}
}

// TestRevocationReachesEveryServer: two server processes on one PostgreSQL
// database; a session ended through one is refused at once on a socket open
// on the other, and the other's live subscription ends with 4401 within a
// second (NOTIFY wakes it).
func TestRevocationReachesEveryServer(t *testing.T) {
	probe := graphtest.New(t)
	if !strings.HasPrefix(probe.URL, "postgres") {
		t.Skip("two server processes need PostgreSQL (TEST_DATABASE_URL)")
	}
	hub := func() *notify.Hub { return graphtest.ListeningHub(t, probe) }
	hubTwo := hub()
	one := graphtest.Attach(t, probe, graphtest.WithNotifier(hub()))
	two := graphtest.Attach(t, probe, graphtest.WithNotifier(hubTwo))
	number, code := newCase(t, one)
	token := one.Session(t, number, code)
	srv := two.HTTP(t)
	queries, live := dialWS(t, srv, token), dialWS(t, srv, token)
	const myCase = `query { myCase { caseNumber } }`
	if res := queries.do(t, "q1", myCase, nil); len(res.errors) > 0 || !strings.Contains(string(res.data), number) {
		t.Fatalf("myCase before revocation: data %s errors %+v", res.data, res.errors)
	}
	live.subscribe(t, "s1", `subscription { myCaseUpdated { statusLabel } }`, nil)
	waitFor(t, "the subscription to register", func() bool { return hubTwo.Subscribers() == 1 })

	revokedAt := time.Now()
	if resp := one.Do(t, graphtest.Request{Query: `mutation { endCaseSession }`, Header: graphtest.Bearer(token)}); resp.ErrorCode() != "" {
		t.Fatalf("endCaseSession: %+v", resp.Errors)
	}
	end, _ := live.waitClose(revokedAt.Add(time.Second))
	if end == nil || websocket.CloseStatus(end) != closeUnauthorized {
		t.Errorf("the other server's subscription socket: %v one second after the revocation, want close code %d", end, closeUnauthorized)
	}
	expectRefused(t, queries, "myCase", queries.do(t, "q2", myCase, nil))
}

// TestSocketRechecksAreCheap: the operations on an open socket re-check the
// victim's session without a query each (Recheck remembers a live session
// for a second), yet a session ended meanwhile is refused at once.
func TestSocketRechecksAreCheap(t *testing.T) {
	s := graphtest.New(t)
	number, code := newCase(t, s)
	token := s.Session(t, number, code)
	ws := dialWS(t, s.HTTP(t), token)
	if res := ws.do(t, "q0", `{ __typename }`, nil); len(res.errors) > 0 {
		t.Fatalf("first operation: %+v", res.errors)
	}
	s.Statements.Reset()
	for i := 1; i <= 5; i++ {
		if res := ws.do(t, fmt.Sprintf("q%d", i), `{ __typename }`, nil); len(res.errors) > 0 {
			t.Fatalf("operation %d: %+v", i, res.errors)
		}
	}
	if n := s.Statements.Count(); n > 1 {
		t.Errorf("5 operations on an open socket cost %d statements, want at most 1 (a re-check each is not needed)", n)
	}
	if resp := s.Do(t, graphtest.Request{Query: `mutation { endCaseSession }`, Header: graphtest.Bearer(token)}); resp.ErrorCode() != "" {
		t.Fatalf("endCaseSession: %+v", resp.Errors)
	}
	expectRefused(t, ws, "an operation right after endCaseSession", ws.do(t, "q9", `{ __typename }`, nil))
}
