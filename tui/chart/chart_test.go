package chart

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSparkline(t *testing.T) {
	if got := Sparkline([]float64{0, 5, 10, math.NaN()}, nil, 0, 10); got != "▁▅█ " {
		t.Fatalf("%q", got)
	}
	if got := Sparkline([]float64{3, 3}, nil, 3, 3); got != "▅▅" {
		t.Fatalf("flat: %q", got)
	}
}

// TestSparklineBreak: a merger or split between two years stands between
// their glyphs, and only there.
func TestSparklineBreak(t *testing.T) {
	tests := []struct {
		breaks []bool
		want   string
	}{
		{nil, "▁▅█"},
		{[]bool{false, false, true}, "▁▅┆█"},
		{[]bool{true, true, false}, "▁┆▅█"}, // nothing stands before the first year
		{[]bool{false}, "▁▅█"},              // a short slice means no breaks after it
	}
	for _, tt := range tests {
		if got := Sparkline([]float64{0, 5, 10}, tt.breaks, 0, 10); got != tt.want {
			t.Errorf("breaks %v: %q, want %q", tt.breaks, got, tt.want)
		}
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

// TestRankRows: distinct ranks land on distinct rows whenever there are
// no more of them than rows, best at the top, worst at the bottom, in
// rank order; with fewer rows than ranks the order still holds.
func TestRankRows(t *testing.T) {
	tests := []struct {
		ranks  []int
		height int
		want   map[int]int
	}{
		{[]int{1, 2, 1}, 3, map[int]int{1: 0, 2: 2}},            // the dip reaches the bottom
		{[]int{1, 2, 1}, 2, map[int]int{1: 0, 2: 1}},            // one row per rank
		{[]int{1, 2, 20, 1}, 3, map[int]int{1: 0, 2: 1, 20: 2}}, // 2 pushed off 1's row
		{[]int{1, 2, 3, 20}, 4, map[int]int{1: 0, 2: 1, 3: 2, 20: 3}},
		{[]int{5, 6, 7, 7, 7}, 10, map[int]int{5: 0, 6: 5, 7: 9}}, // spaced by rank
		{[]int{3, 0, 3}, 5, map[int]int{3: 0}},                    // a year without a rank is left out
		{[]int{1, 19, 20}, 3, map[int]int{1: 0, 19: 1, 20: 2}},    // 19 pulled off 20's row
		{[]int{1, 2, 3, 4}, 2, map[int]int{1: 0, 2: 0, 3: 1, 4: 1}},
		{nil, 3, map[int]int{}},
	}
	for _, tc := range tests {
		got := RankRows(tc.ranks, tc.height)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("RankRows(%v, %d) = %v, want %v", tc.ranks, tc.height, got, tc.want)
		}
	}
}

func TestRankHeight(t *testing.T) {
	tests := []struct {
		ranks      []int
		room, want int
	}{
		{[]int{1, 2, 1}, 40, 2},
		{[]int{5, 0, 7}, 40, 3},
		{[]int{1, 20}, 12, 12},
		{[]int{0, 0}, 12, 1},
		{[]int{4}, 0, 1},
	}
	for _, tc := range tests {
		if got := RankHeight(tc.ranks, tc.room); got != tc.want {
			t.Errorf("RankHeight(%v, %d) = %d, want %d", tc.ranks, tc.room, got, tc.want)
		}
	}
}

// TestRankChartDip: 1 → 2 → 1 in a bloc of 20 is drawn as a dip, not flat.
func TestRankChartDip(t *testing.T) {
	lines, rows := RankChart([]int{1, 2, 1}, nil, RankHeight([]int{1, 2, 1}, 40), 4)
	want := []string{
		"  ●─╮   ╭─● ",
		"    ╰─●─╯   ",
	}
	if fmt.Sprintf("%q", lines) != fmt.Sprintf("%q", want) {
		t.Errorf("dip drawn as\n%s", strings.Join(lines, "\n"))
	}
	if rows[1] == rows[2] {
		t.Errorf("ranks 1 and 2 on one row: %v", rows)
	}
}

// TestRankChartBreak: across a merger or split no step joins the ranks
// either side (ranks of blocs of different sizes); BreakGlyph runs down
// the whole chart between them, and the years on each side keep their own
// steps.
func TestRankChartBreak(t *testing.T) {
	tests := []struct {
		name   string
		ranks  []int
		breaks []bool
		colW   int
		want   []string
	}{
		{"merger after two years", []int{26, 37, 4}, []bool{false, false, true}, 4, []string{
			"        ┆ ● ",
			"  ●─╮   ┆   ",
			"    ╰─● ┆   ",
		}},
		{"odd width", []int{26, 37, 4}, []bool{false, false, true}, 3, []string{
			"     ┆ ● ",
			" ●╮  ┆   ",
			"  ╰─●┆   ",
		}},
		{"break then steps", []int{5, 1, 2}, []bool{false, true, false}, 4, []string{
			"    ┆ ●─╮   ",
			"    ┆   ╰─● ",
			"  ● ┆       ",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, _ := RankChart(tt.ranks, tt.breaks, len(tt.want), tt.colW)
			if fmt.Sprintf("%q", lines) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("drawn as\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestRankChart(t *testing.T) {
	lines, _ := RankChart([]int{2, 1, 0, 3}, nil, 3, 4)
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

// TestScoreChart: the scale reaches the thresholds bounding the scores and
// means; each year shows its thresholds, its mean and its score.
func TestScoreChart(t *testing.T) {
	cols := []ScoreColumn{
		{Score: 84, Mean: 82, Thresholds: []float64{90, 80, 70}},
		{Score: 88, Mean: math.NaN(), Thresholds: []float64{90, 80, 70}},
		{Score: math.NaN(), Mean: 85},
	}
	s := ScaleOf(cols, 11)
	if s.Lo != 80 || s.Hi != 90 {
		t.Fatalf("scale %+v, want 80 to 90", s)
	}
	for _, tc := range []struct {
		v    float64
		want int
	}{{90, 0}, {80, 10}, {85, 5}, {84, 6}, {100, 0}, {0, 10}} {
		if got := s.Row(tc.v); got != tc.want {
			t.Errorf("Row(%v) = %d, want %d", tc.v, got, tc.want)
		}
	}
	lines := ScoreChart(cols, s, 3)
	want := map[[2]int]rune{
		{0, 0}: '┄', {0, 5}: '┄', {0, 7}: ' ', // 90 in the years with a scheme only
		{10, 1}: '┄', {6, 1}: '●', {8, 1}: '○', // 2023: 84 above the mean 82
		{2, 4}: '●', // 88
		{5, 7}: '○', // a mean without a score
	}
	for at, r := range want {
		if got := []rune(lines[at[0]])[at[1]]; got != r {
			t.Errorf("row %d col %d = %q, want %q\n%s", at[0], at[1], got, r, strings.Join(lines, "\n"))
		}
	}
	if flat := ScaleOf([]ScoreColumn{{Score: 80, Mean: 80}}, 5); flat.Hi-flat.Lo != 1 {
		t.Errorf("flat scale %+v", flat)
	}
}

// TestScoreChartSides: on a coarse chart a score just under a threshold is
// drawn under its line, one just over above it, one on it on it.
func TestScoreChartSides(t *testing.T) {
	ts := []float64{90, 80, 70}
	cols := []ScoreColumn{
		{Score: 79.99, Mean: math.NaN(), Thresholds: ts},
		{Score: 80.01, Mean: math.NaN(), Thresholds: ts},
		{Score: 80, Mean: math.NaN(), Thresholds: ts},
		{Score: 77.55, Mean: 80.4, Thresholds: ts},
	}
	s := ScaleOf(cols, 3) // too few rows for three lines: widened to 5
	if s.Height != 5 {
		t.Fatalf("height %d, want 5", s.Height)
	}
	line := s.Row(80)
	want := []struct {
		col, row int
		r        rune
	}{
		{0, line + 1, '●'}, {1, line - 1, '●'}, {2, line, '●'}, {3, line + 1, '●'}, {3, line - 1, '○'},
	}
	lines := ScoreChart(cols, s, 1)
	for _, w := range want {
		if got := []rune(lines[w.row])[w.col]; got != w.r {
			t.Errorf("col %d row %d = %q, want %q\n%s", w.col, w.row, got, w.r, strings.Join(lines, "\n"))
		}
	}
}

// TestScoreChartBreak: a merger between two years is a column of
// BreakGlyph over the threshold lines, between the two years' points.
func TestScoreChartBreak(t *testing.T) {
	cols := []ScoreColumn{{Score: 80, Mean: math.NaN(), Thresholds: []float64{85}}, {Score: 90, Mean: math.NaN(), Thresholds: []float64{85}, BreakBefore: true}}
	lines := ScoreChart(cols, ScaleOf(cols, 3), 4)
	want := []string{"    ┆ ● ", "┄┄┄┄┆┄┄┄", "  ● ┆   "}
	if fmt.Sprintf("%q", lines) != fmt.Sprintf("%q", want) {
		t.Errorf("drawn as\n%s", strings.Join(lines, "\n"))
	}
}
