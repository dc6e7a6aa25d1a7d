package tui

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/text"
)

// findView is the go-to-unit picker (f or ctrl+p, from every view): every
// unit of every index and bloc, found by any of its names or codes,
// fuzzily and accent-aware (matcher); enter opens the unit's page on its
// index, year and bloc.
type findView struct {
	c     *viewCtx
	items []findItem // nil until listed (Sync)
	query string
	hits  []int // items matching hitsFor, best first
	// hitsFor is the query the hits are for: the last one typed once they
	// are found (Sync)
	hitsFor string
	cur     int
	sc      scroller
	h       int
}

// findItem is one unit as the picker searches it.
type findItem struct {
	u          analysis.Unit
	text, fold string // every name and code, as written and folded
	where      string // its latest index, year and bloc ("" until shown)
}

func newFind(c *viewCtx) *findView {
	v := &findView{c: c}
	v.Sync()
	return v
}

// Sync lists every unit, once, then finds the query's hits: both off the
// update loop on a large dataset. The list is waited for (the query typed
// meanwhile is kept); while the hits of a new query are found the previous
// ones stay on screen, so typing never waits.
func (v *findView) Sync() {
	a := v.c.a
	if v.items == nil {
		items, _, ready := await(v.c, "find", data.Slice{}, nil, words.BusyFind, func(ctx context.Context) ([]findItem, error) {
			return findItemsOf(ctx, a)
		})
		if !ready {
			return
		}
		v.items = items
	}
	if v.hits != nil && v.hitsFor == v.query {
		return
	}
	items, q := v.items, v.query
	find := await[[]int]
	if v.hits != nil {
		find = awaitQuietly[[]int] // the previous query's hits stay meanwhile
	}
	hits, _, ready := find(v.c, "find-hits", data.Slice{}, q, words.BusyFind, func(ctx context.Context) ([]int, error) {
		return findHits(ctx, items, q)
	})
	if ready {
		v.hits, v.hitsFor = hits, q
		v.cur, v.sc.off = 0, 0
	}
}

// findItemsOf is every unit as the picker searches it.
func findItemsOf(ctx context.Context, a *analysis.Analysis) ([]findItem, error) {
	us := a.Units()
	items := make([]findItem, 0, len(us))
	for i, u := range us {
		if cancelled(ctx, i) {
			return nil, ctx.Err()
		}
		parts := slices.Clone(u.Names)
		if !slices.Contains(parts, u.Unit) {
			parts = append([]string{u.Unit}, parts...)
		}
		parts = append(parts, u.Codes...)
		t := strings.Join(parts, " · ")
		items = append(items, findItem{u: u, text: t, fold: data.Fold(t)})
	}
	return items, nil
}

// setQuery keeps the units matching q (see Sync).
func (v *findView) setQuery(q string) {
	v.query = q
	v.Sync()
}

// findHits are the items matching q, best first, items of equal score in
// name order (the order of Units).
func findHits(ctx context.Context, items []findItem, q string) ([]int, error) {
	m := newMatcher(q)
	type hit struct{ i, score int }
	var hs []hit
	for i := range items {
		if cancelled(ctx, i) {
			return nil, ctx.Err()
		}
		if s, ok := m.score(items[i].text, items[i].fold); ok {
			hs = append(hs, hit{i, s})
		}
	}
	slices.SortStableFunc(hs, func(a, b hit) int { return cmp.Compare(b.score, a.score) })
	out := make([]int, len(hs))
	for k, h := range hs {
		out[k] = h.i
	}
	return out, nil
}

// selected is the unit under the cursor ("" when nothing matches).
func (v *findView) selected() string {
	if v.items != nil && v.hitsFor != v.query {
		// enter came before the hits of the last letter: they are what
		// the query asks for, found now
		v.hits, _ = findHits(context.Background(), v.items, v.query)
		v.hitsFor, v.cur = v.query, 0
	}
	if v.cur < len(v.hits) {
		return v.items[v.hits[v.cur]].u.UnitID
	}
	return ""
}

// whereOf says where a unit was last seen: index, year and bloc.
func (v *findView) whereOf(it *findItem) string {
	if it.where != "" {
		return it.where
	}
	for _, ix := range v.c.indices {
		if !slices.Contains(it.u.Indices, ix) {
			continue
		}
		if h, ok := v.c.a.IndexHistory(ix, it.u.UnitID); ok && len(h.Points) > 0 {
			last := h.Points[len(h.Points)-1]
			it.where = p(last.Bloc) + " · " + itoa(last.Year) + " · " + p(ix)
			return it.where
		}
	}
	it.where = " "
	return it.where
}

func (v *findView) Title() string    { return v.c.say(words.FindTitle) }
func (v *findView) SetSize(w, h int) { v.h = h }
func (v *findView) Restyle()         {}

func (v *findView) Render(w, h int) string {
	st := v.c.st
	nf := markOf(v.c.lang)
	head := []string{st.Section.Render(" "+v.c.say(words.FindTitle)) + st.Muted.Render(" · "+text.Truncate(v.c.say(words.FindHint), max(0, w-text.Width(v.c.say(words.FindTitle))-4))),
		st.Muted.Render(" " + v.c.sayf(words.FindCount, nf.Int(len(v.hits)), nf.Int(len(v.items))))}
	if len(v.hits) == 0 {
		return text.Lines(append(head, "", " "+st.Muted.Render(v.c.say(words.FindNone))), w, h)
	}
	bodyH := max(1, h-len(head))
	v.sc.h = bodyH
	if v.cur < v.sc.off {
		v.sc.off = v.cur
	}
	if v.cur >= v.sc.off+bodyH {
		v.sc.off = v.cur - bodyH + 1
	}
	nameW := min(48, max(20, w/2))
	var lines []string
	end := min(len(v.hits), v.sc.off+bodyH)
	for k := v.sc.off; k < end; k++ {
		it := &v.items[v.hits[k]]
		code := ""
		if it.u.UnitCode != nil {
			code = p(*it.u.UnitCode)
		}
		name := text.Left(text.Truncate(p(it.u.Unit), nameW), nameW)
		rest := text.Truncate(code+"  "+v.whereOf(it), max(0, w-nameW-4))
		if k == v.cur {
			lines = append(lines, st.Selected.Render(text.Left(" ▶ "+name+" "+rest, w)))
		} else {
			lines = append(lines, "   "+name+" "+st.Muted.Render(rest))
		}
	}
	return text.Lines(head, w, len(head)) + "\n" + text.Lines(lines, w, h-len(head))
}

// step, page and end move the cursor (movable).
func (v *findView) step(n int) { v.cur = max(0, min(len(v.hits)-1, v.cur+n)) }
func (v *findView) page(n int) { v.step(n * max(1, v.sc.h-1)) }
func (v *findView) end(bottom bool) {
	v.cur = 0
	if bottom {
		v.cur = max(0, len(v.hits)-1)
	}
}

// nav takes the keys that move the cursor while the query is typed: the
// arrows and pages only, since letters belong to the query.
func (v *findView) nav(msg tea.KeyPressMsg) bool {
	switch msg.String() {
	case "up", "ctrl+k":
		v.step(-1)
	case "down", "ctrl+j":
		v.step(1)
	case "pgup":
		v.page(-1)
	case "pgdown":
		v.page(1)
	default:
		return false
	}
	return true
}

func (v *findView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if v.c.moveKey(v, msg) {
		return true, nil
	}
	return false, nil
}

func (v *findView) Click(x, y int) tea.Cmd {
	if k := v.sc.off + y - 2; y >= 2 && k < len(v.hits) {
		v.cur = k
	}
	return nil
}

func (v *findView) Wheel(d int)              { v.step(d) }
func (v *findView) ShortHelp() []key.Binding { return nil }
func (v *findView) FullHelp() []key.Binding  { return nil }
func (v *findView) Status() string {
	nf := markOf(v.c.lang)
	return v.c.sayf(words.FindCount, nf.Int(len(v.hits)), nf.Int(len(v.items)))
}

// openFind opens the unit picker over the current view, with its query at
// the foot of the screen: enter opens the unit, esc comes back.
func (m *Model) openFind() tea.Cmd {
	v := newFind(m.c)
	m.push(v)
	return m.prompt(prompt{
		label: m.c.say(words.FindPrompt),
		live:  v.setQuery,
		nav:   v.nav,
		accept: func(string) tea.Cmd {
			id := v.selected() // the query is live: the hits are its

			m.pop()
			if id != "" {
				m.goToUnit(id)
			}
			return nil
		},
		cancel: m.pop,
	})
}

// goToUnit opens a unit's page where it is: on the current index if the
// unit is in it, else its first index (in the dashboard's order), on the
// current year if it has a record then, else its latest, and on that
// year's bloc.
func (m *Model) goToUnit(id string) {
	u, ok := m.c.a.UnitByID(id)
	if !ok {
		return
	}
	if !slices.Contains(u.Indices, m.c.index) {
		for _, ix := range m.c.indices {
			if slices.Contains(u.Indices, ix) {
				m.setIndex(ix)
				break
			}
		}
	}
	if h, ok := m.c.a.IndexHistory(m.c.index, id); ok && len(h.Points) > 0 {
		at := h.Points[len(h.Points)-1]
		for _, pt := range h.Points {
			if pt.Year == m.c.year {
				at = pt
			}
		}
		m.setYear(at.Year)
		m.setBloc(at.Bloc)
	}
	m.openUnit(id)
}
