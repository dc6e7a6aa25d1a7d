package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/num"
	"github.com/parlens/parlens/tui/text"
)

// dataWarning is a warning about the data — one the loader found (a problem
// that did not stop the load) or one analysis.Check found (a published rank
// or grade that the score contradicts) — with the record read from its row,
// when the row is a record's (nil for a sidecar, a header or a whole file).
type dataWarning struct {
	data.Issue
	rec *data.Record
}

// rowKey is a row of an input file.
type rowKey struct {
	file string
	line int
}

// collectWarnings lists the dataset's warnings, then the checks', in the
// order parlens check prints them, each with the record of its row.
func collectWarnings(ds *data.Dataset, checks []data.Issue) []dataWarning {
	if ds == nil || len(ds.Warnings)+len(checks) == 0 {
		return nil
	}
	all := append(slices.Clip(ds.Warnings), checks...)
	at := make(map[rowKey]*data.Record, len(all))
	for _, w := range all {
		if w.Pos.Line > 0 {
			at[rowKey{w.Pos.File, w.Pos.Line}] = nil
		}
	}
	for i := range ds.Records {
		r := &ds.Records[i]
		k := rowKey{r.Pos.File, r.Pos.Line}
		if cur, ok := at[k]; ok && cur == nil {
			at[k] = r
		}
	}
	out := make([]dataWarning, len(all))
	for i, w := range all {
		out[i] = dataWarning{Issue: w, rec: at[rowKey{w.Pos.File, w.Pos.Line}]}
	}
	return out
}

// unitWarnings maps the units of an (index, year, bloc) to the warnings on
// their rows. It is the one place that picks the warnings a table carries:
// when package analysis selects them, swap it in here.
func unitWarnings(ws []dataWarning, index string, year int, bloc string) map[string][]data.Issue {
	var out map[string][]data.Issue
	for _, w := range ws {
		r := w.rec
		if r == nil || r.Index != index || r.Year != year || r.Bloc != bloc {
			continue
		}
		if out == nil {
			out = map[string][]data.Issue{}
		}
		out[r.UnitID] = append(out[r.UnitID], w.Issue)
	}
	return out
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

func (v *warningsView) Title() string { return "Cảnh báo" }
func (v *warningsView) Sync()         { v.build() }

func (v *warningsView) build() {
	c, st, w := v.c, v.c.st, v.w
	k := fmt.Sprintf("%d|%d|%p|%d", w, v.h, st, v.cur)
	if k == v.built || w <= 0 {
		return
	}
	v.built = k
	ws := c.warnings
	lines := []string{st.Section.Render(fmt.Sprintf(" Cảnh báo dữ liệu · %s", num.Int(len(ws)))) +
		st.Muted.Render(" · không chặn việc đọc; như `parlens check`"), ""}
	if len(ws) == 0 {
		lines = append(lines, " "+st.Muted.Render("Không có cảnh báo nào."))
	}
	v.first = make(map[int]int, len(ws))
	for i, dw := range ws {
		v.first[i] = len(lines)
		head := p(dw.Pos.String())
		if r := dw.rec; r != nil {
			head += " · " + p(r.Unit) + " · " + p(r.Bloc) + " · " + itoa(r.Year)
		}
		if i == v.cur {
			lines = append(lines, st.Selected.Render(text.Left(" ▶ "+head, w)))
		} else {
			lines = append(lines, "   "+st.Warn.Render(text.Truncate(head, w-3)))
		}
		msg := p(dw.Msg)
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
		if r := v.c.warnings[v.cur].rec; r != nil {
			v.c.openUnit(r.UnitID)
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
	s := fmt.Sprintf("%s cảnh báo", num.Int(len(v.c.warnings)))
	if len(v.c.warnings) > 0 {
		s = fmt.Sprintf("%s/%s cảnh báo", num.Int(v.cur+1), num.Int(len(v.c.warnings)))
	}
	if t := v.sc.status(); t != "" {
		s += " · " + t
	}
	return s
}
