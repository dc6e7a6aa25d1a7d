package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
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
	m     *Model
	g     grid.Grid
	built string
	bc    analysis.BlocComponents
	names []string
	folds []string
	cols  [][]*analysis.ComponentScore // [unit][component]

	pts      bool // points instead of %
	sortCol  int
	sortDesc bool
	sorted   []int
	filter   string
	folded   string
	w, h     int
}

func newComponents(m *Model) *componentsView {
	v := &componentsView{m: m}
	v.g.St = m.st
	v.g.Src = v
	v.g.Frozen = 2
	v.g.SortCol = ccRank
	v.g.Pinned = v.pinned
	return v
}

func (v *componentsView) Kind() viewKind { return kindComponents }
func (v *componentsView) Title() string  { return "Lĩnh vực" }
func (v *componentsView) Restyle() {
	v.g.St = v.m.st
	v.g.Invalidate()
}

func (v *componentsView) Sync() {
	k := fmt.Sprint(v.m.version)
	if k == v.built {
		return
	}
	v.built = k
	m := v.m
	v.bc, _ = m.a.Components(m.index, m.year, m.bloc)
	n := len(v.bc.Units)
	v.names = make([]string, n)
	v.folds = make([]string, n)
	v.cols = make([][]*analysis.ComponentScore, n)
	nameW := 6
	for i := range v.bc.Units {
		u := &v.bc.Units[i]
		v.names[i] = p(u.Unit)
		code := ""
		if u.UnitCode != nil {
			code = " " + *u.UnitCode
		}
		v.folds[i] = data.Fold(u.Unit + code)
		nameW = max(nameW, text.Width(v.names[i]))
		row := make([]*analysis.ComponentScore, len(v.bc.Components))
		for j := range v.bc.Components {
			if j < len(u.Components) {
				row[j] = &u.Components[j]
			}
		}
		v.cols[i] = row
	}
	scoreW := scoreWidth(v.m.a)
	cols := []grid.Column{
		{Title: "Hạng", Width: 4, Align: grid.Right},
		{Title: "Đơn vị", Width: min(nameW, 40)},
		{Title: "Điểm", Width: scoreW, Align: grid.Right},
	}
	for _, c := range v.bc.Components {
		t := compTitle(c.Code, c.Name)
		// a score and its heat glyph
		cols = append(cols, grid.Column{Title: t, Width: max(scoreW+1, text.Width(t)), Align: grid.Right})
	}
	v.g.SetColumns(cols)
	v.fitName()
	v.resort()
}

// fitName narrows the unit column so that at least a few components show.
func (v *componentsView) fitName() {
	if len(v.g.Cols) <= ccUnit || v.w <= 0 {
		return
	}
	longest := 6
	for _, n := range v.names {
		longest = max(longest, text.Width(n))
	}
	room := v.w - 2 - (5 + 1) - (6 + 1) - 3*8
	cols := v.g.Cols
	cols[ccUnit].Width = max(12, min(min(longest, 40), room))
	v.g.SetColumns(cols)
}

func (v *componentsView) SetSize(w, h int) {
	v.w, v.h = w, h
	v.fitName()
	v.g.SetSize(w, max(1, h-1))
}

func (v *componentsView) heat(cs *analysis.ComponentScore) grid.Cell {
	if cs == nil || cs.Score == nil {
		return grid.Cell{}
	}
	if cs.Pct == nil {
		return grid.Cell{Text: vi.Score(*cs.Score, scorePad(v.m.a)) + " "}
	}
	glyph := styles.HeatGlyph(*cs.Pct)
	if v.pts {
		return grid.Cell{Text: vi.Score(*cs.Score, scorePad(v.m.a)) + glyph, Kind: styles.Heat(*cs.Pct)}
	}
	return grid.Cell{Text: vi.Pct(*cs.Pct, 0) + glyph, Kind: styles.Heat(*cs.Pct)}
}

// Cell implements grid.Source.
func (v *componentsView) Cell(row, col int) grid.Cell {
	u := &v.bc.Units[row]
	switch col {
	case ccRank:
		if u.Rank != nil {
			return grid.Cell{Text: vi.Int(*u.Rank)}
		}
		return grid.Cell{Text: numfmt.Dash, Kind: styles.KMuted}
	case ccUnit:
		return grid.Cell{Text: v.names[row]}
	case ccScore:
		return grid.Cell{Text: vi.ScoreP(u.Score, scorePad(v.m.a))}
	}
	c := col - ccComps
	if c < len(v.cols[row]) {
		return v.heat(v.cols[row][c])
	}
	return grid.Cell{}
}

// pinned is the bloc mean row.
func (v *componentsView) pinned(col int) grid.Cell {
	switch col {
	case ccRank:
		return grid.Cell{}
	case ccUnit:
		return grid.Cell{Text: "TB khối", Kind: styles.KAccent}
	case ccScore:
		if bs, ok := v.m.a.BlocSummary(v.m.index, v.m.year, v.m.bloc); ok && bs.Mean != nil {
			return grid.Cell{Text: vi.Fixed(*bs.Mean, 2), Kind: styles.KAccent}
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
	if s.MeanPct == nil || v.pts {
		k := styles.KAccent
		g := " "
		if s.MeanPct != nil {
			k, g = styles.Heat(*s.MeanPct), styles.HeatGlyph(*s.MeanPct)
		}
		return grid.Cell{Text: vi.Fixed(*s.Mean, 2) + g, Kind: k}
	}
	return grid.Cell{Text: vi.Pct(*s.MeanPct, 0) + styles.HeatGlyph(*s.MeanPct), Kind: styles.Heat(*s.MeanPct)}
}

func (v *componentsView) resort() {
	n := len(v.bc.Units)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	col, desc := v.sortCol, v.sortDesc
	if col != ccRank || desc {
		keyOf := func(i int) (float64, string, bool) {
			u := &v.bc.Units[i]
			switch col {
			case ccRank:
				return float64(i), "", false
			case ccUnit:
				return 0, v.folds[i], false
			case ccScore:
				if u.Score == nil {
					return 0, "", true
				}
				return *u.Score, "", false
			}
			c := col - ccComps
			if c >= len(v.cols[i]) || v.cols[i][c] == nil {
				return 0, "", true
			}
			cs := v.cols[i][c]
			x := cs.Pct
			if v.pts || x == nil {
				x = cs.Score
			}
			if x == nil {
				return 0, "", true
			}
			return *x, "", false
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			fa, sa, ma := keyOf(a)
			fb, sb, mb := keyOf(b)
			if ma != mb {
				if ma {
					return 1
				}
				return -1
			}
			c := cmp.Compare(fa, fb)
			if sa != "" || sb != "" {
				c = strings.Compare(sa, sb)
			}
			if desc {
				c = -c
			}
			if c == 0 {
				return cmp.Compare(a, b)
			}
			return c
		})
	}
	v.sorted = idx
	v.g.SortCol, v.g.SortDesc = col, desc
	v.refilter()
}

func (v *componentsView) SetFilter(f string) {
	v.filter = f
	v.folded = data.Fold(f)
	v.refilter()
}

func (v *componentsView) refilter() {
	if v.folded == "" {
		v.g.SetRows(v.sorted)
		return
	}
	var rows []int
	for _, i := range v.sorted {
		if strings.Contains(v.folds[i], v.folded) {
			rows = append(rows, i)
		}
	}
	v.g.SetRows(rows)
}

func (v *componentsView) Render(w, h int) string {
	st := v.m.st
	if len(v.bc.Components) == 0 {
		return text.Lines([]string{"", " " + st.Muted.Render(fmt.Sprintf("%s năm %d không có điểm lĩnh vực.", p(v.m.bloc), v.m.year))}, w, h)
	}
	legend := " █ ≥90%  ▓ ≥80%  ▒ ≥70%  ░ ≥60%  · <60% của điểm tối đa"
	if v.bc.MostLostName != nil {
		legend += " · mất nhiều nhất: " + ps(v.bc.MostLostName)
	}
	body := v.g.Render(w, max(1, h-1))
	if h <= 1 {
		return text.Lines([]string{st.Muted.Render(text.Truncate(legend, w))}, w, h)
	}
	return body + "\n" + st.Muted.Render(text.Left(legend, w))
}

func (v *componentsView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	m := v.m
	if gridKey(m, &v.g, msg) {
		return true, nil
	}
	rk := m.keys.Rank
	switch {
	case key.Matches(msg, m.keys.Nav.Enter):
		if r := v.g.CursorRow(); r >= 0 {
			m.openUnit(v.bc.Units[r].UnitID)
		}
	case key.Matches(msg, rk.Sort):
		c := v.g.Col()
		if c == v.sortCol {
			v.sortDesc = !v.sortDesc
		} else {
			v.sortCol, v.sortDesc = c, c >= ccScore
		}
		v.resort()
	case key.Matches(msg, rk.Points):
		v.pts = !v.pts
		v.g.Invalidate()
		v.resort()
	case key.Matches(msg, rk.Filter):
		return true, m.openInput(inputFilter, "/ ", v.filter)
	case key.Matches(msg, rk.ClearFilter) && v.filter != "":
		v.SetFilter("")
	default:
		return false, nil
	}
	return true, nil
}

func (v *componentsView) Click(x, y int) tea.Cmd {
	if y == 0 {
		if c := v.g.ColumnAt(x); c >= 0 {
			v.g.SetCol(c)
			if c == v.sortCol {
				v.sortDesc = !v.sortDesc
			} else {
				v.sortCol, v.sortDesc = c, c >= ccScore
			}
			v.resort()
		}
		return nil
	}
	if v.g.ClickRow(y) {
		v.m.openUnit(v.bc.Units[v.g.CursorRow()].UnitID)
	}
	return nil
}

func (v *componentsView) Wheel(d int) { v.g.Move(d) }

func (v *componentsView) ShortHelp() []key.Binding {
	n, rk := v.m.keys.Nav, v.m.keys.Rank
	return []key.Binding{n.Enter, n.Right, rk.Sort, rk.Points, rk.Filter}
}

func (v *componentsView) FullHelp() []key.Binding {
	rk := v.m.keys.Rank
	return []key.Binding{rk.Sort, rk.Points, rk.Filter, rk.ClearFilter}
}

func (v *componentsView) Status() string {
	parts := []string{fmt.Sprintf("%s/%s đơn vị × %d lĩnh vực", vi.Int(v.g.Len()), vi.Int(len(v.bc.Units)), len(v.bc.Components))}
	if v.filter != "" {
		parts = append(parts, "lọc “"+p(v.filter)+"”")
	}
	if v.sortCol < len(v.g.Cols) {
		parts = append(parts, "sắp xếp: "+v.g.Cols[v.sortCol].Title+dirArrow(v.sortDesc))
	}
	if v.pts {
		parts = append(parts, "điểm")
	} else {
		parts = append(parts, "% tối đa")
	}
	return strings.Join(parts, " · ")
}
