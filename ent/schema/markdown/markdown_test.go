package markdown_test

import (
	"testing"

	"victimservices/ent/schema/markdown"
)

func TestValidate(t *testing.T) {
	tests := []struct {
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markdown.Validate(tt.body); got != tt.want {
				t.Errorf("Validate(%q) = %v, want %v", tt.body, got, tt.want)
			}
		})
	}
}
