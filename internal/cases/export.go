package cases

import (
	"context"
	"encoding/json"
	"time"

	"victimservices/ent"
	"victimservices/ent/appointment"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/casemessage"
	"victimservices/ent/casesession"
	"victimservices/ent/courtdate"
	"victimservices/ent/feedback"
	"victimservices/ent/followup"
	"victimservices/ent/notification"
	"victimservices/ent/referral"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/audit"
	"victimservices/internal/request"
)

// A person's data on request. Supervisors export one case as a JSON
// document (everything the unit holds of it, contact details opened) and
// erase one case (every row of it; its audit records, which hold no
// content, stay as the trace that it existed and was erased). Each is
// audited. The case is read through the privacy rules as the viewer first,
// so nobody exports or erases a case they may not see.

// CaseExport is the document of one case.
type CaseExport struct {
	ExportedAt    time.Time        `json:"exportedAt"`
	Case          map[string]any   `json:"case"`
	History       []map[string]any `json:"history"`
	FollowUps     []map[string]any `json:"followUps"`
	CourtDates    []map[string]any `json:"courtDates"`
	Appointments  []map[string]any `json:"appointments"`
	Referrals     []map[string]any `json:"referrals"`
	Messages      []map[string]any `json:"messages"`
	Feedback      map[string]any   `json:"feedback,omitempty"`
	Notifications []map[string]any `json:"notifications"`
}

func (s *Cases) supervisorCase(ctx context.Context, id nodeid.ID) (*ent.CaseFile, error) {
	if !viewer.FromContext(ctx).IsSupervisor() {
		return nil, errcode.ErrForbidden
	}
	return found(s.db(ctx).CaseFile.Get(ctx, id))
}

// ExportCase returns the JSON document of the case, audited.
func (s *Cases) ExportCase(ctx context.Context, id nodeid.ID) (string, error) {
	cf, err := s.supervisorCase(ctx, id)
	if err != nil {
		return "", err
	}
	sys := systemContext(ctx)
	c := s.db(ctx)
	out := CaseExport{ExportedAt: request.Instant(ctx), Case: map[string]any{
		"caseNumber": cf.CaseNumber, "status": cf.Status, "openedAt": cf.OpenedAt, "firstContactAt": cf.FirstContactAt,
		"closedAt": cf.ClosedAt, "outcome": cf.Outcome, "urgent": cf.Urgent, "preferredLocale": cf.PreferredLocale,
		"contactMethod": cf.ContactMethod, "phone": cf.Phone, "email": cf.Email, "safeToLeaveMessage": cf.SafeToLeaveMessage,
		"safeContactTimes": cf.SafeContactTimes, "contactWindows": cf.ContactWindows, "timeZone": cf.TimeZone,
		"notifyChannel": cf.NotifyChannel, "outreachStoppedAt": cf.OutreachStoppedAt, "needs": cf.Needs,
		"description": cf.Description, "claimStatus": cf.ClaimStatus, "advocateId": cf.AdvocateID,
	}}
	events, err := c.CaseEvent.Query().Where(caseevent.CaseID(cf.ID)).Order(ent.Asc(caseevent.FieldAt)).All(sys)
	if err != nil {
		return "", err
	}
	for _, e := range events {
		out.History = append(out.History, map[string]any{"at": e.At, "kind": e.Kind, "detail": e.Detail, "victimVisible": e.VictimVisible})
	}
	follow, err := c.FollowUp.Query().Where(followup.CaseID(cf.ID)).Order(ent.Asc(followup.FieldDueAt)).All(sys)
	if err != nil {
		return "", err
	}
	for _, f := range follow {
		out.FollowUps = append(out.FollowUps, map[string]any{"dueAt": f.DueAt, "doneAt": f.DoneAt, "note": f.Note})
	}
	dates, err := c.CourtDate.Query().Where(courtdate.CaseID(cf.ID)).Order(ent.Asc(courtdate.FieldAt)).All(sys)
	if err != nil {
		return "", err
	}
	for _, d := range dates {
		out.CourtDates = append(out.CourtDates, map[string]any{"at": d.At, "court": d.CourtName, "street": d.Street, "city": d.City, "hearing": d.Hearing})
	}
	appts, err := c.Appointment.Query().Where(appointment.CaseID(cf.ID)).Order(ent.Asc(appointment.FieldStartsAt)).All(sys)
	if err != nil {
		return "", err
	}
	for _, a := range appts {
		out.Appointments = append(out.Appointments, map[string]any{"serviceId": a.ServiceID, "startsAt": a.StartsAt,
			"endsAt": a.EndsAt, "status": a.Status, "note": a.Note})
	}
	refs, err := c.Referral.Query().Where(referral.CaseID(cf.ID)).Order(ent.Asc(referral.FieldCreatedAt)).All(sys)
	if err != nil {
		return "", err
	}
	for _, r := range refs {
		out.Referrals = append(out.Referrals, map[string]any{"partnerId": r.PartnerID, "status": r.Status, "reason": r.Reason,
			"share": r.Share, "consentGivenAt": r.ConsentGivenAt, "createdAt": r.CreatedAt})
	}
	msgs, err := c.CaseMessage.Query().Where(casemessage.CaseID(cf.ID)).Order(ent.Asc(casemessage.FieldSentAt)).All(sys)
	if err != nil {
		return "", err
	}
	for _, m := range msgs {
		out.Messages = append(out.Messages, map[string]any{"sentAt": m.SentAt, "direction": m.Direction, "body": m.Body, "readAt": m.ReadAt})
	}
	if fb, err := c.Feedback.Query().Where(feedback.CaseID(cf.ID)).Only(sys); err == nil {
		out.Feedback = map[string]any{"rating": fb.Rating, "comment": fb.Comment, "submittedAt": fb.SubmittedAt}
	} else if !ent.IsNotFound(err) {
		return "", err
	}
	notes, err := c.Notification.Query().Where(notification.CaseID(cf.ID)).Order(ent.Asc(notification.FieldCreatedAt)).All(sys)
	if err != nil {
		return "", err
	}
	for _, n := range notes {
		out.Notifications = append(out.Notifications, map[string]any{"createdAt": n.CreatedAt, "topic": n.Topic, "channel": n.Channel, "status": n.Status, "sentAt": n.SentAt})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return "", err
	}
	if err := audit.Record(ctx, c, audit.Entry{Action: "case.export", CaseID: cf.ID}); err != nil {
		return "", err
	}
	return string(b), nil
}

// EraseCase deletes the case and every row of it in one transaction,
// audited; confirm must repeat its case number.
func (s *Cases) EraseCase(ctx context.Context, id nodeid.ID, confirm string) (bool, error) {
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		cf, err := s.supervisorCase(ctx, id)
		if err != nil {
			return err
		}
		if confirm != cf.CaseNumber {
			return errcode.Field("confirmCaseNumber")
		}
		sys := systemContext(ctx)
		for _, del := range []func() (int, error){
			func() (int, error) { return c.CaseMessage.Delete().Where(casemessage.CaseID(cf.ID)).Exec(sys) },
			func() (int, error) { return c.Notification.Delete().Where(notification.CaseID(cf.ID)).Exec(sys) },
			func() (int, error) { return c.CaseSession.Delete().Where(casesession.CaseID(cf.ID)).Exec(sys) },
			func() (int, error) { return c.CaseEvent.Delete().Where(caseevent.CaseID(cf.ID)).Exec(sys) },
			func() (int, error) { return c.FollowUp.Delete().Where(followup.CaseID(cf.ID)).Exec(sys) },
			func() (int, error) { return c.CourtDate.Delete().Where(courtdate.CaseID(cf.ID)).Exec(sys) },
			func() (int, error) { return c.Appointment.Delete().Where(appointment.CaseID(cf.ID)).Exec(sys) },
			func() (int, error) { return c.Feedback.Delete().Where(feedback.CaseID(cf.ID)).Exec(sys) },
			func() (int, error) { return c.Referral.Delete().Where(referral.CaseID(cf.ID)).Exec(sys) },
			func() (int, error) { return c.CaseFile.Delete().Where(casefile.ID(cf.ID)).Exec(sys) },
		} {
			if _, err := del(); err != nil {
				return err
			}
		}
		return audit.Record(ctx, c, audit.Entry{Action: "case.erase", CaseID: cf.ID})
	})
	return err == nil, err
}
