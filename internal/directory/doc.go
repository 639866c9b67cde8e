// Package directory is the service directory and the guides as the domain
// sees them: choosing the served translation of an object along the
// reader's locale chain, saving and publishing translations, translation
// coverage, search in the reader's language, opening-hours state at the
// request's instant, and the crisis lines shown before anything else (and to a person in danger).
//
// Authorization is the ent privacy rules' (drafts and inactive services are
// invisible to all but editors; only editors write); this package holds no
// role checks. Functions that write take the client to write through: inside
// a mutation that is the mutation's transaction.
package directory
