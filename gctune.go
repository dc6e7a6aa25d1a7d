package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/parlens/parlens/data"
)

var gcOnce sync.Once

// loadGC turns the garbage collector off for the length of a load and
// collects once when it ends: nearly everything a load allocates stays
// live, except the file's text and the parsers' working memory, which are
// garbage exactly then. That one collection hands their memory to what
// follows (the analysis), so it costs no new pages: on the L workload
// (45 MB) peak RSS went from 4.9× to 3.8× the file for about 30 ms of CPU,
// where collections a growing heap triggers mid-load mark a live heap for
// nothing. A soft memory limit at what the system has available keeps the
// collector working meanwhile if memory runs short. It returns the
// function that puts the settings back; GOGC or GOMEMLIMIT in the
// environment win.
func loadGC() (restore func()) {
	back, off := collectorOff()
	if !off {
		return back
	}
	return func() {
		runtime.GC()
		back()
	}
}

// collectorOff turns the garbage collector off under a soft memory limit
// at what the system has available (unless a limit is set already) and
// returns the function that puts both settings back. With GOGC in the
// environment it changes nothing (off is false).
func collectorOff() (restore func(), off bool) {
	if os.Getenv("GOGC") != "" {
		return func() {}, false
	}
	old := debug.SetGCPercent(-1)
	oldLimit := debug.SetMemoryLimit(-1)
	if oldLimit == math.MaxInt64 && os.Getenv("GOMEMLIMIT") == "" {
		if avail, ok := data.AvailableMemory(); ok {
			debug.SetMemoryLimit(avail / 10 * 9)
		}
	}
	return func() {
		debug.SetMemoryLimit(oldLimit)
		debug.SetGCPercent(old)
	}, true
}

// holdGC turns the garbage collector off for the dashboard until its
// first frame of data, and returns the function that puts the settings
// back (once). What the load keeps and what the first analysis allocates
// stay live for the whole session, so a collection between the load's own
// (loadGC, which still runs: the file's text is garbage then) and the first
// frame marks it all for nothing, on the cores that frame waits for: at
// 200,000 units one ran 458 ms in the middle of the analysis and freed 52
// of 943 MB. The collection comes after the first frame instead, while
// the analyst reads it. A soft memory limit at what the system has
// available keeps the collector working meanwhile if memory runs short;
// GOGC or GOMEMLIMIT in the environment win.
func holdGC() (release func()) {
	back, _ := collectorOff()
	var once sync.Once
	return func() { once.Do(back) }
}

// tuneGC sets the garbage collector for a command that loads its data,
// prints a result and exits. Nearly everything a load and its analysis
// allocate stays live until the end, so collections a growing heap
// triggers buy no memory: at GOGC=400 no collection runs after the one
// loadGC makes. A soft memory limit at what the system has available
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
