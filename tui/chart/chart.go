// Package chart draws the dashboard's small charts as plain text (Unicode
// blocks), readable without colour: sparklines, bars, stacked bars and a rank
// chart. Callers style the pieces; nothing here measures with anything but
// cell counts of single-width glyphs.
package chart

import (
	"math"
	"strings"
)

var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws one glyph per value, scaled between lo and hi; NaN values
// are blanks. When lo ≥ hi every value gets the middle glyph.
func Sparkline(vals []float64, lo, hi float64) string {
	var b strings.Builder
	for _, v := range vals {
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

// RankChart draws ranks across years: one column group per year, rank 1 at
// the top, height rows tall, with "●" at each ranked year. ranks[i] == 0
// means no rank that year. It returns height lines of len(ranks)*colW cells.
func RankChart(ranks []int, worst, height, colW int) []string {
	if height <= 0 || colW <= 0 {
		return nil
	}
	grid := make([][]rune, height)
	for r := range grid {
		grid[r] = []rune(strings.Repeat(" ", len(ranks)*colW))
	}
	row := func(rank int) int {
		if worst <= 1 || height == 1 {
			return 0
		}
		return int(math.Round(float64(rank-1) / float64(worst-1) * float64(height-1)))
	}
	prev := -1
	for i, rk := range ranks {
		if rk <= 0 {
			prev = -1
			continue
		}
		r := row(rk)
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
	return out
}
