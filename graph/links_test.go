package graph_test

import (
	"strings"
	"testing"

	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/seed"
)

func servicesServing(t *testing.T, s *graphtest.Server, zip string) string {
	t.Helper()
	resp := s.Do(t, graphtest.Request{Query: `query($z: String) { services(servesPostalCode: $z) { totalCount edges { node { slug serviceAreas { kind name } } } } }`,
		Variables: map[string]any{"z": zip}})
	var got struct {
		Services struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Slug         string
					ServiceAreas []struct{ Kind, Name string }
				}
			}
		}
	}
	resp.Decode(t, &got)
	var out []string
	for _, e := range got.Services.Edges {
		found := false
		for _, a := range e.Node.ServiceAreas {
			found = found || a.Kind == "POSTAL_CODE" && a.Name == zip
		}
		if !found {
			t.Errorf("%s does not list %s: %+v", e.Node.Slug, zip, e.Node.ServiceAreas)
		}
		out = append(out, e.Node.Slug)
	}
	return strings.Join(out, ",")
}

// TestServesPostalCode: the filter returns exactly the services whose areas
// list the ZIP code; editors change the areas; bad codes are refused.
func TestServesPostalCode(t *testing.T) {
	s := graphtest.New(t)
	for _, tt := range []struct{ zip, want string }{
		{"60608", "victim-advocacy,counseling-referrals"},
		{"60653", "victim-advocacy,legal-support"},
		{"60640", "victim-advocacy,counseling-referrals"},
		{"60636", "victim-advocacy"},
		{"60601", ""},
	} {
		t.Run(tt.zip, func(t *testing.T) {
			if got := servicesServing(t, s, tt.zip); got != tt.want {
				t.Errorf("serving %s: %q, want %q", tt.zip, got, tt.want)
			}
		})
	}
	editor := s.Token(t, viewer.RoleEditor)
	resp := mutate(t, s, editor, `mutation($id: ID!) { updateService(id: $id, input: {serviceAreas: [
	  {kind: POSTAL_CODE, name: "60601-1234"}, {kind: NEIGHBORHOOD, name: "  The   Loop "}, {kind: POSTAL_CODE, name: "60601"}]}) {
	  serviceAreas { kind name } } }`, map[string]any{"id": seed.ID("svc", "legal")})
	var got struct {
		UpdateService struct{ ServiceAreas []struct{ Kind, Name string } }
	}
	resp.Decode(t, &got)
	if a := got.UpdateService.ServiceAreas; len(a) != 2 || a[0] != (struct{ Kind, Name string }{"NEIGHBORHOOD", "The Loop"}) || a[1].Name != "60601" {
		t.Errorf("stored areas %+v, want The Loop and 60601", a)
	}
	if got := servicesServing(t, s, "60601"); got != "legal-support" {
		t.Errorf("after the edit, serving 60601: %q", got)
	}
	if got := servicesServing(t, s, "60653"); got != "victim-advocacy" {
		t.Errorf("after the edit, serving 60653: %q (areas are replaced)", got)
	}
	for _, bad := range []string{`{kind: POSTAL_CODE, name: "6060"}`, `{kind: NEIGHBORHOOD, name: "  "}`} {
		resp := mutate(t, s, editor, `mutation($id: ID!) { updateService(id: $id, input: {serviceAreas: [`+bad+`]}) { id } }`,
			map[string]any{"id": seed.ID("svc", "legal")})
		if resp.ErrorCode() != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, "serviceAreas") {
			t.Errorf("%s: %+v, want BAD_USER_INPUT naming serviceAreas", bad, resp.Errors)
		}
	}
	resp = s.Do(t, graphtest.Request{Query: `{ services(servesPostalCode: "ABCDE") { totalCount } }`})
	if resp.ErrorCode() != "BAD_USER_INPUT" {
		t.Errorf("servesPostalCode ABCDE: %+v, want BAD_USER_INPUT", resp.Errors)
	}
}

// TestSlugs: services and organizations have unique slugs derived from the
// English name, stable when the name changes, editable, and they look up.
func TestSlugs(t *testing.T) {
	s := graphtest.New(t)
	resp := s.Do(t, graphtest.Request{Query: `{ service(slug: "legal-support", locale: "es") { id slug servedLocale provider { slug } }
	  organization(slug: "harbor-safe-shelter") { id slug name } missing: service(slug: "nothing-here") { id } }`})
	var got struct {
		Service *struct {
			ID           nodeid.ID
			Slug         string
			ServedLocale string
			Provider     struct{ Slug string }
		}
		Organization *struct {
			ID         nodeid.ID
			Slug, Name string
		}
		Missing *struct{ ID string }
	}
	resp.Decode(t, &got)
	if got.Service == nil || got.Service.ID != seed.ID("svc", "legal") || got.Service.ServedLocale != "es" || got.Service.Provider.Slug != "victim-services-unit" {
		t.Errorf("service(slug: legal-support) = %+v", got.Service)
	}
	if got.Organization == nil || got.Organization.ID != seed.ID("org", "harbor") {
		t.Errorf("organization(slug: harbor-safe-shelter) = %+v", got.Organization)
	}
	if got.Missing != nil {
		t.Errorf("an unknown slug found %+v", got.Missing)
	}

	editor := s.Token(t, viewer.RoleEditor)
	create := func() nodeid.ID {
		var c struct{ CreateService struct{ ID nodeid.ID } }
		mutate(t, s, editor, `mutation { createService(input: {category: SHELTER, hours: {timeZone: "America/Chicago", alwaysOpen: true}}) { id } }`, nil).Decode(t, &c)
		return c.CreateService.ID
	}
	name := func(id nodeid.ID, locale, n string) string {
		var out struct{ SaveTranslation struct{ Name string } }
		mutate(t, s, editor, `mutation($id: ID!, $l: String!, $n: String!) { saveTranslation(input: {ownerId: $id, locale: $l, name: $n, publish: true}) { name } }`,
			map[string]any{"id": id, "l": locale, "n": n}).Decode(t, &out)
		var svc struct{ Node struct{ Slug *string } }
		mutate(t, s, editor, `query($id: ID!) { node(id: $id) { ... on Service { slug } } }`, map[string]any{"id": id}).Decode(t, &svc)
		if svc.Node.Slug == nil {
			return ""
		}
		return *svc.Node.Slug
	}
	first, second := create(), create()
	if got := name(first, "es", "Camas de emergencia"); got != "" {
		t.Errorf("a Spanish name gave the slug %q; only the English name does", got)
	}
	if got := name(first, "en", "Emergency Beds"); got != "emergency-beds" {
		t.Errorf("slug %q, want emergency-beds", got)
	}
	if got := name(second, "en", "Emergency  beds!"); got != "emergency-beds-2" {
		t.Errorf("second slug %q, want emergency-beds-2 (unique)", got)
	}
	if got := name(first, "en", "Night Shelter Beds"); got != "emergency-beds" {
		t.Errorf("after renaming, slug %q; want it stable (emergency-beds)", got)
	}
	// Editors set a slug; a taken one is a CONFLICT, a malformed one BAD_USER_INPUT.
	var upd struct{ UpdateService struct{ Slug string } }
	mutate(t, s, editor, `mutation($id: ID!) { updateService(id: $id, input: {slug: "night-shelter"}) { slug } }`,
		map[string]any{"id": first}).Decode(t, &upd)
	if upd.UpdateService.Slug != "night-shelter" {
		t.Errorf("edited slug %q", upd.UpdateService.Slug)
	}
	for _, tt := range []struct{ slug, code string }{{"victim-advocacy", "CONFLICT"}, {"Night Shelter", "BAD_USER_INPUT"}, {"", "BAD_USER_INPUT"}} {
		resp := mutate(t, s, editor, `mutation($id: ID!, $s: String) { updateService(id: $id, input: {slug: $s}) { slug } }`,
			map[string]any{"id": second, "s": tt.slug})
		if resp.ErrorCode() != tt.code {
			t.Errorf("slug %q: %+v, want %s", tt.slug, resp.Errors, tt.code)
		}
	}
	resp = mutate(t, s, editor, `mutation { createOrganization(input: {slug: "harbor-safe-shelter"}) { id } }`, nil)
	if resp.ErrorCode() != "CONFLICT" {
		t.Errorf("a taken organization slug: %+v, want CONFLICT", resp.Errors)
	}
	// The public finds active services only.
	mutate(t, s, editor, `mutation($id: ID!) { updateService(id: $id, input: {status: INACTIVE}) { id } }`, map[string]any{"id": first}).Decode(t, &struct{}{})
	resp = s.Do(t, graphtest.Request{Query: `{ service(slug: "night-shelter") { id } }`})
	var hidden struct{ Service *struct{ ID string } }
	resp.Decode(t, &hidden)
	if hidden.Service != nil {
		t.Errorf("the public found an inactive service by slug")
	}
}
