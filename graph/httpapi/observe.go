package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	codes2 "go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// Metrics are the Prometheus figures of the API: latency per operation,
// errors by code, open subscriptions. Register them once per registry.
type Metrics struct {
	latency       *prometheus.HistogramVec
	errors        *prometheus.CounterVec
	subscriptions prometheus.GaugeFunc

	mu    sync.Mutex
	names map[string]bool
}

// maxOperationNames bounds the operation-name label values: without an
// allow-list, the first names seen of validated operations, the rest "other".
const maxOperationNames = 100

var operationName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// NewMetrics registers the API's metrics with reg; subscribers reports the
// open live subscriptions.
func NewMetrics(reg prometheus.Registerer, subscribers func() int) *Metrics {
	m := &Metrics{
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "graphql_operation_duration_seconds",
			Help:    "Time to answer a GraphQL operation, by operation name and type.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"operation", "type"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "graphql_errors_total",
			Help: "GraphQL errors answered, by extensions.code.",
		}, []string{"code"}),
		names: map[string]bool{},
	}
	m.subscriptions = prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "graphql_subscriptions_open",
		Help: "Open live subscriptions in this process.",
	}, func() float64 { return float64(subscribers()) })
	reg.MustRegister(m.latency, m.errors, m.subscriptions)
	return m
}

// label returns the label of an operation: never a name the client merely
// sent, only that of an operation in a validated document; with an
// allow-list (known) only the names of its operations, else one among the
// first maxOperationNames seen. Everything else is "other"; an operation
// without a name is "anonymous".
func (m *Metrics) label(op *ast.OperationDefinition, known map[string]bool) string {
	switch {
	case op == nil:
		return "other" // refused before it was a known operation
	case op.Name == "":
		return "anonymous"
	case known != nil:
		if known[op.Name] {
			return op.Name
		}
		return "other"
	case !operationName.MatchString(op.Name):
		return "other"
	}
	name := op.Name
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.names[name] {
		return name
	}
	if len(m.names) >= maxOperationNames {
		return "other"
	}
	m.names[name] = true
	return name
}

// observer records each operation's duration and error codes (metrics) and
// passes them to the access log.
type observer struct {
	metrics *Metrics
	// known are the operation names of the allow-list (nil without one).
	known map[string]bool
}

// operationNames lists the names of the allow-list's operations; nil
// without an allow-list.
func operationNames(list AllowList) map[string]bool {
	if list == nil {
		return nil
	}
	names := map[string]bool{}
	for _, text := range list {
		doc, err := parser.ParseQuery(&ast.Source{Input: text})
		if err != nil {
			continue
		}
		for _, op := range doc.Operations {
			if op.Name != "" {
				names[op.Name] = true
			}
		}
	}
	return names
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = observer{}

func (observer) ExtensionName() string { return "Observer" }

func (observer) Validate(graphql.ExecutableSchema) error { return nil }

func (o observer) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	if resp == nil {
		return resp
	}
	name, kind := "", ""
	var op *ast.OperationDefinition
	if graphql.HasOperationContext(ctx) {
		oc := graphql.GetOperationContext(ctx)
		if oc.Operation != nil {
			// The name of the operation the parsed, validated document holds
			// (a GraphQL name: letters, digits, underscores), never the
			// client's operationName as sent: that is free text.
			op = oc.Operation
			kind = string(oc.Operation.Operation)
			name = oc.Operation.Name
		}
	}
	var codes []string
	for _, e := range resp.Errors {
		code, _ := e.Extensions["code"].(string)
		codes = append(codes, code)
	}
	if log := logFrom(ctx); log != nil {
		log.set(name, codes)
	}
	if o.metrics != nil {
		o.metrics.latency.WithLabelValues(o.metrics.label(op, o.known), kind).Observe(time.Since(start).Seconds())
		for _, c := range codes {
			o.metrics.errors.WithLabelValues(c).Inc()
		}
	}
	return resp
}

// accessLog is one request's log line. It holds no personal data: no query
// text, no variables, no addresses, no tokens; case numbers and codes travel
// in variables and bodies only.
type accessLog struct {
	mu        sync.Mutex
	operation string
	codes     []string
}

func (a *accessLog) set(op string, codes []string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.operation == "" {
		a.operation = op
	}
	a.codes = append(a.codes, codes...)
}

type accessLogKey struct{}

func logFrom(ctx context.Context) *accessLog {
	a, _ := ctx.Value(accessLogKey{}).(*accessLog)
	return a
}

// statusRecorder remembers the status written.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (websockets).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// tracer traces requests when tracing is switched on (the global provider
// is a no-op otherwise; see server.go).
var tracer = otel.Tracer("victimservices/graph")

// withAccessLog logs one structured line per request, and wraps it in a
// trace span (continuing the caller's trace from traceparent).
func withAccessLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		entry := &accessLog{}
		rec := &statusRecorder{ResponseWriter: w}
		ctx := otel.GetTextMapPropagator().Extract(r.Context(), propagation.HeaderCarrier(r.Header))
		ctx, span := tracer.Start(ctx, "graphql "+r.Method, trace.WithSpanKind(trace.SpanKindServer))
		defer span.End()
		next.ServeHTTP(rec, r.WithContext(context.WithValue(ctx, accessLogKey{}, entry)))
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		entry.mu.Lock()
		codes := append([]string(nil), entry.codes...)
		op := entry.operation
		entry.mu.Unlock()
		sort.Strings(codes)
		span.SetAttributes(
			attribute.String("graphql.operation.name", op),
			attribute.Int("http.response.status_code", status),
			attribute.String("graphql.error_codes", strings.Join(slicesCompact(codes), ",")),
		)
		if status >= 500 {
			span.SetStatus(codes2.Error, "server error")
		}
		log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("request_id", w.Header().Get("X-Request-ID")),
			slog.String("method", r.Method),
			slog.Int("status", status),
			slog.String("operation", op),
			slog.String("error_codes", strings.Join(slicesCompact(codes), ",")),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
		)
	})
}

func slicesCompact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
