// Package delivery sends one rendered message over one channel: email through
// an SMTP relay (SMTP) or a text message through an HTTP API in the shape of
// Twilio's Messages API (SMS). It also verifies and parses that provider's
// signed callbacks: delivery status reports and inbound replies, with their
// STOP/START/HELP keywords. It knows nothing of cases, GraphQL or the
// database: the caller renders the message and decides, with IsPermanent,
// what to retry. Errors carry provider codes and HTTP statuses only, never
// the recipient, the body or credentials, so they can be logged and stored.
package delivery
