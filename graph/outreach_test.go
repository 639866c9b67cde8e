package graph_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"victimservices/ent"
	"victimservices/ent/notification"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/delivery"
	"victimservices/internal/delivery/deliverytest"
	"victimservices/internal/outreach"
	"victimservices/locales"
)

// The notification tests run through the handler, the real job queue (in
// the server, on the server's clock), a real SMTP server and a local
// stand-in for the SMS provider (a real one cannot be reached from a test).

const smsToken = "sms-test-token"

type outreachRig struct {
	s    *graphtest.Server
	sms  *deliverytest.SMSServer
	mail *deliverytest.SMTPServer
}

func outreachSetup(sms *deliverytest.SMSServer, mail *deliverytest.SMTPServer, more ...func(*graphtest.OutreachSetup)) graphtest.Option {
	return graphtest.WithOutreach(func(o *graphtest.OutreachSetup) {
		text, err := delivery.NewSMS(delivery.SMSConfig{URL: sms.URL(), AccountSID: sms.AccountSID(), AuthToken: smsToken, From: "+13125550000"})
		if err != nil {
			panic(err)
		}
		email, err := delivery.NewSMTP(mail.URL(), "Victim Services Unit <vs@example.org>")
		if err != nil {
			panic(err)
		}
		o.SMS, o.Email, o.SMSAuthToken, o.UnitPhone = text, email, smsToken, "+13125551234"
		for _, f := range more {
			f(o)
		}
	})
}

func newOutreachRig(t *testing.T, more ...func(*graphtest.OutreachSetup)) *outreachRig {
	t.Helper()
	r := &outreachRig{sms: deliverytest.NewSMSServer(t, smsToken), mail: deliverytest.NewSMTPServer(t, deliverytest.WithAuth("mailer", "secret"))}
	r.s = graphtest.New(t, outreachSetup(r.sms, r.mail, more...))
	return r
}

var intakes atomic.Int64

// intake opens a case through the API with the given fields over a
// default SMS person, not safe to leave a message, and returns it with its
// access code.
func (r *outreachRig) intake(t *testing.T, fields map[string]any) (*ent.CaseFile, string) {
	t.Helper()
	in := map[string]any{"preferredLocale": "es", "contactMethod": "SMS", "phone": "(312) 555-0100",
		"safeToLeaveMessage": false, "needs": []string{"VICTIM_ADVOCACY"}}
	for k, v := range fields {
		in[k] = v
	}
	n := intakes.Add(1)
	resp := r.s.DoFrom(t, fmt.Sprintf("198.51.100.%d:1000", n%250+1), graphtest.Request{
		Query:     `mutation($in: SupportRequestInput!) { requestSupport(input: $in) { caseNumber accessCode } }`,
		Variables: map[string]any{"in": in}})
	var got struct {
		RequestSupport struct{ CaseNumber, AccessCode string }
	}
	resp.Decode(t, &got)
	return r.s.Case(t, got.RequestSupport.CaseNumber), got.RequestSupport.AccessCode
}

// assigned gives the case to a new advocate (arranged directly: assigning
// through the API would itself notify) and returns the advocate's token.
func (r *outreachRig) assigned(t *testing.T, cf *ent.CaseFile) string {
	t.Helper()
	token, id := r.s.Staff(t, viewer.RoleAdvocate)
	if err := r.s.Client.CaseFile.UpdateOneID(cf.ID).SetAdvocateID(nodeid.ID(id)).Exec(graphtest.System(context.Background())); err != nil {
		t.Fatal(err)
	}
	return token
}

func (r *outreachRig) setStatus(t *testing.T, token string, cf *ent.CaseFile, status string) {
	t.Helper()
	resp := r.s.Do(t, graphtest.Request{Query: `mutation($id: ID!, $s: CaseStatus!) { updateCaseStatus(caseId: $id, status: $s) { status } }`,
		Variables: map[string]any{"id": cf.ID, "s": status}, Header: graphtest.Bearer(token)})
	resp.Decode(t, &struct{}{})
}

// notifications of a case, oldest first.
func (r *outreachRig) notifications(t *testing.T, cf *ent.CaseFile) []*ent.Notification {
	t.Helper()
	list, err := r.s.Client.Notification.Query().Where(notification.CaseID(cf.ID)).
		Order(ent.Asc(notification.FieldCreatedAt)).All(graphtest.System(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// waitFor polls until ok holds for the case's notifications.
func (r *outreachRig) waitFor(t *testing.T, cf *ent.CaseFile, what string, ok func([]*ent.Notification) bool) []*ent.Notification {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		list := r.notifications(t, cf)
		if ok(list) {
			return list
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; notifications: %s", what, describe(list))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func describe(list []*ent.Notification) string {
	var b strings.Builder
	for _, n := range list {
		fmt.Fprintf(&b, "[%s %s %s attempts=%d err=%q notBefore=%s] ", n.Topic, n.Channel, n.Status, n.Attempts, n.LastError, n.NotBefore.UTC().Format(time.RFC3339))
	}
	return b.String()
}

func allIn(status ...notification.Status) func([]*ent.Notification) bool {
	return func(list []*ent.Notification) bool {
		if len(list) == 0 {
			return false
		}
		for _, n := range list {
			found := false
			for _, s := range status {
				found = found || n.Status == s
			}
			if !found {
				return false
			}
		}
		return true
	}
}

func TestStatusChangeTextsANeutralMessageInTheirLanguage(t *testing.T) {
	r := newOutreachRig(t)
	cf, _ := r.intake(t, nil)
	token := r.assigned(t, cf)
	r.setStatus(t, token, cf, "IN_PROGRESS")
	r.waitFor(t, cf, "sent", allIn(notification.StatusSENT))

	got := r.sms.Requests()
	if len(got) != 1 {
		t.Fatalf("%d SMS requests, want exactly 1: %+v", len(got), got)
	}
	es := locales.Match("es")
	want := "Notifications: " + es.T("outreach.neutral.body", nil)
	if got[0].To != "+13125550100" || got[0].Body != want {
		t.Errorf("SMS to %s: %q, want to +13125550100: %q", got[0].To, got[0].Body, want)
	}
	for _, word := range []string{"polic", "víctim", "caso", "tribunal", "corte", "VS-", cf.CaseNumber} {
		if strings.Contains(strings.ToLower(got[0].Body), strings.ToLower(word)) {
			t.Errorf("the neutral text %q says %q", got[0].Body, word)
		}
	}
	// Nothing more arrives: one change, one message.
	time.Sleep(300 * time.Millisecond)
	if n := len(r.sms.Requests()); n != 1 {
		t.Errorf("%d SMS requests after the change, want 1", n)
	}
}

// counted reads notifications_total{channel, result} from reg.
// countedAtLeast is counted once it reaches want, or after two seconds:
// the worker counts a delivery after its commit, which the test may see
// first.
func countedAtLeast(t *testing.T, reg *prometheus.Registry, channel, result string, want float64) float64 {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		n := counted(t, reg, channel, result)
		if n >= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func counted(t *testing.T, reg *prometheus.Registry, channel, result string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != "notifications_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			if labels["channel"] == channel && labels["result"] == result {
				return m.GetCounter().GetValue()
			}
		}
	}
	return 0
}

func TestOutsideTheSafeWindowTheTextWaitsForItsStart(t *testing.T) {
	reg := prometheus.NewRegistry()
	r := newOutreachRig(t, func(o *graphtest.OutreachSetup) { o.Metrics = outreach.NewMetrics(reg) })
	// The server's clock: Tuesday 2026-11-24 12:00 UTC, 06:00 in Chicago.
	cf, _ := r.intake(t, map[string]any{"phone": "(312) 555-0101", "timeZone": "America/Chicago",
		"contactWindows": []map[string]any{{"day": "TUESDAY", "opens": "09:00", "closes": "17:00"}}})
	token := r.assigned(t, cf)
	r.setStatus(t, token, cf, "IN_PROGRESS")
	opens := time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)
	list := r.waitFor(t, cf, "deferred to the window", func(l []*ent.Notification) bool {
		return len(l) == 1 && l[0].NotBefore.Equal(opens)
	})
	if list[0].Status != notification.StatusPENDING || len(r.sms.Requests()) != 0 {
		t.Fatalf("before the window: %s, %d SMS", describe(list), len(r.sms.Requests()))
	}
	if n := countedAtLeast(t, reg, "SMS", "deferred", 1); n < 1 {
		t.Errorf("deferred counted %v times, want at least once", n)
	}
	r.s.SetNow(opens.Add(time.Second))
	r.waitFor(t, cf, "sent at the window's start", allIn(notification.StatusSENT))
	if got := r.sms.Requests(); len(got) != 1 || got[0].To != "+13125550101" {
		t.Fatalf("SMS requests %+v, want one to +13125550101", got)
	}
	if n := countedAtLeast(t, reg, "SMS", "sent", 1); n != 1 {
		t.Errorf("sent counted %v times, want 1", n)
	}
}

func TestNothingIsSentAfterThePersonStopsOutsideMessages(t *testing.T) {
	r := newOutreachRig(t)
	cf, code := r.intake(t, map[string]any{"phone": "(312) 555-0102"})
	session := r.s.Session(t, cf.CaseNumber, code)
	resp := r.s.Do(t, graphtest.Request{Query: `mutation { stopOutsideMessages { stopped stoppedBy channel } }`, Header: graphtest.Bearer(session)})
	var got struct {
		StopOutsideMessages struct {
			Stopped   bool
			StoppedBy string
		}
	}
	resp.Decode(t, &got)
	if !got.StopOutsideMessages.Stopped || got.StopOutsideMessages.StoppedBy != "APP" {
		t.Fatalf("stopOutsideMessages = %+v", got.StopOutsideMessages)
	}
	token := r.assigned(t, cf)
	r.setStatus(t, token, cf, "IN_PROGRESS")
	time.Sleep(500 * time.Millisecond)
	if n := len(r.notifications(t, cf)); n != 0 || len(r.sms.Requests()) != 0 {
		t.Fatalf("%d notifications and %d SMS after stopping", n, len(r.sms.Requests()))
	}
	// The case's version is the advocates': the person's preferences left it alone.
	if v := r.s.Case(t, cf.CaseNumber).Version; v != 2 {
		t.Errorf("version %d after one staff change, want 2", v)
	}
}

func TestAnEmailPersonGetsTheLocalizedTitle(t *testing.T) {
	r := newOutreachRig(t)
	cf, _ := r.intake(t, map[string]any{"contactMethod": "EMAIL", "phone": nil, "email": "persona@example.org", "safeToLeaveMessage": true})
	token := r.assigned(t, cf)
	r.setStatus(t, token, cf, "IN_PROGRESS")
	got := r.mail.WaitFor(1, 20*time.Second)
	if len(got) != 1 {
		t.Fatalf("%d emails, want 1", len(got))
	}
	es := locales.Match("es")
	title := es.T("outreach.topic.STATUS_CHANGED", nil)
	if title == locales.Default().T("outreach.topic.STATUS_CHANGED", nil) {
		t.Fatalf("no Spanish title to test with: %q", title)
	}
	m := got[0]
	if len(m.To) != 1 || m.To[0] != "persona@example.org" || m.Subject != title || strings.TrimSpace(m.Body) != title {
		t.Errorf("email to %v: subject %q body %q, want %q", m.To, m.Subject, m.Body, title)
	}
	if !strings.Contains(m.Header.Get("From"), "vs@example.org") || m.User != "mailer" {
		t.Errorf("From %q, authenticated as %q", m.Header.Get("From"), m.User)
	}
	if len(r.sms.Requests()) != 0 {
		t.Errorf("an email person got a text")
	}
}

func TestAFailingProviderIsRetriedThenDeadLettered(t *testing.T) {
	r := newOutreachRig(t)
	cf, _ := r.intake(t, map[string]any{"phone": "(312) 555-0103"})
	token := r.assigned(t, cf)
	r.sms.FailNext(100, 500, 0)
	r.setStatus(t, token, cf, "IN_PROGRESS")
	deadline := time.Now().Add(60 * time.Second)
	for {
		list := r.notifications(t, cf)
		if len(list) == 1 && list[0].Status == notification.StatusDEAD {
			if list[0].Attempts != 3 || len(r.sms.Requests()) != 3 || !strings.Contains(list[0].LastError, "HTTP 500") {
				t.Fatalf("dead after %d attempts (provider saw %d), error %q; want 3, 3, HTTP 500", list[0].Attempts, len(r.sms.Requests()), list[0].LastError)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not dead-lettered: %s; provider saw %d attempts", describe(list), len(r.sms.Requests()))
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Supervisors see the dead letter.
	sup := r.s.Token(t, viewer.RoleSupervisor)
	resp := r.s.Do(t, graphtest.Request{Query: `{ notifications(status: DEAD) { topic channel status attempts lastError caseNumber } }`, Header: graphtest.Bearer(sup)})
	var got struct {
		Notifications []struct {
			Topic, Channel, Status, LastError, CaseNumber string
			Attempts                                      int
		}
	}
	resp.Decode(t, &got)
	if len(got.Notifications) != 1 || got.Notifications[0].CaseNumber != cf.CaseNumber || got.Notifications[0].Status != "DEAD" {
		t.Errorf("supervisor's dead letters: %+v", got.Notifications)
	}
}

func TestAProviderRefusalFailsAtOnce(t *testing.T) {
	reg := prometheus.NewRegistry()
	r := newOutreachRig(t, func(o *graphtest.OutreachSetup) { o.Metrics = outreach.NewMetrics(reg) })
	cf, _ := r.intake(t, map[string]any{"phone": "(312) 555-0104"})
	token := r.assigned(t, cf)
	r.sms.FailNext(1, 400, 21211)
	r.setStatus(t, token, cf, "IN_PROGRESS")
	list := r.waitFor(t, cf, "failed", allIn(notification.StatusFAILED))
	if list[0].Attempts != 1 || !strings.Contains(list[0].LastError, "HTTP 400 (error code 21211)") || len(r.sms.Requests()) != 1 {
		t.Fatalf("%s after %d provider attempts", describe(list), len(r.sms.Requests()))
	}
	if n := countedAtLeast(t, reg, "SMS", "failed", 1); n != 1 {
		t.Errorf("failed counted %v times, want 1", n)
	}
}

func TestTwoServersSendEachNotificationOnce(t *testing.T) {
	r := newOutreachRig(t)
	other := graphtest.Attach(t, r.s, outreachSetup(r.sms, r.mail))
	const n = 6
	var all []*ent.CaseFile
	for i := range n {
		cf, _ := r.intake(t, map[string]any{"phone": fmt.Sprintf("(312) 555-011%d", i)})
		token := r.assigned(t, cf)
		srv := &outreachRig{s: r.s}
		if i%2 == 1 {
			srv.s = other
		}
		srv.setStatus(t, token, cf, "IN_PROGRESS")
		all = append(all, cf)
	}
	for _, cf := range all {
		r.waitFor(t, cf, "sent", allIn(notification.StatusSENT))
	}
	time.Sleep(300 * time.Millisecond)
	got := r.sms.Requests()
	seen := map[string]int{}
	// (every request was answered 201: none failed, none repeated)
	for _, req := range got {
		seen[req.To]++
	}
	if len(got) != n || len(seen) != n {
		t.Fatalf("%d SMS requests to %d numbers, want %d each once: %v", len(got), len(seen), n, seen)
	}
}
