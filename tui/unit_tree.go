package tui

import (
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// The unit page's tree: every area, criterion and sub-criterion of the
// unit in the year, with its score of the applicable maximum, the points
// lost, and the distance to the bloc's mean and to the bloc's best; then
// the criteria where the unit is furthest below the bloc's mean. Shown
// when the dataset has a tree (flat components are the page's bars).

// unitTreeCol is one numeric column of the unit's tree.
type unitTreeCol struct {
	title *words.Word
	cell  func(r *analysis.CriterionRow) (string, styles.Kind)
}

// treeLines is the unit page's tree section, or nothing without a tree.
func (v *unitView) treeLines(w int) []string {
	c, st := v.c, v.c.st
	if !c.a.HasTree() {
		return nil
	}
	ut, ok := c.a.UnitTree(c.index, c.year, v.unitID)
	if !ok || len(ut.Rows) == 0 {
		return nil
	}
	nf := markOf(c.lang)
	pad := scorePad(c.ds)
	fixed := func(x *float64) (string, styles.Kind) {
		if x == nil {
			return "", styles.KNormal
		}
		return nf.Fixed(*x, 2), styles.KNormal
	}
	below := func(x *float64) (string, styles.Kind) { // below the bloc: worse when positive
		if x == nil {
			return "", styles.KNormal
		}
		return nf.Fixed(*x, 2), signKind(-*x)
	}
	cols := []unitTreeCol{
		{words.ColScoreOfMax, func(r *analysis.CriterionRow) (string, styles.Kind) {
			switch {
			case r.NotApplicable:
				return c.say(words.NotApplicable), styles.KMuted
			case r.Score == nil:
				return numfmt.Dash, styles.KMuted
			}
			s, k := nf.Score(*r.Score, pad), styles.KNormal
			if r.ApplicableMax != nil {
				s += "/" + nf.Score(*r.ApplicableMax, 0)
			}
			if r.Share != nil {
				k = styles.Heat(*r.Share)
			}
			return s, k
		}},
		{words.ColLostShort, func(r *analysis.CriterionRow) (string, styles.Kind) { return fixed(r.Lost) }},
		{words.ColBlocMeanShort, func(r *analysis.CriterionRow) (string, styles.Kind) { return fixed(r.BlocMean) }},
		{words.DrillVsMean, func(r *analysis.CriterionRow) (string, styles.Kind) { return below(r.VsBlocMean) }},
		{words.DrillBest, func(r *analysis.CriterionRow) (string, styles.Kind) {
			if r.BlocBest == nil {
				return "", styles.KNormal
			}
			return nf.Score(*r.BlocBest, pad), styles.KNormal
		}},
		{words.DrillVsBest, func(r *analysis.CriterionRow) (string, styles.Kind) { return below(r.VsBlocBest) }},
		{nil, func(r *analysis.CriterionRow) (string, styles.Kind) {
			if r.Change == nil {
				return "", styles.KNormal
			}
			return nf.Change(*r.Change, 2), signKind(*r.Change)
		}},
	}
	// each column as wide as its title and cells; the name takes what is
	// left, and columns drop from the right when the name would be too short
	cells := make([][]string, len(ut.Rows))
	kinds := make([][]styles.Kind, len(ut.Rows))
	widths := make([]int, len(cols))
	for j, col := range cols {
		widths[j] = text.Width(c.treeColTitle(col.title))
	}
	nameW := text.Width(c.say(words.UnitTreeName))
	for i := range ut.Rows {
		r := &ut.Rows[i]
		cells[i], kinds[i] = make([]string, len(cols)), make([]styles.Kind, len(cols))
		for j, col := range cols {
			cells[i][j], kinds[i][j] = col.cell(r)
			widths[j] = max(widths[j], text.Width(cells[i][j]))
		}
		nameW = max(nameW, text.Width(treeName(r)))
	}
	// the name keeps up to 28 cells before the rightmost columns give way
	const indent = 3
	minName := min(nameW, 28)
	shown := len(cols)
	used := func(n int) int {
		s := indent
		for _, wd := range widths[:n] {
			s += wd + 2
		}
		return s
	}
	for shown > 1 && used(shown)+minName > w {
		shown--
	}
	nameW = max(min(minName, 16), min(nameW, 40, w-used(shown)))

	row := func(name string, vals []string, ks []styles.Kind, nameStyle func(string) string) string {
		var b strings.Builder
		b.WriteString(text.Spaces(indent))
		b.WriteString(nameStyle(text.Left(name, nameW)))
		for j := range shown {
			b.WriteString("  ")
			s := text.Right(vals[j], widths[j])
			if ks != nil && ks[j] != styles.KNormal {
				s = st.Render(ks[j], s)
			}
			b.WriteString(s)
		}
		return b.String()
	}
	plain := func(s string) string { return s }
	muted := func(s string) string { return st.Muted.Render(s) }

	lines := []string{st.Section.Render(" " + c.sayf(words.ScorecardTreeOf, c.year)), "   " + st.Muted.Render(text.Truncate(c.say(words.UnitTreeKey), w-3))}
	titles := make([]string, len(cols))
	for j, col := range cols {
		titles[j] = c.treeColTitle(col.title)
	}
	lines = append(lines, row(c.say(words.UnitTreeName), titles, nil, muted))
	for i := range ut.Rows {
		r := &ut.Rows[i]
		style := plain
		if r.Level == analysis.LevelArea {
			style = func(s string) string { return st.Bold.Render(s) }
		}
		lines = append(lines, row(treeName(r), cells[i], kinds[i], style))
	}
	var worst []string
	for _, r := range ut.MostLost(analysis.LevelCriterion, 5) {
		worst = append(worst, strings.TrimSpace(ps(r.Code)+" "+p(r.Name))+" ("+nf.Fixed(*r.VsBlocMean, 2)+")")
	}
	if len(worst) == 0 {
		lines = append(lines, "   "+st.Muted.Render(c.say(words.ScorecardNoneLost)))
	} else {
		for k, l := range wrapStyled(worst, w-4-text.Width(c.say(words.UnitTreeMostLost)), " · ") {
			lead := c.say(words.UnitTreeMostLost)
			if k > 0 {
				lead = text.Spaces(text.Width(lead))
			}
			lines = append(lines, "   "+st.Muted.Render(lead)+l)
		}
	}
	return append(lines, "")
}

// treeColTitle is a column's title ("±" for the change).
func (c *viewCtx) treeColTitle(w *words.Word) string {
	if w == nil {
		return "±"
	}
	return c.say(w)
}

// treeName is a tree row's code and name, indented by its level.
func treeName(r *analysis.CriterionRow) string {
	return strings.Repeat("  ", r.Level) + strings.TrimSpace(ps(r.Code)+" "+p(r.Name))
}
