package httpapi

import (
	"os"
	"runtime/debug"
)

// DefaultMemoryLimit is the Go runtime's soft memory limit for a serving
// process unless GOMEMLIMIT sets one: the heap of a busy server is mostly
// short-lived answers (a directory page allocates ~600 KB), which the
// default collector lets grow to twice the live heap; with the limit it
// collects sooner, keeping the process near 100 MB at saturation
// (BENCHMARKS.md). It is soft: a process that needs more live memory gets
// it, and the runtime caps the collector's share of CPU.
const DefaultMemoryLimit = 56 << 20

// ApplyMemoryLimit sets DefaultMemoryLimit unless GOMEMLIMIT is set. The
// server and the load tool's serving child both call it, so the tool
// measures what runs.
func ApplyMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
}
