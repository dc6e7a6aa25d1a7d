package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/chart"
	"github.com/parlens/parlens/tui/grid"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// Ranking columns (components follow).
const (
	rcRank = iota
	rcDRank
	rcUnit
	rcScore
	rcDScore
	rcGrade
	rcDGrade
	rcSpark
	rcComps // first component column
)

// rankingView is a bloc's league table: rank, Δrank, unit, score, Δscore,
// grade and its change, a sparkline of the unit's scores, and one column per
// component (points or % of max). Sortable by any column, filterable, with
// the first three columns frozen.
type rankingView struct {
	gridPane
	built string

	tbl   analysis.Table
	comps analysis.BlocComponents
	rows  []rankRow
	years []int // sparkline years (up to the selected one)
	// sparkBreaks is the most mergers or splits a row's sparkline marks
	// (chart.BreakGlyph, one cell each), for the column's width.
	sparkBreaks int
	// warned are the units whose rows carry data warnings: marked "!"
	warned map[string][]analysis.Caveat
	merged map[string]string // units in their first year after a merger or split → mergedGlyph (view_lineage.go)

	w, h   int
	nameW  int      // the longest unit name
	titles []string // the component columns' headings
	gradeW int
	prev   *unitView // preview of the cursor unit
}

type rankRow struct {
	r       *analysis.Row
	uc      *analysis.UnitComponents
	name    string // printable
	fold    string // folded name and code, for the filter
	text    string // name and code as written, for a filter with diacritics
	isNew   bool
	gstep   int // grade levels moved: + up, − down
	glvl    int
	spark   string
	sparkOK bool
}

func newRanking(c *viewCtx) *rankingView { return table(c, &rankingView{}) }

func (v *rankingView) Title() string { return v.c.say(words.TabRanking) }

// pct: the components show % of their maximum instead of points (p).
func (v *rankingView) pct() bool { return v.alt }

func (v *rankingView) key() string {
	return fmt.Sprintf("%d", v.c.version)
}

// Sync rebuilds the table when the index, year or bloc changed: off the
// update loop on a large dataset (rankingOf).
func (v *rankingView) Sync() {
	if v.built == v.key() {
		return
	}
	m := v.c
	a, ds, sl, warnings := m.a, m.ds, m.slice(), m.warnings
	d, _, ready := await(m, "ranking", sl, nil, words.BusyRanking, func(ctx context.Context) (rankData, error) {
		return rankDataOf(ctx, a, ds, sl, warnings)
	})
	if !ready {
		return // asked again on the next Sync, until it is in
	}
	v.built = v.key()
	v.tbl, v.comps, v.rows, v.gradeW, v.warned, v.merged = d.tbl, d.comps, d.rows, d.gradeW, d.warned, d.merged
	v.nameW = d.maxName
	v.years = v.years[:0]
	for _, y := range m.years {
		if y <= m.year {
			v.years = append(v.years, y)
		}
	}
	if len(v.years) > 12 {
		v.years = v.years[len(v.years)-12:]
	}
	v.sparkBreaks = 0
	for i := range v.rows {
		_, drawn := chartBreaks(m.a, m.index, v.rows[i].r.UnitID, v.years)
		v.sparkBreaks = max(v.sparkBreaks, len(drawn))
	}
	v.columns()
	v.g.Invalidate()
	v.resort()
}

// rankData is a bloc's league table as the ranking view shows it.
type rankData struct {
	tbl     analysis.Table
	comps   analysis.BlocComponents
	rows    []rankRow
	maxName int // the widest unit name
	gradeW  int // the widest grade
	warned  map[string][]analysis.Caveat
	merged  map[string]string // units in their first year after a merger or split → mergedGlyph
}

// rankDataOf builds the ranking of slice sl: pure, so it may run off the
// update loop.
func rankDataOf(ctx context.Context, a *analysis.Analysis, ds *data.Dataset, sl data.Slice, warnings []analysis.Caveat) (rankData, error) {
	var d rankData
	d.tbl, _ = a.Table(sl)
	d.comps, _ = a.Components(sl)
	if err := ctx.Err(); err != nil {
		return d, err
	}
	byUnit := make(map[string]*analysis.UnitComponents, len(d.comps.Units))
	for i := range d.comps.Units {
		byUnit[d.comps.Units[i].UnitID] = &d.comps.Units[i]
	}
	isNew := map[string]bool{}
	gstep := map[string]int{}
	for _, mv := range a.BlocMovers(sl) {
		switch mv.Kind {
		case analysis.NewUnit:
			isNew[mv.UnitID] = true
		case analysis.GradeUp:
			gstep[mv.UnitID] = stepsOf(mv)
		case analysis.GradeDown:
			gstep[mv.UnitID] = -stepsOf(mv)
		}
	}
	d.merged = mergedMarks(a, sl)
	d.rows = make([]rankRow, len(d.tbl.Rows))
	d.maxName = 6
	d.gradeW = 8
	for i := range d.tbl.Rows {
		if cancelled(ctx, i) {
			return d, ctx.Err()
		}
		r := &d.tbl.Rows[i]
		name := p(r.Unit) + d.merged[r.UnitID]
		code := ""
		if r.UnitCode != nil {
			code = " " + *r.UnitCode
		}
		rr := rankRow{r: r, uc: byUnit[r.UnitID], name: name, fold: data.Fold(r.Unit + code), text: r.Unit + code,
			isNew: isNew[r.UnitID], gstep: gstep[r.UnitID], glvl: -1}
		if r.Grade != nil {
			if lvl, ok := ds.GradeLevel(sl, *r.Grade); ok {
				rr.glvl = lvl
			}
			d.gradeW = max(d.gradeW, text.Width(p(*r.Grade)))
		}
		d.maxName = max(d.maxName, text.Width(name))
		d.rows[i] = rr
	}
	d.warned = unitWarnings(warnings, sl.Index, sl.Year, sl.Bloc)
	return d, nil
}

func stepsOf(mv analysis.Mover) int {
	if mv.Steps != nil {
		return *mv.Steps
	}
	return 1
}

// columns sets the grid's columns for the current table and width.
func (v *rankingView) columns() {
	cols := []grid.Column{
		{Title: v.c.say(words.HeadRank), Width: 4, Align: grid.Right},
		{Title: v.c.say(words.HeadRankChange), Width: 5, Align: grid.Right},
		{Title: v.c.say(words.HeadUnit), Width: v.nameW},
		{Title: v.c.say(words.HeadScore), Width: scoreWidth(v.c.ds), Align: grid.Right},
		{Title: v.c.say(words.HeadScoreChange), Width: 6, Align: grid.Right},
		{Title: v.c.say(words.HeadGrade), Width: v.gradeW},
		{Title: v.c.say(words.HeadGradeChange), Width: 3},
		{Title: v.c.say(words.HeadHistory), Width: max(7, len(v.years)+v.sparkBreaks)},
	}
	// the unit column takes the room the fixed columns leave, up to the
	// longest name; the component columns are headed by their names,
	// abbreviated to their width
	fixed := 2 + fixedWidth(cols[:rcUnit]) + fixedWidth(cols[rcUnit+1:])
	minW := max(minCompW, scoreWidth(v.c.ds))
	unitW, compW := compLayout(v.w, fixed, v.nameW, 48, len(v.comps.Components), minW, 0)
	cols[rcUnit].Width = unitW
	v.titles = compTitles(v.compCodes(), v.compNames(), compW)
	for _, t := range v.titles {
		cols = append(cols, grid.Column{Title: t, Width: compW, Align: grid.Right})
	}
	v.g.SetColumns(cols)
}

// compNames and compCodes are the bloc's components' names and codes,
// in column order.
func (v *rankingView) compNames() []string {
	out := make([]string, len(v.comps.Components))
	for i, c := range v.comps.Components {
		out[i] = c.Name
	}
	return out
}

func (v *rankingView) compCodes() []*string {
	out := make([]*string, len(v.comps.Components))
	for i, c := range v.comps.Components {
		out[i] = c.Code
	}
	return out
}

func (v *rankingView) SetSize(w, h int) {
	v.w, v.h = w, h
	v.columns()
	v.g.SetSize(w, h)
}

// Cell implements grid.Source.
func (v *rankingView) Cell(row, col int) grid.Cell {
	nf := markOf(v.c.lang)
	rr := &v.rows[row]
	r := rr.r
	switch col {
	case rcRank:
		switch {
		case r.Rank != nil:
			return grid.Cell{Text: nf.Int(*r.Rank)}
		case r.NotRanked:
			return grid.Cell{Text: v.c.say(words.NotRanked), Kind: styles.KMuted}
		}
		return grid.Cell{Text: numfmt.Dash, Kind: styles.KMuted}
	case rcDRank:
		d := rankDelta(r.RankChange, rr.isNew, v.c.lang)
		k := styles.KMuted
		if r.RankChange != nil {
			k = signKindInt(*r.RankChange)
		}
		if rr.isNew {
			k = styles.KAccent
		}
		return grid.Cell{Text: d, Kind: k}
	case rcUnit:
		if slices.Contains(v.c.compare, r.UnitID) {
			return grid.Cell{Text: "◆ " + rr.name, Kind: styles.KAccent}
		}
		return grid.Cell{Text: rr.name}
	case rcScore:
		return grid.Cell{Text: nf.ScoreP(r.Score, scorePad(v.c.ds))}
	case rcDScore:
		if r.Change == nil {
			return grid.Cell{}
		}
		return grid.Cell{Text: nf.Change(*r.Change, 2), Kind: signKind(*r.Change)}
	case rcGrade:
		return grid.Cell{Text: ps(r.Grade), Kind: styles.Grade(rr.glvl)}
	case rcDGrade:
		switch {
		case rr.gstep > 0:
			return grid.Cell{Text: "▲" + itoa(rr.gstep), Kind: styles.KGood}
		case rr.gstep < 0:
			return grid.Cell{Text: "▼" + itoa(-rr.gstep), Kind: styles.KBad}
		}
		return grid.Cell{}
	case rcSpark:
		return grid.Cell{Text: v.spark(rr), Kind: styles.KAccent}
	}
	c := col - rcComps
	if rr.uc == nil || c >= len(v.comps.Components) {
		return grid.Cell{}
	}
	cs := v.compScore(rr, c)
	if cs == nil || cs.Score == nil {
		return grid.Cell{}
	}
	k := styles.KNormal
	if cs.Pct != nil && !cs.Bonus { // a bonus not earned is no weakness
		k = styles.Heat(*cs.Pct)
	}
	if v.pct() {
		if cs.Pct == nil {
			return grid.Cell{Text: numfmt.Dash, Kind: styles.KMuted}
		}
		return grid.Cell{Text: nf.Pct(*cs.Pct, 0), Kind: k}
	}
	return grid.Cell{Text: nf.Score(*cs.Score, scorePad(v.c.ds)), Kind: k}
}

func (v *rankingView) help(k *KeyMap) (short, full []key.Binding) {
	n, rk := k.Nav, k.Rank
	return []key.Binding{n.Enter, rk.Filter, rk.Sort, n.Right, rk.Points, rk.MarkUnit},
		[]key.Binding{rk.Filter, rk.ClearFilter, rk.NextMatch, rk.PrevMatch, rk.Sort, rk.Points, rk.MarkUnit, k.Global.Compare}
}

// mark flags a row that carries a data warning (the Cảnh báo tab lists them).
func (v *rankingView) mark(row int) grid.Cell {
	if len(v.warned[v.rows[row].r.UnitID]) > 0 {
		return grid.Cell{Text: "!", Kind: styles.KWarn}
	}
	return grid.Cell{}
}

// compScore is a unit's score on the bloc's c-th component (the row's
// components are aligned with the bloc's).
func (v *rankingView) compScore(rr *rankRow, c int) *analysis.ComponentScore {
	if rr.uc != nil && c < len(rr.uc.Components) {
		return &rr.uc.Components[c]
	}
	return nil
}

// spark draws the unit's score across the years (cached per row), a
// chart.BreakGlyph between the years a merger or split separates.
func (v *rankingView) spark(rr *rankRow) string {
	if rr.sparkOK {
		return rr.spark
	}
	rr.sparkOK = true
	h, ok := v.c.a.IndexHistory(v.c.index, rr.r.UnitID)
	if !ok {
		return ""
	}
	vals := make([]float64, len(v.years))
	for i := range vals {
		vals[i] = math.NaN()
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, pt := range h.Points {
		if pt.Score == nil {
			continue
		}
		if i := slices.Index(v.years, pt.Year); i >= 0 {
			vals[i] = *pt.Score
			lo, hi = min(lo, *pt.Score), max(hi, *pt.Score)
		}
	}
	if hi-lo < 10 { // a small wobble stays small
		mid := (hi + lo) / 2
		lo, hi = mid-5, mid+5
	}
	breaks, _ := chartBreaks(v.c.a, v.c.index, rr.r.UnitID, v.years)
	rr.spark = chart.Sparkline(vals, breaks, lo, hi)
	return rr.spark
}

// --- the pane's source ------------------------------------------------------

func (v *rankingView) rowCount() int        { return len(v.rows) }
func (v *rankingView) rowFold(i int) string { return v.rows[i].fold }
func (v *rankingView) rowText(i int) string { return v.rows[i].text }
func (v *rankingView) frozen() int          { return 3 } // rank, ±rank, unit
func (v *rankingView) rowUnit(i int) string { return v.rows[i].r.UnitID }

func (v *rankingView) sortKey(col int) func(i int) sortKey {
	switch col {
	case rcRank:
		return func(i int) sortKey { return sortKey{f: float64(i)} }
	case rcDRank:
		return func(i int) sortKey {
			if c := v.rows[i].r.RankChange; c != nil {
				return sortKey{f: float64(*c)}
			}
			return sortKey{missing: true}
		}
	case rcUnit:
		return func(i int) sortKey { return sortKey{s: v.rows[i].fold, f: 0} }
	case rcScore, rcSpark:
		return func(i int) sortKey { return floatKey(v.rows[i].r.Score) }
	case rcDScore:
		return func(i int) sortKey { return floatKey(v.rows[i].r.Change) }
	case rcGrade:
		return func(i int) sortKey {
			if v.rows[i].glvl < 0 {
				return sortKey{missing: true}
			}
			return sortKey{f: float64(v.rows[i].glvl)}
		}
	case rcDGrade:
		return func(i int) sortKey { return sortKey{f: float64(v.rows[i].gstep)} }
	}
	c := col - rcComps
	return func(i int) sortKey {
		rr := &v.rows[i]
		if rr.uc == nil || c >= len(v.comps.Components) {
			return sortKey{missing: true}
		}
		cs := v.compScore(rr, c)
		if cs == nil {
			return sortKey{missing: true}
		}
		if v.pct() {
			return floatKey(cs.Pct)
		}
		return floatKey(cs.Score)
	}
}

// firstDesc: numbers sort best first, rank, unit and grade ascending.
func (v *rankingView) firstDesc(col int) bool {
	switch col {
	case rcRank, rcUnit, rcGrade:
		return false
	}
	return true
}

// SelectedUnit is the unit under the cursor ("" when none).
func (v *rankingView) SelectedUnit() string {
	v.Sync()
	if v.built != v.key() {
		return "" // its rows are being computed: none is on screen
	}
	if r := v.g.CursorRow(); r >= 0 && r < len(v.rows) {
		return v.rows[r].r.UnitID
	}
	return ""
}

// --- the view ---------------------------------------------------------------

func (v *rankingView) Render(w, h int) string {
	legend := v.legend(w, h)
	if len(legend) == 0 {
		return v.render(w, h)
	}
	return v.render(w, h-len(legend)) + "\n" + strings.Join(legend, "\n")
}

// legend names the component columns in sight (code → full name), the
// focused one first, under the table: one line, two on a tall screen.
func (v *rankingView) legend(w, h int) []string {
	if h < 12 || len(v.rows) == 0 || v.g.Len() == 0 {
		return nil
	}
	seen := false
	for _, c := range v.g.Visible() {
		seen = seen || c >= rcComps
	}
	if !seen {
		return nil
	}
	lines := compLegend(v.titles, v.compNames(), v.g.Col()-rcComps, w, 1+h/30)
	for i, l := range lines {
		lines[i] = v.c.st.Muted.Render(text.Left(l, w))
	}
	return lines
}

func (v *rankingView) render(w, h int) string {
	if len(v.rows) == 0 {
		return text.Lines([]string{"", " " + v.c.st.Muted.Render(v.c.sayf(words.NoRankingData, p(v.c.bloc), v.c.year))}, w, h)
	}
	if v.g.Len() == 0 {
		return text.Lines([]string{v.gHeading(w), "", " " + v.c.st.Muted.Render(v.c.sayf(words.NoMatch, p(v.filter)))}, w, h)
	}
	// a short table on a tall screen: the selected unit under it
	need := v.g.Len() + 1
	if spare := h - need - 1; spare >= 10 && w >= MinWidth {
		return v.g.Render(w, need) + "\n" + v.c.st.Muted.Render(text.Left(v.c.say(words.ChosenUnit), w)) + "\n" + v.preview(w, spare)
	}
	return v.g.Render(w, h)
}

// preview draws the top of the cursor unit's page.
func (v *rankingView) preview(w, h int) string {
	id := v.SelectedUnit()
	if id == "" {
		return text.Lines(nil, w, h)
	}
	if v.prev == nil || v.prev.unitID != id {
		v.prev = newUnitView(v.c, id)
	}
	return v.prev.Render(w, h)
}

func (v *rankingView) gHeading(w int) string {
	return strings.SplitN(v.g.Render(w, 1), "\n", 2)[0]
}

func (v *rankingView) Status() string {
	parts := v.status(v.c.say(words.StatusUnits))
	if len(v.g.Cols) > 0 {
		l, r := v.g.Hidden()
		if l || r {
			vis := v.g.Visible()
			parts = append(parts, v.c.sayf(words.StatusColumns, v.g.HOffset()+1, vis[len(vis)-1]+1, len(v.g.Cols)))
		}
	}
	if v.pct() {
		parts = append(parts, v.c.say(words.StatusPctOfMax))
	}
	if f := focusedName(v.c, v.titles, v.compNames(), v.g.Col()-rcComps); f != "" {
		parts = append(parts, f)
	}
	if n := len(v.warned); n > 0 {
		parts = append(parts, v.c.sayf(words.StatusWarnedUnits, n))
	}
	parts = append(parts, mergedStatus(v.c, len(v.merged), v.sparkBreaks > 0)...)
	return strings.Join(parts, " · ")
}

// HandleKey marks the cursor's unit for the comparison (space), else
// takes the table's keys.
func (v *rankingView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if !key.Matches(msg, v.c.keys.Rank.MarkUnit) {
		return v.gridPane.HandleKey(msg)
	}
	if r := v.g.CursorRow(); r >= 0 && r < len(v.rows) {
		msgW := words.CompareUnmark
		if v.c.toggleCompare(v.rows[r].r.UnitID) {
			msgW = words.CompareMarked
		}
		v.c.flash(v.c.sayf(msgW, v.rows[r].name, len(v.c.compare)), false)
		v.g.Invalidate()
	}
	return true, nil
}
