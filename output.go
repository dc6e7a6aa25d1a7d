package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/data"
)

// Output formats shared by every command.
const (
	formatTable = "table"
	formatCSV   = "csv"
	formatJSON  = "json"
	formatMD    = "md"
)

// table is a command's result as rows of typed cells, rendered by format.
// Cells are string, int, num, or nil (missing).
type table struct {
	headers []string
	rows    [][]any
}

// num is a number and how to write it: dec < 0 keeps the shortest form that
// reads back the same (a published score stays as published), padded with
// zeros to pad decimals so a column of scores aligns (87.8 shows as 87.80).
type num struct {
	v   float64
	dec int
	pad int
}

func (t *table) add(cells ...any) { t.rows = append(t.rows, cells) }

// formatNumber writes n with a dot, or a decimal comma for Vietnamese text.
func formatNumber(n num, comma bool) string {
	s := strconv.FormatFloat(n.v, 'f', n.dec, 64)
	if n.dec < 0 && n.pad > 0 {
		have := 0
		if i := strings.IndexByte(s, '.'); i >= 0 {
			have = len(s) - i - 1
		} else {
			s += "."
		}
		if have < n.pad {
			s += strings.Repeat("0", n.pad-have)
		}
	}
	if comma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func cellText(c any, comma bool) string {
	switch v := c.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case num:
		return formatNumber(v, comma)
	case *int:
		if v == nil {
			return ""
		}
		return strconv.Itoa(*v)
	case *float64:
		if v == nil {
			return ""
		}
		return formatNumber(num{*v, -1, 0}, comma)
	case *string:
		if v == nil {
			return ""
		}
		return *v
	}
	return fmt.Sprint(c)
}

func isNumeric(c any) bool {
	switch c.(type) {
	case int, num, *int, *float64:
		return true
	}
	return false
}

// render writes the table as text, CSV or Markdown. Vietnamese text output
// uses decimal commas; CSV always uses a dot.
func (t *table) render(w io.Writer, format, lang string) error {
	switch format {
	case formatCSV:
		return t.writeCSV(w)
	case formatMD:
		return t.writeMarkdown(w, lang == "vi")
	default:
		return t.writeText(w, lang == "vi")
	}
}

func (t *table) writeText(w io.Writer, comma bool) error {
	widths := make([]int, len(t.headers))
	right := make([]bool, len(t.headers))
	text := make([][]string, len(t.rows))
	for i, h := range t.headers {
		widths[i] = ansi.StringWidth(h)
	}
	for r, row := range t.rows {
		text[r] = make([]string, len(row))
		for i, c := range row {
			s := data.Printable(cellText(c, comma))
			text[r][i] = s
			widths[i] = max(widths[i], ansi.StringWidth(s))
			if isNumeric(c) {
				right[i] = true
			}
		}
	}
	bw := bufio.NewWriter(w)
	line := func(cells []string) {
		var b strings.Builder
		for i, s := range cells {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(s))
			if right[i] {
				b.WriteString(pad + s)
			} else if i < len(cells)-1 {
				b.WriteString(s + pad)
			} else {
				b.WriteString(s)
			}
		}
		bw.WriteString(strings.TrimRight(b.String(), " ") + "\n")
	}
	line(t.headers)
	rule := make([]string, len(widths))
	for i, n := range widths {
		rule[i] = strings.Repeat("─", n)
	}
	line(rule)
	for _, r := range text {
		line(r)
	}
	return bw.Flush()
}

// writeCSV writes RFC 4180 CSV with a dot decimal mark. Text that a
// spreadsheet would run as a formula gets a leading apostrophe.
func (t *table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(t.headers)
	rec := make([]string, len(t.headers))
	for _, row := range t.rows {
		for i, c := range row {
			s := cellText(c, false)
			if !isNumeric(c) {
				s = neutraliseFormula(s)
			}
			rec[i] = s
		}
		cw.Write(rec[:len(row)])
	}
	cw.Flush()
	return cw.Error()
}

// neutraliseFormula defuses cells that Excel or LibreOffice would evaluate.
func neutraliseFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}

func (t *table) writeMarkdown(w io.Writer, comma bool) error {
	bw := bufio.NewWriter(w)
	row := func(cells []string) {
		bw.WriteString("|")
		for _, c := range cells {
			bw.WriteString(" " + escapeMarkdown(c) + " |")
		}
		bw.WriteString("\n")
	}
	row(t.headers)
	bw.WriteString("|")
	for range t.headers {
		bw.WriteString(" --- |")
	}
	bw.WriteString("\n")
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = data.Printable(cellText(c, comma))
		}
		row(cells)
	}
	return bw.Flush()
}

// escapeMarkdown keeps a cell inside its table cell.
func escapeMarkdown(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`")
	return r.Replace(s)
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeFileAtomic writes a file through a temp file in the same directory and
// a rename, so an existing file is never left half written.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // gone after a successful rename; cleans up otherwise
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil {
		os.Chmod(tmp, st.Mode().Perm())
	} else {
		os.Chmod(tmp, 0o644)
	}
	return os.Rename(tmp, path)
}
