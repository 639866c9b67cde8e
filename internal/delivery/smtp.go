package delivery

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	netmail "net/mail"
	"net/textproto"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/wneessen/go-mail"
)

// defaultTimeout bounds an SMTP connection attempt and each SMTP command, and
// an SMS API request.
const defaultTimeout = 15 * time.Second

// SMTP sends email through one SMTP relay. Each Send opens a connection of
// its own, so an SMTP is safe for concurrent use.
type SMTP struct {
	host        string
	port        int
	implicitTLS bool
	user        string
	password    string
	from        netmail.Address
	domain      string // of the sender's address, for Message-IDs
	tlsConfig   *tls.Config
	timeout     time.Duration
}

// SMTPOption configures an SMTP sender.
type SMTPOption func(*SMTP)

// WithSMTPTLSConfig sets the TLS configuration used for implicit TLS and
// STARTTLS, for example to trust a test server's certificate. Without it the
// system roots verify the server. An empty ServerName is set to the host of
// the URL.
func WithSMTPTLSConfig(cfg *tls.Config) SMTPOption {
	return func(s *SMTP) { s.tlsConfig = cfg }
}

// WithSMTPTimeout bounds connecting and each SMTP command (15 s by default).
func WithSMTPTimeout(d time.Duration) SMTPOption {
	return func(s *SMTP) { s.timeout = d }
}

// NewSMTP returns a sender for the relay at smtpURL, sending from from.
//
// smtpURL is smtp://user:password@host:port, a plain connection upgraded
// with STARTTLS whenever the server offers it, or smtps://user:password@host:port
// for implicit TLS. The port defaults to 587 and 465. Reserved characters in
// the user and password must be percent-encoded. Without a user there is no
// authentication; with one, PLAIN or LOGIN is used, which go-mail only sends
// over an encrypted connection (or to localhost), falling back to the
// mechanisms it discovers (SCRAM, CRAM-MD5) when the server offers neither.
//
// from is an address or "Name <address>"; a Message's FromName replaces the
// name.
func NewSMTP(smtpURL, from string, opts ...SMTPOption) (*SMTP, error) {
	u, err := url.Parse(smtpURL)
	if err != nil {
		// url.Parse's error quotes the URL, password included: say what is
		// wanted instead.
		return nil, errors.New("delivery: the SMTP URL does not parse: want smtp://user:password@host:port or smtps://user:password@host:port, with reserved characters in the user and password percent-encoded")
	}
	s := &SMTP{host: u.Hostname(), timeout: defaultTimeout}
	switch u.Scheme {
	case "smtp":
		s.port = 587
	case "smtps":
		s.port, s.implicitTLS = 465, true
	default:
		return nil, fmt.Errorf("delivery: the SMTP URL's scheme is %q, want smtp or smtps", u.Scheme)
	}
	if s.host == "" {
		return nil, errors.New("delivery: the SMTP URL has no host")
	}
	if p := u.Port(); p != "" {
		s.port, err = strconv.Atoi(p)
		if err != nil || s.port < 1 || s.port > 65535 {
			return nil, fmt.Errorf("delivery: the SMTP URL's port %q is not a port number", p)
		}
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return nil, errors.New("delivery: the SMTP URL must have no path, query or fragment")
	}
	if u.User != nil {
		s.user = u.User.Username()
		s.password, _ = u.User.Password()
		if s.user == "" && s.password != "" {
			return nil, errors.New("delivery: the SMTP URL has a password but no user")
		}
	}

	addr, err := netmail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("delivery: the sender %q is not an email address: %w", from, err)
	}
	s.from = *addr
	s.domain = addr.Address[strings.LastIndexByte(addr.Address, '@')+1:]

	for _, opt := range opts {
		opt(s)
	}
	if s.timeout <= 0 {
		return nil, errors.New("delivery: the SMTP timeout must be positive")
	}
	if s.tlsConfig == nil {
		s.tlsConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	s.tlsConfig = s.tlsConfig.Clone()
	if s.tlsConfig.ServerName == "" {
		s.tlsConfig.ServerName = s.host
	}
	// Check the options go-mail will be given once, here, rather than at
	// the first Send.
	if _, err := s.client(nil); err != nil {
		return nil, fmt.Errorf("delivery: SMTP client: %w", err)
	}
	return s, nil
}

// client returns a go-mail client for one send. A client per send keeps
// concurrent sends apart: go-mail's client keeps state of its own.
func (s *SMTP) client(dial mail.DialContextFunc) (*mail.Client, error) {
	opts := []mail.Option{
		mail.WithPort(s.port),
		mail.WithTimeout(s.timeout),
		mail.WithTLSConfig(s.tlsConfig),
		// One message per connection: no NOOP before it, no RSET after.
		mail.WithoutNoop(),
		mail.WithoutRset(),
	}
	if dial != nil {
		opts = append(opts, mail.WithDialContextFunc(dial))
	}
	if s.implicitTLS {
		opts = append(opts, mail.WithSSL())
	} else {
		opts = append(opts, mail.WithTLSPolicy(mail.TLSOpportunistic))
	}
	if s.user != "" {
		opts = append(opts,
			mail.WithUsername(s.user),
			mail.WithPassword(s.password),
			mail.WithOpportunisticSMTPAuth(mail.SMTPAuthPlain, mail.SMTPAuthLogin),
		)
	}
	return mail.NewClient(s.host, opts...)
}

// Send delivers m as a plain-text UTF-8 email. The receipt's ProviderID is
// the Message-ID, <m.ID@domain-of-the-sender>. An invalid recipient and an
// SMTP 5xx answer to RCPT are permanent errors.
func (s *SMTP) Send(ctx context.Context, m Message) (Receipt, error) {
	msg, messageID, err := s.message(m)
	if err != nil {
		return Receipt{}, err
	}

	// go-mail bounds each command by the timeout but watches ctx only while
	// dialing: closing the connection when ctx ends stops a stalled send.
	var stop func() bool
	dial := func(dialCtx context.Context, network, addr string) (net.Conn, error) {
		conn, err := s.dial(dialCtx, network, addr)
		if err != nil {
			return nil, err
		}
		stop = context.AfterFunc(ctx, func() { _ = conn.Close() })
		return conn, nil
	}
	defer func() {
		if stop != nil {
			stop()
		}
	}()

	client, err := s.client(dial)
	if err != nil {
		return Receipt{}, fmt.Errorf("delivery: smtp: %w", err)
	}
	conn, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return Receipt{}, connectError(ctx, err)
	}
	// The relay took the message at the end of DATA: a failing QUIT changes
	// nothing.
	defer func() { _ = client.CloseWithSMTPClient(conn) }()
	if err := client.SendWithSMTPClient(conn, msg); err != nil && !msg.IsDelivered() {
		return Receipt{}, sendError(ctx, err)
	}
	return Receipt{ProviderID: messageID}, nil
}

// dial opens the TCP connection, with TLS at once for smtps.
func (s *SMTP) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	dialer := &net.Dialer{}
	if !s.implicitTLS {
		return dialer.DialContext(ctx, network, addr)
	}
	tlsDialer := &tls.Dialer{NetDialer: dialer, Config: s.tlsConfig}
	return tlsDialer.DialContext(ctx, network, addr)
}

// message builds the email, and returns it with its Message-ID.
func (s *SMTP) message(m Message) (*mail.Msg, string, error) {
	if !validMessageIDPart(m.ID) {
		return nil, "", Permanent(errors.New("delivery: smtp: the message ID is empty or cannot be used in a Message-ID"))
	}
	to, err := netmail.ParseAddress(m.To)
	if err != nil {
		// The parser's error quotes the address.
		return nil, "", Permanent(errors.New("delivery: smtp: the recipient is not a valid email address"))
	}
	from := s.from
	if m.FromName != "" {
		from.Name = oneLine(m.FromName)
	}

	msg := mail.NewMsg(mail.WithCharset(mail.CharsetUTF8), mail.WithEncoding(mail.EncodingQP), mail.WithNoDefaultUserAgent())
	msg.FromMailAddress(&from)
	msg.ToMailAddress(&netmail.Address{Address: to.Address})
	msg.Subject(oneLine(m.Subject))
	id := m.ID + "@" + s.domain
	msg.SetMessageIDWithValue(id)
	msg.SetDate()
	msg.SetBodyString(mail.TypeTextPlain, m.Body)
	return msg, "<" + id + ">", nil
}

// connectError describes a failure to connect, greet, start TLS or
// authenticate. A server's answer is reduced to its codes: its text may echo
// the user name.
func connectError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("delivery: smtp: %w", ctxErr)
	}
	var reply *textproto.Error
	if errors.As(err, &reply) {
		return fmt.Errorf("delivery: smtp: connecting: server answered %s", replyCodes(reply.Code, enhancedCode(reply.Msg)))
	}
	return fmt.Errorf("delivery: smtp: connecting: %w", err)
}

// sendError describes a failure to hand over the message. go-mail's
// SendError names the recipient and quotes the server, whose text often
// repeats the address: only the step and the codes are kept.
func sendError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("delivery: smtp: %w", ctxErr)
	}
	var sendErr *mail.SendError
	if !errors.As(err, &sendErr) {
		return errors.New("delivery: smtp: sending failed")
	}
	code := sendErr.ErrorCode()
	if code == 0 {
		return fmt.Errorf("delivery: smtp: %s failed", sendErr.Reason)
	}
	e := fmt.Errorf("delivery: smtp: %s: server answered %s", sendErr.Reason, replyCodes(code, sendErr.EnhancedStatusCode()))
	if sendErr.Reason == mail.ErrSMTPRcptTo && code >= 500 {
		return Permanent(e)
	}
	return e
}

// replyCodes renders an SMTP reply code with its enhanced status code.
func replyCodes(code int, enhanced string) string {
	if enhanced == "" {
		return strconv.Itoa(code)
	}
	return fmt.Sprintf("%d (%s)", code, enhanced)
}

// enhancedCodeRE matches an RFC 3463 enhanced status code at the start of a
// reply's text.
var enhancedCodeRE = regexp.MustCompile(`^[245]\.\d{1,3}\.\d{1,3}\b`)

// enhancedCode returns the enhanced status code a reply's text starts with,
// or "".
func enhancedCode(text string) string {
	return enhancedCodeRE.FindString(text)
}

// validMessageIDPart reports whether id can be the left part of a
// Message-ID: an RFC 5322 dot-atom.
func validMessageIDPart(id string) bool {
	if id == "" || len(id) > 200 || id[0] == '.' || id[len(id)-1] == '.' || strings.Contains(id, "..") {
		return false
	}
	for _, r := range id {
		isAtext := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			strings.ContainsRune("!#$%&'*+-/=?^_`{|}~.", r)
		if !isAtext {
			return false
		}
	}
	return true
}

// oneLine keeps a header value on one line: a line break in a subject would
// otherwise start a header of its own.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
}
