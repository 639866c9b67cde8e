package outreach

import "github.com/prometheus/client_golang/prometheus"

// Metrics counts notifications by channel and result (sent, failed,
// deferred).
type Metrics struct {
	deliveries *prometheus.CounterVec
}

// NewMetrics registers the counters with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "notifications_total",
		Help: "Notifications outside the app by channel (SMS, EMAIL) and result (sent, failed, deferred).",
	}, []string{"channel", "result"})}
	reg.MustRegister(m.deliveries)
	return m
}

func (m *Metrics) count(channel, result string) {
	if m != nil {
		m.deliveries.WithLabelValues(channel, result).Inc()
	}
}
