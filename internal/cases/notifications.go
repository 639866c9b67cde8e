package cases

import (
	"context"

	"victimservices/ent"
	"victimservices/ent/notification"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
)

// What staff see of the outbox (package outreach sends it): the privacy
// rules let supervisors read every notification and advocates those of
// their cases.

func listSize(last *int, def, max int) (int, error) {
	if last == nil {
		return def, nil
	}
	if *last < 0 || *last > max {
		return 0, errcode.Field("last")
	}
	return *last, nil
}

// CaseNotifications lists a case's notifications, newest first (at most 50).
func (s *Cases) CaseNotifications(ctx context.Context, cf *ent.CaseFile) ([]*ent.Notification, error) {
	return s.db(ctx).Notification.Query().Where(notification.CaseID(cf.ID)).
		Order(ent.Desc(notification.FieldCreatedAt), ent.Desc(notification.FieldID)).Limit(50).All(ctx)
}

// Notifications lists notifications newest first, optionally in one status.
func (s *Cases) Notifications(ctx context.Context, status *notification.Status, last *int) ([]*ent.Notification, error) {
	if !viewer.FromContext(ctx).IsStaff() {
		return nil, errcode.ErrUnauthenticated
	}
	n, err := listSize(last, 50, 200)
	if err != nil {
		return nil, err
	}
	q := s.db(ctx).Notification.Query()
	if status != nil {
		q.Where(notification.StatusEQ(*status))
	}
	return q.Order(ent.Desc(notification.FieldCreatedAt), ent.Desc(notification.FieldID)).Limit(n).All(ctx)
}

// DevelopmentOutbox lists what went to the development outbox (transport
// local), newest first.
func (s *Cases) DevelopmentOutbox(ctx context.Context, last *int) ([]*ent.Notification, error) {
	if !viewer.FromContext(ctx).IsStaff() {
		return nil, errcode.ErrUnauthenticated
	}
	n, err := listSize(last, 50, 200)
	if err != nil {
		return nil, err
	}
	return s.db(ctx).Notification.Query().Where(notification.Transport("local")).
		Order(ent.Desc(notification.FieldSentAt), ent.Desc(notification.FieldID)).Limit(n).All(ctx)
}

// NotificationCase is the case number a notification is about, as the
// viewer may see it ("" for none).
func (s *Cases) NotificationCase(ctx context.Context, n *ent.Notification) (string, error) {
	if n.CaseID == "" {
		return "", nil
	}
	cf, err := s.db(ctx).CaseFile.Get(ctx, n.CaseID)
	if ent.IsNotFound(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return cf.CaseNumber, nil
}

// WatchCase streams a case to staff who may read it (its advocate,
// supervisors) whenever it changes, messages included; each push is a read
// through the rules (audited). It ends when the client goes away.
func (s *Cases) WatchCase(ctx context.Context, id nodeid.ID) (<-chan *ent.CaseFile, error) {
	if !viewer.FromContext(ctx).IsStaff() {
		return nil, errcode.ErrUnauthenticated
	}
	if s.notifier == nil {
		return nil, errcode.New(errcode.Internal, "", nil)
	}
	if _, err := found(s.client.CaseFile.Get(ctx, id)); err != nil {
		return nil, err
	}
	// Reassigned away, or the database failed: the stream ends.
	return s.stream(ctx, string(id), nil, func() {}, func(ctx context.Context) (*ent.CaseFile, error) {
		return s.client.CaseFile.Get(ctx, id)
	}), nil
}
