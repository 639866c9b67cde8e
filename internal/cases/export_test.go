package cases

import (
	"sync"
	"time"
)

// StepSessionChecks makes the periodic session checks started from now on
// tick only when the test calls tick (once each); started counts them.
// restore puts the real ticker back.
func StepSessionChecks() (tick func(), started func() int, restore func()) {
	var (
		mu    sync.Mutex
		chans []chan time.Time
	)
	old := sessionTicks
	sessionTicks = func(time.Duration) (<-chan time.Time, func()) {
		mu.Lock()
		defer mu.Unlock()
		ch := make(chan time.Time)
		chans = append(chans, ch)
		return ch, func() {}
	}
	tick = func() {
		mu.Lock()
		all := append([]chan time.Time(nil), chans...)
		mu.Unlock()
		for _, ch := range all {
			ch <- time.Now()
		}
	}
	started = func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(chans)
	}
	return tick, started, func() { sessionTicks = old }
}
