package datatest

import (
	"sync"
	"testing"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/sample"
)

var (
	samplesMu sync.Mutex
	samples   = map[string]*data.Result{}
)

// Sample is the embedded sample of that name (sample.Samples), read as
// --sample reads it, with its label. It is read once per test binary and
// shared: tests must not modify it. A sample that does not load fails tb.
func Sample(tb testing.TB, name string) *data.Result {
	tb.Helper()
	samplesMu.Lock()
	r, ok := samples[name]
	if !ok {
		s, found := sample.Lookup(name)
		if found {
			r = data.ReadFS(sample.FS, s.Dir, data.Options{Label: s.Label, Lineage: s.Lineage})
			samples[name] = r
		}
		ok = found
	}
	samplesMu.Unlock()
	if !ok {
		tb.Fatalf("no sample %q", name)
	}
	if err := r.Err(); err != nil {
		tb.Fatalf("sample %s: %v", name, err)
	}
	return r
}

// SampleDataset is Sample's dataset.
func SampleDataset(tb testing.TB, name string) *data.Dataset {
	tb.Helper()
	return Sample(tb, name).Dataset
}
