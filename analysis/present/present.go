// Package present writes analysis results as the command line shows them:
// a table of typed cells as aligned text, CSV or Markdown, any value as
// JSON, with every number written by package numfmt (FormatNumber) and all text
// from the data made inert for the format it lands in. It knows nothing of
// terminals or files: it writes to an io.Writer.
package present

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// Output formats shared by every command.
const (
	FormatTable = "table"
	FormatText  = "text" // plain text: a table command's aligned table, brief's text
	FormatCSV   = "csv"
	FormatJSON  = "json"
	FormatMD    = "md"
)

// Table is a result as rows of typed cells, rendered by format. Cells are
// string, int, Num, *int, *float64, *string, or nil (missing).
type Table struct {
	Headers []string
	Rows    [][]any
}

// Num is a number and how to write it: Dec < 0 keeps the shortest form that
// reads back the same (a published score stays as published), padded with
// zeros to Pad decimals so a column of scores aligns (87.8 shows as 87.80).
type Num struct {
	V   float64
	Dec int
	Pad int
}

// Add appends a row.
func (t *Table) Add(cells ...any) { t.Rows = append(t.Rows, cells) }

// Score is a published score as published, padded to pad decimals (the
// dataset's): nil when missing.
func Score(p *float64, pad int) any {
	if p == nil {
		return nil
	}
	return Num{*p, -1, pad}
}

// Fixed is a computed number (a mean, a percentage) with dec decimals: nil
// when missing.
func Fixed(p *float64, dec int) any {
	if p == nil {
		return nil
	}
	return Num{*p, dec, 0}
}

// FormatNumber writes n by package numfmt's rules: a published score
// (Dec < 0) as published, padded to Pad decimals; a computed number with Dec
// decimals, rounded half away from zero. comma picks the decimal comma of
// Vietnamese text; CSV always writes a point.
func FormatNumber(n Num, comma bool) string {
	mark := numfmt.Point
	if comma {
		mark = numfmt.Comma
	}
	if n.Dec < 0 {
		return mark.Score(n.V, n.Pad)
	}
	return mark.Fixed(n.V, n.Dec)
}

func cellText(c any, comma bool) string {
	switch v := c.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case Num:
		return FormatNumber(v, comma)
	case *int:
		if v == nil {
			return ""
		}
		return strconv.Itoa(*v)
	case *float64:
		if v == nil {
			return ""
		}
		return FormatNumber(Num{*v, -1, 0}, comma)
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
	case int, Num, *int, *float64:
		return true
	}
	return false
}

// Render writes the table as text, CSV or Markdown. Vietnamese text output
// uses decimal commas; CSV always uses a dot.
func (t *Table) Render(w io.Writer, format, lang string) error {
	switch format {
	case FormatCSV:
		return t.WriteCSV(w)
	case FormatMD:
		return t.WriteMarkdown(w, lang == "vi")
	default:
		return t.WriteText(w, lang == "vi")
	}
}

// MaxTextCell caps a cell of a text table, in terminal cells: a
// 10,000-character name must not push every other column off the screen.
// CSV, JSON and Markdown keep the whole text.
const MaxTextCell = 100

// TextCell is a cell as a text table shows it: inert and at most
// MaxTextCell wide, ending with "…" when cut.
func TextCell(s string) string {
	s = data.Printable(s)
	if ansi.StringWidth(s) > MaxTextCell {
		s = ansi.Truncate(s, MaxTextCell, "…")
	}
	return s
}

func (t *Table) WriteText(w io.Writer, comma bool) error {
	widths := make([]int, len(t.Headers))
	right := make([]bool, len(t.Headers))
	text := make([][]string, len(t.Rows))
	headers := make([]string, len(t.Headers))
	for i, h := range t.Headers {
		headers[i] = TextCell(h)
		widths[i] = ansi.StringWidth(headers[i])
	}
	for r, row := range t.Rows {
		text[r] = make([]string, len(row))
		for i, c := range row {
			s := TextCell(cellText(c, comma))
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
	line(headers)
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

// WriteCSV writes RFC 4180 CSV with a dot decimal mark. Text is made inert
// for whoever opens the file: controls and invisible characters become
// visible (CSVText), and text a spreadsheet would run as a formula gets a
// leading apostrophe (NeutraliseFormula). JSON is the exact export.
func (t *Table) WriteCSV(w io.Writer) error { return t.writeCSV(w, ',', false) }

// writeCSV writes the table with the given field separator; decimalComma
// writes numbers with a decimal comma (the Excel dialect, WriteCSVExcel).
func (t *Table) writeCSV(w io.Writer, sep rune, decimalComma bool) error {
	cw := csv.NewWriter(w)
	cw.Comma = sep
	head := make([]string, len(t.Headers))
	for i, h := range t.Headers {
		head[i] = NeutraliseFormula(CSVText(h))
	}
	cw.Write(head)
	rec := make([]string, len(t.Headers))
	for _, row := range t.Rows {
		for i, c := range row {
			s := cellText(c, decimalComma)
			if !isNumeric(c) {
				s = NeutraliseFormula(CSVText(s))
			}
			rec[i] = s
		}
		cw.Write(rec[:len(row)])
	}
	cw.Flush()
	return cw.Error()
}

// CSVText is data.Printable that keeps line feeds and tabs: a multi-line
// note stays multi-line in its quoted cell. Everything else that would act
// on a terminal showing the file (ESC, CR, BEL, C1, bidi and zero-width
// characters) is replaced by its visible form.
func CSVText(s string) string { return PrintableKeep(s, "\n\t") }

// PrintableKeep is data.Printable except for the bytes in keep.
func PrintableKeep(s, keep string) string {
	if data.Printable(s) == s {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for {
		i := strings.IndexAny(s, keep)
		if i < 0 {
			b.WriteString(data.Printable(s))
			return b.String()
		}
		b.WriteString(data.Printable(s[:i]))
		b.WriteByte(s[i])
		s = s[i+1:]
	}
}

// NeutraliseFormula defuses cells that Excel, LibreOffice or Google Sheets
// would evaluate: text starting with = + - @, a tab or a carriage return
// gets a leading apostrophe. Real numbers (-3, +1.5, 2e3) are left alone;
// anything else a spreadsheet could parse as an expression is not a number
// here (-Inf, 0x1p3, "-2+3").
func NeutraliseFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if IsPlainNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

// IsPlainNumber reports a decimal number: an optional sign, digits with an
// optional fraction (dot or comma), an optional exponent.
func IsPlainNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	n := digits()
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		i++
		n += digits()
	}
	if n == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

func (t *Table) WriteMarkdown(w io.Writer, comma bool) error {
	bw := bufio.NewWriter(w)
	row := func(cells []string) {
		bw.WriteString("|")
		for _, c := range cells {
			bw.WriteString(" " + EscapeMarkdown(c) + " |")
		}
		bw.WriteString("\n")
	}
	row(t.Headers)
	bw.WriteString("|")
	for range t.Headers {
		bw.WriteString(" --- |")
	}
	bw.WriteString("\n")
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = cellText(c, comma)
		}
		row(cells)
	}
	return bw.Flush()
}

// markdownEscaper keeps text inside its table cell and out of Markdown's
// and HTML's hands: no table breaks, emphasis, code, links, images, tags or
// entities (an entity like &#x202E; would turn back into a bidi override).
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "&", "&amp;",
	"*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "~", `\~`,
)

// EscapeMarkdown makes s inert in a Markdown table cell or after a heading's
// hashes: it passes through data.Printable (so line breaks and controls
// become visible) and then markdownEscaper.
func EscapeMarkdown(s string) string {
	return markdownEscaper.Replace(data.Printable(s))
}

// WriteJSON writes v as indented JSON. JSON is the exact export: strings are
// as in the data. Characters that would act on a terminal or hide text are
// written as \uXXXX escapes (escapeJSONText), so the JSON decodes to the same
// strings but shows them inert when printed.
func WriteJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeJSONText(buf.Bytes()))
	return err
}

// escapeJSONText escapes, inside encoded JSON, what encoding/json leaves
// raw but data.Printable would replace: DEL, C1 controls, bidi and
// zero-width characters and the like. encoding/json has already escaped
// C0 controls and replaced invalid UTF-8, and such characters can only
// occur inside strings, so the result is valid JSON with the same values.
func escapeJSONText(b []byte) []byte {
	clean := true
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if data.Unprintable(r) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x7f {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		i += size
		if !data.Unprintable(r) {
			out = utf8.AppendRune(out, r)
			continue
		}
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
			continue
		}
		out = fmt.Appendf(out, `\u%04x`, r)
	}
	return out
}
