package auth

import (
	"context"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/casesession"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/accesscode"
)

// Victim sessions are short-lived and slide: each use extends them by
// SessionIdle, never past SessionMax after sign-in.
const (
	SessionIdle = 30 * time.Minute
	SessionMax  = 8 * time.Hour
	// slideEvery avoids a write on every request.
	slideEvery = time.Minute
)

// victimViewer returns the viewer of a victim bearer token, sliding its
// expiry; errcode.ErrSessionEnded when it is unknown, expired or revoked.
func victimViewer(ctx context.Context, c *ent.Client, token string, now time.Time) (viewer.Viewer, error) {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	s, err := c.CaseSession.Query().Where(casesession.TokenHash(accesscode.TokenHash(token))).Only(sys)
	if ent.IsNotFound(err) {
		return viewer.Viewer{}, errcode.ErrSessionEnded
	}
	if err != nil {
		return viewer.Viewer{}, err
	}
	if s.RevokedAt != nil || !now.Before(s.ExpiresAt) {
		return viewer.Viewer{}, errcode.ErrSessionEnded
	}
	next := now.Add(SessionIdle)
	if limit := s.CreatedAt.Add(SessionMax); next.After(limit) {
		next = limit
	}
	if next.Sub(s.ExpiresAt) >= slideEvery {
		if err := c.CaseSession.UpdateOneID(s.ID).SetExpiresAt(next).Exec(sys); err != nil {
			return viewer.Viewer{}, err
		}
	}
	return viewer.Viewer{CaseID: string(s.CaseID), SessionID: string(s.ID)}, nil
}

// SessionActive reports whether a victim session is still live (neither
// revoked nor expired at now), without sliding it: live subscriptions ask it
// while no operation is under way.
func SessionActive(ctx context.Context, c *ent.Client, sessionID string, now time.Time) (bool, error) {
	s, err := c.CaseSession.Get(privacy.DecisionContext(ctx, privacy.Allow), nodeid.ID(sessionID))
	if ent.IsNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return s.RevokedAt == nil && now.Before(s.ExpiresAt), nil
}
