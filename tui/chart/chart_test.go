package chart

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSparkline(t *testing.T) {
	if got := Sparkline([]float64{0, 5, 10, math.NaN()}, 0, 10); got != "▁▅█ " {
		t.Fatalf("%q", got)
	}
	if got := Sparkline([]float64{3, 3}, 3, 3); got != "▅▅" {
		t.Fatalf("flat: %q", got)
	}
}

func TestBar(t *testing.T) {
	for w := 0; w < 12; w++ {
		for _, v := range []float64{0, 0.3, 5, 9.99, 10, 12} {
			if n := utf8.RuneCountInString(Bar(v, 10, w)); n != w {
				t.Fatalf("bar %v/%d: %d cells", v, w, n)
			}
		}
	}
	if Bar(10, 10, 4) != "████" || Bar(0, 10, 4) != "    " {
		t.Fatal("ends")
	}
}

func TestStacked(t *testing.T) {
	segs := Stacked([]int{3, 1, 1}, []int{0, 1, 2}, 20)
	n := 0
	for _, s := range segs {
		n += utf8.RuneCountInString(s.Text)
	}
	if n != 20 || len(segs) != 3 {
		t.Fatalf("%d cells in %d segments", n, len(segs))
	}
	// a tiny count still shows
	segs = Stacked([]int{1000, 1}, []int{0, 1}, 10)
	if len(segs) != 2 {
		t.Fatalf("small count hidden: %v", segs)
	}
}

func TestRankChart(t *testing.T) {
	lines := RankChart([]int{2, 1, 0, 3}, 3, 3, 4)
	if len(lines) != 3 {
		t.Fatal(len(lines))
	}
	for _, l := range lines {
		if utf8.RuneCountInString(l) != 16 {
			t.Fatalf("width %d: %q", utf8.RuneCountInString(l), l)
		}
	}
	if !strings.Contains(lines[0], "●") || !strings.Contains(lines[2], "●") {
		t.Fatalf("%q", lines)
	}
}
