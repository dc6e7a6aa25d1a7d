package data

import (
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parlens/parlens/data/synth"
)

// wideFile is the foundation benchmark's input: 10,000 units × 10 years ×
// 9 components, about 100k rows.
func wideFile(b *testing.B) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := synth.Wide(&buf, synth.Spec{Units: 10000, Years: 10, Components: 9, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// readBare is the floor the budget is measured against: encoding/csv reading
// every row of the bytes, and nothing else.
func readBare(b *testing.B, raw []byte) {
	r := csv.NewReader(bytes.NewReader(raw))
	r.ReuseRecord = true
	n := 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	if n != 100001 {
		b.Fatalf("read %d rows", n)
	}
}

func loadWide(b *testing.B, fsys fstest.MapFS) *Dataset {
	ds, err := LoadFS(fsys, ".", Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(ds.Records) != 100000 {
		b.Fatalf("loaded %d records", len(ds.Records))
	}
	return ds
}

// BenchmarkLoad compares load + validate with a bare encoding/csv read of the
// same bytes. The budget is 2× the bare read: x-csv, from "ratio", which
// alternates the two in every iteration so that a machine slowing down or
// speeding up during the run weighs on both alike. heap-x is the heap the
// loaded dataset holds and peak-x the most live heap during a load, the
// file's own bytes included, both as multiples of the file size (budget 3×).
func BenchmarkLoad(b *testing.B) {
	raw := wideFile(b)
	fsys := fstest.MapFS{"wide.csv": &fstest.MapFile{Data: raw}}
	b.Run("encoding_csv", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			readBare(b, raw)
		}
	})
	b.Run("parlens", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
			loadWide(b, fsys)
		}
		b.StopTimer()
		held, peak := loadHeap(b, fsys)
		b.ReportMetric(held/float64(len(raw)), "heap-x")
		b.ReportMetric(peak/float64(len(raw)), "peak-x")
	})
	b.Run("ratio", func(b *testing.B) {
		var bare, load time.Duration
		for b.Loop() {
			t0 := time.Now()
			readBare(b, raw)
			t1 := time.Now()
			loadWide(b, fsys)
			bare, load = bare+t1.Sub(t0), load+time.Since(t1)
		}
		b.ReportMetric(float64(load)/float64(bare), "x-csv")
	})
}

// loadHeap loads once more and returns the heap the dataset holds and the
// most live heap seen during the load. The collector runs almost constantly
// meanwhile (GC percent 1), so the heap in use is what is live, not garbage
// waiting for a collection that a bigger GOGC would put off.
func loadHeap(b *testing.B, fsys fstest.MapFS) (held, peak float64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() float64 { metrics.Read(sample); return float64(sample[0].Value.Uint64()) }
	base := read()
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	stop, done := make(chan struct{}), make(chan float64)
	go func() {
		most := 0.0
		for {
			most = max(most, read())
			select {
			case <-stop:
				done <- most
				return
			case <-time.After(20 * time.Microsecond):
			}
		}
	}()
	ds := loadWide(b, fsys)
	close(stop)
	peak = <-done - base
	runtime.GC()
	held = read() - base
	runtime.KeepAlive(ds)
	return held, peak
}
