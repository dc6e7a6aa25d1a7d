package data

import (
	"strconv"
	"strings"
)

// parseNumber reads a score as written by people and Excel: "97.31", "97,31",
// "1.234,5" or "1,234.5", with optional spaces. decimal is the file's mark,
// used only where a value alone is ambiguous ("1,234"). ok is false for
// anything that is not a plain decimal number (no NaN, Inf, hex or '_').
func parseNumber(s string, decimal byte) (v float64, decimals int, ok bool) {
	if v, decimals, ok := parsePlain(s); ok {
		return v, decimals, true
	}
	s = trimSpace(s)
	if s == "" {
		return 0, 0, false
	}
	commas, dots := strings.Count(s, ","), strings.Count(s, ".")
	switch {
	case commas == 0 && dots <= 1:
		// plain "97.31" or "97": the common case
	case commas == 1 && dots == 0:
		if decimal == '.' && groupedThousands(s, ',') {
			s = strings.Replace(s, ",", "", 1)
		} else {
			s = strings.Replace(s, ",", ".", 1)
		}
	case dots >= 1 && commas == 1 && strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.'):
		if !groupedThousands(s[:strings.IndexByte(s, ',')], '.') {
			return 0, 0, false
		}
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case commas >= 1 && dots <= 1:
		intPart := s
		if i := strings.IndexByte(s, '.'); i >= 0 {
			intPart = s[:i]
		}
		if !groupedThousands(intPart, ',') {
			return 0, 0, false
		}
		s = strings.ReplaceAll(s, ",", "")
	case dots > 1 && commas == 0:
		if decimal != ',' || !groupedThousands(s, '.') {
			return 0, 0, false
		}
		s = strings.ReplaceAll(s, ".", "")
	default:
		return 0, 0, false
	}
	start := 0
	if s[0] == '-' || s[0] == '+' {
		start = 1
	}
	digits := 0
	for i := start; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			decimals = len(s) - i - 1
		default:
			return 0, 0, false
		}
	}
	if digits == 0 {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, 0, false
	}
	return v, decimals, true
}

// groupedThousands reports whether s is digits grouped in threes by sep,
// like "1,234" or "-12.345.678" (an optional sign first).
func groupedThousands(s string, sep byte) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	parts := strings.Split(s, string(sep))
	if len(parts) < 2 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for i, p := range parts {
		if i > 0 && len(p) != 3 {
			return false
		}
		for j := 0; j < len(p); j++ {
			if p[j] < '0' || p[j] > '9' {
				return false
			}
		}
	}
	return true
}

// trimSpace trims ASCII space and the no-break space Excel puts in numbers.
func trimSpace(s string) string {
	s = strings.TrimSpace(s)
	if isPlainASCII(s) {
		return s
	}
	if strings.ContainsRune(s, '\u00a0') || strings.ContainsRune(s, '\u202f') {
		s = strings.NewReplacer("\u00a0", "", "\u202f", "").Replace(s)
	}
	return s
}

// decimalHint classifies a cell for deciding a file's decimal mark:
// +1 looks like a decimal comma, -1 like a decimal point, 0 tells nothing.
func decimalHint(s string) int {
	s = trimSpace(s)
	c, d := strings.LastIndexByte(s, ','), strings.LastIndexByte(s, '.')
	switch {
	case c < 0 && d < 0:
		return 0
	case c > d && len(s)-c-1 != 3 && allNumberChars(s):
		return 1
	case d > c && len(s)-d-1 != 3 && allNumberChars(s):
		return -1
	case c >= 0 && d >= 0 && allNumberChars(s):
		if c > d {
			return 1
		}
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

// isMissingMark recognises cells that explicitly say "no value".
func isMissingMark(s string) bool {
	switch trimSpace(s) {
	case "", "-", "–", "—", "N/A", "n/a", "NA", "#N/A":
		return true
	}
	return false
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// parsePlain is the fast path for the common "97.31": unsigned digits with at
// most one '.', at most 15 digits. Both the digits and the power of ten are
// exact in a float64, so one division gives the correctly rounded value,
// the same as strconv.ParseFloat.
func parsePlain(s string) (float64, int, bool) {
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
		case c == '.' && dot < 0:
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
