package data

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestSectionRow(t *testing.T) {
	tests := []struct {
		rec  []string
		want string // "" = not a section row
	}{
		{[]string{"I", "KHỐI SỞ, BAN, NGÀNH", "", ""}, "KHỐI SỞ, BAN, NGÀNH"},
		{[]string{"II.", "Khối UBND cấp huyện", "", ""}, "Khối UBND cấp huyện"},
		{[]string{"II. KHỐI UBND CẤP HUYỆN", "", "", ""}, "KHỐI UBND CẤP HUYỆN"},
		{[]string{"", "A) Các sở", "", ""}, "Các sở"},
		{[]string{"", "KHỐI SỞ, BAN, NGÀNH", "", ""}, "KHỐI SỞ, BAN, NGÀNH"},
		{[]string{"1", "Sở Tài chính", "", ""}, ""},  // a unit without scores
		{[]string{"", "Sở Tài chính", "", ""}, ""},   // likewise
		{[]string{"I", "KHỐI SỞ", "90", ""}, ""},     // a number: a unit's row
		{[]string{"A", "150", "", ""}, ""},           // "A" is a unit named A
		{[]string{"", "", "", ""}, ""},               // blank
		{[]string{"III", "IV", "", ""}, ""},          // numerals only
		{[]string{"I", "KHỐI SỞ", "", "x"}, ""},      // three cells
		{[]string{"", "Ví dụ: Sở Y tế", "", ""}, ""}, // no numeral
		{[]string{"", "MMXX. Năm", "", ""}, ""},      // not up to XXX
		{[]string{"", "95,5", "", ""}, ""},           // a number alone
		{[]string{"IX", "Khối huyện", "", ""}, "Khối huyện"},
	}
	for _, tc := range tests {
		got, ok := sectionRow(tc.rec, 0, 1)
		if ok != (tc.want != "") || got != tc.want {
			t.Errorf("sectionRow(%q) = %q, %v; want %q", tc.rec, got, ok, tc.want)
		}
	}
	// the numeral sits in the row-number column, or the first when the
	// unit is not there
	if _, ok := sectionRow([]string{"A", "", "Khối B", ""}, -1, 0); ok {
		t.Error("a letter in the unit column is a unit's name, not a numeral")
	}
}

func TestFlattenHeader(t *testing.T) {
	head := []string{"STT", "Tên đơn vị", "Lĩnh vực 1", "", "", "Lĩnh vực 2", "", "Kết quả", ""}
	sub := []string{"", "", "1.1", "1.2", "", "2.1", "2.2", "Tổng điểm", "Xếp loại"}
	want := []string{"STT", "Tên đơn vị", "Lĩnh vực 1 / 1.1", "Lĩnh vực 1 / 1.2", "", "Lĩnh vực 2 / 2.1", "Lĩnh vực 2 / 2.2", "Tổng điểm", "Xếp loại"}
	if got := flattenHeader(head, sub); !slices.Equal(got, want) {
		t.Errorf("flattenHeader = %q\nwant %q", got, want)
	}
}

func TestSheetCell(t *testing.T) {
	tests := []struct {
		raw     string
		percent bool
		want    string
	}{
		{"97.3125", false, "97.3125"},
		{"97.310000000000002", false, "97.31"},      // Excel's 17 digits, the same double
		{"9.1770000000000004E-2", false, "0.09177"}, // an exponent, written plain
		{"0.9177", true, "91.77%"},
		{"1", true, "100%"},
		{"0.985", true, "98.5%"},
		{"-0.5", true, "-50%"},
		{"0", true, "0%"},
		{"Sở A\nSở B", false, "Sở A Sở B"},
		{"001", false, "001"}, // a code keeps its zeros
		{"2021", false, "2021"},
	}
	for _, tc := range tests {
		if got := sheetCell(tc.raw, tc.percent); got != tc.want {
			t.Errorf("sheetCell(%q, %v) = %q, want %q", tc.raw, tc.percent, got, tc.want)
		}
	}
}

func TestSheetPositions(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{"par.xlsx:Sheet1", 12, 3}, "par.xlsx:Sheet1!C12"},
		{Pos{"dir/par.xlsx:Năm 2021", 2, 28}, "dir/par.xlsx:Năm 2021!AB2"},
		{Pos{"par.xlsx:Sheet1", 4, 0}, "par.xlsx:Sheet1!4:4"},
		{Pos{"par.xlsx:Sheet1", 0, 0}, "par.xlsx:Sheet1"},
		{Pos{"<stdin>:Sheet1", 2, 1}, "<stdin>:Sheet1!A2"},
		{Pos{"par.csv", 2, 1}, "par.csv:2:1"},
		{Pos{"C:/data/par.csv", 2, 1}, "C:/data/par.csv:2:1"},
	}
	for _, tc := range tests {
		if got := tc.pos.String(); got != tc.want {
			t.Errorf("%+v = %q, want %q", tc.pos, got, tc.want)
		}
	}
}

// Section rows carry their bloc across the pieces a big file is cut into:
// a piece that starts mid-section takes the section an earlier piece named.
func TestSectionsAcrossChunks(t *testing.T) {
	var b strings.Builder
	b.WriteString("STT,Tên đơn vị,Tổng điểm\n")
	want := map[string]string{}
	for s, name := range []string{"KHỐI SỞ", "KHỐI HUYỆN", "KHỐI XÃ"} {
		fmt.Fprintf(&b, "%s,%s,\n", []string{"I", "II", "III"}[s], name)
		for i := 1; i <= 40; i++ {
			unit := fmt.Sprintf("Đơn vị %d-%d", s, i)
			fmt.Fprintf(&b, "%d,%s,%d.5\n", i, unit, 50+i)
			want[unit] = name
		}
	}
	defer func(n int) { minChunkBytes = n }(minChunkBytes)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // four pieces, whatever the machine
	for _, chunk := range []int{1 << 20, 97, 1} {
		minChunkBytes = chunk
		ds := mustLoad(t, map[string]string{"par-2023.csv": b.String()})
		if len(ds.Records) != len(want) {
			t.Fatalf("chunks of %d: %d records, want %d", chunk, len(ds.Records), len(want))
		}
		for _, r := range ds.Records {
			if want[r.Unit] != r.Bloc {
				t.Errorf("chunks of %d: %s in %q, want %q", chunk, r.Unit, r.Bloc, want[r.Unit])
			}
		}
	}
}

func TestTextDecimalComma(t *testing.T) {
	for in, want := range map[string]string{
		"95,5": "95.5", "97,31": "97.31", "-0,25": "-0.25", "91,77%": "91.77%", "0,1234": "0.1234",
		"1,234": "", "95.5": "", "Sở A, B": "", ",5": "", "5,": "", "1,2,3": "", "": "",
	} {
		got, ok := textDecimalComma(in)
		if (want != "") != ok || (ok && got != want) {
			t.Errorf("textDecimalComma(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestDeclaredSize(t *testing.T) {
	for x, want := range map[string][2]int64{
		`<worksheet><dimension ref="A1:F12"/><sheetData>`:        {12, 6},
		`<worksheet><dimension ref="B3:XFD1048576"/><sheetData>`: {1048576, 16384},
		`<worksheet><dimension ref="A1"/><sheetData>`:            {0, 0},
		`<worksheet><sheetData><row r="1"></row></sheetData>`:    {0, 0},
		`<worksheet><dimension ref="F12:A1"/><sheetData>`:        {0, 0},
		`<worksheet><dimension ref="A1:ZZZZ1"/><sheetData>`:      {0, 0},
	} {
		if r, c := declaredSize([]byte(x)); r != want[0] || c != want[1] {
			t.Errorf("declaredSize(%s) = %d, %d; want %v", x, r, c, want)
		}
	}
}
