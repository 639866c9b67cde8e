// Package accesscode makes and checks the secrets that let a victim see their
// own case: case numbers, access codes (stored only as argon2id hashes) and
// session tokens (stored only as SHA-256 hashes).
//
// Codes use an alphabet without look-alike characters (no 0/O, 1/I/L, U), so
// they can be read out over the phone; input is accepted in any case, with or
// without dashes and spaces.
package accesscode
