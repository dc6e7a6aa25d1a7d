package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis/present"
	"github.com/xuri/excelize/v2"
)

// Each table command's workbook holds its CSV's rows, every number stored
// as the number the CSV writes (never as text), under a Vietnamese header.
func TestXLSXExportMatchesCSV(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args  []string
		sheet string
		head  string
	}{
		{[]string{"rank", "--year", "2021"}, "Xếp hạng", "Chỉ số"},
		{[]string{"summary"}, "Tổng hợp", "Chỉ số"},
		{[]string{"movers", "--year", "2021"}, "Biến động", "Sự kiện"},
		{[]string{"components", "--year", "2021"}, "Lĩnh vực", "Chỉ số"},
		{[]string{"transitions", "--from", "2020", "--to", "2021"}, "Chuyển loại", "Chỉ số"},
		{[]string{"rank", "--sample", "ministries-2023"}, "Xếp hạng", "Chỉ số"},
	} {
		name := strings.Join(c.args, " ")
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".xlsx")
			out, errs, code := runCLI(t, append(c.args, "-o", path)...) // the extension picks xlsx
			if code != 0 || out != "" {
				t.Fatalf("exit %d, stdout %q: %s", code, out, errs)
			}
			csvOut, errs, code := runCLI(t, append(c.args, "--format", "csv")...)
			if code != 0 {
				t.Fatalf("csv: exit %d: %s", code, errs)
			}
			want, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetName(0); got != c.sheet {
				t.Fatalf("sheet %q, want %q", got, c.sheet)
			}
			rows, err := f.GetRows(c.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(want) {
				t.Fatalf("%d rows, want %d as in the CSV", len(rows), len(want))
			}
			if rows[0][0] != c.head {
				t.Errorf("header starts %q, want %q", rows[0][0], c.head)
			}
			numbers := 0
			for r := 1; r < len(want); r++ {
				for col, w := range want[r] {
					cell, _ := excelize.CoordinatesToCellName(col+1, r+1)
					typ, _ := f.GetCellType(c.sheet, cell)
					v, _ := f.GetCellValue(c.sheet, cell)
					wantNum, isNum := strconv.ParseFloat(w, 64)
					switch {
					case typ == excelize.CellTypeUnset && v != "": // a number
						got, err := strconv.ParseFloat(v, 64)
						if isNum != nil || err != nil || got != wantNum {
							t.Errorf("%s = %q, CSV has %q", cell, v, w)
						}
						numbers++
					case isNum == nil && present.IsPlainNumber(w) && !strings.ContainsAny(w, ";") && col != 4:
						// column 5 (E) holds unit codes, text in both
						t.Errorf("%s is %q (type %v): the CSV's number %q is not stored as a number", cell, v, typ, w)
					}
				}
			}
			if numbers == 0 {
				t.Error("no number cells")
			}
		})
	}
}

// -o writes the same bytes standard output would get; the Excel dialect
// starts with a BOM and writes decimal commas.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rank.csv")
	want, _, _ := runCLI(t, "rank", "--format", "csv")
	if _, errs, code := runCLI(t, "rank", "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got, _ := os.ReadFile(path); string(got) != want {
		t.Errorf("-o rank.csv differs from standard output")
	}
	out, errs, code := runCLI(t, "rank", "--csv", "excel")
	if code != 0 || !strings.HasPrefix(out, "\uFEFFindex;year;bloc;rank;") || !strings.Contains(out, ",") {
		t.Errorf("--csv excel: exit %d %s\n%.200s", code, errs, out)
	}
	if _, errs, code := runCLI(t, "rank", "-o", filepath.Join(dir, "missing", "r.xlsx")); code != exitData || !strings.Contains(errs, "missing") {
		t.Errorf("a write into a missing directory: exit %d %q, want 1 naming it", code, errs)
	}
	for _, args := range [][]string{
		{"rank", "--format", "xlsx", "--csv", "excel"},
		{"rank", "--csv", "semicolon"},
		{"unit", "Sở Nội vụ", "--format", "xlsx"}, // unit is several tables: no workbook
	} {
		if _, errs, code := runCLI(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d %s, want 2", args, code, errs)
		}
	}
}

// A workbook is binary: refused on a terminal without -o, with a message
// that says what to do.
func TestXLSXRefusedOnTerminal(t *testing.T) {
	for _, c := range []struct {
		terminal bool
		out      string
		refused  bool
	}{
		{true, "", true},
		{true, "r.xlsx", false},
		{false, "", false}, // a redirect or a pipe
	} {
		e := &env{cmd: findCommand("rank"), terminal: c.terminal, q: queryFlags{lang: "vi", format: present.FormatXLSX, out: c.out, csv: present.CSVPlain}}
		err := e.checkQueryFlags()
		if c.refused {
			ee, ok := err.(*exitError)
			if !ok || ee.code != exitUsage || !strings.Contains(ee.msg, "-o FILE.xlsx") {
				t.Errorf("%+v: %v, want exit 2 asking for -o", c, err)
			}
		} else if err != nil {
			t.Errorf("%+v: %v", c, err)
		}
	}
}
