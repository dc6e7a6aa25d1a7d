package data

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// numberFault says why a cell is not read as a number.
type numberFault uint8

const (
	numberOK      numberFault = iota
	notANumber                // text, NaN, an exponent, hex…
	otherMark                 // "97.31" in a decimal-comma file, "97,31" in a decimal-point one
	ambiguousMark             // "1.234" in a decimal-comma file: 1234, or 1,234 with the wrong mark?
	thousandsMark             // "1.234,5", "1,234.5", "1 234": grouping no PAR score needs
	outOfRange                // beyond what a float64 holds
)

// readNumber reads a score as the file writes it: an optional sign, digits,
// at most one decimal mark — the file's, decided once (sniffDecimal) — and
// an optional trailing "%", which the press writes after the index: the
// index is a percentage of the maximum, so "91,77%" is 91.77 points.
// Thousands separators are refused: no PAR score needs one, and "1.234"
// could be either. "-0" is 0.
func readNumber(s string, mark byte) (v float64, decimals int, percent bool, fault numberFault) {
	if v, decimals, ok := parsePlain(s, mark); ok {
		return v, decimals, false, numberOK
	}
	s = strings.TrimSpace(s)
	if body, ok := strings.CutSuffix(s, "%"); ok {
		s, percent = strings.TrimSpace(body), true
	}
	digits := s
	if digits != "" && (digits[0] == '-' || digits[0] == '+') {
		digits = digits[1:]
	}
	other := byte(',')
	if mark == ',' {
		other = '.'
	}
	var n, marks, others, spaces int
	for _, c := range digits {
		switch {
		case c >= '0' && c <= '9':
			n++
		case c == rune(mark):
			marks++
		case c == rune(other):
			others++
		case c == ' ' || c == '\u00a0' || c == '\u202f':
			spaces++
		default:
			return 0, 0, percent, notANumber
		}
	}
	switch {
	case n == 0:
		return 0, 0, percent, notANumber
	case spaces > 0 || marks > 0 && others > 0 || marks > 1 || others > 1:
		if groupedThousands(digits) {
			return 0, 0, percent, thousandsMark
		}
		return 0, 0, percent, notANumber
	case others == 1:
		if groupedThousands(digits) {
			return 0, 0, percent, ambiguousMark
		}
		return 0, 0, percent, otherMark
	}
	if marks == 1 {
		i := strings.IndexByte(s, mark)
		decimals = len(s) - i - 1
		if mark != '.' {
			s = s[:i] + "." + s[i+1:]
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, percent, outOfRange // the syntax was checked above
	}
	if v == 0 {
		v = 0 // "-0" is 0, not a negative zero that prints "-0"
	}
	return v, decimals, percent, numberOK
}

// parseNumber is readNumber for callers that only need to know whether a
// cell is a number.
func parseNumber(s string, mark byte) (v float64, decimals int, ok bool) {
	v, decimals, _, fault := readNumber(s, mark)
	return v, decimals, fault == numberOK
}

// groupedThousands reports whether s is digits grouped in threes by one
// separator and maybe ended by a fraction with another, like "1,234",
// "12.345.678", "1.234,5" or "1 234,5".
func groupedThousands(s string) bool {
	var sep rune
	group := -1 // digits in the current group; -1 before the first separator
	lead := 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			if group < 0 {
				lead++
			} else {
				group++
			}
		case sep == 0 || c == sep:
			if lead == 0 || lead > 3 || group >= 0 && group != 3 {
				return false
			}
			sep, group = c, 0
		default: // the decimal mark: what follows is a fraction
			return group == 3 && strings.IndexFunc(s[i+1:], func(r rune) bool { return r < '0' || r > '9' }) < 0
		}
	}
	return group == 3
}

// trimSpace trims spaces, the no-break space Excel puts around numbers included.
func trimSpace(s string) string { return strings.TrimSpace(s) }

// decimalHint classifies a cell for deciding a file's decimal mark:
// +1 looks like a decimal comma, -1 like a decimal point, 0 tells nothing
// ("1,234" may group thousands; "97" has no mark).
func decimalHint(s string) int {
	s = strings.TrimSpace(s)
	if body, ok := strings.CutSuffix(s, "%"); ok {
		s = strings.TrimSpace(body)
	}
	c, d := strings.LastIndexByte(s, ','), strings.LastIndexByte(s, '.')
	switch {
	case c < 0 && d < 0 || !allNumberChars(s):
		return 0
	case c > d && (d >= 0 || len(s)-c-1 != 3):
		return 1
	case d > c && (c >= 0 || len(s)-d-1 != 3):
		return -1
	}
	return 0
}

func allNumberChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == ',' || c == '-' || c == '+') {
			return false
		}
	}
	return s != ""
}

// numberTrouble says what is wrong with a cell readNumber refused, and how
// to write it, quoting the number that decided the file's decimal mark.
func (t *table) numberTrouble(cell string, fault numberFault) (what, hint string) {
	markName, example := "a point", "97.31"
	if t.decimal == ',' {
		markName, example = "a comma", "97,31"
	}
	decided := "this file writes decimals with " + markName
	if t.markSeen != "" {
		decided += fmt.Sprintf(" (decided from %q on line %d)", clip(t.markSeen), t.markSeenLine)
	}
	q := clip(cell)
	switch fault {
	case otherMark:
		return fmt.Sprintf("number %q has the other decimal mark", q), decided + "; write every number that way, like " + example
	case ambiguousMark:
		return fmt.Sprintf("ambiguous number %q: a thousands separator, or the other decimal mark", q),
			decided + "; no PAR score needs a thousands separator: write the value with the file's mark, like " + example
	case thousandsMark:
		return fmt.Sprintf("thousands separator in %q", q),
			"no PAR score needs one: write the number without it; " + decided
	case outOfRange:
		return fmt.Sprintf("number %q is out of range", q), "no score is that large; check the column"
	}
	return fmt.Sprintf("unreadable number %q", q), "write numbers like 97.31 or 97,31"
}

// percentNotes says which columns hold numbers written with a trailing "%"
// (read as that many points), so `check` can show it. Only files with a "%"
// in them are read again for it, from the rows under the header (head).
func percentNotes(t *table, head []string) []string {
	if bytes.IndexByte(t.text[t.dataStart:], '%') < 0 {
		return nil
	}
	r := csv.NewReader(bytes.NewReader(t.text[t.dataStart:]))
	r.Comma = t.info.Delimiter
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	count := make([]int, len(head))
	example := make([]string, len(head))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		for i, cell := range rec {
			if i >= len(head) || strings.IndexByte(cell, '%') < 0 {
				continue
			}
			if _, _, percent, fault := readNumber(cell, t.decimal); percent && fault == numberOK {
				if count[i] == 0 {
					example[i] = strings.Clone(cell)
				}
				count[i]++
			}
		}
	}
	var notes []string
	for i, n := range count {
		if n == 0 {
			continue
		}
		v, _, _, _ := readNumber(example[i], t.decimal)
		values := "values"
		if n == 1 {
			values = "value"
		}
		notes = append(notes, fmt.Sprintf("column %q: %d %s written with \"%%\" read as points (%q is %s): the index is a percentage of its maximum",
			displayHeader(head[i], i), n, values, clip(example[i]), formatNum(v)))
	}
	return notes
}

// isNotRanked recognises the marks for "assessed but not ranked".
func isNotRanked(s string) bool {
	t := trimSpace(s)
	if t == "-" || t == "–" || t == "—" {
		return true
	}
	switch Fold(t) {
	case "kxh", "khong xep hang", "not ranked", "nr", "n a", "na":
		return true
	}
	return false
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// parsePlain is the fast path for the common "97.31": unsigned digits with at
// most one mark (the file's decimal mark), at most 15 digits. Both the digits and the power of ten are
// exact in a float64, so one division gives the correctly rounded value,
// the same as strconv.ParseFloat.
func parsePlain(s string, mark byte) (float64, int, bool) {
	if len(s) == 0 || len(s) > 16 {
		return 0, 0, false
	}
	var m uint64
	digits, dot := 0, -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
		case c == mark && dot < 0:
			dot = i
		default:
			return 0, 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, 0, false
	}
	dec := 0
	if dot >= 0 {
		dec = len(s) - dot - 1
	}
	return float64(m) / pow10[dec], dec, true
}
