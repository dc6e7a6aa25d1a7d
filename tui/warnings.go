package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/text"
)

// The dashboard's warnings are analysis's: a.Warnings() (the loader's, then
// Check's: published ranks and grades the scores contradict), placed by
// a.Caveats, the selection the brief's notes and the command line make too.

// placeWarnings places every warning about the data, in the order parlens
// check prints them.
func placeWarnings(a *analysis.Analysis) []analysis.Caveat {
	return a.Caveats(a.Warnings(), "", 0)
}

// unitWarnings maps the units of an (index, year, bloc) to the warnings on
// their rows (a warning about a whole file or a sidecar marks no row).
func unitWarnings(ws []analysis.Caveat, index string, year int, bloc string) map[string][]analysis.Caveat {
	var out map[string][]analysis.Caveat
	for _, w := range ws {
		if w.UnitID == "" || w.Index != index || w.Year != year || w.Bloc != bloc {
			continue
		}
		if out == nil {
			out = map[string][]analysis.Caveat{}
		}
		out[w.UnitID] = append(out[w.UnitID], w)
	}
	return out
}

// caveatPos is where a warning is, as parlens check writes it.
func caveatPos(w *analysis.Caveat) string {
	return data.Pos{File: w.File, Line: w.Line, Col: w.Col}.String()
}

// warningsView lists every data warning as `parlens check` prints it, with
// the unit, year and bloc of the row it is on; enter opens that unit.
type warningsView struct {
	c *viewCtx
	textPane
	cur   int         // the warning under the cursor
	first map[int]int // warning → its first line
}

func newWarnings(c *viewCtx) *warningsView { return &warningsView{c: c} }

func (v *warningsView) Title() string { return v.c.say(words.TabWarnings) }
func (v *warningsView) Sync()         { v.build() }

func (v *warningsView) build() {
	nf := markOf(v.c.lang)
	c, st, w := v.c, v.c.st, v.w
	k := fmt.Sprintf("%d|%d|%p|%d", w, v.h, st, v.cur)
	if k == v.built || w <= 0 {
		return
	}
	v.built = k
	ws := c.warnings
	lines := []string{st.Section.Render(c.sayf(words.WarningsTitle, nf.Int(len(ws)))) +
		st.Muted.Render(c.say(words.WarningsNote)), ""}
	if len(ws) == 0 {
		lines = append(lines, " "+st.Muted.Render(c.say(words.NoWarnings)))
	}
	v.first = make(map[int]int, len(ws))
	for i, dw := range ws {
		v.first[i] = len(lines)
		head := p(caveatPos(&dw))
		if dw.UnitID != "" {
			head += " · " + p(dw.Unit) + " · " + p(dw.Bloc) + " · " + itoa(dw.Year)
		}
		if i == v.cur {
			lines = append(lines, st.Selected.Render(text.Left(" ▶ "+head, w)))
		} else {
			lines = append(lines, "   "+st.Warn.Render(text.Truncate(head, w-3)))
		}
		msg := p(dw.Message)
		if dw.Hint != "" {
			msg += " (" + p(dw.Hint) + ")"
		}
		for _, l := range text.Wrap(msg, w-5) {
			lines = append(lines, "     "+l)
		}
	}
	v.sc.set(lines)
	v.follow()
}

// follow scrolls the cursor's warning into sight.
func (v *warningsView) follow() {
	top, ok := v.first[v.cur]
	if !ok {
		return
	}
	end := len(v.sc.lines)
	if next, ok := v.first[v.cur+1]; ok {
		end = next
	}
	if top < v.sc.off {
		v.sc.off = top
	} else if end > v.sc.off+v.sc.h {
		v.sc.off = min(top, end-v.sc.h)
	}
	v.sc.clamp()
}

func (v *warningsView) Render(w, h int) string { return v.draw(w, h, v.build) }

// setCur puts the cursor on warning i, within the list.
func (v *warningsView) setCur(i int) {
	v.cur = max(0, min(len(v.c.warnings)-1, i))
	v.build()
}

func (v *warningsView) step(n int) { v.setCur(v.cur + n) }
func (v *warningsView) page(n int) { v.sc.page(n) }
func (v *warningsView) end(bottom bool) {
	v.setCur(0)
	if bottom {
		v.setCur(len(v.c.warnings) - 1)
	}
}

// open drills into the unit of the cursor's warning, if it has one.
func (v *warningsView) open() {
	if v.cur < len(v.c.warnings) {
		if id := v.c.warnings[v.cur].UnitID; id != "" {
			v.c.openUnit(id)
		}
	}
}

func (v *warningsView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if v.c.moveKey(v, msg) {
		return true, nil
	}
	if key.Matches(msg, v.c.keys.Nav.Enter) {
		v.open()
		return true, nil
	}
	return false, nil
}

func (v *warningsView) Click(x, y int) tea.Cmd {
	line := v.sc.off + y
	for i := len(v.c.warnings) - 1; i >= 0; i-- {
		if v.first[i] <= line {
			if i == v.cur {
				v.open()
			} else {
				v.setCur(i)
			}
			return nil
		}
	}
	return nil
}

func (v *warningsView) ShortHelp() []key.Binding {
	n := v.c.keys.Nav
	return []key.Binding{n.Down, n.Up, n.Enter}
}
func (v *warningsView) FullHelp() []key.Binding { return nil }

func (v *warningsView) Status() string {
	nf := markOf(v.c.lang)
	s := v.c.sayf(words.WarningsCount, nf.Int(len(v.c.warnings)))
	if len(v.c.warnings) > 0 {
		s = v.c.sayf(words.WarningsAt, nf.Int(v.cur+1), nf.Int(len(v.c.warnings)))
	}
	if t := v.sc.status(v.c.lang); t != "" {
		s += " · " + t
	}
	return s
}
