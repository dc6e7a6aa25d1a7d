package tui

import (
	"context"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/grid"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// The years pivot shows, for the units of the current bloc and year, one
// column per year of the index up to the current one: their scores, ranks
// or grades (v cycles), as each year published them.
type yearsView struct {
	gridPane
	built string
	rows  []yearsRow
	years []int
	show  yearsShow
	nameW int
}

// yearsRow is one unit and its record of each year (nil: none that year).
type yearsRow struct {
	id, name, text, fold string
	rank                 *int                     // this year's rank
	at                   []*analysis.HistoryPoint // one per yearsView.years
}

type yearsShow int

const (
	showScores yearsShow = iota
	showRanks
	showGrades
)

var yearsShowNames = []*words.Word{words.PivotScores, words.PivotRanks, words.PivotGrades}

func newYears(c *viewCtx) *yearsView { return table(c, &yearsView{}) }

func (v *yearsView) Title() string { return v.c.say(words.TabYears) }

func (v *yearsView) Sync() {
	k := fmt.Sprintf("%d|%d", v.c.version, v.show)
	if k == v.built {
		return
	}
	c := v.c
	var years []int
	for _, y := range c.years {
		if y <= c.year {
			years = append(years, y)
		}
	}
	a, sl := c.a, c.slice()
	d, _, ready := await(c, "years", sl, years, words.BusyYears, func(ctx context.Context) (pivotData, error) {
		return pivotOf(ctx, a, sl, years)
	})
	if !ready {
		return // asked again on the next Sync, until it is in
	}
	v.built = k
	v.years, v.rows, v.nameW = years, d.rows, d.nameW
	v.columns()
	v.g.Invalidate()
	v.resort()
}

// pivotData is the years pivot's rows for a bloc and year.
type pivotData struct {
	rows  []yearsRow
	nameW int // the widest unit name, 12 at least
}

// pivotOf builds the pivot's rows of slice sl over years: pure, so it may
// run off the update loop.
func pivotOf(ctx context.Context, a *analysis.Analysis, sl data.Slice, years []int) (pivotData, error) {
	d := pivotData{nameW: 12}
	tbl, _ := a.Table(sl)
	d.rows = make([]yearsRow, 0, len(tbl.Rows))
	for i := range tbl.Rows {
		if cancelled(ctx, i) {
			return d, ctx.Err()
		}
		r := &tbl.Rows[i]
		t := r.Unit
		if r.UnitCode != nil {
			t += " " + *r.UnitCode
		}
		row := yearsRow{id: r.UnitID, name: p(r.Unit), text: t, fold: data.Fold(t), rank: r.Rank, at: make([]*analysis.HistoryPoint, len(years))}
		if h, ok := a.IndexHistory(sl.Index, r.UnitID); ok {
			for j := range h.Points {
				pt := &h.Points[j]
				for k, y := range years {
					if pt.Year == y {
						row.at[k] = pt
					}
				}
			}
		}
		d.nameW = max(d.nameW, text.Width(row.name))
		d.rows = append(d.rows, row)
	}
	return d, nil
}

// yearsLead is the columns before the years: this year's rank (the rows'
// own order) and the unit.
const yearsLead = 2

// columns: the rank, the unit, then one per year.
func (v *yearsView) columns() {
	cols := []grid.Column{{Title: v.c.say(words.HeadRank), Width: 4, Align: grid.Right}, {Title: v.c.say(words.HeadUnit), Width: min(v.nameW, 40)}}
	for _, y := range v.years {
		cols = append(cols, grid.Column{Title: itoa(y), Width: max(scoreWidth(v.c.ds), 8), Align: grid.Right})
	}
	v.g.SetColumns(cols)
}

func (v *yearsView) SetSize(w, h int) { v.g.SetSize(w, max(1, h-1)) }

func (v *yearsView) Cell(row, col int) grid.Cell {
	r := &v.rows[row]
	nf := markOf(v.c.lang)
	switch col {
	case 0:
		if r.rank == nil {
			return grid.Cell{Text: "–", Kind: styles.KMuted}
		}
		return grid.Cell{Text: nf.Int(*r.rank)}
	case 1:
		return grid.Cell{Text: r.name}
	}
	pt := r.at[col-yearsLead]
	if pt == nil {
		return grid.Cell{Text: "–", Kind: styles.KMuted}
	}
	// a year in another bloc is marked: its rank is among other units
	other := ""
	if pt.Bloc != v.c.bloc {
		other = "*"
	}
	switch v.show {
	case showRanks:
		if pt.Rank == nil {
			return grid.Cell{Text: "–" + other, Kind: styles.KMuted}
		}
		return grid.Cell{Text: nf.Int(*pt.Rank) + other}
	case showGrades:
		if pt.Grade == nil {
			return grid.Cell{Text: "–" + other, Kind: styles.KMuted}
		}
		return grid.Cell{Text: p(*pt.Grade) + other, Kind: v.c.gradeKind(pt.Bloc, pt.Year, pt.Grade)}
	}
	return grid.Cell{Text: nf.ScoreP(pt.Score, scorePad(v.c.ds)) + other}
}

func (v *yearsView) rowCount() int          { return len(v.rows) }
func (v *yearsView) rowFold(i int) string   { return v.rows[i].fold }
func (v *yearsView) rowText(i int) string   { return v.rows[i].text }
func (v *yearsView) rowUnit(i int) string   { return v.rows[i].id }
func (v *yearsView) firstDesc(col int) bool { return col >= yearsLead && v.show == showScores }
func (v *yearsView) frozen() int            { return yearsLead }

func (v *yearsView) sortKey(col int) func(i int) sortKey {
	switch col {
	case 0:
		return func(i int) sortKey { return sortKey{f: float64(i)} }
	case 1:
		return func(i int) sortKey { return sortKey{s: v.rows[i].fold} }
	}
	return func(i int) sortKey {
		pt := v.rows[i].at[col-yearsLead]
		switch {
		case pt == nil:
			return sortKey{missing: true}
		case v.show == showRanks:
			if pt.Rank == nil {
				return sortKey{missing: true}
			}
			return sortKey{f: float64(*pt.Rank)}
		case v.show == showGrades:
			if pt.Grade == nil {
				return sortKey{missing: true}
			}
			return sortKey{f: float64(v.c.gradeLevel(pt.Bloc, pt.Year, *pt.Grade))}
		}
		return floatKey(pt.Score)
	}
}

func (v *yearsView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if key.Matches(msg, v.c.keys.Rank.Pivot) {
		v.show = (v.show + 1) % yearsShow(len(yearsShowNames))
		v.Sync()
		return true, nil
	}
	return v.gridPane.HandleKey(msg)
}

func (v *yearsView) Render(w, h int) string {
	body := v.g.Render(w, max(1, h-1))
	note := v.c.say(words.PivotNote)
	if h <= 1 {
		return text.Lines([]string{v.c.st.Muted.Render(text.Truncate(note, w))}, w, h)
	}
	return body + "\n" + v.c.st.Muted.Render(text.Left(note, w))
}

func (v *yearsView) help(k *KeyMap) (short, full []key.Binding) {
	n, rk := k.Nav, k.Rank
	return []key.Binding{rk.Pivot, n.Enter, rk.Filter, rk.Sort, n.Right},
		[]key.Binding{rk.Pivot, rk.Filter, rk.ClearFilter, rk.NextMatch, rk.PrevMatch, rk.Sort}
}

func (v *yearsView) Status() string {
	parts := v.status(v.c.say(words.StatusUnits))
	parts = append(parts, v.c.say(yearsShowNames[v.show]))
	out := parts[0]
	for _, s := range parts[1:] {
		out += " · " + s
	}
	return out
}
