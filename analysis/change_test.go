package analysis

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis/numfmt"
)

func TestScoreChange(t *testing.T) {
	for _, c := range []struct {
		x, y float64
		want string
	}{
		{97.31, 93.64, "3.67"},
		{93.26, 95.11, "-1.85"},
		{101.69, 95.78, "5.91"},
		{90, 80, "10"},
		{85.5, 85.5, "0"},
		{0.1, 0.2, "-0.1"},
		{87.1234, 87.12, "0.0034"},
		{79.996, 79.994, "0.002"},
	} {
		if got := strconv.FormatFloat(scoreChange(c.x, c.y), 'f', -1, 64); got != c.want {
			t.Errorf("%v − %v = %s, want %s", c.x, c.y, got, c.want)
		}
	}
}

// decimalsByFormat is decimalsOf as strconv gives it, the reference for
// the fast path.
func decimalsByFormat(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

func TestDecimalsOfMatchesFormat(t *testing.T) {
	check := func(v float64) {
		t.Helper()
		if got, want := decimalsOf(v), decimalsByFormat(v); got != want {
			t.Fatalf("decimalsOf(%v) = %d, strconv gives %d", v, got, want)
		}
	}
	// every value with up to 4 decimals around the places scores sit, and
	// its neighbouring floats, which need more decimals than that
	for _, base := range []float64{0, 7, 9.99, 10, 79.99, 99.9, 100, 101.69, 999999} {
		for k := -20000; k <= 20000; k++ {
			v := base + float64(k)/1e4
			for _, w := range []float64{v, math.Nextafter(v, math.Inf(1)), math.Nextafter(v, math.Inf(-1)), -v} {
				check(w)
			}
		}
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 1e6, -1e6, 999999.9999, 1e6 - 1e-4, 0.1 + 0.2, 1.0 / 3,
		1e-4, 5e-5, 1e-5, 123456.78901, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN()} {
		check(v)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		check(math.Round(rng.Float64()*1e9) / math.Pow10(rng.IntN(8))) // 0 to 7 decimals
		check((rng.Float64() - 0.5) * math.Pow10(rng.IntN(14)-4))      // mostly many decimals
	}
}

func FuzzDecimalsOf(f *testing.F) {
	for _, v := range []float64{97.31, 0.1, 1e6, -3.5, 1.0 / 3} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if got, want := decimalsOf(v), decimalsByFormat(v); got != want {
			t.Errorf("decimalsOf(%v) = %d, strconv gives %d", v, got, want)
		}
	})
}

// scoreChangeByFormat is scoreChange as it was before its fast path:
// rounded to the decimals strconv gives the two scores.
func scoreChangeByFormat(x, y float64) float64 {
	d := max(decimalsByFormat(x), decimalsByFormat(y))
	if d > 10 {
		return x - y
	}
	p := math.Pow10(d)
	return math.Round((x-y)*p) / p
}

func TestScoreChangeMatchesFormat(t *testing.T) {
	check := func(x, y float64) {
		t.Helper()
		got, want := scoreChange(x, y), scoreChangeByFormat(x, y)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("scoreChange(%v, %v) = %v, rounding to their decimals gives %v", x, y, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	score := func() float64 { // 0 to 5 decimals, up to a little past a million
		return math.Round(rng.Float64()*math.Pow10(rng.IntN(11))) / math.Pow10(rng.IntN(6))
	}
	for range 500000 {
		x, y := score(), score()
		check(x, y)
		check(-x, y)
		check(x, x)
		check(x, math.Nextafter(y, 0))
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 97.31, 93.64, 999999.9999, 1e6, 0.0001, math.Inf(1), math.NaN(), 1.0 / 3} {
		for _, w := range []float64{0, math.Copysign(0, -1), 97.31, 999999.9999, -999999.9999, 1e6, math.Inf(-1)} {
			check(v, w)
			check(w, v)
		}
	}
}

func FuzzScoreChange(f *testing.F) {
	f.Add(97.31, 93.64)
	f.Add(0.1, 0.2)
	f.Fuzz(func(t *testing.T, x, y float64) {
		got, want := scoreChange(x, y), scoreChangeByFormat(x, y)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("scoreChange(%v, %v) = %v, rounding to their decimals gives %v", x, y, got, want)
		}
	})
}

// compareCents orders two scores as comparing their Cents does, on pairs
// far apart (the shortcut), near each other and on either side of a half
// cent (the rounding), and at magnitudes where Cents saturates.
func TestCompareCentsMatchesCents(t *testing.T) {
	byCents := func(x, y float64) int {
		cx, cy := numfmt.Cents(x), numfmt.Cents(y)
		switch {
		case cx < cy:
			return -1
		case cx > cy:
			return 1
		}
		return 0
	}
	check := func(x, y float64) {
		t.Helper()
		if got, want := compareCents(x, y), byCents(x, y); got != want {
			t.Fatalf("compareCents(%v, %v) = %d, comparing their cents gives %d", x, y, got, want)
		}
	}
	for _, c := range [][2]float64{
		{1.005, 1.0}, {1.005, 1.01}, {1.004999, 1.005}, {0.035, 0.005}, {0.03, 0}, {-0.015, 0.015},
		{97.31, 93.64}, {93.64, 97.31}, {5, 5}, {1e17, 2e17}, {-1e17, 1e17}, {1e9, 1e9 + 0.04},
		{math.Inf(1), 5}, {math.Inf(-1), math.Inf(1)}, {999999999.995, 999999999.96},
	} {
		check(c[0], c[1])
		check(c[1], c[0])
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 300000 {
		x := math.Round(rng.Float64()*math.Pow10(rng.IntN(8))) / math.Pow10(rng.IntN(5))
		if rng.IntN(2) == 0 {
			x = -x
		}
		// a neighbour within a few cents, or one anywhere
		y := x + float64(rng.IntN(1001)-500)/1e4
		if rng.IntN(4) == 0 {
			y = (rng.Float64() - 0.5) * math.Pow10(rng.IntN(10))
		}
		check(x, y)
		check(y, x)
	}
}
