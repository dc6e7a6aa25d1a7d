package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/styles"
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
func (v *compareView) Sync()         { v.build() }

func (v *compareView) build() {
	c := v.c
	k := fmt.Sprintf("%d|%d|%s|%p", c.version, v.w, strings.Join(c.compare, "\x00"), c.st) // its height is the pane's, not the page's
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
	lines = append(lines, v.profileLines(names)...)
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

// profileLines sets the marked units' component results of the year side
// by side: each unit's score and its difference to its own bloc's mean,
// the bloc mean (one column per bloc the units are in) and the maximum.
func (v *compareView) profileLines(names []string) []string {
	c, st, nf := v.c, v.c.st, markOf(v.c.lang)
	pad := scorePad(c.ds)
	lines := []string{"", st.Section.Render(" " + c.sayf(words.CompareProfile, c.year))}
	rows := c.a.CompareComponents(c.index, c.year, c.compare)
	if len(rows) == 0 {
		return append(lines, "   "+st.Muted.Render(c.sayf(words.CompareNoProfile, c.year)))
	}
	var blocs []string // the blocs the units stood in, in the units' order
	for _, r := range rows {
		for _, cell := range r.Cells {
			if cell.Bloc != "" && !slices.Contains(blocs, cell.Bloc) {
				blocs = append(blocs, cell.Bloc)
			}
		}
	}
	const maxW = 7
	meanW := 8
	if len(blocs) > 1 { // each mean column names its bloc
		for _, b := range blocs {
			meanW = max(meanW, min(18, text.Width(c.sayf(words.ColBlocMeanOf, p(b)))+1))
		}
	}
	cellW := max(12, min(24, (v.w-30-len(blocs)*meanW-maxW)/max(1, len(names))))
	nameW := max(10, min(40, v.w-2-len(names)*cellW-len(blocs)*meanW-maxW))
	head := " " + text.Left(c.say(words.ColComponentName), nameW)
	for _, nm := range names {
		head += text.Right(text.Truncate(nm, cellW-1), cellW)
	}
	for _, b := range blocs {
		t := c.say(words.ColBlocMeanShort)
		if len(blocs) > 1 {
			t = c.sayf(words.ColBlocMeanOf, p(b))
		}
		head += text.Right(text.Truncate(t, meanW-1), meanW)
	}
	lines = append(lines, st.Muted.Render(head+text.Right(c.say(words.ColMaxShort), maxW)))
	for _, r := range rows {
		name := p(r.Name)
		if r.Bonus {
			name = bonusName(c, name, nameW)
		}
		line := " " + text.Left(name, nameW)
		means := map[string]string{}
		for _, cell := range r.Cells {
			if cell.Score == nil {
				line += text.Right("–", cellW)
				continue
			}
			sc := nf.Score(*cell.Score, pad)
			diff := ""
			if cell.VsMean != nil {
				k := signKind(*cell.VsMean)
				if r.Bonus {
					k = styles.KMuted // points earned or not, never a weakness
				}
				diff = " " + st.Render(k, nf.Change(*cell.VsMean, 2))
			}
			line += text.Right(sc+diff, cellW)
			if cell.BlocMean != nil {
				means[cell.Bloc] = nf.Fixed(*cell.BlocMean, 2)
			}
		}
		for _, b := range blocs {
			m, ok := means[b]
			if !ok {
				m = "–"
			}
			line += text.Right(m, meanW)
		}
		mx := ""
		if r.Max != nil {
			mx = nf.Score(*r.Max, 0)
		}
		lines = append(lines, line+text.Right(mx, maxW))
	}
	lines = append(lines, "")
	for _, l := range text.Wrap(c.say(words.CompareProfileNote), v.w-2) {
		lines = append(lines, st.Muted.Render(" "+l))
	}
	return lines
}
