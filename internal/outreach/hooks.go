package outreach

import (
	"context"
	"net/http"
	"strings"

	"victimservices/ent/notification"
	"victimservices/ent/schema/nodeid"
	"victimservices/internal/delivery"
	"victimservices/internal/request"
	"victimservices/locales"
)

// Hooks serves the SMS provider's callbacks (POST, form-encoded, signed
// with X-Twilio-Signature over PublicURL + path and the form):
//
//	/hooks/sms/status   delivery reports: the notification (?n=, else the message SID)
//	                    becomes DELIVERED or FAILED
//	/hooks/sms/inbound  replies: STOP stops all outside messages of the cases with
//	                    that number, START lifts a stop made by text, HELP answers
//	                    with the unit's number; anything else gets "this number
//	                    cannot read replies" (and is not stored)
//
// A request without a valid signature gets 403 and changes nothing; without
// SMS_AUTH_TOKEN the hooks answer 404.
func (o *Outreach) Hooks() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /hooks/sms/status", o.verified(o.status))
	mux.HandleFunc("POST /hooks/sms/inbound", o.verified(o.inbound))
	return mux
}

func (o *Outreach) verified(next func(http.ResponseWriter, *http.Request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if o.cfg.SMSAuthToken == "" {
			http.NotFound(w, r)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		// The signature covers the URL the provider called: PublicURL
		// behind a proxy, else this request's own (the token, not the
		// address, is the secret).
		base := strings.TrimRight(o.cfg.PublicURL, "/")
		if base == "" {
			base = "http://" + r.Host
		}
		url := base + r.URL.RequestURI()
		if !delivery.VerifySignature(o.cfg.SMSAuthToken, url, r.PostForm, r.Header.Get("X-Twilio-Signature")) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next(w, r.WithContext(request.WithLiveClock(r.Context(), o.cfg.Clock)))
	}
}

func (o *Outreach) status(w http.ResponseWriter, r *http.Request) {
	rep, err := delivery.ParseStatus(r.PostForm)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var status notification.Status
	switch rep.Status {
	case "delivered":
		status = notification.StatusDELIVERED
	case "failed", "undelivered":
		status = notification.StatusFAILED
	default: // queued, sending, sent: nothing new
		w.WriteHeader(http.StatusNoContent)
		return
	}
	ctx := system(r.Context())
	// The callback names its notification (?n=, under the signature): a
	// report may arrive before the send was recorded with its SID.
	which := notification.And(notification.ProviderID(rep.ProviderID), notification.TransportEQ("sms"))
	if id := r.URL.Query().Get("n"); id != "" {
		which = notification.And(notification.ID(nodeid.ID(id)), notification.ChannelEQ(notification.ChannelSMS),
			notification.ProviderIDIn("", rep.ProviderID))
	}
	u := o.cfg.Client.Notification.Update().Where(which).SetStatus(status).SetProviderID(rep.ProviderID)
	if rep.ErrorCode != "" {
		u.SetLastError(rep.ErrorCode)
	}
	if err := u.Exec(ctx); err != nil {
		o.cfg.Logger.Error("delivery report not recorded", "error", err.Error())
		http.Error(w, "unavailable", http.StatusServiceUnavailable) // the provider retries
		return
	}
	if status == notification.StatusFAILED {
		o.cfg.Metrics.count(string(notification.ChannelSMS), "failed")
	}
	w.WriteHeader(http.StatusNoContent)
}

func (o *Outreach) inbound(w http.ResponseWriter, r *http.Request) {
	in, err := delivery.ParseInbound(r.PostForm)
	if err != nil || o.replies == nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	reply, err := o.answer(r.Context(), in)
	if err != nil {
		o.cfg.Logger.Error("reply by text not recorded", "error", err.Error())
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(delivery.TwiML(reply))
}

// answer acts on a reply by text and returns the answer to send back.
func (o *Outreach) answer(ctx context.Context, in delivery.Inbound) (string, error) {
	var code string
	var err error
	kw := delivery.ClassifyKeyword(in.Body)
	switch kw {
	case delivery.KeywordStop:
		code, err = o.replies.StopOutreachByPhone(ctx, in.From, true)
	case delivery.KeywordStart:
		code, err = o.replies.StopOutreachByPhone(ctx, in.From, false)
	default:
		code, err = o.replies.LocaleByPhone(ctx, in.From)
	}
	if err != nil {
		return "", err
	}
	l := locales.Match(code)
	switch kw {
	case delivery.KeywordStop:
		return l.T("outreach.stopped", nil), nil
	case delivery.KeywordStart:
		return l.T("outreach.started", nil), nil
	case delivery.KeywordHelp:
		return l.T("outreach.help", map[string]any{"Sender": o.cfg.NeutralSender, "Phone": o.cfg.UnitPhone}), nil
	}
	return l.T("outreach.noReplies", nil), nil
}
