package audit

import (
	"context"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/auditrecord"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/request"
)

// Entry is one audited action on a case.
type Entry struct {
	// Action names it, e.g. "case.status".
	Action string
	// CaseID is the case it concerns ("" for none).
	CaseID nodeid.ID
	// SubjectID is the record acted on when it is not a case (a staff
	// account).
	SubjectID string
	// System records the action as the system's (a subcommand run by an
	// operator on the server) when there is no viewer.
	System bool
	// Victim records the action as the victim's even without a victim
	// viewer (signing in, before the session exists).
	Victim bool
}

// Record writes e through c: inside a change that is the change's
// transaction, so the record commits or rolls back with it.
func Record(ctx context.Context, c *ent.Client, e Entry) error {
	return create(ctx, c, e).Exec(privacy.DecisionContext(ctx, privacy.Allow))
}

func create(ctx context.Context, c *ent.Client, e Entry) *ent.AuditRecordCreate {
	v := viewer.FromContext(ctx)
	b := c.AuditRecord.Create().SetAction(e.Action).SetRequestID(request.ID(ctx)).SetAt(request.Instant(ctx))
	if e.CaseID != "" {
		b.SetCaseID(e.CaseID)
	}
	if e.SubjectID != "" {
		b.SetSubjectID(e.SubjectID)
	}
	switch {
	case v.IsStaff():
		b.SetActorKind(auditrecord.ActorKindSTAFF).SetActorID(v.StaffID)
	case v.IsVictim() || e.Victim:
		b.SetActorKind(auditrecord.ActorKindVICTIM).SetActorID(v.SessionID)
	case e.System:
		b.SetActorKind(auditrecord.ActorKindSYSTEM)
	default:
		b.SetActorKind(auditrecord.ActorKindPUBLIC)
	}
	return b
}

// ReadInterceptor records every staff read of cases, whatever the path
// (case, cases, node, a subcommand), in one statement per query. Reads
// inside a change's transaction are covered by the change's own record.
func ReadInterceptor(client *ent.Client) ent.Interceptor {
	return ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			value, err := next.Query(ctx, q)
			if err != nil || !viewer.FromContext(ctx).IsStaff() || ent.TxFromContext(ctx) != nil {
				return value, err
			}
			cases, ok := value.([]*ent.CaseFile)
			if !ok || len(cases) == 0 {
				return value, nil
			}
			builders := make([]*ent.AuditRecordCreate, len(cases))
			for i, cf := range cases {
				builders[i] = create(ctx, client, Entry{Action: "case.read", CaseID: cf.ID})
			}
			if err := client.AuditRecord.CreateBulk(builders...).Exec(privacy.DecisionContext(ctx, privacy.Allow)); err != nil {
				return nil, err
			}
			return value, nil
		})
	})
}
