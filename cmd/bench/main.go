// Command bench is the load tool: it creates a fresh database (SQLite or
// PostgreSQL), seeds the demo data and a generated scale, starts the API in
// process, and drives the operations the mobile app really sends, open-loop
// at a fixed rate (so latency is not hidden by coordinated omission) and at
// saturation. It reports per operation throughput, latency percentiles,
// errors, SQL statements and allocations per request, and the peak RSS.
//
//	go run ./cmd/bench -quick                       # under a minute, prints only
//	go run ./cmd/bench -db postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable -scale city -write
//
// See BENCHMARKS.md for the figures and README for how to run the scales.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"entgo.io/ent/privacy"
	_ "github.com/lib/pq"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"victimservices/ent"
	"victimservices/ent/casefile"
	"victimservices/ent/staff"
	"victimservices/graph/httpapi"
	"victimservices/internal/accesscode"
	"victimservices/internal/auth"
	"victimservices/internal/seed"
	"victimservices/internal/storage"
)

type options struct {
	db         string
	scale      string
	duration   time.Duration
	rate       int
	saturate   bool
	quick      bool
	write      bool
	out        string
	keep       bool
	only       string
	satWorker  int
	memprofile string
	childServe string
	inProcess  bool
	reuse      string
	cpuprofile string
}

func main() {
	var o options
	flag.StringVar(&o.db, "db", "sqlite", `"sqlite" (a temporary file) or a PostgreSQL URL to create a throwaway database on`)
	flag.StringVar(&o.scale, "scale", "small", "small (the demo data), city or state")
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "how long each operation runs at each rate")
	flag.IntVar(&o.rate, "rate", 200, "fixed request rate per second")
	flag.BoolVar(&o.saturate, "saturate", true, "also run each operation at saturation")
	flag.IntVar(&o.satWorker, "workers", 32, "concurrent connections at saturation")
	flag.BoolVar(&o.quick, "quick", false, "a run under a minute: small scale, 2 s per operation, prints only")
	flag.BoolVar(&o.write, "write", false, "write results to bench-results.json and a section of BENCHMARKS.md")
	flag.StringVar(&o.out, "out", "BENCHMARKS.md", "where -write puts the table")
	flag.BoolVar(&o.keep, "keep", false, "keep the PostgreSQL database afterwards")
	flag.StringVar(&o.only, "only", "", "comma-separated operation names to run")
	flag.StringVar(&o.memprofile, "memprofile", "", "write an allocation profile of the probes here")
	flag.StringVar(&o.childServe, "child-serve", "", "internal: serve the API on this database URL (the load runs against a child process)")
	flag.BoolVar(&o.inProcess, "in-process", false, "serve the load from this process instead of a child (peak RSS then includes the generator)")
	flag.StringVar(&o.reuse, "reuse", "", "a PostgreSQL URL printed by an earlier -keep run of the same scale: skip seeding (for profiling; not with -write)")
	flag.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the serving child process here")
	flag.Parse()
	if o.reuse != "" && o.write {
		fmt.Fprintln(os.Stderr, "bench: -reuse is for profiling; -write records only freshly seeded runs")
		os.Exit(2)
	}
	if o.quick {
		o.scale, o.duration, o.rate, o.write = "small", 2*time.Second, 100, false
	}
	if o.childServe != "" {
		if err := serveChild(o.childServe, o.cpuprofile); err != nil {
			fmt.Fprintln(os.Stderr, "bench child:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// result is one operation at one load.
type result struct {
	Operation  string  `json:"operation"`
	Load       string  `json:"load"`
	Rate       float64 `json:"requested_rate"`
	Throughput float64 `json:"throughput"`
	P50        float64 `json:"p50_ms"`
	P95        float64 `json:"p95_ms"`
	P99        float64 `json:"p99_ms"`
	Max        float64 `json:"max_ms"`
	Requests   uint64  `json:"requests"`
	Errors     int     `json:"errors"`
	Statements float64 `json:"sql_statements_per_op"`
	ServerCPU  float64 `json:"server_cpu_ms_per_op"`
	PGCPU      float64 `json:"pg_cpu_ms_per_op"`
	Allocs     float64 `json:"allocs_per_op"`
	Bytes      float64 `json:"bytes_per_op"`
}

type report struct {
	Date       string   `json:"date"`
	Commit     string   `json:"commit"`
	Machine    string   `json:"machine"`
	Database   string   `json:"database"`
	Scale      string   `json:"scale"`
	SeedTime   string   `json:"seed_time"`
	ColdStart  string   `json:"cold_start_embedded"`
	WarmStart  string   `json:"warm_start_embedded"`
	PeakRSSMB  float64  `json:"peak_rss_mb"`
	StaticRPS  float64  `json:"static_handler_rps"`
	CachedRPS  float64  `json:"cached_get_rps"`
	CacheRatio float64  `json:"cached_to_static_ratio"`
	Results    []result `json:"results"`
}

// op is one operation the app sends.
type op struct {
	name   string
	method string
	path   string
	body   string
	header http.Header
	static bool
	// pool: the body is a template of a case ID and a status, cycling
	// through the pool (first round AWAITING_COURT, next IN_PROGRESS, …).
	pool []string
	// next numbers the pool's requests across probes and runs.
	next *atomic.Int64
}

func run(o options) error {
	ctx := context.Background()
	sc, ok := seed.Scales[o.scale]
	if !ok {
		return fmt.Errorf("unknown scale %q", o.scale)
	}
	rep := report{Date: time.Now().UTC().Format("2006-01-02 15:04 MST"), Commit: gitCommit(), Machine: machine(), Scale: sc.Name}
	cold, warm, err := startTimes()
	if err != nil {
		return err
	}
	rep.ColdStart, rep.WarmStart = cold.Round(time.Millisecond).String(), warm.Round(time.Millisecond).String()
	fmt.Printf("start on the embedded default: %s with an empty database (migrate + demo data), %s with a seeded one\n", rep.ColdStart, rep.WarmStart)

	dbURL, drop, err := o.reuse, func() {}, error(nil)
	if o.reuse == "" {
		dbURL, drop, err = freshDatabase(o.db)
	}
	if err != nil {
		return err
	}
	if o.keep && o.reuse == "" {
		fmt.Println("keeping the database:", dbURL)
	} else {
		defer drop()
	}
	rep.Database = strings.SplitN(dbURL, ":", 2)[0]
	counter := &storage.StatementCounter{}
	client, db, err := storage.Open(dbURL, counter)
	if err != nil {
		return err
	}
	defer client.Close()
	if err := storage.Migrate(ctx, client, db, dbURL, false); err != nil {
		return err
	}
	began := time.Now()
	if o.reuse == "" {
		if _, err := seed.Load(ctx, client); err != nil {
			return err
		}
	}
	hasher := accesscode.NewHasher(4)
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	advocate, supervisor, err := benchStaff(sys, client, o.reuse != "")
	if err != nil {
		return err
	}
	if o.reuse != "" {
		fmt.Println("reusing the seeded database:", dbURL)
		// The earlier run's intakes and sign-ins count against the rate
		// limits the fixtures would meet.
		if _, err := client.RateEvent.Delete().Exec(sys); err != nil {
			return err
		}
	} else if sc.Cases > 0 || sc.Services > 0 {
		hash, _ := hasher.Hash(ctx, accesscode.NewCode())
		if err := seed.LoadScale(ctx, client, sc, hash, advocate.ID, time.Now(), func(s string) { fmt.Println("  seeded", s) }); err != nil {
			return err
		}
	}
	if strings.HasPrefix(dbURL, "postgres") {
		// Fresh statistics, as autovacuum would give a production database
		// some minutes after a bulk load; without them plans are guesses.
		if _, err := client.ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
			return err
		}
		// And the bulk load's WAL written out, as it would be by then: a
		// checkpoint the load triggered would otherwise spread its writes
		// over the next minute and a half, under whichever operations come
		// next (at state scale it doubled the case view's PG CPU and put its
		// p99 at 677 ms). CHECKPOINT needs a superuser or pg_checkpoint;
		// without either, the run goes on.
		if _, err := client.ExecContext(ctx, "CHECKPOINT"); err != nil {
			fmt.Println("no CHECKPOINT after seeding:", err)
		}
	}
	rep.SeedTime = time.Since(began).Round(time.Second).String()
	fmt.Printf("seeded %s scale on %s in %s\n", sc.Name, rep.Database, rep.SeedTime)

	// The probes use a handler in this process (to count statements and
	// allocations); the load goes to a child process serving the same
	// database, so its peak RSS is the server's own.
	api := newAPI(client, hasher)
	base, twinBase, childPID, stopChild, err := startServer(o, api, dbURL)
	if err != nil {
		return err
	}
	defer stopChild()

	// Fixtures: a victim session on a case the advocate works, with history.
	f, err := fixtures(ctx, base, client, benchSecret, advocate, supervisor)
	if err != nil {
		return err
	}
	ops := operations(f)

	for _, p := range ops {
		if o.only != "" && !strings.Contains(","+o.only+",", ","+p.name+",") && !p.static {
			continue
		}
		target := base
		if p.static {
			target = twinBase
		}
		stmts, allocs, bytesPer := probe(api, p, counter)
		loads := []struct {
			name string
			rate int
		}{{"fixed", o.rate}}
		if o.saturate {
			loads = append(loads, struct {
				name string
				rate int
			}{"saturation", 0})
		}
		for _, l := range loads {
			pg := strings.HasPrefix(o.db, "postgres")
			before := sampleCPU(childPID, pg)
			r := attack(target, p, l.rate, o.duration, o.satWorker)
			r.ServerCPU, r.PGCPU = perRequest(before, sampleCPU(childPID, pg), r.Requests)
			r.Load, r.Statements, r.Allocs, r.Bytes = l.name, stmts, allocs, bytesPer
			if p.static {
				r.Statements, r.Allocs, r.Bytes = 0, 0, 0
			}
			rep.Results = append(rep.Results, r)
			fmt.Printf("  %-22s %-10s %8.0f req/s  p50 %6.2f  p95 %6.2f  p99 %7.2f  max %7.2f ms  errors %d  sql/op %.1f  server CPU %.2f ms  PG CPU %.2f ms\n",
				r.Operation, r.Load, r.Throughput, r.P50, r.P95, r.P99, r.Max, r.Errors, r.Statements, r.ServerCPU, r.PGCPU)
			if l.name == "saturation" && p.name == "cached public GET" {
				rep.CachedRPS = r.Throughput
			}
			if l.name == "saturation" && p.static {
				rep.StaticRPS = r.Throughput
			}
		}
	}
	if rep.StaticRPS > 0 {
		rep.CacheRatio = rep.CachedRPS / rep.StaticRPS
	}
	if o.memprofile != "" {
		f, err := os.Create(o.memprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return err
		}
	}
	rep.PeakRSSMB = peakRSS(childPID)
	printTable(os.Stdout, rep)
	if o.write {
		return write(o, rep)
	}
	return nil
}

// benchStaff creates the advocate the scaled cases belong to and a
// supervisor, or with reuse finds the ones an earlier run created.
func benchStaff(sys context.Context, client *ent.Client, reuse bool) (advocate, supervisor *ent.Staff, err error) {
	get := func(name string, role staff.Role) (*ent.Staff, error) {
		if reuse {
			return client.Staff.Query().Where(staff.Name(name)).First(sys)
		}
		return client.Staff.Create().SetName(name).SetRole(role).Save(sys)
	}
	if advocate, err = get("Bench Advocate", staff.RoleADVOCATE); err != nil {
		return nil, nil, err
	}
	supervisor, err = get("Bench Supervisor", staff.RoleSUPERVISOR)
	return advocate, supervisor, err
}

// fixture values the operations need.
type fixture struct {
	victimToken, advocateToken string
	caseID, serviceID          string
	// pool are cases the status updates cycle through, so concurrent
	// updates rarely meet on one case.
	pool []string
}

// poolSize is the number of cases status updates cycle through.
const poolSize = 1024

func fixtures(ctx context.Context, base string, client *ent.Client, secret []byte, advocate, supervisor *ent.Staff) (fixture, error) {
	var f fixture
	var intake struct {
		Data struct {
			RequestSupport struct{ CaseNumber, AccessCode string }
		}
	}
	if err := gql(base, "", `mutation { requestSupport(input: {preferredLocale: "es", contactMethod: IN_APP, safeToLeaveMessage: true}) { caseNumber accessCode } }`, &intake); err != nil {
		return f, err
	}
	in := intake.Data.RequestSupport
	var session struct {
		Data struct{ OpenCaseSession struct{ Token string } }
	}
	if err := gql(base, "", fmt.Sprintf(`mutation { openCaseSession(caseNumber: %q, accessCode: %q) { token } }`, in.CaseNumber, in.AccessCode), &session); err != nil {
		return f, err
	}
	f.victimToken = session.Data.OpenCaseSession.Token
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	cf, err := client.CaseFile.Query().Where(casefile.CaseNumber(in.CaseNumber)).Only(sys)
	if err != nil {
		return f, err
	}
	f.caseID = string(cf.ID)
	sup, _ := auth.SignStaffToken(secret, supervisor, time.Now(), auth.DefaultMaxTokenTTL)
	f.advocateToken, _ = auth.SignStaffToken(secret, advocate, time.Now(), auth.DefaultMaxTokenTTL)
	steps := []string{
		fmt.Sprintf(`mutation { assignAdvocate(caseId: %q, advocateId: %q) { version } }`, f.caseID, advocate.ID),
		fmt.Sprintf(`mutation { recordFirstContact(caseId: %q) { version } }`, f.caseID),
		fmt.Sprintf(`mutation { addCourtDate(caseId: %q, input: {at: %q, courtName: "Cook County"}) { version } }`, f.caseID, time.Now().Add(72*time.Hour).Format(time.RFC3339)),
		fmt.Sprintf(`mutation { proposeReferral(caseId: %q, partnerId: %q, reason: "bench") { id } }`, f.caseID, seed.ID("org", "cvn")),
	}
	for _, q := range steps {
		if err := gql(base, sup, q, nil); err != nil {
			return f, err
		}
	}
	f.serviceID = string(seed.ID("svc", "counseling"))
	hash, _ := accesscode.NewHasher(1).Hash(ctx, accesscode.NewCode())
	var pool []*ent.CaseFileCreate
	for i := range poolSize {
		pool = append(pool, client.CaseFile.Create().SetCaseNumber(fmt.Sprintf("VS-P%07d", i)).SetStatus(casefile.StatusIN_PROGRESS).
			SetContactMethod(casefile.ContactMethodIN_APP).SetAccessCodeHash(hash).SetAdvocateID(advocate.ID))
	}
	// A reused database (-reuse) holds the pool of an earlier run.
	created, err := client.CaseFile.Query().Where(casefile.CaseNumberHasPrefix("VS-P")).All(sys)
	if err == nil && len(created) != poolSize {
		created, err = client.CaseFile.CreateBulk(pool...).Save(sys)
	}
	if err != nil {
		return f, err
	}
	for _, c := range created {
		f.pool = append(f.pool, string(c.ID))
	}
	return f, nil
}

// operations are what the mobile app and the staff console send.
func operations(f fixture) []op {
	lang := func(l string) http.Header { return http.Header{"Accept-Language": {l}} }
	auth := func(token string) http.Header { return http.Header{"Authorization": {"Bearer " + token}} }
	directory := `query Directory { services(first: 20) { totalCount edges { node { id name description servedLocale openNow opensAt closesAt
	  hours { summary alwaysOpen byAppointment } phones { display telUri kind } provider { name } } } } }`
	return []op{
		{name: "directory page (es)", method: http.MethodPost, body: directory, header: lang("es-MX")},
		{name: "service detail", method: http.MethodPost, header: lang("es"), body: fmt.Sprintf(`query Service { node(id: %q) { ... on Service {
		  name description categoryLabel hours { summary periods { day opens closes } } openNow phones { display telUri } email
		  languages provider { name email } locations { name address { street city } neighborhood adaAccessible accessibilityNotes } } } }`, f.serviceID)},
		{name: "resource list (ar)", method: http.MethodPost, header: lang("ar"), body: `query Resources { resources(first: 20) { edges { node { slug title summary direction servedLocale } } } }`},
		{name: "one guide (ar)", method: http.MethodPost, header: lang("ar"), body: `query Guide { resource(slug: "going-to-court") { title body direction servedLocale availableLocales } }`},
		{name: "search (es)", method: http.MethodPost, header: lang("es"), body: `query Search { search(text: "abogado") { __typename ... on Service { name } ... on Resource { title } ... on Organization { name } } }`},
		{name: "case view (victim)", method: http.MethodPost, header: auth(f.victimToken), body: `query MyCase { myCase(locale: "es") { caseNumber status statusLabel
		  advocate { displayName phone { telUri } } nextFollowUp events { at title detail } courtDates { at courtName description }
		  compensationClaim { statusLabel } referrals { statusLabel partner { name } } } }`},
		{name: "caseload (advocate)", method: http.MethodPost, header: auth(f.advocateToken), body: `query Caseload { cases(first: 20) { totalCount edges { node {
		  caseNumber status urgent openedAt version safeContact { method safeToLeaveMessage } } } } }`},
		{name: "status update", method: http.MethodPost, header: auth(f.advocateToken), pool: f.pool, next: new(atomic.Int64),
			body: `mutation Status { updateCaseStatus(caseId: "%s", status: %s) { version } }`},
		{name: "cached public GET", method: http.MethodGet, path: "/query?query=" + url.QueryEscape(directory), header: lang("es")},
		{name: "static net/http twin", method: http.MethodGet, path: "/query?query=" + url.QueryEscape(directory), header: lang("es"), static: true},
	}
}

// request builds an op's HTTP request (status updates cycle through a pool
// of cases, alternating, so every one is a valid transition).
func (p op) request(base string) (*http.Request, []byte) {
	body := p.body
	if len(p.pool) > 0 {
		n := int(p.next.Add(1) - 1)
		body = fmt.Sprintf(body, p.pool[n%len(p.pool)], []string{"AWAITING_COURT", "IN_PROGRESS"}[(n/len(p.pool))%2])
	}
	var payload []byte
	if p.method == http.MethodPost {
		payload, _ = json.Marshal(map[string]string{"query": body})
	}
	path := p.path
	if path == "" {
		path = "/query"
	}
	r, _ := http.NewRequest(p.method, base+path, bytes.NewReader(payload))
	r.Header = p.header.Clone()
	if r.Header == nil {
		r.Header = http.Header{}
	}
	r.Header.Set("Content-Type", "application/json")
	return r, payload
}

// probe runs the operation through the handler in process, one at a time,
// to count its SQL statements and server-side allocations per request.
func probe(h http.Handler, p op, counter *storage.StatementCounter) (stmts, allocs, bytesPer float64) {
	if p.static {
		return 0, 0, 0
	}
	const n = 20
	var before, after runtime.MemStats
	for range 3 { // warm caches
		do(h, p)
	}
	counter.Reset()
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range n {
		do(h, p)
	}
	runtime.ReadMemStats(&after)
	return float64(counter.Count()) / n, float64(after.Mallocs-before.Mallocs) / n, float64(after.TotalAlloc-before.TotalAlloc) / n
}

func do(h http.Handler, p op) {
	r, payload := p.request("http://bench")
	req := httptest.NewRequest(r.Method, r.URL.RequestURI(), bytes.NewReader(payload))
	req.Header = r.Header
	h.ServeHTTP(httptest.NewRecorder(), req)
}

// attack drives the operation open-loop at rate per second (0: as fast as
// workers connections allow) and summarises the latencies.
func attack(base string, p op, rate int, d time.Duration, workers int) result {
	targeter := func(t *vegeta.Target) error {
		r, payload := p.request(base)
		t.Method, t.URL, t.Body, t.Header = r.Method, r.URL.String(), payload, r.Header
		return nil
	}
	var pacer vegeta.Pacer = vegeta.ConstantPacer{Freq: rate, Per: time.Second}
	opts := []func(*vegeta.Attacker){vegeta.Timeout(10 * time.Second), vegeta.KeepAlive(true), vegeta.MaxBody(1 << 16)}
	if rate == 0 {
		pacer = vegeta.ConstantPacer{}
		opts = append(opts, vegeta.Workers(uint64(workers)), vegeta.MaxWorkers(uint64(workers)))
	} else {
		opts = append(opts, vegeta.Workers(16))
	}
	attacker := vegeta.NewAttacker(opts...)
	var m vegeta.Metrics
	errors := 0
	for res := range attacker.Attack(targeter, pacer, d, p.name) {
		m.Add(res)
		if res.Code != http.StatusOK && res.Code != http.StatusNotModified || bytes.Contains(res.Body, []byte(`"errors"`)) {
			errors++
		}
	}
	m.Close()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return result{Operation: p.name, Rate: float64(rate), Throughput: m.Throughput, P50: ms(m.Latencies.P50),
		P95: ms(m.Latencies.P95), P99: ms(m.Latencies.P99), Max: ms(m.Latencies.Max), Requests: m.Requests, Errors: errors}
}

// gql posts a query and decodes the answer; GraphQL errors are errors.
func gql(base, token, query string, out any) error {
	body, _ := json.Marshal(map[string]string{"query": query})
	r, _ := http.NewRequest(http.MethodPost, base+"/query", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if bytes.Contains(b, []byte(`"errors"`)) {
		return fmt.Errorf("%s: %s", strings.SplitN(query, "{", 2)[0], b)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

// freshDatabase creates the database to run on and returns its URL and a
// function that drops it.
func freshDatabase(spec string) (string, func(), error) {
	if spec == "sqlite" {
		dir, err := os.MkdirTemp("", "vs-bench-")
		if err != nil {
			return "", nil, err
		}
		return "file:" + filepath.Join(dir, "bench.db"), func() { os.RemoveAll(dir) }, nil
	}
	return storage.ThrowawayDatabase(context.Background(), spec)
}

// startTimes measures how long the embedded default takes to be ready:
// opening, migrating and seeding an empty database, then a seeded one.
func startTimes() (cold, warm time.Duration, err error) {
	dir, err := os.MkdirTemp("", "vs-start-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(dir)
	dsn := "file:" + filepath.Join(dir, "start.db")
	measure := func() (time.Duration, error) {
		began := time.Now()
		client, db, err := storage.Open(dsn, nil)
		if err != nil {
			return 0, err
		}
		defer client.Close()
		ctx := context.Background()
		if err := storage.Migrate(ctx, client, db, dsn, false); err != nil {
			return 0, err
		}
		if _, err := seed.Load(ctx, client); err != nil {
			return 0, err
		}
		h := httpapi.NewHandler(httpapi.Options{Client: client, AuthSecret: []byte(strings.Repeat("s", 32)),
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Hasher: accesscode.NewHasher(1)})
		r := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query":"{ services { totalCount } }"}`))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			return 0, fmt.Errorf("first request: %d", w.Code)
		}
		return time.Since(began), nil
	}
	if cold, err = measure(); err != nil {
		return 0, 0, err
	}
	warm, err = measure()
	return cold, warm, err
}

// peakRSS is a process's peak resident set (VmHWM), in MB: the child
// server's, or this process's (0) when the server ran in process.
func peakRSS(pid int) float64 {
	path := "/proc/self/status"
	if pid > 0 {
		path = fmt.Sprintf("/proc/%d/status", pid)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%f", &kb)
			return kb / 1024
		}
	}
	return 0
}

// benchSecret signs the staff tokens of the run (parent and child agree).
var benchSecret = []byte(strings.Repeat("b", 40))

// newAPI is the API handler as the run serves it.
func newAPI(client *ent.Client, hasher *accesscode.Hasher) http.Handler {
	return httpapi.NewHandler(httpapi.Options{Client: client, AuthSecret: benchSecret, Hasher: hasher, Production: true,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// startServer serves the load: from a child process (default) or from this
// process. It returns the base URL, the child's PID (0 in process) and a stop
// function.
func startServer(o options, api http.Handler, dbURL string) (base, twin string, pid int, stop func(), err error) {
	if o.inProcess {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return "", "", 0, nil, err
		}
		tl, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return "", "", 0, nil, err
		}
		srv := &http.Server{Handler: api, ReadHeaderTimeout: 5 * time.Second}
		ts := &http.Server{Handler: staticTwinOf(api), ReadHeaderTimeout: 5 * time.Second}
		go func() { _ = srv.Serve(ln) }()
		go func() { _ = ts.Serve(tl) }()
		return "http://" + ln.Addr().String(), "http://" + tl.Addr().String(), 0, func() { srv.Close(); ts.Close() }, nil
	}
	cmd := exec.Command(os.Args[0], "-child-serve", dbURL, "-cpuprofile", o.cpuprofile)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", "", 0, nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", "", 0, nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	addrs := strings.Fields(line)
	if err != nil || len(addrs) != 2 {
		_ = cmd.Process.Kill()
		return "", "", 0, nil, fmt.Errorf("child server: %v", err)
	}
	halt := func() {
		// An interrupt lets the child finish its CPU profile.
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	}
	return "http://" + addrs[0], "http://" + addrs[1], cmd.Process.Pid, halt, nil
}

// serveChild is the child process: it serves the API on dbURL and prints its
// address.
func serveChild(dbURL, cpuprofile string) error {
	httpapi.ApplyMemoryLimit()
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt)
		go func() {
			<-sig
			pprof.StopCPUProfile()
			_ = f.Close()
			os.Exit(0)
		}()
	}
	client, _, err := storage.Open(dbURL, nil)
	if err != nil {
		return err
	}
	defer client.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	twin, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	api := newAPI(client, accesscode.NewHasher(4))
	fmt.Println(ln.Addr().String(), twin.Addr().String())
	go func() { _ = (&http.Server{Handler: staticTwinOf(api), ReadHeaderTimeout: 5 * time.Second}).Serve(twin) }()
	srv := &http.Server{Handler: api, ReadHeaderTimeout: 5 * time.Second}
	return srv.Serve(ln)
}

// staticTwinOf is a plain net/http handler answering every request with the
// bytes the API gives for the same request the first time (the cached
// public GET): the yardstick, served by the same process as the API.
func staticTwinOf(api http.Handler) http.Handler {
	var once sync.Once
	var body []byte
	var etag string
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, r.URL.RequestURI(), nil)
			req.Header.Set("Accept-Language", r.Header.Get("Accept-Language"))
			api.ServeHTTP(rec, req)
			body, etag = rec.Body.Bytes(), rec.Header().Get("ETag")
		})
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "public, max-age=60")
		w.Header().Set("ETag", etag)
		_, _ = w.Write(body)
	})
}

func gitCommit() string {
	out, err := exec.Command("git", "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

func machine() string {
	model := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				model = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb float64
		fmt.Sscanf(strings.TrimPrefix(strings.SplitN(string(b), "\n", 2)[0], "MemTotal:"), "%f", &kb)
		mem = fmt.Sprintf(", %.0f GiB", kb/1024/1024)
	}
	return fmt.Sprintf("%d cores (%s%s), %s", runtime.NumCPU(), model, mem, runtime.Version())
}

func printTable(w io.Writer, rep report) {
	tw := tabwriter.NewWriter(w, 2, 2, 2, ' ', 0)
	fmt.Fprintf(tw, "\n%s scale on %s, %s, commit %s\n", rep.Scale, rep.Database, rep.Machine, rep.Commit)
	fmt.Fprintln(tw, "operation\tload\treq/s\tp50 ms\tp95 ms\tp99 ms\tmax ms\terrors\tSQL/op\tserver CPU ms\tPG CPU ms\tallocs/op\tKB/op")
	for _, r := range rep.Results {
		fmt.Fprintf(tw, "%s\t%s\t%.0f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%.1f\t%.2f\t%.2f\t%.0f\t%.1f\n", r.Operation, r.Load, r.Throughput,
			r.P50, r.P95, r.P99, r.Max, r.Errors, r.Statements, r.ServerCPU, r.PGCPU, r.Allocs, r.Bytes/1024)
	}
	tw.Flush()
	fmt.Fprintf(w, "peak RSS %.0f MB (the serving process); cached GET %.0f req/s vs static handler %.0f req/s (ratio %.2f)\n",
		rep.PeakRSSMB, rep.CachedRPS, rep.StaticRPS, rep.CacheRatio)
}

// write saves the report as JSON and as a markdown table in o.out, between
// markers for the database and scale (a new run replaces its own section).
func write(o options, rep report) error {
	js, _ := json.MarshalIndent(rep, "", "  ")
	name := fmt.Sprintf("bench-results-%s-%s.json", rep.Database, rep.Scale)
	if err := os.WriteFile(name, append(js, '\n'), 0o644); err != nil {
		return err
	}
	var b strings.Builder
	begin := fmt.Sprintf("<!-- bench:%s:%s -->", rep.Database, rep.Scale)
	end := fmt.Sprintf("<!-- /bench:%s:%s -->", rep.Database, rep.Scale)
	fmt.Fprintf(&b, "%s\n### %s scale on %s\n\n", begin, rep.Scale, rep.Database)
	fmt.Fprintf(&b, "Measured %s on %s, commit `%s`; seeding took %s. %.0f s per operation and load, fixed rate %d req/s, saturation with %d connections.\n\n",
		rep.Date, rep.Machine, rep.Commit, rep.SeedTime, o.duration.Seconds(), o.rate, o.satWorker)
	b.WriteString("| operation | load | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | SQL/op | server CPU ms | PG CPU ms | allocs/op | KB/op |\n")
	b.WriteString("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range rep.Results {
		fmt.Fprintf(&b, "| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %.1f | %.2f | %.2f | %.0f | %.1f |\n", r.Operation, r.Load, r.Throughput,
			r.P50, r.P95, r.P99, r.Max, r.Errors, r.Statements, r.ServerCPU, r.PGCPU, r.Allocs, r.Bytes/1024)
	}
	fmt.Fprintf(&b, "\nPeak RSS of the serving process %.0f MB. Cached public GET %.0f req/s against a plain net/http handler returning the same bytes at %.0f req/s: ratio **%.2f**. Start on the embedded default: %s with an empty database (migrate + demo data), %s with a seeded one.\n%s\n",
		rep.PeakRSSMB, rep.CachedRPS, rep.StaticRPS, rep.CacheRatio, rep.ColdStart, rep.WarmStart, end)
	old, _ := os.ReadFile(o.out)
	text := string(old)
	if i, j := strings.Index(text, begin), strings.Index(text, end); i >= 0 && j > i {
		text = text[:i] + b.String() + text[j+len(end)+1:]
	} else {
		text += "\n" + b.String()
	}
	return os.WriteFile(o.out, []byte(text), 0o644)
}
