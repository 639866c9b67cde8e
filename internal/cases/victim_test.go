package cases_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"victimservices/ent"
	"victimservices/ent/casesession"
	"victimservices/graph/graphtest"
	"victimservices/internal/auth"
	"victimservices/internal/cases"
	"victimservices/internal/notify"
	"victimservices/internal/request"
)

// TestOneSessionCheckForAllSubscriptions: the live subscriptions of one
// victim session share one periodic session check: 20 subscriptions of a
// session start one check, not 20, and a check costs one query for all of
// them; it ends them all when the session was revoked behind their back
// (without the signal EndSession sends, so only the periodic check can
// notice).
func TestOneSessionCheckForAllSubscriptions(t *testing.T) {
	tick, started, restore := cases.StepSessionChecks()
	t.Cleanup(restore)
	s := graphtest.New(t)
	hub, err := notify.New(dialect.SQLite, "", slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	domain := cases.New(cases.Config{Client: s.Client, Notifier: hub, Clock: s.Now})
	authn := &auth.Authenticator{Client: s.Client, Secret: []byte(graphtest.Secret)}
	var live []<-chan *ent.CaseFile
	subscribe := func(t *testing.T, n int) {
		t.Helper()
		number, code := s.Intake(t, "en")
		ctx, err := authn.Authenticate(request.WithInstant(context.Background(), s.Now()), "Bearer "+s.Session(t, number, code))
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(ctx)
		t.Cleanup(cancel)
		for range n {
			out, err := domain.WatchMyCase(ctx)
			if err != nil {
				t.Fatal(err)
			}
			live = append(live, out)
		}
	}

	subscribe(t, 20)
	if n := started(); n != 1 {
		t.Errorf("%d periodic checks for 20 subscriptions of one session, want 1", n)
	}
	subscribe(t, 1)
	if n := started(); n != 2 {
		t.Errorf("%d periodic checks for two sessions, want 2", n)
	}

	if err := s.Client.CaseSession.Update().Where(casesession.RevokedAtIsNil()).SetRevokedAt(s.Now()).
		Exec(graphtest.System(context.Background())); err != nil {
		t.Fatal(err)
	}
	s.Statements.Reset()
	tick()
	for i, out := range live {
		select {
		case cf, ok := <-out:
			if ok {
				t.Fatalf("subscription %d received case %v after its session was revoked", i, cf.ID)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("subscription %d still open after the check", i)
		}
	}
	if n := s.Statements.Count(); n != 2 {
		t.Errorf("the checks of 21 subscriptions of two sessions cost %d statements, want 2", n)
	}
}
