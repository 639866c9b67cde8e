package delivery_test

import (
	"encoding/xml"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"victimservices/internal/delivery"
)

// The numbers of the tests: the service's and a person's.
const (
	fromPhone = "+15005550006"
	toPhone   = "+15145550123"
)

func TestSignKnownVectors(t *testing.T) {
	docForm := func(caller string) url.Values {
		return url.Values{
			"CallSid": {"CA1234567890ABCDE"},
			"Caller":  {caller},
			"Digits":  {"1234"},
			"From":    {caller},
			"To":      {"+18005551212"},
		}
	}
	for _, tc := range []struct {
		name, token, url string
		form             url.Values
		want             string
	}{
		{
			// Twilio's webhook security documentation, and twilio-go's
			// request_validator_test.go.
			name:  "twilio-go",
			token: "12345", url: "https://mycompany.com/myapp.php?foo=1&bar=2",
			form: docForm("+14158675309"),
			want: "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
		},
		{
			// The same example as the documentation prints it today.
			name:  "docs",
			token: "12345", url: "https://mycompany.com/myapp.php?foo=1&bar=2",
			form: docForm("+14158675310"),
			want: "GvWf1cFY/Q7PnoempGyD5oXAezc=",
		},
		{
			// A real inbound SMS callback, from twilio-ruby's
			// request_validator_spec.rb.
			name:  "twilio-ruby sms",
			token: "2bd9e9638872de601313dc77410d3b23", url: "http://twiliotests.heroku.com/validate/sms",
			form: url.Values{
				"ToState": {"CA"}, "FromState": {"CA"}, "AccountSid": {"ACba8bc05eacf94afdae398e642c9cc32d"},
				"SmsMessageSid": {"SM2003cbd5e6a3701999aa3e5f20ff2787"}, "Body": {"Orly"}, "From": {"+14159354345"},
				"FromCity": {"SAN FRANCISCO"}, "SmsStatus": {"received"}, "FromZip": {"94107"}, "FromCountry": {"US"},
				"To": {"+14158141819"}, "ToCity": {"SAN FRANCISCO"}, "ToZip": {"94105"}, "ToCountry": {"US"},
				"ApiVersion": {"2010-04-01"}, "SmsSid": {"SM2003cbd5e6a3701999aa3e5f20ff2787"},
			},
			want: "mxeiv65lEe0b8L6LdVw2jgJi8yw=",
		},
	} {
		if got := delivery.Sign(tc.token, tc.url, tc.form); got != tc.want {
			t.Errorf("%s: Sign = %q, want %q", tc.name, got, tc.want)
		}
		if !delivery.VerifySignature(tc.token, tc.url, tc.form, tc.want) {
			t.Errorf("%s: VerifySignature refused the documented signature", tc.name)
		}
	}
}

func TestVerifySignature(t *testing.T) {
	const token = "s3cret"
	const hook = "https://vsu.example.org/hooks/sms/inbound?env=prod"
	form := url.Values{"MessageSid": {"SM1"}, "From": {toPhone}, "To": {fromPhone}, "Body": {"STOP"}}
	sig := delivery.Sign(token, hook, form)
	if !delivery.VerifySignature(token, hook, form, sig) {
		t.Fatal("VerifySignature refused Sign's signature")
	}

	tampered := func(change func(url.Values)) url.Values {
		f := url.Values{}
		for k, v := range form {
			f[k] = append([]string(nil), v...)
		}
		change(f)
		return f
	}
	for name, tc := range map[string]struct {
		token, url string
		form       url.Values
		sig        string
	}{
		"changed value":     {token, hook, tampered(func(f url.Values) { f.Set("Body", "START") }), sig},
		"added param":       {token, hook, tampered(func(f url.Values) { f.Set("NumMedia", "0") }), sig},
		"removed param":     {token, hook, tampered(func(f url.Values) { f.Del("Body") }), sig},
		"value moved":       {token, hook, tampered(func(f url.Values) { f.Set("Body", ""); f.Set("BodySTOP", "") }), sig},
		"changed path":      {token, "https://vsu.example.org/hooks/sms/status?env=prod", form, sig},
		"changed query":     {token, "https://vsu.example.org/hooks/sms/inbound?env=test", form, sig},
		"changed scheme":    {token, "http://vsu.example.org/hooks/sms/inbound?env=prod", form, sig},
		"other port":        {token, "https://vsu.example.org:8443/hooks/sms/inbound?env=prod", form, sig},
		"changed signature": {token, hook, form, flip(sig)},
		"truncated":         {token, hook, form, sig[:len(sig)-1]},
		"empty signature":   {token, hook, form, ""},
		"wrong token":       {"other", hook, form, sig},
		"empty token":       {"", hook, form, delivery.Sign("", hook, form)},
	} {
		if delivery.VerifySignature(tc.token, tc.url, tc.form, tc.sig) {
			t.Errorf("%s: VerifySignature accepted it", name)
		}
	}

	// Twilio signs with or without the default port.
	withPort := "https://vsu.example.org:443/hooks/sms/inbound?env=prod"
	if !delivery.VerifySignature(token, withPort, form, sig) {
		t.Error("the signature of the URL without :443 was refused for the URL with it")
	}
	if !delivery.VerifySignature(token, hook, form, delivery.Sign(token, withPort, form)) {
		t.Error("the signature of the URL with :443 was refused for the URL without it")
	}
}

// flip changes one character of a base64 signature.
func flip(sig string) string {
	b := []byte(sig)
	if b[0] == 'A' {
		b[0] = 'B'
	} else {
		b[0] = 'A'
	}
	return string(b)
}

func TestSignRepeatedParams(t *testing.T) {
	a := url.Values{"MediaUrl": {"https://x/2", "https://x/1"}, "A": {"1"}}
	b := url.Values{"A": {"1"}, "MediaUrl": {"https://x/1", "https://x/2"}}
	if delivery.Sign("t", "https://h/p", a) != delivery.Sign("t", "https://h/p", b) {
		t.Error("the order of a repeated parameter's values changes the signature")
	}
	c := url.Values{"A": {"1"}, "MediaUrl": {"https://x/1"}}
	if delivery.Sign("t", "https://h/p", a) == delivery.Sign("t", "https://h/p", c) {
		t.Error("a dropped value leaves the signature unchanged")
	}
}

func TestParseStatus(t *testing.T) {
	got, err := delivery.ParseStatus(url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"undelivered"}, "ErrorCode": {"30003"}, "SmsSid": {"SM1"}, "SmsStatus": {"undelivered"}})
	if err != nil || got != (delivery.StatusReport{ProviderID: "SM1", Status: "undelivered", ErrorCode: "30003"}) {
		t.Errorf("ParseStatus = %+v, %v", got, err)
	}
	got, err = delivery.ParseStatus(url.Values{"SmsSid": {"SM2"}, "SmsStatus": {"sent"}})
	if err != nil || got != (delivery.StatusReport{ProviderID: "SM2", Status: "sent"}) {
		t.Errorf("ParseStatus(older fields) = %+v, %v", got, err)
	}
	for name, form := range map[string]url.Values{
		"no sid":         {"MessageStatus": {"sent"}},
		"no status":      {"MessageSid": {"SM1"}},
		"odd status":     {"MessageSid": {"SM1"}, "MessageStatus": {"<script>"}},
		"odd error code": {"MessageSid": {"SM1"}, "MessageStatus": {"failed"}, "ErrorCode": {"30003; drop"}},
		"empty form":     {},
		"capital status": {"MessageSid": {"SM1"}, "MessageStatus": {"Delivered"}},
	} {
		if got, err := delivery.ParseStatus(form); err == nil {
			t.Errorf("%s: ParseStatus = %+v, want an error", name, got)
		}
	}
}

func TestParseInbound(t *testing.T) {
	form := url.Values{"MessageSid": {"SM9"}, "From": {toPhone}, "To": {fromPhone}, "Body": {"Stop"}, "NumMedia": {"0"}}
	got, err := delivery.ParseInbound(form)
	if err != nil || got != (delivery.Inbound{ProviderID: "SM9", From: toPhone, To: fromPhone, Body: "Stop"}) {
		t.Errorf("ParseInbound = %+v, %v", got, err)
	}
	noBody := url.Values{"SmsMessageSid": {"SM8"}, "From": {toPhone}, "To": {fromPhone}, "NumMedia": {"1"}}
	if got, err := delivery.ParseInbound(noBody); err != nil || got.ProviderID != "SM8" || got.Body != "" {
		t.Errorf("ParseInbound(picture only) = %+v, %v", got, err)
	}
	for _, missing := range []string{"MessageSid", "From", "To"} {
		f := url.Values{"MessageSid": {"SM9"}, "From": {toPhone}, "To": {fromPhone}, "Body": {"private words"}}
		f.Del(missing)
		_, err := delivery.ParseInbound(f)
		if err == nil || !strings.Contains(err.Error(), missing) {
			t.Errorf("without %s: err = %v, want one naming it", missing, err)
		} else if strings.Contains(err.Error(), "private") || strings.Contains(err.Error(), toPhone) {
			t.Errorf("without %s: error %q quotes the message", missing, err)
		}
	}
}

func TestClassifyKeyword(t *testing.T) {
	for body, want := range map[string]delivery.Keyword{
		"STOP": delivery.KeywordStop, "stop": delivery.KeywordStop, " Stop \n": delivery.KeywordStop,
		"STOPALL": delivery.KeywordStop, "Unsubscribe": delivery.KeywordStop, "cancel": delivery.KeywordStop,
		"END": delivery.KeywordStop, "quit": delivery.KeywordStop, "REVOKE": delivery.KeywordStop,
		"OptOut": delivery.KeywordStop, "\tstop\r\n": delivery.KeywordStop,
		"START": delivery.KeywordStart, "unstop": delivery.KeywordStart, "Yes": delivery.KeywordStart,
		"HELP": delivery.KeywordHelp, "info": delivery.KeywordHelp, " Help ": delivery.KeywordHelp,
		"": delivery.KeywordNone, "   ": delivery.KeywordNone, "STOP please": delivery.KeywordNone,
		"please stop": delivery.KeywordNone, "STOP.": delivery.KeywordNone, "S TOP": delivery.KeywordNone,
		"STOPP": delivery.KeywordNone, "OPT OUT": delivery.KeywordNone, "yes!": delivery.KeywordNone,
		"no": delivery.KeywordNone, "ſtop": delivery.KeywordNone, "ＳＴＯＰ": delivery.KeywordNone,
		"Thank you, see you Monday": delivery.KeywordNone, "UNSUBSCRIBED": delivery.KeywordNone,
	} {
		if got := delivery.ClassifyKeyword(body); got != want {
			t.Errorf("ClassifyKeyword(%q) = %v, want %v", body, got, want)
		}
	}
}

func TestKeywordString(t *testing.T) {
	for k, want := range map[delivery.Keyword]string{
		delivery.KeywordNone: "none", delivery.KeywordStop: "stop", delivery.KeywordStart: "start",
		delivery.KeywordHelp: "help", delivery.Keyword(12): "Keyword(12)",
	} {
		if got := k.String(); got != want {
			t.Errorf("Keyword(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

func TestTwiML(t *testing.T) {
	for reply, want := range map[string]string{
		"":                               `<?xml version="1.0" encoding="UTF-8"?><Response/>`,
		"You will get no more messages.": `<?xml version="1.0" encoding="UTF-8"?><Response><Message>You will get no more messages.</Message></Response>`,
		`a < b & "c" > 'd'`:              `<?xml version="1.0" encoding="UTF-8"?><Response><Message>a &lt; b &amp; &#34;c&#34; &gt; &#39;d&#39;</Message></Response>`,
		"</Message><Redirect>https://evil</Redirect>": `<?xml version="1.0" encoding="UTF-8"?><Response><Message>&lt;/Message&gt;&lt;Redirect&gt;https://evil&lt;/Redirect&gt;</Message></Response>`,
		"line 1\nمرحبا 你好":                            `<?xml version="1.0" encoding="UTF-8"?><Response><Message>line 1&#xA;مرحبا 你好</Message></Response>`,
	} {
		if got := string(delivery.TwiML(reply)); got != want {
			t.Errorf("TwiML(%q) =\n%s\nwant\n%s", reply, got, want)
		}
		if got := decodeTwiML(t, delivery.TwiML(reply)); got != reply {
			t.Errorf("TwiML(%q) decodes to %q", reply, got)
		}
	}
}

// decodeTwiML returns the text of a TwiML answer's Message, failing the
// test if it is not well-formed.
func decodeTwiML(t testing.TB, doc []byte) string {
	t.Helper()
	var r struct {
		XMLName xml.Name `xml:"Response"`
		Message string   `xml:"Message"`
	}
	if err := xml.Unmarshal(doc, &r); err != nil {
		t.Fatalf("TwiML %q does not parse: %v", doc, err)
	}
	return r.Message
}

func FuzzClassifyKeyword(f *testing.F) {
	for _, seed := range []string{"STOP", " stop\n", "Yes", "info", "STOP please", "ſtop", "", "UNSUBSCRIBE", "\u00a0HELP\u00a0"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		k := delivery.ClassifyKeyword(body)
		if padded := delivery.ClassifyKeyword(" \t" + body + "\r\n "); padded != k {
			t.Errorf("padding %q with white space changed %v to %v", body, k, padded)
		}
		if isASCII(body) {
			if lower := delivery.ClassifyKeyword(strings.ToLower(body)); lower != k {
				t.Errorf("lower-casing %q changed %v to %v", body, k, lower)
			}
		}
		if k != delivery.KeywordNone {
			word := strings.TrimSpace(body)
			if len(word) > len("UNSUBSCRIBE") || strings.Trim(strings.ToUpper(word), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
				t.Errorf("ClassifyKeyword(%q) = %v, but it is not one ASCII word", body, k)
			}
		}
	})
}

func FuzzTwiML(f *testing.F) {
	for _, seed := range []string{"", "hello", `<&>"'`, "line\r\nline", "\x00\x1f\ufffe", "مرحبا 你好", "\xff\xfe"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, reply string) {
		// TwiML replaces what XML cannot hold with U+FFFD, and keeps the
		// rest exactly.
		var want strings.Builder
		for _, r := range reply {
			if !isXMLChar(r) {
				r = utf8.RuneError
			}
			want.WriteRune(r)
		}
		if got := decodeTwiML(t, delivery.TwiML(reply)); got != want.String() {
			t.Errorf("TwiML(%q) decodes to %q, want %q", reply, got, want.String())
		}
	})
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isXMLChar reports whether r is in XML 1.0's Char production.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
