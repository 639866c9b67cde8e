package main

import (
	"testing"
	"time"
)

// TestProcCPU: the CPU time read from /proc grows with work done, and the
// postgres sum is readable (zero when no PostgreSQL runs).
func TestProcCPU(t *testing.T) {
	before, ok := procCPU(0, false)
	if !ok {
		t.Skip("no /proc on this system")
	}
	// A fixed amount of work (about a quarter of a second of CPU here),
	// whatever else the machine does meanwhile.
	x := uint64(1)
	for i := 0; i < 300_000_000; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	sink = x
	after, _ := procCPU(0, false)
	if got := after - before; got < 50*time.Millisecond {
		t.Errorf("a quarter second of work read as %v of CPU", got)
	}
	if postgresCPU() < 0 {
		t.Error("negative postgres CPU")
	}
}

var sink uint64
