package directory

import (
	"context"
	"time"

	"victimservices/ent"
	"victimservices/ent/locationtranslation"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/servicetranslation"
	"victimservices/internal/request"
	"victimservices/locales"
)

// SaveTranslation creates or replaces one locale's text of a service,
// organization or location, found by the prefix of its ID.
func SaveTranslation(ctx context.Context, c *ent.Client, in SaveTranslationInput) (*Translation, error) {
	status := "DRAFT"
	if in.Publish != nil && *in.Publish {
		status = "PUBLISHED"
	}
	rv, err := savedReview(ctx, c, in.MachineTranslated != nil && *in.MachineTranslated)
	if err != nil {
		return nil, err
	}
	description := ""
	if in.Description != nil {
		description = *in.Description
	}
	switch in.OwnerID.Prefix() {
	case "svc":
		owner, err := c.Service.Get(ctx, in.OwnerID)
		if err != nil {
			return nil, err
		}
		err = c.ServiceTranslation.Create().
			SetServiceID(in.OwnerID).SetLocale(in.Locale).SetName(in.Name).SetDescription(description).
			SetReviewStatus(servicetranslation.ReviewStatus(rv.Status)).SetNillableReviewedBy(rv.ReviewedBy).SetNillableReviewedAt(rv.ReviewedAt).
			SetStatus(servicetranslation.Status(status)).
			OnConflictColumns(servicetranslation.FieldServiceID, servicetranslation.FieldLocale).
			UpdateNewValues().Update(func(u *ent.ServiceTranslationUpsert) {
			if rv.ReviewedBy == nil {
				u.ClearReviewedBy()
			}
			if rv.ReviewedAt == nil {
				u.ClearReviewedAt()
			}
		}).Exec(ctx)
		if err != nil {
			return nil, err
		}
		if in.Locale == locales.DefaultCode {
			if err := ensureServiceSlug(ctx, c, owner, in.Name); err != nil {
				return nil, err
			}
		}
		t, err := c.ServiceTranslation.Query().Where(servicetranslation.ServiceID(in.OwnerID), servicetranslation.Locale(in.Locale)).Only(ctx)
		return ServiceTranslation(t), err
	case "org":
		owner, err := c.Organization.Get(ctx, in.OwnerID)
		if err != nil {
			return nil, err
		}
		err = c.OrganizationTranslation.Create().
			SetOrganizationID(in.OwnerID).SetLocale(in.Locale).SetName(in.Name).SetDescription(description).
			SetReviewStatus(organizationtranslation.ReviewStatus(rv.Status)).SetNillableReviewedBy(rv.ReviewedBy).SetNillableReviewedAt(rv.ReviewedAt).
			SetStatus(organizationtranslation.Status(status)).
			OnConflictColumns(organizationtranslation.FieldOrganizationID, organizationtranslation.FieldLocale).
			UpdateNewValues().Update(func(u *ent.OrganizationTranslationUpsert) {
			if rv.ReviewedBy == nil {
				u.ClearReviewedBy()
			}
			if rv.ReviewedAt == nil {
				u.ClearReviewedAt()
			}
		}).Exec(ctx)
		if err != nil {
			return nil, err
		}
		if in.Locale == locales.DefaultCode {
			if err := ensureOrganizationSlug(ctx, c, owner, in.Name); err != nil {
				return nil, err
			}
		}
		t, err := c.OrganizationTranslation.Query().Where(organizationtranslation.OrganizationID(in.OwnerID), organizationtranslation.Locale(in.Locale)).Only(ctx)
		return OrganizationTranslation(t), err
	case "loc":
		if _, err := c.Location.Get(ctx, in.OwnerID); err != nil {
			return nil, err
		}
		err = c.LocationTranslation.Create().
			SetLocationID(in.OwnerID).SetLocale(in.Locale).SetName(in.Name).SetAccessibilityNotes(description).
			SetReviewStatus(locationtranslation.ReviewStatus(rv.Status)).SetNillableReviewedBy(rv.ReviewedBy).SetNillableReviewedAt(rv.ReviewedAt).
			SetStatus(locationtranslation.Status(status)).
			OnConflictColumns(locationtranslation.FieldLocationID, locationtranslation.FieldLocale).
			UpdateNewValues().Update(func(u *ent.LocationTranslationUpsert) {
			if rv.ReviewedBy == nil {
				u.ClearReviewedBy()
			}
			if rv.ReviewedAt == nil {
				u.ClearReviewedAt()
			}
		}).Exec(ctx)
		if err != nil {
			return nil, err
		}
		t, err := c.LocationTranslation.Query().Where(locationtranslation.LocationID(in.OwnerID), locationtranslation.Locale(in.Locale)).Only(ctx)
		return LocationTranslation(t), err
	}
	return nil, errcode.ErrNotFound
}

// SetTranslationPublished publishes or unpublishes one locale's text.
func SetTranslationPublished(ctx context.Context, c *ent.Client, owner nodeid.ID, locale string, published bool) (*Translation, error) {
	status := "DRAFT"
	if published {
		status = "PUBLISHED"
	}
	switch owner.Prefix() {
	case "svc":
		t, err := c.ServiceTranslation.Query().
			Where(servicetranslation.ServiceID(owner), servicetranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		t, err = t.Update().SetStatus(servicetranslation.Status(status)).Save(ctx)
		return ServiceTranslation(t), err
	case "org":
		t, err := c.OrganizationTranslation.Query().
			Where(organizationtranslation.OrganizationID(owner), organizationtranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		t, err = t.Update().SetStatus(organizationtranslation.Status(status)).Save(ctx)
		return OrganizationTranslation(t), err
	case "loc":
		t, err := c.LocationTranslation.Query().
			Where(locationtranslation.LocationID(owner), locationtranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		t, err = t.Update().SetStatus(locationtranslation.Status(status)).Save(ctx)
		return LocationTranslation(t), err
	}
	return nil, errcode.ErrNotFound
}

// ServiceTranslation is a service's translation row as the API shows it.
func ServiceTranslation(t *ent.ServiceTranslation) *Translation {
	if t == nil {
		return nil
	}
	rv := review(t.ReviewStatus, t.ReviewedBy, t.ReviewedAt)
	return &Translation{Locale: t.Locale, Name: t.Name, Description: optional(t.Description),
		Status: servicetranslation.Status(t.Status), MachineTranslated: rv.Status == servicetranslation.ReviewStatusMACHINE,
		ReviewStatus: rv.Status, ReviewedBy: rv.ReviewedBy, ReviewedAt: rv.ReviewedAt, UpdatedAt: t.UpdatedAt}
}

// OrganizationTranslation is an organization's translation row as the API shows it.
func OrganizationTranslation(t *ent.OrganizationTranslation) *Translation {
	if t == nil {
		return nil
	}
	rv := review(t.ReviewStatus, t.ReviewedBy, t.ReviewedAt)
	return &Translation{Locale: t.Locale, Name: t.Name, Description: optional(t.Description),
		Status: servicetranslation.Status(t.Status), MachineTranslated: rv.Status == servicetranslation.ReviewStatusMACHINE,
		ReviewStatus: rv.Status, ReviewedBy: rv.ReviewedBy, ReviewedAt: rv.ReviewedAt, UpdatedAt: t.UpdatedAt}
}

// LocationTranslation is a location's translation row as the API shows it.
func LocationTranslation(t *ent.LocationTranslation) *Translation {
	if t == nil {
		return nil
	}
	rv := review(t.ReviewStatus, t.ReviewedBy, t.ReviewedAt)
	return &Translation{Locale: t.Locale, Name: t.Name, Description: optional(t.AccessibilityNotes),
		Status: servicetranslation.Status(t.Status), MachineTranslated: rv.Status == servicetranslation.ReviewStatusMACHINE,
		ReviewStatus: rv.Status, ReviewedBy: rv.ReviewedBy, ReviewedAt: rv.ReviewedAt, UpdatedAt: t.UpdatedAt}
}

// ReviewTranslation records the review of one locale's text of a service,
// organization or location (found by the prefix of owner): REVIEWED or
// APPROVED under the editor's work name at the request's instant, MACHINE
// clearing both. The text is unchanged. Only directory editors may (the
// translation tables' privacy policy); the row must exist (NOT_FOUND).
func ReviewTranslation(ctx context.Context, c *ent.Client, owner nodeid.ID, locale string, status servicetranslation.ReviewStatus) (*Translation, error) {
	rv, err := reviewBy(ctx, c, status)
	if err != nil {
		return nil, err
	}
	switch owner.Prefix() {
	case "svc":
		t, err := c.ServiceTranslation.Query().Where(servicetranslation.ServiceID(owner), servicetranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		u := withReviewer(t.Update().SetReviewStatus(rv.Status), rv)
		t, err = u.Save(ctx)
		return ServiceTranslation(t), err
	case "org":
		t, err := c.OrganizationTranslation.Query().Where(organizationtranslation.OrganizationID(owner), organizationtranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		u := withReviewer(t.Update().SetReviewStatus(organizationtranslation.ReviewStatus(rv.Status)), rv)
		t, err = u.Save(ctx)
		return OrganizationTranslation(t), err
	case "loc":
		t, err := c.LocationTranslation.Query().Where(locationtranslation.LocationID(owner), locationtranslation.Locale(locale)).Only(ctx)
		if err != nil {
			return nil, err
		}
		u := withReviewer(t.Update().SetReviewStatus(locationtranslation.ReviewStatus(rv.Status)), rv)
		t, err = u.Save(ctx)
		return LocationTranslation(t), err
	}
	return nil, errcode.ErrNotFound
}

// savedReview is the review text saved through the API starts with: a
// machine's text is MACHINE; text a person saved is REVIEWED by the saving
// editor. A new text is never APPROVED: approval is of a text, recorded
// after it is saved (ReviewTranslation).
func savedReview(ctx context.Context, c *ent.Client, machine bool) (Review, error) {
	if machine {
		return Review{Status: servicetranslation.ReviewStatusMACHINE}, nil
	}
	return reviewBy(ctx, c, servicetranslation.ReviewStatusREVIEWED)
}

// reviewBy is a review of status by the staff member of ctx (their work
// name) at the request's instant; MACHINE names no one. Outside a staff
// request (the seed, a subcommand) a person's review carries no name.
func reviewBy(ctx context.Context, c *ent.Client, status servicetranslation.ReviewStatus) (Review, error) {
	if err := servicetranslation.ReviewStatusValidator(status); err != nil {
		return Review{}, errcode.Field("review_status")
	}
	if status == servicetranslation.ReviewStatusMACHINE {
		return Review{Status: status}, nil
	}
	at := request.Instant(ctx)
	rv := Review{Status: status, ReviewedAt: &at}
	if id := viewer.FromContext(ctx).StaffID; id != "" {
		member, err := c.Staff.Get(ctx, nodeid.ID(id))
		if err != nil {
			return Review{}, err
		}
		rv.ReviewedBy = &member.Name
	}
	return rv, nil
}

// reviewerUpdate is the update builder of any translation row.
type reviewerUpdate[U any] interface {
	SetReviewedBy(string) U
	SetReviewedAt(time.Time) U
	ClearReviewedBy() U
	ClearReviewedAt() U
}

// withReviewer sets (or clears) who reviewed a row and when.
func withReviewer[U reviewerUpdate[U]](u U, rv Review) U {
	if rv.ReviewedBy == nil {
		u = u.ClearReviewedBy()
	} else {
		u = u.SetReviewedBy(*rv.ReviewedBy)
	}
	if rv.ReviewedAt == nil {
		return u.ClearReviewedAt()
	}
	return u.SetReviewedAt(*rv.ReviewedAt)
}
