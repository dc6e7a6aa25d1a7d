package data_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/datatest"
)

// writeFile puts a file in a fresh directory and returns its path.
func writeFile(t *testing.T, name string, body []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func workbook(t *testing.T, sheets []datatest.Sheet) []byte {
	t.Helper()
	b, err := datatest.Workbook(sheets)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ranking lists a year's and bloc's units by total, best first, as
// "unit total".
func ranking(ds *data.Dataset, year int, bloc string) []string {
	var recs []data.Record
	for _, r := range ds.Records {
		if r.Year == year && r.Bloc == bloc {
			recs = append(recs, r)
		}
	}
	slices.SortStableFunc(recs, func(a, b data.Record) int {
		switch {
		case a.Total > b.Total:
			return -1
		case a.Total < b.Total:
			return 1
		}
		return 0
	})
	var out []string
	for _, r := range recs {
		out = append(out, r.Unit+" "+strconv.FormatFloat(r.Total, 'f', -1, 64))
	}
	return out
}

// The annex as offices make it loads with its blocs, maxima and ranking;
// the hidden sheet and the sheet of notes are skipped and said so.
func TestWorkbookAnnex(t *testing.T) {
	p := writeFile(t, "ket-qua.xlsx", workbook(t, datatest.AnnexWorkbook()))
	r := data.Read([]string{p}, data.Options{})
	if err := r.Err(); err != nil {
		t.Fatalf("load failed: %v", err)
	}
	ds := r.Dataset
	so, huyen := "KHỐI SỞ, BAN, NGÀNH", "KHỐI UBND CẤP HUYỆN"
	want := map[[2]string][]string{
		{"2022", so}:    {"Sở Nội vụ 93.5", "Sở Tài chính 91.75", "Sở Y tế 79.75"},
		{"2022", huyen}: {"UBND quận Hải Châu 94.125", "UBND huyện Hòa Vang 86.5"},
		{"2023", so}:    {"Sở Y tế 98.5", "Sở Tài chính 95", "Sở Nội vụ 92"},
		{"2023", huyen}: {"UBND quận Hải Châu 83.5", "UBND huyện Hòa Vang 80"},
	}
	for k, w := range want {
		year := 2022
		if k[0] == "2023" {
			year = 2023
		}
		if got := ranking(ds, year, k[1]); !slices.Equal(got, w) {
			t.Errorf("%s %s: %q, want %q", k[0], k[1], got, w)
		}
	}
	if n := len(ds.Records); n != 10 {
		t.Errorf("%d records, want 10 (no section, maxima or hidden row among them)", n)
	}
	var names []string
	for _, c := range ds.Components {
		names = append(names, c.Name)
		if c.Parent == "" { // an area over its criteria (the merged header): its maximum is theirs, summed
			if m, ok := c.Max(2022); !ok || m != map[string]float64{"1": 60, "2": 40}[c.Key] {
				t.Errorf("area %q: max %v %v in 2022, want its criteria's sum", c.Name, m, ok)
			}
			continue
		}
		if m, ok := c.Max(2022); !ok || (strings.HasSuffix(c.Name, "2.1") && m != 40) || (!strings.HasSuffix(c.Name, "2.1") && m != 30) {
			t.Errorf("component %q: max %v %v in 2022, want the maxima row's", c.Name, m, ok)
		}
		if _, ok := c.Max(2023); ok {
			t.Errorf("component %q has a 2023 maximum: the maxima row is 2022's", c.Name)
		}
	}
	if w := []string{"Lĩnh vực 1: Chỉ đạo, điều hành", "Lĩnh vực 1: Chỉ đạo, điều hành / 1.1", "Lĩnh vực 1: Chỉ đạo, điều hành / 1.2",
		"Lĩnh vực 2: Thể chế", "Lĩnh vực 2: Thể chế / 2.1"}; !slices.Equal(names, w) {
		t.Errorf("components %q, want %q", names, w)
	}
	var text []string
	for _, is := range r.Issues {
		text = append(text, is.String())
	}
	all := strings.Join(text, "\n")
	for _, w := range []string{
		`ket-qua.xlsx:Tính toán: warning: sheet "Tính toán" is hidden: skipped`,
		`ket-qua.xlsx:Ghi chú: warning: sheet "Ghi chú" holds no PAR table`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("issues lack %q:\n%s", w, all)
		}
	}
	var notes []string
	for _, f := range ds.Files {
		notes = append(notes, f.Name+": "+strings.Join(f.Notes, "; "))
	}
	for _, w := range []string{"2 rows above the header skipped as titles", "merged cells", "gives the maximum points of 3 columns",
		"2 section rows", "5 cells are numbers formatted as percent"} {
		if !strings.Contains(strings.Join(notes, "\n"), w) {
			t.Errorf("notes lack %q:\n%s", w, strings.Join(notes, "\n"))
		}
	}
}

// The same annex exported as CSV (title rows, a merged header written
// once, the maxima row, section rows) loads alike: the rules are the
// table's, not the workbook's.
func TestAnnexAsCSV(t *testing.T) {
	csv := "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022;;;;;\n" +
		";;;;;\n" +
		"STT;Tên cơ quan, đơn vị;Lĩnh vực 1;;Lĩnh vực 2;Tổng điểm\n" +
		";;1.1;1.2;2.1;\n" +
		";Điểm tối đa;30;30;40;100\n" +
		"I;KHỐI SỞ, BAN, NGÀNH;;;;\n" +
		"1;Sở Tài chính;28,5;27;36,25;91,75\n" +
		"2;Sở Nội vụ;29;29,5;35;93,5\n" +
		"II;KHỐI UBND CẤP HUYỆN;;;;\n" +
		"1;UBND huyện Hòa Vang;27;26;33,5;86,5\n" +
		"2;UBND quận Hải Châu;28;31;38,125;97,125\n"
	p := writeFile(t, "ket-qua-2022.csv", []byte(csv))
	ds, err := data.Load([]string{p}, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, w := ranking(ds, 2022, "KHỐI SỞ, BAN, NGÀNH"), []string{"Sở Nội vụ 93.5", "Sở Tài chính 91.75"}; !slices.Equal(got, w) {
		t.Errorf("sở: %q, want %q", got, w)
	}
	if got, w := ranking(ds, 2022, "KHỐI UBND CẤP HUYỆN"), []string{"UBND quận Hải Châu 97.125", "UBND huyện Hòa Vang 86.5"}; !slices.Equal(got, w) {
		t.Errorf("huyện: %q, want %q", got, w)
	}
	// 31 is above the maxima row's 30 for 1.2
	found := false
	for _, w := range ds.Warnings {
		if strings.Contains(w.String(), "ket-qua-2022.csv:11:4: warning: score 31 is above the maximum 30") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning for a score above the maxima row's maximum: %v", ds.Warnings)
	}
}

// Raw values, never the displayed ones; positions as Excel names cells.
func TestWorkbookCells(t *testing.T) {
	sheets := []datatest.Sheet{{Name: "Sheet1", Rows: [][]any{
		{"Năm", "Đơn vị", "Tổng điểm"},
		{2023, "Sở A", datatest.TwoDecimals(97.3125)},
		{2023, "Sở B", datatest.TwoDecimals(97.31)},
		{2023, "Sở C", "#N/A"},
		{2023, "Sở D", "88,75"}, // text, typed in Vietnamese Excel
	}}}
	p := writeFile(t, "par.xlsx", workbook(t, sheets))
	r := data.Read([]string{p}, data.Options{})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if got := r.Dataset.Records[0].Total; got != 97.3125 {
		t.Errorf("Sở A total %v, want 97.3125 (the raw value, not the displayed 97.31)", got)
	}
	if got := r.Dataset.Records[3].Total; got != 88.75 {
		t.Errorf("Sở D total %v, want 88.75 (text with a decimal comma)", got)
	}
	if notes := strings.Join(r.Dataset.Files[0].Notes, "; "); !strings.Contains(notes, `1 cell stored as text with a decimal comma, as Vietnamese Excel writes them, read as numbers (first: `) ||
		!strings.Contains(notes, `par.xlsx:Sheet1!C5 "88,75")`) {
		t.Errorf("notes %q", notes)
	}
	var warned bool
	for _, is := range r.Issues {
		if strings.Contains(is.String(), `par.xlsx:Sheet1!C4: warning: total "#N/A" of Sở C read as missing`) {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning at par.xlsx:Sheet1!C4: %v", r.Issues)
	}
}

// zipOf makes a ZIP archive of named parts.
func zipOf(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(mapsKeys(parts)) {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(parts[name])
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func mapsKeys(m map[string][]byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// What is not an .xlsx is refused with what to save it as.
func TestWorkbookRefused(t *testing.T) {
	good := workbook(t, []datatest.Sheet{{Name: "Sheet1", Rows: [][]any{{"Năm", "Đơn vị", "Tổng điểm"}, {2023, "Sở A", 90}}}})
	noValue := workbook(t, []datatest.Sheet{{Name: "2023", Rows: [][]any{{"Đơn vị", "A", "B", "Tổng điểm"},
		{"Sở A", 40, 50, datatest.Formula{Expr: "SUM(B2:C2)"}}}}})
	tests := []struct {
		name string
		file string
		body []byte
		opt  data.Options
		want string
	}{
		{"legacy xls", "par.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), data.Options{},
			`par.xls: error: this is a legacy Excel workbook (.xls) or a password-protected one, which parlens cannot read (hint: open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8")`},
		{"ods", "par.ods", zipOf(t, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": []byte("<x/>")}), data.Options{},
			"par.ods: error: this is an OpenDocument spreadsheet (.ods), which parlens cannot read (hint: open it in Excel or LibreOffice and save it as"},
		{"other zip", "par.zip", zipOf(t, map[string][]byte{"word/document.xml": []byte("<x/>")}), data.Options{},
			"par.zip: error: this is a ZIP archive but not an Excel workbook (no xl/workbook.xml)"},
		{"zip bomb", "bomb.xlsx", zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<x/>"), "xl/worksheets/sheet1.xml": make([]byte, 4<<20)}), data.Options{MaxBytes: 1 << 20},
			"bomb.xlsx: error: workbook unpacks to 4.0 MiB, over the limit of 1.0 MiB (hint: raise the limit with --max-bytes if the workbook is right)"},
		{"corrupt", "cut.xlsx", good[:len(good)/2], data.Options{},
			"cut.xlsx: error: not a readable workbook: the ZIP archive is damaged"},
		{"formula without value", "par.xlsx", noValue, data.Options{},
			"par.xlsx:2023!D2: error: formula has no saved value (hint: open the workbook in Excel"},
		{"declares too many cells", "par.xlsx", good, data.Options{MaxCells: 5},
			"par.xlsx:Sheet1: error: file has about 2 rows × 3 columns (6 cells), over the limit of 5 cells; raise it with --max-cells"},
		{"no such sheet", "par.xlsx", good, data.Options{Sheet: "2024"},
			`par.xlsx: error: --sheet "2024": the workbook has no such sheet (hint: its sheets: Sheet1)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, tc.file, tc.body)
			err := data.Read([]string{p}, tc.opt).Err()
			if err == nil {
				t.Fatalf("loaded; want %q", tc.want)
			}
			if got := strings.ReplaceAll(err.Error(), filepath.Dir(p)+string(filepath.Separator), ""); !strings.Contains(got, tc.want) {
				t.Errorf("error\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// --sheet reads one sheet, hidden or not; sheets named for blocs give the bloc.
func TestWorkbookSheets(t *testing.T) {
	p := writeFile(t, "ket-qua.xlsx", workbook(t, datatest.AnnexWorkbook()))
	ds, err := data.Load([]string{p}, data.Options{Sheet: "nam 2023"})
	if err != nil {
		t.Fatal(err)
	}
	if years := ds.Years(data.DefaultIndex); !slices.Equal(years, []int{2023}) {
		t.Errorf("--sheet \"nam 2023\" read years %v", years)
	}
	_, err = data.Load([]string{p}, data.Options{Sheet: "Tính toán"})
	if err == nil || !strings.Contains(err.Error(), "ket-qua.xlsx:Tính toán!1:1: error: no year column and no year in the sheet's or the file's name") {
		t.Errorf("the hidden sheet, named, is read (and has no year): %v", err)
	}
	csv := writeFile(t, "par-2023.csv", []byte("Đơn vị,Tổng điểm\nSở A,90\n"))
	if _, err := data.Load([]string{csv}, data.Options{Sheet: "2023"}); err == nil || !strings.Contains(err.Error(), `--sheet "2023": no input is a workbook`) {
		t.Errorf("--sheet with no workbook: %v", err)
	}
	// a formula nobody calculated, on a sheet of notes that is not read
	notes := workbook(t, []datatest.Sheet{
		{Name: "2023", Rows: [][]any{{"Đơn vị", "Tổng điểm"}, {"Sở A", 90}}},
		{Name: "Ghi chú", Rows: [][]any{{"Cập nhật", datatest.Formula{Expr: "TODAY()"}}}},
	})
	if _, err := data.Load([]string{writeFile(t, "par.xlsx", notes)}, data.Options{}); err != nil {
		t.Errorf("a formula without a value on a sheet not read: %v", err)
	}
	blocs := workbook(t, []datatest.Sheet{
		{Name: "Sở, ban, ngành", Rows: [][]any{{"Đơn vị", "Tổng điểm"}, {"Sở A", 90}, {"Sở B", 80}}},
		{Name: "Cấp huyện", Rows: [][]any{{"Đơn vị", "Tổng điểm"}, {"Huyện C", 85}}},
	})
	ds, err = data.Load([]string{writeFile(t, "par-2023.xlsx", blocs)}, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ranking(ds, 2023, "Cấp huyện"); !slices.Equal(got, []string{"Huyện C 85"}) {
		t.Errorf("bloc from the sheet name: %q", got)
	}
	if got := ranking(ds, 2023, "Sở, ban, ngành"); !slices.Equal(got, []string{"Sở A 90", "Sở B 80"}) {
		t.Errorf("bloc from the sheet name: %q", got)
	}
}

// A directory is read for workbooks too; Excel's lock files are not data.
func TestWorkbookInDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "par-2023.xlsx"), workbook(t, []datatest.Sheet{{Name: "Sheet1", Rows: [][]any{{"Đơn vị", "Tổng điểm"}, {"Sở A", 90}}}}), 0o644)
	os.WriteFile(filepath.Join(dir, "~$par-2023.xlsx"), []byte("owner"), 0o644)
	ds, err := data.Load([]string{dir}, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Records) != 1 || ds.Records[0].Year != 2023 {
		t.Errorf("records %+v", ds.Records)
	}
}

// annexCase is the truth-corpus case holding the annex workbook; -update
// writes it, otherwise the checked-in workbook must load as the one built
// here does.
const annexCase = "../testdata/truth/o1-annex-workbook/ket-qua.xlsx"

func TestAnnexTruthCase(t *testing.T) {
	built := workbook(t, datatest.AnnexWorkbook())
	if datatest.Update() {
		noValue := workbook(t, []datatest.Sheet{{Name: "2023", Rows: [][]any{{"Đơn vị", "A", "B", "Tổng điểm"},
			{"Sở A", 40, 50, datatest.Formula{Expr: "SUM(B2:C2)", Value: 90}},
			{"Sở B", 45, 40, datatest.Formula{Expr: "SUM(B3:C3)"}}}}})
		for p, body := range map[string][]byte{
			annexCase: built,
			"../testdata/truth/o1-formula-without-value/par.xlsx":  noValue,
			"../testdata/truth/o1-legacy-xls-refused/par-2023.xls": append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...),
		} {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, body, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	fresh, err := data.Load([]string{writeFile(t, "ket-qua.xlsx", built)}, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	stored, err := data.Load([]string{annexCase}, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{2022, 2023} {
		for _, bloc := range []string{"KHỐI SỞ, BAN, NGÀNH", "KHỐI UBND CẤP HUYỆN"} {
			if a, b := ranking(fresh, year, bloc), ranking(stored, year, bloc); !slices.Equal(a, b) || len(a) == 0 {
				t.Errorf("%d %s: the checked-in workbook gives %q, the annex %q", year, bloc, b, a)
			}
		}
	}
}
