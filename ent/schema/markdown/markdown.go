package markdown

import (
	"errors"
	"html"
	"regexp"
	"strings"
)

// Errors returned by Validate.
var (
	ErrHTML   = errors.New("raw HTML is not allowed")
	ErrScheme = errors.New("links may only use https:, http:, mailto: or tel:")
)

var (
	// An HTML tag, closing tag, comment, declaration or processing instruction.
	htmlTag = regexp.MustCompile(`<\s*(!--|[/!?]?[A-Za-z])`)
	// Inline link or image destinations: ](dest  and reference definitions: [x]: dest
	inlineDest = regexp.MustCompile(`\]\(\s*<?([^)\s>]*)`)
	refDest    = regexp.MustCompile(`(?m)^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(\s|$)`)
	scheme     = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*):`)
)

var allowedSchemes = map[string]bool{"https": true, "http": true, "mailto": true, "tel": true}

// Validate reports why body is unsafe, or nil.
func Validate(body string) error {
	if htmlTag.MatchString(body) || htmlTag.MatchString(html.UnescapeString(body)) {
		return ErrHTML
	}
	// A script scheme anywhere, however it is spelled, is refused.
	squashed := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(html.UnescapeString(body)))
	for _, bad := range []string{"javascript:", "vbscript:", "data:", "file:"} {
		if strings.Contains(squashed, bad) {
			return ErrScheme
		}
	}
	var dests []string
	for _, m := range inlineDest.FindAllStringSubmatch(body, -1) {
		dests = append(dests, m[1])
	}
	for _, m := range refDest.FindAllStringSubmatch(body, -1) {
		dests = append(dests, m[1])
	}
	for _, d := range dests {
		d = html.UnescapeString(d)
		if m := scheme.FindStringSubmatch(d); m != nil && !allowedSchemes[strings.ToLower(m[1])] {
			return ErrScheme
		}
	}
	return nil
}
