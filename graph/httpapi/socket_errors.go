package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"victimservices/ent/schema/errcode"
	"victimservices/internal/request"
	"victimservices/locales"
)

// Websockets answer errors with an extensions.code too. gqlgen's websocket
// transport writes a few errors of its own, uncoded and in English: a
// handshake it cannot accept (after coder/websocket's plain-text answer), a
// message it cannot decode, and connection_init's refusal (the InitFunc
// error's text, as is). Here the handshake's answer is replaced by a coded
// JSON one, and every error message the socket sends gets a code.

// closeInternal closes a socket that failed on the server's side (the
// graphql-ws family's "internal server error"), so an app retries instead
// of signing in again.
const closeInternal = 4500

// socketError is where connection_init's refusal, as presented (code and
// localized message), waits for the socket to send it.
type socketError struct {
	mu  sync.Mutex
	err *gqlerror.Error
}

type socketErrorKey struct{}

// withSocketError gives a websocket's request a place for its refusal.
func withSocketError(ctx context.Context) context.Context {
	return context.WithValue(ctx, socketErrorKey{}, &socketError{})
}

// refuseSocket records the presented refusal of connection_init in ctx.
func refuseSocket(ctx context.Context, e *gqlerror.Error) {
	if s, _ := ctx.Value(socketErrorKey{}).(*socketError); s != nil {
		s.mu.Lock()
		s.err = e
		s.mu.Unlock()
	}
}

func (s *socketError) get() *gqlerror.Error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// handshakeWriter holds back the answer to a websocket handshake that
// failed (coder/websocket's plain text, then gqlgen's uncoded JSON) so that
// finish can write a coded one; a handshake that succeeds (101, then the
// hijack through Unwrap) passes straight through.
type handshakeWriter struct {
	http.ResponseWriter
	status int
}

func (h *handshakeWriter) WriteHeader(status int) {
	if status == http.StatusSwitchingProtocols {
		h.ResponseWriter.WriteHeader(status)
		h.status = status
		return
	}
	if h.status == 0 {
		h.status = status
	}
}

func (h *handshakeWriter) Write(p []byte) (int, error) {
	if h.status == http.StatusSwitchingProtocols {
		return h.ResponseWriter.Write(p)
	}
	if h.status == 0 {
		h.status = http.StatusOK
	}
	return len(p), nil
}

// Unwrap lets coder/websocket reach the connection to hijack.
func (h *handshakeWriter) Unwrap() http.ResponseWriter { return h.ResponseWriter }

// finish writes the coded answer of a failed handshake.
func (h *handshakeWriter) finish(r *http.Request, l *locales.Locale) {
	if h.status == 0 || h.status == http.StatusSwitchingProtocols {
		return
	}
	code, id, data := errcode.BadUserInput, "error.invalidRequest", map[string]any(nil)
	switch {
	case h.status == http.StatusForbidden:
		// Another origin than the API's own (coder/websocket's check).
		code, id = errcode.Forbidden, errcode.DefaultMessage(errcode.Forbidden)
	case h.status >= http.StatusInternalServerError:
		code, id = errcode.Internal, errcode.DefaultMessage(errcode.Internal)
		data = map[string]any{"Reference": request.ID(r.Context())}
	}
	if a := logFrom(r.Context()); a != nil {
		a.set("", []string{string(code)})
	}
	hdr := h.ResponseWriter.Header()
	hdr.Set("Content-Type", mediaJSON)
	hdr.Set("Cache-Control", "no-store")
	hdr.Del("Content-Length")
	h.ResponseWriter.WriteHeader(h.status)
	_ = json.NewEncoder(h.ResponseWriter).Encode(map[string]any{"errors": []map[string]any{{
		"message": l.T(id, data), "extensions": map[string]any{"code": string(code)},
	}}})
}

// sockets is gqlgen's websocket implementation with connections that code
// every error message they send and close with the code endSocket chose.
type sockets struct{}

func (sockets) Accept(w http.ResponseWriter, r *http.Request, opts transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	conn, err := transport.CoderWebsocketImplementation{}.Accept(w, r, opts)
	if err != nil {
		return nil, err
	}
	refusal, _ := r.Context().Value(socketErrorKey{}).(*socketError)
	end, _ := r.Context().Value(socketEndKey{}).(*socketEnd)
	return &socketConn{WebsocketConn: conn, locale: locales.FromContext(r.Context()), refusal: refusal, end: end}, nil
}

type socketConn struct {
	transport.WebsocketConn
	locale  *locales.Locale
	refusal *socketError
	end     *socketEnd
}

// WriteClose closes with the code endSocket recorded (gqlgen closes a
// cancelled connection as a normal closure).
func (c *socketConn) WriteClose(code int, reason string) error {
	if c.end != nil {
		c.end.mu.Lock()
		if c.end.code != 0 {
			code, reason = c.end.code, c.end.reason
		}
		c.end.mu.Unlock()
	}
	return c.WebsocketConn.WriteClose(code, reason)
}

// wireMessage is a message of either protocol (graphql-transport-ws or
// the legacy graphql-ws), as gqlgen writes it.
type wireMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// WriteJSON codes the errors of "error" and "connection_error" messages:
// connection_init's refusal gets the code it was presented with; any other
// uncoded error is a message the server could not read, BAD_USER_INPUT.
func (c *socketConn) WriteJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return c.WebsocketConn.WriteJSON(v)
	}
	var m wireMessage
	if json.Unmarshal(b, &m) != nil || (m.Type != "error" && m.Type != "connection_error") {
		return c.WebsocketConn.WriteJSON(json.RawMessage(b))
	}
	if m.Type == "connection_error" {
		e := c.refusal.get()
		if e == nil {
			// A frame that was not a message of the protocol.
			e = &gqlerror.Error{
				Message:    c.locale.T("error.invalidRequest", nil),
				Extensions: map[string]any{"code": string(errcode.BadUserInput)},
			}
		}
		m.Payload, _ = json.Marshal(e)
		return c.WebsocketConn.WriteJSON(m)
	}
	var errs []map[string]any
	if json.Unmarshal(m.Payload, &errs) != nil {
		m.Payload, _ = json.Marshal([]*gqlerror.Error{c.unreadable()})
		return c.WebsocketConn.WriteJSON(m)
	}
	for i, e := range errs {
		if ext, _ := e["extensions"].(map[string]any); ext["code"] == nil {
			u := c.unreadable()
			errs[i] = map[string]any{"message": u.Message, "extensions": u.Extensions}
		}
	}
	m.Payload, _ = json.Marshal(errs)
	return c.WebsocketConn.WriteJSON(m)
}

// unreadable is the error for a message the server could not read: its
// payload was not an operation of the shape gqlgen reads.
func (c *socketConn) unreadable() *gqlerror.Error {
	return &gqlerror.Error{
		Message:    c.locale.T("error.requestShape", nil),
		Extensions: map[string]any{"code": string(errcode.BadUserInput)},
	}
}

// SetReadLimit keeps gqlgen's payload limit in force.
func (c *socketConn) SetReadLimit(n int64) {
	if l, ok := c.WebsocketConn.(transport.WebsocketReadLimiter); ok {
		l.SetReadLimit(n)
	}
}

// SetReadDeadline keeps gqlgen's ping deadline in force.
func (c *socketConn) SetReadDeadline(t time.Time) error {
	if d, ok := c.WebsocketConn.(transport.WebsocketReadDeadliner); ok {
		return d.SetReadDeadline(t)
	}
	return nil
}
