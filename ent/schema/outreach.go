package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/rule"
	"victimservices/ent/schema/sealed"
	"victimservices/ent/schema/textcheck"
)

// CaseMessage is a message between the victim and their advocate. It is
// written through the case change path (audited, live) but does not bump the
// case's version: a victim's message must not turn an advocate's edit into a
// CONFLICT. Only the assigned advocate, supervisors and the victim's own
// session read it.
type CaseMessage struct {
	ent.Schema
}

// Mixin gives messages "msg_" IDs.
func (CaseMessage) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("msg")} }

// Fields of a message.
func (CaseMessage) Fields() []ent.Field {
	return []ent.Field{caseID(),
		field.Enum("direction").Values("FROM_VICTIM", "TO_VICTIM").Immutable().
			Annotations(entgql.Type("MessageDirection")),
		textcheck.MaxChars(field.Text("body").NotEmpty(), 2000).Sensitive().Immutable().ValueScanner(sealed.Field).
			Comment("What was written, in locale (sealed at rest); for a template, its text in the victim's language when sent."),
		field.String("template").Optional().Immutable().
			Comment("The pre-translated template it was written from (its message ID), shown in each reader's language."),
		field.String("locale").Immutable().Comment("Language of body."),
		field.String("author_id").Optional().Immutable().
			Comment("The staff member who wrote a TO_VICTIM message."),
		field.Time("sent_at").Default(time.Now).Immutable(),
		field.Time("read_at").Optional().Nillable().
			Comment("When the other side first read it (the read receipt)."),
	}
}

// Edges of a message.
func (CaseMessage) Edges() []ent.Edge {
	return []ent.Edge{edge.From("case", CaseFile.Type).Ref("messages").Field("case_id").Unique().Required().Immutable()}
}

// Indexes of a message.
func (CaseMessage) Indexes() []ent.Index {
	return []ent.Index{index.Fields("case_id", "sent_at"), index.Fields("case_id", "direction", "read_at")}
}

// Policy: as the case; a victim writes only their own messages and marks
// only the advocate's as read.
func (CaseMessage) Policy() ent.Policy { return rule.CaseMessagePolicy() }

// Annotations of a message.
func (CaseMessage) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Notification is one message outside the app (SMS or email), to a victim
// about their case or to staff: the outbox. It is written in the same
// transaction as what causes it and delivered by the job queue; its row
// says where delivery stands. Its content is rendered when it is sent and
// never holds details of the case or the access code (see
// internal/outreach).
type Notification struct {
	ent.Schema
}

// Mixin gives notifications "ntf_" IDs.
func (Notification) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("ntf")} }

// Fields of a notification.
func (Notification) Fields() []ent.Field {
	return []ent.Field{
		field.String("case_id").GoType(nodeid.ID("")).Optional().Immutable().
			Comment("The case it is about (none for an advocate's daily digest)."),
		field.Enum("audience").Values("VICTIM", "STAFF").Immutable(),
		field.String("staff_id").Optional().Default("").Immutable().Comment("The staff recipient of a STAFF notification."),
		field.Enum("topic").Values(
			"STATUS_CHANGED", "ADVOCATE_ASSIGNED", "COURT_DATE_ADDED", "COURT_DATE_CHANGED", "COURT_DATE_CANCELLED",
			"REFERRAL_UPDATED", "CLAIM_UPDATED", "FOLLOW_UP_SCHEDULED", "MESSAGE", "COURT_REMINDER_WEEK", "COURT_REMINDER_DAY", "FEEDBACK_REQUEST",
			"FIRST_CONTACT_DUE", "RESOLUTION_DUE", "ADVOCATE_DIGEST",
			"APPOINTMENT_CONFIRMED", "APPOINTMENT_RESCHEDULED", "APPOINTMENT_CANCELLED", "APPOINTMENT_REQUESTED").Immutable().
			Annotations(entgql.Type("NotificationTopic")),
		field.Enum("channel").Values("SMS", "EMAIL").
			Annotations(entgql.Type("DeliveryChannel")),
		field.Enum("status").Values("PENDING", "SENDING", "SENT", "DELIVERED", "FAILED", "DEAD", "SKIPPED", "FOLDED").
			Default("PENDING").Annotations(entgql.Type("NotificationStatus")),
		field.String("dedupe_key").Optional().Nillable().Unique().Immutable().
			Comment("Makes a scheduled reminder once-only across sweeps and replicas."),
		field.Time("created_at").Default(time.Now).Immutable(),
		field.Time("not_before").Comment("Not sent before this instant (the start of a safe window, the hourly limit)."),
		field.Time("sent_at").Optional().Nillable(),
		field.Int("attempts").Default(0),
		field.String("last_error").Optional().Default("").Comment("The provider's error code or status; never personal data."),
		field.String("transport").Optional().Default("").Comment("smtp, sms or local (the development outbox)."),
		field.String("provider_id").Optional().Default("").Comment("The provider's message ID, for delivery reports."),
		field.String("ref_id").Optional().Default("").Immutable().Comment("The court date a reminder is about."),
		field.String("folded_into").Optional().Default("").Comment("The notification whose digest carried this one."),
		field.Bool("neutral").Default(false).Comment("Sent with the neutral text (not safe to leave a message)."),
		field.String("locale").Optional().Default(""),
		field.String("subject").Optional().Default("").Comment("As sent (email)."),
		field.Text("body").Optional().Default("").Comment("As sent: an event title or the neutral text, or a staff alert."),
	}
}

// Indexes of a notification.
func (Notification) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("case_id", "status"),
		index.Fields("case_id", "sent_at"),
		index.Fields("status", "not_before"),
		index.Fields("provider_id"),
		index.Fields("created_at"),
	}
}

// Policy: supervisors read every notification, advocates those of their
// cases; only the outreach machinery writes.
func (Notification) Policy() ent.Policy { return rule.NotificationPolicy() }

// Annotations of a notification.
func (Notification) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
