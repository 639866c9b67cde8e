package delivery_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"victimservices/internal/delivery"
	"victimservices/internal/delivery/deliverytest"
)

// TestCallbacksFromTestServer drives a webhook the way the application's
// will be: the test SMS server posts signed callbacks, the handler checks
// and parses them.
func TestCallbacksFromTestServer(t *testing.T) {
	srv := deliverytest.NewSMSServer(t, authToken)
	var (
		mu       sync.Mutex
		statuses []delivery.StatusReport
		inbound  []delivery.Inbound
	)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		fullURL := "http://" + r.Host + r.URL.RequestURI()
		if !delivery.VerifySignature(authToken, fullURL, r.PostForm, r.Header.Get("X-Twilio-Signature")) {
			http.Error(w, "bad signature", http.StatusForbidden)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/hooks/sms/status":
			s, err := delivery.ParseStatus(r.PostForm)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			statuses = append(statuses, s)
		case "/hooks/sms/inbound":
			in, err := delivery.ParseInbound(r.PostForm)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			inbound = append(inbound, in)
			reply := ""
			if delivery.ClassifyKeyword(in.Body) == delivery.KeywordStop {
				reply = "You will get no more messages. Reply START to resume."
			}
			w.Header().Set("Content-Type", "text/xml")
			_, _ = w.Write(delivery.TwiML(reply))
		}
	}))
	t.Cleanup(hook.Close)

	s := newSMS(t, srv, hook.URL+"/hooks/sms/status?env=test")
	receipt, err := s.Send(t.Context(), delivery.Message{ID: "n-1", To: toPhone, Body: "b"})
	if err != nil {
		t.Fatal(err)
	}
	req := srv.WaitFor(1, wait)[0]
	resp, err := srv.SendStatus(req.StatusCallback, receipt.ProviderID, "undelivered")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status callback answered %d", resp.StatusCode)
	}

	resp, err = srv.SendInbound(hook.URL+"/hooks/sms/inbound", toPhone, fromPhone, " stop ")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || decodeTwiML(t, body) != "You will get no more messages. Reply START to resume." {
		t.Errorf("inbound callback answered %d %q", resp.StatusCode, body)
	}

	// A forged callback is refused.
	forged, err := http.PostForm(hook.URL+"/hooks/sms/inbound", url.Values{"MessageSid": {"SMx"}, "From": {toPhone}, "To": {fromPhone}, "Body": {"START"}})
	if err != nil {
		t.Fatal(err)
	}
	_ = forged.Body.Close()
	if forged.StatusCode != http.StatusForbidden {
		t.Errorf("forged callback answered %d, want 403", forged.StatusCode)
	}

	mu.Lock()
	defer mu.Unlock()
	if len(statuses) != 1 || statuses[0] != (delivery.StatusReport{ProviderID: receipt.ProviderID, Status: "undelivered", ErrorCode: "30003"}) {
		t.Errorf("status reports = %+v", statuses)
	}
	if len(inbound) != 1 || inbound[0].From != toPhone || inbound[0].To != fromPhone || inbound[0].Body != " stop " || !strings.HasPrefix(inbound[0].ProviderID, "SM") {
		t.Errorf("inbound = %+v", inbound)
	}
}
