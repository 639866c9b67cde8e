// Package deliverytest runs stand-ins for the providers package delivery
// talks to, for tests: a real SMTP server (go-smtp) on 127.0.0.1 that records
// what it receives, and an HTTP server speaking the shape of Twilio's
// Messages API that records each request and can post signed status and
// inbound callbacks, as Twilio would. Both close when the test ends and are
// safe for concurrent use.
package deliverytest
