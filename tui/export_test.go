package tui

import (
	"archive/zip"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/xuri/excelize/v2"
)

func TestShownValue(t *testing.T) {
	for _, c := range []struct {
		in   string
		want any
	}{
		{"97,31", present.Num{V: 97.31, Dec: 2}},
		{"97,3125", present.Num{V: 97.3125, Dec: 4}}, // a published score, read back exactly
		{"+1,25", present.Num{V: 1.25, Dec: 2}},
		{"-0,63", present.Num{V: -0.63, Dec: 2}},
		{"92,5%", present.Num{V: 92.5, Dec: 1}},
		{"12", 12},
		{"10.000", 10000},
		{"", nil},
		{"–", nil}, // the dash of a missing value
		{"KXH", "KXH"},
		{"▲3", "▲3"},
		{"1.2345", "1.2345"}, // not a grouping of three: text, never a guess
		{"1,2,3", "1,2,3"},
		{"+-1", "+-1"},
		{"Sở Nội vụ", "Sở Nội vụ"},
		{"2,", "2,"},
	} {
		if got := shownValue(c.in, numfmt.Comma); !reflect.DeepEqual(got, c.want) {
			t.Errorf("shownValue(%q) = %#v, want %#v", c.in, got, c.want)
		}
	}
}

// In English the dashboard writes a decimal point and groups with commas:
// a copy or export reads them back so, and never reads "12.500" as 12500.
func TestShownValueEnglish(t *testing.T) {
	for _, c := range []struct {
		in   string
		want any
	}{
		{"97.31", present.Num{V: 97.31, Dec: 2}},
		{"12.500", present.Num{V: 12.5, Dec: 3}},
		{"+1.25", present.Num{V: 1.25, Dec: 2}},
		{"-0.63", present.Num{V: -0.63, Dec: 2}},
		{"92.5%", present.Num{V: 92.5, Dec: 1}},
		{"10,000", 10000},
		{"12", 12},
		{"–", nil},
		{"1,2345", "1,2345"}, // not a grouping of three: text, never a guess
		{"97,31", "97,31"},   // a Vietnamese number in an English table is text
	} {
		if got := shownValue(c.in, numfmt.Point); !reflect.DeepEqual(got, c.want) {
			t.Errorf("shownValue(%q, Point) = %#v, want %#v", c.in, got, c.want)
		}
	}
}

// clipboardOf runs a copy command and returns what it sends to the
// terminal's clipboard.
func clipboardOf(t *testing.T, cmd tea.Cmd) string {
	t.Helper()
	if cmd == nil {
		t.Fatal("no clipboard command")
	}
	msg := cmd()
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.String {
		t.Fatalf("the command gave %T, not a clipboard write", msg)
	}
	return v.String()
}

// y on the ranking copies what is shown, filtered, as tab-separated text
// with the dashboard's numbers; the status says where it went and what to
// do when nothing pastes.
func TestCopyRanking(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	press(m, "2", "/")
	typeText(m, "thanh pho")
	press(m, "enter")
	shown := rankingOf(m).g.Len()
	clip := clipboardOf(t, press(m, "y"))
	lines := strings.Split(strings.TrimSuffix(clip, "\r\n"), "\r\n")
	if len(lines) != shown+1 {
		t.Fatalf("%d lines for %d rows shown:\n%s", len(lines), shown, clip)
	}
	head := strings.Split(lines[0], "\t")
	if head[0] != "Hạng" || head[2] != "Đơn vị" || head[3] != "Điểm" || strings.Contains(lines[0], "Lịch sử") {
		t.Errorf("header %q", head)
	}
	for _, l := range lines[1:] {
		cells := strings.Split(l, "\t")
		if len(cells) != len(head) {
			t.Fatalf("row %q has %d cells for %d headers", l, len(cells), len(head))
		}
		if !strings.Contains(cells[2], "thành phố") || !strings.Contains(cells[3], ",") {
			t.Errorf("row %q: not a filtered unit with a decimal-comma score", l)
		}
	}
	if shown < 2 {
		t.Fatalf("the filter left %d rows", shown)
	}
	for _, want := range []string{"OSC 52", "không dán được? w: ghi tệp"} {
		if !strings.Contains(screen(m), want) {
			t.Errorf("status lacks %q:\n%s", want, screen(m))
		}
	}
}

// w on the ranking writes the rows shown to a workbook (the extension picks
// the format) through the command line's writer: numbers are numbers.
func TestWriteRankingXLSX(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	press(m, "2", "w")
	if m.ask == nil || !strings.HasSuffix(m.input.String(), ".xlsx") {
		t.Fatalf("w did not propose a .xlsx path: %+v", m.ask)
	}
	path := filepath.Join(m.opt.Dir, "rank.xlsx")
	m.input.set(path)
	cmd := press(m, "enter")
	if cmd == nil {
		t.Fatal("no write command")
	}
	m.Update(cmd())
	if !strings.Contains(screen(m), "Đã ghi bảng: "+path) {
		t.Fatalf("status does not say where:\n%s", screen(m))
	}
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sh := f.GetSheetList(); sh[0] != "Xếp hạng" || len(sh) != 2 {
		t.Errorf("sheets %q, want Xếp hạng and the label's notes", sh)
	}
	rows, _ := f.GetRows("Xếp hạng")
	if len(rows) != rankingOf(m).g.Len()+1 {
		t.Errorf("%d rows for %d shown", len(rows)-1, rankingOf(m).g.Len())
	}
	r := rankingOf(m)
	want := r.rows[r.g.Rows()[0]].r.Score
	typ, _ := f.GetCellType("Xếp hạng", "D2")
	v, _ := f.GetCellValue("Xếp hạng", "D2")
	got, err := strconv.ParseFloat(v, 64)
	if typ != excelize.CellTypeUnset || want == nil || err != nil || got != *want {
		t.Errorf("D2 = %q (type %v), want the score %v as a number", v, typ, want)
	}
	// an extension that picks no format is refused, naming those that do
	press(m, "w")
	m.input.set(filepath.Join(m.opt.Dir, "rank.pdf"))
	if cmd := press(m, "enter"); cmd != nil {
		t.Error("a .pdf path gave a write command")
	}
	if !strings.Contains(screen(m), ".xlsx, .csv, .md hoặc .txt") {
		t.Errorf("no message naming the formats:\n%s", screen(m))
	}
}

// Every table view copies and writes; the movers and transitions too.
func TestExportEveryTableView(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	for _, c := range []struct{ key, head string }{
		{"2", "Hạng"}, {"4", "Sự kiện"}, {"5", "Hạng"}, {"6", "2023 \\ 2024"},
	} {
		press(m, c.key)
		clip := clipboardOf(t, press(m, "y"))
		if !strings.HasPrefix(clip, c.head+"\t") || strings.Count(clip, "\r\n") < 2 {
			t.Errorf("tab %s copies %.120q", c.key, clip)
		}
		path := filepath.Join(m.opt.Dir, "v"+c.key+".csv")
		press(m, "w")
		m.input.set(path)
		m.Update(press(m, "enter")())
		b, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(b), ",") {
			t.Errorf("tab %s wrote %q: %v", c.key, b, err)
		}
	}
}

// The briefing copies as plain text, never Markdown, and writes Word,
// text or Markdown by the extension.
func TestBriefingCopyAndWrite(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	press(m, "7")
	b := briefingOf(m)
	clip := clipboardOf(t, press(m, "y"))
	if clip != b.plain || strings.Contains(clip, "# ") || strings.Contains(clip, "**") {
		t.Errorf("y copied %.200q, want the plain text", clip)
	}
	if !strings.Contains(screen(m), "OSC 52") {
		t.Errorf("status:\n%s", screen(m))
	}
	for _, c := range []struct{ name, check string }{
		{"b.docx", "docx"}, {"b.txt", b.plain}, {"b.md", b.md},
	} {
		path := filepath.Join(m.opt.Dir, c.name)
		press(m, "w")
		m.input.set(path)
		m.Update(press(m, "enter")())
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.check == "docx" {
			zr, err := zip.OpenReader(path)
			if err != nil {
				t.Fatalf("%s is not a zip: %v", c.name, err)
			}
			found := false
			for _, f := range zr.File {
				found = found || f.Name == "word/document.xml"
			}
			zr.Close()
			if !found {
				t.Errorf("%s has no word/document.xml", c.name)
			}
			continue
		}
		if string(got) != c.check {
			t.Errorf("%s holds %.100q", c.name, got)
		}
	}
}

// An exported ranking holds its scores as numbers in either language: the
// English table's "88.96" is 88.96, as the Vietnamese "88,96" is.
func TestExportScoresAreNumbersInBothLanguages(t *testing.T) {
	for _, l := range []words.Lang{words.VI, words.EN} {
		t.Run(string(l), func(t *testing.T) {
			m := newTestModel(t, 120, 40, true)
			m.setLang(l)
			press(m, "2", "tab")
			tb, _ := rankingOf(m).exportTable()
			if len(tb.Rows) == 0 {
				t.Fatal("no rows exported")
			}
			for i, row := range tb.Rows {
				n, ok := row[rcScore].(present.Num)
				if !ok {
					t.Fatalf("row %d: score %#v is not a number", i, row[rcScore])
				}
				if want := rankingOf(m).rows[rankingOf(m).g.Rows()[i]].r.Score; want == nil || math.Abs(*want-n.V) > 1e-9 {
					t.Fatalf("row %d: exported %v, the table's score is %v", i, n.V, want)
				}
			}
		})
	}
}
