// Package phone stores and presents phone numbers: E.164 for ordinary numbers,
// short emergency numbers (911) as they are, a national display format and a
// tel: URI for one-tap calling.
package phone
