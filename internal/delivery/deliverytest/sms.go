package deliverytest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"victimservices/internal/delivery"
)

// accountSID is the account of the SMS server: the basic auth user and part
// of its messages endpoint.
const accountSID = "AC0123456789abcdef0123456789abcdef"

// SMSRequest is one request the SMS server received on its messages
// endpoint.
type SMSRequest struct {
	// To, From, Body and StatusCallback are the form's fields.
	To, From, Body, StatusCallback string
	// Form is the whole form, to tell an absent field from an empty one.
	Form url.Values
	// SID is the message SID answered, "" when the request failed.
	SID string
	// Status is the HTTP status answered.
	Status int
	// Time is when the request arrived.
	Time time.Time
}

// SMSServer is an HTTP server in the shape of Twilio's Messages API: it
// checks basic auth (AccountSID and the auth token), records each request
// and answers 201 {"sid":"SM…","status":"queued"}, or the errors FailNext
// asks for. It also posts signed callbacks as Twilio would.
type SMSServer struct {
	t         testing.TB
	srv       *httptest.Server
	authToken string
	client    *http.Client

	mu         sync.Mutex
	requests   []SMSRequest
	changed    chan struct{} // closed and replaced when a request arrives
	sids       int
	failLeft   int
	failStatus int
	failCode   int
}

// messagesPath is the messages endpoint's path.
const messagesPath = "/2010-04-01/Accounts/" + accountSID + "/Messages.json"

// NewSMSServer starts an SMS server that accepts authToken. It is closed
// when the test ends.
func NewSMSServer(t testing.TB, authToken string) *SMSServer {
	t.Helper()
	s := &SMSServer{
		t:         t,
		authToken: authToken,
		client:    &http.Client{Timeout: 10 * time.Second},
		changed:   make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+messagesPath, s.create)
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		answer(w, http.StatusNotFound, twilioError(20404, "The requested resource was not found", http.StatusNotFound))
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

// URL returns the messages endpoint, e.g.
// http://127.0.0.1:port/2010-04-01/Accounts/AC…/Messages.json.
func (s *SMSServer) URL() string { return s.srv.URL + messagesPath }

// AccountSID returns the account SID the server expects: the basic auth user.
func (s *SMSServer) AccountSID() string { return accountSID }

// FailNext makes the server answer the next n requests with status and a
// Twilio error body of code, e.g. (1, 500, 20500) or (1, 400, 21211). Its
// message quotes the To number, as Twilio's do.
func (s *SMSServer) FailNext(n, status, code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failLeft, s.failStatus, s.failCode = n, status, code
}

// Requests returns the requests received so far, oldest first. Treat them as
// read-only.
func (s *SMSServer) Requests() []SMSRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// WaitFor waits until at least n requests have arrived, and returns them.
// It fails the test after timeout; call it from the test's goroutine.
func (s *SMSServer) WaitFor(n int, timeout time.Duration) []SMSRequest {
	s.t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		requests, changed := slices.Clone(s.requests), s.changed
		s.mu.Unlock()
		if len(requests) >= n {
			return requests
		}
		select {
		case <-changed:
		case <-deadline.C:
			s.t.Fatalf("deliverytest: %d of %d SMS requests arrived within %s", len(requests), n, timeout)
			return nil
		}
	}
}

// create handles POST Messages.json.
func (s *SMSServer) create(w http.ResponseWriter, r *http.Request) {
	user, password, ok := r.BasicAuth()
	authorized := ok && user == accountSID && password == s.authToken
	_ = r.ParseForm()
	req := SMSRequest{
		To:             r.PostForm.Get("To"),
		From:           r.PostForm.Get("From"),
		Body:           r.PostForm.Get("Body"),
		StatusCallback: r.PostForm.Get("StatusCallback"),
		Form:           r.PostForm,
		Time:           time.Now(),
	}

	s.mu.Lock()
	status, body := s.answerFor(authorized, &req)
	req.Status = status
	s.requests = append(s.requests, req)
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()

	answer(w, status, body)
}

// answerFor decides the answer to req, numbering it if it succeeds. The
// caller holds s.mu.
func (s *SMSServer) answerFor(authorized bool, req *SMSRequest) (int, any) {
	switch {
	case !authorized:
		return http.StatusUnauthorized, twilioError(20003, "Authenticate", http.StatusUnauthorized)
	case s.failLeft > 0:
		s.failLeft--
		msg := fmt.Sprintf("The 'To' number %s could not be used (deliverytest failure)", req.To)
		return s.failStatus, twilioError(s.failCode, msg, s.failStatus)
	case req.To == "":
		return http.StatusBadRequest, twilioError(21604, "A 'To' phone number is required.", http.StatusBadRequest)
	case req.From == "":
		return http.StatusBadRequest, twilioError(21603, "A 'From' phone number is required.", http.StatusBadRequest)
	case req.Body == "":
		return http.StatusBadRequest, twilioError(21602, "Message body is required.", http.StatusBadRequest)
	}
	req.SID = s.newSID()
	return http.StatusCreated, map[string]any{
		"sid":         req.SID,
		"account_sid": accountSID,
		"status":      "queued",
		"to":          req.To,
		"from":        req.From,
		"body":        req.Body,
		"api_version": "2010-04-01",
	}
}

// newSID returns a new, unique message SID. The caller holds s.mu.
func (s *SMSServer) newSID() string {
	s.sids++
	return fmt.Sprintf("SM%032x", s.sids)
}

// twilioError is the body of Twilio's error answers.
func twilioError(code int, message string, status int) map[string]any {
	return map[string]any{
		"code":      code,
		"message":   message,
		"more_info": fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code),
		"status":    status,
	}
}

// answer writes body as JSON with status.
func answer(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// SendStatus posts a signed status callback for the message sid to
// callbackURL, as Twilio would: MessageSid, MessageStatus (and the older
// SmsSid and SmsStatus), AccountSid, the message's To and From when the
// server sent it, and ErrorCode 30003 (unreachable handset) for undelivered
// and failed. The caller closes the response's body.
func (s *SMSServer) SendStatus(callbackURL, sid, status string) (*http.Response, error) {
	form := url.Values{
		"MessageSid":    {sid},
		"SmsSid":        {sid},
		"MessageStatus": {status},
		"SmsStatus":     {status},
		"AccountSid":    {accountSID},
		"ApiVersion":    {"2010-04-01"},
	}
	for _, req := range s.Requests() {
		if req.SID == sid {
			form.Set("To", req.To)
			form.Set("From", req.From)
		}
	}
	if status == "undelivered" || status == "failed" {
		form.Set("ErrorCode", "30003")
	}
	return s.Post(callbackURL, form)
}

// SendInbound posts a signed incoming message callback to inboundURL, as
// Twilio would for a text from from to to. The caller closes the response's
// body.
func (s *SMSServer) SendInbound(inboundURL, from, to, body string) (*http.Response, error) {
	s.mu.Lock()
	sid := s.newSID()
	s.mu.Unlock()
	form := url.Values{
		"MessageSid":    {sid},
		"SmsMessageSid": {sid},
		"SmsSid":        {sid},
		"AccountSid":    {accountSID},
		"From":          {from},
		"To":            {to},
		"Body":          {body},
		"NumMedia":      {"0"},
		"NumSegments":   {"1"},
		"SmsStatus":     {"received"},
		"ApiVersion":    {"2010-04-01"},
	}
	return s.Post(inboundURL, form)
}

// Post posts form to target signed with the server's auth token (the
// X-Twilio-Signature header), for callbacks SendStatus and SendInbound do
// not cover. The caller closes the response's body.
func (s *SMSServer) Post(target string, form url.Values) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, fmt.Errorf("deliverytest: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "TwilioProxy/1.1")
	req.Header.Set("X-Twilio-Signature", delivery.Sign(s.authToken, target, form))
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("deliverytest: %w", err)
	}
	return resp, nil
}
