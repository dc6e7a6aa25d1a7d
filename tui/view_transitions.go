package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// transitionsView is the bloc's grade × grade matrix between two years
// (the year before the selected one, by default); Enter on a cell lists its
// units.
type transitionsView struct {
	c      *viewCtx
	built  string
	from   int // 0 = the bloc's previous year
	tr     analysis.Transition
	ok     bool
	ci, cj int
	w, h   int
	sc     scroller
	cellY  int // first matrix row line in the body
	cellX  []int
	cellW  int
}

func newTransitions(c *viewCtx) *transitionsView { return &transitionsView{c: c} }

func (v *transitionsView) Title() string    { return v.c.say(words.TabTransitions) }
func (v *transitionsView) SetSize(w, h int) { v.w, v.h = w, h; v.sc.h = h }
func (v *transitionsView) Restyle()         {}

func (v *transitionsView) fromYear() int {
	c := v.c
	if v.from != 0 && v.from < c.year && slices.Contains(c.years, v.from) {
		return v.from
	}
	if y, ok := c.a.PrevYear(c.slice()); ok {
		return y
	}
	return 0
}

func (v *transitionsView) Sync() {
	c := v.c
	from := v.fromYear()
	k := fmt.Sprintf("%d|%d", c.version, from)
	if k == v.built {
		return
	}
	tr, ok := analysis.Transition{}, false
	if from != 0 {
		a, sl := c.a, c.slice()
		res, _, ready := await(c, "transitions", sl, from, words.BusyTransitions, func(context.Context) (transitionOf, error) {
			tr, ok := a.Transition(sl.WithYear(from), sl.Year)
			return transitionOf{tr, ok}, nil
		})
		if !ready {
			return // asked again on the next Sync, until it is in
		}
		tr, ok = res.tr, res.ok
	}
	v.built = k
	v.tr, v.ok = tr, ok
	if v.ok {
		v.ci = min(v.ci, len(v.tr.Grades)-1)
		v.cj = min(v.cj, len(v.tr.Grades)-1)
		v.ci, v.cj = max(0, v.ci), max(0, v.cj)
	}
}

// transitionOf is a transition as computed off the update loop.
type transitionOf struct {
	tr analysis.Transition
	ok bool
}

func (v *transitionsView) stepFrom(d int) {
	c := v.c
	from := v.fromYear()
	var cands []int
	for _, y := range c.years {
		if y < c.year {
			cands = append(cands, y)
		}
	}
	if len(cands) == 0 {
		return
	}
	i := slices.Index(cands, from)
	if i < 0 {
		i = len(cands) - 1
	}
	i = max(0, min(len(cands)-1, i+d))
	v.from = cands[i]
	v.Sync()
}

func (v *transitionsView) Render(w, h int) string {
	nf := markOf(v.c.lang)
	v.w, v.h = w, h
	c, st := v.c, v.c.st
	var lines []string
	from := v.fromYear()
	if !v.ok || len(v.tr.Grades) == 0 {
		msg := c.sayf(words.NoPrevYear, c.year, p(c.bloc))
		if v.ok {
			msg = c.sayf(words.NoGradesIn, p(c.bloc), from, c.year)
		}
		return text.Lines([]string{"", " " + st.Muted.Render(msg)}, w, h)
	}
	tr := &v.tr
	lines = append(lines, st.Section.Render(c.sayf(words.TransitionsTitle, p(tr.Bloc), tr.From, tr.To))+
		st.Muted.Render(c.say(words.TransitionsBaseHint)), "")
	labW := 8
	for _, g := range tr.Grades {
		labW = max(labW, text.Width(p(g)))
	}
	labW = min(labW, 16)
	cellW := max(6, min(labW, 12)) + 2
	v.cellW = cellW
	// heading
	lines = append(lines, text.Spaces(labW+3)+st.Muted.Render(c.sayf(words.TransitionsToYear, tr.To)))
	head := st.Muted.Render(text.Left(fmt.Sprintf(" %d ↓", tr.From), labW+3))
	for _, g := range tr.Grades {
		head += st.ColHead.Render(text.Right(text.Truncate(p(g), cellW-1), cellW))
	}
	head += st.ColHead.Render(text.Right(c.say(words.Total), cellW))
	lines = append(lines, head)
	v.cellY = len(lines)
	v.cellX = v.cellX[:0]
	x := labW + 3
	for range tr.Grades {
		v.cellX = append(v.cellX, x)
		x += cellW
	}
	colTotal := make([]int, len(tr.Grades))
	for i, g := range tr.Grades {
		row := st.ColHead.Render(text.Left(" "+text.Truncate(p(g), labW), labW+3))
		total := 0
		for j := range tr.Grades {
			c := tr.Matrix[i][j].Count
			total += c
			colTotal[j] += c
			s := nf.Int(c)
			if c == 0 {
				s = "·"
			}
			k := styles.KNormal
			switch {
			case c == 0:
				k = styles.KMuted
			case j < i:
				k = styles.KGood
			case j > i:
				k = styles.KBad
			}
			if i == v.ci && j == v.cj {
				row += st.Selected.Render(text.Right("["+s+"]", cellW))
			} else {
				row += st.Render(k, text.Right(s+" ", cellW))
			}
		}
		row += st.Muted.Render(text.Right(nf.Int(total)+" ", cellW))
		lines = append(lines, row)
	}
	tot := st.Muted.Render(text.Left(" "+c.say(words.Total), labW+3))
	for _, c := range colTotal {
		tot += st.Muted.Render(text.Right(nf.Int(c)+" ", cellW))
	}
	lines = append(lines, tot, "")
	items := []string{
		st.Good.Render(c.sayf(words.TransitionsUpN, tr.Up)),
		st.Bad.Render(c.sayf(words.TransitionsDownN, tr.Down)),
		st.Muted.Render(c.sayf(words.TransitionsSameN, tr.Same)),
	}
	if tr.KendallTau != nil {
		items = append(items, st.Muted.Render(c.sayf(words.KendallRanked, nf.Fixed(*tr.KendallTau, 2), tr.KendallN)))
	}
	for _, l := range wrapStyled(items, w-2, st.Muted.Render(" · ")) {
		lines = append(lines, " "+l)
	}
	refs := func(label string, us []analysis.UnitRef) {
		if len(us) == 0 {
			return
		}
		var names []string
		for _, u := range us {
			names = append(names, p(u.Unit))
		}
		for i, l := range text.Wrap(fmt.Sprintf("%s (%d): %s", label, len(us), strings.Join(names, ", ")), w-2) {
			if i >= 3 {
				lines = append(lines, "  …")
				break
			}
			lines = append(lines, " "+st.Muted.Render(l))
		}
	}
	refs(c.sayf(words.OnlyInYear, tr.From), tr.OnlyFrom)
	refs(c.sayf(words.OnlyInYear, tr.To), tr.OnlyTo)
	refs(c.say(words.UngradedOneYear), tr.Ungraded)
	cell := tr.Matrix[v.ci][v.cj]
	lines = append(lines, "", " "+st.Accent.Render(c.sayf(words.ChosenCell, p(tr.Grades[v.ci]), p(tr.Grades[v.cj]), cell.Count))+
		st.Muted.Render(c.say(words.CellListHint)))
	v.sc.h = h
	v.sc.set(lines)
	return v.sc.render(w, h)
}

func (v *transitionsView) openCell() {
	if !v.ok || len(v.tr.Grades) == 0 {
		return
	}
	c := v.tr.Matrix[v.ci][v.cj]
	title := fmt.Sprintf("%s → %s", p(v.tr.Grades[v.ci]), p(v.tr.Grades[v.cj]))
	v.c.push(newUnitList(v.c, title, fmt.Sprintf("%s · %d → %d", p(v.tr.Bloc), v.tr.From, v.tr.To), c.Units))
}

func (v *transitionsView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	c := v.c
	n := c.keys.Nav
	g := len(v.tr.Grades)
	switch {
	case key.Matches(msg, n.Down):
		v.ci = min(g-1, v.ci+1)
	case key.Matches(msg, n.Up):
		v.ci = max(0, v.ci-1)
	case key.Matches(msg, n.Right):
		v.cj = min(g-1, v.cj+1)
	case key.Matches(msg, n.Left):
		v.cj = max(0, v.cj-1)
	case key.Matches(msg, n.Enter):
		v.openCell()
	case key.Matches(msg, c.keys.Trans.FromPrev):
		v.stepFrom(-1)
	case key.Matches(msg, c.keys.Trans.FromNext):
		v.stepFrom(1)
	case key.Matches(msg, n.PageDown), key.Matches(msg, n.PageUp), key.Matches(msg, n.Top), key.Matches(msg, n.Bottom):
		c.moveKey(&v.sc, msg)
	default:
		return false, nil
	}
	v.ci, v.cj = max(0, v.ci), max(0, v.cj)
	return true, nil
}

func (v *transitionsView) Click(x, y int) tea.Cmd {
	i := v.sc.off + y - v.cellY
	if !v.ok || i < 0 || i >= len(v.tr.Grades) {
		return nil
	}
	for j, cx := range v.cellX {
		if x >= cx && x < cx+v.cellW {
			if i == v.ci && j == v.cj {
				v.openCell()
				return nil
			}
			v.ci, v.cj = i, j
		}
	}
	return nil
}

func (v *transitionsView) Wheel(d int) { v.sc.scroll(d) }

func (v *transitionsView) ShortHelp() []key.Binding {
	n, t := v.c.keys.Nav, v.c.keys.Trans
	return []key.Binding{n.Enter, n.Left, n.Right, t.FromPrev, t.FromNext}
}

func (v *transitionsView) FullHelp() []key.Binding {
	t := v.c.keys.Trans
	return []key.Binding{t.FromPrev, t.FromNext}
}

func (v *transitionsView) Status() string {
	if !v.ok {
		return p(v.c.bloc)
	}
	return v.c.sayf(words.TransitionsStatus, p(v.c.bloc), v.tr.From, v.tr.To, len(v.tr.Grades))
}

// unitListView lists units (a transition cell's); Enter opens one.
type unitListView struct {
	c     *viewCtx
	title string
	sub   string
	units []analysis.UnitRef
	cur   int
	sc    scroller
}

func newUnitList(c *viewCtx, title, sub string, units []analysis.UnitRef) *unitListView {
	return &unitListView{c: c, title: title, sub: sub, units: units}
}

func (v *unitListView) Title() string    { return v.title }
func (v *unitListView) SetSize(w, h int) { v.sc.h = h }
func (v *unitListView) Sync()            {}
func (v *unitListView) Restyle()         {}

func (v *unitListView) Render(w, h int) string {
	st := v.c.st
	head := []string{st.Section.Render(" "+text.Truncate(v.title, w-2)) + st.Muted.Render(" · "+v.sub), ""}
	if len(v.units) == 0 {
		return text.Lines(append(head, " "+st.Muted.Render(v.c.say(words.NoUnits))), w, h)
	}
	bodyH := max(1, h-len(head))
	v.sc.h = bodyH
	if v.cur < v.sc.off {
		v.sc.off = v.cur
	}
	if v.cur >= v.sc.off+bodyH {
		v.sc.off = v.cur - bodyH + 1
	}
	var lines []string
	for i, u := range v.units {
		code := ""
		if u.UnitCode != nil {
			code = "  " + p(*u.UnitCode)
		}
		if i == v.cur {
			lines = append(lines, st.Selected.Render(text.Left(" ▶ "+p(u.Unit)+code, w)))
		} else {
			lines = append(lines, "   "+p(u.Unit)+st.Muted.Render(code))
		}
	}
	v.sc.lines = lines
	return text.Lines(head, w, len(head)) + "\n" + v.sc.render(w, h-len(head))
}

func (v *unitListView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if v.c.moveKey(v, msg) {
		return true, nil
	}
	if !key.Matches(msg, v.c.keys.Nav.Enter) {
		return false, nil
	}
	if v.cur < len(v.units) {
		v.c.openUnit(v.units[v.cur].UnitID)
	}
	return true, nil
}

// setCur puts the cursor on unit i, within the list.
func (v *unitListView) setCur(i int) { v.cur = max(0, min(len(v.units)-1, i)) }
func (v *unitListView) step(n int)   { v.setCur(v.cur + n) }
func (v *unitListView) page(n int)   { v.setCur(v.cur + n*max(1, v.sc.h-1)) }

func (v *unitListView) end(bottom bool) {
	v.setCur(0)
	if bottom {
		v.setCur(len(v.units) - 1)
	}
}

func (v *unitListView) Click(x, y int) tea.Cmd {
	i := v.sc.off + y - 2
	if i >= 0 && i < len(v.units) {
		if i == v.cur {
			v.c.openUnit(v.units[i].UnitID)
			return nil
		}
		v.cur = i
	}
	return nil
}

func (v *unitListView) Wheel(d int) { v.step(d) }

func (v *unitListView) ShortHelp() []key.Binding {
	n := v.c.keys.Nav
	return []key.Binding{n.Down, n.Up, n.Enter}
}
func (v *unitListView) FullHelp() []key.Binding { return nil }
func (v *unitListView) Status() string {
	return v.c.sayf(words.UnitCount, len(v.units))
}
