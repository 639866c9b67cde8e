// Package markdown checks that a guide's Markdown body is safe for every
// client to render: no raw HTML (tags, comments, processing instructions), no
// script-capable links. Links may only use https:, http:, mailto: or tel:,
// or point inside the document (#anchor) or the app (a relative path).
package markdown
