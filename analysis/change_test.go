package analysis

import (
	"strconv"
	"testing"
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
