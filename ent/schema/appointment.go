package schema

import (
	"context"
	"fmt"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/rule"
	"victimservices/ent/schema/textcheck"
)

// AppointmentAvailability is when a by-appointment service can be booked:
// weekly periods in the service's time zone (its hours' zone), the dates it
// takes no appointments, and how long one appointment is. One per service;
// staff (supervisors, directory editors) set it.
type AppointmentAvailability struct {
	ent.Schema
}

// Mixin gives availabilities "avl_" IDs.
func (AppointmentAvailability) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("avl")} }

// Fields of an availability.
func (AppointmentAvailability) Fields() []ent.Field {
	return []ent.Field{
		field.String("service_id").GoType(nodeid.ID("")).Immutable(),
		field.JSON("periods", []hours.Period{}).Optional().
			Comment("Weekly bookable periods, in the service's time zone."),
		field.JSON("closures", []hours.Closure{}).Optional().
			Comment("Dates (YYYY-MM-DD in the service's zone) with no appointments."),
		field.Int("slot_minutes").Range(5, 8*60).Default(60).
			Comment("Length of one appointment."),
		field.Time("updated_at").Default(time.Now),
	}
}

// Edges of an availability.
func (AppointmentAvailability) Edges() []ent.Edge {
	return []ent.Edge{edge.To("service", Service.Type).Field("service_id").Unique().Required().Immutable()}
}

// Indexes: one per service.
func (AppointmentAvailability) Indexes() []ent.Index {
	return []ent.Index{index.Fields("service_id").Unique()}
}

// Policy: everyone reads (the free slots are public); supervisors and
// directory editors write.
func (AppointmentAvailability) Policy() ent.Policy { return rule.AvailabilityPolicy() }

// Annotations of an availability.
func (AppointmentAvailability) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Appointment is a victim's appointment with a by-appointment service,
// requested from their session and confirmed, moved or cancelled by staff.
// Every step is a change of the case (internal/cases). Two active
// appointments of one service never start at the same instant: a partial
// unique index, not a check, so concurrent requests cannot both win.
type Appointment struct {
	ent.Schema
}

// Mixin gives appointments "apt_" IDs.
func (Appointment) Mixin() []ent.Mixin { return []ent.Mixin{nodeid.Mixin("apt")} }

// Fields of an appointment.
func (Appointment) Fields() []ent.Field {
	return []ent.Field{caseID(),
		field.String("service_id").GoType(nodeid.ID("")).Immutable(),
		field.Time("starts_at"),
		field.Time("ends_at"),
		field.Enum("status").Values("REQUESTED", "CONFIRMED", "CANCELLED").Default("REQUESTED").
			Annotations(entgql.Type("AppointmentStatus")),
		field.Bool("active").Default(true).
			Comment("False once cancelled (set from status by a hook): only active appointments hold their slot."),
		field.Int("sequence").Default(0).
			Comment("The iCalendar SEQUENCE: increases with every step after the request, so calendars replace the old copy."),
		textcheck.MaxChars(field.String("note").Optional(), 2000).Sensitive().
			Comment("Staff's note for the person (why it moved or was cancelled)."),
		field.Time("created_at").Default(time.Now).Immutable(),
		field.Time("updated_at").Default(time.Now),
	}
}

// Edges of an appointment.
func (Appointment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("case", CaseFile.Type).Ref("appointments").Field("case_id").Unique().Required().Immutable(),
		edge.To("service", Service.Type).Field("service_id").Unique().Required().Immutable(),
	}
}

// Indexes of an appointment: no double booking (active appointments of a
// service start at distinct instants), by case, and by service and time for
// the free slots.
func (Appointment) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("service_id", "starts_at").Unique().
			Annotations(entsql.IndexWhere("active")).
			StorageKey("appointments_active_slot"),
		index.Fields("case_id", "starts_at"),
	}
}

// Hooks keep active in step with status.
func (Appointment) Hooks() []ent.Hook { return []ent.Hook{appointmentActiveHook()} }

// appointmentActiveHook sets active whenever status is set: an appointment
// holds its slot until it is cancelled. (The predicate of the partial index
// is a plain boolean so that PostgreSQL prints it back as written and the
// migration check sees no drift.)
func appointmentActiveHook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if status, ok := m.Field("status"); ok {
				if err := m.SetField("active", fmt.Sprint(status) != "CANCELLED"); err != nil {
					return nil, err
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

// Policy: as the case (the victim their own, in the victim view; an
// advocate those of their cases; supervisors all); the victim writes only
// their own request and its cancellation.
func (Appointment) Policy() ent.Policy { return rule.AppointmentPolicy() }

// Annotations of an appointment.
func (Appointment) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
