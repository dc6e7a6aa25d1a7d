// Package join runs work on goroutines and waits for it, raising on the
// goroutine that waits any panic a worker met. A panic on a goroutine of
// its own ends the process at once, past every recovery: the dashboard's
// crash screen and terminal restore, the command line's two-line report.
// Raised again where the work was asked for, a bug in parallel work is
// told as any other.
package join

import (
	"fmt"
	"runtime/debug"
	"sync"
)

// Group is a sync.WaitGroup for work that may panic.
type Group struct {
	wg     sync.WaitGroup
	once   sync.Once
	mu     sync.Mutex
	failed chan struct{} // closed at the first panic
	panic  *Panic
}

// Panic is a worker's panic as Wait raises it again, with the worker's stack.
type Panic struct {
	Value any
	Stack []byte
}

func (p *Panic) Error() string {
	return fmt.Sprintf("%v\n\nin a worker goroutine:\n%s", p.Value, p.Stack)
}

// Go runs fn on a new goroutine.
func (g *Group) Go(fn func()) {
	g.once.Do(g.init)
	g.wg.Go(func() {
		defer func() {
			if r := recover(); r != nil {
				g.fail(&Panic{Value: r, Stack: debug.Stack()})
			}
		}()
		fn()
	})
}

func (g *Group) init() { g.failed = make(chan struct{}) }

func (g *Group) fail(p *Panic) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.panic == nil {
		g.panic = p
		close(g.failed)
	}
}

// Failed is closed when a worker has panicked: for a caller that waits on
// a worker's result, which a panicked worker never sends. Nil (never
// ready) before the first Go.
func (g *Group) Failed() <-chan struct{} { return g.failed }

// Wait waits for every worker, then raises the first panic among them.
func (g *Group) Wait() {
	g.wg.Wait()
	if g.panic != nil {
		panic(g.panic)
	}
}
