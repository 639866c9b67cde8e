package delivery_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"victimservices/internal/delivery"
	"victimservices/internal/delivery/deliverytest"
)

const authToken = "test-auth-token-0123456789abcdef"

// newSMS returns a sender for srv, failing the test if it cannot.
func newSMS(t *testing.T, srv *deliverytest.SMSServer, statusCallback string) *delivery.SMS {
	t.Helper()
	s, err := delivery.NewSMS(delivery.SMSConfig{
		URL:            srv.URL(),
		AccountSID:     srv.AccountSID(),
		AuthToken:      authToken,
		From:           fromPhone,
		StatusCallback: statusCallback,
	})
	if err != nil {
		t.Fatalf("NewSMS: %v", err)
	}
	return s
}

func TestSMSSend(t *testing.T) {
	srv := deliverytest.NewSMSServer(t, authToken)
	const callback = "https://vsu.example.org/hooks/sms/status?env=test"
	s := newSMS(t, srv, callback)

	before := time.Now()
	first, err := s.Send(t.Context(), delivery.Message{ID: "n-1", To: toPhone, Body: "Your appointment is on Monday at 10."})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	second, err := s.Send(t.Context(), delivery.Message{ID: "n-2", To: toPhone, Body: "Reminder: مرحبا 你好"})
	if err != nil {
		t.Fatalf("second Send: %v", err)
	}

	reqs := srv.WaitFor(2, wait)
	if len(reqs) != 2 {
		t.Fatalf("server received %d requests, want 2", len(reqs))
	}
	r := reqs[0]
	if r.To != toPhone || r.From != fromPhone || r.Body != "Your appointment is on Monday at 10." || r.StatusCallback != callback+"&n=n-1" {
		t.Errorf("request = To %q From %q Body %q StatusCallback %q", r.To, r.From, r.Body, r.StatusCallback)
	}
	if len(r.Form) != 4 {
		t.Errorf("form = %v, want To, From, Body and StatusCallback only", r.Form)
	}
	if r.Status != http.StatusCreated || r.Time.Before(before) {
		t.Errorf("request answered %d at %v", r.Status, r.Time)
	}
	if reqs[1].Body != "Reminder: مرحبا 你好" {
		t.Errorf("second body = %q", reqs[1].Body)
	}
	if first.ProviderID != r.SID || second.ProviderID != reqs[1].SID {
		t.Errorf("receipts %q, %q; server answered %q, %q", first.ProviderID, second.ProviderID, r.SID, reqs[1].SID)
	}
	if !strings.HasPrefix(first.ProviderID, "SM") || first.ProviderID == second.ProviderID {
		t.Errorf("SIDs %q and %q: want distinct SM… SIDs", first.ProviderID, second.ProviderID)
	}
}

func TestSMSFromNameAndNoCallback(t *testing.T) {
	srv := deliverytest.NewSMSServer(t, authToken)
	s := newSMS(t, srv, "")
	if _, err := s.Send(t.Context(), delivery.Message{ID: "n-1", To: toPhone, FromName: "City Services", Body: "Please call us back."}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	r := srv.WaitFor(1, wait)[0]
	if r.Body != "City Services: Please call us back." {
		t.Errorf("Body = %q, want the sender name prefixed", r.Body)
	}
	if _, ok := r.Form["StatusCallback"]; ok {
		t.Errorf("form has a StatusCallback: %v", r.Form)
	}
}

func TestSMSProviderErrors(t *testing.T) {
	for _, tc := range []struct {
		status, code int
		permanent    bool
	}{
		{500, 20500, false},
		{503, 0, false},
		{429, 20429, false},
		{400, 21211, true},
		{400, 21610, true}, // the recipient replied STOP
		{404, 20404, true},
	} {
		srv := deliverytest.NewSMSServer(t, authToken)
		s := newSMS(t, srv, "")
		srv.FailNext(1, tc.status, tc.code)

		msg := delivery.Message{ID: "n-1", To: toPhone, Body: "Private body"}
		receipt, err := s.Send(t.Context(), msg)
		if err == nil {
			t.Fatalf("HTTP %d: Send succeeded with %v", tc.status, receipt)
		}
		if got := delivery.IsPermanent(err); got != tc.permanent {
			t.Errorf("HTTP %d code %d: IsPermanent = %v, want %v (%v)", tc.status, tc.code, got, tc.permanent, err)
		}
		text := err.Error()
		if !strings.Contains(text, "HTTP "+strconv.Itoa(tc.status)) || (tc.code != 0 && !strings.Contains(text, "error code "+strconv.Itoa(tc.code))) {
			t.Errorf("HTTP %d code %d: error %q lacks the status or the code", tc.status, tc.code, text)
		}
		for _, secret := range []string{toPhone, "5550123", "Private", authToken, srv.AccountSID()} {
			if strings.Contains(text, secret) {
				t.Errorf("HTTP %d: error %q contains %q", tc.status, text, secret)
			}
		}

		// One failure only: the retry succeeds.
		if _, err := s.Send(t.Context(), msg); err != nil {
			t.Errorf("HTTP %d: retry: %v", tc.status, err)
		}
		if reqs := srv.Requests(); len(reqs) != 2 || reqs[0].Status != tc.status || reqs[0].SID != "" || reqs[1].SID == "" {
			t.Errorf("HTTP %d: requests %+v", tc.status, reqs)
		}
	}
}

func TestSMSWrongCredentials(t *testing.T) {
	srv := deliverytest.NewSMSServer(t, authToken)
	s, err := delivery.NewSMS(delivery.SMSConfig{URL: srv.URL(), AccountSID: srv.AccountSID(), AuthToken: "wrong-token-secret", From: fromPhone})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Send(t.Context(), delivery.Message{ID: "n-1", To: toPhone, Body: "b"})
	if err == nil || !strings.Contains(err.Error(), "HTTP 401 (error code 20003)") {
		t.Fatalf("err = %v, want HTTP 401 (error code 20003)", err)
	}
	if strings.Contains(err.Error(), "wrong-token-secret") {
		t.Errorf("error %q contains the token", err)
	}
	// The account's problem, not the message's: retried once it is fixed.
	if delivery.IsPermanent(err) {
		t.Errorf("a refused token is permanent: %v", err)
	}
	if reqs := srv.Requests(); len(reqs) != 1 || reqs[0].Status != http.StatusUnauthorized {
		t.Errorf("requests = %+v, want one answered 401", reqs)
	}
}

func TestSMSInvalidMessage(t *testing.T) {
	srv := deliverytest.NewSMSServer(t, authToken)
	s := newSMS(t, srv, "")
	for _, m := range []delivery.Message{
		{ID: "n-1", To: "5145550123", Body: "b"},
		{ID: "n-1", To: "+1 514 555 0123", Body: "b"},
		{ID: "n-1", To: "jane@example.net", Body: "b"},
		{ID: "n-1", To: "", Body: "b"},
		{ID: "n-1", To: toPhone, Body: "  "},
	} {
		_, err := s.Send(t.Context(), m)
		if err == nil || !delivery.IsPermanent(err) {
			t.Errorf("Send(To %q, Body %q): err = %v, want a permanent error", m.To, m.Body, err)
		} else if m.To != "" && strings.Contains(err.Error(), m.To) {
			t.Errorf("error %q contains the recipient", err)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("server received %d requests, want none", n)
	}
}

func TestSMSNetworkErrors(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	endpoint := "http://" + l.Addr().String() + "/2010-04-01/Accounts/AC1/Messages.json"
	_ = l.Close()
	s, err := delivery.NewSMS(delivery.SMSConfig{URL: endpoint, AccountSID: "AC1", AuthToken: authToken, From: fromPhone})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Send(t.Context(), delivery.Message{ID: "n-1", To: toPhone, Body: "b"})
	if err == nil || delivery.IsPermanent(err) {
		t.Fatalf("connection refused: err = %v, want a temporary error", err)
	}
	if strings.Contains(err.Error(), "Accounts/AC1") || strings.Contains(err.Error(), authToken) {
		t.Errorf("error %q quotes the endpoint or the token", err)
	}

	srv := deliverytest.NewSMSServer(t, authToken)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = newSMS(t, srv, "").Send(ctx, delivery.Message{ID: "n-1", To: toPhone, Body: "b"})
	if !errors.Is(err, context.Canceled) || delivery.IsPermanent(err) {
		t.Errorf("cancelled context: err = %v, want a temporary context.Canceled", err)
	}
}

func TestSMSAnswerWithoutSID(t *testing.T) {
	srv := http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"status":"queued"}`))
	})}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })

	client := &http.Client{Timeout: time.Second}
	s, err := delivery.NewSMS(delivery.SMSConfig{URL: "http://" + l.Addr().String() + "/Messages.json", AccountSID: "AC1", AuthToken: authToken, From: fromPhone, HTTPClient: client})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Send(t.Context(), delivery.Message{ID: "n-1", To: toPhone, Body: "b"})
	if err == nil || !strings.Contains(err.Error(), "without a message sid") || delivery.IsPermanent(err) {
		t.Errorf("err = %v, want a temporary error for the missing sid", err)
	}
}

func TestNewSMSInvalid(t *testing.T) {
	valid := delivery.SMSConfig{URL: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json", AccountSID: "AC1", AuthToken: "secret-token", From: fromPhone}
	if _, err := delivery.NewSMS(valid); err != nil {
		t.Fatalf("NewSMS(valid): %v", err)
	}
	for name, change := range map[string]func(*delivery.SMSConfig){
		"empty URL":         func(c *delivery.SMSConfig) { c.URL = "" },
		"relative URL":      func(c *delivery.SMSConfig) { c.URL = "/2010-04-01/Accounts/AC1/Messages.json" },
		"plain http":        func(c *delivery.SMSConfig) { c.URL = "http://api.twilio.com/Messages.json" },
		"ftp":               func(c *delivery.SMSConfig) { c.URL = "ftp://api.twilio.com/Messages.json" },
		"credentials":       func(c *delivery.SMSConfig) { c.URL = "https://AC1:secret-token@api.twilio.com/Messages.json" },
		"no SID":            func(c *delivery.SMSConfig) { c.AccountSID = "" },
		"no token":          func(c *delivery.SMSConfig) { c.AuthToken = "" },
		"no From":           func(c *delivery.SMSConfig) { c.From = "" },
		"From not E.164":    func(c *delivery.SMSConfig) { c.From = "555-0100" },
		"relative callback": func(c *delivery.SMSConfig) { c.StatusCallback = "/hooks/sms/status" },
	} {
		cfg := valid
		change(&cfg)
		_, err := delivery.NewSMS(cfg)
		if err == nil {
			t.Errorf("%s: NewSMS succeeded", name)
		} else if strings.Contains(err.Error(), "secret-token") {
			t.Errorf("%s: error %q contains the token", name, err)
		}
	}
}
