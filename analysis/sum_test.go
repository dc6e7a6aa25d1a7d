package analysis

import (
	"math/rand/v2"
	"testing"
)

// A mean must not depend on the order of the rows: shuffled scores give the
// same bits, and scores of a few decimals give the true mean rounded once.
func TestOrderFreeSum(t *testing.T) {
	tests := []struct {
		vals []float64
		want float64 // the mean; 0 = only check the order
	}{
		{[]float64{11.1, 12.25, 11.696}, 11.682},
		{[]float64{0.1, 0.2, 0.3}, 0.2},
		{[]float64{14.6, 15.1, 14.4, 14.9, 14.7, 14.5, 14.9}, 103.1 / 7},
		{[]float64{1e300, 1e-300, 3.14159265358979, 1, 97.31}, 0}, // not ten-thousandths
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range tests {
		var s orderFreeSum
		for _, v := range tt.vals {
			s.add(v)
		}
		first := s.mean(len(tt.vals))
		if tt.want != 0 && first != tt.want {
			t.Errorf("mean of %v = %v, want %v", tt.vals, first, tt.want)
		}
		for range 20 {
			rng.Shuffle(len(tt.vals), func(i, j int) { tt.vals[i], tt.vals[j] = tt.vals[j], tt.vals[i] })
			s.reset()
			for _, v := range tt.vals {
				s.add(v)
			}
			if got := s.mean(len(tt.vals)); got != first {
				t.Fatalf("mean of %v = %v, but %v in another order", tt.vals, got, first)
			}
		}
	}
}
