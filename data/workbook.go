package data

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// A workbook (.xlsx) is read sheet by sheet through excelize's streaming
// reader, each sheet written out as the comma-separated text a CSV export of
// it would be (line n is the sheet's row n, column k its k-th column), so a
// sheet is one more table: every rule of the CSV path holds for it unchanged.
// Raw cell values are read, never the displayed ones: a 97.3125 formatted
// "0.00" is 97.3125, not "97.31".

// workbookKind sorts the first bytes of a file that is not text.
type workbookKind int

const (
	notWorkbook workbookKind = iota
	zipArchive               // .xlsx, .ods, .docx, or any ZIP
	oleCompound              // legacy .xls, or a password-protected .xlsx
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

func sniffWorkbook(raw []byte) workbookKind {
	switch {
	case bytes.HasPrefix(raw, zipMagic), bytes.HasPrefix(raw, []byte("PK\x05\x06")):
		return zipArchive
	case bytes.HasPrefix(raw, oleMagic[:4]):
		return oleCompound
	}
	return notWorkbook
}

// saveAs is the advice every refused workbook gets.
const saveAs = "open it in Excel or LibreOffice and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\""

// sheetSep joins a workbook's name and a sheet's in a table name:
// "par.xlsx:Sheet1" (Excel forbids ":" in sheet names).
const sheetSep = ":"

// splitSheet splits a table name made by sheetName back into the workbook
// and the sheet (ok false for a plain file).
func splitSheet(file string) (book, sheet string, ok bool) {
	i := strings.LastIndex(file, sheetSep)
	if i < 0 {
		return "", "", false
	}
	book, sheet = file[:i], file[i+1:]
	switch strings.ToLower(path.Ext(book)) {
	case ".xlsx", ".xlsm":
		return book, sheet, sheet != ""
	}
	return book, sheet, book == "<stdin>" && sheet != ""
}

// columnLetters writes a 1-based column number as Excel does: 1 A, 27 AA.
func columnLetters(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// workbook is what reading one .xlsx gave.
type workbook struct {
	tables []*table
	issues []Issue
}

// readWorkbook opens a workbook's raw bytes and turns each sheet that holds
// a PAR table into a table (--sheet picks one); the others are named in
// warnings. Legacy .xls, .ods and other ZIPs are refused with what to save
// them as.
// fits is asked whether unpacking that many bytes fits in memory (it
// reports the file when not).
func readWorkbook(name string, raw []byte, opt Options, fits func(unpacked int64) bool) workbook {
	fail := func(hint, format string, args ...any) workbook {
		return workbook{issues: []Issue{{Severity: Error, Pos: Pos{File: name}, Msg: fmt.Sprintf(format, args...), Hint: hint}}}
	}
	if sniffWorkbook(raw) == oleCompound {
		return fail(saveAs, "this is a legacy Excel workbook (.xls) or a password-protected one, which parlens cannot read")
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return fail("the file may be cut short or damaged: "+saveAs, "not a readable workbook: the ZIP archive is damaged (%s)", err)
	}
	// A ZIP says how big its parts are; refuse one that unpacks past the
	// limits before unpacking anything (a "zip bomb").
	var unpacked uint64
	isXLSX, mime := false, ""
	for _, f := range zr.File {
		unpacked += f.UncompressedSize64
		switch f.Name {
		case "xl/workbook.xml":
			isXLSX = true
		case "mimetype":
			if f.UncompressedSize64 < 200 {
				if rc, err := f.Open(); err == nil {
					var b [200]byte
					n, _ := rc.Read(b[:])
					mime = string(b[:n])
					rc.Close()
				}
			}
		}
	}
	switch {
	case strings.Contains(mime, "opendocument.spreadsheet"):
		return fail(saveAs, "this is an OpenDocument spreadsheet (.ods), which parlens cannot read")
	case !isXLSX:
		return fail("give parlens a .xlsx workbook or a CSV file; "+saveAs, "this is a ZIP archive but not an Excel workbook (no xl/workbook.xml)")
	}
	limit := maxBytes(opt)
	if unpacked > uint64(limit) {
		return fail("raise the limit with --max-bytes if the workbook is right",
			"workbook unpacks to %s, over the limit of %s", humanBytes(int64(min(unpacked, 1<<62))), humanBytes(limit))
	}
	if !fits(int64(unpacked)) {
		return workbook{}
	}
	// Every part stays in memory (the limit above bounds it): the sheets'
	// XML is also scanned for formulas and percent formats.
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: limit})
	if err != nil {
		return fail("the file may be damaged: "+saveAs, "not a readable workbook: %s", err)
	}
	defer f.Close()
	return readSheets(f, name, opt)
}

// readSheets reads the sheets of an open workbook.
func readSheets(f *excelize.File, name string, opt Options) workbook {
	var wb workbook
	sheets := f.GetSheetList()
	paths := sheetPaths(f)
	percent := percentStyles(f)
	want := strings.TrimSpace(opt.Sheet)
	if want != "" {
		found := ""
		for _, s := range sheets {
			if Fold(s) == Fold(want) {
				found = s
			}
		}
		if found == "" {
			wb.issues = append(wb.issues, Issue{Severity: Error, Pos: Pos{File: name},
				Msg:  fmt.Sprintf("--sheet %q: the workbook has no such sheet", want),
				Hint: "its sheets: " + strings.Join(sheets, ", ")})
			return wb
		}
		sheets = []string{found}
	}
	type candidate struct {
		t     *table
		holds bool // a unit column in its first rows
	}
	var cands []candidate
	for _, s := range sheets {
		tname := name + sheetSep + s
		if visible, err := f.GetSheetVisible(s); err == nil && !visible && want == "" {
			wb.issues = append(wb.issues, Issue{Severity: Warning, Pos: Pos{File: tname},
				Msg:  fmt.Sprintf("sheet %q is hidden: skipped", s),
				Hint: fmt.Sprintf("hidden sheets usually hold the working; read it with --sheet %q", s)})
			continue
		}
		t, issues := readSheet(f, name, s, paths[s], percent, opt)
		wb.issues = append(wb.issues, issues...)
		if t == nil {
			if len(issues) == 0 {
				continue // an empty sheet
			}
			return workbook{issues: wb.issues}
		}
		cands = append(cands, candidate{t: t, holds: holdsTable(t, opt)})
	}
	held := 0
	for _, c := range cands {
		if c.holds {
			held++
		}
	}
	for i, c := range cands {
		switch {
		case c.holds || (held == 0 && i == 0):
			// With no sheet that looks like a PAR table, the first is read
			// anyway: its errors say what is missing.
			wb.tables = append(wb.tables, c.t)
			wb.issues = append(wb.issues, c.t.warnings...)
			c.t.warnings = nil
		default:
			wb.issues = append(wb.issues, Issue{Severity: Warning, Pos: Pos{File: c.t.name},
				Msg:  fmt.Sprintf("sheet %q holds no PAR table (no unit column in its first rows): skipped", c.t.sheet),
				Hint: fmt.Sprintf("if it does, name its columns with --column, or read it alone with --sheet %q", c.t.sheet)})
		}
	}
	// Sheets named for blocs: several tables, no year in their names.
	if len(wb.tables) > 1 {
		for _, t := range wb.tables {
			if t.sheetYear == 0 && !isDefaultSheetName(t.sheet) {
				t.sheetBloc = strings.TrimSpace(t.sheet)
			}
		}
	}
	for _, t := range wb.tables {
		if t.sheetBloc == "" && t.sheetYear == 0 && strings.HasPrefix(Fold(t.sheet), "khoi ") {
			t.sheetBloc = strings.TrimSpace(t.sheet)
		}
	}
	if len(wb.tables) == 0 && len(wb.issues) == 0 {
		wb.issues = append(wb.issues, Issue{Severity: Error, Pos: Pos{File: name}, Msg: "empty workbook: no sheet has any cell",
			Hint: "export the sheet again with a header row and data rows"})
	}
	return wb
}

// isDefaultSheetName recognises the names Excel gives new sheets.
func isDefaultSheetName(s string) bool {
	f := strings.ReplaceAll(Fold(s), " ", "")
	for _, p := range []string{"sheet", "trangtinh", "trang", "feuil", "tabelle", "hoja", "foglio"} {
		if rest, ok := strings.CutPrefix(f, p); ok {
			if _, err := strconv.Atoi(rest); err == nil || rest == "" {
				return true
			}
		}
	}
	return false
}

// holdsTable reports whether a sheet has a header with a unit column in its
// first rows.
func holdsTable(t *table, opt Options) bool {
	r := t.reader()
	r.FieldsPerRecord = -1
	for i := 0; i < maxTitleRows+1; i++ {
		rec, err := r.Read()
		if err != nil {
			return false
		}
		if parseHeader(rec, opt.Columns).has(roleUnit) {
			return true
		}
	}
	return false
}

// readSheet streams one sheet into a table. A formula without a saved
// value is an error naming its cell, kept in the table's warnings until the
// sheet is known to be read; nil with no issues is an empty sheet.
func readSheet(f *excelize.File, book, sheet, xmlPath string, percent map[int]bool, opt Options) (*table, []Issue) {
	tname := book + sheetSep + sheet
	cellLimit, colLimit := maxCells(opt), maxColumns(opt)
	var meta sheetMeta
	if xmlPath != "" {
		if x, ok := f.Pkg.Load(xmlPath); ok {
			if b, ok := x.([]byte); ok {
				// the size the sheet declares, checked before a row is read
				if rows, cols := declaredSize(b); cols > colLimit || rows*cols > cellLimit {
					return nil, []Issue{{Severity: Error, Pos: Pos{File: tname},
						Msg: errTooManyCells{rows: rows, cols: cols, limit: cellLimit, columns: cols > colLimit}.Error()}}
				}
				meta = scanSheetXML(b, percent)
			}
		}
	}
	// Reported only if the sheet is read (see readSheets): a sheet of
	// notes may hold formulas nobody calculated.
	var noValue []Issue
	for _, c := range meta.noValue {
		if len(noValue) == 20 {
			break
		}
		noValue = append(noValue, Issue{Severity: Error, Pos: Pos{File: tname, Line: c.row, Col: c.col},
			Msg:  "formula has no saved value",
			Hint: "open the workbook in Excel (or LibreOffice), let it calculate, and save it again: parlens reads what the formulas gave, never computes them"})
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, []Issue{{Severity: Error, Pos: Pos{File: tname}, Msg: fmt.Sprintf("cannot read the sheet: %s", err), Hint: saveAs}}
	}
	defer rows.Close()
	var grid [][]string
	width, cells := 0, int64(0)
	percentCells, commaCells, commaExample := 0, 0, ""
	for n := 1; rows.Next(); n++ {
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, []Issue{{Severity: Error, Pos: Pos{File: tname, Line: n}, Msg: fmt.Sprintf("cannot read the row: %s", err), Hint: saveAs}}
		}
		last := len(row)
		for last > 0 && row[last-1] == "" {
			last--
		}
		row = row[:last]
		for i, c := range row {
			pct := meta.percent != nil && meta.percent[cellKey{n, i + 1}]
			row[i] = sheetCell(c, pct)
			if pct && strings.HasSuffix(row[i], "%") {
				percentCells++
			}
			if d, ok := textDecimalComma(row[i]); ok {
				row[i] = d
				if commaCells == 0 {
					commaExample = Pos{File: tname, Line: n, Col: i + 1}.String() + " " + strconv.Quote(c)
				}
				commaCells++
			}
		}
		grid = append(grid, row)
		width = max(width, len(row))
		cells += int64(len(row))
		if int64(width) > colLimit {
			return nil, []Issue{{Severity: Error, Pos: Pos{File: tname}, Msg: errTooManyCells{rows: int64(n), cols: int64(width), limit: colLimit, columns: true}.Error()}}
		}
		if cells > cellLimit || int64(n) > cellLimit {
			return nil, []Issue{{Severity: Error, Pos: Pos{File: tname}, Msg: errTooManyCells{rows: int64(n), cols: int64(width), limit: cellLimit}.Error()}}
		}
	}
	if err := rows.Error(); err != nil {
		return nil, []Issue{{Severity: Error, Pos: Pos{File: tname}, Msg: fmt.Sprintf("cannot read the sheet: %s", err), Hint: saveAs}}
	}
	for len(grid) > 0 && len(grid[len(grid)-1]) == 0 {
		grid = grid[:len(grid)-1]
	}
	if len(grid) == 0 {
		return nil, noValue // nothing but formulas without values, or nothing
	}
	if rows := int64(len(grid)); rows*int64(width) > cellLimit {
		return nil, []Issue{{Severity: Error, Pos: Pos{File: tname}, Msg: errTooManyCells{rows: rows, cols: int64(width), limit: cellLimit}.Error()}}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	pad := make([]string, width)
	for _, row := range grid {
		if len(row) == 0 {
			buf.WriteByte('\n') // an empty row stays a line: line n is row n
			continue
		}
		copy(pad, row)
		clear(pad[len(row):])
		_ = w.Write(pad) // a bytes.Buffer does not fail
		w.Flush()
	}
	text := buf.Bytes()
	if !everyPart(text, isNFC) {
		text = norm.NFC.Bytes(text) // as every text file is
	}
	t := &table{name: tname, text: text, sheet: sheet, decimal: '.', warnings: noValue}
	t.sheetYear = yearFromName(sheet)
	t.info = FileInfo{Name: tname, Encoding: "Excel workbook", Delimiter: ',', Decimal: '.'}
	if commaCells > 0 {
		t.info.Notes = append(t.info.Notes, fmt.Sprintf("%s stored as text with a decimal comma, as Vietnamese Excel writes them, read as numbers (first: %s)",
			countNoun(commaCells, "cell", "cells"), commaExample))
	}
	if percentCells > 0 {
		t.info.Notes = append(t.info.Notes, fmt.Sprintf("%d cells are numbers formatted as percent in Excel (0.9177 shown as 91.77%%): read as the points they show (91.77), the way the index is published", percentCells))
	}
	return t, nil
}

// sheetCell is a raw cell value as a CSV export would carry it: line breaks
// (wrapped text) become spaces, so a row stays one line; a number Excel
// stored at full precision ("97.310000000000002", "9.1770000000000004E-2")
// is written in its shortest form, the same double; a percent-formatted
// number is written as the percentage it shows, "91.77%".
func sheetCell(c string, percent bool) string {
	if strings.ContainsAny(c, "\r\n") {
		c = strings.Join(strings.FieldsFunc(c, func(r rune) bool { return r == '\r' || r == '\n' }), " ")
	}
	if looksExcelNumber(c) {
		if v, err := strconv.ParseFloat(c, 64); err == nil {
			s := strconv.FormatFloat(v, 'f', -1, 64)
			if percent {
				return shiftPoint2(s) + "%"
			}
			if strings.ContainsAny(c, "eE") || len(c) > 15 {
				return s
			}
		}
	}
	return c
}

// textDecimalComma reads a cell Excel holds as text, typed with a decimal
// comma ("95,5", "97,31%"): a number cell's value never has a comma, so the
// comma is the decimal mark, unless three digits follow it ("1,234": a
// thousands separator, perhaps), which is left for the table's rules to
// refuse.
func textDecimalComma(c string) (string, bool) {
	body, pct := strings.CutSuffix(strings.TrimSpace(c), "%")
	whole, frac, ok := strings.Cut(body, ",")
	if !ok || len(frac) == 3 || frac == "" || whole == "" {
		return c, false
	}
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	if !digits(strings.TrimPrefix(whole, "-")) || !digits(frac) {
		return c, false
	}
	out := whole + "." + frac
	if pct {
		out += "%"
	}
	return out, true
}

// looksExcelNumber reports whether a cell is written as Excel writes a
// number in its XML: digits, an optional sign, point and exponent.
func looksExcelNumber(c string) bool {
	if c == "" {
		return false
	}
	digits := 0
	for i := 0; i < len(c); i++ {
		switch ch := c[i]; {
		case ch >= '0' && ch <= '9':
			digits++
		case ch == '.' || ch == 'E' || ch == 'e' || ((ch == '-' || ch == '+') && (i == 0 || c[i-1] == 'E' || c[i-1] == 'e')):
		default:
			return false
		}
	}
	return digits > 0
}

// shiftPoint2 multiplies a plain decimal by 100 by moving its point: exact,
// as the percentage Excel shows.
func shiftPoint2(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	frac += "00"
	whole, frac = whole+frac[:2], frac[2:]
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	frac = strings.TrimRight(frac, "0")
	out := whole
	if frac != "" {
		out += "." + frac
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}

// declaredSize reads the rows and columns a sheet's <dimension ref="A1:F12">
// declares (0, 0 when it declares none). The rows streamed are counted too:
// a sheet that declares less than it holds is stopped at the limit.
func declaredSize(x []byte) (rows, cols int64) {
	head := x[:min(len(x), 4096)]
	k := bytes.Index(head, []byte("<dimension "))
	if k < 0 {
		return 0, 0
	}
	end := bytes.IndexByte(head[k:], '>')
	if end < 0 {
		return 0, 0
	}
	ref, ok := xmlAttr(head[k:k+end], "ref")
	if !ok {
		return 0, 0
	}
	from, to, found := strings.Cut(ref, ":")
	if !found {
		return 0, 0
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 {
		return 0, 0
	}
	return int64(r2), int64(c2) // from A1: the rows above count as lines
}

// sheetPaths maps sheet names to their XML parts in the workbook.
func sheetPaths(f *excelize.File) map[string]string {
	out := map[string]string{}
	x, ok := f.Pkg.Load("xl/_rels/workbook.xml.rels")
	if !ok || f.WorkBook == nil {
		return out
	}
	raw, _ := x.([]byte)
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(raw, &rels) != nil {
		return out
	}
	target := map[string]string{}
	for _, r := range rels.Rel {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	for _, s := range f.WorkBook.Sheets.Sheet {
		out[s.Name] = target[s.ID]
	}
	return out
}

// percentStyles are the cell styles whose number format shows a percent.
func percentStyles(f *excelize.File) map[int]bool {
	out := map[int]bool{}
	if f.Styles == nil || f.Styles.CellXfs == nil {
		return out
	}
	for i := range f.Styles.CellXfs.Xf {
		st, err := f.GetStyle(i)
		if err != nil || st == nil {
			continue
		}
		switch {
		case st.NumFmt == 9 || st.NumFmt == 10:
			out[i] = true
		case st.CustomNumFmt != nil && formatShowsPercent(*st.CustomNumFmt):
			out[i] = true
		}
	}
	return out
}

// formatShowsPercent reports a "%" in a number format outside quotes and
// escapes ("0.00%", not "0.00\"%\"").
func formatShowsPercent(format string) bool {
	quoted := false
	for i := 0; i < len(format); i++ {
		switch format[i] {
		case '"':
			quoted = !quoted
		case '\\':
			i++
		case '%':
			if !quoted {
				return true
			}
		}
	}
	return false
}

// cellKey is a cell's row and column, 1-based.
type cellKey struct{ row, col int }

// sheetMeta is what the values alone do not say: formulas without a saved
// value, and numbers shown as percents.
type sheetMeta struct {
	noValue []cellKey
	percent map[cellKey]bool
}

// scanSheetXML looks through a sheet's XML for the cells holding a formula
// and no value, and the numbers in a percent style. It reads bytes, not
// XML tokens: the values come from excelize, this only marks cells, and a
// sheet without formulas or percent styles is passed over in one search.
func scanSheetXML(x []byte, percent map[int]bool) sheetMeta {
	var m sheetMeta
	if len(percent) == 0 && !bytes.Contains(x, []byte("<f")) {
		return m
	}
	row, col := 0, 0
	for i := 0; i < len(x); {
		j := bytes.IndexByte(x[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if i+1 >= len(x) {
			break
		}
		switch {
		case bytes.HasPrefix(x[i:], []byte("row ")) || bytes.HasPrefix(x[i:], []byte("row>")):
			end := bytes.IndexByte(x[i:], '>')
			if end < 0 {
				return m
			}
			if r, ok := xmlAttr(x[i:i+end], "r"); ok {
				if n, err := strconv.Atoi(r); err == nil {
					row = n
				}
			} else {
				row++
			}
			col = 0
		case x[i] == 'c' && (x[i+1] == ' ' || x[i+1] == '>' || x[i+1] == '/'):
			end := bytes.IndexByte(x[i:], '>')
			if end < 0 {
				return m
			}
			tag := x[i : i+end]
			col++
			if ref, ok := xmlAttr(tag, "r"); ok {
				if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
					col, row = c, r
				}
			}
			i += end + 1
			if bytes.HasSuffix(tag, []byte("/")) {
				continue
			}
			close := bytes.Index(x[i:], []byte("</c>"))
			if close < 0 {
				return m
			}
			body := x[i : i+close]
			hasValue := valueOf(body) != ""
			if bytes.Contains(body, []byte("<f")) && !hasValue {
				m.noValue = append(m.noValue, cellKey{row, col})
			}
			if s, ok := xmlAttr(tag, "s"); ok && hasValue {
				if n, err := strconv.Atoi(s); err == nil && percent[n] {
					if t, _ := xmlAttr(tag, "t"); t == "" || t == "n" {
						if m.percent == nil {
							m.percent = map[cellKey]bool{}
						}
						m.percent[cellKey{row, col}] = true
					}
				}
			}
			i += close + 4
		}
	}
	return m
}

// valueOf is the text of a cell body's <v> element ("" when none).
func valueOf(body []byte) string {
	k := bytes.Index(body, []byte("<v"))
	if k < 0 {
		return ""
	}
	rest := body[k+2:]
	if len(rest) > 0 && rest[0] == '/' {
		return "" // <v/>
	}
	gt := bytes.IndexByte(rest, '>')
	if gt < 0 || (gt > 0 && rest[gt-1] == '/') {
		return ""
	}
	rest = rest[gt+1:]
	lt := bytes.IndexByte(rest, '<')
	if lt < 0 {
		return ""
	}
	return string(bytes.TrimSpace(rest[:lt]))
}

// xmlAttr finds attribute name="value" in a start tag's text.
func xmlAttr(tag []byte, name string) (string, bool) {
	for _, q := range []string{`"`, `'`} {
		key := []byte(" " + name + "=" + q)
		k := bytes.Index(tag, key)
		if k < 0 {
			continue
		}
		rest := tag[k+len(key):]
		e := bytes.IndexByte(rest, q[0])
		if e < 0 {
			return "", false
		}
		return string(rest[:e]), true
	}
	return "", false
}
