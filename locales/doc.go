// Package locales owns the languages the API speaks: the supported list with
// native names and text direction, negotiation from a locale argument or an
// Accept-Language header (BCP 47 with CLDR parents), the fallback chain, and
// the strings the code owns (embedded active.<lang>.toml files, via go-i18n).
//
// Negotiation never fails: an unknown or unsupported tag falls back to English.
// The fallback chain of a supported locale is the locale itself, then English:
// es-MX → es → en, zh-TW → zh-Hant → en, zh-CN → zh-Hans → en.
package locales
