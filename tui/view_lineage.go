package tui

import (
	"fmt"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/text"
)

// A unit's lineage in the dashboard: the unit view lists each merger or
// split of the unit with its predecessors' last results side by side (rank
// r/N and its share of the bloc, never a move in places), or says which
// unit a merged-away unit became part of; the ranking marks the units in
// their first year after a merger or split.

// mergedGlyph follows the name of a unit in its first year after a merger
// or split, in the ranking.
const mergedGlyph = " ⊕"

// mergedMarks maps the units of a bloc and year in their first year after
// a merger or split to mergedGlyph.
func mergedMarks(a *analysis.Analysis, sl data.Slice) map[string]string {
	out := map[string]string{}
	for _, b := range a.Breaks(sl) {
		out[b.UnitID] = mergedGlyph
	}
	return out
}

// mergedStatus explains mergedGlyph in the ranking's status line when n
// units carry it, and chart.BreakGlyph when a sparkline shows one (broken).
func mergedStatus(c *viewCtx, n int, broken bool) []string {
	switch {
	case n > 0:
		return []string{c.sayf(words.StatusMergedUnits, n)}
	case broken:
		return []string{c.say(words.StatusBrokenHistory)}
	}
	return nil
}

// historyMark marks a year of the unit's history before its latest merger
// or split: those results are its own before it absorbed (or left) others.
func (v *unitView) historyMark(year int) string {
	bs := v.c.a.UnitBreaks(v.c.index, v.unitID)
	if len(bs) == 0 || year >= bs[0].Year {
		return ""
	}
	return v.c.st.Muted.Render(v.c.say(words.LineageBefore))
}

// shareText writes rank r of n as a share of the bloc (analysis.BlocShare).
func shareText(c *viewCtx, r, n int) string {
	p, top := analysis.BlocShare(r, n)
	if top {
		return c.sayf(words.LineageTop, p)
	}
	return c.sayf(words.LineageBottom, p)
}

// lineageLines are the unit view's lineage section: its breaks in the
// index, latest first, else the unit it became part of; none otherwise.
func (v *unitView) lineageLines() []string {
	c, st, w := v.c, v.c.st, v.w
	nf := markOf(c.lang)
	pad := scorePad(c.ds)
	var lines []string
	if to, year := c.a.PartOf(v.unitID); len(to) > 0 {
		names := make([]string, len(to))
		for i, id := range to {
			names[i] = id
			if u, ok := c.a.UnitByID(id); ok {
				names[i] = p(u.Unit)
			}
		}
		lines = append(lines, st.Section.Render(" "+c.sayf(words.LineagePartOf, year, strings.Join(names, ", "))), "")
	}
	for _, b := range c.a.UnitBreaks(c.index, v.unitID) {
		head := c.sayf(words.LineageMergedIn, b.Year, len(b.Predecessors))
		if b.Kind == analysis.BreakSplit {
			head = c.sayf(words.LineageSplitIn, b.Year)
		}
		lines = append(lines, st.Section.Render(" "+head))
		nameW := min(32, max(12, w/4))
		lines = append(lines, st.Muted.Render(fmt.Sprintf("   %s %-5s %8s %9s  %s", text.Left(c.say(words.HeadUnit), nameW),
			c.say(words.HistYear), c.say(words.HeadScore), c.say(words.HeadRank), c.say(words.LineagePlace))))
		for _, pr := range b.Predecessors {
			name := p(pr.Unit)
			if pr.Self {
				name += c.say(words.LineageItself)
			}
			year, score, rank, share := numfmt.Dash, numfmt.Dash, numfmt.Dash, ""
			if pr.Year != nil {
				year = fmt.Sprint(*pr.Year)
			}
			if pr.Score != nil {
				score = nf.Score(*pr.Score, pad)
			}
			if pr.Rank != nil && pr.RankedOf != nil {
				rank = rankOf(*pr.Rank, *pr.RankedOf)
				share = shareText(c, *pr.Rank, *pr.RankedOf)
			} else if pr.Rank != nil {
				rank = nf.Int(*pr.Rank)
			}
			if pr.Weight < 1 {
				share += " · " + nf.Pct(pr.Weight*100, 0)
			}
			lines = append(lines, fmt.Sprintf("   %s %-5s %8s %9s  %s", text.Left(name, nameW), year, score, rank, share))
		}
		if b.Rank != nil && b.RankedOf != nil {
			lines = append(lines, "   "+st.Muted.Render(c.sayf(words.LineageNow, b.AsOf, rankOf(*b.Rank, *b.RankedOf), shareText(c, *b.Rank, *b.RankedOf))))
		}
		lines = append(lines, "")
	}
	return lines
}

// chartBreaks marks, for a unit's chart years (ascending, a year may
// repeat), each year that is the first after one of its mergers or splits
// in the index, and returns the breaks drawn; the charts draw
// chart.BreakGlyph there instead of joining the years.
func chartBreaks(a *analysis.Analysis, index, unitID string, years []int) ([]bool, []analysis.Break) {
	var marks []bool
	var drawn []analysis.Break
	for _, b := range a.UnitBreaks(index, unitID) {
		for i := 1; i < len(years); i++ {
			if years[i-1] < b.Year && b.Year <= years[i] {
				if marks == nil {
					marks = make([]bool, len(years))
				}
				marks[i] = true
				drawn = append(drawn, b)
				break
			}
		}
	}
	return marks, drawn
}

// chartBreakLegend names each break a chart draws, under it.
func chartBreakLegend(c *viewCtx, drawn []analysis.Break) []string {
	var out []string
	for i := len(drawn) - 1; i >= 0; i-- { // earliest first, as the years run
		w := words.ChartBreakMerger
		if drawn[i].Kind == analysis.BreakSplit {
			w = words.ChartBreakSplit
		}
		out = append(out, c.st.Muted.Render(c.sayf(w, drawn[i].Year)))
	}
	return out
}
