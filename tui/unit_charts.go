package tui

import (
	"fmt"
	"math"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/chart"
	"github.com/parlens/parlens/tui/text"
)

// chartRoom is the rows a unit page's charts may take on a pane h rows
// tall: more on a taller terminal, never fewer than three.
func chartRoom(h int) int { return max(3, (h-12)/2) }

// rankChartLines draws a unit's ranks across years (0 = no rank that
// year), every distinct rank labelled on its row, with the years below;
// across a merger or split (view_lineage.go) the ranks are not joined.
func rankChartLines(c *viewCtx, unitID string, ranks, years []int, colW, room int) []string {
	st := c.st
	height := chart.RankHeight(ranks, room)
	lines := []string{st.Muted.Render(c.say(words.RankChartTitle))}
	breaks, drawn := chartBreaks(c.a, c.index, unitID, years)
	body, rowOf := chart.RankChart(ranks, breaks, height, colW)
	best := make([]int, height) // the rank naming each row: the best of those on it
	for rk, r := range rowOf {
		if best[r] == 0 || rk < best[r] {
			best[r] = rk
		}
	}
	for i, l := range body {
		lab := ""
		if best[i] > 0 {
			lab = itoa(best[i])
		}
		lines = append(lines, st.Muted.Render(fmt.Sprintf("%4s ", lab))+st.Accent.Render(l))
	}
	lines = append(lines, st.Muted.Render(yearAxis(years, colW, 5)))
	return append(lines, chartBreakLegend(c, drawn)...)
}

// scoreChartLines draws a unit's totals across years against its bloc's
// mean and the grade thresholds, the thresholds named on the right from
// the current year's scheme (else the latest known); years without a known
// scheme are said so below. A merger or split is marked between its years.
func scoreChartLines(c *viewCtx, unitID string, track []analysis.ScorePoint, colW, height int) []string {
	st, nf := c.st, markOf(c.lang)
	cols := make([]chart.ScoreColumn, len(track))
	years := make([]int, len(track))
	var noScheme []string
	var named *analysis.ScorePoint
	for i := range track {
		pt := &track[i]
		years[i] = pt.Year
		col := chart.ScoreColumn{Score: math.NaN(), Mean: math.NaN()}
		if pt.Score != nil {
			col.Score = *pt.Score
		}
		if pt.BlocMean != nil {
			col.Mean = *pt.BlocMean
		}
		if pt.Thresholds == nil {
			noScheme = append(noScheme, itoa(pt.Year))
		} else if named == nil || named.Year != c.year {
			named = pt
		}
		for _, b := range pt.Thresholds {
			col.Thresholds = append(col.Thresholds, b.Min)
		}
		cols[i] = col
	}
	breaks, drawn := chartBreaks(c.a, c.index, unitID, years)
	for i := range cols {
		cols[i].BreakBefore = i < len(breaks) && breaks[i]
	}
	s := chart.ScaleOf(cols, height)
	height = s.Height
	right := make([]string, height)
	if named != nil {
		for _, b := range named.Thresholds {
			if b.Min < s.Lo || b.Min > s.Hi {
				continue
			}
			r := s.Row(b.Min)
			l := words.Grade(p(b.Label), c.lang) + " ≥" + nf.Score(b.Min, 0)
			if right[r] != "" {
				l = right[r] + " / " + l
			}
			right[r] = l
		}
	}
	lines := []string{st.Muted.Render(c.say(words.ScoreChartTitle))}
	for i, l := range chart.ScoreChart(cols, s, colW) {
		axis := "      "
		switch i {
		case 0:
			axis = fmt.Sprintf("%5s ", nf.Fixed(s.Hi, 1))
		case height - 1:
			axis = fmt.Sprintf("%5s ", nf.Fixed(s.Lo, 1))
		}
		line := st.Muted.Render(axis) + st.Accent.Render(l)
		if right[i] != "" {
			line += st.Muted.Render(" " + right[i])
		}
		lines = append(lines, line)
	}
	lines = append(lines, st.Muted.Render(yearAxis(years, colW, 6)))
	lines = append(lines, chartBreakLegend(c, drawn)...)
	if len(noScheme) > 0 {
		lines = append(lines, st.Muted.Render(c.sayf(words.ScoreChartNoScheme, strings.Join(noScheme, ", "))))
	}
	return lines
}

// hasTotals says whether a unit has a total or a bloc mean to chart (a
// grades-only index has neither).
func hasTotals(track []analysis.ScorePoint) bool {
	for _, pt := range track {
		if pt.Score != nil || pt.BlocMean != nil {
			return true
		}
	}
	return false
}

// yearAxis writes two-digit years centred under chart columns, after a
// margin of pad cells.
func yearAxis(years []int, colW, pad int) string {
	var b strings.Builder
	b.WriteString(text.Spaces(pad))
	for _, y := range years {
		b.WriteString(text.Center(fmt.Sprintf("%02d", y%100), colW))
	}
	return b.String()
}

// besideOrBelow sets blocks of lines side by side, gap cells apart, when
// they fit in w, else the ones that fit beside each other and the rest
// below, a blank line between.
func besideOrBelow(blocks [][]string, w, gap int) []string {
	var out, row [][]string
	rowW := 0
	flush := func() {
		if len(row) == 0 {
			return
		}
		if len(out) > 0 {
			out = append(out, []string{""})
		}
		out = append(out, joinBeside(row, gap))
		row, rowW = nil, 0
	}
	for _, b := range blocks {
		bw := blockWidth(b)
		if len(row) > 0 && rowW+gap+bw > w {
			flush()
		}
		if len(row) > 0 {
			rowW += gap
		}
		row = append(row, b)
		rowW += bw
	}
	flush()
	var lines []string
	for _, b := range out {
		lines = append(lines, b...)
	}
	return lines
}

func blockWidth(b []string) int {
	w := 0
	for _, l := range b {
		w = max(w, text.Width(l))
	}
	return w
}

// joinBeside puts blocks side by side, each padded to its widest line.
func joinBeside(blocks [][]string, gap int) []string {
	n := 0
	for _, b := range blocks {
		n = max(n, len(b))
	}
	out := make([]string, n)
	for i := range out {
		var l strings.Builder
		for j, b := range blocks {
			s := ""
			if i < len(b) {
				s = b[i]
			}
			if j < len(blocks)-1 {
				s = text.Left(s, blockWidth(b)+gap)
			}
			l.WriteString(s)
		}
		out[i] = strings.TrimRight(l.String(), " ")
	}
	return out
}

// bonusName is a bonus component's name within w cells, tagged as a bonus
// unless the name already says so in the reader's language.
func bonusName(c *viewCtx, name string, w int) string {
	tag := c.say(words.BonusTag)
	word := strings.Trim(tag, " ()")
	if strings.Contains(data.Fold(name), data.Fold(word)) {
		return text.Truncate(name, w)
	}
	return text.Truncate(name, w-text.Width(tag)) + tag
}
