package delivery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// SMSConfig configures an SMS sender.
type SMSConfig struct {
	// URL is the messages endpoint, e.g.
	// https://api.twilio.com/2010-04-01/Accounts/{AccountSID}/Messages.json.
	// It must be https, except on a loopback host (tests).
	URL string
	// AccountSID and AuthToken are the HTTP basic auth credentials.
	AccountSID string
	AuthToken  string
	// From is the sending number, in E.164.
	From string
	// StatusCallback, when set, is the absolute URL the provider posts
	// delivery status reports to. Each message's callback carries its
	// Message.ID as the query parameter "n", so a report that arrives
	// before the send was recorded still finds its notification.
	StatusCallback string
	// HTTPClient sends the requests; nil means a client with a 15 s timeout.
	HTTPClient *http.Client
}

// SMS sends text messages through an HTTP API in the shape of Twilio's
// Messages API. It is safe for concurrent use.
type SMS struct {
	endpoint       string
	accountSID     string
	authToken      string
	from           string
	statusCallback string
	client         *http.Client
}

// e164RE matches an E.164 phone number.
var e164RE = regexp.MustCompile(`^\+[1-9][0-9]{1,14}$`)

// maxAnswer bounds how much of the provider's answer is read.
const maxAnswer = 1 << 20

// NewSMS returns an SMS sender for cfg.
func NewSMS(cfg SMSConfig) (*SMS, error) {
	u, err := url.Parse(cfg.URL)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, errors.New("delivery: the SMS URL must be an absolute https URL")
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, errors.New("delivery: the SMS URL must be https: the auth token travels with each request")
	}
	if u.User != nil {
		return nil, errors.New("delivery: the SMS URL must hold no credentials: set AccountSID and AuthToken")
	}
	switch {
	case cfg.AccountSID == "":
		return nil, errors.New("delivery: the SMS account SID is empty")
	case cfg.AuthToken == "":
		return nil, errors.New("delivery: the SMS auth token is empty")
	case !e164RE.MatchString(cfg.From):
		return nil, errors.New("delivery: the SMS From number is not in E.164 (+ and up to 15 digits)")
	}
	if cfg.StatusCallback != "" {
		cb, err := url.Parse(cfg.StatusCallback)
		if err != nil || cb.Host == "" || (cb.Scheme != "https" && cb.Scheme != "http") {
			return nil, errors.New("delivery: the SMS status callback must be an absolute http(s) URL")
		}
	}
	client := cfg.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: defaultTimeout}
	}
	return &SMS{
		endpoint:       u.String(),
		accountSID:     cfg.AccountSID,
		authToken:      cfg.AuthToken,
		from:           cfg.From,
		statusCallback: cfg.StatusCallback,
		client:         client,
	}, nil
}

// isLoopback reports whether host names this machine.
func isLoopback(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || (ip != nil && ip.IsLoopback())
}

// Send posts m to the messages endpoint. A text message has no display name:
// when m.FromName is not empty, the body is sent as "FromName: Body". The
// receipt's ProviderID is the provider's message SID.
//
// An invalid recipient and an answer with an HTTP 4xx other than 429 are
// permanent errors; 429, 5xx and network failures are temporary. Errors
// carry the HTTP status and the provider's error code, never its message,
// which quotes the phone number.
func (s *SMS) Send(ctx context.Context, m Message) (Receipt, error) {
	if !e164RE.MatchString(m.To) {
		return Receipt{}, Permanent(errors.New("delivery: sms: the recipient is not an E.164 phone number"))
	}
	body := m.Body
	if m.FromName != "" {
		body = m.FromName + ": " + body
	}
	if strings.TrimSpace(body) == "" {
		return Receipt{}, Permanent(errors.New("delivery: sms: the body is empty"))
	}
	form := url.Values{"To": {m.To}, "From": {s.from}, "Body": {body}}
	if s.statusCallback != "" {
		form.Set("StatusCallback", CallbackFor(s.statusCallback, m.ID))
	}

	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return Receipt{}, errors.New("delivery: sms: cannot build the request")
	}
	req.SetBasicAuth(s.accountSID, s.authToken)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")

	resp, err := s.client.Do(req)
	if err != nil {
		return Receipt{}, transportError(ctx, err)
	}
	defer func() { _ = resp.Body.Close() }()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return Receipt{}, fmt.Errorf("delivery: sms: reading the answer: %w", transportError(ctx, err))
	}

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Receipt{}, providerError(resp.StatusCode, answer)
	}
	var created struct {
		SID    string `json:"sid"`
		Status string `json:"status"`
	}
	if err := json.Unmarshal(answer, &created); err != nil || created.SID == "" {
		return Receipt{}, fmt.Errorf("delivery: sms: provider answered HTTP %d without a message sid", resp.StatusCode)
	}
	return Receipt{ProviderID: created.SID}, nil
}

// transportError describes a request that got no answer. The *url.Error
// around it quotes the endpoint, which holds the account SID: it is dropped.
func transportError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("delivery: sms: %w", ctxErr)
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	return fmt.Errorf("delivery: sms: %w", err)
}

// providerError describes an answer other than 2xx: Twilio's errors are
// {"code":21211,"message":"...","status":400}.
func providerError(status int, answer []byte) error {
	var twilioErr struct {
		Code int `json:"code"`
	}
	_ = json.Unmarshal(answer, &twilioErr) // an answer that is not JSON has no code
	msg := fmt.Sprintf("delivery: sms: provider answered HTTP %d", status)
	if twilioErr.Code != 0 {
		msg += fmt.Sprintf(" (error code %d)", twilioErr.Code)
	}
	err := errors.New(msg)
	// 401 and 403 are the account's (a rotated token, a suspended
	// account), not the message's: once fixed, the retry goes through.
	if status >= 400 && status < 500 && status != http.StatusTooManyRequests &&
		status != http.StatusUnauthorized && status != http.StatusForbidden {
		return Permanent(err)
	}
	return err
}

// CallbackFor is the status callback URL of the message id: base with the
// query parameter "n" set to id (base unchanged for an empty id).
func CallbackFor(base, id string) string {
	u, err := url.Parse(base)
	if err != nil || id == "" {
		return base
	}
	q := u.Query()
	q.Set("n", id)
	u.RawQuery = q.Encode()
	return u.String()
}
