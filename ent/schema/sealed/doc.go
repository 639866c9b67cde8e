// Package sealed encrypts the victim's contact fields and free text at
// rest (phone, email, safe-contact notes, the intake description, case
// messages): AES-256-GCM under a keyring of named keys, the first of which
// seals and all of which open, so keys can be rotated (the rotate-keys
// subcommand re-seals old rows). A sealed value reads
// "sealed:v1:<key id>:<base64 of nonce and ciphertext>"; the empty string
// stays empty (absent stays absent). The ent schema attaches Field to the
// columns, so every path that writes through ent seals and every read
// opens: no plaintext reaches the database, its dumps or backups.
//
// Lookup is the blind index of a sealed value that must be found by
// equality (a phone number replying STOP): an HMAC under a key derived
// from the current key; searches use Lookups, under every key, so a row not
// yet re-sealed after a rotation is still found.
//
// The keyring is process-wide (Use, once at start, before the database is
// opened): the ent value scanners have no context to carry it. Until Use is
// called the built-in development key is in force; production refuses it.
package sealed
