package graph

import (
	"context"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/auditrecord"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
)

// auditEntry is one audited action on a case. Actions are names such as
// "case.read" or "case.status"; never personal data.
type auditEntry struct {
	action string
	caseID nodeid.ID
	victim bool
}

// audit records who did what to which case, through c: inside a mutation
// that is the mutation's transaction, so the record commits or rolls back
// with the change.
func (r *Resolver) audit(ctx context.Context, c *ent.Client, e auditEntry) error {
	return auditCreate(ctx, c, e).Exec(privacy.DecisionContext(ctx, privacy.Allow))
}

func auditCreate(ctx context.Context, c *ent.Client, e auditEntry) *ent.AuditRecordCreate {
	v := viewer.FromContext(ctx)
	create := c.AuditRecord.Create().SetAction(e.action).SetRequestID(requestID(ctx)).SetAt(instant(ctx))
	if e.caseID != "" {
		create.SetCaseID(e.caseID)
	}
	switch {
	case v.IsStaff():
		create.SetActorKind(auditrecord.ActorKindSTAFF).SetActorID(v.StaffID)
	case v.IsVictim() || e.victim:
		create.SetActorKind(auditrecord.ActorKindVICTIM).SetActorID(v.SessionID)
	default:
		create.SetActorKind(auditrecord.ActorKindPUBLIC)
	}
	return create
}

// readAuditInterceptor records every staff read of cases, whatever the path
// (case, cases, node), in one statement per query. Reads inside a mutation
// are covered by the mutation's own audit record.
func readAuditInterceptor(client *ent.Client) ent.Interceptor {
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
				builders[i] = auditCreate(ctx, client, auditEntry{action: "case.read", caseID: cf.ID})
			}
			if err := client.AuditRecord.CreateBulk(builders...).Exec(privacy.DecisionContext(ctx, privacy.Allow)); err != nil {
				return nil, err
			}
			return value, nil
		})
	})
}

func toNodeID(s string) nodeid.ID { return nodeid.ID(s) }
