package cases

import (
	"context"
	"slices"
	"strings"

	"entgo.io/ent/dialect/sql"

	"victimservices/ent"
	"victimservices/ent/casemessage"
	"victimservices/ent/notification"
	"victimservices/ent/schema/errcode"
	"victimservices/ent/schema/nodeid"
	"victimservices/ent/schema/viewer"
	"victimservices/internal/request"
	"victimservices/locales"
)

// Messages between a victim and their advocate. Each is a change of the
// case through the change path (audited, live, in one transaction) that
// leaves the case's version alone. A message to the victim tells them
// outside the app (topic MESSAGE) with a title only: never its text.

// MessagesPerCase is how many messages a victim may send an hour.
const MessagesPerCase = 20

const bucketMessage = "message_case"

// MessageTemplates are the pre-translated messages an advocate can send in
// the person's language, by message ID (locales: the "template." keys).
var MessageTemplates = []string{
	"template.callWhenSafe",
	"template.courtDateChanged",
	"template.haveUpdate",
	"template.checkIn",
	"template.documentsNeeded",
}

// MessageTemplate is one template as the staff member reads it.
type MessageTemplate struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

// Templates lists the templates in l (the staff member's language).
func Templates(l *locales.Locale) []*MessageTemplate {
	out := make([]*MessageTemplate, len(MessageTemplates))
	for i, k := range MessageTemplates {
		out[i] = &MessageTemplate{Key: k, Text: l.T(k, nil)}
	}
	return out
}

// MessageText is a message as a reader in l reads it: a template in l, free
// text as written.
func MessageText(m *ent.CaseMessage, l *locales.Locale) string {
	if m.Template != "" {
		return l.T(m.Template, nil)
	}
	return m.Body
}

func messageBody(body string) (string, error) {
	body = strings.TrimSpace(body)
	// The schema's limits, checked before the attempt counts against
	// the rate limit.
	if body == "" || casemessage.BodyValidator(body) != nil {
		return "", errcode.Field("body")
	}
	return body, nil
}

// SendCaseMessage is the victim writing to their advocate from their
// session: at most MessagesPerCase an hour (RATE_LIMITED with retryAfter).
func (s *Cases) SendCaseMessage(ctx context.Context, body string) (*ent.CaseMessage, error) {
	v := viewer.FromContext(ctx)
	if !v.IsVictim() {
		return nil, errcode.ErrSessionEnded
	}
	body, err := messageBody(body)
	if err != nil {
		return nil, err
	}
	now := request.Instant(ctx)
	if _, n, err := reserve(ctx, s.client, bucketMessage, v.CaseID, now); err != nil {
		return nil, err
	} else if n > MessagesPerCase {
		wait, err := retryAfter(ctx, s.client, bucketMessage, v.CaseID, now, n, MessagesPerCase)
		if err != nil {
			return nil, err
		}
		return nil, tooMany("error.rateLimited", wait)
	}
	return s.addMessage(ctx, nodeid.ID(v.CaseID), Change{ByVictim: true}, func(cf *ent.CaseFile, c *ent.CaseMessageCreate) {
		c.SetDirection(casemessage.DirectionFROM_VICTIM).SetBody(body).SetLocale(cf.PreferredLocale)
	})
}

// SendMessageToVictim is an advocate or supervisor writing to the person,
// in free text (body) or from a template (its key), which the person reads
// in their own language.
func (s *Cases) SendMessageToVictim(ctx context.Context, caseID nodeid.ID, body, template *string) (*ent.CaseMessage, error) {
	switch {
	case (body == nil) == (template == nil):
		return nil, errcode.Field("body")
	case template != nil && !slices.Contains(MessageTemplates, *template):
		return nil, errcode.Field("template")
	}
	var text string
	if body != nil {
		var err error
		if text, err = messageBody(*body); err != nil {
			return nil, err
		}
	}
	v := viewer.FromContext(ctx)
	return s.addMessage(ctx, caseID, Change{Notify: notification.TopicMESSAGE}, func(cf *ent.CaseFile, c *ent.CaseMessageCreate) {
		c.SetDirection(casemessage.DirectionTO_VICTIM).SetAuthorID(v.StaffID)
		if template != nil {
			l := locales.Match(cf.PreferredLocale)
			c.SetTemplate(*template).SetBody(l.T(*template, nil)).SetLocale(l.Code)
		} else {
			c.SetBody(text).SetLocale("")
		}
	})
}

func (s *Cases) addMessage(ctx context.Context, caseID nodeid.ID, ch Change, set func(*ent.CaseFile, *ent.CaseMessageCreate)) (*ent.CaseMessage, error) {
	var msg *ent.CaseMessage
	ch.Action, ch.KeepVersion = "case.message", true
	ch.Apply = func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
		create := c.CaseMessage.Create().SetCaseID(cf.ID).SetSentAt(request.Instant(ctx))
		set(cf, create)
		var err error
		msg, err = create.Save(ctx)
		return nil, err
	}
	if _, err := s.change(ctx, caseID, nil, ch); err != nil {
		return nil, err
	}
	return msg, nil
}

// MarkMessagesRead records that the viewer read the other side's messages
// of the case (the victim their advocate's, staff the victim's): the read
// receipts. It returns how many were unread.
func (s *Cases) MarkMessagesRead(ctx context.Context, caseID nodeid.ID) (int, error) {
	v := viewer.FromContext(ctx)
	from := casemessage.DirectionFROM_VICTIM
	ch := Change{Action: "case.messages_read", KeepVersion: true}
	if v.IsVictim() {
		caseID, from, ch.ByVictim = nodeid.ID(v.CaseID), casemessage.DirectionTO_VICTIM, true
	}
	var n int
	ch.Apply = func(ctx context.Context, c *ent.Client, cf *ent.CaseFile, _ *ent.CaseFileUpdate) ([]Event, error) {
		var err error
		n, err = c.CaseMessage.Update().
			Where(casemessage.CaseID(cf.ID), casemessage.DirectionEQ(from), casemessage.ReadAtIsNil()).
			SetReadAt(request.Instant(ctx)).Save(ctx)
		return nil, err
	}
	if _, err := s.change(ctx, caseID, nil, ch); err != nil {
		return 0, err
	}
	return n, nil
}

// MessageConnection is a page of a case's messages, oldest first.
type MessageConnection struct {
	Edges      []*MessageEdge `json:"edges"`
	PageInfo   ent.PageInfo   `json:"pageInfo"`
	TotalCount int            `json:"totalCount"`
}

// MessageEdge is one message of a page.
type MessageEdge struct {
	Node   *ent.CaseMessage `json:"node"`
	Cursor ent.Cursor       `json:"cursor"`
}

// DefaultMessagePage is how many messages a page holds unless asked.
const DefaultMessagePage = 20

// Messages pages a case's messages, newest last: the last `last` (default
// DefaultMessagePage, at most 100) before the cursor, so a client shows the
// newest and pages back. ctx reads through the rules (the victim view for
// the victim).
func (s *Cases) Messages(ctx context.Context, cf *ent.CaseFile, last *int, before *ent.Cursor) (*MessageConnection, error) {
	n := DefaultMessagePage
	if last != nil {
		if *last < 0 || *last > 100 {
			return nil, errcode.Field("last")
		}
		n = *last
	}
	c := s.db(ctx)
	q := c.CaseMessage.Query().Where(casemessage.CaseID(cf.ID))
	total, err := q.Clone().Count(ctx)
	if err != nil {
		return nil, err
	}
	if before != nil {
		at, err := c.CaseMessage.Query().Where(casemessage.CaseID(cf.ID), casemessage.ID(before.ID)).Only(ctx)
		if err != nil {
			return nil, errcode.Input("error.invalidCursor", nil)
		}
		q.Where(func(s *sql.Selector) {
			s.Where(sql.Or(sql.LT(s.C(casemessage.FieldSentAt), at.SentAt),
				sql.And(sql.EQ(s.C(casemessage.FieldSentAt), at.SentAt), sql.LT(s.C(casemessage.FieldID), string(at.ID)))))
		})
	}
	list, err := q.Order(ent.Desc(casemessage.FieldSentAt), ent.Desc(casemessage.FieldID)).Limit(n + 1).All(ctx)
	if err != nil {
		return nil, err
	}
	out := &MessageConnection{TotalCount: total, Edges: []*MessageEdge{}}
	out.PageInfo.HasPreviousPage = len(list) > n
	out.PageInfo.HasNextPage = before != nil
	if len(list) > n {
		list = list[:n]
	}
	slices.Reverse(list)
	for _, m := range list {
		out.Edges = append(out.Edges, &MessageEdge{Node: m, Cursor: ent.Cursor{ID: m.ID}})
	}
	if len(out.Edges) > 0 {
		out.PageInfo.StartCursor = &out.Edges[0].Cursor
		out.PageInfo.EndCursor = &out.Edges[len(out.Edges)-1].Cursor
	}
	return out, nil
}

// UnreadMessages counts the messages of the case the viewer has not read:
// for the victim their advocate's, for staff the victim's.
func (s *Cases) UnreadMessages(ctx context.Context, cf *ent.CaseFile) (int, error) {
	from := casemessage.DirectionFROM_VICTIM
	if viewer.FromContext(ctx).IsVictim() {
		from = casemessage.DirectionTO_VICTIM
	}
	return s.db(ctx).CaseMessage.Query().
		Where(casemessage.CaseID(cf.ID), casemessage.DirectionEQ(from), casemessage.ReadAtIsNil()).Count(ctx)
}
