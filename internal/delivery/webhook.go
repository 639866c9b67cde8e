package delivery

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"maps"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Sign computes Twilio's X-Twilio-Signature for a POST to fullURL with form:
// base64(HMAC-SHA1(authToken, fullURL followed by each parameter's name and
// value, sorted by name)). The values of a repeated name are taken in sorted
// order.
func Sign(authToken, fullURL string, form url.Values) string {
	var b strings.Builder
	b.WriteString(fullURL)
	for _, name := range slices.Sorted(maps.Keys(form)) {
		for _, value := range slices.Sorted(slices.Values(form[name])) {
			b.WriteString(name)
			b.WriteString(value)
		}
	}
	mac := hmac.New(sha1.New, []byte(authToken))
	mac.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// VerifySignature reports whether signature, the X-Twilio-Signature header,
// signs a POST of form to fullURL. fullURL is the URL exactly as configured
// at the provider, query string included (not as a proxy in front rewrote
// it). Like Twilio's own libraries, it also accepts the signature of fullURL
// with the scheme's default port added or removed, as Twilio signs either.
// An empty token or signature never verifies. The comparison is
// constant-time.
func VerifySignature(authToken, fullURL string, form url.Values, signature string) bool {
	if authToken == "" || signature == "" {
		return false
	}
	if hmac.Equal([]byte(Sign(authToken, fullURL, form)), []byte(signature)) {
		return true
	}
	other, ok := defaultPortVariant(fullURL)
	return ok && hmac.Equal([]byte(Sign(authToken, other, form)), []byte(signature))
}

// defaultPortVariant returns rawURL with its scheme's default port added
// when it has no port, or removed when it has that one; false when neither
// applies. Only the authority changes: the rest is kept byte for byte, as
// it was signed.
func defaultPortVariant(rawURL string) (string, bool) {
	scheme, rest, ok := strings.Cut(rawURL, "://")
	if !ok {
		return "", false
	}
	var defaultPort string
	switch strings.ToLower(scheme) {
	case "https":
		defaultPort = "443"
	case "http":
		defaultPort = "80"
	default:
		return "", false
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	if authority == "" || strings.Contains(authority, "@") {
		return "", false
	}
	host, port, err := net.SplitHostPort(authority)
	switch {
	case err != nil: // no port
		authority = net.JoinHostPort(strings.Trim(authority, "[]"), defaultPort)
	case port == defaultPort:
		authority = host
		if strings.Contains(host, ":") {
			authority = "[" + host + "]"
		}
	default:
		return "", false
	}
	return scheme + "://" + authority + tail, true
}

// StatusReport is a delivery status callback.
type StatusReport struct {
	// ProviderID is the message SID (MessageSid).
	ProviderID string
	// Status is MessageStatus: queued, sending, sent, delivered,
	// undelivered or failed (Twilio documents a few more, such as
	// accepted, scheduled, read and canceled).
	Status string
	// ErrorCode is the provider's error code for undelivered and failed
	// messages, or "".
	ErrorCode string
}

// Inbound is a text message received from a phone.
type Inbound struct {
	// ProviderID is the message SID (MessageSid).
	ProviderID string
	// From is the sender's number, To the number it was sent to.
	From, To string
	// Body is the text; it may be empty (a picture alone).
	Body string
}

// ParseStatus reads a status callback's form. Check its signature first.
func ParseStatus(form url.Values) (StatusReport, error) {
	r := StatusReport{
		ProviderID: firstOf(form, "MessageSid", "SmsSid"),
		Status:     firstOf(form, "MessageStatus", "SmsStatus"),
		ErrorCode:  form.Get("ErrorCode"),
	}
	switch {
	case r.ProviderID == "":
		return StatusReport{}, errors.New("delivery: status callback without MessageSid")
	case r.Status == "":
		return StatusReport{}, errors.New("delivery: status callback without MessageStatus")
	case !isToken(r.Status, "abcdefghijklmnopqrstuvwxyz_"):
		return StatusReport{}, errors.New("delivery: status callback with a malformed MessageStatus")
	case r.ErrorCode != "" && !isToken(r.ErrorCode, "0123456789"):
		return StatusReport{}, errors.New("delivery: status callback with a malformed ErrorCode")
	}
	return r, nil
}

// ParseInbound reads an incoming message callback's form. Check its
// signature first. Errors name the missing field, never a value.
func ParseInbound(form url.Values) (Inbound, error) {
	in := Inbound{
		ProviderID: firstOf(form, "MessageSid", "SmsMessageSid", "SmsSid"),
		From:       form.Get("From"),
		To:         form.Get("To"),
		Body:       form.Get("Body"),
	}
	switch {
	case in.ProviderID == "":
		return Inbound{}, errors.New("delivery: inbound message without MessageSid")
	case in.From == "":
		return Inbound{}, errors.New("delivery: inbound message without From")
	case in.To == "":
		return Inbound{}, errors.New("delivery: inbound message without To")
	}
	return in, nil
}

// firstOf returns the first non-empty value of names in form.
func firstOf(form url.Values, names ...string) string {
	for _, name := range names {
		if v := form.Get(name); v != "" {
			return v
		}
	}
	return ""
}

// isToken reports whether s is made of the bytes in alphabet only.
func isToken(s, alphabet string) bool {
	for i := range len(s) {
		if strings.IndexByte(alphabet, s[i]) < 0 {
			return false
		}
	}
	return true
}

// Keyword is what an inbound message asks of the sender, as carriers and
// Twilio read it.
type Keyword int

// The keywords. Twilio itself stops sending to a number after KeywordStop
// until KeywordStart.
const (
	// KeywordNone is an ordinary message.
	KeywordNone Keyword = iota
	// KeywordStop opts out: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT,
	// REVOKE, OPTOUT.
	KeywordStop
	// KeywordStart opts back in: START, UNSTOP, YES.
	KeywordStart
	// KeywordHelp asks for help: HELP, INFO.
	KeywordHelp
)

// String returns the keyword's name.
func (k Keyword) String() string {
	switch k {
	case KeywordNone:
		return "none"
	case KeywordStop:
		return "stop"
	case KeywordStart:
		return "start"
	case KeywordHelp:
		return "help"
	}
	return "Keyword(" + strconv.Itoa(int(k)) + ")"
}

// ClassifyKeyword classifies an inbound body. The keyword must be the whole
// message, surrounding white space aside; case does not matter, but only
// ASCII letters count ("ſtop" is not STOP: carriers would not read it so).
func ClassifyKeyword(body string) Keyword {
	word := []byte(strings.TrimSpace(body))
	if len(word) > len("UNSUBSCRIBE") {
		return KeywordNone
	}
	for i, c := range word {
		if 'a' <= c && c <= 'z' {
			word[i] = c - 'a' + 'A'
		}
	}
	switch string(word) {
	case "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT":
		return KeywordStop
	case "START", "UNSTOP", "YES":
		return KeywordStart
	case "HELP", "INFO":
		return KeywordHelp
	}
	return KeywordNone
}

// TwiML renders the answer to an inbound message callback:
// <?xml version="1.0" encoding="UTF-8"?><Response><Message>reply</Message></Response>,
// reply XML-escaped, or an empty <Response/> (no reply) for "". Serve it as
// text/xml.
func TwiML(reply string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	if reply == "" {
		b.WriteString("<Response/>")
		return b.Bytes()
	}
	b.WriteString("<Response><Message>")
	_ = xml.EscapeText(&b, []byte(reply)) // a bytes.Buffer does not fail
	b.WriteString("</Message></Response>")
	return b.Bytes()
}
