// Package phone stores and presents phone numbers: E.164 for ordinary numbers,
// short emergency numbers (911, 988) and SMS short codes (88788) as they are,
// a national display format, a tel: URI for one-tap calling and, for lines
// that take texts, an sms: URI with the text to send.
package phone
