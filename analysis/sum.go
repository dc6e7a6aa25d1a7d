package analysis

import (
	"math"
	"slices"
)

// orderFreeSum adds scores so that the total does not depend on the order
// they come in (so shuffling a file's rows changes no mean, not even in the
// last bit). Scores that are whole ten-thousandths — every published one —
// are added as integers, exactly; any other is kept and added in ascending
// order at the end.
type orderFreeSum struct {
	tenThousandths int64
	rest           []float64
}

func (s *orderFreeSum) add(v float64) {
	if k := math.Round(v * 1e4); math.Abs(k) < 1e13 && k/1e4 == v {
		s.tenThousandths += int64(k)
		return
	}
	s.rest = append(s.rest, v)
}

// mean is the sum over n. When every score was a whole number of
// ten-thousandths it is the true mean correctly rounded (one division of
// exact numbers), so 11.682 prints as 11.682.
func (s *orderFreeSum) mean(n int) float64 {
	if len(s.rest) == 0 && math.Abs(float64(s.tenThousandths)) < 1<<53 {
		return float64(s.tenThousandths) / (1e4 * float64(n))
	}
	slices.Sort(s.rest)
	r := 0.0
	for _, v := range s.rest {
		r += v
	}
	return (float64(s.tenThousandths)/1e4 + r) / float64(n)
}

func (s *orderFreeSum) reset() {
	s.tenThousandths, s.rest = 0, s.rest[:0]
}
