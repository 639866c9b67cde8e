package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"victimservices/graph/graphtest"
	"victimservices/graph/httpapi"
	"victimservices/internal/seed"
)

// operationsDir holds the example operations, one file per screen of the
// reference web client (web/operations/README.md).
const operationsDir = "../web/operations"

// TestExampleOperations: every example operation is named, valid against the
// served schema, becomes one entry of the persisted-query allow-list (what
// `go run . allowlist web/operations/*.graphql` prints), and answers a real
// screen's data through a server that accepts only that list, the way a
// production app sends them (by hash alone). A screen the schema no longer
// serves fails here before it fails in an app.
func TestExampleOperations(t *testing.T) {
	list, err := httpapi.BuildAllowList(exampleOperations(t)...)
	if err != nil {
		t.Fatalf("the example operations do not validate against the schema: %v", err)
	}
	hashes := map[string]string{} // operation name → hash
	for hash, text := range list {
		fields := strings.Fields(text)
		if len(fields) < 2 || fields[1] == "{" {
			t.Errorf("an example operation has no name: %s", text)
			continue
		}
		hashes[fields[1]] = hash
	}

	s := graphtest.New(t, graphtest.WithOptions(func(o *httpapi.Options) { o.AllowList = list }))
	notRun := map[string]bool{}
	for name := range hashes {
		notRun[name] = true
	}
	run := func(t *testing.T, name string, vars map[string]any, token string, out any) {
		t.Helper()
		hash, ok := hashes[name]
		if !ok {
			t.Fatalf("no example operation %s", name)
		}
		delete(notRun, name)
		body, _ := json.Marshal(map[string]any{"operationName": name, "variables": vars,
			"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}})
		hr := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
		hr.Header.Set("Content-Type", "application/json")
		if token != "" {
			hr.Header.Set("Authorization", "Bearer "+token)
		}
		resp := s.Serve(t, hr)
		resp.Decode(t, out)
	}

	var home struct {
		CrisisContacts []struct {
			Name   string
			Phones []struct{ Display, TelURI string }
		}
		Services struct {
			Edges []struct{ Node struct{ Slug *string } }
		}
	}
	run(t, "Home", map[string]any{"locale": "es"}, "", &home)
	if len(home.CrisisContacts) == 0 || len(home.CrisisContacts[0].Phones) == 0 || home.CrisisContacts[0].Phones[0].Display != "911" {
		t.Errorf("home: the first crisis line is not 911: %+v", home.CrisisContacts)
	}
	var directory struct {
		Services struct {
			TotalCount int
			Edges      []struct{ Node struct{ Slug string } }
		}
	}
	run(t, "Directory", map[string]any{"locale": "ar"}, "", &directory)
	if directory.Services.TotalCount == 0 || len(directory.Services.Edges) != min(directory.Services.TotalCount, 50) {
		t.Errorf("directory: %d of %d services", len(directory.Services.Edges), directory.Services.TotalCount)
	}
	var locales struct{ Locales []struct{ Code string } }
	run(t, "Locales", nil, "", &locales)
	if len(locales.Locales) != 12 {
		t.Errorf("locales: %d, want 12", len(locales.Locales))
	}
	var detail struct {
		Service struct {
			Name   string
			Phones []struct{ TelURI string }
		}
	}
	run(t, "ServiceDetail", map[string]any{"slug": "victim-advocacy", "locale": "ar"}, "", &detail)
	if detail.Service.Name == "" || len(detail.Service.Phones) == 0 {
		t.Errorf("service detail: %+v", detail.Service)
	}
	var guides struct {
		Resources struct {
			Edges []struct{ Node struct{ Slug, Title string } }
		}
	}
	run(t, "Guides", map[string]any{"locale": "es"}, "", &guides)
	if len(guides.Resources.Edges) == 0 {
		t.Fatal("guides: none")
	}
	var guide struct {
		Resource struct{ Title, Body, ServedLocale string }
	}
	run(t, "Guide", map[string]any{"slug": guides.Resources.Edges[0].Node.Slug, "locale": "es"}, "", &guide)
	if guide.Resource.Body == "" || guide.Resource.ServedLocale != "es" {
		t.Errorf("guide: %+v", guide.Resource)
	}
	var search struct {
		Search []struct {
			Typename string `json:"__typename"`
		}
	}
	run(t, "Search", map[string]any{"text": "víctimas", "locale": "es"}, "", &search)
	if len(search.Search) == 0 {
		t.Errorf("search found nothing for víctimas")
	}

	var intake struct {
		RequestSupport struct {
			CaseNumber, AccessCode string
			Urgent                 bool
			EmergencyContacts      []struct{ Phones []struct{ Display string } }
		}
	}
	run(t, "RequestSupport", map[string]any{"input": map[string]any{"preferredLocale": "es", "contactMethod": "PHONE",
		"phone": "+13125550142", "safeToLeaveMessage": false, "safeNow": false}}, "", &intake)
	in := intake.RequestSupport
	if !in.Urgent || len(in.EmergencyContacts) == 0 || in.EmergencyContacts[0].Phones[0].Display != "911" {
		t.Errorf("intake from a person who is not safe: %+v, want urgent with 911 first", in)
	}
	s.Fill(t, s.Case(t, in.CaseNumber))
	var signIn struct{ OpenCaseSession struct{ Token string } }
	run(t, "SignIn", map[string]any{"caseNumber": in.CaseNumber, "accessCode": in.AccessCode}, "", &signIn)
	token := signIn.OpenCaseSession.Token
	var slots struct {
		AvailableSlots []struct{ StartsAt string }
	}
	legal := seed.ID("svc", "legal")
	run(t, "AppointmentSlots", map[string]any{"serviceId": legal, "from": "2026-11-24T00:00:00Z", "to": "2026-12-01T00:00:00Z"}, "", &slots)
	if len(slots.AvailableSlots) == 0 {
		t.Fatal("no free appointment times at Legal Support")
	}
	var booked struct {
		RequestAppointment struct{ ID, Status, IcsURL string }
	}
	run(t, "RequestAppointment", map[string]any{"serviceId": legal, "startsAt": slots.AvailableSlots[0].StartsAt}, token, &booked)
	if booked.RequestAppointment.Status != "REQUESTED" || booked.RequestAppointment.IcsURL == "" {
		t.Errorf("appointment: %+v", booked.RequestAppointment)
	}
	var mine struct {
		MyCase struct {
			CaseNumber   string
			CourtDates   []struct{ CourtName, IcsURL string }
			Appointments []struct{ ID string }
			Referrals    []struct{ ID string }
		}
	}
	run(t, "MyCase", map[string]any{"locale": "es"}, token, &mine)
	if mine.MyCase.CaseNumber != in.CaseNumber || len(mine.MyCase.CourtDates) != 1 || mine.MyCase.CourtDates[0].IcsURL == "" || len(mine.MyCase.Appointments) != 1 {
		t.Errorf("my case: %+v", mine.MyCase)
	}
	var cancelled struct{ CancelMyAppointment struct{ Status string } }
	run(t, "CancelMyAppointment", map[string]any{"appointmentId": booked.RequestAppointment.ID}, token, &cancelled)
	if cancelled.CancelMyAppointment.Status != "CANCELLED" {
		t.Errorf("cancelled appointment: %+v", cancelled)
	}
	var sent struct{ SendCaseMessage struct{ ID string } }
	run(t, "SendMessage", map[string]any{"body": "¿Cuándo es la audiencia?"}, token, &sent)
	if sent.SendCaseMessage.ID == "" {
		t.Error("message not sent")
	}
	if len(mine.MyCase.Referrals) == 0 {
		t.Fatal("my case: no referral")
	}
	var consent struct {
		GiveReferralConsent struct{ ID, ShareLabel string }
	}
	run(t, "GiveConsent", map[string]any{"referralId": mine.MyCase.Referrals[0].ID, "share": "NAME_AND_CONTACT"}, token, &consent)
	if consent.GiveReferralConsent.ShareLabel == "" {
		t.Errorf("consent: %+v", consent)
	}
	var fb struct{ SubmitFeedback struct{ Rating int } }
	run(t, "SubmitFeedback", map[string]any{"input": map[string]any{"rating": 5, "comment": "Gracias"}}, token, &fb)
	if fb.SubmitFeedback.Rating != 5 {
		t.Errorf("feedback: %+v", fb)
	}
	var out struct{ EndCaseSession bool }
	run(t, "SignOut", nil, token, &out)
	if !out.EndCaseSession {
		t.Error("sign out: false")
	}
	for name := range notRun {
		t.Errorf("example operation %s is not run by this test: add it", name)
	}
}
