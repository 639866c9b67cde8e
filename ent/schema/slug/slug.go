package slug

import (
	"regexp"
	"strings"

	"victimservices/ent/schema/searchtext"
)

// MaxLen is the longest slug stored.
const MaxLen = 100

var pattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Valid reports whether s is a well-formed slug.
func Valid(s string) bool { return len(s) <= MaxLen && pattern.MatchString(s) }

// From derives a slug from a name: accents folded (Counseling Referrals,
// Asesoría → asesoria), every run of other characters a single dash, cut at
// a word boundary to fit MaxLen. It returns "" when the name has no ASCII
// letter or digit (a name only in another script); the caller then picks a
// fallback.
func From(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range searchtext.Fold(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '&':
			dash = true
			if b.Len() > 0 {
				b.WriteString("-and")
			}
		default:
			dash = true
		}
	}
	s := b.String()
	for len(s) > MaxLen-4 { // room for a "-NNN" suffix
		i := strings.LastIndexByte(s[:MaxLen-4], '-')
		if i <= 0 {
			s = s[:MaxLen-4]
			break
		}
		s = s[:i]
	}
	return s
}
