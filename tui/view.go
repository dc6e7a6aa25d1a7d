package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/text"
)

// view is one screen of the dashboard. Views are plain structs: the root
// model routes keys and mouse to them and asks them to render a w×h box.
type view interface {
	Title() string
	// Render draws exactly w×h cells.
	Render(w, h int) string
	// SetSize lays the view out; called on resize only.
	SetSize(w, h int)
	// Sync rebuilds what depends on the index, year or bloc when they changed.
	Sync()
	// Restyle drops whatever was rendered with the old styles.
	Restyle()
	HandleKey(msg tea.KeyPressMsg) (handled bool, cmd tea.Cmd)
	Click(x, y int) tea.Cmd
	Wheel(delta int)
	ShortHelp() []key.Binding
	FullHelp() []key.Binding
	// Status is the footer's status: rows shown/total, filter, sort.
	Status() string
}

// textPane is what the text views share: built lines in a scroller, the size
// they were laid out for, and the key of what they were built for.
type textPane struct {
	sc    scroller
	w, h  int
	built string // "" = build again
}

// SetSize only records the size: the lines are built when next drawn.
func (pg *textPane) SetSize(w, h int) {
	pg.w, pg.h = w, h
	pg.sc.h = h
}

func (pg *textPane) Restyle()    { pg.built = "" }
func (pg *textPane) Wheel(d int) { pg.sc.scroll(d) }

// draw shows the lines in a w×h box, built first if need be.
func (pg *textPane) draw(w, h int, build func()) string {
	if w != pg.w || h != pg.h {
		pg.SetSize(w, h)
	}
	build()
	return pg.sc.render(w, h)
}

// scroller is a pane of pre-rendered lines with a scroll offset.
type scroller struct {
	lines []string
	off   int
	h     int
}

func (s *scroller) set(lines []string) {
	s.lines = lines
	s.clamp()
}

func (s *scroller) clamp() {
	if s.off > len(s.lines)-s.h {
		s.off = len(s.lines) - s.h
	}
	if s.off < 0 {
		s.off = 0
	}
}

func (s *scroller) scroll(n int) {
	s.off += n
	s.clamp()
}

func (s *scroller) step(n int) { s.scroll(n) }
func (s *scroller) page(n int) { s.scroll(n * max(1, s.h-1)) }

func (s *scroller) end(bottom bool) {
	s.off = 0
	if bottom {
		s.off = len(s.lines)
		s.clamp()
	}
}

func (s *scroller) render(w, h int) string {
	s.h = h
	s.clamp()
	end := min(len(s.lines), s.off+h)
	var vis []string
	if s.off < end {
		vis = s.lines[s.off:end]
	}
	return text.Lines(vis, w, h)
}

func (s *scroller) status(l words.Lang) string {
	if len(s.lines) <= s.h || s.h <= 0 {
		return ""
	}
	return words.ScrollLines.F(l, s.off+1, min(len(s.lines), s.off+s.h), len(s.lines))
}
