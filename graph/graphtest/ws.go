package graphtest

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// Subscription is a live GraphQL subscription over graphql-transport-ws.
type Subscription struct {
	conn *websocket.Conn
	// Err is the error that ended the subscription, if the server sent one.
	Err error
}

// HTTP serves the handler on a real listener until the test ends.
func (s *Server) HTTP(tb testing.TB) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(s.Handler)
	tb.Cleanup(srv.Close)
	return srv
}

// Subscribe opens a websocket to srv, authenticates with token in
// connection_init, and subscribes to query. It fails the test when the
// connection is refused.
func Subscribe(tb testing.TB, srv *httptest.Server, token, query string, vars map[string]any) (*Subscription, error) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	url := "ws" + strings.TrimPrefix(srv.URL, "http") + "/query"
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		tb.Fatalf("dial: %v", err)
	}
	tb.Cleanup(func() { conn.CloseNow() })
	sub := &Subscription{conn: conn}
	init := map[string]any{"type": "connection_init"}
	if token != "" {
		init["payload"] = map[string]any{"Authorization": "Bearer " + token}
	}
	if err := sub.send(ctx, init); err != nil {
		return nil, err
	}
	msg, err := sub.read(ctx)
	if err != nil {
		return nil, err
	}
	if msg.Type != "connection_ack" {
		return nil, &wsError{msg.Type, string(msg.Payload)}
	}
	if err := sub.send(ctx, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query, "variables": vars}}); err != nil {
		return nil, err
	}
	return sub, nil
}

type wsMessage struct {
	ID      string          `json:"id"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload"`
}

type wsError struct{ kind, payload string }

func (e *wsError) Error() string { return e.kind + ": " + e.payload }

func (s *Subscription) send(ctx context.Context, v any) error {
	b, _ := json.Marshal(v)
	return s.conn.Write(ctx, websocket.MessageText, b)
}

func (s *Subscription) read(ctx context.Context) (wsMessage, error) {
	for {
		_, b, err := s.conn.Read(ctx)
		if err != nil {
			return wsMessage{}, err
		}
		var m wsMessage
		if err := json.Unmarshal(b, &m); err != nil {
			return wsMessage{}, err
		}
		if m.Type == "ping" || m.Type == "pong" || m.Type == "ka" {
			continue
		}
		return m, nil
	}
}

// Next waits for the next result and returns its data; ok is false when the
// subscription ended (complete, error, or closed) or nothing came in time.
func (s *Subscription) Next(tb testing.TB, timeout time.Duration) (data json.RawMessage, ok bool) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	m, err := s.read(ctx)
	if err != nil {
		return nil, false
	}
	switch m.Type {
	case "next":
		var r struct {
			Data   json.RawMessage `json:"data"`
			Errors []Error         `json:"errors"`
		}
		_ = json.Unmarshal(m.Payload, &r)
		if len(r.Errors) > 0 {
			s.Err = &wsError{"errors", string(m.Payload)}
			return nil, false
		}
		return r.Data, true
	case "error":
		s.Err = &wsError{"error", string(m.Payload)}
	}
	return nil, false
}
