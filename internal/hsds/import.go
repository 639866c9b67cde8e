package hsds

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"entgo.io/ent/privacy"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"victimservices/ent"
	"victimservices/ent/organization"
	"victimservices/ent/organizationtranslation"
	"victimservices/ent/schema/area"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/hours"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/phone"
	"victimservices/ent/schema/slug"
	"victimservices/ent/service"
	"victimservices/ent/servicetranslation"
	"victimservices/locales"
)

// DefaultTimeZone is the zone of imported opening hours that do not name
// one (HSDS 3.0 schedules carry only a UTC offset).
const DefaultTimeZone = "America/Chicago"

// File is one JSON document of a dataset to import.
type File struct {
	Name string
	Data []byte
}

// ReadFiles reads path: a JSON file, or every *.json file of a directory (in
// name order).
func ReadFiles(path string) ([]File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	names := []string{path}
	if info.IsDir() {
		names, err = filepath.Glob(filepath.Join(path, "*.json"))
		if err != nil {
			return nil, err
		}
		slices.Sort(names)
		if len(names) == 0 {
			return nil, fmt.Errorf("%s: no .json files", path)
		}
	}
	var out []File
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: n, Data: b})
	}
	return out, nil
}

// Options of an import.
type Options struct {
	// Locale the text is saved in; empty means the dataset's x_locale, else
	// English.
	Locale string
	// DryRun checks and applies everything in the transaction, reports, and
	// rolls back.
	DryRun bool
	// Progress, when set, is called after each record with the records done
	// and the total.
	Progress func(done, total int)
}

// Report says what an import did (or, in a dry run, would do).
type Report struct {
	Created, Updated, Unchanged int
}

// Problem is one fault of a dataset: the file, the JSON pointer of the value
// and what is wrong.
type Problem struct {
	File, Pointer, Message string
}

// String is "FILE: POINTER: message"; the pointer of the whole document
// (the empty pointer) is left out.
func (p Problem) String() string {
	var parts []string
	for _, s := range []string{p.File, p.Pointer, p.Message} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ": ")
}

// Problems is the error of an import refused for faults in the dataset:
// every one found, none written.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Import upserts the datasets by HSDS id in one transaction: organizations,
// locations, services with their text in the locale, phones, hours,
// languages, service areas, provider and places. A row is found by the HSDS
// id it was imported under or the one Export gives it; only rows whose
// values differ are written, so importing a dataset twice changes nothing the
// second time. Faults are returned as Problems (JSON pointers) and nothing is
// written; writes go through the client (its hooks run: phone
// normalisation, hours validation, audit, the public-change signal) as the
// system, as the seed writes.
func Import(ctx context.Context, client *ent.Client, files []File, opt Options) (Report, error) {
	var sets []*Dataset
	var problems Problems
	for _, f := range files {
		d, ps, err := decode(f)
		if err != nil {
			return Report{}, err
		}
		problems = append(problems, ps...)
		if d != nil {
			sets = append(sets, d)
		}
	}
	if len(sets) < len(files) {
		return Report{}, problems // a file that does not decode: nothing to go on
	}
	ctx = privacy.DecisionContext(ctx, privacy.Allow)
	tx, err := client.Tx(ctx)
	if err != nil {
		return Report{}, err
	}
	// Values are checked (and written, to be rolled back) even when the
	// schemas found faults, so that every fault is listed at once.
	im := &importer{c: tx.Client(), opt: opt, problems: problems}
	report, err := im.run(ctx, files, sets)
	if err == nil && len(im.problems) > 0 {
		sortProblems(im.problems)
		err = im.problems
	}
	if err != nil || opt.DryRun {
		if rerr := tx.Rollback(); rerr != nil && err == nil {
			err = rerr
		}
		return report, err
	}
	return report, tx.Commit()
}

// decode parses a file and validates its records against the HSDS 3.0
// schemas.
func decode(f File) (*Dataset, []Problem, error) {
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(f.Data))
	if err != nil {
		return nil, []Problem{{File: f.Name, Pointer: "", Message: "not JSON: " + err.Error()}}, nil
	}
	top, ok := raw.(map[string]any)
	if !ok {
		return nil, []Problem{{File: f.Name, Pointer: "", Message: "want an object with organizations, services and locations"}}, nil
	}
	var out []Problem
	for key, schema := range map[string]string{"organizations": "organization", "services": "service", "locations": "location"} {
		v, present := top[key]
		if !present {
			continue
		}
		items, ok := v.([]any)
		if !ok {
			out = append(out, Problem{File: f.Name, Pointer: "/" + key, Message: "want an array"})
			continue
		}
		for i, item := range items {
			ps, err := schemaProblems(schema, "/"+key+"/"+strconv.Itoa(i), item)
			if err != nil {
				return nil, nil, err
			}
			for _, p := range ps {
				p.File = f.Name
				out = append(out, p)
			}
		}
	}
	var d Dataset
	if err := json.Unmarshal(f.Data, &d); err != nil {
		if len(out) == 0 {
			out = append(out, Problem{File: f.Name, Pointer: "", Message: err.Error()})
		}
		return nil, out, nil
	}
	return &d, out, nil
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Pointer, b.Pointer))
	})
}

type importer struct {
	c        *ent.Client
	opt      Options
	problems Problems
	report   Report
	file     string
	done     int
	total    int
	orgs     map[string]*ent.Organization // by HSDS id
	locs     map[string]*ent.Location
	svcs     map[string]*ent.Service
}

func (im *importer) fault(ptr, format string, args ...any) {
	im.problems = append(im.problems, Problem{File: im.file, Pointer: ptr, Message: fmt.Sprintf(format, args...)})
}

func (im *importer) step() {
	im.done++
	if im.opt.Progress != nil {
		im.opt.Progress(im.done, im.total)
	}
}

func (im *importer) count(created, changed bool) {
	switch {
	case created:
		im.report.Created++
	case changed:
		im.report.Updated++
	default:
		im.report.Unchanged++
	}
}

func (im *importer) run(ctx context.Context, files []File, sets []*Dataset) (Report, error) {
	if err := im.loadExisting(ctx); err != nil {
		return Report{}, err
	}
	for _, d := range sets {
		im.total += len(d.Organizations) + len(d.Locations) + len(d.Services)
	}
	for i, d := range sets {
		im.file = files[i].Name
		code := cmpOr(im.opt.Locale, d.Locale, locales.DefaultCode)
		l, ok := locales.ByCode(code)
		if !ok || l.Code != code {
			im.fault("/x_locale", "unsupported locale %q", code)
			continue
		}
		for j := range d.Organizations {
			if err := im.organization(ctx, "/organizations/"+strconv.Itoa(j), &d.Organizations[j], code); err != nil {
				return im.report, err
			}
			im.step()
		}
		// Places listed only inside a service count too.
		seen := map[string]bool{}
		for _, lo := range d.Locations {
			seen[lo.ID] = true
		}
		for j := range d.Locations {
			if err := im.location(ctx, "/locations/"+strconv.Itoa(j), &d.Locations[j], code); err != nil {
				return im.report, err
			}
			im.step()
		}
		for j, s := range d.Services {
			for k, sl := range s.ServiceAtLocations {
				if sl.Location != nil && !seen[sl.Location.ID] {
					seen[sl.Location.ID] = true
					p := fmt.Sprintf("/services/%d/service_at_locations/%d/location", j, k)
					if err := im.location(ctx, p, sl.Location, code); err != nil {
						return im.report, err
					}
				}
			}
		}
		for j := range d.Services {
			if err := im.service(ctx, "/services/"+strconv.Itoa(j), &d.Services[j], code); err != nil {
				return im.report, err
			}
			im.step()
		}
	}
	return im.report, nil
}

func cmpOr(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// loadExisting indexes every directory row by its HSDS id (editorial rows
// too: the import runs as the system).
func (im *importer) loadExisting(ctx context.Context) error {
	orgs, err := im.c.Organization.Query().WithTranslations().All(ctx)
	if err != nil {
		return err
	}
	locs, err := im.c.Location.Query().WithTranslations().All(ctx)
	if err != nil {
		return err
	}
	svcs, err := im.c.Service.Query().WithTranslations().WithLocations().All(ctx)
	if err != nil {
		return err
	}
	im.orgs, im.locs, im.svcs = map[string]*ent.Organization{}, map[string]*ent.Location{}, map[string]*ent.Service{}
	for _, o := range orgs {
		im.orgs[idOf(o.HsdsID, o.ID)] = o
	}
	for _, l := range locs {
		im.locs[idOf(l.HsdsID, l.ID)] = l
	}
	for _, s := range svcs {
		im.svcs[idOf(s.HsdsID, s.ID)] = s
	}
	return nil
}

// saveErr records a refused write against the record's pointer; a failure
// of the database is returned.
func (im *importer) saveErr(ptr string, err error) error {
	if err == nil {
		return nil
	}
	var ve *ent.ValidationError
	var ce *ent.ConstraintError
	if errors.As(err, &ve) {
		msg := errors.Unwrap(ve).Error()
		var coded *errcode.Error
		if errors.As(err, &coded) {
			msg = locales.Default().T(coded.MessageID, coded.Data) // the operator's report is in English
		}
		im.fault(ptr+"/"+ve.Name, "%s", msg)
		return nil
	}
	if errors.As(err, &ce) || errors.As(err, new(interface{ Code() string })) {
		im.fault(ptr, "%v", err)
		return nil
	}
	return err
}

func same(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func (im *importer) phones(ptr string, in []Phone) []phone.Phone {
	var out []phone.Phone
	for i, p := range in {
		k := phone.KindVoice
		switch {
		case p.Ext != nil && phone.Kind(p.Ext.Kind).Valid():
			k = phone.Kind(p.Ext.Kind)
		case p.Type == "text":
			k = phone.KindSMS
		case p.Type == "textphone":
			k = phone.KindTTY
		}
		number, err := phone.NormalizeFor(p.Number, k)
		if err != nil {
			im.fault(fmt.Sprintf("%s/phones/%d/number", ptr, i), "%v", err)
			continue
		}
		x := phone.Phone{Number: number, Kind: k}
		if p.Ext != nil {
			x.SMSBody = p.Ext.SMSBody
		}
		out = append(out, x)
	}
	return out
}

var weekdays = map[string]hours.Weekday{"SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6}

var clock = regexp.MustCompile(`^([01][0-9]|2[0-4]):[0-5][0-9]`)

// schedule returns the hours of a record: its extension's, else its weekly
// HSDS schedules read as periods in DefaultTimeZone (nil when it has neither).
func (im *importer) schedule(ptr string, ext *hours.Schedule, rows []Schedule) *hours.Schedule {
	if ext != nil {
		if err := ext.Validate(); err != nil {
			im.fault(ptr+"/x_victimservices/hours", "%v", err)
		}
		return ext
	}
	if len(rows) == 0 {
		return nil
	}
	h := hours.Schedule{TimeZone: DefaultTimeZone}
	for i, r := range rows {
		p := fmt.Sprintf("%s/schedules/%d", ptr, i)
		if r.Freq != "" && r.Freq != "WEEKLY" {
			im.fault(p+"/freq", "only WEEKLY schedules can be imported")
			continue
		}
		opens, closes := clock.FindString(r.OpensAt), clock.FindString(r.ClosesAt)
		if opens == "" || closes == "" {
			im.fault(p, "opens_at and closes_at must be HH:MM")
			continue
		}
		if closes == "23:59" {
			closes = "24:00"
		}
		for _, day := range strings.Split(r.ByDay, ",") {
			d, ok := weekdays[strings.TrimSpace(day)]
			if !ok {
				im.fault(p+"/byday", "unknown day %q", day)
				continue
			}
			h.Periods = append(h.Periods, hours.Period{Day: d, Opens: opens, Closes: closes})
		}
	}
	if len(h.Periods) == 7 && h.Periods[0].Opens == "00:00" && h.Periods[0].Closes == "24:00" {
		h = hours.Schedule{TimeZone: DefaultTimeZone, AlwaysOpen: true}
	}
	if err := h.Validate(); err != nil {
		im.fault(ptr+"/schedules", "%v", err)
	}
	return &h
}

func (im *importer) organization(ctx context.Context, ptr string, o *Organization, locale string) error {
	if strings.TrimSpace(o.Name) == "" {
		im.fault(ptr+"/name", "must not be empty")
	}
	phones := im.phones(ptr, o.Phones)
	kind, sortOrder := organization.KindPARTNER, 0
	if o.Ext != nil {
		if organization.KindValidator(organization.Kind(o.Ext.Kind)) == nil {
			kind = organization.Kind(o.Ext.Kind)
		}
		sortOrder = o.Ext.SortOrder
	}
	row, exists := im.orgs[o.ID]
	created, changed := !exists, false
	if !exists {
		id := nodeIDFor("org", o.ID)
		create := im.c.Organization.Create().SetID(id).SetHsdsID(o.ID).SetKind(kind).SetPhones(phones).
			SetSortOrder(sortOrder).SetNillableEmail(nonEmpty(o.Email)).SetNillableWebsite(nonEmpty(o.Website))
		if locale == locales.DefaultCode {
			s, err := im.uniqueSlug(ctx, o.Name, "organization", func(p string) ([]string, error) {
				return im.c.Organization.Query().Where(organization.SlugHasPrefix(p)).Select(organization.FieldSlug).Strings(ctx)
			})
			if err != nil {
				return err
			}
			create.SetSlug(s)
		}
		r, err := create.Save(ctx)
		if err := im.saveErr(ptr, err); err != nil || r == nil {
			return err
		}
		row = r
		im.orgs[o.ID] = row
	} else if row.Kind != kind || row.Email != o.Email || row.Website != o.Website || row.SortOrder != sortOrder || !same(row.Phones, phones) {
		changed = true
		u := row.Update().SetKind(kind).ClearEmail().SetNillableEmail(nonEmpty(o.Email)).
			ClearWebsite().SetNillableWebsite(nonEmpty(o.Website)).SetSortOrder(sortOrder).SetPhones(phones)
		if err := im.saveErr(ptr, u.Exec(ctx)); err != nil {
			return err
		}
	}
	var current *ent.OrganizationTranslation
	for _, t := range row.Edges.Translations {
		if t.Locale == locale {
			current = t
		}
	}
	switch {
	case current == nil:
		changed = true
		err := im.c.OrganizationTranslation.Create().SetOrganizationID(row.ID).SetLocale(locale).SetName(o.Name).
			SetDescription(o.Description).SetStatus(organizationtranslation.StatusPUBLISHED).Exec(ctx)
		if err := im.saveErr(ptr, err); err != nil {
			return err
		}
	case current.Name != o.Name || current.Description != o.Description || current.Status != organizationtranslation.StatusPUBLISHED:
		changed = true
		err := current.Update().SetName(o.Name).SetDescription(o.Description).SetStatus(organizationtranslation.StatusPUBLISHED).Exec(ctx)
		if err := im.saveErr(ptr, err); err != nil {
			return err
		}
	}
	im.count(created, changed)
	return nil
}

func (im *importer) uniqueSlug(ctx context.Context, name, fallback string, taken func(string) ([]string, error)) (string, error) {
	base := slug.From(name)
	if base == "" {
		base = fallback
	}
	used, err := taken(base)
	if err != nil {
		return "", err
	}
	candidate := base
	for i := 2; slices.Contains(used, candidate); i++ {
		candidate = base + "-" + strconv.Itoa(i)
	}
	return candidate, nil
}

func (im *importer) location(ctx context.Context, ptr string, lo *Location, locale string) error {
	if strings.TrimSpace(lo.Name) == "" {
		im.fault(ptr+"/name", "must not be empty")
	}
	var ext LocationExt
	if lo.Ext != nil {
		ext = *lo.Ext
	}
	var addr Address
	if len(lo.Addresses) > 0 {
		addr = lo.Addresses[0]
	}
	notes := ""
	for _, a := range lo.Accessibility {
		if a.Description != "" {
			notes = a.Description
		}
		if lo.Ext == nil && a.Details == adaDetails {
			ext.ADAAccessible = true
		}
	}
	h := im.schedule(ptr, ext.Hours, lo.Schedules)
	row, exists := im.locs[lo.ID]
	created, changed := !exists, false
	if !exists {
		create := im.c.Location.Create().SetID(nodeIDFor("loc", lo.ID)).SetHsdsID(lo.ID).
			SetStreet(addr.Address1).SetCity(addr.City).SetState(addr.StateProvince).SetPostalCode(addr.PostalCode).
			SetNeighborhood(ext.Neighborhood).SetNillableLatitude(lo.Latitude).SetNillableLongitude(lo.Longitude).
			SetAdaAccessible(ext.ADAAccessible)
		if h != nil {
			create.SetHours(*h)
		}
		r, err := create.Save(ctx)
		if err := im.saveErr(ptr, err); err != nil || r == nil {
			return err
		}
		row = r
		im.locs[lo.ID] = row
	} else {
		var stored *hours.Schedule
		if row.Hours.TimeZone != "" {
			stored = &row.Hours
		}
		if row.Street != addr.Address1 || row.City != addr.City || row.State != addr.StateProvince ||
			row.PostalCode != addr.PostalCode || row.Neighborhood != ext.Neighborhood || !same(row.Latitude, lo.Latitude) ||
			!same(row.Longitude, lo.Longitude) || row.AdaAccessible != ext.ADAAccessible || !same(stored, h) {
			changed = true
			u := row.Update().SetStreet(addr.Address1).SetCity(addr.City).SetState(addr.StateProvince).
				SetPostalCode(addr.PostalCode).SetNeighborhood(ext.Neighborhood).SetAdaAccessible(ext.ADAAccessible).
				ClearLatitude().ClearLongitude().SetNillableLatitude(lo.Latitude).SetNillableLongitude(lo.Longitude)
			if h != nil {
				u.SetHours(*h)
			} else {
				u.ClearHours()
			}
			if err := im.saveErr(ptr, u.Exec(ctx)); err != nil {
				return err
			}
		}
	}
	var current *ent.LocationTranslation
	for _, t := range row.Edges.Translations {
		if t.Locale == locale {
			current = t
		}
	}
	switch {
	case current == nil:
		changed = true
		err := im.c.LocationTranslation.Create().SetLocationID(row.ID).SetLocale(locale).SetName(lo.Name).
			SetAccessibilityNotes(notes).SetStatus("PUBLISHED").Exec(ctx)
		if err := im.saveErr(ptr, err); err != nil {
			return err
		}
	case current.Name != lo.Name || current.AccessibilityNotes != notes || current.Status != "PUBLISHED":
		changed = true
		err := current.Update().SetName(lo.Name).SetAccessibilityNotes(notes).SetStatus("PUBLISHED").Exec(ctx)
		if err := im.saveErr(ptr, err); err != nil {
			return err
		}
	}
	im.count(created, changed)
	return nil
}

func (im *importer) service(ctx context.Context, ptr string, s *Service, locale string) error {
	if strings.TrimSpace(s.Name) == "" {
		im.fault(ptr+"/name", "must not be empty")
	}
	var ext ServiceExt
	if s.Ext != nil {
		ext = *s.Ext
	}
	category := service.CategoryVICTIM_ADVOCACY
	if service.CategoryValidator(service.Category(ext.Category)) == nil {
		category = service.Category(ext.Category)
	}
	status := service.StatusINACTIVE
	if s.Status == "active" {
		status = service.StatusACTIVE
	}
	phones := im.phones(ptr, s.Phones)
	h := im.schedule(ptr, ext.Hours, s.Schedules)
	if h == nil {
		h = &hours.Schedule{TimeZone: DefaultTimeZone}
	}
	languages := []string{}
	for _, l := range s.Languages {
		languages = append(languages, l.Code)
	}
	var areas []area.Area
	for _, a := range s.ServiceAreas {
		k := area.KindNeighborhood
		if _, err := area.PostalCode(a.Name); err == nil {
			k = area.KindPostalCode
		}
		areas = append(areas, area.Area{Kind: k, Name: a.Name})
	}
	coverage, err := area.FromAreas(areas)
	if err != nil {
		im.fault(ptr+"/service_areas", "%v", err)
	}
	var provider nodeid.ID
	if s.OrganizationID != "" {
		o, ok := im.orgs[s.OrganizationID]
		if !ok {
			im.fault(ptr+"/organization_id", "no organization has this id")
		} else {
			provider = o.ID
		}
	}
	var places []nodeid.ID
	for i, sl := range s.ServiceAtLocations {
		l, ok := im.locs[sl.LocationID]
		if !ok {
			im.fault(fmt.Sprintf("%s/service_at_locations/%d/location_id", ptr, i), "no location has this id")
			continue
		}
		places = append(places, l.ID)
	}
	slices.Sort(places)
	if len(im.problems) > 0 {
		return nil // nothing will be committed; keep checking the rest
	}
	row, exists := im.svcs[s.ID]
	created, changed := !exists, false
	if !exists {
		create := im.c.Service.Create().SetID(nodeIDFor("svc", s.ID)).SetHsdsID(s.ID).SetCategory(category).
			SetStatus(status).SetNillableEmail(nonEmpty(s.Email)).SetPhones(phones).SetHours(*h).SetLanguages(languages).
			SetSortOrder(ext.SortOrder).SetNational(ext.National).AddLocationIDs(places...)
		if len(coverage.PostalCodes)+len(coverage.Neighborhoods) > 0 {
			create.SetServiceArea(coverage)
		}
		if provider != "" {
			create.SetProviderID(provider)
		}
		if locale == locales.DefaultCode {
			sl, err := im.uniqueSlug(ctx, s.Name, "service", func(p string) ([]string, error) {
				return im.c.Service.Query().Where(service.SlugHasPrefix(p)).Select(service.FieldSlug).Strings(ctx)
			})
			if err != nil {
				return err
			}
			create.SetSlug(sl)
		}
		r, err := create.Save(ctx)
		if err := im.saveErr(ptr, err); err != nil || r == nil {
			return err
		}
		row = r
		im.svcs[s.ID] = row
	} else {
		var stored []nodeid.ID
		for _, l := range row.Edges.Locations {
			stored = append(stored, l.ID)
		}
		slices.Sort(stored)
		if row.Category != category || row.Status != status || row.Email != s.Email || !same(row.Phones, phones) ||
			!same(row.Hours, *h) || !same(row.Languages, languages) || row.SortOrder != ext.SortOrder ||
			row.National != ext.National || !same(row.ServiceArea, coverage) || row.ProviderID != provider ||
			!slices.Equal(stored, places) {
			changed = true
			u := row.Update().SetCategory(category).SetStatus(status).SetNillableEmail(nonEmpty(s.Email)).SetPhones(phones).
				SetHours(*h).SetLanguages(languages).SetSortOrder(ext.SortOrder).SetNational(ext.National).
				SetServiceArea(coverage).ClearLocations().AddLocationIDs(places...).ClearProvider()
			if provider != "" {
				u.SetProviderID(provider)
			}
			if err := im.saveErr(ptr, u.Exec(ctx)); err != nil {
				return err
			}
		}
	}
	var current *ent.ServiceTranslation
	for _, t := range row.Edges.Translations {
		if t.Locale == locale {
			current = t
		}
	}
	switch {
	case current == nil:
		changed = true
		err := im.c.ServiceTranslation.Create().SetServiceID(row.ID).SetLocale(locale).SetName(s.Name).
			SetDescription(s.Description).SetStatus(servicetranslation.StatusPUBLISHED).Exec(ctx)
		if err := im.saveErr(ptr, err); err != nil {
			return err
		}
	case current.Name != s.Name || current.Description != s.Description || current.Status != servicetranslation.StatusPUBLISHED:
		changed = true
		err := current.Update().SetName(s.Name).SetDescription(s.Description).SetStatus(servicetranslation.StatusPUBLISHED).Exec(ctx)
		if err := im.saveErr(ptr, err); err != nil {
			return err
		}
	}
	im.count(created, changed)
	return nil
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
