package delivery_test

import (
	"context"
	"errors"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"victimservices/internal/delivery"
	"victimservices/internal/delivery/deliverytest"
)

const (
	sender    = "Victim Services <notices@vsu.example.org>"
	recipient = "jane.doe@example.net"
	wait      = 5 * time.Second
)

// newSMTP returns a sender for smtpURL, failing the test if it cannot.
func newSMTP(t *testing.T, smtpURL string, opts ...delivery.SMTPOption) *delivery.SMTP {
	t.Helper()
	s, err := delivery.NewSMTP(smtpURL, sender, opts...)
	if err != nil {
		t.Fatalf("NewSMTP: %v", err)
	}
	return s
}

func TestSMTPPlain(t *testing.T) {
	srv := deliverytest.NewSMTPServer(t)
	s := newSMTP(t, "smtp://"+srv.Addr())

	before := time.Now().Add(-time.Second).Truncate(time.Second)
	receipt, err := s.Send(t.Context(), delivery.Message{
		ID:      "n-42",
		To:      recipient,
		Subject: "Your appointment",
		Body:    "Hello,\nyour appointment is on Monday.\n",
	})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if want := "<n-42@vsu.example.org>"; receipt.ProviderID != want {
		t.Errorf("ProviderID = %q, want %q", receipt.ProviderID, want)
	}

	mails := srv.Messages()
	if len(mails) != 1 {
		t.Fatalf("server received %d messages, want 1", len(mails))
	}
	m := mails[0]
	if m.From != "notices@vsu.example.org" || len(m.To) != 1 || m.To[0] != recipient {
		t.Errorf("envelope = %q → %q, want notices@vsu.example.org → [%s]", m.From, m.To, recipient)
	}
	if m.User != "" || m.TLS {
		t.Errorf("User = %q, TLS = %v; want no AUTH, no TLS", m.User, m.TLS)
	}
	if got := m.Header.Get("Message-Id"); got != receipt.ProviderID {
		t.Errorf("Message-ID header = %q, want %q", got, receipt.ProviderID)
	}
	date, err := m.Header.Date()
	if err != nil || date.Before(before) || date.After(time.Now().Add(time.Second)) {
		t.Errorf("Date = %v (%v), want about now", date, err)
	}
	from, err := mail.ParseAddress(m.Header.Get("From"))
	if err != nil || from.Name != "Victim Services" || from.Address != "notices@vsu.example.org" {
		t.Errorf("From header = %q (%v), want the configured sender", m.Header.Get("From"), err)
	}
	if got := m.Header.Get("To"); got != "<"+recipient+">" {
		t.Errorf("To header = %q, want <%s>", got, recipient)
	}
	if ct := m.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") || !strings.Contains(strings.ToLower(ct), "charset=utf-8") {
		t.Errorf("Content-Type = %q, want text/plain; charset=UTF-8", ct)
	}
	if m.Subject != "Your appointment" {
		t.Errorf("Subject = %q", m.Subject)
	}
	if m.Body != "Hello,\nyour appointment is on Monday.\n" {
		t.Errorf("Body = %q", m.Body)
	}
	if ua := m.Header.Get("User-Agent") + m.Header.Get("X-Mailer"); ua != "" {
		t.Errorf("mailer headers = %q, want none", ua)
	}
}

func TestSMTPFromName(t *testing.T) {
	srv := deliverytest.NewSMTPServer(t)
	s := newSMTP(t, "smtp://"+srv.Addr())
	for _, tc := range []struct{ fromName, want string }{
		{"", "Victim Services"},
		{"City Services", "City Services"},
		{"Line\r\nBcc: evil@example.com", "Line Bcc: evil@example.com"},
	} {
		if _, err := s.Send(t.Context(), delivery.Message{ID: "n-1", To: recipient, FromName: tc.fromName, Subject: "s", Body: "b"}); err != nil {
			t.Fatalf("Send(FromName %q): %v", tc.fromName, err)
		}
		mails := srv.Messages()
		m := mails[len(mails)-1]
		from, err := mail.ParseAddress(m.Header.Get("From"))
		if err != nil || from.Name != tc.want || from.Address != "notices@vsu.example.org" {
			t.Errorf("FromName %q: From header = %q (%v), want name %q", tc.fromName, m.Header.Get("From"), err, tc.want)
		}
		if len(m.Header["Bcc"]) != 0 {
			t.Errorf("FromName %q injected a Bcc header", tc.fromName)
		}
	}
}

func TestSMTPAuth(t *testing.T) {
	const user, password = "relay@vsu.example.org", "p@ss:w/rd%"
	srv := deliverytest.NewSMTPServer(t, deliverytest.WithAuth(user, password))

	s := newSMTP(t, srv.URL())
	if _, err := s.Send(t.Context(), delivery.Message{ID: "n-1", To: recipient, Subject: "s", Body: "b"}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if m := srv.WaitFor(1, wait)[0]; m.User != user {
		t.Errorf("authenticated user = %q, want %q", m.User, user)
	}

	wrong := (&url.URL{Scheme: "smtp", Host: srv.Addr(), User: url.UserPassword(user, "wrong-secret")}).String()
	_, err := newSMTP(t, wrong).Send(t.Context(), delivery.Message{ID: "n-2", To: recipient, Subject: "s", Body: "b"})
	if err == nil {
		t.Fatal("Send with a wrong password succeeded")
	}
	if delivery.IsPermanent(err) {
		t.Errorf("a refused AUTH is permanent, want temporary: %v", err)
	}
	if !strings.Contains(err.Error(), "535") || strings.Contains(err.Error(), "wrong-secret") || strings.Contains(err.Error(), user) {
		t.Errorf("error = %q, want the code 535 and no credentials", err)
	}

	// Without credentials the server refuses MAIL.
	_, err = newSMTP(t, "smtp://"+srv.Addr()).Send(t.Context(), delivery.Message{ID: "n-3", To: recipient, Subject: "s", Body: "b"})
	if err == nil || !strings.Contains(err.Error(), "502") {
		t.Errorf("Send without AUTH: err = %v, want the server's 502", err)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("server received %d messages, want 1", n)
	}
}

func TestSMTPImplicitTLS(t *testing.T) {
	srv := deliverytest.NewSMTPServer(t, deliverytest.WithImplicitTLS())
	if !strings.HasPrefix(srv.URL(), "smtps://") {
		t.Fatalf("URL = %q, want smtps://", srv.URL())
	}

	s := newSMTP(t, srv.URL(), delivery.WithSMTPTLSConfig(srv.TLSConfig()))
	receipt, err := s.Send(t.Context(), delivery.Message{ID: "n-7", To: recipient, Subject: "Over TLS", Body: "b"})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	m := srv.WaitFor(1, wait)[0]
	if !m.TLS || m.User != "user" || m.Subject != "Over TLS" || m.Header.Get("Message-Id") != receipt.ProviderID {
		t.Errorf("received TLS=%v user=%q subject=%q id=%q, want TLS, user, the subject, %q", m.TLS, m.User, m.Subject, m.Header.Get("Message-Id"), receipt.ProviderID)
	}

	// The certificate is verified: without the test roots it is refused.
	_, err = newSMTP(t, srv.URL()).Send(t.Context(), delivery.Message{ID: "n-8", To: recipient, Subject: "s", Body: "b"})
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("Send without trusting the certificate: err = %v, want a certificate error", err)
	}
	if delivery.IsPermanent(err) {
		t.Errorf("a TLS failure is permanent, want temporary")
	}
}

func TestSMTPStartTLS(t *testing.T) {
	srv := deliverytest.NewSMTPServer(t, deliverytest.WithSTARTTLS())
	s := newSMTP(t, srv.URL(), delivery.WithSMTPTLSConfig(srv.TLSConfig()))
	if _, err := s.Send(t.Context(), delivery.Message{ID: "n-1", To: recipient, Subject: "s", Body: "b"}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if m := srv.WaitFor(1, wait)[0]; !m.TLS || m.User != "user" {
		t.Errorf("TLS = %v, user = %q: want the connection upgraded before AUTH", m.TLS, m.User)
	}
}

func TestSMTPRejectedRecipient(t *testing.T) {
	for _, tc := range []struct {
		code      int
		permanent bool
	}{
		{450, false},
		{452, false},
		{550, true},
		{553, true},
	} {
		srv := deliverytest.NewSMTPServer(t)
		s := newSMTP(t, "smtp://"+srv.Addr())
		srv.RejectRcpt(1, tc.code)

		msg := delivery.Message{ID: "n-9", To: recipient, Subject: "Private subject", Body: "Private body"}
		_, err := s.Send(t.Context(), msg)
		if err == nil {
			t.Fatalf("RCPT %d: Send succeeded", tc.code)
		}
		if got := delivery.IsPermanent(err); got != tc.permanent {
			t.Errorf("RCPT %d: IsPermanent = %v, want %v (%v)", tc.code, got, tc.permanent, err)
		}
		text := err.Error()
		if !strings.Contains(text, strconv.Itoa(tc.code)) {
			t.Errorf("RCPT %d: error %q does not give the code", tc.code, text)
		}
		for _, secret := range []string{recipient, "jane", "Private"} {
			if strings.Contains(text, secret) {
				t.Errorf("RCPT %d: error %q contains %q", tc.code, text, secret)
			}
		}
		if n := len(srv.Messages()); n != 0 {
			t.Errorf("RCPT %d: server kept %d messages", tc.code, n)
		}

		// The rejection was for one RCPT: the retry goes through.
		if _, err := s.Send(t.Context(), msg); err != nil {
			t.Errorf("RCPT %d: retry: %v", tc.code, err)
		}
	}
}

func TestSMTPUTF8(t *testing.T) {
	srv := deliverytest.NewSMTPServer(t)
	s := newSMTP(t, "smtp://"+srv.Addr())
	msg := delivery.Message{
		ID:       "n-utf8",
		To:       recipient,
		FromName: "خدمات الضحايا 受害者服务",
		Subject:  "موعدك القادم مع وحدة خدمات الضحايا — 您与受害者服务部门的下一次预约 — ✓",
		Body:     "مرحبا،\nموعدك يوم الاثنين الساعة ١٠.\n\n您好，\n您的预约在星期一上午十点。\nCafé = 5€\n",
	}
	if _, err := s.Send(t.Context(), msg); err != nil {
		t.Fatalf("Send: %v", err)
	}
	m := srv.WaitFor(1, wait)[0]
	if m.Subject != msg.Subject {
		t.Errorf("Subject = %q, want %q", m.Subject, msg.Subject)
	}
	if m.Body != msg.Body {
		t.Errorf("Body = %q, want %q", m.Body, msg.Body)
	}
	from, err := mail.ParseAddress(m.Header.Get("From"))
	if err != nil || from.Name != msg.FromName {
		t.Errorf("From = %q (%v), want name %q", m.Header.Get("From"), err, msg.FromName)
	}
	for i, line := range strings.Split(string(m.Raw), "\r\n") {
		if len(line) > 998 {
			t.Errorf("raw line %d is %d bytes long", i, len(line))
		}
		for _, c := range []byte(line) {
			if c >= 0x80 {
				t.Errorf("raw line %d has 8-bit data: %q", i, line)
				break
			}
		}
	}
}

func TestSMTPInvalidMessage(t *testing.T) {
	srv := deliverytest.NewSMTPServer(t)
	s := newSMTP(t, "smtp://"+srv.Addr())
	for _, m := range []delivery.Message{
		{ID: "n-1", To: "not an address", Subject: "s", Body: "b"},
		{ID: "n-1", To: "", Subject: "s", Body: "b"},
		{ID: "", To: recipient, Subject: "s", Body: "b"},
		{ID: "n 1", To: recipient, Subject: "s", Body: "b"},
		{ID: "n-1>\r\nBcc: x@example.com", To: recipient, Subject: "s", Body: "b"},
	} {
		_, err := s.Send(t.Context(), m)
		if err == nil || !delivery.IsPermanent(err) {
			t.Errorf("Send(ID %q, To %q): err = %v, want a permanent error", m.ID, m.To, err)
			continue
		}
		if m.To != "" && strings.Contains(err.Error(), m.To) {
			t.Errorf("error %q contains the recipient", err)
		}
	}
	if n := len(srv.Messages()); n != 0 {
		t.Errorf("server received %d messages", n)
	}
}

func TestSMTPConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()

	_, err = newSMTP(t, "smtp://user:secret@"+addr).Send(t.Context(), delivery.Message{ID: "n-1", To: recipient, Subject: "s", Body: "b"})
	if err == nil || delivery.IsPermanent(err) {
		t.Fatalf("err = %v, want a temporary error", err)
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error %q contains the password", err)
	}
}

// stalledServer accepts connections and never says a word.
func stalledServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close() })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			t.Cleanup(func() { _ = conn.Close() })
		}
	}()
	return l.Addr().String()
}

func TestSMTPContextEndsStalledSend(t *testing.T) {
	s := newSMTP(t, "smtp://"+stalledServer(t))
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := s.Send(ctx, delivery.Message{ID: "n-1", To: recipient, Subject: "s", Body: "b"})
	if !errors.Is(err, context.DeadlineExceeded) || delivery.IsPermanent(err) {
		t.Errorf("err = %v, want a temporary context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Send took %s after its context ended", d)
	}
}

func TestSMTPTimeout(t *testing.T) {
	s := newSMTP(t, "smtp://"+stalledServer(t), delivery.WithSMTPTimeout(200*time.Millisecond))
	start := time.Now()
	_, err := s.Send(t.Context(), delivery.Message{ID: "n-1", To: recipient, Subject: "s", Body: "b"})
	if err == nil || delivery.IsPermanent(err) {
		t.Errorf("err = %v, want a temporary error", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Send took %s with a 200ms timeout", d)
	}
}

func TestNewSMTPInvalid(t *testing.T) {
	for _, tc := range []struct{ url, from string }{
		{"http://user:secret@mail.example.org", sender},
		{"smtp://user:secret@", sender},
		{"smtp://user:secret@mail.example.org:port", sender},
		{"smtp://user:secret@mail.example.org:70000", sender},
		{"smtp://user:secret@mail.example.org:0", sender},
		{"smtp://user:sec%zzret@mail.example.org", sender},
		{"smtp://user:sec ret@mail.example.org", sender},
		{"smtp://:secret@mail.example.org", sender},
		{"smtp://user:secret@mail.example.org/path", sender},
		{"smtp://user:secret@mail.example.org?auth=plain", sender},
		{"mail.example.org:587", sender},
		{"", sender},
		{"smtp://user:secret@mail.example.org", "not an address"},
		{"smtp://user:secret@mail.example.org", ""},
	} {
		s, err := delivery.NewSMTP(tc.url, tc.from)
		if err == nil {
			t.Errorf("NewSMTP(%q, %q) = %v, want an error", tc.url, tc.from, s)
			continue
		}
		if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "ret@") {
			t.Errorf("NewSMTP(%q): error %q contains the password", tc.url, err)
		}
	}
	if _, err := delivery.NewSMTP("smtp://mail.example.org", sender, delivery.WithSMTPTimeout(0)); err == nil {
		t.Error("NewSMTP with a zero timeout succeeded")
	}
}
