package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/grid"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

const (
	ccRank = iota
	ccUnit
	ccScore
	ccComps
)

// componentsView is a heatmap of units × components coloured by % of the
// maximum, with shade glyphs so it reads without colour, the bloc mean
// pinned under the heading, and sorting by any component.
type componentsView struct {
	gridPane
	built string
	bc    analysis.BlocComponents
	// applicable: some unit of the bloc has a criterion marked not
	// applicable, so shares are of maxima that differ (the legend says so)
	applicable bool
	names      []string
	folds      []string
	texts      []string                     // name and code as written, for a filter with diacritics
	cols       [][]*analysis.ComponentScore // [unit][component]

	longest   int // the longest unit name
	compNames []string
	compCodes []*string
	titles    []string // the component columns' headings

	w, h int
}

func newComponents(c *viewCtx) *componentsView { return table(c, &componentsView{}) }

func (v *componentsView) Title() string { return v.c.say(words.TabComponents) }

// pts: the cells show points instead of % of the maximum (p).
func (v *componentsView) pts() bool { return v.alt }

func (v *componentsView) Sync() {
	k := fmt.Sprint(v.c.version)
	if k == v.built {
		return
	}
	m := v.c
	a, sl := m.a, m.slice()
	d, _, ready := await(m, "components", sl, nil, words.BusyComponents, func(ctx context.Context) (heatData, error) {
		return heatmapOf(ctx, a, sl)
	})
	if !ready {
		return // asked again on the next Sync, until it is in
	}
	v.built = k
	v.bc, v.names, v.folds, v.texts, v.cols = d.bc, d.names, d.folds, d.texts, d.cols
	v.applicable = v.bc.NotApplicableAny()
	v.longest = d.nameW
	v.compNames = make([]string, len(v.bc.Components))
	v.compCodes = make([]*string, len(v.bc.Components))
	for i, c := range v.bc.Components {
		v.compNames[i], v.compCodes[i] = c.Name, c.Code
	}
	v.fitColumns()
	v.resort()
}

// heatData is a bloc's heatmap rows as the components view shows them.
type heatData struct {
	bc                  analysis.BlocComponents
	names, folds, texts []string
	cols                [][]*analysis.ComponentScore // [unit][component]
	nameW               int                          // the widest unit name
}

// heatmapOf builds the heatmap rows of slice sl: pure, so it may run off
// the update loop.
func heatmapOf(ctx context.Context, a *analysis.Analysis, sl data.Slice) (heatData, error) {
	var d heatData
	d.bc, _ = a.Components(sl)
	n := len(d.bc.Units)
	d.names = make([]string, n)
	d.folds = make([]string, n)
	d.texts = make([]string, n)
	d.cols = make([][]*analysis.ComponentScore, n)
	d.nameW = 6
	for i := range d.bc.Units {
		if cancelled(ctx, i) {
			return d, ctx.Err()
		}
		u := &d.bc.Units[i]
		d.names[i] = p(u.Unit)
		code := ""
		if u.UnitCode != nil {
			code = " " + *u.UnitCode
		}
		d.folds[i] = data.Fold(u.Unit + code)
		d.texts[i] = u.Unit + code
		d.nameW = max(d.nameW, text.Width(d.names[i]))
		row := make([]*analysis.ComponentScore, len(d.bc.Components))
		for j := range d.bc.Components {
			if j < len(u.Components) {
				row[j] = &u.Components[j]
			}
		}
		d.cols[i] = row
	}
	return d, nil
}

// fitColumns lays the columns out for the width: the unit column keeps
// three components in sight and widens with the terminal once all fit;
// the components are headed by their names, abbreviated to fit.
func (v *componentsView) fitColumns() {
	if v.bc.Components == nil && v.longest == 0 {
		return
	}
	cols := []grid.Column{
		{Title: v.c.say(words.HeadRank), Width: 4, Align: grid.Right},
		{Title: v.c.say(words.HeadUnit)},
		{Title: v.c.say(words.HeadScore), Width: scoreWidth(v.c.ds), Align: grid.Right},
	}
	fixed := 2 + fixedWidth(cols[:ccUnit]) + fixedWidth(cols[ccUnit+1:])
	// a score and its heat glyph
	unitW, compW := compLayout(v.w, fixed, v.longest, 40, len(v.bc.Components), max(minCompW, scoreWidth(v.c.ds)+1), 3)
	cols[ccUnit].Width = unitW
	v.titles = compTitles(v.compCodes, v.compNames, compW)
	for _, t := range v.titles {
		cols = append(cols, grid.Column{Title: t, Width: compW, Align: grid.Right})
	}
	v.g.SetColumns(cols)
}

func (v *componentsView) SetSize(w, h int) {
	v.w, v.h = w, h
	v.fitColumns()
	v.g.SetSize(w, max(1, h-1))
}

func (v *componentsView) heat(cs *analysis.ComponentScore) grid.Cell {
	nf := markOf(v.c.lang)
	if cs != nil && cs.NotApplicable {
		return grid.Cell{Text: v.c.say(words.NotApplicable) + " ", Kind: styles.KMuted}
	}
	if cs == nil || cs.Score == nil {
		return grid.Cell{}
	}
	if cs.Pct == nil || cs.Bonus { // a bonus is extra points, not a heat of weakness
		return grid.Cell{Text: nf.Score(*cs.Score, scorePad(v.c.ds)) + " "}
	}
	glyph := styles.HeatGlyph(*cs.Pct)
	if v.pts() {
		return grid.Cell{Text: nf.Score(*cs.Score, scorePad(v.c.ds)) + glyph, Kind: styles.Heat(*cs.Pct)}
	}
	return grid.Cell{Text: nf.Pct(*cs.Pct, 0) + glyph, Kind: styles.Heat(*cs.Pct)}
}

// Cell implements grid.Source.
func (v *componentsView) Cell(row, col int) grid.Cell {
	nf := markOf(v.c.lang)
	u := &v.bc.Units[row]
	switch col {
	case ccRank:
		if u.Rank != nil {
			return grid.Cell{Text: nf.Int(*u.Rank)}
		}
		return grid.Cell{Text: numfmt.Dash, Kind: styles.KMuted}
	case ccUnit:
		return grid.Cell{Text: v.names[row]}
	case ccScore:
		return grid.Cell{Text: nf.ScoreP(u.Score, scorePad(v.c.ds))}
	}
	c := col - ccComps
	if c < len(v.cols[row]) {
		return v.heat(v.cols[row][c])
	}
	return grid.Cell{}
}

// pinned is the bloc mean row.
func (v *componentsView) pinned(col int) grid.Cell {
	nf := markOf(v.c.lang)
	switch col {
	case ccRank:
		return grid.Cell{}
	case ccUnit:
		return grid.Cell{Text: v.c.say(words.HeadBlocMean), Kind: styles.KAccent}
	case ccScore:
		if bs, ok := v.c.a.BlocSummary(v.c.slice()); ok && bs.Mean != nil {
			return grid.Cell{Text: nf.Fixed(*bs.Mean, 2), Kind: styles.KAccent}
		}
		return grid.Cell{}
	}
	c := col - ccComps
	if c >= len(v.bc.Components) {
		return grid.Cell{}
	}
	s := &v.bc.Components[c]
	if s.Mean == nil {
		return grid.Cell{}
	}
	if s.Bonus {
		return grid.Cell{Text: nf.Fixed(*s.Mean, 2) + " ", Kind: styles.KAccent}
	}
	if s.MeanPct == nil || v.pts() {
		k := styles.KAccent
		g := " "
		if s.MeanPct != nil {
			k, g = styles.Heat(*s.MeanPct), styles.HeatGlyph(*s.MeanPct)
		}
		return grid.Cell{Text: nf.Fixed(*s.Mean, 2) + g, Kind: k}
	}
	return grid.Cell{Text: nf.Pct(*s.MeanPct, 0) + styles.HeatGlyph(*s.MeanPct), Kind: styles.Heat(*s.MeanPct)}
}

// --- the pane's source ------------------------------------------------------

func (v *componentsView) rowCount() int          { return len(v.bc.Units) }
func (v *componentsView) rowFold(i int) string   { return v.folds[i] }
func (v *componentsView) rowText(i int) string   { return v.texts[i] }
func (v *componentsView) rowUnit(i int) string   { return v.bc.Units[i].UnitID }
func (v *componentsView) firstDesc(col int) bool { return col >= ccScore }
func (v *componentsView) frozen() int            { return 2 } // rank, unit

func (v *componentsView) sortKey(col int) func(i int) sortKey {
	switch col {
	case ccRank:
		return func(i int) sortKey { return sortKey{f: float64(i)} }
	case ccUnit:
		return func(i int) sortKey { return sortKey{s: v.folds[i]} }
	case ccScore:
		return func(i int) sortKey { return floatKey(v.bc.Units[i].Score) }
	}
	c := col - ccComps
	return func(i int) sortKey {
		if c >= len(v.cols[i]) || v.cols[i][c] == nil {
			return sortKey{missing: true}
		}
		cs := v.cols[i][c]
		x := cs.Pct
		if v.pts() || x == nil {
			x = cs.Score
		}
		return floatKey(x)
	}
}

func (v *componentsView) Render(w, h int) string {
	st := v.c.st
	if len(v.bc.Components) == 0 {
		return text.Lines([]string{"", " " + st.Muted.Render(v.c.sayf(words.NoComponents, p(v.c.bloc), v.c.year))}, w, h)
	}
	legend := v.c.say(words.ComponentsLegend)
	if v.applicable {
		legend = v.c.say(words.ComponentsLegendApplicable)
	}
	if v.bc.MostLostName != nil {
		legend += v.c.say(words.MostLost) + ps(v.bc.MostLostName)
	}
	if h <= 1 {
		return text.Lines([]string{st.Muted.Render(text.Truncate(legend, w))}, w, h)
	}
	// the columns' names under the table: the focused one first
	names := compLegend(v.titles, v.compNames, v.g.Col()-ccComps, w, min(3, max(0, (h-6)/6)))
	body := v.g.Render(w, max(1, h-1-len(names)))
	for _, l := range names {
		body += "\n" + st.Muted.Render(text.Left(l, w))
	}
	return body + "\n" + st.Muted.Render(text.Left(legend, w))
}

func (v *componentsView) help(k *KeyMap) (short, full []key.Binding) {
	n, rk := k.Nav, k.Rank
	return []key.Binding{v.enterKey(k), n.Right, rk.Sort, rk.Points, rk.Filter},
		[]key.Binding{rk.Sort, rk.Points, rk.Filter, rk.ClearFilter, rk.NextMatch, rk.PrevMatch}
}

func (v *componentsView) Status() string {
	parts := v.status(v.c.sayf(words.StatusUnitsByComps, len(v.bc.Components)))
	if v.pts() {
		parts = append(parts, v.c.say(words.StatusPoints))
	} else {
		parts = append(parts, v.c.say(words.StatusPct))
	}
	if f := focusedName(v.c, v.titles, v.compNames, v.g.Col()-ccComps); f != "" {
		parts = append(parts, f)
	}
	return strings.Join(parts, " · ")
}
