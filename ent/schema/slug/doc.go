// Package slug makes and checks the stable, locale-independent names that
// deep links use (guides, services, organizations): lower-case ASCII
// letters and digits in words joined by single dashes, e.g. going-to-court.
package slug
