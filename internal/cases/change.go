package cases

import (
	"context"
	"time"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/notification"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/audit"
	"victimservices/internal/request"
)

// Event is a history entry a change records.
type Event struct {
	Kind          caseevent.Kind
	Detail        string
	Status        string
	VictimVisible bool
	ReferralID    string
}

// Change is one change of a case.
type Change struct {
	// Action names the change in the audit trail ("case.status").
	Action string
	// OpenOnly refuses the change on a closed case.
	OpenOnly bool
	// ByVictim marks the changes a victim makes on their own case (feedback,
	// consent in the app): only these read and write as the victim's own
	// view. Every other change called by a victim finds no case to change.
	ByVictim bool
	// Open, for the intake, creates the case instead of loading one; the
	// change then records the RECEIVED entry.
	Open func(ctx context.Context, c *ent.Client) (*ent.CaseFile, error)
	// Apply makes the change: it may set fields on u (the conditional update
	// that bumps version) and write the case's other records through c, and
	// returns the history entries to record.
	Apply func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, u *ent.CaseFileUpdate) ([]Event, error)
	// System marks a change the unit's machinery makes on its own (a reply
	// of STOP to a text): it reads and writes past the privacy rules and is
	// audited as the system's. No resolver sets it.
	System bool
	// KeepVersion makes a change that leaves version alone: messages, read
	// receipts and notification preferences are not the staff-edited state
	// the version guards, so they never turn an edit into a CONFLICT.
	KeepVersion bool
	// Notify is what the change tells the person outside the app; empty
	// means what its history entries say (see topicOf).
	Notify notification.Topic
	// AlertStaff is what the change tells the staff who handle the case
	// outside the app (a person's appointment request, which staff must
	// confirm); empty tells them nothing.
	AlertStaff notification.Topic
}

// change is the one path every write to a case takes (see the package
// comment). It loads, changes and records through the privacy rules as the
// viewer (a victim in the victim view), refuses a stale expectedVersion or a closed
// case with CONFLICT or BAD_USER_INPUT, applies ch, bumps version by one
// only if nobody changed the case meanwhile (else CONFLICT), and records the
// history entries, one audit record and the live-update signal: all in one
// transaction, all or nothing. It returns the case as changed.
func (s *Cases) change(ctx context.Context, id nodeid.ID, expected *int, ch Change) (*ent.CaseFile, error) {
	var out *ent.CaseFile
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		v := viewer.FromContext(ctx)
		sys := privacy.DecisionContext(ctx, privacy.Allow)
		read := ctx
		switch {
		case ch.System:
			read = sys
		case ch.ByVictim && v.IsVictim():
			read = viewer.WithView(ctx, viewer.VictimView)
		}
		var (
			cf     *ent.CaseFile
			events []Event
			err    error
		)
		if ch.Open != nil {
			if cf, err = ch.Open(sys, c); err != nil {
				return err
			}
			events = []Event{{Kind: caseevent.KindRECEIVED, VictimVisible: true}}
			out = cf
		} else {
			if cf, err = found(c.CaseFile.Get(read, id)); err != nil {
				return err
			}
			if expected != nil && *expected != cf.Version {
				return errcode.ErrConflict
			}
			if ch.OpenOnly && cf.Status == casefile.StatusCLOSED {
				return errcode.ErrCaseClosed
			}
			u := c.CaseFile.Update().Where(casefile.ID(cf.ID))
			if !ch.KeepVersion {
				u.Where(casefile.Version(cf.Version)).AddVersion(1)
			}
			if events, err = ch.Apply(read, c, cf, u); err != nil {
				return err
			}
			// The update passes the privacy rules as the viewer: staff as
			// the case rules say, a victim only to bump the version of their
			// own case (their feedback and consent are their own records)
			// and to set their notification preferences.
			if !ch.KeepVersion || len(u.Mutation().Fields())+len(u.Mutation().ClearedFields()) > 0 {
				n, err := u.Save(read)
				if err != nil {
					return err
				}
				if n == 0 {
					return errcode.ErrConflict
				}
			}
		}
		// History entries pass the rules as the viewer too (a victim may
		// add only the entries of their own changes); the intake's, made
		// before anyone may read the case, by the system.
		write := read
		if ch.Open != nil {
			write = sys
		}
		if err := recordEvents(write, c, cf.ID, v.StaffID, events); err != nil {
			return err
		}
		if err := audit.Record(ctx, c, audit.Entry{Action: ch.Action, CaseID: cf.ID, Victim: v.IsVictim(), System: ch.System}); err != nil {
			return err
		}
		// The person hears of it outside the app through the outbox, in
		// this transaction: a change rolled back sends nothing. Not of the
		// intake (the answer is on their screen) nor of their own steps.
		if topic := topicOf(ch, events); s.outbox != nil && topic != "" && ch.Open == nil && !ch.ByVictim {
			if err := s.outbox.CaseChanged(sys, c, cf, topic); err != nil {
				return err
			}
		}
		if s.outbox != nil && ch.AlertStaff != "" {
			if err := s.outbox.StaffAlert(sys, c, cf, ch.AlertStaff); err != nil {
				return err
			}
		}
		if err := s.signal(ctx, cf.ID); err != nil {
			return err
		}
		if out == nil {
			out, err = c.CaseFile.Get(read, cf.ID)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// notifyOf maps the history entries the person is told of outside the app
// to what they are told.
var notifyOf = map[caseevent.Kind]notification.Topic{
	caseevent.KindADVOCATE_ASSIGNED:    notification.TopicADVOCATE_ASSIGNED,
	caseevent.KindSTATUS_CHANGED:       notification.TopicSTATUS_CHANGED,
	caseevent.KindCLOSED:               notification.TopicSTATUS_CHANGED,
	caseevent.KindCOURT_DATE_ADDED:     notification.TopicCOURT_DATE_ADDED,
	caseevent.KindCOURT_DATE_CHANGED:   notification.TopicCOURT_DATE_CHANGED,
	caseevent.KindCOURT_DATE_CANCELLED: notification.TopicCOURT_DATE_CANCELLED,
	caseevent.KindREFERRAL_UPDATED:     notification.TopicREFERRAL_UPDATED,
	caseevent.KindCLAIM_UPDATED:        notification.TopicCLAIM_UPDATED,
	caseevent.KindFOLLOW_UP_SCHEDULED:  notification.TopicFOLLOW_UP_SCHEDULED,
	// A victim's own request or cancellation tells them nothing (see
	// change); staff's steps do.
	caseevent.KindAPPOINTMENT_CONFIRMED:   notification.TopicAPPOINTMENT_CONFIRMED,
	caseevent.KindAPPOINTMENT_RESCHEDULED: notification.TopicAPPOINTMENT_RESCHEDULED,
	caseevent.KindAPPOINTMENT_CANCELLED:   notification.TopicAPPOINTMENT_CANCELLED,
}

// topicOf is what a change tells the person: its Notify, else its first
// victim-visible entry that is news to them (one message per change).
func topicOf(ch Change, events []Event) notification.Topic {
	if ch.Notify != "" {
		return ch.Notify
	}
	for _, e := range events {
		if t, ok := notifyOf[e.Kind]; ok && e.VictimVisible {
			return t
		}
	}
	return ""
}

// recordEvents writes history entries by actor (a staff ID, or "" for the
// victim and the system), a microsecond apart so one change's entries keep
// their order.
func recordEvents(ctx context.Context, c *ent.Client, id nodeid.ID, actor string, events []Event) error {
	if len(events) == 0 {
		return nil
	}
	builders := make([]*ent.CaseEventCreate, len(events))
	for i, e := range events {
		at := request.Instant(ctx).Add(time.Duration(i) * time.Microsecond)
		builders[i] = c.CaseEvent.Create().SetCaseID(id).SetKind(e.Kind).SetDetail(e.Detail).
			SetStatus(e.Status).SetVictimVisible(e.VictimVisible).SetActorID(actor).SetAt(at).SetReferralID(e.ReferralID)
	}
	return c.CaseEvent.CreateBulk(builders...).Exec(ctx)
}

// signal tells live subscribers of the case, from inside the transaction:
// they hear of it only if it commits.
func (s *Cases) signal(ctx context.Context, id nodeid.ID) error {
	tx := ent.TxFromContext(ctx)
	if s.notifier == nil || tx == nil {
		return nil
	}
	return s.notifier.Changed(ctx, tx, string(id))
}
