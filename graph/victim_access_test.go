package graph_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"victimservices/ent/schema/viewer"
	"victimservices/graph/graphtest"
	"victimservices/internal/cases"
	"victimservices/locales"
)

const signIn = `mutation($n: String!, $c: String!) { openCaseSession(caseNumber: $n, accessCode: $c) { token } }`

// retryAfterOf returns extensions.retryAfter of the first error, or 0.
func retryAfterOf(resp *graphtest.Response) float64 {
	if len(resp.Errors) == 0 {
		return 0
	}
	n, _ := resp.Errors[0].Extensions["retryAfter"].(float64)
	return n
}

// TestReissueLiftsTheLock: a stranger who knows a case number and locks it
// with wrong codes cannot lock the victim out for good: the advocate's
// reissueAccessCode makes the new code work at once (the old one never
// again). Every RATE_LIMITED answer says when to try again.
func TestReissueLiftsTheLock(t *testing.T) {
	s := graphtest.New(t)
	number, code := s.Intake(t, "en")
	for i := 0; i <= cases.SignInFailuresPerCase; i++ {
		s.DoFrom(t, fmt.Sprintf("198.51.100.%d:1", i+1), graphtest.Request{Query: signIn, Variables: map[string]any{"n": number, "c": "WRONG-CODE-0000"}})
	}
	locked := s.DoFrom(t, "203.0.113.9:1", graphtest.Request{Query: signIn, Variables: map[string]any{"n": number, "c": code}})
	if locked.ErrorCode() != "RATE_LIMITED" || retryAfterOf(locked) < 1 || retryAfterOf(locked) > 3600 {
		t.Fatalf("the right code on a locked case: code %q retryAfter %v, want RATE_LIMITED with 1..3600 s", locked.ErrorCode(), retryAfterOf(locked))
	}
	var reissued struct {
		ReissueAccessCode struct{ AccessCode string }
	}
	s.Do(t, graphtest.Request{Query: `mutation($id: ID!) { reissueAccessCode(caseId: $id) { accessCode } }`,
		Variables: map[string]any{"id": s.Case(t, number).ID}, Header: graphtest.Bearer(s.Token(t, viewer.RoleSupervisor))}).Decode(t, &reissued)
	if resp := s.DoFrom(t, "203.0.113.9:1", graphtest.Request{Query: signIn, Variables: map[string]any{"n": number, "c": reissued.ReissueAccessCode.AccessCode}}); resp.ErrorCode() != "" {
		t.Errorf("the new code right after reissue: %+v", resp.Errors)
	}
	if resp := s.DoFrom(t, "203.0.113.9:1", graphtest.Request{Query: signIn, Variables: map[string]any{"n": number, "c": code}}); resp.ErrorCode() != "UNAUTHENTICATED" {
		t.Errorf("the old code after reissue: code %q, want UNAUTHENTICATED", resp.ErrorCode())
	}
}

// TestIPv6ClientsCountByPrefix: per-client limits count an IPv6 client by
// its /64, so hopping addresses inside it gains nothing.
func TestIPv6ClientsCountByPrefix(t *testing.T) {
	s := graphtest.New(t)
	in := map[string]any{"preferredLocale": "en", "contactMethod": "IN_APP", "safeToLeaveMessage": false}
	ask := func(addr string) *graphtest.Response {
		return s.DoFrom(t, addr, graphtest.Request{Query: intakeMutation, Variables: map[string]any{"in": in}})
	}
	for i := 1; i <= cases.IntakesPerClient; i++ {
		if resp := ask(fmt.Sprintf("[2001:db8:1:2::%x]:443", i)); resp.ErrorCode() != "" {
			t.Fatalf("intake %d: %+v", i, resp.Errors)
		}
	}
	if resp := ask("[2001:db8:1:2:ffff::1]:443"); resp.ErrorCode() != "RATE_LIMITED" || retryAfterOf(resp) < 1 {
		t.Errorf("another address in the same /64: code %q retryAfter %v, want RATE_LIMITED", resp.ErrorCode(), retryAfterOf(resp))
	}
	if resp := ask("[2001:db8:1:3::1]:443"); resp.ErrorCode() != "" {
		t.Errorf("another /64: %+v", resp.Errors)
	}
}

// TestEmergencyFirstWhenRefused: a person who said they are not safe gets
// the emergency message and lines in their language even when their request
// is refused (rate limit, bad input), with retryAfter when limited; failed
// validations do not count against the limit.
func TestEmergencyFirstWhenRefused(t *testing.T) {
	s := graphtest.New(t)
	es, _ := locales.ByCode("es")
	base := func(extra map[string]any) map[string]any {
		in := map[string]any{"preferredLocale": "es", "contactMethod": "IN_APP", "safeToLeaveMessage": false}
		for k, v := range extra {
			in[k] = v
		}
		return in
	}
	const addr = "192.0.2.77:1"
	ask := func(in map[string]any) *graphtest.Response {
		return s.DoFrom(t, addr, graphtest.Request{Query: intakeMutation, Variables: map[string]any{"in": in}})
	}
	// Bad input from a person in danger: refused, and still shown who to call.
	bad := ask(base(map[string]any{"immediateDanger": true, "contactMethod": "PHONE", "phone": "12"}))
	checkEmergency(t, "bad input", bad, "BAD_USER_INPUT", es.T("emergency.title", nil))
	for i := 0; i < cases.IntakesPerClient+2; i++ { // refused validations: they do not count
		if resp := ask(base(map[string]any{"contactMethod": "EMAIL"})); resp.ErrorCode() != "BAD_USER_INPUT" {
			t.Fatalf("an intake without its email: %q", resp.ErrorCode())
		}
	}
	for i := 0; i < cases.IntakesPerClient; i++ {
		if resp := ask(base(nil)); resp.ErrorCode() != "" {
			t.Fatalf("intake %d after refused validations: %+v", i+1, resp.Errors)
		}
	}
	limited := ask(base(map[string]any{"safeNow": false}))
	checkEmergency(t, "rate limited", limited, "RATE_LIMITED", es.T("emergency.title", nil))
	if retryAfterOf(limited) < 1 {
		t.Errorf("rate limited without retryAfter: %+v", limited.Errors)
	}
	if calm := ask(base(nil)); calm.ErrorCode() != "RATE_LIMITED" || calm.Errors[0].Extensions["emergencyContacts"] != nil {
		t.Errorf("a calm request past the limit: %+v, want RATE_LIMITED without emergency lines", calm.Errors)
	}
}

func checkEmergency(t *testing.T, name string, resp *graphtest.Response, wantCode, wantMessage string) {
	t.Helper()
	if resp.ErrorCode() != wantCode {
		t.Fatalf("%s: code %q, want %s (%+v)", name, resp.ErrorCode(), wantCode, resp.Errors)
	}
	ext := resp.Errors[0].Extensions
	if ext["emergencyMessage"] != wantMessage {
		t.Errorf("%s: emergencyMessage %v, want %q", name, ext["emergencyMessage"], wantMessage)
	}
	b, _ := json.Marshal(ext["emergencyContacts"])
	var lines []struct {
		Name   string
		Phones []struct{ Display, Kind, TelURI, SmsURI string }
	}
	_ = json.Unmarshal(b, &lines)
	if len(lines) < 2 || len(lines[0].Phones) == 0 || lines[0].Phones[0].TelURI != "tel:911" {
		t.Errorf("%s: emergencyContacts %s, want 911 first and the 24/7 line", name, b)
	}
	texts := 0
	for _, l := range lines {
		for _, p := range l.Phones {
			if p.Kind == "SMS" {
				texts++
				if p.TelURI != "" || !strings.HasPrefix(p.SmsURI, "sms:") {
					t.Errorf("%s: the text line %q of %s: telUri %q smsUri %q, want only an sms: URI", name, p.Display, l.Name, p.TelURI, p.SmsURI)
				}
			}
		}
	}
	if texts == 0 {
		t.Errorf("%s: no text line among %s (988 and the hotline take texts)", name, b)
	}
}
