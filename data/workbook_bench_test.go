package data_test

import (
	"bytes"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
	"github.com/parlens/parlens/data/synth"
	"github.com/xuri/excelize/v2"
)

// mWorkbook is the M workload (parlens gen --workload M: 2,000 units × 10
// years × 9 components, 20,000 rows) saved as an .xlsx, numbers as numbers.
func mWorkbook(b *testing.B) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := synth.Wide(&buf, synth.Spec{Units: 2000, Years: 10, Components: 9, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	book, err := datatest.CSVWorkbook(buf.Bytes(), ',', '.')
	if err != nil {
		b.Fatal(err)
	}
	return book
}

// readBareXLSX is the floor: excelize opening the workbook and streaming
// every row's raw values, and nothing else.
func readBareXLSX(b *testing.B, book []byte) {
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for rows.Next() {
		if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	rows.Close()
	if n != 20001 {
		b.Fatalf("read %d rows", n)
	}
}

func loadXLSX(b *testing.B, fsys fstest.MapFS) {
	ds, err := data.LoadFS(fsys, ".", data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(ds.Records) != 20000 {
		b.Fatalf("loaded %d records", len(ds.Records))
	}
}

// BenchmarkLoadXLSX compares loading the M workload as an .xlsx with
// excelize's bare streaming read of it. The budget is 1.5× the bare read:
// x-excelize, from "ratio", which alternates the two in every iteration as
// BenchmarkLoad does.
func BenchmarkLoadXLSX(b *testing.B) {
	book := mWorkbook(b)
	fsys := fstest.MapFS{"m.xlsx": &fstest.MapFile{Data: book}}
	b.Run("excelize", func(b *testing.B) {
		b.SetBytes(int64(len(book)))
		for b.Loop() {
			readBareXLSX(b, book)
		}
	})
	b.Run("parlens", func(b *testing.B) {
		b.SetBytes(int64(len(book)))
		for b.Loop() {
			loadXLSX(b, fsys)
		}
	})
	b.Run("ratio", func(b *testing.B) {
		var bare, load time.Duration
		for b.Loop() {
			t0 := time.Now()
			readBareXLSX(b, book)
			t1 := time.Now()
			loadXLSX(b, fsys)
			bare, load = bare+t1.Sub(t0), load+time.Since(t1)
		}
		b.ReportMetric(float64(load)/float64(bare), "x-excelize")
	})
}
