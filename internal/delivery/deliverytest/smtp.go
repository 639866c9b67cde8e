package deliverytest

import (
	"bytes"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// ReceivedMail is one message the SMTP server accepted.
type ReceivedMail struct {
	// From and To are the envelope: MAIL FROM and each RCPT TO.
	From string
	To   []string
	// User is the user that authenticated, "" without AUTH.
	User string
	// TLS reports whether the connection was encrypted (implicit TLS or
	// STARTTLS).
	TLS bool
	// Header is the message's header, as sent.
	Header mail.Header
	// Subject is the decoded Subject header.
	Subject string
	// Body is the decoded text of a single-part message, line breaks as
	// "\n". SMTP ends a message with a line break: a body sent without one
	// arrives with one.
	Body string
	// Raw is the message as received.
	Raw []byte
}

// SMTPOption configures an SMTP server.
type SMTPOption func(*SMTPServer)

// WithImplicitTLS makes the server speak TLS from the first byte (smtps),
// with a self-signed certificate that TLSConfig trusts.
func WithImplicitTLS() SMTPOption {
	return func(s *SMTPServer) { s.implicitTLS = true }
}

// WithSTARTTLS makes the plain server offer STARTTLS, with a self-signed
// certificate that TLSConfig trusts.
func WithSTARTTLS() SMTPOption {
	return func(s *SMTPServer) { s.startTLS = true }
}

// WithAuth makes the server require AUTH PLAIN with these credentials
// before MAIL. Without it any credentials, or none, are accepted.
func WithAuth(user, password string) SMTPOption {
	return func(s *SMTPServer) { s.user, s.password = user, password }
}

// SMTPServer is a real SMTP server on 127.0.0.1 that records the messages it
// accepts. It offers AUTH PLAIN, even without TLS.
type SMTPServer struct {
	t           testing.TB
	addr        string
	implicitTLS bool
	startTLS    bool
	user        string
	password    string
	clientTLS   *tls.Config

	mu         sync.Mutex
	mails      []ReceivedMail
	changed    chan struct{} // closed and replaced when a mail arrives
	rejectLeft int
	rejectCode int
}

// NewSMTPServer starts an SMTP server on 127.0.0.1 and a free port. It is
// closed when the test ends.
func NewSMTPServer(t testing.TB, opts ...SMTPOption) *SMTPServer {
	t.Helper()
	s := &SMTPServer{t: t, changed: make(chan struct{})}
	for _, opt := range opts {
		opt(s)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("deliverytest: listening: %v", err)
	}
	s.addr = l.Addr().String()

	srv := smtp.NewServer(s)
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	srv.MaxMessageBytes = 10 << 20
	// The server logs from its own goroutines, possibly after the test:
	// t.Logf would panic then.
	srv.ErrorLog = log.New(io.Discard, "", 0)
	if s.implicitTLS || s.startTLS {
		var serverTLS *tls.Config
		serverTLS, s.clientTLS = selfSigned(t)
		if s.implicitTLS {
			l = tls.NewListener(l, serverTLS)
		} else {
			srv.TLSConfig = serverTLS
		}
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

// Addr returns the server's host:port.
func (s *SMTPServer) Addr() string { return s.addr }

// URL returns the URL to reach the server: smtp://user:pass@127.0.0.1:port,
// smtps:// with WithImplicitTLS, and the credentials of WithAuth when given.
func (s *SMTPServer) URL() string {
	u := url.URL{Scheme: "smtp", Host: s.addr, User: url.UserPassword("user", "pass")}
	if s.implicitTLS {
		u.Scheme = "smtps"
	}
	if s.user != "" {
		u.User = url.UserPassword(s.user, s.password)
	}
	return u.String()
}

// TLSConfig returns a client configuration that trusts the server's
// certificate, or nil when the server has no TLS.
func (s *SMTPServer) TLSConfig() *tls.Config {
	if s.clientTLS == nil {
		return nil
	}
	return s.clientTLS.Clone()
}

// RejectRcpt makes the server answer the next n RCPT TO commands with code
// (a 4xx or 5xx), and a text that quotes the address, as real servers do.
func (s *SMTPServer) RejectRcpt(n, code int) {
	if code < 400 || code > 599 {
		s.t.Fatalf("deliverytest: RejectRcpt code %d is not a 4xx or 5xx", code)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rejectLeft, s.rejectCode = n, code
}

// Messages returns the messages accepted so far, oldest first. Treat them as
// read-only.
func (s *SMTPServer) Messages() []ReceivedMail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.mails)
}

// WaitFor waits until at least n messages have arrived, and returns them. It
// fails the test after timeout; call it from the test's goroutine.
func (s *SMTPServer) WaitFor(n int, timeout time.Duration) []ReceivedMail {
	s.t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		mails, changed := slices.Clone(s.mails), s.changed
		s.mu.Unlock()
		if len(mails) >= n {
			return mails
		}
		select {
		case <-changed:
		case <-deadline.C:
			s.t.Fatalf("deliverytest: %d of %d messages arrived within %s", len(mails), n, timeout)
			return nil
		}
	}
}

// NewSession implements smtp.Backend.
func (s *SMTPServer) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{srv: s, conn: c}, nil
}

// rejection returns the error for the next RCPT TO, or nil to accept it.
func (s *SMTPServer) rejection(to string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rejectLeft == 0 {
		return nil
	}
	s.rejectLeft--
	return &smtp.SMTPError{
		Code:         s.rejectCode,
		EnhancedCode: smtp.EnhancedCode{s.rejectCode / 100, 1, 1},
		Message:      fmt.Sprintf("<%s>: Recipient address rejected by deliverytest", to),
	}
}

// record keeps a received message and wakes WaitFor.
func (s *SMTPServer) record(m ReceivedMail) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mails = append(s.mails, m)
	close(s.changed)
	s.changed = make(chan struct{})
}

// session is one SMTP session.
type session struct {
	srv  *SMTPServer
	conn *smtp.Conn
	user string
	from string
	to   []string
}

// AuthMechanisms implements smtp.AuthSession: PLAIN only.
func (ss *session) AuthMechanisms() []string { return []string{sasl.Plain} }

// Auth implements smtp.AuthSession, checking WithAuth's credentials if any.
func (ss *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, password string) error {
		if ss.srv.user != "" && (user != ss.srv.user || password != ss.srv.password) {
			return smtp.ErrAuthFailed
		}
		ss.user = user
		return nil
	}), nil
}

// Mail implements smtp.Session.
func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.srv.user != "" && ss.user == "" {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

// Rcpt implements smtp.Session, rejecting as RejectRcpt asked.
func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if err := ss.srv.rejection(to); err != nil {
		return err
	}
	ss.to = append(ss.to, to)
	return nil
}

// Data implements smtp.Session: it records the message.
func (ss *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := decode(raw)
	if err != nil {
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: "deliverytest cannot decode the message: " + err.Error()}
	}
	m.From, m.To, m.User = ss.from, slices.Clone(ss.to), ss.user
	_, m.TLS = ss.conn.TLSConnectionState()
	ss.srv.record(m)
	return nil
}

// Reset implements smtp.Session.
func (ss *session) Reset() {
	ss.from, ss.to = "", nil
}

// Logout implements smtp.Session.
func (ss *session) Logout() error { return nil }

// decode parses a message and decodes its subject and single-part body.
func decode(raw []byte) (ReceivedMail, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return ReceivedMail{}, err
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		return ReceivedMail{}, fmt.Errorf("subject: %w", err)
	}
	var body io.Reader = msg.Body
	switch enc := strings.ToLower(msg.Header.Get("Content-Transfer-Encoding")); enc {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	case "", "7bit", "8bit", "binary":
	default:
		return ReceivedMail{}, errors.New("unknown Content-Transfer-Encoding " + enc)
	}
	text, err := io.ReadAll(body)
	if err != nil {
		return ReceivedMail{}, fmt.Errorf("body: %w", err)
	}
	return ReceivedMail{
		Header:  msg.Header,
		Subject: subject,
		Body:    strings.ReplaceAll(string(text), "\r\n", "\n"),
		Raw:     raw,
	}, nil
}
