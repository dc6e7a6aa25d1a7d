package grid

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/tui/styles"
)

type src struct{ calls int }

func (s *src) Cell(row, col int) Cell {
	s.calls++
	return Cell{Text: fmt.Sprintf("r%dc%d", row, col)}
}

func newGrid(n int) (*Grid, *src) {
	s := &src{}
	g := &Grid{St: styles.New(styles.Dark, false), Src: s, Frozen: 1, SortCol: -1}
	cols := []Column{{Title: "Name", Width: 8}}
	for i := 1; i < 10; i++ {
		cols = append(cols, Column{Title: fmt.Sprintf("C%d", i), Width: 6, Align: Right})
	}
	g.SetColumns(cols)
	rows := make([]int, n)
	for i := range rows {
		rows[i] = i
	}
	g.SetRows(rows)
	return g, s
}

func TestRendersOnlyVisibleRows(t *testing.T) {
	g, s := newGrid(100000)
	out := g.Render(40, 10)
	lines := strings.Split(out, "\n")
	if len(lines) != 10 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) != 40 {
			t.Fatalf("width %d", ansi.StringWidth(l))
		}
	}
	if s.calls > 9*10 {
		t.Fatalf("%d cell calls for 9 visible rows", s.calls)
	}
	// moving down renders the two rows whose cursor state changed
	before := s.calls
	g.Move(1)
	g.Render(40, 10)
	if d := s.calls - before; d > 2*len(g.Visible()) {
		t.Fatalf("a move cost %d cell calls", d)
	}
}

func TestFrozenAndHorizontalScroll(t *testing.T) {
	g, _ := newGrid(5)
	g.SetSize(40, 6)
	if g.Visible()[0] != 0 {
		t.Fatal("frozen column not first")
	}
	g.SetCol(9)
	vis := g.Visible()
	if vis[0] != 0 || vis[len(vis)-1] != 9 {
		t.Fatalf("after scrolling right: %v", vis)
	}
	left, right := g.Hidden()
	if !left || right {
		t.Fatalf("hidden: %v %v", left, right)
	}
	if !strings.Contains(ansi.Strip(g.Render(40, 6)), "r0c9") {
		t.Fatal("last column not drawn")
	}
	g.SetCol(0)
	if g.HOffset() != 1 {
		t.Fatalf("hoff %d", g.HOffset())
	}
}

func TestCursorAndClicks(t *testing.T) {
	g, _ := newGrid(50)
	g.SetSize(40, 10)
	g.Bottom()
	if g.Cursor() != 49 || g.Offset() != 41 {
		t.Fatalf("bottom: cursor %d offset %d", g.Cursor(), g.Offset())
	}
	g.Top()
	g.PageDown()
	if g.Cursor() != 9 {
		t.Fatalf("pgdown: %d", g.Cursor())
	}
	if r := g.RowAt(3); r != g.Offset()+2 {
		t.Fatalf("RowAt: %d", r)
	}
	if c := g.ColumnAt(3); c != 0 {
		t.Fatalf("ColumnAt: %d", c)
	}
	// a new order keeps the cursor on its row
	g.SetCursor(5)
	g.SetRows([]int{7, 6, 5, 4})
	if g.CursorRow() != 5 {
		t.Fatalf("cursor row %d", g.CursorRow())
	}
	g.SetRows(nil)
	if g.CursorRow() != -1 {
		t.Fatal("empty grid has a cursor row")
	}
	_ = g.Render(40, 10)
}

// TestEveryColumnScrollsIntoView: stepping right through columns of mixed
// widths shows each column in turn at every width, including where a
// narrow column to the left fits and a wide one to the right does not
// (that case used to loop for ever).
func TestEveryColumnScrollsIntoView(t *testing.T) {
	widths := []int{4, 5, 20, 6, 6, 8, 3, 6, 6, 6, 6, 6, 6, 12, 6, 6, 6}
	for w := 30; w <= 90; w++ {
		s := &src{}
		g := &Grid{St: styles.New(styles.Dark, true), Src: s, Frozen: 3, SortCol: -1}
		cols := make([]Column, len(widths))
		for i, cw := range widths {
			cols[i] = Column{Title: fmt.Sprintf("C%d", i), Width: cw}
		}
		g.SetColumns(cols)
		g.SetRows([]int{0, 1})
		g.SetSize(w, 5)
		for c := 0; c < len(widths); c++ {
			g.SetCol(c)
			found := false
			for _, v := range g.Visible() {
				found = found || v == c
			}
			if !found {
				t.Fatalf("width %d: column %d not visible in %v", w, c, g.Visible())
			}
		}
	}
}
