package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/text"
)

// compareView puts the units marked with space in the ranking side by
// side: their scores, ranks and grades in every year of the index, as
// published (c opens it from every view).
type compareView struct {
	c *viewCtx
	textPane
}

func newCompare(c *viewCtx) *compareView { return &compareView{c: c} }

func (v *compareView) Title() string { return v.c.say(words.CompareTitle) }
func (v *compareView) Sync()         {}

func (v *compareView) build() {
	c := v.c
	k := fmt.Sprintf("%d|%d|%s|%p|%d", c.version, v.w, strings.Join(c.compare, "\x00"), c.st, v.h)
	if k == v.built || v.w <= 0 {
		return
	}
	v.built = k
	st, nf := c.st, markOf(c.lang)
	pad := scorePad(c.ds)
	n := len(c.compare)
	yearW := 6
	colW := max(10, min(32, (v.w-yearW-2)/max(1, n)))
	hist := make([]map[int]analysis.HistoryPoint, n)
	names := make([]string, n)
	for i, id := range c.compare {
		names[i] = p(id)
		if u, ok := c.a.UnitByID(id); ok {
			names[i] = p(u.Unit)
		}
		hist[i] = map[int]analysis.HistoryPoint{}
		if h, ok := c.a.IndexHistory(c.index, id); ok {
			for _, pt := range h.Points {
				hist[i][pt.Year] = pt
			}
		}
	}
	var lines []string
	head := text.Left(" "+c.say(words.HistYear), yearW)
	for _, nm := range names {
		head += text.Right(text.Truncate(nm, colW-1), colW)
	}
	lines = append(lines, st.Bold.Render(head))
	section := func(title *words.Word, cell func(pt analysis.HistoryPoint) string) {
		lines = append(lines, "", st.Section.Render(" "+c.say(title)))
		for _, y := range c.years {
			row := text.Left(" "+itoa(y), yearW)
			for i := range names {
				s := "–"
				if pt, ok := hist[i][y]; ok {
					s = cell(pt)
				}
				row += text.Right(text.Truncate(s, colW-1), colW)
			}
			lines = append(lines, row)
		}
	}
	section(words.HeadScore, func(pt analysis.HistoryPoint) string { return nf.ScoreP(pt.Score, pad) })
	section(words.HeadRank, func(pt analysis.HistoryPoint) string {
		if pt.Rank == nil {
			return "–"
		}
		return rankOf(*pt.Rank, pt.RankedOf)
	})
	section(words.HeadGrade, func(pt analysis.HistoryPoint) string {
		if pt.Grade == nil {
			return "–"
		}
		return words.Grade(p(*pt.Grade), c.lang)
	})
	lines = append(lines, "", st.Muted.Render(" "+c.sayf(words.CompareNote, p(c.index))))
	v.sc.set(lines)
}

func (v *compareView) Render(w, h int) string { return v.draw(w, h, v.build) }

func (v *compareView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	return v.c.moveKey(&v.sc, msg), nil
}

func (v *compareView) Click(x, y int) tea.Cmd   { return nil }
func (v *compareView) ShortHelp() []key.Binding { return []key.Binding{v.c.keys.Nav.Down} }
func (v *compareView) FullHelp() []key.Binding  { return nil }
func (v *compareView) Status() string {
	s := v.c.sayf(words.CompareCount, len(v.c.compare))
	if t := v.sc.status(v.c.lang); t != "" {
		s += " · " + t
	}
	return s
}

// toggleCompare marks a unit for the comparison, or unmarks it; it reports
// whether the unit is now marked.
func (c *viewCtx) toggleCompare(id string) bool {
	if i := slices.Index(c.compare, id); i >= 0 {
		c.compare = slices.Delete(c.compare, i, i+1)
		return false
	}
	c.compare = append(c.compare, id)
	return true
}

// openCompare shows the comparison of the marked units, or says how to
// mark them.
func (m *Model) openCompare() tea.Cmd {
	if len(m.c.compare) < 2 {
		m.flash(m.c.say(words.CompareNeedTwo), true)
		return nil
	}
	m.push(newCompare(m.c))
	return nil
}
