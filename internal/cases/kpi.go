package cases

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/feedback"
	"victimservices/ent/notification"
	"victimservices/ent/organization"
	"victimservices/ent/referral"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/request"
)

// The unit's goals and the figures before the program.
var (
	initialContactGoal = kpi{goal: 24, baseline: 48, unit: "hours"}
	resolutionGoal     = kpi{goal: 15, baseline: 30, unit: "days"}
	satisfactionGoal   = kpi{goal: 90, baseline: 70, unit: "percent"}
)

type kpi struct {
	goal, baseline float64
	unit           string
}

func (k kpi) metric(current sql.NullFloat64, n int) *Metric {
	m := &Metric{Goal: k.goal, Baseline: k.baseline, Unit: k.unit, SampleSize: n}
	if current.Valid && n > 0 {
		v := current.Float64
		m.Current = &v
	}
	return m
}

// seconds returns the SQL for the seconds between two time columns.
func seconds(s *entsql.Selector, from, to string) string {
	if s.Dialect() == dialect.Postgres {
		return "EXTRACT(EPOCH FROM (" + s.C(to) + " - " + s.C(from) + "))"
	}
	return "((julianday(" + s.C(to) + ") - julianday(" + s.C(from) + ")) * 86400.0)"
}

type aggregate struct {
	Value sql.NullFloat64 `json:"value"`
	N     int             `json:"n"`
	Met   sql.NullInt64   `json:"met"`
}

// metWhen counts the rows where cond holds.
func metWhen(cond string) string {
	return entsql.As("SUM(CASE WHEN "+cond+" THEN 1 ELSE 0 END)", "met")
}

// PerformanceReport computes the KPIs over [from, to) with SQL aggregates:
// no case is loaded into memory. Supervisors only (the privacy rules refuse
// everyone else the report view: FORBIDDEN for other staff).
func (s *Cases) PerformanceReport(ctx context.Context, from, to *time.Time) (*PerformanceReport, error) {
	// The report view: the privacy rules let only supervisors read it.
	ctx = viewer.WithView(ctx, viewer.ReportView)
	end := request.Instant(ctx)
	if to != nil {
		end = *to
	}
	start := end.AddDate(0, 0, -30)
	if from != nil {
		start = *from
	}
	count := func(s *entsql.Selector) string { return entsql.As("COUNT(*)", "n") }

	var contact []aggregate
	if err := s.client.CaseFile.Query().
		Where(casefile.OpenedAtGTE(start), casefile.OpenedAtLT(end), casefile.FirstContactAtNotNil()).
		Aggregate(func(s *entsql.Selector) string {
			return entsql.As("AVG("+seconds(s, casefile.FieldOpenedAt, casefile.FieldFirstContactAt)+") / 3600.0", "value")
		}, count).Scan(ctx, &contact); err != nil {
		return nil, err
	}
	var contactGoal []aggregate
	if err := s.client.CaseFile.Query().
		Where(casefile.OpenedAtGTE(start), casefile.OpenedAtLT(end)).
		Aggregate(count, func(s *entsql.Selector) string {
			return metWhen(s.C(casefile.FieldFirstContactAt) + " IS NOT NULL AND " + seconds(s, casefile.FieldOpenedAt, casefile.FieldFirstContactAt) + " <= 86400")
		}).Scan(ctx, &contactGoal); err != nil {
		return nil, err
	}
	var resolution []aggregate
	if err := s.client.CaseFile.Query().
		Where(casefile.ClosedAtGTE(start), casefile.ClosedAtLT(end)).
		Aggregate(func(s *entsql.Selector) string {
			return entsql.As("AVG("+seconds(s, casefile.FieldOpenedAt, casefile.FieldClosedAt)+") / 86400.0", "value")
		}, count, func(s *entsql.Selector) string {
			return metWhen(seconds(s, casefile.FieldOpenedAt, casefile.FieldClosedAt) + " <= 15 * 86400")
		}).Scan(ctx, &resolution); err != nil {
		return nil, err
	}
	var satisfaction []aggregate
	if err := s.client.Feedback.Query().
		Where(feedback.SubmittedAtGTE(start), feedback.SubmittedAtLT(end)).
		Aggregate(func(s *entsql.Selector) string {
			return entsql.As("100.0 * SUM(CASE WHEN "+s.C(feedback.FieldRating)+" >= 4 THEN 1 ELSE 0 END) / COUNT(*)", "value")
		}, count, func(s *entsql.Selector) string { return metWhen(s.C(feedback.FieldRating) + " >= 4") }).Scan(ctx, &satisfaction); err != nil {
		return nil, err
	}
	var urgent []aggregate
	if err := s.client.CaseFile.Query().
		Where(casefile.OpenedAtGTE(start), casefile.OpenedAtLT(end), casefile.FirstContactAtNotNil(), casefile.Urgent(true)).
		Aggregate(func(s *entsql.Selector) string {
			return entsql.As("AVG("+seconds(s, casefile.FieldOpenedAt, casefile.FieldFirstContactAt)+") / 3600.0", "value")
		}, count).Scan(ctx, &urgent); err != nil {
		return nil, err
	}
	referrals, err := s.referralsPerPartner(ctx, start, end)
	if err != nil {
		return nil, err
	}
	answered, err := s.client.CaseFile.Query().Where(casefile.ClosedAtGTE(start), casefile.ClosedAtLT(end), casefile.HasFeedback()).Count(ctx)
	if err != nil {
		return nil, err
	}
	delivery, err := s.notificationDelivery(ctx, start, end)
	if err != nil {
		return nil, err
	}
	first := func(a []aggregate) aggregate {
		if len(a) == 0 {
			return aggregate{}
		}
		return a[0]
	}
	c, res, sat, urg := first(contact), first(resolution), first(satisfaction), first(urgent)
	cg := first(contactGoal)
	var rate *float64
	if res.N > 0 {
		r := float64(answered) / float64(res.N)
		rate = &r
	}
	return &PerformanceReport{
		InitialContactGoal:   &GoalAttainment{Met: int(cg.Met.Int64), Of: cg.N},
		ResolutionGoal:       &GoalAttainment{Met: int(res.Met.Int64), Of: res.N},
		SatisfactionGoal:     &GoalAttainment{Met: int(sat.Met.Int64), Of: sat.N},
		FeedbackResponseRate: rate,
		NotificationDelivery: delivery,
		InitialContact:       initialContactGoal.metric(c.Value, c.N),
		UrgentInitialContact: initialContactGoal.metric(urg.Value, urg.N),
		Referrals:            referrals,
		CaseResolution:       resolutionGoal.metric(res.Value, res.N),
		Satisfaction:         satisfactionGoal.metric(sat.Value, sat.N),
		From:                 start,
		To:                   end,
	}, nil
}

// notificationDelivery counts the notifications queued in [start, end) by
// channel and how they stand: one grouped statement.
func (s *Cases) notificationDelivery(ctx context.Context, start, end time.Time) ([]*ChannelDelivery, error) {
	var rows []struct {
		Channel notification.Channel `json:"channel"`
		Status  notification.Status  `json:"status"`
		N       int                  `json:"n"`
	}
	if err := s.client.Notification.Query().Where(notification.CreatedAtGTE(start), notification.CreatedAtLT(end)).
		GroupBy(notification.FieldChannel, notification.FieldStatus).
		Aggregate(func(s *entsql.Selector) string { return entsql.As("COUNT(*)", "n") }).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	out := []*ChannelDelivery{{Channel: notification.ChannelSMS}, {Channel: notification.ChannelEMAIL}}
	for _, r := range rows {
		d := out[0]
		if r.Channel == notification.ChannelEMAIL {
			d = out[1]
		}
		switch r.Status {
		case notification.StatusSENT, notification.StatusDELIVERED, notification.StatusFOLDED:
			d.Sent += r.N
		case notification.StatusFAILED, notification.StatusDEAD:
			d.Failed += r.N
		case notification.StatusPENDING, notification.StatusSENDING:
			d.Deferred += r.N
		}
	}
	return out, nil
}

// referralsPerPartner counts the referrals proposed in [start, end) per
// partner, with how many were accepted (or completed), completed and
// declined: one grouped SQL statement, and one for the partners.
func (s *Cases) referralsPerPartner(ctx context.Context, start, end time.Time) ([]*PartnerReferrals, error) {
	var rows []struct {
		PartnerID nodeid.ID `json:"partner_id"`
		Total     int       `json:"total"`
		Accepted  int       `json:"accepted"`
		Completed int       `json:"completed"`
		Declined  int       `json:"declined"`
	}
	sum := func(alias string, statuses ...string) ent.AggregateFunc {
		return func(s *entsql.Selector) string {
			return entsql.As("SUM(CASE WHEN "+s.C(referral.FieldStatus)+" IN ('"+strings.Join(statuses, "','")+"') THEN 1 ELSE 0 END)", alias)
		}
	}
	if err := s.client.Referral.Query().
		Where(referral.CreatedAtGTE(start), referral.CreatedAtLT(end)).
		GroupBy(referral.FieldPartnerID).
		Aggregate(ent.As(ent.Count(), "total"),
			sum("accepted", "ACCEPTED", "COMPLETED"), sum("completed", "COMPLETED"), sum("declined", "DECLINED")).
		Scan(ctx, &rows); err != nil {
		return nil, err
	}
	partners, err := s.client.Organization.Query().Where(organization.KindEQ(organization.KindPARTNER)).
		Order(ent.Asc(organization.FieldSortOrder), ent.Asc(organization.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*PartnerReferrals, len(partners))
	for i, p := range partners {
		out[i] = &PartnerReferrals{Partner: p}
		for _, row := range rows {
			if row.PartnerID == p.ID {
				out[i].Total, out[i].Accepted, out[i].Completed, out[i].Declined = row.Total, row.Accepted, row.Completed, row.Declined
			}
		}
	}
	return out, nil
}
