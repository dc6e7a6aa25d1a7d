package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/parlens/parlens/data"
)

// gcSettings reads the GC percent and memory limit without changing them.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// startGC sets what a test of the collector's settings starts from: no
// GOGC or GOMEMLIMIT, GC percent 123, no memory limit; the process's own
// settings come back when the test ends.
func startGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent := debug.SetGCPercent(123)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
}

// collects reports whether fn ran a collection.
func collects(fn func()) bool {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.NumGC > before.NumGC
}

// A load runs with the collector off (under a memory limit when the system
// says what it has), collects once when it ends, and leaves the settings
// as it found them.
func TestLoadGC(t *testing.T) {
	startGC(t)
	restore := loadGC()
	percent, limit := gcSettings()
	if percent != -1 {
		t.Errorf("during a load GC percent %d, want -1 (off)", percent)
	}
	if _, ok := data.AvailableMemory(); ok && limit == math.MaxInt64 {
		t.Error("during a load no memory limit, though the system says what it has")
	}
	if !collects(restore) {
		t.Error("no collection when the load ended")
	}
	if percent, limit := gcSettings(); percent != 123 || limit != math.MaxInt64 {
		t.Errorf("after a load GC percent %d, memory limit %d; want 123 and none", percent, limit)
	}
}

// GOGC in the environment wins: a load leaves the collector alone.
func TestLoadGCRespectsGOGC(t *testing.T) {
	t.Setenv("GOGC", "100")
	defer debug.SetGCPercent(debug.SetGCPercent(77))
	restore := loadGC()
	if percent, _ := gcSettings(); percent != 77 {
		t.Errorf("GC percent %d during a load with GOGC set, want 77", percent)
	}
	restore()
}

// The dashboard holds the collector off from before its load to its first
// frame: the load's own collection still runs and leaves it off; the
// release, once, puts the settings back, and a second release changes
// nothing.
func TestHoldGCAcrossTheLoad(t *testing.T) {
	startGC(t)
	release := holdGC()
	if !collects(loadGC()) {
		t.Error("no collection when the load ended")
	}
	percent, limit := gcSettings()
	if percent != -1 {
		t.Errorf("after the load, before the first frame: GC percent %d, want -1 (off)", percent)
	}
	if _, ok := data.AvailableMemory(); ok && limit == math.MaxInt64 {
		t.Error("collector held off with no memory limit, though the system says what it has")
	}
	release()
	if percent, limit := gcSettings(); percent != 123 || limit != math.MaxInt64 {
		t.Errorf("after the first frame GC percent %d, memory limit %d; want 123 and none", percent, limit)
	}
	debug.SetGCPercent(50)
	release()
	if percent, _ := gcSettings(); percent != 50 {
		t.Errorf("a second release set GC percent %d, want it left at 50", percent)
	}
}
