package cases

import (
	"context"
	"errors"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/casesession"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/accesscode"
	"victimservices/internal/audit"
	"victimservices/internal/auth"
	"victimservices/internal/request"
)

// OpenSession exchanges a case number and access code for a victim session.
// Every attempt is recorded first, committed in its own short transaction,
// against the case number and the client; past SignInFailuresPerCase in the
// window even the right code is refused (RATE_LIMITED). Unknown numbers,
// wrong codes and malformed values all cost one argon2id check (against a
// dummy hash when there is no case) and get the same UNAUTHENTICATED error.
// The session, the release of the attempts and the audit record are then
// written in one transaction.
func (s *Cases) OpenSession(ctx context.Context, caseNumber, code string) (*CaseSessionPayload, error) {
	now := request.Instant(ctx)
	number := accesscode.NormalizeCaseNumber(caseNumber)
	caseKey := number
	if caseKey == "" {
		caseKey = "malformed:" + caseNumber
	}
	caseAttempt, perCase, err := reserve(ctx, s.client, bucketSignInCase, caseKey, now)
	if err != nil {
		return nil, err
	}
	client := clientKey(request.Client(ctx))
	clientAttempt, perClient, err := reserve(ctx, s.client, bucketSignInClient, client, now)
	if err != nil {
		return nil, err
	}
	if perCase > SignInFailuresPerCase || perClient > SignInFailuresPerClient {
		wait := 0
		if perCase > SignInFailuresPerCase {
			if wait, err = retryAfter(ctx, s.client, bucketSignInCase, caseKey, now, perCase, SignInFailuresPerCase); err != nil {
				return nil, err
			}
		}
		if perClient > SignInFailuresPerClient {
			w, err := retryAfter(ctx, s.client, bucketSignInClient, client, now, perClient, SignInFailuresPerClient)
			if err != nil {
				return nil, err
			}
			wait = max(wait, w)
		}
		return nil, tooMany("error.tooManyAttempts", wait)
	}
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	var hash string
	var cf *ent.CaseFile
	if number != "" {
		cf, err = s.client.CaseFile.Query().Where(casefile.CaseNumber(number)).Only(sys)
		switch {
		case err == nil && cf.AnonymizedAt == nil:
			hash = cf.AccessCodeHash
		case err == nil: // anonymised by the retention policy: as if it did not exist
		case !ent.IsNotFound(err):
			return nil, err
		}
	}
	if err := s.hasher.Verify(ctx, hash, code); err != nil {
		if errors.Is(err, accesscode.ErrMismatch) {
			return nil, errcode.ErrAccessDenied
		}
		return nil, err
	}
	token, tokenHash := accesscode.NewToken()
	expires := now.Add(auth.SessionIdle)
	err = s.inTx(sys, func(ctx context.Context, c *ent.Client) error {
		if err := release(ctx, c, caseAttempt, clientAttempt); err != nil {
			return err
		}
		if err := c.CaseSession.Create().SetCaseID(cf.ID).SetTokenHash(tokenHash).
			SetCreatedAt(now).SetExpiresAt(expires).Exec(ctx); err != nil {
			return err
		}
		return audit.Record(ctx, c, audit.Entry{Action: "session.open", CaseID: cf.ID, Victim: true})
	})
	if err != nil {
		return nil, err
	}
	return &CaseSessionPayload{Token: token, ExpiresAt: expires}, nil
}

// EndSession revokes the viewer's victim session at once, on every server:
// live subscriptions of the case are woken to notice.
func (s *Cases) EndSession(ctx context.Context) (bool, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return false, errcode.ErrSessionEnded
	}
	err := s.inTx(privacy.DecisionContext(ctx, privacy.Allow), func(ctx context.Context, c *ent.Client) error {
		if err := c.CaseSession.UpdateOneID(nodeid.ID(v.SessionID)).SetRevokedAt(request.Instant(ctx)).Exec(ctx); err != nil {
			return err
		}
		if err := audit.Record(ctx, c, audit.Entry{Action: "session.end", CaseID: nodeid.ID(v.CaseID), Victim: true}); err != nil {
			return err
		}
		return s.signal(ctx, nodeid.ID(v.CaseID))
	})
	return err == nil, err
}

// revokeSessions ends every session of a case (access code reissued).
func revokeSessions(ctx context.Context, c *ent.Client, caseID nodeid.ID, now time.Time) error {
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	return c.CaseSession.Update().
		Where(casesession.CaseID(caseID), casesession.RevokedAtIsNil()).
		SetRevokedAt(now).Exec(sys)
}
