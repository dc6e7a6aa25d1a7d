//go:build linux || darwin

package data

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestMaxBytesBoundsSpecialFiles: --max-bytes bounds a device that never
// ends (/dev/zero) and a pipe whose writer does not stop: each is refused
// having given at most the limit and a pipe's buffer, and the load holds a
// few times the limit at most.
func TestMaxBytesBoundsSpecialFiles(t *testing.T) {
	const limit = 1 << 20
	t.Run("dev zero", func(t *testing.T) {
		if _, err := os.Stat("/dev/zero"); err != nil {
			t.Skip("no /dev/zero")
		}
		alloc := allocated(func() {
			r := Read([]string{"/dev/zero"}, Options{MaxBytes: limit})
			if r.Err() == nil || !strings.Contains(r.Err().Error(), "/dev/zero: error: file is larger than the limit of 1.0 MiB") {
				t.Errorf("/dev/zero: %v", r.Err())
			}
		})
		if alloc > 4*limit {
			t.Errorf("refusing /dev/zero allocated %d bytes for a limit of %d", alloc, limit)
		}
	})
	t.Run("fifo", func(t *testing.T) {
		fifo := filepath.Join(t.TempDir(), "par-2023.csv")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		// The writer offers 64 MiB; a reader bound by the limit stops long
		// before, and the writer's next write fails (EPIPE).
		written := make(chan int64, 1)
		go func() {
			w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err != nil {
				written <- -1
				return
			}
			defer w.Close()
			chunk := []byte(strings.Repeat("Sở A,90\n", 8<<10)) // 64 KiB+
			var n int64
			for n < 64<<20 {
				k, err := w.Write(chunk)
				n += int64(k)
				if err != nil {
					break
				}
			}
			written <- n
		}()
		alloc := allocated(func() {
			r := Read([]string{fifo}, Options{MaxBytes: limit})
			if r.Err() == nil || !strings.Contains(r.Err().Error(), "file is larger than the limit of 1.0 MiB") {
				t.Errorf("fifo: %v", r.Err())
			}
		})
		n := <-written
		if n < 0 || n > limit+2<<20 { // the limit, the pipe's buffer (at most 1 MiB) and a chunk
			t.Errorf("the writer got %d bytes into the pipe for a limit of %d", n, limit)
		}
		if alloc > 4*limit {
			t.Errorf("refusing the pipe allocated %d bytes for a limit of %d", alloc, limit)
		}
	})
}

// allocated is how many bytes f allocated on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
