package main

import (
	"archive/zip"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
)

// docxTable is what a test reads of a table in word/document.xml.
type docxTable struct {
	gridCols   int
	rowCells   []int // cells per row
	headerRow  bool  // the first row repeats on each page (w:tblHeader)
	headerFill string
	header     []string
}

// readDOCX opens a .docx, parses every part with encoding/xml (so a part
// that is not well formed fails the test) and returns the document's
// paragraphs as text and its tables.
func readDOCX(t *testing.T, path string) (paras []string, tables []docxTable) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("not a zip archive: %v", err)
	}
	defer zr.Close()
	seen := map[string]bool{}
	for _, f := range zr.File {
		seen[f.Name] = true
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		var cur *strings.Builder
		var tbl *docxTable
		depth, cellText := 0, ""
		inHeadRow, inCell := false, false
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
			if f.Name != "word/document.xml" {
				continue
			}
			switch el := tok.(type) {
			case xml.StartElement:
				switch el.Name.Local {
				case "tbl":
					depth++
					tables = append(tables, docxTable{})
					tbl = &tables[len(tables)-1]
				case "gridCol":
					tbl.gridCols++
				case "tr":
					tbl.rowCells = append(tbl.rowCells, 0)
					inHeadRow = len(tbl.rowCells) == 1
				case "tblHeader":
					tbl.headerRow = tbl.headerRow || inHeadRow
				case "tc":
					tbl.rowCells[len(tbl.rowCells)-1]++
					inCell, cellText = true, ""
				case "shd":
					if inHeadRow {
						for _, a := range el.Attr {
							if a.Name.Local == "fill" {
								tbl.headerFill = a.Value
							}
						}
					}
				case "p":
					cur = &strings.Builder{}
				}
			case xml.CharData:
				if cur != nil {
					cur.Write(el)
				}
			case xml.EndElement:
				switch el.Name.Local {
				case "p":
					if inCell {
						cellText += cur.String()
					} else {
						paras = append(paras, cur.String())
					}
					cur = nil
				case "tc":
					if inHeadRow {
						tbl.header = append(tbl.header, cellText)
					}
					inCell = false
				case "tr":
					inHeadRow = false
				}
			}
		}
		rc.Close()
	}
	for _, part := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"} {
		if !seen[part] {
			t.Errorf("no %s in the package", part)
		}
	}
	return paras, tables
}

// briefStatements is the brief's statements as `brief --format json` gives them.
func briefStatements(t *testing.T, args ...string) []struct{ Kind, Bloc, Text string } {
	t.Helper()
	out, errs, code := runCLI(t, append([]string{"brief", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Result []struct{ Kind, Bloc, Text string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Result) == 0 {
		t.Fatal("no statements")
	}
	return doc.Result
}

// The Word briefing: a well-formed package whose text holds every statement
// of the brief and one ranking table per ranked bloc (the city's grade-only
// Văn thư, lưu trữ index, covered too, has the same three bloc names and no
// ranking table), each with its column grid
// and a shaded header row that repeats on each page.
func TestBriefDOCX(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name   string
		args   []string
		header []string
	}{
		{"city-vi", []string{"--sample", "city", "--year", "2021"}, []string{"Hạng", "Đơn vị", "Điểm", "Xếp loại"}},
		{"city-en", []string{"--sample", "city", "--lang", "en"}, []string{"Rank", "Unit", "Score", "Grade"}},
		{"ministries", []string{"--sample", "ministries-2023"}, []string{"Hạng", "Đơn vị", "Điểm"}}, // published without grades
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".docx")
			if out, errs, code := runCLI(t, append([]string{"brief", "--format", "docx", "-o", path}, c.args...)...); code != 0 || out != "" {
				t.Fatalf("exit %d, stdout %q: %s", code, out, errs)
			}
			paras, tables := readDOCX(t, path)
			text := strings.Join(paras, "\n")
			sts := briefStatements(t, c.args...)
			blocs := map[string]bool{}
			for _, st := range sts {
				if !strings.Contains(text, data.Printable(st.Text)) {
					t.Errorf("statement %s missing: %q", st.Kind, st.Text)
				}
				if st.Bloc != "" {
					blocs[st.Bloc] = true
				}
			}
			if len(tables) != len(blocs) || len(tables) == 0 {
				t.Errorf("%d tables for %d blocs", len(tables), len(blocs))
			}
			for i, tb := range tables {
				if tb.gridCols != len(c.header) {
					t.Errorf("table %d: tblGrid has %d columns, want %d", i, tb.gridCols, len(c.header))
				}
				for r, n := range tb.rowCells {
					if n != tb.gridCols {
						t.Errorf("table %d row %d has %d cells for a grid of %d", i, r, n, tb.gridCols)
					}
				}
				if len(tb.rowCells) < 2 {
					t.Errorf("table %d has no unit rows", i)
				}
				if strings.Join(tb.header, "|") != strings.Join(c.header, "|") {
					t.Errorf("table %d header %q, want %q", i, tb.header, c.header)
				}
				if !tb.headerRow || tb.headerFill == "" || strings.EqualFold(tb.headerFill, "FFFFFF") || tb.headerFill == "auto" {
					t.Errorf("table %d header row: repeats %v, fill %q (want a visible shade)", i, tb.headerRow, tb.headerFill)
				}
			}
		})
	}
}

// -o's extension picks the format when --format is not given; a given
// --format wins.
func TestBriefFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name   string
		format []string
		starts string
	}{
		{"b.docx", nil, "PK"},
		{"b.txt", nil, "Kết quả"},
		{"b.json", nil, "{"},
		{"b.md", nil, "# "},
		{"b2.txt", []string{"--format", "md"}, "# "},
	} {
		path := filepath.Join(dir, c.name)
		args := append([]string{"brief", "--sample", "city", "-o", path}, c.format...)
		if _, errs, code := runCLI(t, args...); code != 0 {
			t.Fatalf("%s: exit %d: %s", c.name, code, errs)
		}
		b, _ := os.ReadFile(path)
		if !strings.HasPrefix(string(b), c.starts) {
			t.Errorf("%s %q starts %.20q, want %q", c.name, c.format, b, c.starts)
		}
	}
}

// A Word document is binary: refused on a terminal without -o.
func TestBriefDOCXRefusedOnTerminal(t *testing.T) {
	e := &env{cmd: findCommand("brief"), terminal: true, stderr: io.Discard}
	fs := e.flags()
	if err := fs.Parse([]string{"--format", "docx"}); err != nil {
		t.Fatal(err)
	}
	if err := e.load(); err != nil {
		t.Fatal(err)
	}
	err := e.runner(e)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitUsage || !strings.Contains(ee.msg, "-o FILE.docx") {
		t.Errorf("got %v, want exit 2 asking for -o", err)
	}
}

// Converted to PDF by LibreOffice, the briefing shows its tables' header
// row. scripts/office-tools.sh installs LibreOffice and poppler-utils (CI
// runs it); without soffice the test cannot run and says so.
func TestBriefDOCXToPDF(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed: run scripts/office-tools.sh to run this test")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("soffice is here but pdftotext is not: run scripts/office-tools.sh (poppler-utils)")
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "brief.docx")
	if _, errs, code := runCLI(t, "brief", "--sample", "city", "--format", "docx", "-o", doc); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, doc)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "brief.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pdf := string(out)
	// The header row, on one line, heads each bloc's table (the city has 3
	// blocs) and repeats on the next page when a table crosses one.
	header := regexp.MustCompile(`Hạng +Đơn vị +Điểm +Xếp loại`)
	if n := len(header.FindAllString(pdf, -1)); n < 3 {
		t.Errorf("the header row shows %d times in the PDF, want at least 3 (one per bloc)\n%s", n, pdf)
	}
	for _, w := range []string{"Sở Nội vụ", "KẾT QUẢ ĐÁNH GIÁ"} {
		if !strings.Contains(pdf, w) {
			t.Errorf("the PDF does not show %q", w)
		}
	}
	// The header's grey shade is painted (a white default fill would hide it).
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Fatal("pdftoppm is missing: run scripts/office-tools.sh (poppler-utils)")
	}
	if out, err := exec.Command(pdftoppm, "-r", "40", filepath.Join(dir, "brief.pdf"), filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page*.ppm"))
	if len(pages) == 0 {
		t.Fatal("pdftoppm wrote no page")
	}
	run := 0
	for _, p := range pages {
		img, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		run = max(run, shadedRun(img))
	}
	if run < 100 { // the table is 16 cm wide: about 250 pixels at 40 dpi
		t.Errorf("the longest run of the header's grey (D9D9D9) is %d pixels: the header row is not shaded", run)
	}
}

// shadedRun is the longest horizontal run of pixels near the header fill's
// grey (0xD9 = 217 in each channel) in a binary PPM (P6, 8 bits): a shaded
// row gives a run across the table, antialiased text only short ones.
func shadedRun(ppm []byte) int {
	var width, height, maxval int
	var magic string
	n, err := fmt.Sscan(string(ppm[:min(len(ppm), 64)]), &magic, &width, &height, &maxval)
	if err != nil || n != 4 || magic != "P6" || maxval != 255 {
		return 0
	}
	pix := ppm[len(ppm)-width*height*3:]
	near := func(c byte) bool { return c >= 212 && c <= 222 }
	best := 0
	for y := range height {
		run := 0
		for x := range width {
			i := (y*width + x) * 3
			if near(pix[i]) && near(pix[i+1]) && near(pix[i+2]) {
				run++
				best = max(best, run)
			} else {
				run = 0
			}
		}
	}
	return best
}
