package tui

import (
	"os"

	"github.com/parlens/parlens/analysis/words"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/styles"
)

// viewCtx is everything a view may use: the data and its analysis, the
// current selection, the styles and keys, the facts marked for the
// briefing, and navigation. Views never hold the root model, so a view can
// be built and tested alone with a context of its own.
type viewCtx struct {
	a    *analysis.Analysis
	ds   *data.Dataset
	st   *styles.Styles
	keys *KeyMap
	selection
	marks    *markSet
	compare  []string          // units marked for the comparison, in marking order
	warnings []analysis.Caveat // every warning about the data, placed (warnings.go)

	brief   BriefFunc
	sources []string
	outDir  string // where the briefing is written ("" = working directory)

	lang words.Lang // the language of every word on screen

	jobs *jobRunner // work too slow for a frame, off the update loop (async.go)

	navigator
}

// say writes a word in the dashboard's language.
func (c *viewCtx) say(w *words.Word) string { return w.In(c.lang) }

// sayf fills a template in the dashboard's language.
func (c *viewCtx) sayf(w *words.Word, args ...any) string { return w.F(c.lang, args...) }

// selection is what the header shows: the index, year and bloc, and the
// choices for each.
type selection struct {
	indices []string
	index   string
	years   []int
	year    int
	blocs   []string
	bloc    string
	version int // bumps when index, year or bloc change: views rebuild on it
}

// slice is the selected index, year and bloc.
func (s *selection) slice() data.Slice {
	return data.Slice{Index: s.index, Year: s.year, Bloc: s.bloc}
}

// navigator is what a view may ask of the dashboard.
type navigator interface {
	// openUnit drills into a unit over the current view.
	openUnit(id string)
	// push opens a view over the current one; q comes back.
	push(v view)
	// pop closes the view on top (what q does).
	pop()
	// showTab makes a tab current, by its id (see tabSpecs).
	showTab(id string) tea.Cmd
	// tabView is a tab's view, by its id (nil when there is none).
	tabView(id string) view
	// setBloc selects a bloc.
	setBloc(b string)
	// prompt opens a one-line input at the foot of the screen.
	prompt(p prompt) tea.Cmd
	// flash shows a message in the status bar until the next key.
	flash(msg string, isErr bool)
}

// prompt is a one-line input: a filter, a file name.
type prompt struct {
	label string
	value string
	// live is called as the text changes (nil: only on enter).
	live func(string)
	// accept runs on enter with the text.
	accept func(string) tea.Cmd
	// cancel runs on esc (nil: nothing to undo).
	cancel func()
	// nav, when set, takes keys before the input does (a list's arrows).
	nav func(tea.KeyPressMsg) bool
}

// dir is where the briefing is written by default.
func (c *viewCtx) dir() string {
	if c.outDir != "" {
		return c.outDir
	}
	d, err := os.Getwd()
	if err != nil {
		return "."
	}
	return d
}

// gradeLevel is a grade's level (0 = best) as the dataset orders it.
func (c *viewCtx) gradeLevel(bloc string, year int, grade string) int {
	if lvl, ok := c.ds.GradeLevel(data.Slice{Index: c.index, Year: year, Bloc: bloc}, grade); ok {
		return lvl
	}
	return -1
}

// gradeKind is the colour of a grade.
func (c *viewCtx) gradeKind(bloc string, year int, grade *string) styles.Kind {
	if grade == nil {
		return styles.KMuted
	}
	return styles.Grade(c.gradeLevel(bloc, year, *grade))
}

// movable is what the movement keys move: a scroller, a grid, a list.
type movable interface {
	step(n int)      // n rows down (up when negative)
	page(n int)      // n pages down (up when negative)
	end(bottom bool) // to the top or the bottom
}

// moveKey applies the movement keys (up, down, pages, top, bottom).
func (c *viewCtx) moveKey(mv movable, msg tea.KeyPressMsg) bool {
	n := c.keys.Nav
	switch {
	case key.Matches(msg, n.Down):
		mv.step(1)
	case key.Matches(msg, n.Up):
		mv.step(-1)
	case key.Matches(msg, n.PageDown):
		mv.page(1)
	case key.Matches(msg, n.PageUp):
		mv.page(-1)
	case key.Matches(msg, n.Top):
		mv.end(false)
	case key.Matches(msg, n.Bottom):
		mv.end(true)
	default:
		return false
	}
	return true
}

// markSet is the facts the analyst marked for the briefing.
type markSet struct{ list []analysis.Mover }

// markKey identifies a fact for marking.
func markKey(mv *analysis.Mover) string {
	return string(mv.Kind) + "\x00" + mv.Index + "\x00" + itoa(mv.Year) + "\x00" + mv.Bloc + "\x00" + mv.UnitID
}

func (s *markSet) has(mv *analysis.Mover) bool {
	k := markKey(mv)
	for i := range s.list {
		if markKey(&s.list[i]) == k {
			return true
		}
	}
	return false
}

// toggle marks or unmarks a fact; it reports whether the fact is now marked.
func (s *markSet) toggle(mv *analysis.Mover) bool {
	k := markKey(mv)
	for i := range s.list {
		if markKey(&s.list[i]) == k {
			s.list = append(s.list[:i], s.list[i+1:]...)
			return false
		}
	}
	s.list = append(s.list, *mv)
	return true
}

// in is the marked facts of an index and year, in marking order.
func (s *markSet) in(index string, year int) []analysis.Mover {
	var out []analysis.Mover
	for _, mv := range s.list {
		if mv.Index == index && mv.Year == year {
			out = append(out, mv)
		}
	}
	return out
}
