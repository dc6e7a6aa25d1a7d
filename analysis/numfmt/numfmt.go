// Package numfmt writes numbers for people: the one formatter behind the
// command line's tables, the dashboard and the briefing, so a score prints
// the same way on every face.
//
// # Decimal mark
//
// A Mark is the language's decimal mark: Comma for Vietnamese ("97,31"),
// Point for English and for CSV ("97.31"). Digits of a whole number are
// grouped by three with the other mark ("10.000" with Comma, "10,000" with
// Point) by Int, Ratio and SignedInt only. JSON never goes through this
// package: it writes float64 values as encoding/json does.
//
// # Published scores: never rounded
//
// Score writes a published score as it was published: the shortest decimal
// form that reads back as the same float64, so no digit of published
// precision is dropped (87.1234 stays 87.1234). It pads with zeros to pad
// decimals, where pad is the dataset's data.Dataset.Decimals (the most
// decimals any score was written with), so a column of scores aligns and a
// score reads the same in every face: 9.5 shows as 9.50 in a dataset
// published with two decimals. It never removes a digit to reach pad.
//
// The command line's tables pad to the dataset's decimals exactly, so a
// table of whole-number scores stays whole ("90"). Running text and the
// dashboard pad to ProsePad, at least two decimals, because there a score
// sits beside means and changes written with two ("from 70.00 to 89.50,
// up 19.50 points"). For every dataset published with two or more
// decimals, the usual case, the three faces write a score identically.
//
// # Computed numbers: rounded half away from zero, as written
//
// Fixed writes a computed number (a mean, a difference, a share) with
// exactly dec decimals. It rounds the number as written in decimal (its
// shortest form, to 12 significant digits), half away from zero, the way a
// reader rounds a published figure by hand: 97.315 → 97.32, 1.005 → 1.01,
// -0.125 → -0.13. (Rounding the binary value instead would give 97.31,
// because the float64 nearest 97.315 lies just below it.) Digits past the
// 12th significant one are float noise of the arithmetic and do not count:
// a standard deviation computed as 0.00499999999999545 is 0.005, and
// rounds to 0.01. A result that rounds to zero is written without a sign:
// never "-0,00". Change is Fixed with an explicit "+" on a change that does
// not round to zero. Cents compares in hundredths by the same rounding, so
// a sentence never says "up" beside "0,00".
//
// # No padding of width
//
// Nothing here pads to a width: aligning columns is the table's job
// (present.Table, the dashboard's grid). Not a number and infinities, which
// no validated score is, are written as Dash.
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Dash stands for a value that is missing or does not apply.
const Dash = "–"

// Mark is a decimal mark.
type Mark byte

// The two decimal marks.
const (
	Point Mark = '.'
	Comma Mark = ','
)

// For is the decimal mark of a language: Comma for "vi", Point otherwise.
func For(lang string) Mark {
	if lang == "vi" {
		return Comma
	}
	return Point
}

// group is the digit group separator that goes with the mark.
func (m Mark) group() byte {
	if m == Comma {
		return '.'
	}
	return ','
}

// withMark swaps the point strconv writes for the mark.
func (m Mark) withMark(s string) string {
	if m == Comma {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Score writes a published score as published, padded with zeros to pad
// decimals (the dataset's Decimals): 97.31 → "97,31", 9.5 → "9,50" with
// pad 2, 87.1234 → "87,1234" with any pad up to 4.
func (m Mark) Score(v float64, pad int) string {
	if !finite(v) {
		return Dash
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	have := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		have = len(s) - i - 1
	} else if pad > 0 {
		s += "."
	}
	if have < pad {
		s += strings.Repeat("0", pad-have)
	}
	return m.withMark(s)
}

// ProsePad is the padding of a score in running text and on the dashboard
// for a dataset published with decimals decimals: at least 2.
func ProsePad(decimals int) int { return max(decimals, 2) }

// ScoreP is Score of an optional score; nil gives "".
func (m Mark) ScoreP(v *float64, pad int) string {
	if v == nil {
		return ""
	}
	return m.Score(*v, pad)
}

// Fixed writes a computed number with exactly dec decimals, rounded half
// away from zero as written (see the package doc). dec < 0 is taken as 0.
func (m Mark) Fixed(v float64, dec int) string {
	if !finite(v) {
		return Dash
	}
	return m.withMark(roundDecimal(v, max(dec, 0)))
}

// Change writes a change with its sign: "+1,25", "-0,50", "0,00".
func (m Mark) Change(v float64, dec int) string {
	s := m.Fixed(v, dec)
	if s != Dash && s[0] != '-' && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

// Pct writes a percentage with dec decimals: "92%".
func (m Mark) Pct(v float64, dec int) string {
	s := m.Fixed(v, dec)
	if s == Dash {
		return s
	}
	return s + "%"
}

// Int writes a count or a rank with digits grouped by three: "10.000" with
// Comma. Not for years ("2.023" would be wrong in every language): write
// those with strconv.Itoa.
func (m Mark) Int(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	b := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, m.group())
		}
		b = append(b, s[i])
	}
	return sign + string(b)
}

// SignedInt writes a change of a count with its sign: "+2", "-1", "0".
func (m Mark) SignedInt(n int) string {
	if n > 0 {
		return "+" + m.Int(n)
	}
	return m.Int(n)
}

// Ratio writes k out of n: "3/5".
func (m Mark) Ratio(k, n int) string { return m.Int(k) + "/" + m.Int(n) }

// RankMove writes a change of rank as an arrow: "▲3" climbed three places,
// "▼1" fell one, "=" kept its rank; "" when there is nothing to compare.
func RankMove(change *int) string {
	switch {
	case change == nil:
		return ""
	case *change > 0:
		return "▲" + strconv.Itoa(*change)
	case *change < 0:
		return "▼" + strconv.Itoa(-*change)
	}
	return "="
}

// CentsLimit bounds Cents either way: 10^16 points, far beyond any score
// (the loader refuses totals above a PAR scale). Within it, a count of
// cents and the difference of two always fit an int64, so no float can
// break a ranking; scores beyond it compare as equal. Not a number is 0.
const CentsLimit = 1e18

// Cents is x at two decimals as a whole number of hundredths, rounded as
// Fixed rounds, so that a comparison made in cents (is a change up, down or
// none? are two scores equal as shown?) never contradicts the text Fixed
// writes: Cents(1.005) is 101, like Fixed(1.005, 2) = "1.01".
func Cents(x float64) int64 {
	y := x * 100
	switch { // bounded: a float beyond int64 converts to garbage (9.3e16 points once crashed the ranking)
	case y != y:
		return 0
	case y >= CentsLimit:
		return CentsLimit
	case y <= -CentsLimit:
		return -CentsLimit
	}
	if math.Abs(math.Abs(y-math.Trunc(y))-0.5) > 1e-6 {
		return int64(math.Round(y)) // not near a half: no doubt which way
	}
	c, _ := strconv.ParseInt(strings.Replace(roundDecimal(x, 2), ".", "", 1), 10, 64)
	return c
}

// significant is how many significant digits of a computed number count:
// past the 12th, a float64 computed from scores with a few decimals holds
// only rounding noise.
const significant = 12

// roundDecimal writes v with dec decimals, rounding its shortest decimal
// form half away from zero, with a point and no "-" on a zero result.
func roundDecimal(v float64, dec int) string {
	neg := v < 0
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	if len(s) > significant+1 {
		// computed: drop the float noise past the 12th significant digit,
		// so 0.00499999999999545 (a standard deviation of exactly 0.005)
		// rounds as 0.005 does
		t := strconv.FormatFloat(math.Abs(v), 'g', significant, 64)
		w, _ := strconv.ParseFloat(t, 64)
		s = strconv.FormatFloat(w, 'f', -1, 64)
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if len(frac) <= dec {
		s = intPart
		if dec > 0 {
			s += "." + frac + strings.Repeat("0", dec-len(frac))
		}
	} else {
		digits := []byte(intPart + frac[:dec])
		if frac[dec] >= '5' {
			digits = carry(digits)
		}
		ip := len(digits) - dec
		s = string(digits[:ip])
		if dec > 0 {
			s += "." + string(digits[ip:])
		}
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return s
}

// carry adds one to the last digit of a decimal digit string.
func carry(d []byte) []byte {
	for i := len(d) - 1; i >= 0; i-- {
		if d[i] < '9' {
			d[i]++
			return d
		}
		d[i] = '0'
	}
	return append([]byte{'1'}, d...)
}
