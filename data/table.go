package data

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// table is a decoded text file ready for a csv.Reader.
type table struct {
	name    string
	text    []byte
	info    FileInfo
	decimal byte
}

// openTable decodes raw bytes and sniffs the delimiter and decimal mark.
func openTable(name string, raw []byte) (*table, *Issue) {
	fail := func(msg, hint string) (*table, *Issue) {
		return nil, &Issue{Severity: Error, Pos: Pos{File: name}, Msg: msg, Hint: hint}
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return fail("empty file", "export the sheet again with a header row and data rows")
	}
	text, enc, err := decode(raw)
	if err != nil {
		return fail(err.Error(), "save the file as \"CSV UTF-8\" from Excel")
	}
	t := &table{name: name, text: text}
	t.info = FileInfo{Name: name, Encoding: enc, Delimiter: sniffDelimiter(text, enc)}
	t.decimal = sniffDecimal(t)
	t.info.Decimal = rune(t.decimal)
	return t, nil
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
// first rows: "97,31" votes for a comma, "97.31" for a point.
func sniffDecimal(t *table) byte {
	r := t.reader()
	r.FieldsPerRecord = -1
	votes := 0
	for i := 0; i < 2000; i++ {
		rec, err := r.Read()
		if err != nil {
			if rec == nil {
				break
			}
			continue
		}
		for _, cell := range rec {
			votes += decimalHint(cell)
		}
	}
	if votes > 0 {
		return ','
	}
	return '.'
}
