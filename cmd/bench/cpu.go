package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// CPU time from /proc: on two shared cores it is the steadiest figure of
// what a request costs. The server's is its process's (all threads); the
// database's is every process named postgres on the machine (the postmaster,
// with the time of the backends it has reaped, and the live backends), so
// other work on the same server counts too: run nothing else meanwhile.

// clockTick is the unit of /proc/<pid>/stat times (USER_HZ, 100 on Linux).
const clockTick = 10 * time.Millisecond

// cpuSample is the CPU time the server and PostgreSQL have used so far.
type cpuSample struct {
	server, postgres time.Duration
	ok               bool
}

func sampleCPU(serverPID int, postgres bool) cpuSample {
	srv, ok := procCPU(serverPID, false)
	s := cpuSample{server: srv, ok: ok}
	if postgres {
		s.postgres = postgresCPU()
	}
	return s
}

// perRequest returns the CPU milliseconds per request between two samples.
func perRequest(before, after cpuSample, requests uint64) (server, postgres float64) {
	if !before.ok || !after.ok || requests == 0 {
		return 0, 0
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(requests) }
	return ms(after.server - before.server), ms(after.postgres - before.postgres)
}

// procCPU reads utime+stime of pid (0: this process), and with children
// also cutime+cstime (the time of reaped children).
func procCPU(pid int, children bool) (time.Duration, bool) {
	path := "/proc/self/stat"
	if pid > 0 {
		path = fmt.Sprintf("/proc/%d/stat", pid)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	// The command may hold spaces: fields start after its closing ")".
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	// f[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
	if len(f) < 15 {
		return 0, false
	}
	var ticks int64
	last := 13
	if children {
		last = 15
	}
	for _, v := range f[11 : last+1] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, false
		}
		ticks += n
	}
	return time.Duration(ticks) * clockTick, true
}

// postgresCPU sums the CPU time of the machine's postgres processes: the
// postmaster (with its reaped backends) and every live backend.
func postgresCPU() time.Duration {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	var total time.Duration
	for _, d := range dirs {
		comm, err := os.ReadFile(d + "/comm")
		if err != nil || strings.TrimSpace(string(comm)) != "postgres" {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(d))
		ppidComm := parentComm(pid)
		// The postmaster's parent is not postgres; it carries its reaped
		// children's time.
		t, ok := procCPU(pid, ppidComm != "postgres")
		if ok {
			total += t
		}
	}
	return total
}

func parentComm(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return ""
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return ""
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 2 {
		return ""
	}
	comm, _ := os.ReadFile("/proc/" + f[1] + "/comm")
	return strings.TrimSpace(string(comm))
}
