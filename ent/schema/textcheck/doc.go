// Package textcheck checks the text people send before anything uses it: it
// must be valid UTF-8 without NUL bytes (PostgreSQL can store neither, SQLite
// would keep them silently), and a length limit counts characters as people
// count them (runes), not bytes: 1,500 Chinese characters are 4,500 bytes.
//
// Check is the pure check (fuzzed); MaxChars puts it on an ent string field
// with the refusal the API shows (a BAD_USER_INPUT naming the field and the
// limit). Every limited text field of the schema uses MaxChars, never ent's
// MaxLen, which counts bytes.
package textcheck
