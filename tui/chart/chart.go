// Package chart draws the dashboard's small charts as plain text (Unicode
// blocks), readable without colour: sparklines, bars, stacked bars and a rank
// chart. Callers style the pieces; nothing here measures with anything but
// cell counts of single-width glyphs.
package chart

import (
	"math"
	"slices"
	"strings"
)

var sparks = []rune("▁▂▃▄▅▆▇█")

// BreakGlyph stands between two years of a chart that a merger or split
// separates: the points either side are not joined, nor read as a trend.
const BreakGlyph = '┆'

// breakAt says whether breaks (nil: none) puts a break before value i.
func breakAt(breaks []bool, i int) bool { return i > 0 && i < len(breaks) && breaks[i] }

// breakCol is the cell between the points of years i-1 and i, in column
// groups colW cells wide with each point at the group's middle: where a
// step between them would turn. Groups one cell wide have no such cell
// (-1): the points are then left unjoined without a glyph.
func breakCol(i, colW int) int {
	if colW < 2 {
		return -1
	}
	return i*colW + colW/2 - (colW+1)/2
}

// Sparkline draws one glyph per value, scaled between lo and hi; NaN values
// are blanks. When lo ≥ hi every value gets the middle glyph. breaks[i]
// (nil: none) puts BreakGlyph before value i: a merger or split between
// the two years, so the line reads as two.
func Sparkline(vals []float64, breaks []bool, lo, hi float64) string {
	var b strings.Builder
	for j, v := range vals {
		if breakAt(breaks, j) {
			b.WriteRune(BreakGlyph)
		}
		if math.IsNaN(v) {
			b.WriteByte(' ')
			continue
		}
		i := len(sparks) / 2
		if hi > lo {
			f := (v - lo) / (hi - lo)
			i = int(math.Round(f * float64(len(sparks)-1)))
			i = max(0, min(len(sparks)-1, i))
		}
		b.WriteRune(sparks[i])
	}
	return b.String()
}

var eighths = []rune(" ▏▎▍▌▋▊▉")

// Bar draws v of max as a horizontal bar width cells wide (eighth-cell
// precision), padded with spaces to width.
func Bar(v, maxV float64, width int) string {
	if width <= 0 {
		return ""
	}
	if maxV <= 0 || math.IsNaN(v) {
		return strings.Repeat(" ", width)
	}
	f := max(0, min(1, v/maxV))
	units := int(math.Round(f * float64(width*8)))
	full := units / 8
	rem := units % 8
	var b strings.Builder
	b.WriteString(strings.Repeat("█", full))
	n := full
	if rem > 0 && n < width {
		b.WriteRune(eighths[rem])
		n++
	}
	b.WriteString(strings.Repeat(" ", width-n))
	return b.String()
}

// Marker places a single glyph at the position of v of max in a field width
// cells wide; the rest are spaces. It returns the column used (-1 when none).
func Marker(v, maxV float64, width int) int {
	if width <= 0 || maxV <= 0 || math.IsNaN(v) {
		return -1
	}
	f := max(0, min(1, v/maxV))
	return min(width-1, int(math.Round(f*float64(width-1))))
}

// levelGlyphs tell grades apart without colour, best first.
var levelGlyphs = []string{"█", "▓", "▒", "░", "▚", "·"}

// LevelGlyph is the stacked-bar glyph of a grade level.
func LevelGlyph(level int) string {
	if level < 0 {
		return " "
	}
	return levelGlyphs[min(level, len(levelGlyphs)-1)]
}

// Segment is one run of a stacked bar.
type Segment struct {
	Level int // grade level (0 = best); -1 for the unfilled rest
	Text  string
}

// Stacked splits width cells between counts (largest remainder, every
// non-zero count gets at least one cell when there is room).
func Stacked(counts []int, levels []int, width int) []Segment {
	total := 0
	for _, c := range counts {
		total += c
	}
	if width <= 0 {
		return nil
	}
	if total == 0 {
		return []Segment{{Level: -1, Text: strings.Repeat(" ", width)}}
	}
	cells := make([]int, len(counts))
	rems := make([]float64, len(counts))
	used := 0
	for i, c := range counts {
		exact := float64(c) * float64(width) / float64(total)
		cells[i] = int(exact)
		rems[i] = exact - float64(cells[i])
		used += cells[i]
	}
	for used < width {
		best := -1
		for i := range counts {
			if counts[i] == 0 {
				continue
			}
			if best < 0 || (cells[best] > 0 && cells[i] == 0) || (cells[i] == 0) == (cells[best] == 0) && rems[i] > rems[best] {
				best = i
			}
		}
		if best < 0 {
			break
		}
		cells[best]++
		rems[best] = -1
		used++
	}
	var out []Segment
	for i, n := range cells {
		if n > 0 {
			out = append(out, Segment{Level: levels[i], Text: strings.Repeat(LevelGlyph(levels[i]), n)})
		}
	}
	return out
}

// RankRows places each distinct rank of ranks (0 = no rank, left out) on a
// row of a chart height rows tall: the best rank at the top, the worst at
// the bottom, spaced by rank, and distinct ranks always on distinct rows
// when there are no more of them than rows, so that every change shows
// (1 → 2 → 1 is a dip even when the bloc has 20 units).
func RankRows(ranks []int, height int) map[int]int {
	var d []int
	for _, r := range ranks {
		if r > 0 && !slices.Contains(d, r) {
			d = append(d, r)
		}
	}
	slices.Sort(d)
	rows := make(map[int]int, len(d))
	if len(d) == 0 || height <= 0 {
		return rows
	}
	k, lo, hi := len(d), d[0], d[len(d)-1]
	y := make([]int, k)
	for i, r := range d {
		if hi > lo {
			y[i] = int(math.Round(float64(r-lo) / float64(hi-lo) * float64(height-1)))
		}
	}
	if k <= height {
		for i := 1; i < k; i++ {
			y[i] = max(y[i], y[i-1]+1)
		}
		for i := k - 1; i >= 0; i-- {
			y[i] = min(y[i], height-k+i)
			if i < k-1 {
				y[i] = min(y[i], y[i+1]-1)
			}
		}
	}
	for i, r := range d {
		rows[r] = y[i]
	}
	return rows
}

// RankHeight is the rows a rank chart of ranks needs, one per rank from
// the best to the worst, within room (at least one).
func RankHeight(ranks []int, room int) int {
	lo, hi := 0, 0
	for _, r := range ranks {
		if r <= 0 {
			continue
		}
		if lo == 0 || r < lo {
			lo = r
		}
		hi = max(hi, r)
	}
	return max(1, min(room, hi-lo+1))
}

// RankChart draws ranks across years: one column group per year, the best
// rank at the top, height rows tall (rows placed by RankRows), with "●" at
// each ranked year and the moves between years drawn as steps. ranks[i] ==
// 0 means no rank that year. breaks[i] (nil: none) marks a merger or split
// between years i-1 and i: ranks of blocs of different sizes, so no step
// joins them and BreakGlyph runs down the chart between the two. It
// returns height lines of len(ranks)*colW cells and the row of each rank,
// for the caller's labels.
func RankChart(ranks []int, breaks []bool, height, colW int) ([]string, map[int]int) {
	if height <= 0 || colW <= 0 {
		return nil, nil
	}
	rowOf := RankRows(ranks, height)
	grid := make([][]rune, height)
	for r := range grid {
		grid[r] = []rune(strings.Repeat(" ", len(ranks)*colW))
	}
	prev := -1
	for i, rk := range ranks {
		if breakAt(breaks, i) {
			if x := breakCol(i, colW); x >= 0 {
				for y := range grid {
					grid[y][x] = BreakGlyph
				}
			}
			prev = -1
		}
		if rk <= 0 {
			prev = -1
			continue
		}
		r := rowOf[rk]
		c := i*colW + colW/2
		if prev >= 0 {
			pc := c - colW // the previous point's column
			mid := pc + colW/2
			if prev == r {
				for x := pc + 1; x < c; x++ {
					grid[r][x] = '─'
				}
			} else {
				for x := pc + 1; x < mid; x++ {
					grid[prev][x] = '─'
				}
				for x := mid + 1; x < c; x++ {
					grid[r][x] = '─'
				}
				lo, hi := min(prev, r), max(prev, r)
				for y := lo + 1; y < hi; y++ {
					grid[y][mid] = '│'
				}
				if r > prev { // going down the chart: the rank got worse
					grid[prev][mid], grid[r][mid] = '╮', '╰'
				} else {
					grid[prev][mid], grid[r][mid] = '╯', '╭'
				}
			}
		}
		grid[r][c] = '●'
		prev = r
	}
	out := make([]string, height)
	for i, g := range grid {
		out[i] = string(g)
	}
	return out, rowOf
}

// ScoreColumn is one year of a score chart; NaN marks a missing score or
// mean, and Thresholds are that year's grade thresholds (none when no
// scheme is known).
type ScoreColumn struct {
	Score, Mean float64
	Thresholds  []float64
	// BreakBefore: a merger or split lies between the previous year and
	// this one (BreakGlyph is drawn between them).
	BreakBefore bool
}

// ScoreScale maps totals to the rows of a chart Height rows tall: Hi on
// the top row, Lo on the bottom one.
type ScoreScale struct {
	Lo, Hi float64
	Height int
}

// Row is the row of a value (clamped to the chart).
func (s ScoreScale) Row(v float64) int {
	if s.Height <= 1 || s.Hi <= s.Lo {
		return 0
	}
	r := int(math.Round((s.Hi - v) / (s.Hi - s.Lo) * float64(s.Height-1)))
	return max(0, min(s.Height-1, r))
}

// ScaleOf is the scale of a score chart: from the lowest to the highest
// score and mean, widened to the thresholds that bound them (the one just
// below the lowest, the one just above the highest) and those between, so
// the band a score falls in can be read off the chart.
func ScaleOf(cols []ScoreColumn, height int) ScoreScale {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, c := range cols {
		for _, v := range []float64{c.Score, c.Mean} {
			if !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return ScoreScale{Height: height}
	}
	below, above := math.Inf(-1), math.Inf(1)
	for _, c := range cols {
		for _, t := range c.Thresholds {
			if t <= lo {
				below = max(below, t)
			}
			if t >= hi {
				above = min(above, t)
			}
		}
	}
	if !math.IsInf(below, -1) {
		lo = below
	}
	if !math.IsInf(above, 1) {
		hi = above
	}
	if hi-lo < 1 { // a flat track still gets a scale
		lo, hi = lo-0.5, hi+0.5
	}
	// a row between every two thresholds, so a score below one is drawn
	// below its line (see ScoreChart)
	var in []float64
	for _, c := range cols {
		for _, t := range c.Thresholds {
			if t >= lo && t <= hi && !slices.Contains(in, t) {
				in = append(in, t)
			}
		}
	}
	return ScoreScale{Lo: lo, Hi: hi, Height: max(height, 2*len(in)-1)}
}

// cents compares totals as grades do, at 2 decimals.
func cents(v float64) int64 { return int64(math.Round(v * 100)) }

// rowAmong is the row of v kept strictly below the line of every
// threshold it is under and above every one it reaches past, so that the
// chart never shows a score on the wrong side of a grade's line when rows
// are coarser than the gap between them.
func (s ScoreScale) rowAmong(v float64, thresholds []float64) int {
	r, lo, hi := s.Row(v), 0, s.Height-1
	for _, t := range thresholds {
		if t < s.Lo || t > s.Hi {
			continue
		}
		switch tr := s.Row(t); {
		case cents(v) < cents(t):
			lo = max(lo, tr+1)
		case cents(v) > cents(t):
			hi = min(hi, tr-1)
		default:
			return tr
		}
	}
	if lo > hi {
		return r
	}
	return max(lo, min(hi, r))
}

// ScoreChart draws totals across years on scale s: one column group colW
// cells wide per year, "┄" across it at each of that year's thresholds
// inside the scale, "○" the bloc mean and "●" the unit's score (drawn
// last: it wins a shared cell), each on the side of every threshold line
// that its value is (at 2 decimals, as grades are given), on the line only
// when it equals the threshold.
func ScoreChart(cols []ScoreColumn, s ScoreScale, colW int) []string {
	if s.Height <= 0 || colW <= 0 {
		return nil
	}
	grid := make([][]rune, s.Height)
	for r := range grid {
		grid[r] = []rune(strings.Repeat(" ", len(cols)*colW))
	}
	for i, c := range cols {
		for _, t := range c.Thresholds {
			if t < s.Lo || t > s.Hi {
				continue
			}
			r := s.Row(t)
			for x := i * colW; x < (i+1)*colW; x++ {
				grid[r][x] = '┄'
			}
		}
		if x := breakCol(i, colW); c.BreakBefore && i > 0 && x >= 0 { // over the threshold lines
			for y := range grid {
				grid[y][x] = BreakGlyph
			}
		}
		mid := i*colW + colW/2
		if !math.IsNaN(c.Mean) {
			grid[s.rowAmong(c.Mean, c.Thresholds)][mid] = '○'
		}
		if !math.IsNaN(c.Score) {
			grid[s.rowAmong(c.Score, c.Thresholds)][mid] = '●'
		}
	}
	out := make([]string, s.Height)
	for i, g := range grid {
		out[i] = string(g)
	}
	return out
}
