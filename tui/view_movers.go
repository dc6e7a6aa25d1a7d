package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/text"
)

// moversView lists the year's facts grouped by kind, one line each. Enter
// opens the unit; Space marks a fact for the briefing. By default it shows
// the current bloc; `a` shows every bloc.
type moversView struct {
	c     *viewCtx
	built string
	all   bool

	facts []analysis.Mover
	items []moverItem // headings and facts, in display order
	cur   int         // index into items (always a fact when there is one)
	off   int
	w, h  int
}

type moverItem struct {
	head string // a kind heading when fact < 0
	fact int
}

func newMovers(c *viewCtx) *moversView { return &moversView{c: c} }

func (v *moversView) Title() string    { return v.c.say(words.TabMovers) }
func (v *moversView) SetSize(w, h int) { v.w, v.h = w, h; v.clamp() }
func (v *moversView) Restyle()         {}

func (v *moversView) Sync() {
	nf := markOf(v.c.lang)
	k := fmt.Sprintf("%d|%v", v.c.version, v.all)
	if k == v.built {
		return
	}
	v.built = k
	c := v.c
	if v.all {
		v.facts = c.a.Movers(c.index, c.year)
	} else {
		v.facts = c.a.BlocMovers(c.slice())
	}
	v.items = v.items[:0]
	for _, kind := range analysis.MoverKinds {
		first := true
		n := 0
		for i := range v.facts {
			if v.facts[i].Kind == kind {
				n++
			}
		}
		for i := range v.facts {
			if v.facts[i].Kind != kind {
				continue
			}
			if first {
				v.items = append(v.items, moverItem{head: fmt.Sprintf("%s (%s)", kindName(kind, c.lang), nf.Int(n)), fact: -1})
				first = false
			}
			v.items = append(v.items, moverItem{fact: i})
		}
	}
	v.cur = 0
	v.off = 0
	v.move(0)
}

func (v *moversView) clamp() {
	page := max(1, v.h)
	if v.cur < v.off {
		v.off = v.cur
		// show the kind heading above the first fact
		if v.off > 0 && v.items[v.off-1].fact < 0 {
			v.off--
		}
	}
	if v.cur >= v.off+page {
		v.off = v.cur - page + 1
	}
	if v.off > len(v.items)-page {
		v.off = max(0, len(v.items)-page)
	}
	if v.off < 0 {
		v.off = 0
	}
}

// move moves the cursor by d facts (skipping headings).
func (v *moversView) move(d int) {
	if len(v.items) == 0 {
		v.cur = 0
		return
	}
	step := 1
	if d < 0 {
		step = -1
	}
	i := v.cur
	left := d
	if d == 0 {
		left = 0
	}
	for left != 0 {
		j := i + step
		for j >= 0 && j < len(v.items) && v.items[j].fact < 0 {
			j += step
		}
		if j < 0 || j >= len(v.items) {
			break
		}
		i = j
		left -= step
	}
	// land on a fact
	for i < len(v.items) && v.items[i].fact < 0 {
		i++
	}
	if i >= len(v.items) {
		i = len(v.items) - 1
		for i > 0 && v.items[i].fact < 0 {
			i--
		}
	}
	v.cur = i
	v.clamp()
}

func (v *moversView) step(n int) { v.move(n) }
func (v *moversView) page(n int) { v.move(n * max(1, v.h-1)) }

func (v *moversView) end(bottom bool) {
	if bottom {
		v.cur = len(v.items) - 1
	} else {
		v.cur, v.off = 0, 0
	}
	v.move(0)
}

func (v *moversView) current() *analysis.Mover {
	if v.cur < len(v.items) && v.items[v.cur].fact >= 0 {
		return &v.facts[v.items[v.cur].fact]
	}
	return nil
}

func (v *moversView) Render(w, h int) string {
	v.w, v.h = w, h
	v.clamp()
	c, st := v.c, v.c.st
	if len(v.items) == 0 {
		msg := c.sayf(words.NoMovers, p(c.bloc), c.year)
		return text.Lines([]string{"", " " + st.Muted.Render(msg)}, w, h)
	}
	lines := make([]string, 0, h)
	unitW := min(40, max(16, w/3))
	blocW := 0
	if v.all {
		blocW = min(18, max(10, w/7))
	}
	for i := v.off; i < len(v.items) && len(lines) < h; i++ {
		it := v.items[i]
		if it.fact < 0 {
			lines = append(lines, st.Section.Render(" "+text.Truncate(it.head, w-2)))
			continue
		}
		mv := &v.facts[it.fact]
		marked := c.marks.has(mv)
		gut := "   "
		switch {
		case i == v.cur && marked:
			gut = " ▶●"
		case i == v.cur:
			gut = " ▶ "
		case marked:
			gut = "  ●"
		}
		blocPart := ""
		if v.all {
			blocPart = text.Left(p(mv.Bloc), blocW) + " "
		}
		head := gut + " " + blocPart + text.Left(p(mv.Unit), unitW)
		detail := " " + factDetail(mv, scorePad(v.c.ds), v.c.lang)
		switch {
		case i == v.cur:
			lines = append(lines, st.Selected.Render(text.Left(head+detail, w)))
		case marked:
			lines = append(lines, st.Marked.Render(text.Left(head+detail, w)))
		case text.Width(head) >= w:
			lines = append(lines, text.Left(head, w))
		default:
			lines = append(lines, head+st.Muted.Render(text.Left(detail, w-text.Width(head))))
		}
	}
	return text.Lines(lines, w, h)
}

func (v *moversView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	c := v.c
	if c.moveKey(v, msg) {
		return true, nil
	}
	switch {
	case key.Matches(msg, c.keys.Nav.Enter):
		if mv := v.current(); mv != nil {
			c.openUnit(mv.UnitID)
		}
	case key.Matches(msg, c.keys.Movers.Mark):
		if mv := v.current(); mv != nil {
			if c.marks.toggle(mv) {
				c.flash(c.say(words.MarkedForBrief)+kindName(mv.Kind, c.lang)+" — "+mv.Unit, false)
			} else {
				c.flash(c.say(words.Unmarked), false)
			}
			v.move(1)
		}
	case key.Matches(msg, v.c.keys.Movers.AllBlocs):
		// the model syncs the view after the key, off the update loop
		// when the facts of every bloc take long to find
		v.all = !v.all
	default:
		return false, nil
	}
	return true, nil
}

func (v *moversView) Click(x, y int) tea.Cmd {
	i := v.off + y
	if i >= 0 && i < len(v.items) && v.items[i].fact >= 0 {
		if i == v.cur {
			if mv := v.current(); mv != nil {
				v.c.openUnit(mv.UnitID)
			}
			return nil
		}
		v.cur = i
		v.clamp()
	}
	return nil
}

func (v *moversView) Wheel(d int) { v.move(d) }

func (v *moversView) ShortHelp() []key.Binding {
	return []key.Binding{v.c.keys.Nav.Enter, v.c.keys.Movers.Mark, v.c.keys.Movers.AllBlocs}
}

func (v *moversView) FullHelp() []key.Binding {
	return []key.Binding{v.c.keys.Movers.Mark, v.c.keys.Movers.AllBlocs}
}

func (v *moversView) Status() string {
	nf := markOf(v.c.lang)
	n := len(v.facts)
	pos := 0
	for i := 0; i <= v.cur && i < len(v.items); i++ {
		if v.items[i].fact >= 0 {
			pos++
		}
	}
	scope := p(v.c.bloc)
	if v.all {
		scope = v.c.say(words.AllBlocs)
	}
	return v.c.sayf(words.MoversCount, scope, nf.Int(pos), nf.Int(n))
}
