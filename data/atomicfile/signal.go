package atomicfile

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// The temp files of the writes in flight. A signal ends the program
// without running a Write's cleanup, so the handler removes them itself.
var inflight = struct {
	sync.Mutex
	paths map[string]bool
}{paths: map[string]bool{}}

// createTemp creates a temp file and records it as in flight, under the
// lock, so a signal cannot come between the two.
func createTemp(dir, pattern string) (*os.File, error) {
	inflight.Lock()
	defer inflight.Unlock()
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		inflight.paths[f.Name()] = true
	}
	return f, err
}

// landed forgets a temp file: renamed into place or removed.
func landed(tmp string) {
	inflight.Lock()
	delete(inflight.paths, tmp)
	inflight.Unlock()
}

// RemoveInFlight removes the temp file of every Write not finished. A
// program that handles its own signals calls it on the way out.
func RemoveInFlight() {
	inflight.Lock()
	defer inflight.Unlock()
	removeInFlight()
}

func removeInFlight() {
	for p := range inflight.paths {
		os.Remove(p)
		delete(inflight.paths, p)
	}
}

// ExitOnSignal makes SIGINT, SIGTERM and SIGHUP remove the temp files of
// the writes in flight, then exit with 128 + the signal's number (130 for
// Ctrl-C, 143 for SIGTERM), as a shell reports a process the signal ended.
// stop restores the signals' default behaviour.
func ExitOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			inflight.Lock() // kept: no temp file is created after this
			removeInFlight()
			code := 1
			if n, ok := s.(syscall.Signal); ok {
				code = 128 + int(n)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
