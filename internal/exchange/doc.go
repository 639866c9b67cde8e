// Package exchange is the translator exchange: it exports what a locale
// lacks (directory texts, guides and the UI strings of locales/active.*.toml)
// as XLIFF 2.0 with English as the source, and imports a translator's file
// back, validated as a whole (placeholders kept, Markdown safe, the schema's
// length limits) and written in one transaction, as text REVIEWED by the
// translator named at import.
package exchange
