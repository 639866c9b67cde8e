package cases

import (
	"context"
	"sync"
	"time"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/feedback"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/auth"
	"victimservices/internal/request"
)

// MyCase loads the victim's own case in the victim view; nil without a
// victim session. The privacy rules restrict every read below it to that case.
func (s *Cases) MyCase(ctx context.Context) (*ent.CaseFile, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, nil
	}
	return s.client.CaseFile.Get(viewer.WithView(ctx, viewer.VictimView), nodeid.ID(v.CaseID))
}

// SubmitFeedback stores the victim's rating of their case (one per case; a
// new rating replaces the old), through the change path.
func (s *Cases) SubmitFeedback(ctx context.Context, in FeedbackInput) (*ent.Feedback, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errcode.ErrSessionEnded
	}
	if in.Rating < 1 || in.Rating > 5 {
		return nil, errcode.ErrInvalidRating.OnField("rating")
	}
	comment := deref(in.Comment) // its length limit is the schema's
	var saved *ent.Feedback
	_, err := s.change(ctx, nodeid.ID(v.CaseID), nil, Change{Action: "case.feedback", ByVictim: true,
		Apply: func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
			now := request.Instant(ctx)
			existing, err := c.Feedback.Query().Where(feedback.CaseID(cf.ID)).Only(ctx)
			switch {
			case ent.IsNotFound(err):
				saved, err = c.Feedback.Create().SetCaseID(cf.ID).SetRating(in.Rating).SetComment(comment).SetSubmittedAt(now).Save(ctx)
			case err == nil:
				saved, err = existing.Update().SetRating(in.Rating).SetComment(comment).SetSubmittedAt(now).Save(ctx)
			}
			if err != nil {
				return nil, err
			}
			return []Event{{Kind: caseevent.KindFEEDBACK, VictimVisible: true}}, nil
		}})
	if err != nil {
		return nil, err
	}
	return saved, nil
}

// sessionCheckEvery is how often a quiet live subscription re-checks its
// session (a revocation also wakes it at once: see EndSession).
const sessionCheckEvery = 15 * time.Second

// sessionTicks starts the periodic session check (tests step it by hand).
var sessionTicks = func(d time.Duration) (<-chan time.Time, func()) {
	t := time.NewTicker(d)
	return t.C, t.Stop
}

// WatchMyCase streams the victim's case: whenever it changes. It ends when
// the session is found revoked or expired (every sessionCheckEvery, once for
// all the session's subscriptions in this process; the transport checks the
// session for every event it sends) or the client goes away.
func (s *Cases) WatchMyCase(ctx context.Context) (<-chan *ent.CaseFile, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errcode.ErrSessionEnded
	}
	if s.notifier == nil {
		return nil, errcode.New(errcode.Internal, "", nil)
	}
	ended, release := s.watchSession(ctx, v.SessionID)
	// Whether the reader may still see it is the transport's check, made
	// for every event at the instant of sending (graph/httpapi:
	// reauthenticate), once, without a query each; a revocation's own
	// signal makes that check read the session afresh.
	return s.stream(ctx, v.CaseID, ended, release, s.MyCase), nil
}

// stream pushes read(ctx) whenever the case changes, until ctx or ended
// ends (or a read fails), then calls release.
func (s *Cases) stream(ctx context.Context, caseID string, ended <-chan struct{}, release func(), read func(context.Context) (*ent.CaseFile, error)) <-chan *ent.CaseFile {
	signals, cancel := s.notifier.Subscribe(caseID)
	out := make(chan *ent.CaseFile, 1)
	go func() {
		defer close(out)
		defer release()
		defer cancel()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ended:
				return
			case <-signals:
				cf, err := read(ctx)
				if err != nil {
					s.log.WarnContext(ctx, "subscription read failed", "request_id", request.ID(ctx), "error", err.Error())
					return
				}
				select {
				case out <- cf:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
}

// sessionWatch checks one victim session on behalf of all its live
// subscriptions in this process: one query every sessionCheckEvery however
// many there are (at most the subscription cap; see graph/httpapi).
type sessionWatch struct {
	refs  int
	ended chan struct{} // closed when the session is found revoked or expired
	stop  chan struct{} // closed when its last subscription ends
}

// watchSession joins (or starts) the watch of a session; ended is closed
// when the session ends, release leaves the watch.
func (s *Cases) watchSession(ctx context.Context, sessionID string) (ended <-chan struct{}, release func()) {
	s.watchMu.Lock()
	defer s.watchMu.Unlock()
	if s.watches == nil {
		s.watches = map[string]*sessionWatch{}
	}
	w := s.watches[sessionID]
	if w == nil {
		w = &sessionWatch{ended: make(chan struct{}), stop: make(chan struct{})}
		s.watches[sessionID] = w
		// The watch outlives the subscription that started it.
		ticks, stop := sessionTicks(sessionCheckEvery)
		go s.checkSession(context.WithoutCancel(ctx), sessionID, w, ticks, stop)
	}
	w.refs++
	var once sync.Once
	return w.ended, func() {
		once.Do(func() {
			s.watchMu.Lock()
			defer s.watchMu.Unlock()
			if w.refs--; w.refs == 0 {
				close(w.stop)
				if s.watches[sessionID] == w {
					delete(s.watches, sessionID)
				}
			}
		})
	}
}

func (s *Cases) checkSession(ctx context.Context, sessionID string, w *sessionWatch, ticks <-chan time.Time, stop func()) {
	defer stop()
	for {
		select {
		case <-w.stop:
			return
		case <-ticks:
			if ok, err := auth.SessionActive(ctx, s.client, sessionID, s.clock()); err != nil || ok {
				continue // a failed check is tried again at the next tick
			}
			s.watchMu.Lock()
			if s.watches[sessionID] == w {
				delete(s.watches, sessionID) // a later subscription is refused on its own
			}
			s.watchMu.Unlock()
			close(w.ended)
			return
		}
	}
}
