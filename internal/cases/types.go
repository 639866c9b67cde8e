package cases

import (
	"time"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/courtdate"
	"victimservices/ent/notification"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/phone"
	"victimservices/ent/service"
	"victimservices/internal/directory"
)

// The types below are the GraphQL types of the same name (gqlgen.yml binds
// them; their descriptions are in graph/cases.graphqls), so the domain takes
// and answers them directly.

// SupportRequestInput is a request for help.
type SupportRequestInput struct {
	PreferredLocale    string                 `json:"preferredLocale"`
	ContactMethod      casefile.ContactMethod `json:"contactMethod"`
	Phone              *string                `json:"phone,omitempty"`
	Email              *string                `json:"email,omitempty"`
	SafeToLeaveMessage bool                   `json:"safeToLeaveMessage"`
	Needs              []service.Category     `json:"needs,omitempty"`
	SafeContactTimes   *string                `json:"safeContactTimes,omitempty"`
	Description        *string                `json:"description,omitempty"`
	SafeNow            *bool                  `json:"safeNow,omitempty"`
	ImmediateDanger    *bool                  `json:"immediateDanger,omitempty"`
	// NotificationChannel, ContactWindows and TimeZone are the
	// notification preferences (see NotificationPreferences); the channel
	// defaults from ContactMethod.
	NotificationChannel *casefile.NotifyChannel `json:"notificationChannel,omitempty"`
	ContactWindows      []*hours.Period         `json:"contactWindows,omitempty"`
	TimeZone            *string                 `json:"timeZone,omitempty"`
}

// SupportRequestPayload is what the person needs to see their case: shown
// once, never again.
type SupportRequestPayload struct {
	CaseNumber        string                        `json:"caseNumber"`
	AccessCode        string                        `json:"accessCode"`
	Urgent            bool                          `json:"urgent"`
	EmergencyMessage  *string                       `json:"emergencyMessage,omitempty"`
	EmergencyContacts []*directory.EmergencyContact `json:"emergencyContacts"`
}

// CaseSessionPayload is a new victim session (the GraphQL CaseSession).
type CaseSessionPayload struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// AccessCodePayload is a reissued access code, shown once.
type AccessCodePayload struct {
	AccessCode string        `json:"accessCode"`
	Case       *ent.CaseFile `json:"case"`
}

// CourtDateInput is a hearing to add.
type CourtDateInput struct {
	At         time.Time          `json:"at"`
	CourtName  string             `json:"courtName"`
	Street     *string            `json:"street,omitempty"`
	City       *string            `json:"city,omitempty"`
	State      *string            `json:"state,omitempty"`
	PostalCode *string            `json:"postalCode,omitempty"`
	Hearing    *courtdate.Hearing `json:"hearing,omitempty"`
}

// FeedbackInput is the victim's rating of their case.
type FeedbackInput struct {
	Rating  int     `json:"rating"`
	Comment *string `json:"comment,omitempty"`
}

// Advocate is what the victim sees of their advocate.
type Advocate struct {
	DisplayName string       `json:"displayName"`
	Phone       *phone.Phone `json:"phone,omitempty"`
	Email       *string      `json:"email,omitempty"`
}

// ReferralPacket is exactly what may go to a referral's partner.
type ReferralPacket struct {
	Phone           *string `json:"phone,omitempty"`
	Email           *string `json:"email,omitempty"`
	SafeContact     *string `json:"safeContact,omitempty"`
	PreferredLocale *string `json:"preferredLocale,omitempty"`
	Summary         *string `json:"summary,omitempty"`
}

// Metric is one KPI against its goal and baseline.
type Metric struct {
	Current    *float64 `json:"current,omitempty"`
	Goal       float64  `json:"goal"`
	Baseline   float64  `json:"baseline"`
	Unit       string   `json:"unit"`
	SampleSize int      `json:"sampleSize"`
}

// PartnerReferrals counts one partner's referrals.
type PartnerReferrals struct {
	Partner   *ent.Organization `json:"partner"`
	Total     int               `json:"total"`
	Accepted  int               `json:"accepted"`
	Completed int               `json:"completed"`
	Declined  int               `json:"declined"`
}

// PerformanceReport is the unit's KPIs over a period.
type PerformanceReport struct {
	InitialContact       *Metric             `json:"initialContact"`
	CaseResolution       *Metric             `json:"caseResolution"`
	Satisfaction         *Metric             `json:"satisfaction"`
	UrgentInitialContact *Metric             `json:"urgentInitialContact"`
	Referrals            []*PartnerReferrals `json:"referrals"`
	From                 time.Time           `json:"from"`
	To                   time.Time           `json:"to"`
	InitialContactGoal   *GoalAttainment     `json:"initialContactGoal"`
	ResolutionGoal       *GoalAttainment     `json:"resolutionGoal"`
	SatisfactionGoal     *GoalAttainment     `json:"satisfactionGoal"`
	FeedbackResponseRate *float64            `json:"feedbackResponseRate,omitempty"`
	NotificationDelivery []*ChannelDelivery  `json:"notificationDelivery"`
}

// GoalAttainment counts the cases that met a goal.
type GoalAttainment struct {
	Met int `json:"met"`
	Of  int `json:"of"`
}

// ChannelDelivery counts one channel's notifications by how they stand.
type ChannelDelivery struct {
	Channel  notification.Channel `json:"channel"`
	Sent     int                  `json:"sent"`
	Failed   int                  `json:"failed"`
	Deferred int                  `json:"deferred"`
}
