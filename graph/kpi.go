package graph

import (
	"context"
	"database/sql"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"victimservices/ent/casefile"
	"victimservices/ent/feedback"
	"victimservices/ent/schema/viewer"
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
}

// performanceReport computes the KPIs over [from, to) with SQL aggregates:
// no case is loaded into memory. Supervisors only.
func (r *Resolver) performanceReport(ctx context.Context, from, to *time.Time) (*PerformanceReport, error) {
	v := viewer.FromContext(ctx)
	switch {
	case !v.IsStaff():
		return nil, errUnauthenticated
	case !v.IsSupervisor():
		return nil, errForbidden
	}
	end := instant(ctx)
	if to != nil {
		end = *to
	}
	start := end.AddDate(0, 0, -30)
	if from != nil {
		start = *from
	}
	count := func(s *entsql.Selector) string { return entsql.As("COUNT(*)", "n") }

	var contact []aggregate
	if err := r.client.CaseFile.Query().
		Where(casefile.OpenedAtGTE(start), casefile.OpenedAtLT(end), casefile.FirstContactAtNotNil()).
		Aggregate(func(s *entsql.Selector) string {
			return entsql.As("AVG("+seconds(s, casefile.FieldOpenedAt, casefile.FieldFirstContactAt)+") / 3600.0", "value")
		}, count).Scan(ctx, &contact); err != nil {
		return nil, err
	}
	var resolution []aggregate
	if err := r.client.CaseFile.Query().
		Where(casefile.ClosedAtGTE(start), casefile.ClosedAtLT(end)).
		Aggregate(func(s *entsql.Selector) string {
			return entsql.As("AVG("+seconds(s, casefile.FieldOpenedAt, casefile.FieldClosedAt)+") / 86400.0", "value")
		}, count).Scan(ctx, &resolution); err != nil {
		return nil, err
	}
	var satisfaction []aggregate
	if err := r.client.Feedback.Query().
		Where(feedback.SubmittedAtGTE(start), feedback.SubmittedAtLT(end)).
		Aggregate(func(s *entsql.Selector) string {
			return entsql.As("100.0 * SUM(CASE WHEN "+s.C(feedback.FieldRating)+" >= 4 THEN 1 ELSE 0 END) / COUNT(*)", "value")
		}, count).Scan(ctx, &satisfaction); err != nil {
		return nil, err
	}
	first := func(a []aggregate) aggregate {
		if len(a) == 0 {
			return aggregate{}
		}
		return a[0]
	}
	c, res, sat := first(contact), first(resolution), first(satisfaction)
	return &PerformanceReport{
		InitialContact: initialContactGoal.metric(c.Value, c.N),
		CaseResolution: resolutionGoal.metric(res.Value, res.N),
		Satisfaction:   satisfactionGoal.metric(sat.Value, sat.N),
		From:           start,
		To:             end,
	}, nil
}
