package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	_ "github.com/lib/pq"
)

// TestShutdownFinishesInFlightRequests: a request still arriving when the
// server is told to stop is answered; websockets are closed with a normal
// closure; new connections are refused.
func TestShutdownFinishesInFlightRequests(t *testing.T) {
	addr, stop := startServer(t, testConfig(t))

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, "ws://"+addr+"/query", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	if err := ws.Write(ctx, websocket.MessageText, []byte(`{"type":"connection_init"}`)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ws.Read(ctx); err != nil { // connection_ack
		t.Fatal(err)
	}

	// A slow client: headers and half of the body now, the rest later.
	body := `{"query":"{ services { totalCount } }"}`
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /query HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", addr, len(body), body[:10])
	time.Sleep(100 * time.Millisecond)

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	time.Sleep(200 * time.Millisecond)
	if _, err := conn.Write([]byte(body[10:])); err != nil {
		t.Fatalf("finishing the body: %v", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("in-flight request lost: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"totalCount":6`) {
		t.Errorf("in-flight request: %d %s", resp.StatusCode, b)
	}
	// The websocket is closed by the server with a normal closure.
	for {
		if _, _, err = ws.Read(ctx); err != nil {
			break
		}
	}
	if status := websocket.CloseStatus(err); status != websocket.StatusNormalClosure {
		t.Errorf("websocket closed with %v (%v), want a normal closure", status, err)
	}
	if err := <-stopped; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Error("the stopped server still accepts connections")
	}
}

// proxy is a TCP proxy the test can cut and restore, standing between the
// server and PostgreSQL (the machine's shared server is never stopped).
type proxy struct {
	target string
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]bool
	addr   string
}

func (p *proxy) start(t *testing.T) {
	t.Helper()
	addr := p.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	var ln net.Listener
	var err error
	for range 50 { // the port may linger briefly after a cut
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	if p.conns == nil {
		p.conns = map[net.Conn]bool{}
	}
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns[c], p.conns[up] = true, true
			p.mu.Unlock()
			go func() { _, _ = io.Copy(up, c); up.Close() }()
			go func() { _, _ = io.Copy(c, up); c.Close() }()
		}
	}()
}

// cut stops accepting and drops every open connection, as a database
// restart does.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ln.Close()
	for c := range p.conns {
		c.Close()
	}
	p.conns = map[net.Conn]bool{}
}

// TestDatabaseRestart: with PostgreSQL gone under the server, /readyz goes
// unready; when it is back, /readyz and queries recover without a restart.
func TestDatabaseRestart(t *testing.T) {
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		t.Skip("needs PostgreSQL (TEST_DATABASE_URL)")
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	name := "vs_restart_" + randomHex(6)
	db, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		db.Close()
		t.Fatal(err)
	}
	// Registered before the server starts, so it runs after the server stops.
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})

	p := &proxy{target: u.Host}
	p.start(t)
	defer p.cut()
	via := *u
	via.Host, via.Path = p.addr, "/"+name
	cfg := testConfig(t)
	cfg.DatabaseURL = via.String()
	// Seed through the proxy, as the seed subcommand would.
	if err := command(context.Background(), []string{"seed"}, func(k string) string {
		return map[string]string{"DATABASE_URL": cfg.DatabaseURL}[k]
	}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	addr, _ := startServer(t, cfg)
	readyz := func() int {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	waitFor := func(want int) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if readyz() == want {
				return
			}
			time.Sleep(200 * time.Millisecond)
		}
		t.Fatalf("/readyz never answered %d", want)
	}
	waitFor(200)
	p.cut()
	waitFor(503)
	if out := post(t, addr, `{ services { totalCount } }`, nil); out["errors"] == nil {
		t.Errorf("a query worked with the database gone: %v", out)
	}
	p.start(t)
	waitFor(200)
	out := post(t, addr, `{ services { totalCount } }`, nil)
	if out["errors"] != nil {
		t.Fatalf("after the database came back: %v", out["errors"])
	}
	if got := out["data"].(map[string]any)["services"].(map[string]any)["totalCount"]; got != float64(6) {
		t.Errorf("totalCount %v", got)
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
