package analysis

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The O(n log n) τ-b is exactly the pairwise one: the same counts, so the
// same float, on samples with many ties, signed zeros and infinities.
func TestKendallTauBMatchesPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1)}
	for _, n := range []int{2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 64, 100, 257, 1000} {
		for _, levels := range []int{1, 2, 3, 10, 1 << 30} {
			for trial := range 5 {
				x, y := make([]float64, n), make([]float64, n)
				for i := range n {
					x[i], y[i] = float64(r.IntN(levels)), float64(r.IntN(levels))
					if trial == 4 && r.IntN(5) == 0 {
						x[i] = specials[r.IntN(len(specials))]
					}
				}
				want, wantOK := kendallPairs(x, y)
				got, ok := KendallTauB(x, y)
				if ok != wantOK || got != want {
					t.Fatalf("n %d, %d levels: τ %v %v, comparing every pair %v %v\nx %v\ny %v", n, levels, got, ok, want, wantOK, x, y)
				}
			}
		}
	}
}

// The samples are left as they were.
func TestKendallTauBKeepsItsInput(t *testing.T) {
	x, y := []float64{3, 1, 2, 2}, []float64{1, 3, 2, 4}
	KendallTauB(x, y)
	if x[0] != 3 || x[1] != 1 || y[0] != 1 || y[3] != 4 {
		t.Fatalf("input changed: %v %v", x, y)
	}
}

// With a NaN, which no order holds, every pair is compared.
func TestKendallTauBNaN(t *testing.T) {
	x, y := []float64{1, math.NaN(), 3, 4}, []float64{1, 2, 3, 4}
	got, ok := KendallTauB(x, y)
	want, wantOK := kendallPairs(x, y)
	if ok != wantOK || got != want {
		t.Fatalf("τ %v %v, want %v %v", got, ok, want, wantOK)
	}
}
