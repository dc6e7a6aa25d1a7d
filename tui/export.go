package tui

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// This file is the dashboard's y (copy) and w (write) for the table views:
// the ranking, the components, the movers and the transitions. What is
// copied or written is what the view shows: its rows in their order, after
// the filter and the sort. The briefing has its own y and w
// (view_briefing.go); both write through package present, as the command
// line does.

// tableExporter is a view whose content is one table.
type tableExporter interface {
	Title() string // the sheet's name in a workbook
	// exportTable is the view as a table, and a short name for its file
	// ("xep-hang"); nil when there is nothing to export.
	exportTable() (t *present.Table, name string)
}

// tableWrittenMsg reports a table the dashboard wrote.
type tableWrittenMsg struct {
	path string
	err  error
}

// exportKey handles y and w on a table view; false when the key is neither.
func (c *viewCtx) exportKey(v tableExporter, msg tea.KeyPressMsg) (bool, tea.Cmd) {
	nf := markOf(c.lang)
	tk := c.keys.Table
	switch {
	case key.Matches(msg, tk.Copy):
		t, _ := v.exportTable()
		if t == nil {
			c.flash(c.say(words.NoTableToCopy), true)
			return true, nil
		}
		var b strings.Builder
		writeTSV(&b, t)
		// OSC 52 is off in default tmux and in many terminals, and nothing
		// says whether it arrived: the message says how to get the table.
		c.flash(c.sayf(words.TableCopied, nf.Int(len(t.Rows))), false)
		return true, tea.SetClipboard(b.String())
	case key.Matches(msg, tk.Write):
		t, name := v.exportTable()
		if t == nil {
			c.flash(c.say(words.NoTableToWrite), true)
			return true, nil
		}
		return true, c.prompt(prompt{label: c.say(words.WriteTo), value: c.exportPath(name, ".xlsx"),
			accept: func(path string) tea.Cmd { return c.writeTable(path, t, v.Title()) }})
	}
	return false, nil
}

// exportPath proposes a file name: the view's name, the index, year and
// bloc, in the output directory.
func (c *viewCtx) exportPath(name, ext string) string {
	slug := func(s string) string { return strings.Join(strings.Fields(data.Fold(s)), "-") }
	parts := []string{name, slug(c.index), strconv.Itoa(c.year)}
	if b := slug(c.bloc); b != "" {
		parts = append(parts, b)
	}
	base := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r == ',' || r == '\x00' {
			return '-'
		}
		return r
	}, strings.Join(parts, "-"))
	return filepath.Join(c.dir(), base+ext)
}

// outputPath resolves what was typed at the prompt: ~ and relative paths.
func (c *viewCtx) outputPath(path string) string {
	path = strings.TrimSpace(path)
	if path == "" {
		return ""
	}
	if strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[2:])
		}
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(c.dir(), path)
	}
	return path
}

// tableWriters write a table by the file's extension, with the command
// line's writers (Vietnamese text and Markdown, dot-decimal CSV).
var tableWriters = map[string]func(w io.Writer, t *present.Table, book present.XLSX) error{
	".xlsx": func(w io.Writer, t *present.Table, book present.XLSX) error { return t.WriteXLSX(w, book) },
	".csv":  func(w io.Writer, t *present.Table, _ present.XLSX) error { return t.WriteCSV(w) },
	".md":   func(w io.Writer, t *present.Table, _ present.XLSX) error { return t.WriteMarkdown(w, true) },
	".txt":  func(w io.Writer, t *present.Table, _ present.XLSX) error { return t.WriteText(w, true) },
}

// writeTable writes t to path in a Cmd, atomically, in the format its
// extension picks.
func (c *viewCtx) writeTable(path string, t *present.Table, sheet string) tea.Cmd {
	path = c.outputPath(path)
	if path == "" {
		return nil
	}
	write, ok := tableWriters[strings.ToLower(filepath.Ext(path))]
	if !ok {
		c.flash(c.say(words.TableFormats), true)
		return nil
	}
	book := present.XLSX{Sheet: sheet, NoteName: c.say(words.SheetNotes)}
	if c.ds != nil {
		book.Note = c.ds.Label // a sample is never mistaken for real results
	}
	return func() tea.Msg {
		var buf bytes.Buffer
		err := write(&buf, t, book)
		if err == nil {
			err = WriteFileAtomic(path, buf.Bytes())
		}
		return tableWrittenMsg{path: path, err: err}
	}
}

// writeTSV writes the table as tab-separated text, which Excel and Word
// paste as a table: one line per row, numbers as the dashboard shows them
// (decimal comma), tabs and line breaks inside a cell made spaces, text
// inert.
func writeTSV(w io.Writer, t *present.Table) {
	line := func(cells []string) {
		for i, s := range cells {
			if i > 0 {
				io.WriteString(w, "\t")
			}
			s = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ").Replace(s)
			io.WriteString(w, data.Printable(s))
		}
		io.WriteString(w, "\r\n")
	}
	line(t.Headers)
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = present.CellText(c, true)
		}
		line(cells)
	}
}

// gridExport is a grid view's table as shown: its columns (but skip), its
// rows in display order (filtered and sorted), each cell's text read back
// as a number where the grid shows one, so a workbook gets numbers.
func (p *gridPane) gridExport(skip ...int) *present.Table {
	cols, heads := p.exportColumns(skip)
	t := &present.Table{Headers: heads}
	for _, r := range p.g.Rows() {
		t.Rows = append(t.Rows, p.exportRow(r, cols))
	}
	return t
}

// exportColumns are the columns exported (all but skip) and their titles.
func (p *gridPane) exportColumns(skip []int) (cols []int, heads []string) {
	for i, col := range p.g.Cols {
		if !containsCol(skip, i) {
			cols = append(cols, i)
			heads = append(heads, col.Title)
		}
	}
	return cols, heads
}

// exportRow is row r's cells in columns cols, as values.
func (p *gridPane) exportRow(r int, cols []int) []any {
	row := make([]any, len(cols))
	for k, col := range cols {
		row[k] = shownValue(p.src.Cell(r, col).Text, markOf(p.c.lang))
	}
	return row
}

func containsCol(cols []int, c int) bool {
	for _, x := range cols {
		if x == c {
			return true
		}
	}
	return false
}

// shownValue reads a cell as the dashboard writes numbers in the language
// of mark m (numfmt.Comma: "97,31", "+1,25", "10.000", "92,5%"; numfmt.Point:
// "97.31", "10,000") back as a number with the decimals shown; anything else
// stays text, and the dash for a missing value is empty. A score shown in
// full ("97,3125") reads back exactly; "12.500" is 12.5 in English and
// 12500 in Vietnamese, never the other.
func shownValue(s string, m numfmt.Mark) any {
	if s == "" || s == numfmt.Dash {
		return nil
	}
	num := strings.TrimSuffix(s, "%")
	body := strings.TrimLeft(num, "+-")
	if body == "" || len(num)-len(body) > 1 {
		return s
	}
	decimal, group := ",", "."
	if m == numfmt.Point {
		decimal, group = ".", ","
	}
	intPart, frac, hasFrac := strings.Cut(body, decimal)
	groups := strings.Split(intPart, group)
	for i, g := range groups {
		if g == "" || !allDigits(g) || (i > 0 && len(g) != 3) || (len(groups) > 1 && i == 0 && len(g) > 3) {
			return s
		}
	}
	if hasFrac && (frac == "" || !allDigits(frac)) {
		return s
	}
	digits := strings.TrimPrefix(num[:len(num)-len(body)], "+") + strings.Join(groups, "")
	if hasFrac {
		digits += "." + frac
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return s
	}
	if !hasFrac && len(num) == len(s) {
		return int(v)
	}
	return present.Num{V: v, Dec: len(frac)}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
