// Package glossary holds the unit's terms per locale, as data (one TOML file
// per locale beside the message files): for each concept (victim advocate,
// compensation, protective order, …) the approved term and its forbidden
// variants, and a note on register and address. Check compares a
// translated text with its English source against it; the tests run it
// over every UI string, every piece of demo directory text and every guide,
// and the translator exchange can run it over what a translator sends.
package glossary
