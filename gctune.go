package main

import (
	"os"
	"runtime/debug"
	"sync"

	"github.com/parlens/parlens/data"
)

var gcOnce sync.Once

// loadGC raises GOGC for the length of a load (what tuneGC does for good),
// for the dashboard, which keeps the defaults once its data is in: it
// returns the function that puts the setting back.
func loadGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(400)
	return func() { debug.SetGCPercent(old) }
}

// tuneGC sets the garbage collector for a command that loads its data,
// prints a result and exits. Nearly everything a load allocates stays live
// until the end, so the collections a growing heap triggers (three on the L
// workload, marking a mostly live heap each time) buy no memory: at GOGC=400
// the peak RSS measured the same and `summary` ran about 120 ms faster (see
// BENCHMARKS.md). A soft memory limit at what the system has available
// keeps the collector working before memory runs out. GOGC and GOMEMLIMIT
// in the environment win; the dashboard, which lives on, keeps the defaults.
func tuneGC() {
	gcOnce.Do(func() {
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(400)
		}
		if os.Getenv("GOMEMLIMIT") == "" {
			if avail, ok := data.AvailableMemory(); ok {
				debug.SetMemoryLimit(avail / 10 * 9)
			}
		}
	})
}
