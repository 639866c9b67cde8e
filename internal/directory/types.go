package directory

import (
	"time"

	"victimservices/ent"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/phone"
	"victimservices/ent/servicetranslation"
)

// The types below are the GraphQL types of the same name (gqlgen.yml binds
// them), so the domain answers in them directly.

// EmergencyContact is a line to call at once, in the reader's language.
type EmergencyContact struct {
	Name         string         `json:"name"`
	ServedLocale string         `json:"servedLocale"`
	Description  *string        `json:"description,omitempty"`
	Phones       []*phone.Phone `json:"phones"`
	Service      *ent.Service   `json:"service"`
	// TranslationReview is the review status of the served text.
	TranslationReview Review `json:"translationReview"`
}

// Translation is one locale's text of a service, organization or location.
type Translation struct {
	Locale            string                          `json:"locale"`
	Name              string                          `json:"name"`
	Description       *string                         `json:"description,omitempty"`
	Status            servicetranslation.Status       `json:"status"`
	MachineTranslated bool                            `json:"machineTranslated"`
	ReviewStatus      servicetranslation.ReviewStatus `json:"reviewStatus"`
	ReviewedBy        *string                         `json:"reviewedBy,omitempty"`
	ReviewedAt        *time.Time                      `json:"reviewedAt,omitempty"`
	UpdatedAt         time.Time                       `json:"updatedAt"`
}

// Review is who checked a text and when (the GraphQL TranslationReview,
// which shows the public the status and the date, not the name).
type Review struct {
	Status     servicetranslation.ReviewStatus `json:"status"`
	ReviewedBy *string                         `json:"reviewedBy,omitempty"`
	ReviewedAt *time.Time                      `json:"reviewedAt,omitempty"`
}

// SaveTranslationInput is one locale's text of a service, organization or
// location, found by the prefix of OwnerID.
type SaveTranslationInput struct {
	OwnerID           nodeid.ID `json:"ownerId"`
	Locale            string    `json:"locale"`
	Name              string    `json:"name"`
	Description       *string   `json:"description,omitempty"`
	MachineTranslated *bool     `json:"machineTranslated,omitempty"`
	Publish           *bool     `json:"publish,omitempty"`
}

// SaveResourceTranslationInput is one locale's text of a guide.
type SaveResourceTranslationInput struct {
	ResourceID        nodeid.ID `json:"resourceId"`
	Locale            string    `json:"locale"`
	Title             string    `json:"title"`
	Summary           *string   `json:"summary,omitempty"`
	Body              string    `json:"body"`
	MachineTranslated *bool     `json:"machineTranslated,omitempty"`
	Publish           *bool     `json:"publish,omitempty"`
}

// LocaleCoverage is how much of the directory and the guides one locale has.
type LocaleCoverage struct {
	Locale    string         `json:"locale"`
	Services  *CoverageCount `json:"services"`
	Partners  *CoverageCount `json:"partners"`
	Resources *CoverageCount `json:"resources"`
	Percent   float64        `json:"percent"`
}

// CoverageCount counts the published items of one kind, listing the
// missing, and the published by review status.
type CoverageCount struct {
	Published int         `json:"published"`
	Total     int         `json:"total"`
	Missing   []ent.Noder `json:"missing"`
	Machine   int         `json:"machine"`
	Reviewed  int         `json:"reviewed"`
	Approved  int         `json:"approved"`
}
