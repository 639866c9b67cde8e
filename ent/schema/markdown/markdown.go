package markdown

import (
	"bytes"
	"errors"
	"html"
	"net/url"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Errors returned by Validate.
var (
	ErrHTML   = errors.New("raw HTML is not allowed")
	ErrScheme = errors.New("links may only use https:, http:, mailto: or tel:")
)

var allowedSchemes = map[string]bool{"https": true, "http": true, "mailto": true, "tel": true}

// Validate reports why body is unsafe, or nil.
//
// The body is parsed as a CommonMark renderer parses it (goldmark), and once
// more with the GitHub extensions (tables split cells, bare addresses become
// links), so whichever of the two an app uses, every link, image, autolink and
// reference definition it would produce is checked on the address it would
// write into href or src: backslash escapes removed, entities resolved. Raw
// HTML (inline or as a block) is refused, and so is text that spells a tag
// with entities (&lt;script&gt;), which an app that decodes twice would run.
func Validate(body string) error {
	src := []byte(body)
	// A script scheme anywhere, however it is spelled or spaced, even
	// outside a link: no guide needs one, and a lenient renderer might link it.
	squashed := strings.Map(func(r rune) rune {
		if r <= ' ' || unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, html.UnescapeString(body))
	if strings.Contains(squashed, "javascript:") || strings.Contains(squashed, "vbscript:") {
		return ErrScheme
	}
	for _, gfm := range []bool{false, true} {
		if err := check(src, newParser(gfm)); err != nil {
			return err
		}
	}
	return nil
}

// newParser is goldmark's CommonMark parser, with the GitHub extensions
// (tables, strikethrough, task lists, bare addresses as links) when gfm is
// set. A parser per call: goldmark does not promise that one is safe for
// concurrent use, and guides are rarely saved.
func newParser(gfm bool) parser.Parser {
	if gfm {
		return goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
	}
	return goldmark.New().Parser()
}

// check parses src and walks what a renderer would output.
func check(src []byte, p parser.Parser) error {
	pc := parser.NewContext()
	doc := p.Parse(text.NewReader(src), parser.WithContext(pc))
	// Every reference definition, used or not.
	for _, ref := range pc.References() {
		if !allowedDestination(ref.Destination()) {
			return ErrScheme
		}
	}
	var found error
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			found = ErrHTML
		case *ast.Link:
			if !allowedDestination(n.Destination) {
				found = ErrScheme
			}
		case *ast.Image:
			if !allowedDestination(n.Destination) {
				found = ErrScheme
			}
		case *ast.AutoLink:
			u := n.URL(src)
			if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(u), []byte("mailto:")) {
				u = append([]byte("mailto:"), u...)
			}
			if !allowedURL(string(u)) {
				found = ErrScheme
			}
		case *ast.Text:
			if spellsTag(string(resolve(n.Value(src)))) {
				found = ErrHTML
			}
		}
		if found != nil {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// resolve is what a renderer does to a destination or text before writing
// it out: backslash escapes removed, character references resolved.
func resolve(v []byte) []byte {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

// allowedDestination reports whether a link or image destination, as the
// source spells it, renders to an allowed address.
func allowedDestination(dest []byte) bool { return allowedURL(string(resolve(dest))) }

// allowedURL reports whether a browser would open u with an allowed scheme,
// or as a reference inside the document or the app (#anchor, relative path).
// Decided conservatively: percent-escapes decoded, spaces and control
// characters dropped (browsers drop tabs and newlines and trim the rest), so
// anything that might read as a scheme is one.
func allowedURL(u string) bool {
	if d, err := url.PathUnescape(u); err == nil {
		u = d
	}
	u = strings.Map(func(r rune) rune {
		if r <= ' ' || unicode.IsSpace(r) || unicode.IsControl(r) {
			return -1
		}
		return r
	}, u)
	colon := strings.IndexByte(u, ':')
	if colon < 0 {
		return true
	}
	if cut := strings.IndexAny(u, "/?#"); cut >= 0 && cut < colon {
		return true // the colon is in the path, query or fragment
	}
	return allowedSchemes[strings.ToLower(u[:colon])]
}

// spellsTag reports whether s holds what an HTML parser would take for the
// start of a tag, comment, declaration or processing instruction.
func spellsTag(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0; i = strings.IndexByte(s, '<') {
		s = s[i+1:]
		if s == "" {
			return false
		}
		if c := s[0]; c == '!' || c == '/' || c == '?' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}
