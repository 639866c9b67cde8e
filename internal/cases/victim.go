package cases

import (
	"context"
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
		return nil, errcode.ErrInvalidRating
	}
	comment := deref(in.Comment)
	if len([]rune(comment)) > 2000 {
		return nil, errcode.Field("comment")
	}
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

// WatchMyCase streams the victim's case: whenever it changes. It ends when
// the session is revoked or expires (checked on every change and every
// sessionCheckEvery) or the client goes away.
func (s *Cases) WatchMyCase(ctx context.Context) (<-chan *ent.CaseFile, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errcode.ErrSessionEnded
	}
	if s.notifier == nil {
		return nil, errcode.New(errcode.Internal, "", nil)
	}
	signals, cancel := s.notifier.Subscribe(v.CaseID)
	out := make(chan *ent.CaseFile, 1)
	live := func() bool {
		ok, err := auth.SessionActive(ctx, s.client, v.SessionID, s.clock())
		return err == nil && ok
	}
	go func() {
		defer close(out)
		defer cancel()
		ticker := time.NewTicker(sessionCheckEvery)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				if !live() {
					return
				}
			case <-signals:
				if !live() {
					return
				}
				cf, err := s.MyCase(ctx)
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
	return out, nil
}
