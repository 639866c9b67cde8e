package phone

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// Kind is what the number is for. The values are the GraphQL PhoneKind enum.
type Kind string

// Phone kinds.
const (
	KindVoice   Kind = "VOICE"
	KindHotline Kind = "HOTLINE"
	KindTTY     Kind = "TTY"
	KindSMS     Kind = "SMS"
)

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	switch k {
	case KindVoice, KindHotline, KindTTY, KindSMS:
		return true
	}
	return false
}

// Phone is a stored phone number.
type Phone struct {
	// Number is E.164 (+13125551234) or a short number (911, 988; an SMS
	// line may also be a five- or six-digit short code such as 88788).
	Number string `json:"number"`
	Kind   Kind   `json:"kind"`
	// SMSBody is what to text an SMS line to start (START); SMS lines only.
	SMSBody string `json:"smsBody,omitempty"`
}

// MaxSMSBody is the longest SMSBody, in characters: one text message.
const MaxSMSBody = 160

// DefaultRegion is the region numbers without a country code are read in.
const DefaultRegion = "US"

// ErrInvalid is returned for a number that is neither a valid phone number nor a
// short emergency number.
var ErrInvalid = errors.New("not a valid phone number")

var (
	shortNumber = regexp.MustCompile(`^[0-9]{3}$`)
	// shortCode is a US common short code, which only takes text messages.
	shortCode = regexp.MustCompile(`^[0-9]{5,6}$`)
)

// Normalize returns raw as E.164, or as a short emergency number (911, 988…).
func Normalize(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if shortNumber.MatchString(raw) {
		if phonenumbers.IsEmergencyNumber(raw, DefaultRegion) || phonenumbers.IsValidShortNumberForRegion(mustParseShort(raw), DefaultRegion) {
			return raw, nil
		}
		return "", ErrInvalid
	}
	n, err := phonenumbers.Parse(raw, DefaultRegion)
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return "", ErrInvalid
	}
	// libphonenumber calls some overlong numbers valid (German ones with
	// many extension digits); E.164 allows 15 digits at most, and what is
	// stored must be E.164.
	e164 := phonenumbers.Format(n, phonenumbers.E164)
	if len(e164) > maxE164 {
		return "", ErrInvalid
	}
	return e164, nil
}

// maxE164 is the longest E.164 number: "+" and 15 digits (ITU-T E.164 §6).
const maxE164 = 16

func mustParseShort(raw string) *phonenumbers.PhoneNumber {
	n, err := phonenumbers.Parse(raw, DefaultRegion)
	if err != nil {
		return &phonenumbers.PhoneNumber{}
	}
	return n
}

// displays memoises Display: parsing a number is costly, and a directory
// shows the same numbers on every page.
var (
	displays     sync.Map // number → display
	displayCount atomic.Int64
)

const maxDisplays = 100000

// Display formats a stored number for people: national format for numbers in
// the default region, international otherwise, short numbers as they are.
func Display(number string) string {
	if !strings.HasPrefix(number, "+") {
		return number
	}
	if d, ok := displays.Load(number); ok {
		return d.(string)
	}
	d := display(number)
	if displayCount.Add(1) <= maxDisplays {
		displays.Store(number, d)
	}
	return d
}

func display(number string) string {
	n, err := phonenumbers.Parse(number, DefaultRegion)
	if err != nil {
		return number
	}
	if phonenumbers.GetRegionCodeForNumber(n) == DefaultRegion {
		return phonenumbers.Format(n, phonenumbers.NATIONAL)
	}
	return phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
}

// TelURI returns the tel: URI of a stored number (tel:+13125551234, tel:911).
func TelURI(number string) string { return "tel:" + number }

// SMSURI returns the sms: URI (RFC 5724) of an SMS line, with the text to
// send when it has one (sms:988, sms:88788?body=START), or "" for a line of
// another kind.
func SMSURI(p Phone) string {
	if p.Kind != KindSMS {
		return ""
	}
	if p.SMSBody == "" {
		return "sms:" + p.Number
	}
	return "sms:" + p.Number + "?body=" + strings.ReplaceAll(url.QueryEscape(p.SMSBody), "+", "%20")
}

// NormalizeFor is Normalize for a number of kind k: an SMS line may also be
// a short code (five or six digits, 88788), which takes texts only.
func NormalizeFor(raw string, k Kind) (string, error) {
	if t := strings.TrimSpace(raw); k == KindSMS && shortCode.MatchString(t) {
		if phonenumbers.IsValidShortNumberForRegion(mustParseShort(t), DefaultRegion) {
			return t, nil
		}
		return "", ErrInvalid
	}
	return Normalize(raw)
}

// NormalizeAll validates and normalises a list of phones in place: the
// number for its kind, and an SMS body only on an SMS line, one message
// long at most, without control characters.
func NormalizeAll(phones []Phone) error {
	for i := range phones {
		p := &phones[i]
		if !p.Kind.Valid() {
			return ErrInvalid
		}
		n, err := NormalizeFor(p.Number, p.Kind)
		if err != nil {
			return err
		}
		p.Number = n
		p.SMSBody = strings.TrimSpace(p.SMSBody)
		if p.SMSBody != "" && (p.Kind != KindSMS || !validBody(p.SMSBody)) {
			return ErrInvalid
		}
	}
	return nil
}

func validBody(s string) bool {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxSMSBody {
		return false
	}
	return strings.IndexFunc(s, unicode.IsControl) < 0
}

// MarshalGQL implements graphql.Marshaler (the PhoneKind enum).
func (k Kind) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(k))) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (k *Kind) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok || !Kind(s).Valid() {
		return fmt.Errorf("not a valid PhoneKind")
	}
	*k = Kind(s)
	return nil
}
