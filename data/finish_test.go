package data

import (
	"math"
	"testing"
)

// cleanSum takes a row only when finishRecord would have nothing to say
// about any of its cells, and then sums it as finishRecord does.
func TestCleanSumTakesOnlyRowsWithNothingToReport(t *testing.T) {
	inf := math.Inf(1)
	comps := []int{0, -1, 2, 1} // the second column is not a component
	maxes := []float64{10, 20, inf}
	cases := []struct {
		name    string
		scores  []float64
		wantOK  bool
		wantSum float64
	}{
		{"clean", []float64{9.5, 20, 70.25}, true, 99.75},
		{"negative zero is zero", []float64{math.Copysign(0, -1), 0, 0}, true, 0},
		{"missing", []float64{9.5, Missing, 70}, false, 0},
		{"not applicable", []float64{9.5, NotApplicable, 70}, false, 0},
		{"negative", []float64{-1, 20, 70}, false, 0},
		{"above its maximum", []float64{10.5, 20, 70}, false, 0},
		{"above the scale", []float64{9, 20, 120.5}, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var rec Record
			rec.SetScores(c.scores)
			sum, n, ok := cleanSum(&rec, comps, maxes, 110)
			if ok != c.wantOK || sum != c.wantSum || (ok && n != 3) {
				t.Errorf("cleanSum = %v, %d, %v; want %v, 3, %v", sum, n, ok, c.wantSum, c.wantOK)
			}
		})
	}
}
