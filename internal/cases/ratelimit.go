package cases

import (
	"context"
	"errors"
	"math"
	"net/netip"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/rateevent"
	"victimservices/ent/schema/errcode"
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

// clientKey is what per-client limits count a client address by: an IPv4
// address, or the /64 of an IPv6 address (one household or device gets a
// whole /64, and can pick any address in it).
func clientKey(addr string) string {
	a, err := netip.ParseAddr(addr)
	if err != nil || a.Unmap().Is4() {
		return addr
	}
	p, err := a.Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}

// retryAfter returns the whole seconds until an attempt in bucket for key
// would be within limit again: when enough of the attempts now in the window
// (n, the last one included) have left it.
func retryAfter(ctx context.Context, c *ent.Client, bucket, key string, now time.Time, n, limit int) (int, error) {
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	ev, err := c.RateEvent.Query().
		Where(rateevent.Bucket(bucket), rateevent.Key(accesscode.Key(bucket, key)), rateevent.AtGT(now.Add(-rateWindow))).
		Order(ent.Asc(rateevent.FieldAt), ent.Asc(rateevent.FieldID)).Offset(max(n-limit, 0)).First(ctx)
	if ent.IsNotFound(err) {
		return 1, nil
	}
	if err != nil {
		return 0, err
	}
	return max(int(math.Ceil(ev.At.Add(rateWindow).Sub(now).Seconds())), 1), nil
}

// tooMany is the RATE_LIMITED answer with its retryAfter extension.
func tooMany(messageID string, seconds int) *errcode.Error {
	e := errcode.New(errcode.RateLimited, messageID, nil)
	e.Extensions = map[string]any{"retryAfter": seconds}
	return e
}

// forgetAttempts lifts the failed-attempt lock of a case number (its access
// code was reissued: the new code must work at once).
func forgetAttempts(ctx context.Context, c *ent.Client, caseNumber string) error {
	_, err := c.RateEvent.Delete().
		Where(rateevent.Bucket(bucketSignInCase), rateevent.Key(accesscode.Key(bucketSignInCase, caseNumber))).
		Exec(privacy.DecisionContext(ctx, privacy.Allow))
	return err
}

var errReserveInTx = errors.New("cases: a rate-limited attempt reserved inside a transaction")

// reserve records one attempt in bucket for key, committed at once (outside
// any transaction, so a failed attempt is never rolled back), and reports how
// many attempts the window now holds, this one included. Counting after
// recording makes concurrent attempts see each other: whatever the number of
// parallel requests, at most limit of them get through.
//
// It refuses to run inside a transaction: the attempt would be rolled back
// with a failure, concurrent attempts would not see each other, and on
// SQLite (one writer, locked at BEGIN) it would wait for the very
// transaction it runs under. A mutation that reserves runs outside the
// field transactions (httpapi's ownTransactions).
func reserve(ctx context.Context, c *ent.Client, bucket, key string, now time.Time) (id nodeid.ID, n int, err error) {
	if ent.TxFromContext(ctx) != nil {
		return "", 0, errReserveInTx
	}
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
