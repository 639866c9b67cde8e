package hsds

import (
	"victimservices/ent/schema/hours"
)

// Dataset is one locale's export of the public directory, and what
// import-hsds reads: every organization, every service (fully nested, as the
// API's /services/{id} serves it) and every location.
type Dataset struct {
	// Locale is the project's locale code the text was served in ("en",
	// "es", …); an HSDS extension, read by import-hsds when -locale is not
	// given.
	Locale        string         `json:"x_locale,omitempty"`
	Organizations []Organization `json:"organizations"`
	Services      []Service      `json:"services"`
	Locations     []Location     `json:"locations"`
}

// Organization is an HSDS organization.
type Organization struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Email       string   `json:"email,omitempty"`
	Website     string   `json:"website,omitempty"`
	Phones      []Phone  `json:"phones,omitempty"`
	Ext         *OrgExt  `json:"x_victimservices,omitempty"`
	modified    int64    // unix seconds of the last change (updated_at)
	search      []string // text the search parameter matches
}

// OrgExt is what HSDS has no field for on an organization.
type OrgExt struct {
	Kind      string `json:"kind,omitempty"`
	SortOrder int    `json:"sort_order"`
}

// Service is an HSDS service, with its nested records.
type Service struct {
	ID                 string              `json:"id"`
	OrganizationID     string              `json:"organization_id,omitempty"`
	Name               string              `json:"name"`
	Description        string              `json:"description,omitempty"`
	Email              string              `json:"email,omitempty"`
	Status             string              `json:"status"`
	Schedules          []Schedule          `json:"schedules,omitempty"`
	Languages          []Language          `json:"languages,omitempty"`
	ServiceAtLocations []ServiceAtLocation `json:"service_at_locations,omitempty"`
	Phones             []Phone             `json:"phones,omitempty"`
	ServiceAreas       []ServiceArea       `json:"service_areas,omitempty"`
	Ext                *ServiceExt         `json:"x_victimservices,omitempty"`
	modified           int64
	search             []string
}

// ServiceExt is what HSDS has no field for on a service.
type ServiceExt struct {
	Category  string          `json:"category,omitempty"`
	National  bool            `json:"national,omitempty"`
	SortOrder int             `json:"sort_order"`
	Hours     *hours.Schedule `json:"hours,omitempty"`
}

// Location is an HSDS location.
type Location struct {
	ID            string          `json:"id"`
	LocationType  string          `json:"location_type"`
	Name          string          `json:"name,omitempty"`
	Latitude      *float64        `json:"latitude,omitempty"`
	Longitude     *float64        `json:"longitude,omitempty"`
	Accessibility []Accessibility `json:"accessibilitys,omitempty"`
	Schedules     []Schedule      `json:"schedules,omitempty"`
	Addresses     []Address       `json:"addresss,omitempty"`
	Ext           *LocationExt    `json:"x_victimservices,omitempty"`
}

// LocationExt is what HSDS has no field for on a location.
type LocationExt struct {
	ADAAccessible bool            `json:"ada_accessible,omitempty"`
	Neighborhood  string          `json:"neighborhood,omitempty"`
	Hours         *hours.Schedule `json:"hours,omitempty"`
}

// ServiceAtLocation links a service and a location, the location nested.
type ServiceAtLocation struct {
	ID         string    `json:"id"`
	ServiceID  string    `json:"service_id"`
	LocationID string    `json:"location_id"`
	Location   *Location `json:"location,omitempty"`
}

// Phone is an HSDS phone.
type Phone struct {
	ID          string    `json:"id"`
	Number      string    `json:"number"`
	Type        string    `json:"type,omitempty"`
	Description string    `json:"description,omitempty"`
	Ext         *PhoneExt `json:"x_victimservices,omitempty"`
}

// PhoneExt is what HSDS has no field for on a phone.
type PhoneExt struct {
	Kind    string `json:"kind"`
	SMSBody string `json:"sms_body,omitempty"`
}

// Schedule is one HSDS schedule row: a weekly recurrence (RFC 5545 RRULE
// parts) with opening and closing times.
type Schedule struct {
	ID          string `json:"id"`
	Freq        string `json:"freq,omitempty"`
	ByDay       string `json:"byday,omitempty"`
	OpensAt     string `json:"opens_at,omitempty"`
	ClosesAt    string `json:"closes_at,omitempty"`
	Description string `json:"description,omitempty"`
}

// Language is a language a service is delivered in.
type Language struct {
	ID   string `json:"id"`
	Code string `json:"code"`
	Name string `json:"name,omitempty"`
}

// ServiceArea is a ZIP code or neighbourhood a service serves.
type ServiceArea struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// Accessibility describes access to a location for people with disabilities.
type Accessibility struct {
	ID          string `json:"id"`
	Description string `json:"description,omitempty"`
	Details     string `json:"details,omitempty"`
}

// Address is a location's physical address.
type Address struct {
	ID            string `json:"id"`
	Address1      string `json:"address_1"`
	City          string `json:"city"`
	Region        string `json:"region,omitempty"`
	StateProvince string `json:"state_province"`
	PostalCode    string `json:"postal_code"`
	Country       string `json:"country"`
	AddressType   string `json:"address_type"`
}
