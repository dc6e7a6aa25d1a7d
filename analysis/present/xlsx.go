package present

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/parlens/parlens/analysis/words"
	"github.com/xuri/excelize/v2"
)

// FormatXLSX is an Excel workbook (binary: written to a file, never to a
// terminal).
const FormatXLSX = "xlsx"

// XLSX lays a table out for an analyst: one sheet holding one Excel table
// (Insert › Table) whose header row is bold and frozen and carries the
// filter buttons, so the rows can be filtered, sorted and pivoted by index,
// year and bloc without reshaping. Numbers are numbers: a published score
// is stored exactly as published and shown with two decimals (more when the
// dataset publishes more), a computed number is stored as the CSV writes it
// (rounded to its decimals, so a sum in Excel matches the CSV) and shown so.
// Note, when set, goes on a second sheet (the dataset's label, such as
// "Dữ liệu minh họa — illustrative"), so the table itself starts at A1.
type XLSX struct {
	Sheet    string // the data sheet's name; made valid by SheetName
	Note     string // a line for the notes sheet ("" = no notes sheet)
	NoteName string // the notes sheet's name (default words.SheetNotes in Vietnamese)
}

// Column widths, in Excel's character units: wide enough for a Vietnamese
// unit name ("Sở Thông tin và Truyền thông"), capped so one long cell does
// not push the other columns off the screen.
const (
	xlsxMinWidth = 6
	xlsxMaxWidth = 60
)

// WriteXLSX writes the table as an .xlsx workbook (see XLSX) through
// excelize's stream writer.
func (t *Table) WriteXLSX(w io.Writer, opt XLSX) error {
	if n := len(t.Rows) + 1; n > excelize.TotalRows {
		return fmt.Errorf("%d rows with the header: more than an Excel sheet holds (%d); narrow the table (--year, --bloc, --index) or write CSV", n, excelize.TotalRows)
	}
	if len(t.Headers) > excelize.MaxColumns {
		return fmt.Errorf("%d columns: more than an Excel sheet holds (%d); write CSV", len(t.Headers), excelize.MaxColumns)
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := SheetName(opt.Sheet)
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
	})
	if err != nil {
		return err
	}
	styles := map[int]int{} // decimals shown → style id
	numberStyle := func(dec int) (int, error) {
		if id, ok := styles[dec]; ok {
			return id, nil
		}
		format := "0"
		if dec > 0 {
			format += "." + strings.Repeat("0", dec)
		}
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
		styles[dec] = id
		return id, err
	}

	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, width := range t.xlsxWidths() {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	heads := uniqueHeaders(t.Headers)
	row := make([]any, len(heads))
	for i, h := range heads {
		row[i] = excelize.Cell{StyleID: header, Value: h}
	}
	if err := sw.SetRow("A1", row, excelize.RowOpts{StyleID: header}); err != nil {
		return err
	}
	for r, cells := range t.Rows {
		row = row[:0]
		for _, c := range cells {
			v, dec, isNum := xlsxValue(c)
			if !isNum {
				row = append(row, v)
				continue
			}
			id, err := numberStyle(dec)
			if err != nil {
				return err
			}
			row = append(row, excelize.Cell{StyleID: id, Value: v})
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if len(heads) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(heads), max(len(t.Rows)+1, 2))
		stripes := true
		if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: "parlens", StyleName: "TableStyleLight1", ShowRowStripes: &stripes}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if opt.Note != "" {
		name := opt.NoteName
		if name == "" {
			name = words.SheetNotes.In(words.VI)
		}
		name = SheetName(name)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := f.SetCellStr(name, "A1", CSVText(opt.Note)); err != nil {
			return err
		}
		if err := f.SetColWidth(name, "A", "A", xlsxMaxWidth*2); err != nil {
			return err
		}
	}
	// The data sheet is already the active one (NewFile's first). Calling
	// SetActiveSheet would parse the streamed sheet back into memory and
	// marshal it again: 5× the time and 3× the memory on 20,000 rows.
	return f.Write(w)
}

// xlsxValue is a cell as the workbook stores it: a number with the decimals
// it shows, or inert text. A number is the value its CSV text reads back
// as, so a published score keeps every digit and a computed one is rounded
// as the command line writes it.
func xlsxValue(c any) (v any, dec int, isNum bool) {
	switch n := c.(type) {
	case nil:
		return nil, 0, false
	case int:
		return n, 0, true
	case *int:
		if n == nil {
			return nil, 0, false
		}
		return *n, 0, true
	case *float64:
		if n == nil {
			return nil, 0, false
		}
		return xlsxValue(Num{*n, -1, 0})
	case Num:
		x, err := strconv.ParseFloat(FormatNumber(n, false), 64)
		if err != nil { // not a finite number: shown as text rather than dropped
			return FormatNumber(n, false), 0, false
		}
		if n.Dec >= 0 {
			return x, n.Dec, true
		}
		return x, max(2, n.Pad), true
	}
	return CSVText(cellText(c, false)), 0, false
}

// xlsxWidths sizes each column to its widest cell, header included, in
// characters (Excel's unit; text is NFC, so a Vietnamese letter is one).
func (t *Table) xlsxWidths() []float64 {
	widths := make([]float64, len(t.Headers))
	fit := func(i int, s string) {
		if i < len(widths) {
			widths[i] = max(widths[i], float64(utf8.RuneCountInString(s)+2))
		}
	}
	for i, h := range t.Headers {
		fit(i, h)
	}
	for _, row := range t.Rows {
		for i, c := range row {
			fit(i, cellText(c, false))
		}
	}
	for i := range widths {
		widths[i] = min(max(widths[i], xlsxMinWidth), xlsxMaxWidth)
	}
	return widths
}

// uniqueHeaders makes every header a distinct, non-empty text, as an Excel
// table requires.
func uniqueHeaders(hs []string) []string {
	out := make([]string, len(hs))
	seen := map[string]bool{}
	for i, h := range hs {
		h = CSVText(h)
		if h == "" { // the column's letter, as Excel names it
			h, _ = excelize.ColumnNumberToName(i + 1)
		}
		base := h
		for n := 2; seen[strings.ToLower(h)]; n++ {
			h = fmt.Sprintf("%s (%d)", base, n)
		}
		seen[strings.ToLower(h)] = true
		out[i] = h
	}
	return out
}

// maxSheetName is Excel's limit on a sheet name, in UTF-16 code units.
const maxSheetName = 31

// SheetName makes s a name Excel accepts for a sheet: the characters
// : \ / ? * [ ] become "-", controls are made visible, a leading or trailing
// apostrophe goes, and the name is cut to 31 characters (UTF-16 units, as
// Excel counts). An empty result is "Sheet1".
func SheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, PrintableKeep(s, ""))
	s = strings.Trim(s, "' ")
	var b strings.Builder
	n := 0
	for _, r := range s {
		k := len(utf16.Encode([]rune{r}))
		if n+k > maxSheetName {
			break
		}
		b.WriteRune(r)
		n += k
	}
	s = strings.TrimRight(b.String(), "' ")
	if s == "" {
		return "Sheet1"
	}
	return s
}
