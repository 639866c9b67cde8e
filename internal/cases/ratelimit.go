package cases

import (
	"context"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/rateevent"
	"victimservices/ent/schema/nodeid"
	"victimservices/internal/accesscode"
)

// Rate limits that must hold across server processes live in the database
// (RateEvent rows keyed by hashes).
const (
	// SignInFailuresPerCase: failed sign-ins per case number per hour; after
	// that even the right code is refused until the window passes.
	SignInFailuresPerCase = 10
	// SignInFailuresPerClient: failed sign-ins per client address per hour.
	SignInFailuresPerClient = 30
	// IntakesPerClient: requests for help per client address per hour.
	IntakesPerClient = 5

	rateWindow = time.Hour
)

// Buckets of rate events.
const (
	bucketSignInCase   = "signin_case"
	bucketSignInClient = "signin_client"
	bucketIntake       = "intake_client"
)

// reserve records one attempt in bucket for key, committed at once (outside
// any transaction, so a failed attempt is never rolled back), and reports how
// many attempts the window now holds, this one included. Counting after
// recording makes concurrent attempts see each other: whatever the number of
// parallel requests, at most limit of them get through.
func reserve(ctx context.Context, c *ent.Client, bucket, key string, now time.Time) (id nodeid.ID, n int, err error) {
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	hashed := accesscode.Key(bucket, key)
	ev, err := c.RateEvent.Create().SetBucket(bucket).SetKey(hashed).SetAt(now).Save(ctx)
	if err != nil {
		return "", 0, err
	}
	n, err = c.RateEvent.Query().
		Where(rateevent.Bucket(bucket), rateevent.Key(hashed), rateevent.AtGT(now.Add(-rateWindow))).
		Count(ctx)
	if err != nil {
		return "", 0, err
	}
	// Forget what has left the window.
	if _, err := c.RateEvent.Delete().
		Where(rateevent.Bucket(bucket), rateevent.Key(hashed), rateevent.AtLTE(now.Add(-rateWindow))).
		Exec(ctx); err != nil {
		return "", 0, err
	}
	return ev.ID, n, nil
}

// release removes recorded attempts that turned out not to count (a
// successful sign-in is not a failure).
func release(ctx context.Context, c *ent.Client, ids ...nodeid.ID) error {
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	for _, id := range ids {
		if id == "" {
			continue
		}
		if err := c.RateEvent.DeleteOneID(id).Exec(ctx); err != nil && !ent.IsNotFound(err) {
			return err
		}
	}
	return nil
}
