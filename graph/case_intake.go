package graph

import (
	"context"
	"strings"

	"entgo.io/ent/privacy"

	"victimservices/ent"
	"victimservices/ent/caseevent"
	"victimservices/ent/casefile"
	"victimservices/ent/schema/inputerr"
	"victimservices/ent/schema/phone"
	"victimservices/internal/accesscode"
	"victimservices/locales"
)

// requestSupport opens a case for a person asking for help and returns its
// number and access code (shown once; only an argon2id hash is stored). It is
// rate limited per client; the case, its first event and the audit record
// are written in one transaction.
func (r *Resolver) requestSupport(ctx context.Context, in SupportRequestInput) (*SupportRequestPayload, error) {
	if _, n, err := reserve(ctx, r.client, bucketIntake, client(ctx), instant(ctx)); err != nil {
		return nil, err
	} else if n > IntakesPerClient {
		return nil, errRateLimited
	}
	var number, email string
	if in.Phone != nil && strings.TrimSpace(*in.Phone) != "" {
		n, err := phone.Normalize(*in.Phone)
		if err != nil {
			return nil, inputerr.New("error.invalidPhone", nil)
		}
		number = n
	}
	if in.Email != nil {
		email = strings.TrimSpace(*in.Email)
	}
	switch in.ContactMethod {
	case casefile.ContactMethodPHONE, casefile.ContactMethodSMS:
		if number == "" {
			return nil, inputerr.New("error.contactRequired", nil)
		}
	case casefile.ContactMethodEMAIL:
		if email == "" {
			return nil, inputerr.New("error.contactRequired", nil)
		}
	}
	code := accesscode.NewCode()
	hash, err := r.hasher.Hash(ctx, code)
	if err != nil {
		return nil, err
	}
	needs := make([]string, len(in.Needs))
	for i, n := range in.Needs {
		needs[i] = n.String()
	}
	// Not safe now, or in immediate danger: the case heads the advocates'
	// lists and the answer carries the emergency contacts.
	urgent := in.SafeNow != nil && !*in.SafeNow || in.ImmediateDanger != nil && *in.ImmediateDanger
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	tx, err := r.client.Tx(sys)
	if err != nil {
		return nil, err
	}
	// Case numbers are 39 random bits: a clash is a constraint error (and an
	// INTERNAL answer), not worth a retry that PostgreSQL's aborted
	// transaction would refuse anyway.
	create := tx.CaseFile.Create().
		SetCaseNumber(accesscode.NewCaseNumber()).
		SetPreferredLocale(locales.Match(in.PreferredLocale).Code).
		SetContactMethod(in.ContactMethod).
		SetSafeToLeaveMessage(in.SafeToLeaveMessage).
		SetNeeds(needs).
		SetAccessCodeHash(hash).
		SetUrgent(urgent).
		SetOpenedAt(instant(ctx))
	if number != "" {
		create.SetPhone(number)
	}
	if email != "" {
		create.SetEmail(email)
	}
	if in.SafeContactTimes != nil {
		create.SetSafeContactTimes(*in.SafeContactTimes)
	}
	if in.Description != nil {
		create.SetDescription(*in.Description)
	}
	cf, err := create.Save(sys)
	if err != nil {
		return nil, rollback(tx, err)
	}
	if err := tx.CaseEvent.Create().SetCaseID(cf.ID).SetKind(caseevent.KindRECEIVED).
		SetVictimVisible(true).SetAt(instant(ctx)).Exec(sys); err != nil {
		return nil, rollback(tx, err)
	}
	if err := r.audit(sys, tx.Client(), auditEntry{action: "case.intake", caseID: cf.ID}); err != nil {
		return nil, rollback(tx, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	payload := &SupportRequestPayload{CaseNumber: cf.CaseNumber, AccessCode: code, Urgent: urgent, EmergencyContacts: []*EmergencyContact{}}
	if urgent {
		l := locales.Match(in.PreferredLocale)
		msg := l.T("emergency.title", nil)
		payload.EmergencyMessage = &msg
		if payload.EmergencyContacts, err = emergencyContacts(ctx, r.client, l); err != nil {
			return nil, err
		}
	}
	return payload, nil
}

func rollback(tx *ent.Tx, err error) error {
	_ = tx.Rollback()
	return err
}
