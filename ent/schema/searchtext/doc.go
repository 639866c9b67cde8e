// Package searchtext folds text for search: lower case, accents removed,
// white space collapsed, so "Abogado", "ABOGADO" and "abogádo" compare equal
// on every database. Translation rows store their folded text in a
// search_text column (kept current by a schema hook); queries are folded the
// same way.
package searchtext
