package main

// The hostile corpus: files that carry what an e-mailed spreadsheet can
// carry. testdata/hostile is generated from this file, so every byte in it
// is explained here; TestHostileCorpusUpToDate fails when the two differ
// (go test -run HostileCorpus -update rewrites the files).

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parlens/parlens/data/datatest"
)

// hostileClass is one class of hostile content and the file that carries it.
type hostileClass struct {
	file string // path under testdata/hostile
	what string // one line for the README
	// visible are strings that must appear in every human-readable output
	// (table, Markdown, text, the dashboard): the inert form of the content.
	visible []string
	// raw are strings from the data, as written, that JSON must keep
	// (decoded): JSON is exact.
	raw []string
	// unit is a code or name `parlens unit` finds in the file.
	unit string
	// reject: the file must not load; the error must be shown inert.
	reject bool
}

// Strings a hostile file uses. The title and clipboard payloads are
// distinctive so the end-to-end test can look for them.
const (
	pwnTitle = "PWNED-TITLE"
	pwnClip  = "UFdORUQtQ0xJUA==" // base64 of "PWNED-CLIP"
)

var (
	csiNames = []string{
		"Sở \x1b[2J\x1b[HXoá màn hình",
		"\x1b[31mĐỏ\x1b[0m Sở Màu",
		"Sở Ẩn \x1b[8mbí mật\x1b[28m",
		"Sở Hỏi \x1b[6n\x1b[c vị trí",
		"Sở Lên \x1b[5A\x1b[2K dòng",
		"\x1b[?1049l\x1b[?1000h Sở Thoát",
	}
	osc52Names = []string{
		"\x1b]52;c;" + pwnClip + "\x07Sở Chép",
		"\x1b]52;p;" + pwnClip + "\x1b\\Sở Chép Hai",
		"Sở Đọc \x1b]52;c;?\x07",
		"\x1bPtmux;\x1b\x1b]52;c;" + pwnClip + "\x07\x1b\\Sở Xuyên",
	}
	osc8Names = []string{
		"\x1b]8;;https://evil.example/\x1b\\Sở Liên kết\x1b]8;;\x1b\\",
		"\x1b]8;id=1;file:///etc/passwd\x07Sở Bấm đây\x1b]8;;\x07",
	}
	titleNames = []string{
		"\x1b]0;" + pwnTitle + "\x07Sở Tiêu đề",
		"\x1b]2;" + pwnTitle + "\x1b\\Sở Tiêu đề Hai",
		"\x1b]1;" + pwnTitle + "\x07Sở Biểu tượng",
		"\x1bk" + pwnTitle + "\x1b\\Sở Tên cửa sổ",
		"\x1bP+q544e\x1b\\Sở Hỏi termcap",
	}
	c0Names = []string{
		"Sở Chuông\x07\x07",
		"Sở Tốt\x08\x08\x08Xấu",
		"Sở Thật\rSở Giả",
		"Sở Hai\ndòng",
		"Sở\tTab",
		"Sở Dọc\x0b\x0cTrang",
		"Sở \x0elqqk\x0f Vẽ",
		"Sở Xoá\x7f\x7f",
	}
	c1Names = []string{
		"Sở \u009b2J Xoá",
		"Sở \u009d0;" + pwnTitle + "\u009c Tiêu đề",
		"Sở \u0085Dòng mới",
		"Sở \u008dLùi",
		"Sở \u0090q\u009c DCS",
	}
	bidiNames = []string{
		"Sở \u202eụv iộN\u202c",
		"Sở \u202dLTR\u202c ép",
		"Sở \u2067Cô lập\u2069",
		"Sở \u200fRLM\u200e",
		"Sở \u061cALM",
		"Sở hoadon\u202egpj.exe",
	}
	zeroWidthNames = []string{
		"Sở\u200bTrống",
		"Sở \u200c\u200dNối",
		"Sở \u2060Gắn\ufeffBOM",
		"Sở Mềm\u00adgạch",
		"Sở Dòng\u2028mới\u2029đoạn",
		"\u3164\u3164",
		"\u200b\u200b",
		"Sở Thẻ\U000e0041\U000e007f",
	}
	formulaNames = []string{
		`=HYPERLINK("http://evil.example","Bấm")`,
		"+cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'!A0",
		"@SUM(1+1)*cmd|' /C calc'!A0",
		"=1+1",
		"-3",
		"+84 236 3822 000",
	}
	markdownNames = []string{
		"Sở | Tách | cột",
		"<script>alert(1)</script>",
		"[bấm](javascript:alert(1))",
		"![x](http://tracker.example/p.png)",
		"`mã` **đậm** _nghiêng_ ~~gạch~~",
		"&#x202E;ngược &amp; thật",
		"# Tiêu đề",
		`Sở \| gạch chéo \`,
	}
)

// longName is n characters of a Vietnamese agency name, repeated.
func longName(n int, seed string) string {
	r := []rune(strings.Repeat(seed, n/len([]rune(seed))+1))[:n]
	if r[n-1] == ' ' {
		r[n-1] = '.' // the loader trims spaces at the ends of cells
	}
	return string(r)
}

// csvText writes rows as CSV (quoting what needs it).
func csvRows(rows [][]string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.String()
}

// hostileWide is a two-year wide file where each name is a unit: scores move
// between the years so every view (movers, transitions, components) has
// something to show about the hostile units.
func hostileWide(index, bloc string, names []string, comps [2]string) string {
	rows := [][]string{{"year", "index", "bloc", "unit_code", "unit", comps[0], comps[1], "total", "grade"}}
	grades := func(t float64) string {
		switch {
		case t >= 90:
			return "Xuất sắc"
		case t >= 80:
			return "Tốt"
		case t >= 70:
			return "Khá"
		}
		return "Trung bình"
	}
	for _, year := range []int{2023, 2024} {
		for i, n := range names {
			// 2023: 95, 91, 87 …; 2024 reverses the order, so grades and
			// ranks move.
			k := i
			if year == 2024 {
				k = len(names) - 1 - i
			}
			total := 95 - 4*float64(k)
			c1 := total * 0.6
			rows = append(rows, []string{fmt.Sprint(year), index, bloc, fmt.Sprintf("H%d", i+1), n,
				fmt.Sprintf("%.2f", c1), fmt.Sprintf("%.2f", total-c1), fmt.Sprintf("%.2f", total), grades(total)})
		}
	}
	return csvRows(rows)
}

// hostileCorpus is every file of testdata/hostile, with what each class
// must look like in the outputs.
func hostileCorpus() (map[string]string, []hostileClass) {
	files := map[string]string{}
	var classes []hostileClass
	add := func(c hostileClass, content string) {
		files[c.file] = content
		classes = append(classes, c)
	}
	plain := [2]string{"Chỉ đạo", "Thể chế"}

	add(hostileClass{file: "csi.csv", what: "ANSI CSI: clear screen, colours, concealed text, cursor moves, terminal queries, alternate screen and mouse modes",
		visible: []string{"␛[2J␛[HXoá màn hình", "␛[?1049l␛[?1000h", "␛[6n"}, raw: csiNames[:2], unit: "H1"},
		hostileWide("PAR \x1b[1mIndex", "Khối \x1b[7mSở", csiNames, [2]string{"\x1b[32mChỉ đạo", "Thể chế\x1b[K"}))
	add(hostileClass{file: "osc52.csv", what: "OSC 52 clipboard writes and reads (BEL and ST terminated), and one through tmux passthrough",
		visible: []string{"␛]52;c;" + pwnClip + "␇", "␛\\", "␛Ptmux;"}, raw: osc52Names[:1], unit: "H1"},
		hostileWide("PAR Index", "Khối \x1b]52;c;"+pwnClip+"\x07Sở", osc52Names, plain))
	add(hostileClass{file: "osc8.csv", what: "OSC 8 hyperlinks to a web page and a local file",
		visible: []string{"␛]8;;https://evil.example/␛\\", "␛]8;id=1;file:///etc/passwd␇"}, raw: osc8Names, unit: "H1"},
		hostileWide("PAR Index", "Khối Sở", osc8Names, [2]string{"\x1b]8;;https://evil.example/\x07Chỉ đạo\x1b]8;;\x07", "Thể chế"}))
	add(hostileClass{file: "title.csv", what: "window and icon title changes (OSC 0, 1, 2; screen's ESC k), a DCS termcap query",
		visible: []string{"␛]0;" + pwnTitle + "␇", "␛]2;" + pwnTitle + "␛\\", "␛k" + pwnTitle}, raw: titleNames[:2], unit: "H1"},
		hostileWide("\x1b]2;"+pwnTitle+"\x07PAR Index", "Khối \x1b]0;"+pwnTitle+"\x07Sở", titleNames, plain))
	add(hostileClass{file: "c0.csv", what: "C0 controls: BEL, backspace overwrite, carriage return, line feed, tab, VT/FF, shift-out to line drawing, DEL",
		visible: []string{"Sở Tốt␈␈␈Xấu", "Sở Thật␍Sở Giả", "Sở Hai␊dòng", "Sở␉Tab", "␎lqqk␏", "Sở Xoá␡␡", "␇␇"}, raw: c0Names[:4], unit: "H2"},
		hostileWide("PAR Index", "Khối\x07Sở", c0Names, plain))
	add(hostileClass{file: "c1.csv", what: "C1 controls as UTF-8: CSI, OSC, NEL, RI, DCS, ST",
		visible: []string{"<U+009B>2J", "<U+009D>0;" + pwnTitle + "<U+009C>", "<U+0085>"}, raw: c1Names[:2], unit: "H1"},
		hostileWide("PAR Index", "Khối \u009b7mSở", c1Names, plain))
	add(hostileClass{file: "bidi.csv", what: "bidi overrides, embeddings, isolates and marks (U+202E and friends)",
		visible: []string{"Sở <U+202E>ụv iộN<U+202C>", "<U+2067>Cô lập<U+2069>", "hoadon<U+202E>gpj.exe"}, raw: bidiNames, unit: "H1"},
		hostileWide("PAR \u202eIndex", "Khối \u202eSở", bidiNames, [2]string{"Chỉ \u202eđạo", "Thể chế"}))
	add(hostileClass{file: "zero-width.csv", what: "zero-width and invisible characters: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, line separators, Hangul fillers, tags",
		visible: []string{"Sở<U+200B>Trống", "<U+3164><U+3164>", "<U+200B><U+200B>", "Mềm<U+00AD>gạch", "Dòng<U+2028>mới", "<U+E0041>"}, raw: zeroWidthNames, unit: "H1"},
		hostileWide("PAR Index", "Khối\u200b Sở", zeroWidthNames, [2]string{"Chỉ\u200b đạo", "Thể\u00ad chế"}))
	add(hostileClass{file: "formula.csv", what: "spreadsheet formulas (CSV injection) in names, the bloc and a component",
		visible: []string{`=HYPERLINK("http://evil.example","Bấm")`, "+cmd|' /C calc'!A0"}, raw: formulaNames, unit: "H1"},
		hostileWide("PAR Index", "=1+1", formulaNames, [2]string{"@Chỉ đạo", "-Thể chế"}))
	add(hostileClass{file: "markdown.csv", what: "Markdown that breaks tables or makes links, images, HTML and entities",
		visible: []string{"Sở | Tách | cột", "<script>"}, raw: markdownNames, unit: "H1"},
		hostileWide("PAR Index", "Khối | Sở", markdownNames, [2]string{"Chỉ | đạo", "Thể chế"}))

	long := longName(10000, "Ủy ban nhân dân huyện ")
	add(hostileClass{file: "long-names.csv", what: "10,000-character names: a unit, a bloc, an index and a component",
		visible: []string{"Ủy ban nhân dân huyện Ủy ban"}, raw: []string{long}, unit: "H1"},
		hostileWide(longName(10000, "Chỉ số cải cách hành chính "), longName(10000, "Khối quận, huyện "),
			[]string{long, "Sở Ngắn", "Sở Vừa"}, [2]string{longName(10000, "Lĩnh vực chỉ đạo điều hành "), "Thể chế"}))

	{
		head := []string{"year", "unit_code", "unit"}
		for i := 1; i <= 5000; i++ {
			head = append(head, fmt.Sprintf("Lĩnh vực %04d", i))
		}
		rows := [][]string{head}
		for _, year := range []int{2023, 2024} {
			for u := 1; u <= 3; u++ {
				row := []string{fmt.Sprint(year), fmt.Sprintf("H%d", u), fmt.Sprintf("Sở Rộng %d", u)}
				for i := 1; i <= 5000; i++ {
					row = append(row, []string{"0", "0.02"}[(i*7+u*3+year)%10/5]) // totals stay on a PAR scale
				}
				rows = append(rows, row)
			}
		}
		add(hostileClass{file: "columns-5000.csv", what: "5,000 component columns",
			visible: []string{"Sở Rộng 1"}, raw: []string{"Lĩnh vực 5000"}, unit: "H1"}, csvRows(rows))
	}

	// A few bytes that are not UTF-8 (and not Vietnamese Windows-1258): the
	// file is read as UTF-8, each such byte shown as U+FFFD with a warning,
	// and the escape sequences are still there.
	add(hostileClass{file: "invalid-utf8.csv", what: "bytes that are not UTF-8 (each read as U+FFFD, with a warning), with escape sequences",
		visible: []string{"␛]2;" + pwnTitle + "␇", "␛[2J"}, unit: "H1"},
		"year,unit_code,unit,total\n2023,H1,S\xff \x1b]2;"+pwnTitle+"\x07A,91\n2023,H2,S\xfe \x1b[2JB,85\n2024,H1,S\xff \x1b]2;"+pwnTitle+"\x07A,84\n2024,H2,S\xfe \x1b[2JB,93\n")

	add(hostileClass{file: "long-format.csv", what: "long format: hostile component and unit names",
		visible: []string{"␛]2;" + pwnTitle + "␇Lĩnh vực", "Sở <U+202E>Dài"}, raw: []string{"\x1b]2;" + pwnTitle + "\x07Lĩnh vực"}, unit: "L1"},
		csvRows([][]string{
			{"year", "bloc", "unit_code", "unit", "component", "score"},
			{"2023", "Khối \x1b[5mSở", "L1", "Sở \u202eDài", "\x1b]2;" + pwnTitle + "\x07Lĩnh vực", "40"},
			{"2023", "Khối \x1b[5mSở", "L1", "Sở \u202eDài", "Thể\x07chế", "45"},
			{"2023", "Khối \x1b[5mSở", "L2", "\x1b]52;c;" + pwnClip + "\x07Sở Hai", "\x1b]2;" + pwnTitle + "\x07Lĩnh vực", "30"},
			{"2023", "Khối \x1b[5mSở", "L2", "\x1b]52;c;" + pwnClip + "\x07Sở Hai", "Thể\x07chế", "41"},
			{"2024", "Khối \x1b[5mSở", "L1", "Sở \u202eDài", "\x1b]2;" + pwnTitle + "\x07Lĩnh vực", "35"},
			{"2024", "Khối \x1b[5mSở", "L1", "Sở \u202eDài", "Thể\x07chế", "40"},
			{"2024", "Khối \x1b[5mSở", "L2", "\x1b]52;c;" + pwnClip + "\x07Sở Hai", "\x1b]2;" + pwnTitle + "\x07Lĩnh vực", "48"},
			{"2024", "Khối \x1b[5mSở", "L2", "\x1b]52;c;" + pwnClip + "\x07Sở Hai", "Thể\x07chế", "47"},
		}))

	// Sidecars: component names, grade labels and unit aliases are shown too.
	{
		c := hostileClass{file: "sidecars/par-2024.csv", what: "sidecar files (components, grades, units) with hostile names, grade labels and aliases",
			visible: []string{"␛[31mChỉ đạo␛[0m", "␛]52;c;" + pwnClip + "␇Giỏi"}, raw: []string{"\x1b]52;c;" + pwnClip + "\x07Giỏi"}, unit: "S1"}
		files["sidecars/par-2023.csv"] = "year,unit_code,unit,C1,C2\n2023,S1,Sở Một,50,40\n2023,S2,Sở Hai,40,45\n2023,S3,Sở Ba,30,30\n"
		files["sidecars/components.csv"] = csvRows([][]string{{"code", "name", "max"},
			{"C1", "\x1b[31mChỉ đạo\x1b[0m", "60"}, {"C2", "Thể chế\u202e\x07", "50"}})
		files["sidecars/grades.csv"] = csvRows([][]string{{"grade", "min"},
			{"\x1b]52;c;" + pwnClip + "\x07Giỏi", "85"}, {"Đạt \u202eạt", "70"}, {"\x1b]2;" + pwnTitle + "\x07Chưa đạt", "0"}})
		files["sidecars/units.csv"] = csvRows([][]string{{"unit_code", "unit", "aliases", "successor_code"},
			{"S1", "Sở Một", "\x1b]2;" + pwnTitle + "\x07Sở Cũ;Sở \u202eXưa", ""}, {"S3", "Sở Ba", "", "S2"}})
		add(c, "year,unit_code,unit,C1,C2\n2024,S1,Sở Một,40,40\n2024,S2,Sở Hai,55,45\n2024,S3,Sở Ba,50,30\n")
	}

	// Files that must not load: the messages about them are shown inert.
	add(hostileClass{file: "reject/empty.csv", what: "an empty file", reject: true}, "")
	add(hostileClass{file: "reject/one-byte.csv", what: "a one-byte file (an ESC)", reject: true}, "\x1b")
	add(hostileClass{file: "reject/nul.csv", what: "NUL bytes among escape sequences", reject: true},
		"year,unit,total\n2024,Sở\x00\x1b]2;"+pwnTitle+"\x07A,90\n")
	add(hostileClass{file: "reject/undefined-bytes.csv", what: "mostly bytes neither UTF-8 nor Windows-1258 (not text), with an escape sequence", reject: true},
		"year,unit,total\n2024,S\x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d\x1b[2JA,90\n")
	add(hostileClass{file: "reject/bad-cells.csv", what: "errors whose messages quote hostile cells (year, score, rank, duplicate unit)", reject: true,
		visible: []string{"Sở ␛]52;c;" + pwnClip + "␇Đôi"}},
		csvRows([][]string{{"year", "unit", "C1", "total", "rank"},
			{"\x1b]2;" + pwnTitle + "\x07", "Sở A", "1", "90", "1"},
			{"2024", "Sở B", "\x1b[2J", "80", "2"},
			{"2024", "Sở C", "1", "70", "\x1b]8;;http://evil.example/\x07"},
			{"2024", "Sở \x1b]52;c;" + pwnClip + "\x07Đôi", "1", "60", "4"},
			{"2024", "Sở \x1b]52;c;" + pwnClip + "\x07Đôi", "2", "61", "4"},
		}))
	return files, classes
}

// hostileReadme describes the corpus.
func hostileReadme(classes []hostileClass) string {
	var b strings.Builder
	b.WriteString(`# testdata/hostile

Files an analyst may receive by e-mail: cells that carry terminal escape
sequences, invisible or reordering characters, spreadsheet formulas,
Markdown, huge names and thousands of columns, and files that are not tables
at all. Generated by hostile_corpus_test.go (go test -run HostileCorpus
-update); do not edit by hand.

parlens keeps the text as written (JSON output is exact, with controls and
invisible characters escaped as \uXXXX) and makes it inert and visible
everywhere it is shown: on screen, in tables, Markdown, text and CSV
(data.Printable: ESC becomes ␛, other controls their control pictures,
bidi and zero-width characters <U+XXXX>).

| file | class |
| --- | --- |
`)
	sort.Slice(classes, func(i, j int) bool { return classes[i].file < classes[j].file })
	for _, c := range classes {
		fmt.Fprintf(&b, "| `%s` | %s |\n", c.file, c.what)
	}
	b.WriteString(`
Files under reject/ must not load; the messages about them are shown inert.
Tests: hostile_test.go (every command and format), tui/hostile_test.go (every
view and size), data/hostile_test.go (the loader), e2e/tmux.sh (a real
terminal: title and clipboard untouched).
`)
	return b.String()
}

// TestHostileCorpusUpToDate: testdata/hostile is what hostileCorpus says.
func TestHostileCorpusUpToDate(t *testing.T) {
	files, classes := hostileCorpus()
	files["README.md"] = hostileReadme(classes)
	dir := filepath.Join("testdata", "hostile")
	if datatest.Update() {
		os.RemoveAll(dir)
		for name, content := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		want, ok := files[rel]
		if !ok {
			t.Errorf("%s is not generated by hostileCorpus (run go test -run HostileCorpus -update)", rel)
			return nil
		}
		got, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if string(got) != want {
			t.Errorf("%s differs from hostileCorpus (run go test -run HostileCorpus -update)", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if !seen[name] {
			t.Errorf("%s is missing (run go test -run HostileCorpus -update)", name)
		}
	}
}
