package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/grid"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// The columns of an opened area.
const (
	tcCode = iota
	tcName
	tcScore // the unit's score of its applicable maximum (p: % of it)
	tcLost
	tcVsMean
	tcChange
	tcMean
	tcBest
	tcBestUnits
	tcLostMean
	tcNotApplicable
	tcCount
)

// treeView is an area (or a criterion) of the PAR tree opened into its
// parts over the components heatmap: for each criterion, the unit chosen in
// the heatmap (its score, points lost, distance to the bloc's mean) beside
// the bloc's mean, best, the units at the best and the points the bloc's
// units lost on average. The area itself is pinned under the heading.
// enter opens a criterion that has parts; backspace goes back up.
type treeView struct {
	gridPane
	key    string // the component opened
	chosen string // the unit chosen in the heatmap

	built  string
	br     analysis.TreeBranch
	has    bool
	unitID string // the unit shown: the chosen one, else the bloc's first when it is not in the bloc
	unit   string
	total  *float64
	rows   []treeRow // the parts
	node   treeRow   // the opened component
	w, h   int
}

// bestUnitsWidth is the widest the column of the units at the best gets.
const bestUnitsWidth = 24

// treeRow is one part's numbers, the bloc's and the unit's.
type treeRow struct {
	part analysis.TreePart
	mine *analysis.CriterionRow // nil when the unit has no row on it
	best string                 // the units at the best, written out
	fold string
	text string
}

func newTreeView(c *viewCtx, key, unitID string) *treeView {
	return table(c, &treeView{key: key, chosen: unitID})
}

// Title is the opened component, on the path shown beside the tabs.
func (v *treeView) Title() string {
	if !v.has {
		return p(v.key)
	}
	return text.Truncate(strings.TrimSpace(ps(v.br.Node.Code)+" "+p(v.br.Node.Name)), 24)
}

func (v *treeView) Sync() {
	c := v.c
	k := fmt.Sprintf("%d|%s", c.version, c.lang)
	if k == v.built {
		return
	}
	v.built = k
	v.br, v.has = c.a.TreeBranch(c.slice(), v.key)
	mine := v.unitRows()
	v.rows = v.rows[:0]
	if v.has {
		v.node = v.treeRow(v.br.Node, mine)
		for _, pt := range v.br.Parts {
			v.rows = append(v.rows, v.treeRow(pt, mine))
		}
	}
	v.setColumns()
	v.resort()
}

// unitRows finds the unit's tree in the bloc: the chosen unit, else (after
// a change of bloc or year) the bloc's first in the league table.
func (v *treeView) unitRows() map[string]*analysis.CriterionRow {
	c := v.c
	v.unitID, v.unit, v.total = "", "", nil
	ut, ok := c.a.UnitTree(c.index, c.year, v.chosen)
	if !ok || ut.Bloc != v.br.Bloc {
		ok = false
		if bc, found := c.a.Components(c.slice()); found && len(bc.Units) > 0 {
			ut, ok = c.a.UnitTree(c.index, c.year, bc.Units[0].UnitID)
		}
	}
	if !ok {
		return nil
	}
	v.unitID, v.unit, v.total = ut.UnitID, ut.Unit, ut.Score
	out := make(map[string]*analysis.CriterionRow, len(ut.Rows))
	for i := range ut.Rows {
		out[ut.Rows[i].Key] = &ut.Rows[i]
	}
	return out
}

func (v *treeView) treeRow(pt analysis.TreePart, mine map[string]*analysis.CriterionRow) treeRow {
	r := treeRow{part: pt, mine: mine[pt.Key]}
	if len(pt.BestUnits) > 0 {
		name := pt.BestUnits[0]
		if u, ok := v.c.a.UnitByID(name); ok {
			name = u.Unit
		}
		more := ""
		if n := len(pt.BestUnits) - 1; n > 0 {
			more = " +" + markOf(v.c.lang).Int(n) // the count stays in sight when the name is cut
		}
		r.best = text.Truncate(p(name), bestUnitsWidth-text.Width(more)) + more
	}
	r.text = ps(pt.Code) + " " + pt.Name
	r.fold = data.Fold(r.text)
	return r
}

func (v *treeView) setColumns() {
	say := v.c.say
	level := words.LevelCriterion
	if v.has && v.br.Node.Level > 0 {
		level = words.LevelSub
	}
	score := words.ColScoreOfMax
	if v.alt {
		score = words.ColShare
	}
	titles := [tcCount]string{say(words.DrillCode), say(level), say(score), say(words.ColLostShort), say(words.DrillVsMean), "±",
		say(words.ColBlocMeanShort), say(words.DrillBest), say(words.DrillBestUnits), say(words.DrillLostMean), say(words.NotApplicable)}
	cols := make([]grid.Column, tcCount)
	for i, t := range titles {
		cols[i] = grid.Column{Title: t, Width: text.Width(t), Align: grid.Right}
	}
	cols[tcName].Align, cols[tcBestUnits].Align = grid.Left, grid.Left
	for i := -1; i < len(v.rows); i++ {
		for col := range cols {
			cell := v.pinned(col)
			if i >= 0 {
				cell = v.Cell(i, col)
			}
			cols[col].Width = max(cols[col].Width, text.Width(cell.Text))
		}
	}
	// the name is frozen: on a narrow screen it leaves room for the unit's numbers
	cols[tcName].Width = min(cols[tcName].Width, 34, max(16, v.w/3))
	cols[tcBestUnits].Width = min(cols[tcBestUnits].Width, bestUnitsWidth)
	v.g.SetColumns(cols)
}

func (v *treeView) SetSize(w, h int) {
	if w != v.w && v.built != "" {
		v.w = w
		v.setColumns()
	}
	v.w, v.h = w, h
	v.g.SetSize(w, max(1, h-2))
}

// Restyle also rebuilds the cells: the words and the decimal mark may
// have changed with the language.
func (v *treeView) Restyle() {
	v.gridPane.Restyle()
	v.built = ""
}

// Cell implements grid.Source.
func (v *treeView) Cell(row, col int) grid.Cell { return v.cell(&v.rows[row], col) }

// pinned is the opened component itself.
func (v *treeView) pinned(col int) grid.Cell {
	cell := v.cell(&v.node, col)
	if col == tcName { // open already: no ▸
		cell.Text = p(v.node.part.Name)
	}
	if cell.Kind == styles.KNormal {
		cell.Kind = styles.KAccent
	}
	return cell
}

func (v *treeView) cell(r *treeRow, col int) grid.Cell {
	nf := markOf(v.c.lang)
	pad := scorePad(v.c.ds)
	num := func(x *float64, dec int) grid.Cell {
		if x == nil {
			return grid.Cell{}
		}
		return grid.Cell{Text: nf.Fixed(*x, dec)}
	}
	pt, mine := &r.part, r.mine
	switch col {
	case tcCode:
		return grid.Cell{Text: ps(pt.Code)}
	case tcName:
		if pt.HasParts {
			return grid.Cell{Text: p(pt.Name) + " ▸"}
		}
		return grid.Cell{Text: p(pt.Name)}
	case tcMean:
		return num(pt.Mean, 2)
	case tcBest:
		if pt.Best == nil {
			return grid.Cell{}
		}
		return grid.Cell{Text: nf.Score(*pt.Best, pad)}
	case tcBestUnits:
		return grid.Cell{Text: r.best}
	case tcLostMean:
		return num(pt.LostMean, 2)
	case tcNotApplicable:
		if pt.NotApplicable == 0 {
			return grid.Cell{}
		}
		return grid.Cell{Text: nf.Int(pt.NotApplicable), Kind: styles.KMuted}
	}
	if mine == nil {
		return grid.Cell{}
	}
	switch col {
	case tcScore:
		return v.score(mine)
	case tcLost:
		return num(mine.Lost, 2)
	case tcVsMean:
		if mine.VsBlocMean == nil {
			return grid.Cell{}
		}
		return grid.Cell{Text: nf.Fixed(*mine.VsBlocMean, 2), Kind: signKind(-*mine.VsBlocMean)} // below the mean is worse
	case tcChange:
		if mine.Change == nil {
			return grid.Cell{}
		}
		return grid.Cell{Text: nf.Change(*mine.Change, 2), Kind: signKind(*mine.Change)}
	}
	return grid.Cell{}
}

// score is the unit's score of its applicable maximum, or its share (p);
// "KPS" where the criterion does not apply to it.
func (v *treeView) score(r *analysis.CriterionRow) grid.Cell {
	nf := markOf(v.c.lang)
	switch {
	case r.NotApplicable:
		return grid.Cell{Text: v.c.say(words.NotApplicable), Kind: styles.KMuted}
	case r.Score == nil:
		return grid.Cell{Text: numfmt.Dash, Kind: styles.KMuted}
	}
	k := styles.KNormal
	if r.Share != nil {
		k = styles.Heat(*r.Share)
		if v.alt {
			return grid.Cell{Text: nf.Pct(*r.Share, 0) + styles.HeatGlyph(*r.Share), Kind: k}
		}
	}
	s := nf.Score(*r.Score, scorePad(v.c.ds))
	if r.ApplicableMax != nil {
		s += "/" + nf.Score(*r.ApplicableMax, 0)
	}
	return grid.Cell{Text: s, Kind: k}
}

// --- the pane's source ------------------------------------------------------

func (v *treeView) rowCount() int          { return len(v.rows) }
func (v *treeView) rowFold(i int) string   { return v.rows[i].fold }
func (v *treeView) rowText(i int) string   { return v.rows[i].text }
func (v *treeView) rowUnit(int) string     { return v.unitID }
func (v *treeView) firstDesc(col int) bool { return col >= tcScore && col != tcBestUnits }
func (v *treeView) frozen() int            { return 2 } // code, name

func (v *treeView) sortKey(col int) func(i int) sortKey {
	f := func(x func(r *treeRow) *float64) func(i int) sortKey {
		return func(i int) sortKey { return floatKey(x(&v.rows[i])) }
	}
	mine := func(x func(m *analysis.CriterionRow) *float64) func(i int) sortKey {
		return f(func(r *treeRow) *float64 {
			if r.mine == nil {
				return nil
			}
			return x(r.mine)
		})
	}
	switch col {
	case tcName:
		return func(i int) sortKey { return sortKey{s: v.rows[i].fold} }
	case tcBestUnits:
		return func(i int) sortKey { return sortKey{s: data.Fold(v.rows[i].best), missing: v.rows[i].best == ""} }
	case tcScore:
		if v.alt {
			return mine(func(m *analysis.CriterionRow) *float64 { return m.Share })
		}
		return mine(func(m *analysis.CriterionRow) *float64 { return m.Score })
	case tcLost:
		return mine(func(m *analysis.CriterionRow) *float64 { return m.Lost })
	case tcVsMean:
		return mine(func(m *analysis.CriterionRow) *float64 { return m.VsBlocMean })
	case tcChange:
		return mine(func(m *analysis.CriterionRow) *float64 { return m.Change })
	case tcMean:
		return f(func(r *treeRow) *float64 { return r.part.Mean })
	case tcBest:
		return f(func(r *treeRow) *float64 { return r.part.Best })
	case tcLostMean:
		return f(func(r *treeRow) *float64 { return r.part.LostMean })
	case tcNotApplicable:
		return func(i int) sortKey { return sortKey{f: float64(v.rows[i].part.NotApplicable)} }
	}
	return func(i int) sortKey { return sortKey{f: float64(i)} } // the code: the tree's order
}

// --- keys, mouse, drawing ---------------------------------------------------

func (v *treeView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	t := v.c.keys.Tree
	switch {
	case key.Matches(msg, t.Up):
		v.c.pop()
		return true, nil
	case key.Matches(msg, t.Open):
		v.openRow()
		return true, nil
	}
	handled, cmd := v.gridPane.HandleKey(msg)
	if key.Matches(msg, v.c.keys.Rank.Points) {
		v.setColumns() // the score column's title: points or share
	}
	return handled, cmd
}

// openRow opens the cursor's criterion into its parts; a criterion without
// parts opens the unit's page (its whole tree).
func (v *treeView) openRow() {
	r := v.g.CursorRow()
	if r < 0 || r >= len(v.rows) {
		return
	}
	if v.rows[r].part.HasParts {
		v.c.push(newTreeView(v.c, v.rows[r].part.Key, v.unitID))
		return
	}
	v.c.openUnit(v.unitID)
}

// Click: the first line is the unit's; on the grid, a heading sorts and a
// second click on a row opens it.
func (v *treeView) Click(x, y int) tea.Cmd {
	switch {
	case y <= 0:
	case y == 1:
		return v.gridPane.Click(x, 0)
	case v.g.ClickRow(y - 1):
		v.openRow()
	}
	return nil
}

func (v *treeView) Render(w, h int) string {
	c, st := v.c, v.c.st
	if !v.has {
		msg := c.sayf(words.DrillNoBranch, p(c.bloc), c.year, p(v.key))
		return text.Lines([]string{"", " " + st.Muted.Render(msg)}, w, h)
	}
	head := " " + st.Muted.Render(c.say(words.DrillNoUnit))
	if v.unitID != "" {
		sub := " · " + c.sayf(words.DrillUnitLine, p(v.br.Bloc), v.br.Year)
		if v.total != nil {
			sub += " · " + markOf(c.lang).Score(*v.total, scorePad(c.ds)) + c.say(words.UnitPoints)
		}
		head = st.Bold.Render(" "+p(v.unit)) + st.Muted.Render(sub)
	}
	if h <= 2 {
		return text.Lines([]string{text.Truncate(head, w)}, w, h)
	}
	return text.Lines([]string{text.Truncate(head, w)}, w, 1) + "\n" + v.g.Render(w, h-2) + "\n" +
		st.Muted.Render(text.Left(c.say(words.DrillLegend), w))
}

func (v *treeView) help(k *KeyMap) (short, full []key.Binding) {
	t, rk := k.Tree, k.Rank
	return []key.Binding{t.Open, t.Up, rk.Sort, rk.Points, rk.Filter},
		[]key.Binding{t.Open, t.Up, rk.Sort, rk.Points, rk.Filter, rk.ClearFilter, rk.NextMatch, rk.PrevMatch}
}

func (v *treeView) Status() string {
	parts := v.status(v.c.say(words.StatusParts))
	if v.alt {
		parts = append(parts, v.c.say(words.ColShare))
	} else {
		parts = append(parts, v.c.say(words.StatusPoints))
	}
	return strings.Join(parts, " · ")
}

// exportTable is the opened component's parts as shown (y and w), with
// the component itself first, as it is pinned on screen.
func (v *treeView) exportTable() (*present.Table, string) {
	if !v.has {
		return nil, ""
	}
	t := v.gridExport()
	for k, r := range v.g.Rows() { // a code ("1", "2.100") is text, not a number
		t.Rows[k][tcCode] = ps(v.rows[r].part.Code)
	}
	node := make([]any, len(v.g.Cols))
	for col := range node {
		node[col] = shownValue(v.pinned(col).Text, markOf(v.c.lang))
	}
	node[tcCode] = ps(v.node.part.Code)
	t.Rows = append([][]any{node}, t.Rows...)
	return t, "tieu-chi-" + data.Fold(v.key)
}

// --- the heatmap's side -----------------------------------------------------

// HandleKey opens the area under the heatmap's cursor into its criteria
// (enter, when the dataset has a tree and the area has parts); every
// other key is the table's.
func (v *componentsView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if key.Matches(msg, v.c.keys.Nav.Enter) && v.openArea() {
		return true, nil
	}
	return v.gridPane.HandleKey(msg)
}

// openArea opens the cursor column's area for the cursor row's unit.
func (v *componentsView) openArea() bool {
	col, row := v.g.Col()-ccComps, v.g.CursorRow()
	if !v.c.a.HasTree() || col < 0 || col >= len(v.bc.Components) || row < 0 || row >= len(v.bc.Units) {
		return false
	}
	key := v.bc.Components[col].Key
	if br, ok := v.c.a.TreeBranch(v.c.slice(), key); !ok || !br.Node.HasParts {
		return false
	}
	v.c.push(newTreeView(v.c, key, v.bc.Units[row].UnitID))
	return true
}

// enterKey is what enter does in the heatmap: open the unit, or with a
// tree, an area's criteria as well.
func (v *componentsView) enterKey(k *KeyMap) key.Binding {
	if v.c != nil && v.c.a != nil && v.c.a.HasTree() {
		return k.Tree.Open
	}
	return k.Nav.Enter
}
