package weburl

import (
	"errors"
	"net/url"
	"strings"
	"unicode"

	"victimservices/ent/schema/textcheck"
)

// ErrInvalid is returned for anything but an https: or http: address with a
// host.
var ErrInvalid = errors.New("a web address must be an https: or http: URL with a host")

// Validate reports whether s is a web address the directory may publish.
func Validate(s string) error {
	if textcheck.Valid(s) != nil {
		return ErrInvalid
	}
	// Browsers drop tabs and newlines inside a URL and trim spaces and
	// controls around it: refuse them, so what is stored is what is opened.
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return ErrInvalid
	}
	u, err := url.Parse(s)
	if err != nil {
		return ErrInvalid
	}
	switch {
	case u.Scheme != "https" && u.Scheme != "http": // url.Parse lower-cases the scheme
		return ErrInvalid
	case u.Opaque != "": // https:example.org
		return ErrInvalid
	case u.User != nil: // https://trusted.example@evil.example
		return ErrInvalid
	case u.Hostname() == "":
		return ErrInvalid
	case strings.Contains(u.Host, "\\"):
		return ErrInvalid
	}
	return nil
}
