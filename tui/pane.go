package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parlens/parlens/analysis/words"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/grid"
)

// gridPane is what the table views share, written once: the grid, the sort
// (missing values last whatever the direction, ties in the rows' own
// order), the accent-insensitive filter, the movement keys, enter, clicks
// on headings and rows, and the common part of the status line. A table
// view embeds it and supplies its rows through tableSource.
type gridPane struct {
	c   *viewCtx
	g   grid.Grid
	src tableSource

	filter   string
	match    matcher
	sortCol  int
	sortDesc bool
	sorted   []int
	// alt is the p key's other way of showing the scores (% of the
	// maximum instead of points, or the reverse): the source reads it.
	alt bool

	short, full []key.Binding // the view's help, in its order
	helpOf      func(k *KeyMap) (short, full []key.Binding)
}

// tableSource is a table view's side of the pane.
type tableSource interface {
	grid.Source
	rowCount() int
	// rowFold is a row's filter text, folded with data.Fold.
	rowFold(row int) string
	// rowText is the same text as written, for a query with diacritics.
	rowText(row int) string
	// sortKey gives each row's key in a column; column 0 is the rows' own
	// order (the rank), so it sorts ascending without a key.
	sortKey(col int) func(row int) sortKey
	// firstDesc says which way a column sorts when first chosen.
	firstDesc(col int) bool
	// rowUnit is the unit a row shows, opened by enter and a second click.
	rowUnit(row int) string
}

type sortKey struct {
	f       float64
	s       string
	missing bool
}

// floatKey is the key of an optional number.
func floatKey(x *float64) sortKey {
	if x == nil {
		return sortKey{missing: true}
	}
	return sortKey{f: *x}
}

// tableView is a view made of its rows and an embedded gridPane.
type tableView interface {
	tableSource
	pane() *gridPane
	// frozen is how many leading columns never scroll sideways.
	frozen() int
	// help is the view's keys for the footer and for ?, in its order.
	help(k *KeyMap) (short, full []key.Binding)
}

// table ties a table view to its pane; a view with a mark(row) or a
// pinned(col) method gets a gutter mark or a pinned row.
func table[V tableView](c *viewCtx, v V) V {
	p := v.pane()
	p.c, p.src = c, v
	p.g.St, p.g.Src, p.g.Frozen = c.st, v, v.frozen()
	p.helpOf = v.help
	p.short, p.full = v.help(c.keys)
	if mk, ok := any(v).(interface{ mark(row int) grid.Cell }); ok {
		p.g.Mark = mk.mark
	}
	if pn, ok := any(v).(interface{ pinned(col int) grid.Cell }); ok {
		p.g.Pinned = pn.pinned
	}
	return v
}

func (p *gridPane) pane() *gridPane { return p }

func (p *gridPane) ShortHelp() []key.Binding { return p.short }
func (p *gridPane) FullHelp() []key.Binding  { return p.full }

// Restyle drops the rows rendered with the old styles or words.
func (p *gridPane) Restyle() {
	p.g.St = p.c.st
	p.short, p.full = p.helpOf(p.c.keys)
	p.g.Invalidate()
}

func (p *gridPane) resort() {
	if p.sortCol >= len(p.g.Cols) {
		// the columns changed under the sort (the years view after a year
		// or index with fewer years): back to the rows' own order
		p.sortCol, p.sortDesc = 0, false
	}
	idx := make([]int, p.src.rowCount())
	for i := range idx {
		idx[i] = i
	}
	col, desc := p.sortCol, p.sortDesc
	if col != 0 || desc {
		keyOf := p.src.sortKey(col)
		slices.SortStableFunc(idx, func(a, b int) int {
			ka, kb := keyOf(a), keyOf(b)
			if ka.missing != kb.missing {
				if ka.missing {
					return 1
				}
				return -1
			}
			var c int
			if ka.s != "" || kb.s != "" {
				c = strings.Compare(ka.s, kb.s)
			} else {
				c = cmp.Compare(ka.f, kb.f)
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
	p.sorted = idx
	p.g.SortCol, p.g.SortDesc = col, desc
	p.refilter()
}

// sortBy sorts by a column; the same column again reverses the order.
func (p *gridPane) sortBy(col int) {
	if col == p.sortCol {
		p.sortDesc = !p.sortDesc
	} else {
		p.sortCol, p.sortDesc = col, p.src.firstDesc(col)
	}
	p.resort()
}

// SetFilter filters the rows, ignoring case, and accents unless the
// filter has some (matcher).
func (p *gridPane) SetFilter(f string) {
	p.filter = f
	p.match = newMatcher(f)
	p.refilter()
}

func (p *gridPane) refilter() {
	if p.match.empty() {
		p.g.SetRows(p.sorted)
		return
	}
	rows := make([]int, 0, 64)
	for _, i := range p.sorted {
		if p.match.match(p.src.rowText(i), p.src.rowFold(i)) {
			rows = append(rows, i)
		}
	}
	p.g.SetRows(rows)
}

// nextMatch steps d matches down (up when negative) among the rows the
// filter keeps; past the last (the first) it goes on into the next
// (previous) bloc that has a match, so the filter spans every bloc. The
// status says when no bloc has one.
func (p *gridPane) nextMatch(d int) {
	if cur := p.g.Cursor(); cur+d >= 0 && cur+d < p.g.Len() {
		p.g.Move(d)
		return
	}
	blocs, from := p.c.blocs, p.c.bloc
	i := slices.Index(blocs, from)
	for k := 1; k <= len(blocs); k++ {
		b := blocs[((i+d*k)%len(blocs)+len(blocs))%len(blocs)]
		p.c.setBloc(b)
		if p.g.Len() > 0 {
			if d > 0 {
				p.g.Top()
			} else {
				p.g.Bottom()
			}
			if b != from {
				p.c.flash(p.c.say(words.MatchInBloc)+data.Printable(b), false)
			}
			return
		}
	}
	p.c.setBloc(from)
	p.c.flash(p.c.say(words.NoMatchAnywhere), true)
}

// openCursor drills into the unit of the cursor row.
func (p *gridPane) openCursor() {
	if r := p.g.CursorRow(); r >= 0 && r < p.src.rowCount() {
		p.c.openUnit(p.src.rowUnit(r))
	}
}

// HandleKey takes the keys of a table: movement, enter, sort, filter, and
// points/%.
func (p *gridPane) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if p.c.moveKey(p, msg) {
		return true, nil
	}
	n, rk, g := p.c.keys.Nav, p.c.keys.Rank, &p.g
	switch {
	case key.Matches(msg, n.Left):
		g.MoveCol(-1)
	case key.Matches(msg, n.Right):
		g.MoveCol(1)
	case key.Matches(msg, n.Enter):
		p.openCursor()
	case key.Matches(msg, rk.Filter):
		return true, p.c.prompt(prompt{
			label:  "/ ",
			value:  p.filter,
			live:   p.SetFilter,
			accept: func(s string) tea.Cmd { p.SetFilter(s); return nil },
			cancel: func() { p.SetFilter("") },
		})
	case key.Matches(msg, rk.ClearFilter) && p.filter != "":
		p.SetFilter("")
	case key.Matches(msg, rk.NextMatch) && p.filter != "":
		p.nextMatch(1)
	case key.Matches(msg, rk.PrevMatch) && p.filter != "":
		p.nextMatch(-1)
	case key.Matches(msg, rk.Sort):
		p.sortBy(g.Col())
	case key.Matches(msg, rk.Points):
		p.alt = !p.alt
		g.Invalidate()
		p.resort() // a column of scores may sort by the other number now
	default:
		return false, nil
	}
	return true, nil
}

// Click on a heading sorts by its column; on the cursor row, opens it.
func (p *gridPane) Click(x, y int) tea.Cmd {
	if y == 0 {
		if c := p.g.ColumnAt(x); c >= 0 {
			p.g.SetCol(c)
			p.sortBy(c)
		}
		return nil
	}
	if p.g.ClickRow(y) {
		p.openCursor()
	}
	return nil
}

func (p *gridPane) Wheel(d int) { p.g.Move(d) }
func (p *gridPane) step(n int)  { p.g.Move(n) }

func (p *gridPane) page(n int) {
	if n > 0 {
		p.g.PageDown()
	} else {
		p.g.PageUp()
	}
}

func (p *gridPane) end(bottom bool) {
	if bottom {
		p.g.Bottom()
	} else {
		p.g.Top()
	}
}

// status is the shared start of the status line: rows shown of all (with
// what follows the count), the filter, the sort.
func (p *gridPane) status(what string) []string {
	nf := markOf(p.c.lang)
	parts := []string{fmt.Sprintf("%s/%s %s", nf.Int(p.g.Len()), nf.Int(p.src.rowCount()), what)}
	if p.filter != "" {
		parts = append(parts, p.c.say(words.FilterOn)+data.Printable(p.filter)+"”")
	}
	if p.sortCol < len(p.g.Cols) {
		parts = append(parts, p.c.say(words.SortOn)+p.g.Cols[p.sortCol].Title+dirArrow(p.sortDesc))
	}
	return parts
}

func dirArrow(desc bool) string {
	if desc {
		return "▼"
	}
	return "▲"
}
