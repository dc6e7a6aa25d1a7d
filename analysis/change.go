package analysis

import (
	"bytes"
	"math"
	"strconv"
)

// scoreChange is x − y for two scores as published, rounded to the decimals
// they are written with: 97.31 − 93.64 is 3.67, not the float
// 3.6700000000000017 that JSON would otherwise carry. Both scores have at
// most that many decimals, so the rounding only removes the float error.
func scoreChange(x, y float64) float64 {
	d := max(decimalsOf(x), decimalsOf(y))
	if d > 10 {
		return x - y
	}
	p := math.Pow10(d)
	return math.Round((x-y)*p) / p
}

// decimalsOf counts the decimals of v's shortest decimal form.
func decimalsOf(v float64) int {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'f', -1, 64)
	if i := bytes.IndexByte(b, '.'); i >= 0 {
		return len(b) - i - 1
	}
	return 0
}
