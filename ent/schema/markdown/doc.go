// Package markdown checks that a guide's Markdown body is safe for every
// client to render: no raw HTML (tags, comments, processing instructions), no
// script-capable links. Links and images may only use https:, http:, mailto:
// or tel:, or point inside the document (#anchor) or the app (a relative
// path).
//
// The check is made on what a renderer produces, not on patterns in the
// text: the body is parsed by goldmark (CommonMark, and again with the GitHub
// extensions), and every link, image, autolink and reference definition is
// judged on the address a renderer would write (escapes removed, entities
// resolved).
package markdown
