package data

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// readFiles loads in-memory files as one dataset.
func readFiles(t *testing.T, files map[string]string) *Result {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return ReadFS(fsys, ".", Options{})
}

func mustLoad(t *testing.T, files map[string]string) *Dataset {
	t.Helper()
	r := readFiles(t, files)
	if err := r.Err(); err != nil {
		t.Fatalf("load failed: %v", err)
	}
	return r.Dataset
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Hoà Vang":                  "hoa vang",
		"Hòa Vang":                  "hoa vang",
		"  Đà   Nẵng ":              "da nang",
		"TỔNG ĐIỂM":                 "tong diem",
		"unit_code":                 "unit code",
		"No.":                       "no",
		"Mã đơn vị":                 "ma don vi",
		"Cẩm Lệ":                    "cam le",
		norm.NFD.String("Hòa Vang"): "hoa vang",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if !ContainsFolded("quận Cẩm Lệ", "cam le") || !ContainsFolded("Đà Nẵng", "da nang") || ContainsFolded("Đà Nẵng", "hue") {
		t.Error("ContainsFolded does not fold accents")
	}
}

// The same table as a Vietnamese Excel export (BOM, ';', decimal comma, CRLF,
// an STT column, Vietnamese headers, a quoted multi-line cell) and as a clean
// English file must load to the same dataset.
func TestExcelExportMatchesCleanTwin(t *testing.T) {
	excel := "\ufeffSTT;Năm;Khối;Mã đơn vị;Tên đơn vị;Chỉ đạo;Thể chế;Tổng điểm;Xếp hạng;Xếp loại\r\n" +
		"1;2021;Sở, ban, ngành;SNV;Sở Nội vụ;9,5;10,25;19,75;1;Tốt\r\n" +
		"2;2021;Sở, ban, ngành;SYT;\"Sở Y tế\r\n(Health)\";7;8,5;15,5;2;Khá\r\n" +
		"3;2021;Quận, huyện;QTK;quận Thanh Khê;8;;8;KXH;\r\n"
	clean := "year,bloc,unit_code,unit,Chỉ đạo,Thể chế,total,rank,grade\n" +
		"2021,\"Sở, ban, ngành\",SNV,Sở Nội vụ,9.5,10.25,19.75,1,Tốt\n" +
		"2021,\"Sở, ban, ngành\",SYT,\"Sở Y tế\r\n(Health)\",7,8.5,15.5,2,Khá\n" +
		"2021,\"Quận, huyện\",QTK,quận Thanh Khê,8,,8,not ranked,\n"
	a := mustLoad(t, map[string]string{"excel.csv": excel})
	b := mustLoad(t, map[string]string{"clean.csv": clean})
	if f := a.Files[0]; f.Delimiter != ';' || f.Decimal != ',' || f.Encoding != "UTF-8 with BOM" || f.Rows != 3 {
		t.Errorf("excel file understood as %+v", f)
	}
	if f := b.Files[0]; f.Delimiter != ',' || f.Decimal != '.' || f.Encoding != "UTF-8" {
		t.Errorf("clean file understood as %+v", f)
	}
	if len(a.Records) != 3 || len(b.Records) != 3 {
		t.Fatalf("records: %d and %d, want 3", len(a.Records), len(b.Records))
	}
	for i := range a.Records {
		x, y := a.Records[i], b.Records[i]
		x.Pos, y.Pos = Pos{}, Pos{}
		if !sameRecord(x, y) {
			t.Errorf("record %d differs:\nexcel %+v\nclean %+v", i, x, y)
		}
	}
	if a.Records[2].NotRanked != true || !IsMissing(a.Records[2].Score(1)) {
		t.Errorf("KXH and the empty cell: %+v", a.Records[2])
	}
	if got := a.Records[0].Score(1); got != 10.25 {
		t.Errorf("decimal comma: got %v, want 10.25", got)
	}
}

func sameRecord(x, y Record) bool {
	if x.Index != y.Index || x.Year != y.Year || x.Bloc != y.Bloc || x.UnitID != y.UnitID || x.Unit != y.Unit ||
		x.UnitCode != y.UnitCode || !sameFloat(x.Total, y.Total) || x.Grade != y.Grade ||
		x.PublishedRank != y.PublishedRank || x.NotRanked != y.NotRanked || x.TotalDerived != y.TotalDerived {
		return false
	}
	for i := 0; i < max(x.NumScores(), y.NumScores()); i++ {
		if !sameFloat(x.Score(i), y.Score(i)) {
			return false
		}
	}
	return true
}

func TestEncodings(t *testing.T) {
	body := "Tên đơn vị\tNăm\tTổng điểm\nSở Nội vụ\t2021\t91,5\nhuyện Hòa Vang\t2021\t80\n"
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(body)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(body)
	cp1258, err := charmap.Windows1258.NewEncoder().String(toneMarksApart(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, raw, enc string
	}{
		{"utf8.csv", body, "UTF-8"},
		{"bom.csv", "\ufeff" + body, "UTF-8 with BOM"},
		{"nfd.csv", norm.NFD.String(body), "UTF-8"},
		{"u16le.txt", utf16le, "UTF-16LE"},
		{"u16be.txt", utf16be, "UTF-16BE"},
		{"cp1258.csv", cp1258, "Windows-1258"},
	} {
		ds := mustLoad(t, map[string]string{tt.name: tt.raw})
		f := ds.Files[0]
		if f.Encoding != tt.enc || f.Delimiter != '\t' || f.Decimal != ',' {
			t.Errorf("%s: understood as %+v, want %s, tab, comma", tt.name, f, tt.enc)
		}
		r := ds.Records
		if len(r) != 2 || r[0].Unit != "Sở Nội vụ" || r[1].Unit != "huyện Hòa Vang" || r[0].Total != 91.5 {
			t.Errorf("%s: records %+v", tt.name, r)
		}
		if !norm.NFC.IsNormalString(r[1].Unit) {
			t.Errorf("%s: %q is not NFC", tt.name, r[1].Unit)
		}
	}
}

func TestDefaultsAndIdentity(t *testing.T) {
	ds := mustLoad(t, map[string]string{
		"par-2020.csv": "đơn vị,C1,C2\nhuyện Hoà Vang,5,6.5\nSở Tư pháp,7,\n",
		"par-2021.csv": "đơn vị,C1,C2\nhuyện Hòa Vang,6,7\nSở Tư pháp,8,9\n",
	})
	if got := ds.Indices(); len(got) != 1 || got[0] != DefaultIndex {
		t.Errorf("indices %v, want [%s]", got, DefaultIndex)
	}
	if got := ds.Years(DefaultIndex); len(got) != 2 || got[0] != 2020 || got[1] != 2021 {
		t.Errorf("years from file names: %v", got)
	}
	r := ds.Records
	if r[0].Bloc != r[3].Bloc {
		t.Errorf("no bloc column should give one bloc, got %q and %q", r[0].Bloc, r[3].Bloc)
	}
	if r[0].UnitID != r[2].UnitID {
		t.Errorf("Hoà Vang and Hòa Vang are one unit: ids %q and %q", r[0].UnitID, r[2].UnitID)
	}
	if r[0].Total != 11.5 || !r[0].TotalDerived {
		t.Errorf("derived total %v (derived %v), want 11.5", r[0].Total, r[0].TotalDerived)
	}
	if !IsMissing(r[1].Total) || !IsMissing(r[1].Score(1)) || r[1].TotalDerived || !slices.Equal(r[1].MissingParts(), []string{"C2"}) {
		t.Errorf("an empty cell is missing, never zero, and so is a total it is part of: %+v", r[1])
	}
	if ds.UnitCount() != 2 {
		t.Errorf("units %d, want 2", ds.UnitCount())
	}
}

func TestLongFormat(t *testing.T) {
	ds := mustLoad(t, map[string]string{"long.csv": "year,bloc,unit_code,unit,component,score\n" +
		"2021,Sở,SNV,Sở Nội vụ,Chỉ đạo,9.5\n2021,Sở,SNV,Sở Nội vụ,Thể chế,10.25\n" +
		"2021,Sở,STP,Sở Tư pháp,Chỉ đạo,8\n2022,Sở,SNV,Sở Nội vụ,Chỉ đạo,9\n"})
	if ds.Files[0].Kind != "long" || ds.Files[0].Rows != 4 {
		t.Errorf("file %+v", ds.Files[0])
	}
	if len(ds.Records) != 3 || len(ds.Components) != 2 {
		t.Fatalf("records %d components %d, want 3 and 2", len(ds.Records), len(ds.Components))
	}
	if r := ds.Records[0]; r.Total != 19.75 || r.Score(1) != 10.25 {
		t.Errorf("aggregated record %+v", r)
	}
	if r := ds.Records[1]; !IsMissing(r.Total) || !IsMissing(r.Score(1)) || !slices.Equal(r.MissingParts(), []string{"Thể chế"}) {
		t.Errorf("a record lacking a component of its year has no total: %+v", r)
	}
	if r := ds.Records[2]; r.Total != 9 || r.MissingParts() != nil {
		t.Errorf("2022 has one component: %+v", r)
	}
}

func TestWarnings(t *testing.T) {
	r := readFiles(t, map[string]string{
		"components.csv": "mã,thành phần,điểm tối đa\nC1,Chỉ đạo,10\nC2,Thể chế,20\n",
		"par.csv": "năm,mã,đơn vị,Chỉ đạo,Thể chế,tổng điểm\n" +
			"2021,A,Sở A,9.5,10,19.51\n" + // 0.01 off: normal rounding, no warning
			"2021,B,Sở B,11,10,21\n" + // above max
			"2021,C,Sở C,5,5,10.02\n" + // 0.02 off: warn
			"2022,A,Sở A mới,9,9,18\n", // renamed under the same code
	})
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range r.Issues {
		got = append(got, i.String())
	}
	want := []string{
		`par.csv:3:4: warning: score 11 is above the maximum 10 of "Chỉ đạo" (hint: check the score or the max in components.csv)`,
		`par.csv:4:6: warning: total 10.02 differs from the sum of components 10 by 0.02 (hint: published tables round to 0.01; a bigger gap is a typo or a missing column)`,
		`par.csv:5: warning: unit A is named "Sở A" in 2021 and "Sở A mới" in 2022 (hint: fine if the unit was renamed; list old names as aliases in units.csv)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	c := r.Dataset.Components
	if len(c) != 2 || c[0].Key != "C1" {
		t.Fatalf("components %+v", c)
	}
	if m, ok := c[1].Max(2021); !ok || m != 20 {
		t.Errorf("max of C2 = %v, %v", m, ok)
	}
}

func TestSidecars(t *testing.T) {
	ds := mustLoad(t, map[string]string{
		"components.csv": "code,component,max,from_year,to_year\nC7,Hiện đại hóa hành chính,15,,2021\nC7,\"Chính phủ điện tử, chính phủ số\",16,2022,\n",
		"grades.csv":     "xếp loại;điểm tối thiểu;khối\nNhóm I;90;Huyện\nNhóm II;80;Huyện\nNhóm III;0;Huyện\n",
		"units.csv":      "unit_code,unit,aliases,successor_code\nQ1,quận Một,Quận 1;Q.1,\nQ2,quận Hai,,Q1\n",
		"par-2021.csv":   "khối,đơn vị,Hiện đại hóa hành chính\nHuyện,Quận 1,12\nHuyện,quận Hai,11\n",
		"par-2022.csv":   "khối,đơn vị,\"Chính phủ điện tử, chính phủ số\"\nHuyện,quận Một,13\n",
	})
	if len(ds.Components) != 1 || ds.Components[0].Key != "C7" {
		t.Fatalf("renamed component not matched through its code: %+v", ds.Components)
	}
	c := &ds.Components[0]
	if m, _ := c.Max(2021); m != 15 {
		t.Errorf("2021 max %v", m)
	}
	if m, _ := c.Max(2023); m != 16 || c.NameIn(2023) != "Chính phủ điện tử, chính phủ số" {
		t.Errorf("2023 term: max %v name %q", m, c.NameIn(2023))
	}
	var ids []string
	for _, r := range ds.Records {
		ids = append(ids, r.UnitID)
	}
	if strings.Join(ids, ",") != "Q1,Q2,Q1" {
		t.Errorf("unit ids through aliases: %v", ids)
	}
	if s, ok := ds.Successor("Q2"); !ok || s != "Q1" {
		t.Errorf("successor of Q2: %q %v", s, ok)
	}
	s := ds.SchemeFor(Slice{Index: DefaultIndex, Year: 2021, Bloc: "huyện"})
	if s.Source != "grades.csv" || s.GradeFor(85) != "Nhóm II" || s.GradeFor(95.5) != "Nhóm I" || s.GradeFor(3) != "Nhóm III" {
		t.Errorf("bloc scheme %+v", s)
	}
	if ds.SchemeFor(Slice{Index: DefaultIndex, Year: 2021, Bloc: "Sở"}) != &DefaultScheme {
		t.Error("a bloc without a scheme uses the default")
	}
}

func TestGradeVocabulary(t *testing.T) {
	ds := &Dataset{}
	for _, tt := range []struct {
		label string
		level int
	}{{"xuat sac", 0}, {"Rất tốt", 0}, {"TỐT", 1}, {"Trung bình khá", 3}, {"Chưa đạt", 5}, {"Kém", 5}, {"Nhóm B", 1}, {"III", 2}} {
		if lvl, ok := ds.GradeLevel(Slice{Index: DefaultIndex, Year: 2021, Bloc: ""}, tt.label); !ok || lvl != tt.level {
			t.Errorf("level of %q = %d, %v; want %d", tt.label, lvl, ok, tt.level)
		}
	}
	if _, ok := ds.GradeLevel(Slice{Index: DefaultIndex, Year: 2021, Bloc: ""}, "Siêu tốt"); ok {
		t.Error("unknown label ordered")
	}
	for score, want := range map[float64]string{90: "Xuất sắc", 89.995: "Xuất sắc", 89.99: "Tốt", 60: "Trung bình", 59.99: "Yếu", 101.69: "Xuất sắc"} {
		if got := DefaultScheme.GradeFor(score); got != want {
			t.Errorf("default grade of %v = %q, want %q", score, got, want)
		}
	}
}

func TestDuplicateIdenticalRowKeptOnce(t *testing.T) {
	r := readFiles(t, map[string]string{"a-2021.csv": "unit,total\nSở A,80\nSở A,80\n"})
	if r.Err() != nil || len(r.Dataset.Records) != 1 || len(r.Issues) != 1 || r.Issues[0].Severity != Warning {
		t.Errorf("identical duplicate: err %v records %d issues %v", r.Err(), len(r.Dataset.Records), r.Issues)
	}
}

func TestPrintable(t *testing.T) {
	tests := map[string]string{
		"Sở Nội vụ":                    "Sở Nội vụ",
		"a\x1b[31mred":                 "a␛[31mred",
		"\x1b]52;c;aGk=\x07":           "␛]52;c;aGk=␇",
		"x\u202eevil":                  "x<U+202E>evil",
		"zero\u200bwidth":              "zero<U+200B>width",
		"c1\u009bcsi":                  "c1<U+009B>csi",
		"nul\x00":                      "nul␀",
		string([]byte{'o', 0xff, 'k'}): "o\uFFFDk",
	}
	for in, want := range tests {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSizeGuard(t *testing.T) {
	fsys := fstest.MapFS{"big-2021.csv": &fstest.MapFile{Data: bytes.Repeat([]byte("unit,total\n"), 100)}}
	r := ReadFS(fsys, ".", Options{MaxBytes: 100})
	if r.Err() == nil || !strings.Contains(r.Issues[0].Msg, "larger than the limit") {
		t.Errorf("size guard: %v", r.Issues)
	}
}

func TestRoundTo(t *testing.T) {
	if got := roundTo(61.86+28.1, 2); got != 89.96 {
		t.Errorf("roundTo = %v", got)
	}
	if got := roundTo(math.Pi, 9); got != math.Pi {
		t.Errorf("roundTo keeps precision past 6 decimals")
	}
}

// toneMarksApart writes Vietnamese as Windows-1258 does: letters with
// circumflex, breve or horn precomposed, tone marks as combining characters.
func toneMarksApart(s string) string {
	var out []rune
	for _, r := range norm.NFD.String(s) {
		switch r {
		case 0x0302, 0x0306, 0x031B:
			// NFD puts a dot below before the circumflex: compose with the base letter.
			i := len(out) - 1
			for i > 0 && (out[i] == 0x0323 || out[i] == 0x0300 || out[i] == 0x0301 || out[i] == 0x0303 || out[i] == 0x0309) {
				i--
			}
			out[i] = []rune(norm.NFC.String(string([]rune{out[i], r})))[0]
		default:
			out = append(out, r)
		}
	}
	return string(out)
}

// parsePlain must agree with strconv.ParseFloat to the last bit.
func TestParsePlainMatchesStrconv(t *testing.T) {
	for _, s := range []string{"97.31", "0.1", "0.3", "89.95", "101.69", "123456789.012345", "7", "0.000001", "79.8", "28.1", "61.86"} {
		got, _, ok := parsePlain(s, '.')
		want, err := strconv.ParseFloat(s, 64)
		if !ok || err != nil || got != want {
			t.Errorf("parsePlain(%q) = %v, want %v", s, got, want)
		}
	}
	for i := 0; i < 100000; i++ {
		s := strconv.FormatFloat(float64(i)*0.37/100, 'f', 2, 64)
		got, _, _ := parsePlain(s, '.')
		want, _ := strconv.ParseFloat(s, 64)
		if got != want {
			t.Fatalf("parsePlain(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRenameListedInUnitsIsNotWarned(t *testing.T) {
	r := readFiles(t, map[string]string{
		"units.csv":  "unit_code,unit,aliases\nA,Sở Mới,Sở Cũ\n",
		"p-2021.csv": "mã,đơn vị,tổng\nA,Sở Cũ,80\n",
		"p-2022.csv": "mã,đơn vị,tổng\nA,Sở Mới,81\n",
	})
	if r.Err() != nil || len(r.Issues) != 0 {
		t.Errorf("issues %v", r.Issues)
	}
}

func TestBonusComponent(t *testing.T) {
	ds := mustLoad(t, map[string]string{
		"components.csv": "code,component,max,bonus\nC1,Chỉ đạo,10,\nX,Cộng thêm,3,x\n",
		"par-2021.csv":   "đơn vị,Chỉ đạo,Cộng thêm,Điểm thưởng,Khác\nSở A,9,1,0.5,2\n",
	})
	var bonus []string
	for _, c := range ds.Components {
		if c.Bonus {
			bonus = append(bonus, c.Name)
		}
	}
	if strings.Join(bonus, ",") != "Cộng thêm,Điểm thưởng" {
		t.Errorf("bonus components %v", bonus)
	}
	if ds.Records[0].Total != 12.5 {
		t.Errorf("bonus counts in the total: %v", ds.Records[0].Total)
	}
}

// A file cut into chunks parsed in parallel gives the same records and the
// same positions as one parsed whole, quoted line breaks included.
func TestChunkedParseMatchesWhole(t *testing.T) {
	var b strings.Builder
	b.WriteString("năm,khối,mã,đơn vị,C1,C2,tổng điểm\n")
	for i := 0; i < 400; i++ {
		name := fmt.Sprintf("Đơn vị %d", i)
		if i%37 == 0 {
			name = fmt.Sprintf("\"Đơn vị %d\nhai dòng, \"\"trích\"\"\"", i)
		}
		fmt.Fprintf(&b, "2021,\"Khối %d\",U%d,%s,%d.5,%d.25,%d.75\n", i%3, i, name, i%10, i%7, i%10+i%7)
	}
	b.WriteString("2021,Khối 0,BAD,Sai,abc,1,2\n")
	raw := b.String()
	load := func(chunk, procs int) *Result {
		defer func(old int) { minChunkBytes = old }(minChunkBytes)
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		minChunkBytes = chunk
		return readFiles(t, map[string]string{"big.csv": raw})
	}
	whole, parts := load(1<<30, 1), load(500, 4)
	if len(whole.Issues) != 1 || whole.Issues[0].String() != parts.Issues[0].String() || len(parts.Issues) != 1 {
		t.Fatalf("issues differ:\nwhole %v\nparts %v", whole.Issues, parts.Issues)
	}
	if want := "big.csv:" + strconv.Itoa(strings.Count(raw, "\n")) + ":5: error"; !strings.HasPrefix(whole.Issues[0].String(), want) {
		t.Errorf("position %s, want %s", whole.Issues[0], want)
	}
	fixed := strings.Replace(raw, "BAD,Sai,abc", "BAD,Sai,3", 1)
	whole = readFiles(t, map[string]string{"big.csv": fixed})
	func() {
		defer func(old int) { minChunkBytes = old }(minChunkBytes)
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
		minChunkBytes = 500
		parts = readFiles(t, map[string]string{"big.csv": fixed})
	}()
	if len(whole.Dataset.Records) != 401 || len(parts.Dataset.Records) != 401 {
		t.Fatalf("records %d and %d", len(whole.Dataset.Records), len(parts.Dataset.Records))
	}
	for i := range whole.Dataset.Records {
		x, y := whole.Dataset.Records[i], parts.Dataset.Records[i]
		if !sameRecord(x, y) || x.Pos != y.Pos {
			t.Fatalf("record %d differs:\n%+v\n%+v", i, x, y)
		}
	}
}

func TestSplitRows(t *testing.T) {
	text := []byte("h\na,\"x\ny\"\nb,c\nd,e\n")
	for n := 1; n <= 6; n++ {
		bounds := splitRows(text, 2, n)
		for _, p := range bounds[1 : len(bounds)-1] {
			if text[p-1] != '\n' || bytes.Count(text[2:p], []byte{'"'})%2 != 0 {
				t.Errorf("n=%d: bad boundary %d in %v", n, p, bounds)
			}
		}
		if bounds[0] != 2 || bounds[len(bounds)-1] != len(text) {
			t.Errorf("n=%d: bounds %v", n, bounds)
		}
	}
}

// splitRows cuts as its definition says, with the quotes before its cuts
// counted in parts: cut k is after the first line end outside quotes at or
// past both the nominal cut start+k·size and cut k−1, and there are no
// more cuts once none is left before the end; also when quoted cells hold
// line breaks across the cuts.
func TestSplitRowsCountsQuotesInParts(t *testing.T) {
	byDefinition := func(text []byte, start, n int) []int {
		bounds := []int{start}
		size := (len(text) - start) / n
		quotes := 0 // in text[start:p]
		for p := start + 1; p < len(text) && len(bounds) < n; p++ {
			if text[p-1] == '"' {
				quotes++
			}
			k := len(bounds)
			if text[p-1] == '\n' && quotes%2 == 0 && p-1 >= max(start+k*size, bounds[k-1]) {
				bounds = append(bounds, p)
			}
		}
		return append(bounds, len(text))
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 300 {
		var sb strings.Builder
		sb.WriteString("h\n")
		for range rng.IntN(300) {
			switch rng.IntN(4) {
			case 0:
				sb.WriteString("\"a\nb\nc\",1\n") // a quoted cell of three lines
			case 1:
				sb.WriteString("\"x\",2\n")
			default:
				sb.WriteString("plain,3\n")
			}
		}
		text := []byte(sb.String())
		for _, n := range []int{2, 3, 7, 40} {
			if got, want := splitRows(text, 2, n), byDefinition(text, 2, n); !slices.Equal(got, want) {
				t.Fatalf("trial %d, n=%d: %v, want %v", trial, n, got, want)
			}
		}
	}
}

// A 10,000-character name is quoted in a message cut to a readable length.
func TestLongNameClippedInMessages(t *testing.T) {
	long := strings.Repeat("Đ", 10000)
	r := readFiles(t, map[string]string{"p-2021.csv": "đơn vị,tổng\n" + long + ",80\n" + long + ",81\n"})
	if r.Err() == nil || len(r.Issues) != 1 {
		t.Fatalf("issues %v", r.Issues)
	}
	if n := len([]rune(r.Issues[0].Msg)); n > 200 || !strings.Contains(r.Issues[0].Msg, "…") {
		t.Errorf("message of %d characters: %.80s", n, r.Issues[0].Msg)
	}
}
