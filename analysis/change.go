package analysis

import (
	"bytes"
	"cmp"
	"math"
	"strconv"

	"github.com/parlens/parlens/analysis/numfmt"
)

// scoreChange is x − y for two scores as published, rounded to the decimals
// they are written with: 97.31 − 93.64 is 3.67, not the float
// 3.6700000000000017 that JSON would otherwise carry. Both scores have at
// most that many decimals, so the rounding only removes the float error.
func scoreChange(x, y float64) float64 {
	if atMost4Decimals(x) && atMost4Decimals(y) {
		// x − y is then a whole number of ten-thousandths k, and the float
		// error of (x−y)·10⁴ is far below ½, so this is k/10⁴ correctly
		// rounded: the same float as rounding to the decimals they have
		return math.Round((x-y)*1e4) / 1e4
	}
	d := max(decimalsOf(x), decimalsOf(y))
	if d > 10 {
		return x - y
	}
	p := math.Pow10(d)
	return math.Round((x-y)*p) / p
}

// decimalsOf counts the decimals of v's shortest decimal form.
func decimalsOf(v float64) int {
	if d, ok := fewDecimals(v); ok {
		return d
	}
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'f', -1, 64)
	if i := bytes.IndexByte(b, '.'); i >= 0 {
		return len(b) - i - 1
	}
	return 0
}

// fewDecimalsMax and fewDecimalsBelow bound fewDecimals: at most 4
// decimals, below a million, multiples of 10⁻⁴ are more than a million
// float steps apart, so at most one lies within half a step of v.
const (
	fewDecimalsMax   = 4
	fewDecimalsBelow = 1e6
)

// atMost4Decimals reports whether v's shortest decimal form has at most 4
// decimals and v is below a million (see fewDecimals).
func atMost4Decimals(v float64) bool {
	return math.Abs(v) < fewDecimalsBelow && math.Round(v*1e4)/1e4 == v
}

// fewDecimals is decimalsOf without formatting, for the scores of real
// data (two decimals, below a million); ok is false for any other value.
// The shortest form of v has the fewest digits that read back as v, so its
// decimals are the fewest d for which some k/10^d reads back as v; the only
// candidate is the nearest, k = round(v·10^d), and for |k| < 2^53 the
// division k/10^d, correctly rounded like the parse of its decimal form,
// gives v exactly when that form reads back as v.
func fewDecimals(v float64) (int, bool) {
	if !(math.Abs(v) < fewDecimalsBelow) { // NaN too
		return 0, false
	}
	p := 1.0
	for d := 0; d <= fewDecimalsMax; d++ {
		if math.Round(v*p)/p == v {
			return d, true
		}
		p *= 10
	}
	return 0, false
}

// compareCents compares x and y at 2 decimals, as comparing numfmt.Cents
// of each does: -1, 0 or +1. Scores more than 3 cents apart compare as
// the floats do without rounding either (Cents rounds to a neighbouring
// hundredth and never reorders), which spares the rounding for most
// pairs; it holds only well below the magnitudes where Cents saturates
// or a float has no hundredths left.
func compareCents(x, y float64) int {
	if d := x - y; math.Abs(x) < 1e9 && math.Abs(y) < 1e9 && math.Abs(d) > 0.03 {
		if d < 0 {
			return -1
		}
		return 1
	}
	return cmp.Compare(numfmt.Cents(x), numfmt.Cents(y))
}
