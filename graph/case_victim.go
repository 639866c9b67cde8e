package graph

import (
	"context"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/feedback"
	"victimservices/ent/schema/inputerr"
	"victimservices/ent/schema/viewer"
)

// submitFeedback stores the victim's rating of their case (one per case; a
// new rating replaces the old), with a timeline entry, an audit record and a
// live-update signal in the mutation's transaction.
func (r *Resolver) submitFeedback(ctx context.Context, in FeedbackInput) (*ent.Feedback, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errSessionEnded
	}
	if in.Rating < 1 || in.Rating > 5 {
		return nil, inputerr.New("error.invalidRating", nil)
	}
	comment := deref(in.Comment)
	if len([]rune(comment)) > 2000 {
		return nil, inputerr.New("error.invalidField", map[string]any{"Field": "comment"})
	}
	c := r.db(ctx)
	ctx = viewer.WithVictimView(ctx)
	id := toNodeID(v.CaseID)
	now := instant(ctx)
	existing, err := c.Feedback.Query().Where(feedback.CaseID(id)).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		existing, err = c.Feedback.Create().SetCaseID(id).SetRating(in.Rating).SetComment(comment).SetSubmittedAt(now).Save(ctx)
	case err == nil:
		existing, err = existing.Update().SetRating(in.Rating).SetComment(comment).SetSubmittedAt(now).Save(ctx)
	}
	if err != nil {
		return nil, err
	}
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	if err := c.CaseEvent.Create().SetCaseID(id).SetKind(caseevent.KindFEEDBACK).SetVictimVisible(true).SetAt(now).Exec(sys); err != nil {
		return nil, err
	}
	if err := r.audit(ctx, c, auditEntry{action: "case.feedback", caseID: id}); err != nil {
		return nil, err
	}
	return existing, r.caseChanged(ctx, id)
}

// sessionCheckEvery is how often a live subscription re-checks its session.
const sessionCheckEvery = 15 * time.Second

// watchMyCase streams the victim's case: now, then whenever it changes. It
// ends when the session is revoked or expires (checked on every change and
// every sessionCheckEvery) or the client goes away.
func (r *Resolver) watchMyCase(ctx context.Context) (<-chan *ent.CaseFile, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errSessionEnded
	}
	signals, cancel := r.notifier.Subscribe(v.CaseID)
	out := make(chan *ent.CaseFile, 1)
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
				if sessionLive(ctx, r.client, v, r.now()) != nil {
					return
				}
			case <-signals:
				if sessionLive(ctx, r.client, v, r.now()) != nil {
					return
				}
				cf, err := r.myCase(ctx)
				if err != nil {
					r.log.WarnContext(ctx, "subscription read failed", "request_id", requestID(ctx), "error", err.Error())
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
