package present

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// The workbook an analyst opens: numbers are numbers (a published score
// exact, a computed one as the CSV writes it) shown with their decimals,
// the header bold, frozen and filtered, text inert, the label on its own
// sheet.
func TestWriteXLSX(t *testing.T) {
	score, long := 97.3125, 9.5
	rank := 1
	tb := &Table{Headers: []string{"Đơn vị", "Điểm", "Hạng", "Trung bình", "Đơn vị"}}
	tb.Add("Sở Thông tin và Truyền thông", Score(&score, 4), &rank, Fixed(ptr(85.546), 2), "=1+1")
	tb.Add("x\x1b]52;c;aGk=\x07", Score(&long, 4), nil, nil, "quận Cẩm Lệ")
	var buf bytes.Buffer
	if err := tb.WriteXLSX(&buf, XLSX{Sheet: "Xếp hạng: 2024/2025 [A]", Note: "Dữ liệu minh họa — illustrative"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] != "Xếp hạng- 2024-2025 -A-" || sheets[1] != "Ghi chú" {
		t.Fatalf("sheets %q", sheets)
	}
	sh := sheets[0]
	for _, c := range []struct {
		cell string
		typ  excelize.CellType
		want string
		fmt  string // the number format shown
	}{
		{"A1", excelize.CellTypeSharedString, "Đơn vị", ""},
		{"E1", excelize.CellTypeSharedString, "Đơn vị (2)", ""}, // table headers must differ
		{"B2", excelize.CellTypeUnset, "97.3125", "0.0000"},     // the dataset's 4 decimals, value exact
		{"B3", excelize.CellTypeUnset, "9.5", "0.0000"},
		{"C2", excelize.CellTypeUnset, "1", "0"},
		{"D2", excelize.CellTypeUnset, "85.55", "0.00"},   // computed: rounded as the CSV writes it
		{"E2", excelize.CellTypeSharedString, "=1+1", ""}, // text, never a formula
		{"A3", excelize.CellTypeSharedString, "x␛]52;c;aGk=␇", ""},
	} {
		got, err := f.GetCellValue(sh, c.cell)
		if err != nil || got != c.want {
			t.Errorf("%s = %q (%v), want %q", c.cell, got, err, c.want)
		}
		typ, _ := f.GetCellType(sh, c.cell)
		if typ != c.typ && !(c.typ == excelize.CellTypeSharedString && typ == excelize.CellTypeInlineString) {
			t.Errorf("%s type %v, want %v", c.cell, typ, c.typ)
		}
		if formula, _ := f.GetCellFormula(sh, c.cell); formula != "" {
			t.Errorf("%s holds formula %q", c.cell, formula)
		}
		if c.fmt != "" {
			id, _ := f.GetCellStyle(sh, c.cell)
			st, err := f.GetStyle(id)
			if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != c.fmt {
				t.Errorf("%s number format %v, want %q", c.cell, st.CustomNumFmt, c.fmt)
			}
		}
	}
	if v, _ := f.GetCellValue(sh, "C3"); v != "" {
		t.Errorf("a missing rank is written as %q, want an empty cell", v)
	}
	id, _ := f.GetCellStyle(sh, "B1")
	if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header not bold: %+v %v", st, err)
	}
	panes, err := f.GetPanes(sh)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	tables, err := f.GetTables(sh)
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:E3" {
		t.Errorf("tables %+v %v, want one over A1:E3 (filter buttons on the header)", tables, err)
	}
	if w, _ := f.GetColWidth(sh, "A"); w < float64(len([]rune("Sở Thông tin và Truyền thông"))) {
		t.Errorf("column A is %.0f wide: the unit name does not fit", w)
	}
	if note, _ := f.GetCellValue("Ghi chú", "A1"); note != "Dữ liệu minh họa — illustrative" {
		t.Errorf("note %q", note)
	}
}

// An empty table is still a workbook with its header and table.
func TestWriteXLSXEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := (&Table{Headers: []string{"a", "b"}}).WriteXLSX(&buf, XLSX{Sheet: "Ranking"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "Ranking" {
		t.Errorf("sheets %q, want only Ranking (no notes without a note)", got)
	}
	if v, _ := f.GetCellValue("Ranking", "B1"); v != "b" {
		t.Errorf("B1 = %q", v)
	}
}

func TestSheetName(t *testing.T) {
	long := strings.Repeat("Khối Sở, ban, ngành ", 3)
	for _, c := range []struct{ in, want string }{
		{"Xếp hạng", "Xếp hạng"},
		{`a:b\c/d?e*f[g]h`, "a-b-c-d-e-f-g-h"},
		{"'quoted'", "quoted"},
		{"", "Sheet1"},
		{"[]", "--"},
		{long, "Khối Sở, ban, ngành Khối Sở, ba"},
		{"😀" + strings.Repeat("a", 30), "😀" + strings.Repeat("a", 29)}, // an emoji is 2 of Excel's 31
	} {
		got := SheetName(c.in)
		if got != c.want {
			t.Errorf("SheetName(%q) = %q, want %q", c.in, got, c.want)
		}
		if n := len(utf16.Encode([]rune(got))); n > 31 {
			t.Errorf("SheetName(%q) is %d long", c.in, n)
		}
		f := excelize.NewFile()
		if err := f.SetSheetName("Sheet1", got); err != nil && got != "Sheet1" {
			t.Errorf("excelize refuses %q: %v", got, err)
		}
		f.Close()
	}
}

// The Excel dialect: BOM, ";" and decimal commas; text made inert as in
// plain CSV.
func TestWriteCSVExcel(t *testing.T) {
	score := 97.31
	tb := &Table{Headers: []string{"unit", "score", "mean"}}
	tb.Add("Sở Nội vụ; Tư pháp", Score(&score, 2), Fixed(ptr(85.5), 2))
	tb.Add("=cmd", nil, Num{-3, -1, 0})
	var buf bytes.Buffer
	if err := tb.WriteCSVExcel(&buf); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFunit;score;mean\n\"Sở Nội vụ; Tư pháp\";97,31;85,50\n'=cmd;;-3\n"
	if got := buf.String(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func ptr(f float64) *float64 { return &f }

// A table larger than a sheet is refused with a message that says what to
// do, before anything is written.
func TestWriteXLSXTooManyRows(t *testing.T) {
	tb := &Table{Headers: []string{"a"}, Rows: make([][]any, excelize.TotalRows)}
	var buf bytes.Buffer
	err := tb.WriteXLSX(&buf, XLSX{Sheet: "x"})
	if err == nil || !strings.Contains(err.Error(), "more than an Excel sheet holds") || buf.Len() != 0 {
		t.Errorf("got %v and %d bytes", err, buf.Len())
	}
}
