package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/rule"
	"victimservices/ent/schema/sealed"
	"victimservices/ent/schema/textcheck"
)

// CaseFile is a victim's case (GraphQL type Case; "case" is a Go keyword).
// It holds the most sensitive data in the system: contact details, safe
// contact preferences and what the person told us. The privacy policy lets a
// victim session read only its own case (and only through the victim view),
// advocates only their assigned cases, supervisors every case; editors and
// admins none.
type CaseFile struct {
	ent.Schema
}

// Mixin gives cases "cas_" IDs.
func (CaseFile) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("cas")} }

// Fields of a case.
func (CaseFile) Fields() []ent.Field {
	return []ent.Field{
		field.String("case_number").Unique().Immutable().
			Comment("Random, not sequential, e.g. VS-7KQ4-M9TX; the victim's user name."),
		field.Enum("status").
			Values("RECEIVED", "ADVOCATE_ASSIGNED", "IN_PROGRESS", "AWAITING_COURT", "CLOSED").
			Default("RECEIVED").
			Annotations(entgql.Type("CaseStatus")),
		field.String("preferred_locale").Default("en"),
		field.Enum("contact_method").
			Values("PHONE", "SMS", "EMAIL", "IN_APP").
			Annotations(entgql.Type("ContactMethod")),
		field.String("phone").Optional().Sensitive().ValueScanner(sealed.Field).
			Comment("E.164, sealed at rest (package sealed). Never logged."),
		field.String("phone_lookup").Optional().Sensitive().
			Comment("Blind index of phone (sealed.Lookup), to find a case by the number that replied STOP; set by a hook."),
		field.String("email").Optional().Sensitive().Validate(validEmail).ValueScanner(sealed.Field).
			Comment("Sealed at rest. Never logged."),
		field.Bool("safe_to_leave_message").Default(false).
			Comment("False when a voicemail or message could put the person at risk."),
		textcheck.MaxChars(field.String("safe_contact_times").Optional(), 500).Sensitive().ValueScanner(sealed.Field),
		field.JSON("needs", []string{}).Optional().
			Comment("Service categories the person asked for."),
		textcheck.MaxChars(field.Text("description").Optional(), 4000).Sensitive().ValueScanner(sealed.Field).
			Comment("What the person told us at intake."),
		field.Bool("urgent").Default(false).
			Annotations(entgql.OrderField("URGENT")).
			Comment("Not safe now or in immediate danger at intake: heads the advocates' lists."),
		field.String("access_code_hash").Sensitive().
			Comment("argon2id hash of the access code; the code itself is never stored."),
		field.String("advocate_id").GoType(nodeid.ID("")).Optional().Nillable(),
		field.Time("opened_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("OPENED_AT")),
		field.Time("first_contact_at").Optional().Nillable(),
		field.Time("closed_at").Optional().Nillable(),
		field.Enum("outcome").
			Values("RESOLVED", "REFERRED", "VICTIM_DECLINED", "UNABLE_TO_CONTACT").
			Optional().Nillable().
			Annotations(entgql.Type("CaseOutcome")),
		field.Enum("claim_status").
			Values("NOT_FILED", "FILED", "UNDER_REVIEW", "APPROVED", "DENIED", "PAID").
			Default("NOT_FILED").
			Annotations(entgql.Type("ClaimStatus")),
		field.Time("claim_updated_at").Optional().Nillable(),
		field.Bool("demo").Default(false).Immutable().
			Comment("Part of the development demo data set."),
		field.Int("version").Default(1).
			Comment("Increases with every change; compared with expectedVersion to detect concurrent edits."),
		// Notification preferences: set at intake, changed by the person in
		// the app or corrected by their advocate. They do not bump version.
		field.Enum("notify_channel").Values("SMS", "EMAIL", "IN_APP").Default("IN_APP").
			Annotations(entgql.Type("NotificationChannel")).
			Comment("Where notifications outside the app go; IN_APP sends none."),
		field.JSON("contact_windows", []hours.Period{}).Optional().
			Comment("When outside messages may arrive (weekly, in time_zone); none means any time."),
		field.String("time_zone").Optional().
			Comment("IANA zone of contact_windows; empty means the unit's zone."),
		field.Time("outreach_stopped_at").Optional().Nillable().
			Comment("When all outside messages were stopped (in the app, by replying STOP, or by staff at the person's request)."),
		field.Enum("outreach_stopped_by").Values("APP", "SMS_REPLY", "STAFF").Optional().Nillable().
			Annotations(entgql.Type("OutreachStoppedBy")),
		field.Time("anonymized_at").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("When the retention policy anonymised the closed case: its contact details, free text, messages and sessions are gone; its dates, status and outcome stay for the KPIs."),
	}
}

// Edges of a case.
func (CaseFile) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("advocate", Staff.Type).Ref("cases").Field("advocate_id").Unique(),
		edge.To("events", CaseEvent.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("follow_ups", FollowUp.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("court_dates", CourtDate.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("sessions", CaseSession.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("feedback", Feedback.Type).Unique().Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("referrals", Referral.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("messages", CaseMessage.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("appointments", Appointment.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of a case.
func (CaseFile) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("advocate_id", "status"),
		// The caseload pages: urgent first, then newest.
		index.Fields("advocate_id", "urgent", "opened_at"),
		index.Fields("urgent", "opened_at"),
		index.Fields("opened_at"),
		index.Fields("closed_at"),
		// The reminders' sweeps: open cases by age, awaiting first contact.
		index.Fields("status", "first_contact_at", "opened_at"),
		index.Fields("phone_lookup"),
	}
}

// Hooks of a case: the phone's blind index follows the phone.
func (CaseFile) Hooks() []ent.Hook { return []ent.Hook{phoneLookupHook()} }

// Policy: see the type comment.
func (CaseFile) Policy() ent.Policy { return rule.CasePolicy() }

// Annotations of a case.
func (CaseFile) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Type("Case"), entgql.RelayConnection(), entgql.MultiOrder()}
}

// caseID is the field every record that belongs to a case has.
func caseID() ent.Field { return field.String("case_id").GoType(nodeid.ID("")).Immutable() }

// CaseEvent is one entry of a case's history: every change is one, written
// in the same transaction as the change. Victim-visible events make up the
// victim's timeline; the others are internal notes.
type CaseEvent struct {
	ent.Schema
}

// Mixin gives events "cev_" IDs.
func (CaseEvent) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("cev")} }

// Fields of an event.
func (CaseEvent) Fields() []ent.Field {
	return []ent.Field{caseID(),
		field.Enum("kind").
			Values("RECEIVED", "ADVOCATE_ASSIGNED", "FIRST_CONTACT", "STATUS_CHANGED", "NOTE",
				"FOLLOW_UP_SCHEDULED", "FOLLOW_UP_DONE", "COURT_DATE_ADDED", "CLAIM_UPDATED", "CLOSED",
				"ACCESS_CODE_REISSUED", "FEEDBACK", "REFERRAL_UPDATED", "COURT_DATE_CHANGED", "COURT_DATE_CANCELLED",
				"PREFERENCES_CHANGED", "APPOINTMENT_REQUESTED", "APPOINTMENT_CONFIRMED", "APPOINTMENT_RESCHEDULED",
				"APPOINTMENT_CANCELLED").
			Annotations(entgql.Type("CaseEventKind")),
		field.Bool("victim_visible").Default(true),
		textcheck.MaxChars(field.Text("detail").Optional(), 4000).Sensitive().
			Comment("Free text from staff, in the language they wrote it."),
		field.String("status").Optional().
			Comment("The new case, claim or referral status (STATUS_CHANGED, CLAIM_UPDATED, REFERRAL_UPDATED)."),
		field.String("referral_id").Optional().
			Comment("The referral a REFERRAL_UPDATED entry is about."),
		field.String("actor_id").Optional().
			Comment("Staff ID, or empty for the victim or the system."),
		field.Time("at").Default(time.Now).Immutable(),
	}
}

// Edges of an event.
func (CaseEvent) Edges() []ent.Edge {
	return []ent.Edge{edge.From("case", CaseFile.Type).Ref("events").Field("case_id").Unique().Required().Immutable()}
}

// Indexes of an event.
func (CaseEvent) Indexes() []ent.Index { return []ent.Index{index.Fields("case_id", "at")} }

// Policy: as the case.
func (CaseEvent) Policy() ent.Policy { return rule.CaseEventPolicy() }

// Annotations of an event.
func (CaseEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// FollowUp is a planned check-in with the victim.
type FollowUp struct {
	ent.Schema
}

// Mixin gives follow-ups "fup_" IDs.
func (FollowUp) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("fup")} }

// Fields of a follow-up.
func (FollowUp) Fields() []ent.Field {
	return []ent.Field{caseID(),
		field.Time("due_at"),
		field.Time("done_at").Optional().Nillable(),
		textcheck.MaxChars(field.String("note").Optional(), 2000).Sensitive(),
	}
}

// Edges of a follow-up.
func (FollowUp) Edges() []ent.Edge {
	return []ent.Edge{edge.From("case", CaseFile.Type).Ref("follow_ups").Field("case_id").Unique().Required().Immutable()}
}

// Indexes of a follow-up.
func (FollowUp) Indexes() []ent.Index { return []ent.Index{index.Fields("case_id", "due_at")} }

// Policy: as the case.
func (FollowUp) Policy() ent.Policy { return rule.CaseChildPolicy() }

// Annotations of a follow-up.
func (FollowUp) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// CourtDate is a hearing in the victim's case.
type CourtDate struct {
	ent.Schema
}

// Mixin gives court dates "crt_" IDs.
func (CourtDate) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("crt")} }

// Fields of a court date.
func (CourtDate) Fields() []ent.Field {
	return []ent.Field{caseID(),
		field.Time("at"),
		textcheck.MaxChars(field.String("court_name").NotEmpty(), 200),
		textcheck.MaxChars(field.String("street").Optional(), 200),
		textcheck.MaxChars(field.String("city").Optional(), 100),
		textcheck.MaxChars(field.String("state").Optional(), 50),
		textcheck.MaxChars(field.String("postal_code").Optional(), 20),
		field.Enum("hearing").
			Values("ARRAIGNMENT", "PRELIMINARY_HEARING", "STATUS_HEARING", "TRIAL", "SENTENCING", "OTHER").
			Default("OTHER").
			Annotations(entgql.Type("HearingType")),
	}
}

// Edges of a court date.
func (CourtDate) Edges() []ent.Edge {
	return []ent.Edge{edge.From("case", CaseFile.Type).Ref("court_dates").Field("case_id").Unique().Required().Immutable()}
}

// Indexes of a court date: by case, and by date for the reminders' sweep.
func (CourtDate) Indexes() []ent.Index {
	return []ent.Index{index.Fields("case_id", "at"), index.Fields("at")}
}

// Policy: as the case.
func (CourtDate) Policy() ent.Policy { return rule.CaseChildPolicy() }

// Annotations of a court date.
func (CourtDate) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// CaseSession is a victim's signed-in session for one case. Only a hash of
// its bearer token is stored.
type CaseSession struct {
	ent.Schema
}

// Mixin gives sessions "css_" IDs.
func (CaseSession) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("css")} }

// Fields of a session.
func (CaseSession) Fields() []ent.Field {
	return []ent.Field{caseID(),
		field.String("token_hash").Unique().Immutable().Sensitive().
			Comment("SHA-256 of the bearer token, hex."),
		field.Time("created_at").Default(time.Now).Immutable(),
		field.Time("expires_at").Comment("Slides forward with use, up to the absolute limit."),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

// Edges of a session.
func (CaseSession) Edges() []ent.Edge {
	return []ent.Edge{edge.From("case", CaseFile.Type).Ref("sessions").Field("case_id").Unique().Required().Immutable()}
}

// Policy: only the session machinery (system context) reads and writes sessions.
func (CaseSession) Policy() ent.Policy { return rule.SystemOnlyPolicy() }

// Annotations of a session.
func (CaseSession) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Feedback is the victim's satisfaction rating of their case: one per case,
// updatable.
type Feedback struct {
	ent.Schema
}

// Mixin gives feedback "fbk_" IDs.
func (Feedback) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("fbk")} }

// Fields of feedback.
func (Feedback) Fields() []ent.Field {
	return []ent.Field{caseID(),
		field.Int("rating").Range(1, 5),
		textcheck.MaxChars(field.Text("comment").Optional(), 2000).Sensitive(),
		field.Time("submitted_at").Default(time.Now),
	}
}

// Edges of feedback.
func (Feedback) Edges() []ent.Edge {
	return []ent.Edge{edge.From("case", CaseFile.Type).Ref("feedback").Field("case_id").Unique().Required().Immutable()}
}

// Indexes: one per case.
func (Feedback) Indexes() []ent.Index {
	return []ent.Index{index.Fields("case_id").Unique(), index.Fields("submitted_at")}
}

// Policy: as the case.
func (Feedback) Policy() ent.Policy { return rule.FeedbackPolicy() }

// Annotations of feedback.
func (Feedback) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// RateEvent counts attempts for rate limits that must hold across server
// processes (failed sign-ins per case and per client, intakes per client).
// Keys are hashes: no case number or address is stored in clear.
type RateEvent struct {
	ent.Schema
}

// Mixin gives rate events "rte_" IDs.
func (RateEvent) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("rte")} }

// Fields of a rate event.
func (RateEvent) Fields() []ent.Field {
	return []ent.Field{
		field.String("bucket").Immutable(),
		field.String("key").Immutable().Comment("SHA-256 of the limited thing, hex."),
		field.Time("at").Default(time.Now).Immutable(),
	}
}

// Indexes of a rate event.
func (RateEvent) Indexes() []ent.Index { return []ent.Index{index.Fields("bucket", "key", "at")} }

// Policy: system only.
func (RateEvent) Policy() ent.Policy { return rule.SystemOnlyPolicy() }

// Annotations of a rate event.
func (RateEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// AuditRecord says who did what to which case and when: every staff read of a
// case and every write, in the same transaction as the change. No personal
// data: IDs and action names only.
type AuditRecord struct {
	ent.Schema
}

// Mixin gives audit records "aud_" IDs.
func (AuditRecord) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("aud")} }

// Fields of an audit record.
func (AuditRecord) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("actor_kind").Values("STAFF", "VICTIM", "PUBLIC", "SYSTEM").Immutable(),
		field.String("actor_id").Optional().Immutable(),
		field.String("action").Immutable(),
		field.String("case_id").GoType(nodeid.ID("")).Optional().Immutable(),
		field.String("subject_id").Optional().Immutable().
			Comment("The record acted on when it is not a case (a staff account)."),
		field.String("request_id").Optional().Immutable(),
		field.Time("at").Default(time.Now).Immutable(),
	}
}

// Indexes of an audit record.
func (AuditRecord) Indexes() []ent.Index {
	return []ent.Index{index.Fields("case_id", "at"), index.Fields("actor_id", "at")}
}

// Policy: written by the system; read by supervisors.
func (AuditRecord) Policy() ent.Policy { return rule.AuditPolicy() }

// Annotations of an audit record.
func (AuditRecord) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
