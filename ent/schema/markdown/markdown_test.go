package markdown_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"victimservices/ent/schema/markdown"
)

var tests = []struct {
	name, body string
	want       error
}{
	{"plain", "## Your rights\n\nYou can **always** call [the line](tel:+13125551234) or [email us](mailto:a@b.org).", nil},
	{"https link", "[More](https://example.org/x)", nil},
	{"anchor and relative", "[Up](#top) [Guide](/resources/safety-planning)", nil},
	{"less-than in text", "Call if you wait < 5 minutes; 3 > 2", nil},
	{"script tag", "Hi <script>alert(1)</script>", markdown.ErrHTML},
	{"img tag", "<img src=x onerror=alert(1)>", markdown.ErrHTML},
	{"closing tag", "text </div>", markdown.ErrHTML},
	{"comment", "<!-- hidden -->", markdown.ErrHTML},
	{"encoded tag", "&lt;script&gt;alert(1)&lt;/script&gt;", markdown.ErrHTML},
	{"javascript link", "[click](javascript:alert(1))", markdown.ErrScheme},
	{"javascript with spaces", "[click]( JaVaScRiPt :alert(1))", markdown.ErrScheme},
	{"encoded javascript", "[click](javascript&#58;alert(1))", markdown.ErrScheme},
	{"reference javascript", "[x]\n\n[x]: javascript:alert(1)", markdown.ErrScheme},
	{"data uri", "![x](data:text/html;base64,AAAA)", markdown.ErrScheme},
	{"other scheme", "[x](ftp://example.org)", markdown.ErrScheme},

	// What a renderer makes of escapes, entities, references and images.
	{"escaped colon", `[x](javascript\:alert(1))`, markdown.ErrScheme},
	{"escaped colon, vbscript", `[x](vbscript\:msgbox(1))`, markdown.ErrScheme},
	{"escaped colon in angle brackets", `[x](<javascript\:alert(1)>)`, markdown.ErrScheme},
	{"named entity", `[x](java&#x73;cript&colon;alert(1))`, markdown.ErrScheme},
	{"reference with escaped colon", "[x][r]\n\n[r]: javascript\\:alert(1)", markdown.ErrScheme},
	{"collapsed reference", "[r][]\n\n[r]: <data\\:text/html,x>", markdown.ErrScheme},
	{"shortcut reference, data", "[r]\n\n[r]: data\\:text/html;base64,PHNjcmlwdD4=", markdown.ErrScheme},
	{"unused reference", "Text.\n\n[r]: data\\:text/html,x", markdown.ErrScheme},
	{"image with escaped colon", `![x](data\:image/svg+xml;base64,PHN2Zz4=)`, markdown.ErrScheme},
	{"image by reference", "![x][img]\n\n[img]: vbscript\\:x", markdown.ErrScheme},
	{"file scheme", `[x](file\:///etc/passwd)`, markdown.ErrScheme},
	{"percent-encoded colon", `[x](data%3Atext/html,x)`, markdown.ErrScheme},
	{"autolink", `<data:text/html,x>`, markdown.ErrScheme},
	{"link inside a table cell", "| a |\n|---|\n| [x](data\\:x|) |", markdown.ErrScheme},
	{"bare ftp address (GFM links it)", "See ftp://example.org/file", markdown.ErrScheme},
	{"tag in a code span", "`<b>`", markdown.ErrHTML},
	{"https autolink", "<https://example.org/help>", nil},
	{"email autolink", "<help@example.org>", nil},
	{"bare www address", "www.example.org", nil},
	{"reference https", "[the court][c]\n\n[c]: https://www.illinoiscourts.gov/", nil},
	{"image https", "![Map](https://example.org/map.png)", nil},
	{"protocol-relative", "[x](//example.org/a)", nil},
	{"colon in the path", "[x](/a:b) [y](?q=a:b) [z](#a:b)", nil},
	{"less-than before a space", "if x < y and y > z", nil},
	{"code block", "```\nsome code\n```", nil},
	{"table", "| Day | Hours |\n|---|---:|\n| Mon | [call](tel:911) |", nil},
}

func TestValidate(t *testing.T) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markdown.Validate(tt.body); got != tt.want {
				t.Errorf("Validate(%q) = %v, want %v", tt.body, got, tt.want)
			}
		})
	}
}

// renderers are what an app might render a guide with: CommonMark and GitHub
// Markdown, both with raw HTML passed through and no URL filtering, so that
// anything Validate lets through shows.
var renderers = []goldmark.Markdown{
	goldmark.New(goldmark.WithRendererOptions(gmhtml.WithUnsafe())),
	goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe())),
}

// The elements and attributes Markdown itself produces.
var (
	markdownTags = map[string]bool{"a": true, "img": true, "p": true, "h1": true, "h2": true, "h3": true, "h4": true,
		"h5": true, "h6": true, "em": true, "strong": true, "code": true, "pre": true, "blockquote": true, "ul": true,
		"ol": true, "li": true, "hr": true, "br": true, "del": true, "table": true, "thead": true, "tbody": true,
		"tr": true, "th": true, "td": true, "input": true}
	markdownAttrs = map[string]bool{"href": true, "src": true, "alt": true, "title": true, "class": true,
		"align": true, "start": true, "checked": true, "disabled": true, "type": true, "style": true}
)

// scheme is the scheme a browser reads in an attribute's URL (the URL
// standard: leading and trailing controls and spaces trimmed, tabs and
// newlines removed), or "" for a relative reference.
func scheme(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	for i, c := range u {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(u[:i])
		default:
			return ""
		}
	}
	return ""
}

// FuzzValidate: whatever Validate accepts renders, in CommonMark and in
// GitHub Markdown, to Markdown's own elements only, with links and images
// whose scheme is https, http, mailto, tel or none.
func FuzzValidate(f *testing.F) {
	for _, tt := range tests {
		f.Add(tt.body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if markdown.Validate(body) != nil {
			return
		}
		for _, md := range renderers {
			var out bytes.Buffer
			if err := md.Convert([]byte(body), &out); err != nil {
				t.Fatalf("render %q: %v", body, err)
			}
			z := html.NewTokenizer(bytes.NewReader(out.Bytes()))
			for {
				tt := z.Next()
				if tt == html.ErrorToken {
					break
				}
				if tt == html.CommentToken || tt == html.DoctypeToken {
					t.Fatalf("accepted %q, which renders a comment or doctype: %s", body, out.Bytes())
				}
				if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
					continue
				}
				tok := z.Token()
				if !markdownTags[tok.Data] {
					t.Fatalf("accepted %q, which renders <%s>: %s", body, tok.Data, out.Bytes())
				}
				for _, a := range tok.Attr {
					if !markdownAttrs[a.Key] {
						t.Fatalf("accepted %q, which renders the attribute %s: %s", body, a.Key, out.Bytes())
					}
					if a.Key == "href" || a.Key == "src" {
						switch s := scheme(a.Val); s {
						case "", "https", "http", "mailto", "tel":
						default:
							t.Fatalf("accepted %q, which renders a %s: link: %s", body, s, out.Bytes())
						}
					}
				}
			}
		}
	})
}
