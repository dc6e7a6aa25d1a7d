// Package grid is the dashboard's virtualised table: it renders only the
// visible rows, keeps leading columns frozen while the rest scroll
// horizontally, and caches each rendered row line until the width, the
// visible columns or the data change. It does not sort or filter: the owner
// gives it the order of source rows to show.
package grid

import (
	"strings"

	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// Align places text in a column.
type Align uint8

const (
	Left Align = iota
	Right
)

// Column describes one column. Width is in cells, without the separator.
type Column struct {
	Title string
	Width int
	Align Align
}

// Cell is the plain (already sanitised) text of a cell and its semantic kind.
type Cell struct {
	Text string
	Kind styles.Kind
}

// Source supplies cells by source row and column.
type Source interface {
	Cell(row, col int) Cell
}

// gutter is the marker column: "▶" on the cursor row, then the row's mark
// (a one-cell glyph such as "!" or "●") or a space.
const gutter = 2

// Grid is a windowed table. The zero value is not usable: set St, Src and Cols.
type Grid struct {
	St     *styles.Styles
	Src    Source
	Cols   []Column
	Frozen int // leading columns always shown

	SortCol  int  // column whose heading carries the sort arrow (-1 none)
	SortDesc bool // arrow direction
	// Mark, when set, gives a source row's gutter glyph (one cell; empty
	// text for none) and its kind.
	Mark func(row int) Cell
	// Pinned, when set, is a row drawn under the heading that never
	// scrolls (a bloc mean, say).
	Pinned func(col int) Cell

	rows   []int // display order → source row
	cursor int
	offset int
	col    int // selected column
	hoff   int // first scrollable column shown

	w, h    int
	visible []int // columns shown at the current width, in order
	lineW   int   // cells a row takes with the visible columns

	cache     []string // source row → rendered line (not the cursor row)
	cacheOK   []bool
	cacheCols string // key of the visible column set the cache was built for
}

// SetColumns replaces the columns and lays them out again. A column is at
// least as wide as its title and a sort arrow.
func (g *Grid) SetColumns(cols []Column) {
	for i := range cols {
		cols[i].Width = max(cols[i].Width, text.Width(cols[i].Title)+1)
	}
	g.Cols = cols
	if g.col >= len(cols) {
		g.col = max(0, len(cols)-1)
	}
	g.visible = nil
	g.Invalidate()
	if g.w > 0 {
		g.layout()
	}
}

// SetRows sets the display order (source row indexes). The cursor keeps
// its source row when it is still shown, else it is clamped.
func (g *Grid) SetRows(rows []int) {
	keep := -1
	if g.cursor < len(g.rows) {
		keep = g.rows[g.cursor]
	}
	g.rows = rows
	g.cursor = 0
	if keep >= 0 {
		for i, r := range rows {
			if r == keep {
				g.cursor = i
				break
			}
		}
	}
	g.clamp()
}

// Rows returns the display order.
func (g *Grid) Rows() []int { return g.rows }

// Len is the number of rows shown.
func (g *Grid) Len() int { return len(g.rows) }

// Invalidate drops the row cache (data, styles or columns changed).
func (g *Grid) Invalidate() {
	g.cache = nil
	g.cacheOK = nil
	g.cacheCols = ""
}

// InvalidateRow drops one source row's cached line (it was marked, say).
func (g *Grid) InvalidateRow(row int) {
	if row >= 0 && row < len(g.cacheOK) {
		g.cacheOK[row] = false
	}
}

// SetSize lays the grid out for w×h cells (h includes the heading line).
func (g *Grid) SetSize(w, h int) {
	if w == g.w && h == g.h && len(g.visible) > 0 {
		return
	}
	g.w, g.h = w, h
	g.layout()
	g.clamp()
}

// Cursor returns the cursor's display position.
func (g *Grid) Cursor() int { return g.cursor }

// CursorRow returns the source row under the cursor, or -1.
func (g *Grid) CursorRow() int {
	if g.cursor < len(g.rows) {
		return g.rows[g.cursor]
	}
	return -1
}

// SetCursor moves the cursor to a display position.
func (g *Grid) SetCursor(i int) {
	g.cursor = i
	g.clamp()
}

// SelectRow moves the cursor to a source row if it is shown.
func (g *Grid) SelectRow(row int) bool {
	for i, r := range g.rows {
		if r == row {
			g.SetCursor(i)
			return true
		}
	}
	return false
}

// Offset is the first display row shown.
func (g *Grid) Offset() int { return g.offset }

func (g *Grid) page() int { return max(1, g.h-g.top()) }

// top is the number of lines above the rows: the heading and a pinned row.
func (g *Grid) top() int {
	if g.Pinned != nil {
		return 2
	}
	return 1
}

// Move moves the cursor by n rows.
func (g *Grid) Move(n int) { g.SetCursor(g.cursor + n) }

// PageDown and PageUp move by a screenful.
func (g *Grid) PageDown() { g.Move(g.page()) }
func (g *Grid) PageUp()   { g.Move(-g.page()) }

// Top and Bottom jump to the first and last row.
func (g *Grid) Top()    { g.SetCursor(0) }
func (g *Grid) Bottom() { g.SetCursor(len(g.rows) - 1) }

// Col is the selected column.
func (g *Grid) Col() int { return g.col }

// SetCol selects a column and scrolls it into view.
func (g *Grid) SetCol(c int) {
	g.col = max(0, min(len(g.Cols)-1, c))
	g.scrollToCol()
}

// MoveCol moves the column selection by n.
func (g *Grid) MoveCol(n int) { g.SetCol(g.col + n) }

// HOffset is the first scrollable column shown.
func (g *Grid) HOffset() int { return g.hoff }

// Visible returns the columns shown at the current width.
func (g *Grid) Visible() []int { return g.visible }

// Hidden says whether scrollable columns are cut off on the left or right.
func (g *Grid) Hidden() (left, right bool) {
	if len(g.visible) == 0 {
		return false, false
	}
	last := g.visible[len(g.visible)-1]
	return g.hoff > g.Frozen, last < len(g.Cols)-1
}

func (g *Grid) clamp() {
	n := len(g.rows)
	if g.cursor >= n {
		g.cursor = n - 1
	}
	if g.cursor < 0 {
		g.cursor = 0
	}
	page := g.page()
	if g.cursor < g.offset {
		g.offset = g.cursor
	}
	if g.cursor >= g.offset+page {
		g.offset = g.cursor - page + 1
	}
	if g.offset > n-page {
		g.offset = max(0, n-page)
	}
	if g.offset < 0 {
		g.offset = 0
	}
}

func (g *Grid) scrollToCol() {
	if g.col < g.Frozen { // back on a frozen column: scroll home
		g.hoff = g.Frozen
		g.layout()
		return
	}
	if g.col < g.hoff {
		g.hoff = g.col
	}
	for {
		g.layout()
		if g.hoff >= g.col || containsInt(g.visible, g.col) {
			return
		}
		g.hoff++
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// layout picks the visible columns for the width.
func (g *Grid) layout() {
	if g.hoff < g.Frozen {
		g.hoff = g.Frozen
	}
	if g.hoff >= len(g.Cols) {
		g.hoff = max(g.Frozen, len(g.Cols)-1)
	}
	vis := g.visible[:0]
	used := gutter
	for c := 0; c < g.Frozen && c < len(g.Cols); c++ {
		vis = append(vis, c)
		used += g.Cols[c].Width + 1
	}
	for c := g.hoff; c < len(g.Cols); c++ {
		need := g.Cols[c].Width + 1
		if used+need > g.w+1 && len(vis) > g.Frozen {
			break
		}
		vis = append(vis, c)
		used += need
	}
	// Scrolled to the right end with room to spare: show more on the left.
	// Only at the end: short of it, a column to the left that fits where
	// the next one to the right does not would undo scrollToCol's step (it
	// looped for ever on the ranking at 81 columns).
	atEnd := len(vis) > 0 && vis[len(vis)-1] == len(g.Cols)-1
	for atEnd && g.hoff > g.Frozen && used+g.Cols[g.hoff-1].Width+1 <= g.w+1 && !containsInt(vis, g.hoff-1) {
		g.hoff--
		vis = append(vis[:g.Frozen], append([]int{g.hoff}, vis[g.Frozen:]...)...)
		used += g.Cols[g.hoff].Width + 1
	}
	g.visible = vis
	g.lineW = used - 1
	key := colsKey(vis, g.w)
	if key != g.cacheCols {
		g.cacheCols = key
		g.cache = nil
		g.cacheOK = nil
	}
}

func colsKey(vis []int, w int) string {
	var b strings.Builder
	b.Grow(len(vis)*3 + 6)
	for _, c := range vis {
		b.WriteByte(byte(c))
		b.WriteByte(byte(c >> 8))
	}
	b.WriteByte(byte(w))
	b.WriteByte(byte(w >> 8))
	return b.String()
}

// Render draws the heading and the visible rows in exactly w×h cells.
func (g *Grid) Render(w, h int) string {
	if w <= 0 || h <= 0 {
		return text.Lines(nil, w, h)
	}
	g.SetSize(w, h)
	var b strings.Builder
	b.Grow(h * (w + 32))
	n := 0
	put := func(l string, exact bool) {
		if n > 0 {
			b.WriteByte('\n')
		}
		n++
		if exact {
			// built from the column widths: no need to measure it
			b.WriteString(l)
			b.WriteString(text.Spaces(w - g.lineW))
			return
		}
		b.WriteString(text.Left(l, w))
	}
	fits := g.lineW <= w
	put(g.heading(), fits)
	if g.Pinned != nil {
		put(g.pinned(), fits)
	}
	end := min(len(g.rows), g.offset+h-g.top())
	for i := g.offset; i < end; i++ {
		put(g.line(i), fits && i != g.cursor)
	}
	for n < h {
		put("", false)
	}
	return b.String()
}

func (g *Grid) heading() string {
	var b strings.Builder
	b.WriteString(text.Spaces(gutter))
	for i, c := range g.visible {
		col := g.Cols[c]
		t := col.Title
		if c == g.SortCol {
			if g.SortDesc {
				t += "▼"
			} else {
				t += "▲"
			}
		}
		var cell string
		if col.Align == Right {
			cell = text.Right(t, col.Width)
		} else {
			cell = text.Left(t, col.Width)
		}
		if c == g.col {
			b.WriteString(g.St.ColSel.Render(cell))
		} else {
			b.WriteString(g.St.ColHead.Render(cell))
		}
		if i < len(g.visible)-1 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func (g *Grid) pinned() string {
	var b strings.Builder
	b.WriteString("  ")
	for k, c := range g.visible {
		cell := g.Pinned(c)
		b.WriteString(g.St.Bold.Render(g.St.Render(cell.Kind, g.fit(cell.Text, c))))
		if k < len(g.visible)-1 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// line renders display row i.
func (g *Grid) line(i int) string {
	src := g.rows[i]
	var mark Cell
	if g.Mark != nil {
		mark = g.Mark(src)
	}
	if mark.Text == "" {
		mark.Text = " "
	}
	if i == g.cursor {
		var b strings.Builder
		b.WriteString("▶")
		b.WriteString(mark.Text)
		b.WriteString(g.plainCells(src))
		return g.St.Selected.Render(text.Left(b.String(), g.w))
	}
	if src < len(g.cacheOK) && g.cacheOK[src] {
		return g.cache[src]
	}
	var b strings.Builder
	if mark.Text != " " {
		b.WriteString(g.St.Render(mark.Kind, mark.Text) + " ")
	} else {
		b.WriteString("  ")
	}
	for k, c := range g.visible {
		cell := g.Src.Cell(src, c)
		b.WriteString(g.St.Render(cell.Kind, g.fit(cell.Text, c)))
		if k < len(g.visible)-1 {
			b.WriteByte(' ')
		}
	}
	s := b.String()
	if g.cache == nil {
		n := src + 1
		for _, r := range g.rows {
			n = max(n, r+1)
		}
		g.cache = make([]string, n)
		g.cacheOK = make([]bool, n)
	}
	if src < len(g.cache) {
		g.cache[src] = s
		g.cacheOK[src] = true
	}
	return s
}

func (g *Grid) plainCells(src int) string {
	var b strings.Builder
	for k, c := range g.visible {
		b.WriteString(g.fit(g.Src.Cell(src, c).Text, c))
		if k < len(g.visible)-1 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func (g *Grid) fit(s string, c int) string {
	col := g.Cols[c]
	if col.Align == Right {
		return text.Right(s, col.Width)
	}
	return text.Left(s, col.Width)
}

// ColumnAt returns the column under cell x of a rendered line, or -1.
func (g *Grid) ColumnAt(x int) int {
	pos := gutter
	for _, c := range g.visible {
		wd := g.Cols[c].Width
		if x >= pos && x < pos+wd+1 {
			return c
		}
		pos += wd + 1
	}
	return -1
}

// RowAt returns the display row under line y of the rendered grid (0 is
// the heading), or -1.
func (g *Grid) RowAt(y int) int {
	if y < g.top() {
		return -1
	}
	i := g.offset + y - g.top()
	if i >= len(g.rows) {
		return -1
	}
	return i
}

// ClickRow selects the row drawn at line y. It reports true when that row
// was already selected: a second click on a row opens it.
func (g *Grid) ClickRow(y int) bool {
	i := g.RowAt(y)
	if i < 0 {
		return false
	}
	if i == g.Cursor() {
		return true
	}
	g.SetCursor(i)
	return false
}
