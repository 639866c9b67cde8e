package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/notification"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/auth"
	"victimservices/internal/cases"
	"victimservices/internal/delivery"
	"victimservices/internal/delivery/deliverytest"
	"victimservices/internal/outreach"
	"victimservices/internal/request"
	"victimservices/locales"
)

// staffContext is the context a request of the staff token would carry.
func (r *outreachRig) staffContext(t *testing.T, token string) context.Context {
	t.Helper()
	authn := &auth.Authenticator{Client: r.s.Client, Secret: []byte(graphtest.Secret)}
	ctx, err := authn.Authenticate(request.WithInstant(context.Background(), r.s.Now()), "Bearer "+token)
	if err != nil {
		t.Fatal(err)
	}
	return ctx
}

// TestARolledBackChangeSendsNothing: the notification and its job are
// written in the case change's transaction; when that transaction rolls
// back there is nothing to send. The same change committed sends one text.
func TestARolledBackChangeSendsNothing(t *testing.T) {
	r := newOutreachRig(t)
	domain := cases.New(cases.Config{Client: r.s.Client, Outbox: r.s.Outreach, Clock: r.s.Now})
	for _, commit := range []bool{false, true} {
		cf, _ := r.intake(t, nil)
		ctx := r.staffContext(t, r.assigned(t, cf))
		tx, err := r.s.Client.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := domain.UpdateStatus(ent.NewTxContext(ctx, tx), cf.ID, casefile.StatusIN_PROGRESS, nil, nil); err != nil {
			t.Fatal(err)
		}
		// Inside the transaction the outbox holds it…
		if n, err := tx.Notification.Query().Where(notification.CaseID(cf.ID)).Count(graphtest.System(ctx)); err != nil || n != 1 {
			t.Fatalf("%d notifications inside the change's transaction (%v), want 1", n, err)
		}
		if commit {
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			r.waitFor(t, cf, "sent", allIn(notification.StatusSENT))
			if got := r.sms.Requests(); len(got) != 1 || got[0].To != "+13125550100" {
				t.Fatalf("committed change: SMS requests %+v, want one", got)
			}
			continue
		}
		// …and rolled back, nothing is left to deliver.
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond) // the workers poll every 20 ms
		if list := r.notifications(t, cf); len(list) != 0 || len(r.sms.Requests()) != 0 {
			t.Fatalf("after the rollback: %s and %d SMS requests", describe(list), len(r.sms.Requests()))
		}
		if got := r.s.Case(t, cf.CaseNumber); got.Status != casefile.StatusRECEIVED {
			t.Fatalf("the rolled-back status stuck: %s", got.Status)
		}
	}
}

const messagesFields = `unreadMessageCount messages(last: 10) { totalCount edges { node { direction body template readAt } } }`

type messagesView struct {
	UnreadMessageCount int
	Messages           struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				Direction, Body, Template string
				ReadAt                    *time.Time
			}
		}
	}
}

func (m messagesView) bodies() []string {
	var out []string
	for _, e := range m.Messages.Edges {
		out = append(out, e.Node.Direction+": "+e.Node.Body)
	}
	return out
}

// TestAdvocateAndPersonWriteToEachOther: an advocate who writes in English
// sends a template that reaches a Spanish-speaking person in Spanish (and a
// neutral text tells them of it); the person's answer arrives live on the
// staff side; unread counts and read receipts follow; a person of another
// case and an advocate of another case see nothing; none of it moves the
// case's version.
func TestAdvocateAndPersonWriteToEachOther(t *testing.T) {
	r := newOutreachRig(t)
	cf, code := r.intake(t, map[string]any{"phone": "(312) 555-0120"})
	advocate := r.assigned(t, cf)
	session := r.s.Session(t, cf.CaseNumber, code)
	version := r.s.Case(t, cf.CaseNumber).Version

	sub, err := graphtest.Subscribe(t, r.s.HTTP(t), advocate,
		`subscription($id: ID!) { caseUpdated(caseId: $id) { caseNumber `+messagesFields+` } }`, map[string]any{"id": cf.ID})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // let the subscription register

	// The advocate reads the templates in English and sends one.
	var templates struct {
		MessageTemplates []struct{ Key, Text string }
	}
	r.s.Do(t, graphtest.Request{Query: `{ messageTemplates(locale: "en") { key text } }`, Header: graphtest.Bearer(advocate)}).Decode(t, &templates)
	if len(templates.MessageTemplates) != len(cases.MessageTemplates) {
		t.Fatalf("templates %+v", templates.MessageTemplates)
	}
	tpl := templates.MessageTemplates[0]
	es, en := locales.Match("es"), locales.Default()
	if tpl.Text != en.T(tpl.Key, nil) || es.T(tpl.Key, nil) == tpl.Text {
		t.Fatalf("template %+v: no English text or no Spanish one to test with", tpl)
	}
	r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!, $k: String!) { sendMessageToVictim(caseId: $id, template: $k) { direction } }`,
		Variables: map[string]any{"id": cf.ID, "k": tpl.Key}, Header: graphtest.Bearer(advocate)}).Decode(t, &struct{}{})
	if _, ok := sub.Next(t, 5*time.Second); !ok { // the advocate's own message, live
		t.Fatalf("no live update for the advocate's message (%v)", sub.Err)
	}

	// The person reads it in Spanish, with its unread count; they are told
	// outside the app with the neutral text only.
	// (The app asks in the language its reader chose.)
	myCase := func() messagesView {
		var got struct{ MyCase messagesView }
		r.s.Do(t, graphtest.Request{Query: `{ myCase(locale: "es") { ` + messagesFields + ` } }`, Header: graphtest.Bearer(session)}).Decode(t, &got)
		return got.MyCase
	}
	mine := myCase()
	if mine.UnreadMessageCount != 1 || mine.Messages.TotalCount != 1 || mine.Messages.Edges[0].Node.Body != es.T(tpl.Key, nil) ||
		mine.Messages.Edges[0].Node.Template != tpl.Key {
		t.Fatalf("the person's view: %+v", mine)
	}
	r.waitFor(t, cf, "the message's text", allIn(notification.StatusSENT))
	if got := r.sms.Requests(); len(got) != 1 || got[0].Body != "Notifications: "+es.T("outreach.neutral.body", nil) {
		t.Fatalf("texts %+v, want one neutral", got)
	}

	// Reading it sends the read receipt the advocate sees.
	var read struct{ MarkMyMessagesRead int }
	r.s.Do(t, graphtest.Request{Query: `mutation { markMyMessagesRead }`, Header: graphtest.Bearer(session)}).Decode(t, &read)
	if read.MarkMyMessagesRead != 1 || myCase().UnreadMessageCount != 0 {
		t.Fatalf("markMyMessagesRead = %d, unread after: %d", read.MarkMyMessagesRead, myCase().UnreadMessageCount)
	}
	if _, ok := sub.Next(t, 5*time.Second); !ok {
		t.Fatalf("no live update for the read receipt (%v)", sub.Err)
	}
	staffView := func(token string) (*messagesView, string) {
		var got struct{ Case *messagesView }
		resp := r.s.Do(t, graphtest.Request{Query: `query($n: String!) { case(caseNumber: $n) { ` + messagesFields + ` } }`,
			Variables: map[string]any{"n": cf.CaseNumber}, Header: graphtest.Bearer(token)})
		if resp.ErrorCode() != "" {
			return nil, resp.ErrorCode()
		}
		resp.Decode(t, &got)
		return got.Case, ""
	}
	if v, _ := staffView(advocate); v == nil || v.Messages.Edges[0].Node.ReadAt == nil || v.Messages.Edges[0].Node.Body != tpl.Text {
		t.Fatalf("the advocate's view after the receipt: %+v", v)
	}

	// The person answers; it arrives live on the staff side.
	r.s.SetNow(r.s.Now().Add(time.Minute))
	reply := "Gracias. Puedo hablar después de las 6."
	r.s.Do(t, graphtest.Request{Query: `mutation($b: String!) { sendCaseMessage(body: $b) { direction } }`,
		Variables: map[string]any{"b": reply}, Header: graphtest.Bearer(session)}).Decode(t, &struct{}{})
	data, ok := sub.Next(t, 5*time.Second)
	if !ok {
		t.Fatalf("no live update for the reply (%v)", sub.Err)
	}
	var live struct{ CaseUpdated messagesView }
	_ = json.Unmarshal(data, &live)
	if b := live.CaseUpdated.bodies(); live.CaseUpdated.UnreadMessageCount != 1 || len(b) != 2 || b[1] != "FROM_VICTIM: "+reply {
		t.Fatalf("live on the staff side: %s", data)
	}
	var staffRead struct{ MarkCaseMessagesRead int }
	r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { markCaseMessagesRead(caseId: $id) }`,
		Variables: map[string]any{"id": cf.ID}, Header: graphtest.Bearer(advocate)}).Decode(t, &staffRead)
	if m := myCase(); staffRead.MarkCaseMessagesRead != 1 || m.Messages.Edges[1].Node.ReadAt == nil {
		t.Fatalf("markCaseMessagesRead = %d; the person's view: %+v", staffRead.MarkCaseMessagesRead, m)
	}

	// Others see nothing: another person, and an advocate of another case.
	other, otherCode := r.intake(t, map[string]any{"phone": "(312) 555-0121"})
	var theirs struct{ MyCase messagesView }
	r.s.Do(t, graphtest.Request{Query: `{ myCase { ` + messagesFields + ` } }`,
		Header: graphtest.Bearer(r.s.Session(t, other.CaseNumber, otherCode))}).Decode(t, &theirs)
	if theirs.MyCase.Messages.TotalCount != 0 || theirs.MyCase.UnreadMessageCount != 0 {
		t.Errorf("another person sees messages: %+v", theirs.MyCase)
	}
	stranger := r.assigned(t, other)
	if v, code := staffView(stranger); v != nil {
		t.Errorf("an advocate of another case reads the messages: %+v (%s)", v, code)
	}
	resp := r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { sendMessageToVictim(caseId: $id, body: "hola") { direction } }`,
		Variables: map[string]any{"id": cf.ID}, Header: graphtest.Bearer(stranger)})
	if resp.ErrorCode() != "NOT_FOUND" {
		t.Errorf("an advocate of another case writes to the person: %s", resp.ErrorCode())
	}

	// Messages and receipts left the staff-guarded version alone.
	if v := r.s.Case(t, cf.CaseNumber).Version; v != version {
		t.Errorf("version %d after messages, want %d", v, version)
	}
}

// TestASupervisorIsAlertedBeforeTheFirstContactGoal: at 20 hours without
// first contact (the goal is 24), every supervisor gets an email, once; a
// minute earlier nobody does, and the person is never told.
func TestASupervisorIsAlertedBeforeTheFirstContactGoal(t *testing.T) {
	r := newOutreachRig(t)
	_, supID := r.s.Staff(t, viewer.RoleSupervisor)
	opened := r.s.Now()
	cf, _ := r.intake(t, map[string]any{"phone": "(312) 555-0130"})
	alerts := func() []*ent.Notification {
		var out []*ent.Notification
		for _, n := range r.notifications(t, cf) {
			if n.Topic == notification.TopicFIRST_CONTACT_DUE {
				out = append(out, n)
			}
		}
		return out
	}
	sweep := func(at time.Time) {
		t.Helper()
		r.s.SetNow(at)
		if err := r.s.Outreach.Sweep(request.WithInstant(context.Background(), at)); err != nil {
			t.Fatal(err)
		}
	}

	sweep(opened.Add(outreach.FirstContactAlert - time.Minute))
	if got := alerts(); len(got) != 0 {
		t.Fatalf("alerted at 19h59: %s", describe(got))
	}

	// At 20h01 the queue's own sweep job finds it.
	r.s.SetNow(opened.Add(outreach.FirstContactAlert + time.Minute))
	if err := r.s.Queue.Insert(context.Background(), outreach.SweepArgs{}, nil); err != nil {
		t.Fatal(err)
	}
	subject := locales.Default().T("staff.alert.firstContact.subject", map[string]any{"CaseNumber": cf.CaseNumber})
	deadline := time.Now().Add(20 * time.Second)
	var mail []string
	for len(mail) == 0 {
		for _, m := range r.mail.Messages() {
			if m.Subject == subject {
				mail = append(mail, strings.Join(m.To, ",")+": "+m.Body)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no alert email %q; notifications: %s", subject, describe(alerts()))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(mail[0], "advocate@example.org: ") || !strings.Contains(mail[0], "20") || !strings.Contains(mail[0], cf.CaseNumber) {
		t.Errorf("alert email %q", mail[0])
	}
	got := alerts()
	toSup := false
	for _, n := range got {
		if n.Audience != notification.AudienceSTAFF || n.Channel != notification.ChannelEMAIL {
			t.Errorf("alert %s to %s over %s", n.Topic, n.Audience, n.Channel)
		}
		toSup = toSup || n.StaffID == supID
	}
	if !toSup {
		t.Errorf("the supervisor %s is not among the alerted: %s", supID, describe(got))
	}
	// Once: a later sweep adds nothing; the person heard nothing.
	sweep(opened.Add(outreach.FirstContactAlert + 2*time.Hour))
	if again := alerts(); len(again) != len(got) {
		t.Errorf("%d alerts after another sweep, want %d", len(again), len(got))
	}
	if n := len(r.sms.Requests()); n != 0 {
		t.Errorf("the person got %d texts", n)
	}
}

// TestAPersonsMessagesAreLimited: at most 2000 characters, and
// cases.MessagesPerCase an hour; what is refused says so and is not stored.
func TestAPersonsMessagesAreLimited(t *testing.T) {
	r := newOutreachRig(t)
	cf, code := r.intake(t, map[string]any{"phone": "(312) 555-0140"})
	session := r.s.Session(t, cf.CaseNumber, code)
	send := func(body string) *graphtest.Response {
		return r.s.Do(t, graphtest.Request{Query: `mutation($b: String!) { sendCaseMessage(body: $b) { id } }`,
			Variables: map[string]any{"b": body}, Header: graphtest.Bearer(session)})
	}
	if c := send(strings.Repeat("a", 2001)).ErrorCode(); c != "BAD_USER_INPUT" {
		t.Errorf("2001 characters: %q, want BAD_USER_INPUT", c)
	}
	for i := range cases.MessagesPerCase {
		if c := send(fmt.Sprintf("mensaje %d", i)).ErrorCode(); c != "" {
			t.Fatalf("message %d refused: %s", i+1, c)
		}
	}
	if c := send("uno más").ErrorCode(); c != "RATE_LIMITED" {
		t.Errorf("message %d: %q, want RATE_LIMITED", cases.MessagesPerCase+1, c)
	}
	var got struct{ MyCase messagesView }
	r.s.Do(t, graphtest.Request{Query: `{ myCase { ` + messagesFields + ` } }`, Header: graphtest.Bearer(session)}).Decode(t, &got)
	if got.MyCase.Messages.TotalCount != cases.MessagesPerCase {
		t.Errorf("%d messages stored, want %d", got.MyCase.Messages.TotalCount, cases.MessagesPerCase)
	}
}

// TestTheProvidersCallbacks: delivery reports and replies by text arrive
// on /hooks/sms/*, signed by the provider; a forged one changes nothing.
// STOP stops every outside message, START lifts it, HELP gives the unit's
// number, all in the person's language and neutral.
func TestTheProvidersCallbacks(t *testing.T) {
	// The server listens before it starts, so its texts can name their
	// status callback on it (as PUBLIC_URL does in production).
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r := &outreachRig{sms: deliverytest.NewSMSServer(t, smsToken), mail: deliverytest.NewSMTPServer(t)}
	r.s = graphtest.New(t, outreachSetup(r.sms, r.mail, func(o *graphtest.OutreachSetup) {
		o.SMS, err = delivery.NewSMS(delivery.SMSConfig{URL: r.sms.URL(), AccountSID: r.sms.AccountSID(), AuthToken: smsToken,
			From: "+13125550000", StatusCallback: "http://" + ln.Addr().String() + "/hooks/sms/status"})
	}))
	if err != nil {
		t.Fatal(err)
	}
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: r.s.Handler}}
	srv.Start()
	t.Cleanup(srv.Close)
	cf, _ := r.intake(t, map[string]any{"phone": "(312) 555-0150"})
	advocate := r.assigned(t, cf)
	r.setStatus(t, advocate, cf, "IN_PROGRESS")
	first := r.waitFor(t, cf, "sent", allIn(notification.StatusSENT))[0]
	if first.ProviderID == "" || first.ProviderID != r.sms.Requests()[0].SID {
		t.Fatalf("provider id %q, the provider answered %q", first.ProviderID, r.sms.Requests()[0].SID)
	}
	statusOf := func(id string) notification.Status {
		n, err := r.s.Client.Notification.Get(graphtest.System(context.Background()), nodeid.ID(id))
		if err != nil {
			t.Fatal(err)
		}
		return n.Status
	}

	if cb := r.sms.Requests()[0].StatusCallback; cb != srv.URL+"/hooks/sms/status?n="+string(first.ID) {
		t.Fatalf("status callback %q", cb)
	}
	// A report without the provider's signature is refused.
	forged, err := http.PostForm(srv.URL+"/hooks/sms/status", url.Values{"MessageSid": {first.ProviderID}, "MessageStatus": {"delivered"}})
	if err != nil {
		t.Fatal(err)
	}
	forged.Body.Close()
	if forged.StatusCode != http.StatusForbidden || statusOf(string(first.ID)) != notification.StatusSENT {
		t.Fatalf("forged report: HTTP %d, status %s", forged.StatusCode, statusOf(string(first.ID)))
	}
	post := func(resp *http.Response, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode/100 != 2 {
			t.Fatalf("HTTP %d: %s", resp.StatusCode, b)
		}
		return string(b)
	}
	// A report by message SID alone (an older callback URL) finds it too.
	post(r.sms.SendStatus(srv.URL+"/hooks/sms/status", first.ProviderID, "delivered"))
	var seen struct {
		Case struct {
			NotificationPreferences struct {
				Stopped   bool
				StoppedBy *string
			}
			Notifications []struct{ Status, LastError string }
		}
	}
	staffSees := func() {
		t.Helper()
		r.s.Do(t, graphtest.Request{Query: `query($n: String!) { case(caseNumber: $n) { notificationPreferences { stopped stoppedBy } notifications { status lastError } } }`,
			Variables: map[string]any{"n": cf.CaseNumber}, Header: graphtest.Bearer(advocate)}).Decode(t, &seen)
	}
	staffSees()
	if len(seen.Case.Notifications) != 1 || seen.Case.Notifications[0].Status != "DELIVERED" {
		t.Fatalf("the advocate sees %+v, want DELIVERED", seen.Case.Notifications)
	}

	// Replies, answered in Spanish.
	es := locales.Match("es")
	reply := func(body string) string {
		return post(r.sms.SendInbound(srv.URL+"/hooks/sms/inbound", "+13125550150", "+13125550000", body))
	}
	if got, want := reply("HELP"), string(delivery.TwiML(es.T("outreach.help", map[string]any{"Sender": "Notifications", "Phone": "+13125551234"}))); got != want {
		t.Errorf("HELP answered %s, want %s", got, want)
	}
	if got, want := reply(" stop "), string(delivery.TwiML(es.T("outreach.stopped", nil))); got != want {
		t.Errorf("STOP answered %s, want %s", got, want)
	}
	staffSees()
	if p := seen.Case.NotificationPreferences; !p.Stopped || p.StoppedBy == nil || *p.StoppedBy != "SMS_REPLY" {
		t.Fatalf("after STOP the advocate sees %+v", p)
	}
	r.setStatus(t, advocate, cf, "AWAITING_COURT")
	time.Sleep(300 * time.Millisecond)
	if n := len(r.sms.Requests()); n != 1 {
		t.Fatalf("%d texts after STOP, want still 1", n)
	}
	if got, want := reply("START"), string(delivery.TwiML(es.T("outreach.started", nil))); got != want {
		t.Errorf("START answered %s, want %s", got, want)
	}
	// On again: the next text goes out, and its failure report shows.
	r.s.SetNow(r.s.Now().Add(time.Minute))
	r.setStatus(t, advocate, cf, "IN_PROGRESS")
	second := r.sms.WaitFor(2, 20*time.Second)
	if len(second) != 2 {
		t.Fatalf("%d texts after START, want 2", len(second))
	}
	// Its report may come before the send is recorded: the callback names
	// the notification.
	post(r.sms.SendStatus(second[1].StatusCallback, second[1].SID, "undelivered"))
	r.waitFor(t, cf, "the failure report", func(l []*ent.Notification) bool {
		return len(l) == 2 && l[1].Status == notification.StatusFAILED && l[1].SentAt != nil
	})
	staffSees()
	if n := seen.Case.Notifications; len(n) != 2 || n[0].Status != "FAILED" || n[0].LastError != "30003" || seen.Case.NotificationPreferences.Stopped {
		t.Fatalf("the advocate sees %+v (stopped %v), want the newest FAILED with 30003", n, seen.Case.NotificationPreferences.Stopped)
	}
}

// TestTheDevelopmentOutbox: without SMS or mail configured, outside
// production, what would have been sent is kept for staff to read through
// the API (never the log), and nothing waits.
func TestTheDevelopmentOutbox(t *testing.T) {
	log := &graphtest.Log{}
	s := graphtest.New(t, graphtest.WithLog(log), graphtest.WithOutreach(func(o *graphtest.OutreachSetup) { o.Local = true }))
	r := &outreachRig{s: s}
	cf, _ := r.intake(t, map[string]any{"phone": "(312) 555-0160"})
	advocate := r.assigned(t, cf)
	r.setStatus(t, advocate, cf, "IN_PROGRESS")
	r.waitFor(t, cf, "kept in the outbox", allIn(notification.StatusSENT))
	var got struct {
		DevelopmentOutbox []struct {
			Topic, Channel, Status, Body, Transport, CaseNumber string
			Neutral                                             bool
		}
	}
	s.Do(t, graphtest.Request{Query: `{ developmentOutbox { topic channel status body transport caseNumber neutral } }`, Header: graphtest.Bearer(advocate)}).Decode(t, &got)
	es := locales.Match("es")
	if len(got.DevelopmentOutbox) != 1 {
		t.Fatalf("development outbox %+v, want one", got.DevelopmentOutbox)
	}
	if m := got.DevelopmentOutbox[0]; m.Transport != "local" || m.Channel != "SMS" || m.CaseNumber != cf.CaseNumber || !m.Neutral ||
		!strings.Contains(m.Body, es.T("outreach.neutral.body", nil)) {
		t.Errorf("development outbox %+v", m)
	}
	if strings.Contains(log.String(), es.T("outreach.neutral.body", nil)) || strings.Contains(log.String(), "3125550160") {
		t.Errorf("the log holds the message or the number")
	}
	// Victims do not read it.
	if code := s.Do(t, graphtest.Request{Query: `{ developmentOutbox { body } }`}).ErrorCode(); code != "UNAUTHENTICATED" {
		t.Errorf("anonymous developmentOutbox: %q", code)
	}
}

// TestRemindersBeforeCourtAndAfterClosing: the sweep reminds the person a
// week and a day before a court date, once each, and asks for feedback a
// day after the case closed; an email person reads each title in their
// language and nothing more.
func TestRemindersBeforeCourtAndAfterClosing(t *testing.T) {
	r := newOutreachRig(t)
	cf, _ := r.intake(t, map[string]any{"contactMethod": "EMAIL", "phone": nil, "email": "recordatorio@example.org", "safeToLeaveMessage": true})
	advocate := r.assigned(t, cf)
	start := r.s.Now()
	hearing := start.Add(8 * 24 * time.Hour)
	r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!, $in: CourtDateInput!) { addCourtDate(caseId: $id, input: $in) { version } }`,
		Variables: map[string]any{"id": cf.ID, "in": map[string]any{"at": hearing.Format(time.RFC3339), "courtName": "Cook County Circuit Court"}},
		Header:    graphtest.Bearer(advocate)}).Decode(t, &struct{}{})
	es := locales.Match("es")
	subjects := func(n int) []string {
		t.Helper()
		var got []deliverytest.ReceivedMail
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			got = got[:0]
			for _, m := range r.mail.Messages() {
				if len(m.To) == 1 && m.To[0] == "recordatorio@example.org" { // (not the staff's digests)
					got = append(got, m)
				}
			}
			if len(got) >= n || time.Now().After(deadline) {
				break
			}
		}
		if len(got) != n {
			t.Fatalf("%d emails to the person, want %d", len(got), n)
		}
		var out []string
		for _, m := range got {
			if strings.TrimSpace(m.Body) != m.Subject {
				t.Errorf("email %q carries more than its title: %q", m.Subject, m.Body)
			}
			out = append(out, m.Subject)
		}
		return out
	}
	title := func(topic string) string { return es.T("outreach.topic."+topic, nil) }
	subjects(1) // the court date itself
	sweep := func(at time.Time) {
		t.Helper()
		r.s.SetNow(at)
		if err := r.s.Outreach.Sweep(request.WithInstant(context.Background(), at)); err != nil {
			t.Fatal(err)
		}
	}

	sweep(start.Add(24 * time.Hour)) // 7 days before
	sweep(start.Add(25 * time.Hour)) // and not twice
	if got := subjects(2); got[1] != title("COURT_REMINDER_WEEK") {
		t.Errorf("a week before: %q, want %q", got[1], title("COURT_REMINDER_WEEK"))
	}
	sweep(hearing.Add(-3 * 24 * time.Hour)) // nothing between
	sweep(hearing.Add(-23 * time.Hour))
	sweep(hearing.Add(-22 * time.Hour))
	if got := subjects(3); got[2] != title("COURT_REMINDER_DAY") {
		t.Errorf("a day before: %q, want %q", got[2], title("COURT_REMINDER_DAY"))
	}

	// Closed after the hearing: a day later, the feedback request, once.
	r.s.SetNow(hearing.Add(2 * time.Hour))
	advocate = r.s.TokenFor(t, string(*r.s.Case(t, cf.CaseNumber).AdvocateID)) // (the first expired)
	r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { closeCase(caseId: $id, outcome: RESOLVED) { status } }`,
		Variables: map[string]any{"id": cf.ID}, Header: graphtest.Bearer(advocate)}).Decode(t, &struct{}{})
	subjects(4) // the status change
	sweep(hearing.Add(25 * time.Hour))
	time.Sleep(300 * time.Millisecond)
	subjects(4)
	sweep(hearing.Add(26*time.Hour + time.Minute))
	sweep(hearing.Add(27 * time.Hour))
	if got := subjects(5); got[4] != title("FEEDBACK_REQUEST") {
		t.Errorf("after closing: %q, want %q", got[4], title("FEEDBACK_REQUEST"))
	}
	time.Sleep(300 * time.Millisecond)
	subjects(5)
}

// TestTheAdvocatesMorningDigest: from 07:00 in the unit's zone, each
// advocate with follow-ups due today or cases awaiting first contact gets
// one email listing them, once a day; nothing goes to the person.
func TestTheAdvocatesMorningDigest(t *testing.T) {
	r := newOutreachRig(t)
	cf, _ := r.intake(t, map[string]any{"phone": "(312) 555-0170"})
	advocate, id := r.s.Staff(t, viewer.RoleAdvocate)
	if err := r.s.Client.Staff.UpdateOneID(nodeid.ID(id)).SetEmail("digest@example.org").Exec(graphtest.System(context.Background())); err != nil {
		t.Fatal(err)
	}
	if err := r.s.Client.CaseFile.UpdateOneID(cf.ID).SetAdvocateID(nodeid.ID(id)).Exec(graphtest.System(context.Background())); err != nil {
		t.Fatal(err)
	}
	other, _ := r.intake(t, map[string]any{"phone": "(312) 555-0171"})
	r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { recordFirstContact(caseId: $id) { version } }`,
		Variables: map[string]any{"id": cf.ID}, Header: graphtest.Bearer(advocate)}).Decode(t, &struct{}{})
	if err := r.s.Client.CaseFile.UpdateOneID(other.ID).SetAdvocateID(nodeid.ID(id)).Exec(graphtest.System(context.Background())); err != nil {
		t.Fatal(err)
	}
	// The server's clock: Tuesday 2026-11-24 12:00 UTC, 06:00 in Chicago.
	due := time.Date(2026, 11, 24, 22, 0, 0, 0, time.UTC) // 16:00 in Chicago
	r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!, $at: Time!) { scheduleFollowUp(caseId: $id, dueAt: $at) { version } }`,
		Variables: map[string]any{"id": cf.ID, "at": due.Format(time.RFC3339)}, Header: graphtest.Bearer(advocate)}).Decode(t, &struct{}{})
	sweep := func(at time.Time) {
		t.Helper()
		r.s.SetNow(at)
		if err := r.s.Outreach.Sweep(request.WithInstant(context.Background(), at)); err != nil {
			t.Fatal(err)
		}
	}
	digests := func() []string {
		var out []string
		for _, m := range r.mail.Messages() {
			if len(m.To) == 1 && m.To[0] == "digest@example.org" {
				out = append(out, m.Subject+"\n"+m.Body)
			}
		}
		return out
	}
	sweep(time.Date(2026, 11, 24, 12, 59, 0, 0, time.UTC)) // 06:59 in Chicago
	time.Sleep(300 * time.Millisecond)
	if got := digests(); len(got) != 0 {
		t.Fatalf("a digest before 07:00: %q", got)
	}
	sweep(time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC))
	sweep(time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)) // once a day
	deadline := time.Now().Add(20 * time.Second)
	for len(digests()) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	got := digests()
	want := locales.Default().T("staff.digest.subject", map[string]any{"FollowUps": 1, "Awaiting": 1}) + "\n" +
		locales.Default().T("staff.digest.body", map[string]any{"FollowUpList": cf.CaseNumber, "AwaitingList": other.CaseNumber})
	if len(got) != 1 || strings.TrimSpace(got[0]) != want {
		t.Fatalf("digests %q, want one %q", got, want)
	}
	// The next morning, another.
	sweep(time.Date(2026, 11, 25, 13, 30, 0, 0, time.UTC))
	deadline = time.Now().Add(20 * time.Second)
	for len(digests()) < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := len(digests()); n != 2 {
		t.Errorf("%d digests after two mornings, want 2", n)
	}
	for _, req := range r.sms.Requests() {
		if strings.Contains(req.Body, cf.CaseNumber) {
			t.Errorf("a text carries a case number: %q", req.Body)
		}
	}
}

// TestTheReportCountsDeliveryByChannel: performanceReport's
// notificationDelivery counts what was queued in the period by channel:
// sent, failed (refused for good), deferred (waiting for a window).
func TestTheReportCountsDeliveryByChannel(t *testing.T) {
	r := newOutreachRig(t)
	t0 := time.Date(2027, 6, 1, 10, 0, 0, 0, time.UTC) // a Tuesday, 05:00 in Chicago
	r.s.SetNow(t0)
	sent, _ := r.intake(t, map[string]any{"phone": "(312) 555-0180"})
	failed, _ := r.intake(t, map[string]any{"contactMethod": "EMAIL", "phone": nil, "email": "rechazo@example.org", "safeToLeaveMessage": true})
	deferred, _ := r.intake(t, map[string]any{"phone": "(312) 555-0181", "timeZone": "America/Chicago",
		"contactWindows": []map[string]any{{"day": "FRIDAY", "opens": "18:00", "closes": "20:00"}}})
	r.mail.RejectRcpt(1, 550)
	for _, cf := range []*ent.CaseFile{sent, failed, deferred} {
		r.setStatus(t, r.assigned(t, cf), cf, "IN_PROGRESS")
	}
	r.waitFor(t, sent, "sent", allIn(notification.StatusSENT))
	r.waitFor(t, failed, "failed", allIn(notification.StatusFAILED))
	r.waitFor(t, deferred, "deferred", func(l []*ent.Notification) bool { return len(l) == 1 && l[0].NotBefore.After(t0) })

	var got struct {
		PerformanceReport struct {
			NotificationDelivery []struct {
				Channel                string
				Sent, Failed, Deferred int
			}
		}
	}
	r.s.Do(t, graphtest.Request{Query: `query($f: Time, $t: Time) { performanceReport(from: $f, to: $t) { notificationDelivery { channel sent failed deferred } } }`,
		Variables: map[string]any{"f": t0, "t": t0.Add(time.Hour)}, Header: graphtest.Bearer(r.s.Token(t, viewer.RoleSupervisor))}).Decode(t, &got)
	d := got.PerformanceReport.NotificationDelivery
	want := `[{SMS 1 0 1} {EMAIL 0 1 0}]`
	if s := fmt.Sprint(d); s != want {
		t.Errorf("notification delivery %s, want %s", s, want)
	}
}

// TestAnAdvocateCorrectsThePreferences: after talking to the person, the
// advocate moves them to email and marks it safe; the next update goes by
// email with its title. A wrong number is refused with the field named; an
// advocate of another case cannot; the version is left alone.
func TestAnAdvocateCorrectsThePreferences(t *testing.T) {
	r := newOutreachRig(t)
	cf, code := r.intake(t, map[string]any{"phone": "(312) 555-0195"})
	advocate := r.assigned(t, cf)
	version := r.s.Case(t, cf.CaseNumber).Version
	correct := func(token string, vars map[string]any) *graphtest.Response {
		return r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!, $in: NotificationPreferencesInput!, $phone: String, $email: String) {
			correctNotificationPreferences(caseId: $id, input: $in, phone: $phone, email: $email) { notificationPreferences { channel safeToLeaveMessage } } }`,
			Variables: vars, Header: graphtest.Bearer(token)})
	}
	if c := correct(advocate, map[string]any{"id": cf.ID, "in": map[string]any{}, "phone": "not a number"}).ErrorCode(); c != "BAD_USER_INPUT" {
		t.Errorf("a wrong number: %q, want BAD_USER_INPUT", c)
	}
	stranger := r.assigned(t, func() *ent.CaseFile { other, _ := r.intake(t, map[string]any{"phone": "(312) 555-0196"}); return other }())
	if c := correct(stranger, map[string]any{"id": cf.ID, "in": map[string]any{"channel": "EMAIL"}, "email": "x@example.org"}).ErrorCode(); c != "NOT_FOUND" {
		t.Errorf("an advocate of another case: %q, want NOT_FOUND", c)
	}
	var got struct {
		CorrectNotificationPreferences struct {
			NotificationPreferences struct {
				Channel            string
				SafeToLeaveMessage bool
			}
		}
	}
	correct(advocate, map[string]any{"id": cf.ID, "in": map[string]any{"channel": "EMAIL", "safeToLeaveMessage": true},
		"email": "corregido@example.org"}).Decode(t, &got)
	if p := got.CorrectNotificationPreferences.NotificationPreferences; p.Channel != "EMAIL" || !p.SafeToLeaveMessage {
		t.Fatalf("corrected preferences %+v", p)
	}
	var mine struct {
		MyCase struct{ NotificationPreferences struct{ Channel string } }
	}
	r.s.Do(t, graphtest.Request{Query: `{ myCase { notificationPreferences { channel } } }`,
		Header: graphtest.Bearer(r.s.Session(t, cf.CaseNumber, code))}).Decode(t, &mine)
	if mine.MyCase.NotificationPreferences.Channel != "EMAIL" {
		t.Errorf("the person sees channel %q", mine.MyCase.NotificationPreferences.Channel)
	}
	r.setStatus(t, advocate, cf, "IN_PROGRESS")
	mail := r.mail.WaitFor(1, 20*time.Second)
	if len(mail) != 1 || mail[0].To[0] != "corregido@example.org" || mail[0].Subject != locales.Match("es").T("outreach.topic.STATUS_CHANGED", nil) {
		t.Fatalf("emails %+v", mail)
	}
	if n := len(r.sms.Requests()); n != 0 {
		t.Errorf("%d texts after the move to email", n)
	}
	if v := r.s.Case(t, cf.CaseNumber).Version; v != version+1 {
		t.Errorf("version %d, want %d (the status change only)", v, version+1)
	}
}
