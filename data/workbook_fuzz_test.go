package data_test

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"testing/fstest"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
)

// sheetPart is where a one-sheet workbook keeps its cells.
const sheetPart = "xl/worksheets/sheet1.xml"

// withSheetXML rebuilds a workbook with other XML for its first sheet.
func withSheetXML(book, sheet []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			return nil, err
		}
		if f.Name == sheetPart {
			w.Write(sheet)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		io.Copy(w, rc)
		rc.Close()
	}
	err = zw.Close()
	return buf.Bytes(), err
}

// sheetXML is a workbook's first sheet's XML.
func sheetXML(book []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return nil
	}
	for _, f := range zr.File {
		if f.Name == sheetPart {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return b
		}
	}
	return nil
}

// FuzzLoadXLSX feeds the workbook reader any bytes: a whole file when they
// start as a ZIP does, else the XML of a sheet inside a valid workbook (so
// the fuzzer reaches the rows, not only the ZIP checks). It must never
// panic, and a load without errors must give a consistent dataset.
// Seeds: the sheets' XML of small workbooks (the annex, percents, formulas
// with and without saved values), and a cut ZIP.
func FuzzLoadXLSX(f *testing.F) {
	pct := []datatest.Sheet{{Name: "Sheet1", Rows: [][]any{{"Năm", "Đơn vị", "Chỉ số (%)"}, {2023, "Sở A", datatest.Percent(0.9177)}, {2023, "Sở B", datatest.TwoDecimals(88.125)}}}}
	formulas := []datatest.Sheet{{Name: "2023", Rows: [][]any{{"Đơn vị", "A", "B", "Tổng điểm"},
		{"Sở A", 40, 50, datatest.Formula{Expr: "SUM(B2:C2)", Value: 90}}, {"Sở B", 40, 41, datatest.Formula{Expr: "SUM(B3:C3)"}}}}}
	template, err := datatest.Workbook([]datatest.Sheet{{Name: "2023", Rows: [][]any{{"Đơn vị", "Tổng điểm"}, {"Sở A", 90}}}})
	if err != nil {
		f.Fatal(err)
	}
	for _, sheets := range [][]datatest.Sheet{datatest.AnnexWorkbook(), pct, formulas} {
		book, err := datatest.Workbook(sheets)
		if err != nil {
			f.Fatal(err)
		}
		// the sheets' XML only: a whole workbook is kilobytes the
		// fuzzer would spend its time minimizing, and its mutations
		// mostly fail the ZIP's checksums
		f.Add(sheetXML(book))
	}
	f.Add(sheetXML(template))
	f.Add([]byte("PK\x03\x04\x14\x00")) // a cut ZIP
	f.Add([]byte("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><f>1+1</f></c></row><row"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		book := raw
		if !bytes.HasPrefix(raw, []byte("PK")) {
			var err error
			if book, err = withSheetXML(template, raw); err != nil {
				t.Fatal(err)
			}
		}
		fsys := fstest.MapFS{"par-2023.xlsx": &fstest.MapFile{Data: book}}
		r := data.ReadFS(fsys, ".", data.Options{MaxBytes: 8 << 20, MaxCells: 200_000})
		if r.Err() != nil {
			return
		}
		data.CheckConsistent(t, r.Dataset)
	})
}
