package phone

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

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
	// Number is E.164 (+13125551234) or a short emergency number (911).
	Number string `json:"number"`
	Kind   Kind   `json:"kind"`
}

// DefaultRegion is the region numbers without a country code are read in.
const DefaultRegion = "US"

// ErrInvalid is returned for a number that is neither a valid phone number nor a
// short emergency number.
var ErrInvalid = errors.New("not a valid phone number")

var shortNumber = regexp.MustCompile(`^[0-9]{3}$`)

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
	return phonenumbers.Format(n, phonenumbers.E164), nil
}

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

// NormalizeAll validates and normalises a list of phones in place.
func NormalizeAll(phones []Phone) error {
	for i := range phones {
		if !phones[i].Kind.Valid() {
			return ErrInvalid
		}
		n, err := Normalize(phones[i].Number)
		if err != nil {
			return err
		}
		phones[i].Number = n
	}
	return nil
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
