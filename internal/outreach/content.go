package outreach

import (
	"victimservices/ent"
	"victimservices/ent/notification"
	"victimservices/internal/delivery"
)

// render writes the message for n (with the others it carries: a digest),
// following the content rules (see the package comment). Staff
// notifications carry the text written when they were queued.
func (o *Outreach) render(n *ent.Notification, claimed []*ent.Notification, r recipient) delivery.Message {
	m := delivery.Message{ID: string(n.ID), To: r.to}
	l := r.locale
	switch {
	case n.Audience == notification.AudienceSTAFF:
		m.FromName, m.Subject, m.Body = l.T("outreach.sender", nil), n.Subject, n.Body
	case r.neutral:
		m.FromName = o.cfg.NeutralSender
		m.Subject = l.T("outreach.neutral.subject", nil)
		m.Body = l.T("outreach.neutral.body", nil)
	default:
		m.FromName = l.T("outreach.sender", nil)
		m.Body = l.T("outreach.topic."+string(n.Topic), nil)
		if len(claimed) > 1 {
			m.Body = l.T("outreach.digest", map[string]any{"Count": len(claimed)})
		}
		m.Subject = m.Body
	}
	return m
}
