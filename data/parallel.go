package data

import (
	"bytes"
	"runtime"
	"sync/atomic"

	"github.com/parlens/parlens/data/join"
)

// Passes over a whole file's bytes, on every core for big files.

// everyPart reports whether ok holds for every line-aligned part of text,
// checking big texts on every core. Cutting after a '\n' keeps both checks
// exact: a line break is a whole UTF-8 character and an NFC starter that
// composes with nothing.
func everyPart(text []byte, ok func([]byte) bool) bool {
	n := min(runtime.GOMAXPROCS(0), len(text)/(4<<20))
	if n < 2 {
		return ok(text)
	}
	var failed atomic.Bool
	var wg join.Group
	start := 0
	for k := 1; k <= n; k++ {
		end := len(text)
		if k < n {
			end = max(start, k*len(text)/n)
			if nl := bytes.IndexByte(text[end:], '\n'); nl >= 0 {
				end += nl + 1
			} else {
				end = len(text)
			}
		}
		part := text[start:end]
		wg.Go(func() {
			if !ok(part) {
				failed.Store(true)
			}
		})
		start = end
		if start == len(text) {
			break
		}
	}
	wg.Wait()
	return !failed.Load()
}

// countByte is bytes.Count(text, {c}), counting big texts on every core.
func countByte(text []byte, c byte) int {
	n := min(runtime.GOMAXPROCS(0), len(text)/(4<<20))
	if n < 2 {
		return bytes.Count(text, []byte{c})
	}
	var total atomic.Int64
	var wg join.Group
	for k := range n {
		part := text[k*len(text)/n : (k+1)*len(text)/n]
		wg.Go(func() { total.Add(int64(bytes.Count(part, []byte{c}))) })
	}
	wg.Wait()
	return int(total.Load())
}

// inRecordParts runs part over n records cut into recordParts(n) ranges,
// each on its own goroutine when there are several, and returns what the
// parts give in record order.
func inRecordParts[T any](n int, part func(from, to int) T) []T {
	k := recordParts(n)
	bounds := make([]int, k+1)
	for i := range bounds {
		bounds[i] = i * n / k
	}
	out := make([]T, k)
	inRanges(bounds, func(i, from, to int) { out[i] = part(from, to) })
	return out
}

// inRanges calls fn(i, bounds[i], bounds[i+1]) for every range, each on
// its own goroutine when there are several, and waits for them all.
func inRanges(bounds []int, fn func(i, from, to int)) {
	if len(bounds) == 2 {
		fn(0, bounds[0], bounds[1])
		return
	}
	var wg join.Group
	for i := range len(bounds) - 1 {
		wg.Go(func() { fn(i, bounds[i], bounds[i+1]) })
	}
	wg.Wait()
}
