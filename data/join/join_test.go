package join

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
)

func TestWaitRaisesAWorkersPanic(t *testing.T) {
	var g Group
	var done atomic.Int32
	for i := range 4 {
		g.Go(func() {
			if i == 2 {
				panic("index out of range in part 2")
			}
			done.Add(1)
		})
	}
	<-g.Failed()
	defer func() {
		r := recover()
		var p *Panic
		if err, ok := r.(error); !ok || !errors.As(err, &p) {
			t.Fatalf("Wait raised %v (%T), want a *Panic", r, r)
		}
		if p.Value != "index out of range in part 2" || !strings.Contains(p.Error(), "in a worker goroutine") || !strings.Contains(string(p.Stack), "join_test.go") {
			t.Errorf("panic = %q", p.Error())
		}
		if done.Load() != 3 {
			t.Errorf("%d workers finished, want the other 3", done.Load())
		}
	}()
	g.Wait()
	t.Fatal("Wait returned after a worker panicked")
}

func TestWaitWithoutPanic(t *testing.T) {
	var g Group
	var n atomic.Int32
	for range 8 {
		g.Go(func() { n.Add(1) })
	}
	g.Wait()
	if n.Load() != 8 {
		t.Errorf("%d workers ran, want 8", n.Load())
	}
	select {
	case <-g.Failed():
		t.Error("Failed is closed without a panic")
	default:
	}
	var empty Group
	empty.Wait() // no worker: returns
}
