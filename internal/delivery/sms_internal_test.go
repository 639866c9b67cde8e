package delivery

import (
	"testing"
	"time"
)

func TestNewSMSDefaultClient(t *testing.T) {
	s, err := NewSMS(SMSConfig{URL: "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json", AccountSID: "AC1", AuthToken: "tok", From: "+15005550006"})
	if err != nil {
		t.Fatal(err)
	}
	if s.client == nil || s.client.Timeout != 15*time.Second {
		t.Errorf("default HTTP client = %+v, want a 15s timeout", s.client)
	}
}
