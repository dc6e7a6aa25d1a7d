package data

import (
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"testing"
	"testing/fstest"

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

// BenchmarkLoad compares load + validate with a bare encoding/csv read of the
// same bytes, in the same run. The budget is 2× the bare read; heap-x is the
// live heap the loaded dataset holds, as a multiple of the file size (budget 3×).
func BenchmarkLoad(b *testing.B) {
	raw := wideFile(b)
	b.Run("encoding_csv", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		for b.Loop() {
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
	})
	b.Run("parlens", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		fsys := fstest.MapFS{"wide.csv": &fstest.MapFile{Data: raw}}
		var ds *Dataset
		for b.Loop() {
			var err error
			ds, err = LoadFS(fsys, ".", Options{})
			if err != nil {
				b.Fatal(err)
			}
			if len(ds.Records) != 100000 {
				b.Fatalf("loaded %d records", len(ds.Records))
			}
		}
		b.StopTimer()
		var before, after runtime.MemStats
		ds = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		ds, _ = LoadFS(fsys, ".", Options{})
		runtime.ReadMemStats(&after)
		runtime.GC()
		var kept runtime.MemStats
		runtime.ReadMemStats(&kept)
		runtime.KeepAlive(ds)
		b.ReportMetric(float64(kept.HeapAlloc-before.HeapAlloc)/float64(len(raw)), "heap-x")
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(len(raw)), "alloc-x")
	})
}
