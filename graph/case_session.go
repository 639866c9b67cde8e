package graph

import (
	"context"
	"errors"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/casesession"
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

// CaseSessionPayload is a new victim session (the GraphQL CaseSession).
type CaseSessionPayload struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// errAccessDenied is the one answer to an unknown case number, a wrong code
// and a malformed value alike.
var errAccessDenied = &messageError{code: CodeUnauthenticated, id: "error.accessDenied"}

// errSessionEnded answers an invalid, expired or revoked victim token.
var errSessionEnded = &messageError{code: CodeUnauthenticated, id: "error.sessionEnded"}

// errTooManyAttempts answers sign-ins past a limit.
var errTooManyAttempts = &messageError{code: CodeRateLimited, id: "error.tooManyAttempts"}

// openSession exchanges a case number and access code for a session. Every
// attempt is recorded first (committed at once) against the case number and
// the client; past SignInFailuresPerCase in the window even the right code is
// refused. Unknown numbers, wrong codes and malformed values all cost one
// argon2id check (against a dummy hash when there is no case) and get the
// same error.
func (r *Resolver) openSession(ctx context.Context, caseNumber, code string) (*CaseSessionPayload, error) {
	now := instant(ctx)
	number := accesscode.NormalizeCaseNumber(caseNumber)
	caseKey := number
	if caseKey == "" {
		caseKey = "malformed:" + caseNumber
	}
	caseAttempt, perCase, err := reserve(ctx, r.client, bucketSignInCase, caseKey, now)
	if err != nil {
		return nil, err
	}
	clientAttempt, perClient, err := reserve(ctx, r.client, bucketSignInClient, client(ctx), now)
	if err != nil {
		return nil, err
	}
	if perCase > SignInFailuresPerCase || perClient > SignInFailuresPerClient {
		return nil, errTooManyAttempts
	}
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	var hash string
	var found *ent.CaseFile
	if number != "" {
		found, err = r.client.CaseFile.Query().Where(casefile.CaseNumber(number)).Only(sys)
		switch {
		case err == nil:
			hash = found.AccessCodeHash
		case !ent.IsNotFound(err):
			return nil, err
		}
	}
	if err := r.hasher.Verify(ctx, hash, code); err != nil {
		if errors.Is(err, accesscode.ErrMismatch) {
			return nil, errAccessDenied
		}
		return nil, err
	}
	if err := release(ctx, r.client, caseAttempt, clientAttempt); err != nil {
		return nil, err
	}
	token, tokenHash := accesscode.NewToken()
	expires := now.Add(SessionIdle)
	if err := r.client.CaseSession.Create().SetCaseID(found.ID).SetTokenHash(tokenHash).
		SetCreatedAt(now).SetExpiresAt(expires).Exec(sys); err != nil {
		return nil, err
	}
	if err := r.audit(sys, r.client, auditEntry{action: "session.open", caseID: found.ID, victim: true}); err != nil {
		return nil, err
	}
	return &CaseSessionPayload{Token: token, ExpiresAt: expires}, nil
}

// victimViewer returns the viewer of a victim bearer token, sliding its
// expiry; errSessionEnded when it is unknown, expired or revoked.
func victimViewer(ctx context.Context, c *ent.Client, token string, now time.Time) (viewer.Viewer, error) {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	s, err := c.CaseSession.Query().Where(casesession.TokenHash(accesscode.TokenHash(token))).Only(sys)
	if ent.IsNotFound(err) {
		return viewer.Viewer{}, errSessionEnded
	}
	if err != nil {
		return viewer.Viewer{}, err
	}
	if err := checkSession(ctx, c, s, now); err != nil {
		return viewer.Viewer{}, err
	}
	return viewer.Viewer{CaseID: string(s.CaseID), SessionID: string(s.ID)}, nil
}

// checkSession refuses a revoked or expired session and slides a live one.
func checkSession(ctx context.Context, c *ent.Client, s *ent.CaseSession, now time.Time) error {
	if s.RevokedAt != nil || !now.Before(s.ExpiresAt) {
		return errSessionEnded
	}
	next := now.Add(SessionIdle)
	if limit := s.CreatedAt.Add(SessionMax); next.After(limit) {
		next = limit
	}
	if next.Sub(s.ExpiresAt) < slideEvery {
		return nil
	}
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	return c.CaseSession.UpdateOneID(s.ID).SetExpiresAt(next).Exec(sys)
}

// sessionLive re-checks a victim's session (for live subscriptions).
func sessionLive(ctx context.Context, c *ent.Client, v viewer.Viewer, now time.Time) error {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	s, err := c.CaseSession.Get(sys, toNodeID(v.SessionID))
	if ent.IsNotFound(err) {
		return errSessionEnded
	}
	if err != nil {
		return err
	}
	return checkSession(ctx, c, s, now)
}

// endSession revokes the viewer's session at once.
func (r *Resolver) endSession(ctx context.Context) (bool, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return false, errSessionEnded
	}
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	c := r.db(ctx)
	if err := c.CaseSession.UpdateOneID(toNodeID(v.SessionID)).SetRevokedAt(instant(ctx)).Exec(sys); err != nil {
		return false, err
	}
	return true, r.audit(sys, c, auditEntry{action: "session.end", caseID: toNodeID(v.CaseID), victim: true})
}

// revokeSessions ends every session of a case (access code reissued).
func revokeSessions(ctx context.Context, c *ent.Client, caseID string, now time.Time) error {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	return c.CaseSession.Update().
		Where(casesession.CaseID(toNodeID(caseID)), casesession.RevokedAtIsNil()).
		SetRevokedAt(now).Exec(sys)
}
