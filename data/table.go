package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unsafe"
)

// table is a decoded text file ready for a csv.Reader.
type table struct {
	name    string
	text    []byte
	info    FileInfo
	decimal byte
	// markSeen is a number that decided the decimal mark, and its line:
	// hints quote it to a cell written with the other mark.
	markSeen     string
	markSeenLine int
	// warnings are what opening found that the reader must hear: bytes
	// that are not UTF-8, shown as U+FFFD; in a sheet, formulas without a
	// saved value (errors).
	warnings []Issue
	// sheet names the workbook sheet the table is ("" for a text file);
	// its name may give the year, or the bloc (see readSheets).
	sheet     string
	sheetYear int
	sheetBloc string
	// headLine is the header's line, dataStart the offset of the first
	// row under it (after titles and header rows, see readHead); maxima
	// is a "Điểm tối đa" row under the header, at maximaLine.
	headLine   int
	dataStart  int
	maxima     []string
	maximaLine int
	// notApplicable are the blank marks the file declares "not applicable"
	// (tree_marks.go); nil for most files.
	notApplicable map[string]bool
}

// openTable decodes raw bytes and sniffs the delimiter and decimal mark.
func openTable(name string, raw []byte) (*table, *Issue) {
	fail := func(msg, hint string) (*table, *Issue) {
		return nil, &Issue{Severity: Error, Pos: Pos{File: name}, Msg: msg, Hint: hint}
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return fail("empty file", "export the sheet again with a header row and data rows")
	}
	text, enc, bad, err := decode(raw)
	if err != nil {
		_, issue := fail(err.Error(), "save the file as \"CSV UTF-8\" from Excel")
		if len(bad) > 0 {
			issue.Pos = cellsAt(name, raw, bad[:1], byte(sniffDelimiter(raw, "")))[0]
		}
		return nil, issue
	}
	t := &table{name: name, text: text}
	t.info = FileInfo{Name: name, Encoding: enc, Delimiter: sniffDelimiter(text, enc)}
	t.decimal = sniffDecimal(t)
	t.info.Decimal = rune(t.decimal)
	if len(bad) > 0 {
		t.warnings = badByteWarnings(name, raw, bad, byte(t.info.Delimiter))
	}
	return t, nil
}

// badByteWarnings names each cell holding bytes that are not UTF-8 in a file
// read as UTF-8 (the first 20 such cells; then how many more).
func badByteWarnings(name string, raw []byte, bad []int, delim byte) []Issue {
	const most = 20
	pos := cellsAt(name, raw, bad, delim)
	var out []Issue
	for i := 0; i < len(bad); {
		j := i + 1
		for j < len(bad) && pos[j] == pos[i] {
			j++
		}
		if len(out) == most {
			cells := 0
			for k := i; k < len(bad); k++ {
				if k == i || pos[k] != pos[k-1] {
					cells++
				}
			}
			out = append(out, Issue{Severity: Warning, Pos: Pos{File: name},
				Msg: fmt.Sprintf("%d more cells hold bytes that are not UTF-8, shown as \"\uFFFD\"", cells)})
			break
		}
		var hex []string
		for k := i; k < j && k < i+8; k++ {
			hex = append(hex, fmt.Sprintf("0x%02X", raw[bad[k]]))
		}
		if j-i > 8 {
			hex = append(hex, "…")
		}
		what := "byte " + hex[0] + " is"
		if j-i > 1 {
			what = "bytes " + strings.Join(hex, " ") + " are"
		}
		out = append(out, Issue{Severity: Warning, Pos: pos[i],
			Msg:  what + " not UTF-8, shown as \"\uFFFD\"",
			Hint: "the rest of the file is UTF-8: correct this cell, or save the file again as \"CSV UTF-8\""})
		i = j
	}
	return out
}

// cellsAt gives the line and cell (1 = first) of each offset in raw, in
// ascending order, as a CSV reader with this delimiter would see them.
func cellsAt(name string, raw []byte, offsets []int, delim byte) []Pos {
	out := make([]Pos, 0, len(offsets))
	line, cell, inQuote := 1, 1, false
	at := 0
	for _, off := range offsets {
		for ; at < off; at++ {
			switch c := raw[at]; {
			case c == '"':
				inQuote = !inQuote
			case c == '\n':
				line++
				if !inQuote {
					cell = 1
				}
			case c == delim && !inQuote:
				cell++
			}
		}
		out = append(out, Pos{File: name, Line: line, Col: cell})
	}
	return out
}

// reader returns a csv.Reader over the table. Records are reused: copy what you keep.
func (t *table) reader() *csv.Reader {
	r := csv.NewReader(bytes.NewReader(t.text))
	r.Comma = t.info.Delimiter
	r.ReuseRecord = true
	r.FieldsPerRecord = 0
	return r
}

// sniffDelimiter picks among , ; tab | by counting them, outside quotes, in the
// first lines: the delimiter is the one that appears, the same number of times,
// on each line. Excel's "Unicode text" is tab separated.
func sniffDelimiter(text []byte, enc string) rune {
	candidates := []rune{',', ';', '\t', '|'}
	lines := firstLines(text, 20)
	best, bestScore := ',', -1
	for _, c := range candidates {
		counts := make([]int, len(lines))
		for i, l := range lines {
			counts[i] = countOutsideQuotes(l, byte(c))
		}
		if len(counts) == 0 || counts[0] == 0 {
			continue
		}
		consistent := 0
		for _, n := range counts {
			if n == counts[0] {
				consistent++
			}
		}
		score := consistent*1000 + counts[0]
		if c == '\t' && strings.HasPrefix(enc, "UTF-16") {
			score += 1 << 20
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best
}

// firstLines returns up to n lines, keeping quoted line breaks inside a line.
func firstLines(text []byte, n int) [][]byte {
	var out [][]byte
	inQuote := false
	start := 0
	for i := 0; i < len(text) && len(out) < n; i++ {
		switch text[i] {
		case '"':
			inQuote = !inQuote
		case '\n':
			if !inQuote {
				if l := bytes.TrimRight(text[start:i], "\r"); len(bytes.TrimSpace(l)) > 0 {
					out = append(out, l)
				}
				start = i + 1
			}
		}
	}
	if len(out) < n && start < len(text) {
		if l := bytes.TrimSpace(text[start:]); len(l) > 0 {
			out = append(out, l)
		}
	}
	return out
}

func countOutsideQuotes(line []byte, c byte) int {
	n, inQuote := 0, false
	for _, b := range line {
		switch {
		case b == '"':
			inQuote = !inQuote
		case b == c && !inQuote:
			n++
		}
	}
	return n
}

// sniffDecimal decides the file's decimal mark once, from the numbers in its
// first 2,000 rows: "97,31" votes for a comma, "97.31" for a point, "1.234"
// for neither; the majority wins, a tie goes to the point. When those rows
// hold no vote the first one further on decides. Cells with the other mark
// are then refused (readNumber), so a file never mixes the two.
func sniffDecimal(t *table) byte {
	r := newRowReader(t.text, t.info.Delimiter, 0) // no copies: a whole file may be read
	votes := 0
	var first [2]string // the first cell voting for the point, for the comma
	var firstLine [2]int
	for i := 0; ; i++ {
		if i >= 2000 && (first[0] != "" || first[1] != "") {
			break
		}
		rec, err := r.Read()
		if err != nil {
			if rec == nil {
				break
			}
			continue
		}
		for _, cell := range rec {
			v := decimalHint(cell)
			votes += v
			if v != 0 && first[(v+1)/2] == "" {
				first[(v+1)/2] = strings.Clone(cell)
				firstLine[(v+1)/2] = r.recLine
			}
		}
	}
	mark, side := byte('.'), 0
	if votes > 0 {
		mark, side = ',', 1
	}
	t.markSeen, t.markSeenLine = first[side], firstLine[side]
	return mark
}

// rowReader reads records from text as encoding/csv does — the same fields,
// errors and line numbers, with FieldsPerRecord fixed at fields — but without
// copying: the fields of an ordinary line are strings over text itself (the
// text is never written to), so callers copy what they keep (intern,
// strings.Clone). A line the fast path does not take on (a quoted line break,
// a stray quote or carriage return, a doubled quote) goes to encoding/csv.
type rowReader struct {
	text   []byte
	pos    int // next byte to read
	line   int // lines before pos
	comma  byte
	fields int
	rec    []string
	// recLine is the line the last record started on (FieldPos(0)).
	recLine int
	// quoteTrouble is set when encoding/csv reported a quote error: quotes
	// that do not pair up, so a cut at a line that looked outside quotes
	// may not have been.
	quoteTrouble bool
	// stop marks the bytes that end an unquoted run: the delimiter, '\n',
	// '"' and '\r'.
	stop [256]bool
	// plain has, when readNumbers asked for it, a cell per field of the
	// last record: for the fields wanted as numbers, what parsePlain says
	// of them, learnt while cutting them, so their bytes are read once.
	plain []plainCell
	mark  byte // the decimal mark readNumbers was given
	// digitStops is set when a digit is the delimiter, which cutNumber's
	// digit runs would run past (sniffDelimiter never picks one)
	digitStops bool
}

// plainCell is a field read as parsePlain reads it (see rowReader.plain).
type plainCell struct {
	v    float64
	dec  int8
	ok   bool  // parsePlain gives v, dec; else v and dec mean nothing
	want bool  // the field is read as a number
	code int32 // v's score code, or scoreExact when not worked out (see encodeScore)
}

func newRowReader(text []byte, comma rune, fields int) *rowReader {
	r := &rowReader{text: text, comma: byte(comma), fields: fields, rec: make([]string, 0, fields)}
	for _, c := range []byte{r.comma, '\n', '"', '\r'} {
		r.stop[c] = true
	}
	return r
}

// readNumbers has split read the given fields as plain numbers (parsePlain
// with the decimal mark) while it cuts them; plainNumber gives the result.
func (r *rowReader) readNumbers(fields []int, mark byte) {
	r.plain, r.mark = make([]plainCell, r.fields), mark
	for _, f := range fields {
		r.plain[f].want = true
	}
	r.digitStops = r.comma >= '0' && r.comma <= '9'
}

// plainNumber is parsePlain(rec[f], mark) for a field of the last record
// readNumbers asked for, rec being that record (the value and decimals
// count only when ok).
func (r *rowReader) plainNumber(f int) (float64, int, bool) {
	p := &r.plain[f]
	return p.v, int(p.dec), p.ok
}

// plainCode is the score code of the number plainNumber gives, or
// scoreExact when the reader did not work it out: encodeScore says then.
func (r *rowReader) plainCode(f int) int32 { return r.plain[f].code }

// bytesString is a string over b without a copy; b must never change.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// Read returns the next record; its slice is reused by the next call.
func (r *rowReader) Read() ([]string, error) {
	text := r.text
	for r.pos < len(text) {
		start := r.pos
		rec, end, ok := r.split(start)
		if !ok {
			return r.slow()
		}
		// end is the '\n' (or len(text)); the line is text[start:end].
		next := end + 1
		if end == len(text) {
			next = end
		}
		r.pos = next
		r.line++
		if rec == nil {
			continue // an empty line
		}
		r.recLine = r.line
		if r.fields > 0 && len(rec) != r.fields {
			return rec, &csv.ParseError{StartLine: r.line, Line: r.line, Column: 1, Err: csv.ErrFieldCount}
		}
		return rec, nil
	}
	return nil, io.EOF
}

// split cuts the line at start into fields. It returns nil fields for an
// empty line, and ok = false for anything encoding/csv should read.
func (r *rowReader) split(start int) (rec []string, end int, ok bool) {
	text, comma := r.text, r.comma
	rec = r.rec[:0]
	i := start
	field := start
	for {
		if i < len(text) && text[i] == '"' && i == field {
			// a quoted field: to the next quote, which must end the field
			q := bytes.IndexByte(text[i+1:], '"')
			if q < 0 {
				return nil, 0, false
			}
			body := text[i+1 : i+1+q]
			if bytes.IndexByte(body, '\n') >= 0 || bytes.IndexByte(body, '\r') >= 0 {
				return nil, 0, false // a quoted line break
			}
			i += q + 2
			if f := len(rec); f < len(r.plain) && r.plain[f].want {
				r.readPlain(f, bytesString(body))
			}
			switch {
			case i < len(text) && text[i] == comma:
				rec = append(rec, bytesString(body))
				i++
				field = i
				continue
			case i == len(text) || text[i] == '\n':
				rec = append(rec, bytesString(body))
				r.endRecord(rec)
				return rec, i, true
			case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
				rec = append(rec, bytesString(body))
				r.endRecord(rec)
				return rec, i + 1, true
			}
			return nil, 0, false // a doubled quote, or text after the closing quote
		}
		// an unquoted field: to the next comma or the line's end
		if f := len(rec); f < len(r.plain) && r.plain[f].want {
			i = r.cutNumber(i, f)
		} else {
			for i < len(text) && !r.stop[text[i]] {
				i++
			}
		}
		switch {
		case i == len(text) || text[i] == '\n':
			if i == start {
				return nil, i, true // an empty line
			}
			rec = append(rec, bytesString(text[field:i]))
			r.endRecord(rec)
			return rec, i, true
		case text[i] == comma:
			rec = append(rec, bytesString(text[field:i]))
			i++
			field = i
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			if i == start {
				return nil, i + 1, true // "\r\n" alone is an empty line
			}
			rec = append(rec, bytesString(text[field:i]))
			r.endRecord(rec)
			return rec, i + 1, true
		default:
			return nil, 0, false // a quote inside a field, or a lone '\r'
		}
	}
}

// endRecord keeps rec for the next split and forgets what plain held of
// the fields a short record does not have.
func (r *rowReader) endRecord(rec []string) {
	r.rec = rec
	for f := len(rec); f < len(r.plain); f++ {
		r.plain[f].ok = false
	}
}

// readPlain reads field f, cell, with parsePlain, for a field whose bytes
// cutNumber could not read: a quoted one, one read by encoding/csv, one cut
// at a digit.
func (r *rowReader) readPlain(f int, cell string) {
	p := &r.plain[f]
	v, dec, ok := parsePlain(cell, r.mark)
	p.v, p.dec, p.ok, p.code = v, int8(dec), ok, scoreExact
}

// cutNumber cuts the unquoted field at i, the record's field f, and returns
// where it ends, as split's loop over r.stop would; on the way it reads the
// field as parsePlain does, into r.plain[f]: digits with at most one
// decimal mark, 1 to 15 digits in all (so at most 16 bytes), the value
// float64(m)/10^decimals.
func (r *rowReader) cutNumber(i, f int) int {
	text, start := r.text, i
	if r.digitStops {
		for i < len(text) && !r.stop[text[i]] {
			i++
		}
		r.readPlain(f, bytesString(text[start:i]))
		return i
	}
	var m uint64 // wraps past 19 digits: the field is not plain then
	for ; i < len(text); i++ {
		d := text[i] - '0'
		if d > 9 {
			break
		}
		m = m*10 + uint64(d)
	}
	digits, dec := i-start, 0
	if i < len(text) && text[i] == r.mark && !r.stop[r.mark] {
		i++
		from := i
		for ; i < len(text); i++ {
			d := text[i] - '0'
			if d > 9 {
				break
			}
			m = m*10 + uint64(d)
		}
		dec = i - from
		digits += dec
	}
	p := &r.plain[f]
	if i < len(text) && !r.stop[text[i]] {
		// not a plain number: the rest of the field as split cuts it
		p.ok = false
		for i < len(text) && !r.stop[text[i]] {
			i++
		}
		return i
	}
	if digits == 0 || digits > 15 {
		p.ok = false
		return i
	}
	p.v, p.dec, p.ok, p.code = float64(m)/pow10[dec], int8(dec), true, scoreExact
	// m/10^dec in ten-thousandths is m·10^(4−dec), whose code decodes to
	// the float nearest m/10^dec: v (m < 10¹⁵·10⁴ never wraps)
	if dec <= 4 {
		if n := m * tenThousandths[dec]; n <= math.MaxInt32 {
			p.code = int32(n)
		}
	}
	return i
}

// slow reads one record at r.pos with encoding/csv.
func (r *rowReader) slow() ([]string, error) {
	cr := csv.NewReader(bytes.NewReader(r.text[r.pos:]))
	cr.Comma = rune(r.comma)
	cr.FieldsPerRecord = r.fields
	rec, err := cr.Read()
	consumed := int(cr.InputOffset())
	base := r.line
	r.line += bytes.Count(r.text[r.pos:r.pos+consumed], []byte{'\n'})
	r.pos += consumed
	if err == io.EOF {
		return nil, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			r.quoteTrouble = true
		}
		fixed := *pe
		fixed.StartLine += base
		fixed.Line += base
		err = &fixed
	}
	if rec != nil && (err == nil || errors.Is(err, csv.ErrFieldCount)) {
		line, _ := cr.FieldPos(0)
		r.recLine = base + line
	}
	r.rec = append(r.rec[:0], rec...)
	for f := range r.plain {
		if r.plain[f].ok = false; r.plain[f].want && f < len(rec) {
			r.readPlain(f, rec[f])
		}
	}
	if rec == nil {
		return nil, err
	}
	return r.rec, err
}
