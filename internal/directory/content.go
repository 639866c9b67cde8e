package directory

import (
	"context"

	"victimservices/ent"
	"victimservices/ent/organization"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/resource"
	"victimservices/ent/resourcerevision"
	"victimservices/ent/resourcetranslation"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// SaveResourceTranslation creates or replaces a guide's text in one locale
// and records the saved version, in the mutation's transaction.
func SaveResourceTranslation(ctx context.Context, c *ent.Client, in SaveResourceTranslationInput) (*ent.ResourceTranslation, error) {
	if _, err := c.Resource.Get(ctx, in.ResourceID); err != nil {
		return nil, err
	}
	status := resourcetranslation.StatusDRAFT
	if in.Publish != nil && *in.Publish {
		status = resourcetranslation.StatusPUBLISHED
	}
	summary := ""
	if in.Summary != nil {
		summary = *in.Summary
	}
	rv, err := savedReview(ctx, c, in.MachineTranslated != nil && *in.MachineTranslated)
	if err != nil {
		return nil, err
	}
	editor := viewer.FromContext(ctx).StaffID
	err = c.ResourceTranslation.Create().
		SetResourceID(in.ResourceID).SetLocale(in.Locale).SetTitle(in.Title).SetSummary(summary).SetBody(in.Body).
		SetStatus(status).SetUpdatedBy(editor).
		SetReviewStatus(resourcetranslation.ReviewStatus(rv.Status)).SetNillableReviewedBy(rv.ReviewedBy).SetNillableReviewedAt(rv.ReviewedAt).
		OnConflictColumns(resourcetranslation.FieldResourceID, resourcetranslation.FieldLocale).
		UpdateNewValues().Update(func(u *ent.ResourceTranslationUpsert) {
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
	t, err := c.ResourceTranslation.Query().
		Where(resourcetranslation.ResourceID(in.ResourceID), resourcetranslation.Locale(in.Locale)).Only(ctx)
	if err != nil {
		return nil, err
	}
	return t, recordRevision(ctx, c, t, editor)
}

// SetResourceTranslationPublished publishes or unpublishes a guide's text.
func SetResourceTranslationPublished(ctx context.Context, c *ent.Client, id nodeid.ID, locale string, published bool) (*ent.ResourceTranslation, error) {
	t, err := c.ResourceTranslation.Query().
		Where(resourcetranslation.ResourceID(id), resourcetranslation.Locale(locale)).Only(ctx)
	if err != nil {
		return nil, err
	}
	status := resourcetranslation.StatusDRAFT
	if published {
		status = resourcetranslation.StatusPUBLISHED
	}
	editor := viewer.FromContext(ctx).StaffID
	if t, err = t.Update().SetStatus(status).SetUpdatedBy(editor).Save(ctx); err != nil {
		return nil, err
	}
	return t, recordRevision(ctx, c, t, editor)
}

// ReviewResourceTranslation records the review of a guide's text in one
// locale, as ReviewTranslation does for the directory; the text is
// unchanged, so no revision is recorded.
func ReviewResourceTranslation(ctx context.Context, c *ent.Client, id nodeid.ID, locale string, status servicetranslation.ReviewStatus) (*ent.ResourceTranslation, error) {
	rv, err := reviewBy(ctx, c, status)
	if err != nil {
		return nil, err
	}
	t, err := c.ResourceTranslation.Query().
		Where(resourcetranslation.ResourceID(id), resourcetranslation.Locale(locale)).Only(ctx)
	if err != nil {
		return nil, err
	}
	u := withReviewer(t.Update().SetReviewStatus(resourcetranslation.ReviewStatus(rv.Status)), rv)
	return u.Save(ctx)
}

// recordRevision keeps the saved version of a guide's text.
func recordRevision(ctx context.Context, c *ent.Client, t *ent.ResourceTranslation, editor string) error {
	return c.ResourceRevision.Create().
		SetResourceID(t.ResourceID).SetLocale(t.Locale).SetTitle(t.Title).SetSummary(t.Summary).SetBody(t.Body).
		SetStatus(resourcerevision.Status(t.Status)).SetMachineTranslated(t.ReviewStatus == resourcetranslation.ReviewStatusMACHINE).SetEditedBy(editor).
		Exec(ctx)
}

// Coverage counts, per locale, the items with published text and lists the
// ones without. Reads (owner, locale) pairs and the items: six statements,
// whatever the number of locales. Editors and admins only.
func Coverage(ctx context.Context, c *ent.Client) ([]*LocaleCoverage, error) {
	// The editorial view: the privacy rules refuse it to all but editors.
	ctx = viewer.WithView(ctx, viewer.EditorialView)
	svcRows, err := c.ServiceTranslation.Query().Where(servicetranslation.StatusEQ(servicetranslation.StatusPUBLISHED)).
		Select(servicetranslation.FieldServiceID, servicetranslation.FieldLocale, servicetranslation.FieldReviewStatus).All(ctx)
	if err != nil {
		return nil, err
	}
	orgRows, err := c.OrganizationTranslation.Query().Where(organizationtranslation.StatusEQ(organizationtranslation.StatusPUBLISHED)).
		Select(organizationtranslation.FieldOrganizationID, organizationtranslation.FieldLocale, organizationtranslation.FieldReviewStatus).All(ctx)
	if err != nil {
		return nil, err
	}
	resRows, err := c.ResourceTranslation.Query().Where(resourcetranslation.StatusEQ(resourcetranslation.StatusPUBLISHED)).
		Select(resourcetranslation.FieldResourceID, resourcetranslation.FieldLocale, resourcetranslation.FieldReviewStatus).All(ctx)
	if err != nil {
		return nil, err
	}
	svcPub := published(svcRows, func(t *ent.ServiceTranslation) (nodeid.ID, string, string) {
		return t.ServiceID, t.Locale, string(t.ReviewStatus)
	})
	orgPub := published(orgRows, func(t *ent.OrganizationTranslation) (nodeid.ID, string, string) {
		return t.OrganizationID, t.Locale, string(t.ReviewStatus)
	})
	resPub := published(resRows, func(t *ent.ResourceTranslation) (nodeid.ID, string, string) {
		return t.ResourceID, t.Locale, string(t.ReviewStatus)
	})
	services, err := c.Service.Query().Where(service.StatusEQ(service.StatusACTIVE)).Order(ent.Asc(service.FieldSortOrder), ent.Asc(service.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	partners, err := c.Organization.Query().Where(organization.KindEQ(organization.KindPARTNER)).Order(ent.Asc(organization.FieldSortOrder), ent.Asc(organization.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	resources, err := c.Resource.Query().Order(ent.Asc(resource.FieldSortOrder), ent.Asc(resource.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	var out []*LocaleCoverage
	for _, l := range locales.Supported {
		lc := &LocaleCoverage{Locale: l.Code}
		lc.Services = countPublished(services, func(s *ent.Service) string { return svcPub[l.Code][s.ID] })
		lc.Partners = countPublished(partners, func(o *ent.Organization) string { return orgPub[l.Code][o.ID] })
		lc.Resources = countPublished(resources, func(r *ent.Resource) string { return resPub[l.Code][r.ID] })
		total := lc.Services.Total + lc.Partners.Total + lc.Resources.Total
		lc.Percent = 100
		if total > 0 {
			lc.Percent = float64(lc.Services.Published+lc.Partners.Published+lc.Resources.Published) * 100 / float64(total)
		}
		out = append(out, lc)
	}
	return out, nil
}

// published maps locale → owner → review status for published rows.
func published[T any](rows []T, key func(T) (nodeid.ID, string, string)) map[string]map[nodeid.ID]string {
	m := map[string]map[nodeid.ID]string{}
	for _, r := range rows {
		owner, locale, review := key(r)
		if m[locale] == nil {
			m[locale] = map[nodeid.ID]string{}
		}
		m[locale][owner] = review
	}
	return m
}

// countPublished counts items by the review status of their published
// text ("" when they have none).
func countPublished[T ent.Noder](items []T, review func(T) string) *CoverageCount {
	cc := &CoverageCount{Total: len(items), Missing: []ent.Noder{}}
	for _, it := range items {
		switch servicetranslation.ReviewStatus(review(it)) {
		case "":
			cc.Missing = append(cc.Missing, it)
			continue
		case servicetranslation.ReviewStatusAPPROVED:
			cc.Approved++
		case servicetranslation.ReviewStatusREVIEWED:
			cc.Reviewed++
		default:
			cc.Machine++
		}
		cc.Published++
	}
	return cc
}
