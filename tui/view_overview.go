package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/chart"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// overviewView shows every bloc of the year: grade distribution, leader and
// bottom with their tags, mean and its change, up/down counts; then the
// year's top movers.
type overviewView struct {
	c *viewCtx
	textPane
	blocAt  map[int]string
	blocTop map[string]int
}

func newOverview(c *viewCtx) *overviewView { return &overviewView{c: c} }

func (v *overviewView) Title() string { return v.c.say(words.TabOverview) }

func (v *overviewView) Sync() { v.build() }

func (v *overviewView) key() string {
	return fmt.Sprintf("%d|%d|%s|%p", v.c.version, v.w, v.c.bloc, v.c.st)
}

func (v *overviewView) build() {
	nf := markOf(v.c.lang)
	k := v.key()
	if k == v.built || v.w <= 0 {
		return
	}
	prevBloc := ""
	if v.built != "" {
		prevBloc = strings.Split(v.built, "|")[2]
	}
	v.built = k
	c, st, w := v.c, v.c.st, v.w
	sum, ok := c.a.Summary(c.index, c.year)
	var lines []string
	v.blocAt = map[int]string{}
	v.blocTop = map[string]int{}
	if !ok {
		lines = append(lines, "", " "+st.Muted.Render(c.sayf(words.NoData, p(c.index), c.year)))
		v.sc.set(lines)
		return
	}
	barW := max(10, min(40, w/4))
	for _, bs := range sum.Blocs {
		bs := bs
		v.blocTop[bs.Bloc] = len(lines)
		movers := c.a.BlocMovers(c.slice().WithBloc(bs.Bloc))
		head := c.sayf(words.OverviewBlocUnits, p(bs.Bloc), nf.Int(bs.Units))
		switch {
		case bs.Scored == 0:
			head += c.say(words.OnlyGrades)
		case bs.Ranked != bs.Units:
			head += c.sayf(words.RankedCount, nf.Int(bs.Ranked))
		}
		if bs.PrevYear != nil {
			head += c.sayf(words.ComparedTo, *bs.PrevYear)
		}
		marker := "  "
		if bs.Bloc == c.bloc {
			marker = "▶ "
		}
		v.blocAt[len(lines)] = bs.Bloc
		lines = append(lines, st.Section.Render(marker+text.Truncate(head, w-3)))

		// grade distribution
		var counts, levels []int
		var legend []string
		graded := 0
		for _, g := range bs.Grades {
			graded += g.Count
		}
		for i, g := range bs.Grades {
			lvl := c.gradeLevel(bs.Bloc, c.year, g.Grade)
			if lvl < 0 {
				lvl = i
			}
			counts = append(counts, g.Count)
			levels = append(levels, lvl)
			item := chart.LevelGlyph(lvl) + " " + p(words.Grade(g.Grade, c.lang)) + " " + nf.Ratio(g.Count, bs.Units)
			if g.Change != nil {
				c := "="
				if *g.Change != 0 {
					c = nf.SignedInt(*g.Change)
				}
				item += " (" + c + ")"
			}
			legend = append(legend, st.Render(styles.Grade(lvl), item))
		}
		if bs.Ungraded > 0 {
			legend = append(legend, st.Muted.Render(c.sayf(words.Ungraded, nf.Ratio(bs.Ungraded, bs.Units))))
		}
		var bar strings.Builder
		for _, sg := range chart.Stacked(counts, levels, barW) {
			bar.WriteString(st.Render(styles.Grade(sg.Level), sg.Text))
		}
		label := func(s string) string { return "   " + st.Muted.Render(text.Left(s, 11)) }
		leg := strings.Join(legend, st.Muted.Render(" · "))
		if b := bandsText(&bs, c.lang); b != "" {
			lines = append(lines, label(c.say(words.LabelBands))+text.Truncate(b, max(0, w-14)))
		} else if graded == 0 {
			lines = append(lines, label(c.say(words.LabelGrades))+st.Muted.Render(c.say(words.None)))
		} else if 3+11+barW+2+text.Width(leg) <= w {
			lines = append(lines, label(c.say(words.LabelGrades))+bar.String()+"  "+leg)
		} else {
			lines = append(lines, label(c.say(words.LabelGrades))+bar.String())
			for _, l := range wrapStyled(legend, w-14, st.Muted.Render(" · ")) {
				lines = append(lines, text.Spaces(14)+l)
			}
		}

		// leader and bottom with their tags
		tag := func(ids []analysis.UnitScore, kinds ...analysis.MoverKind) string {
			var tags []string
			for i := range movers {
				mv := &movers[i]
				for _, k := range kinds {
					if mv.Kind == k && hasUnit(ids, mv.UnitID) {
						if t := standingTag(mv, c.lang); t != "" {
							tags = append(tags, t)
						}
					}
				}
			}
			return strings.Join(tags, ", ")
		}
		who := func(us []analysis.UnitScore) string {
			var names []string
			for _, u := range us {
				names = append(names, p(u.Unit)+" "+nf.ScoreP(u.Score, scorePad(c.ds)))
			}
			return strings.Join(names, "; ")
		}
		if len(bs.Leader) > 0 {
			t := tag(bs.Leader, analysis.Top, analysis.FirstTimeTop, analysis.RegainedTop, analysis.RetainedTop)
			l := st.Render(styles.KGood, text.Truncate(who(bs.Leader), w-16))
			if t != "" {
				l += st.Muted.Render(" · " + t)
			}
			lines = append(lines, label(c.say(words.LabelLeader))+l)
		}
		if len(bs.Bottom) > 0 {
			t := tag(bs.Bottom, analysis.Bottom)
			l := st.Render(styles.KBad, text.Truncate(who(bs.Bottom), w-16))
			if t != "" {
				l += st.Muted.Render(" · " + t)
			}
			lines = append(lines, label(c.say(words.LabelBottom))+l)
		}
		if bs.Mean != nil {
			l := nf.Fixed(*bs.Mean, 2)
			if bs.MeanChg != nil {
				l += " " + st.Render(signKind(*bs.MeanChg), "("+nf.Change(*bs.MeanChg, 2)+")")
			}
			if bs.Up != nil && bs.Down != nil {
				l += st.Muted.Render(" · ") + st.Render(styles.KGood, "▲"+nf.Int(*bs.Up)+c.say(words.ScoreUp)) +
					st.Muted.Render(" · ") + st.Render(styles.KBad, "▼"+nf.Int(*bs.Down)+c.say(words.ScoreDown))
				if bs.Same != nil && *bs.Same > 0 {
					l += st.Muted.Render(" · =" + nf.Int(*bs.Same))
				}
			}
			if bs.Min != nil && bs.Max != nil && w >= 110 {
				l += st.Muted.Render(c.sayf(words.MinMax, nf.Score(*bs.Min, scorePad(c.ds)), nf.Score(*bs.Max, scorePad(c.ds))))
			}
			lines = append(lines, label(c.say(words.LabelMeanScore))+l)
		}
		lines = append(lines, "")
	}

	// the year's top movers
	lines = append(lines, st.Section.Render(c.sayf(words.TopMovers, c.year)))
	top, left := topMovers(c.a.Movers(c.index, c.year), 24)
	if len(top) == 0 {
		lines = append(lines, "   "+st.Muted.Render(c.say(words.NoTopMovers)))
	}
	blocW := 0
	for _, b := range c.blocs {
		blocW = max(blocW, text.Width(p(b)))
	}
	blocW = min(blocW, max(10, w/5))
	for _, tm := range top {
		kw := 22
		mv := tm.Mover
		l := "   " + st.Muted.Render(text.Left(p(mv.Bloc), blocW)) + " " +
			st.Render(kindTone(mv.Kind), text.Left(kindName(mv.Kind, c.lang), kw)) + " " +
			p(mv.Unit) + st.Muted.Render(" · "+factDetail(&mv, scorePad(c.ds), c.lang))
		lines = append(lines, l)
		if tm.more > 0 { // the rest of this kind in this bloc, counted, not dropped silently
			lines = append(lines, "   "+text.Spaces(blocW+1+kw+1)+st.Muted.Render(c.sayf(words.MoreOfKind, tm.more)))
		}
	}
	if left > 0 {
		lines = append(lines, "   "+st.Muted.Render(c.sayf(words.MoreHighlights, left, tabIndex("movers")+1)))
	}
	lines = append(lines, "", "   "+st.Muted.Render(c.say(words.OverviewHint)))
	v.sc.set(lines)
	// keep the selected bloc in sight when it changes
	if prevBloc != c.bloc {
		if t, ok := v.blocTop[c.bloc]; ok && (t < v.sc.off || t+6 > v.sc.off+v.h) {
			v.sc.off = t
			v.sc.clamp()
		}
	}
}

// standingTag words a leader's or bottom unit's fact: first time, streak.
func standingTag(mv *analysis.Mover, l words.Lang) string {
	switch mv.Kind {
	case analysis.FirstTimeTop:
		return words.MoverKind(string(analysis.FirstTimeTop)).In(l)
	case analysis.RegainedTop:
		if mv.Count != nil {
			return words.TopRegainedN.F(l, *mv.Count)
		}
		return words.TopRegained.In(l)
	case analysis.RetainedTop:
		if mv.Streak != nil {
			return words.TopRetainedN.F(l, *mv.Streak)
		}
		return words.TopRetained.In(l)
	case analysis.Bottom:
		return words.MoverKind(string(analysis.Bottom)).In(l) + " " + factTag(mv, l)
	}
	return ""
}

func hasUnit(us []analysis.UnitScore, id string) bool {
	for _, u := range us {
		if u.UnitID == id {
			return true
		}
	}
	return false
}

// topMover is a headline fact and how many more of its kind in its bloc
// the overview leaves out.
type topMover struct {
	analysis.Mover
	more int
}

// topMovers picks the headline facts of the year: two per bloc and kind,
// at most limit in all. It counts what it leaves out: per shown fact, the
// others of its kind and bloc (more), and the facts left once the limit is
// reached (left).
func topMovers(all []analysis.Mover, limit int) (out []topMover, left int) {
	kinds := []analysis.MoverKind{analysis.FirstTimeTop, analysis.RegainedTop, analysis.BiggestGain, analysis.BiggestDrop,
		analysis.BiggestClimb, analysis.BiggestFall, analysis.GradeUp, analysis.GradeDown}
	for _, k := range kinds {
		last := map[string]int{} // bloc → its last shown fact of this kind
		per := map[string]int{}
		for _, mv := range all {
			switch {
			case mv.Kind != k:
			case per[mv.Bloc] >= 2:
				out[last[mv.Bloc]].more++
			case len(out) >= limit:
				left++
			default:
				per[mv.Bloc]++
				last[mv.Bloc] = len(out)
				out = append(out, topMover{Mover: mv})
			}
		}
	}
	return out, left
}

// wrapStyled packs styled items into lines of at most w cells.
func wrapStyled(items []string, w int, sep string) []string {
	var out []string
	cur := ""
	for _, it := range items {
		if cur == "" {
			cur = it
			continue
		}
		if text.Width(cur)+text.Width(sep)+text.Width(it) > w {
			out = append(out, cur)
			cur = it
			continue
		}
		cur += sep + it
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

func (v *overviewView) Render(w, h int) string { return v.draw(w, h, v.build) }

func (v *overviewView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if key.Matches(msg, v.c.keys.Nav.Enter) {
		return true, v.c.showTab("ranking")
	}
	return v.c.moveKey(&v.sc, msg), nil
}

func (v *overviewView) Click(x, y int) tea.Cmd {
	if b, ok := v.blocAt[v.sc.off+y]; ok {
		if b == v.c.bloc {
			return v.c.showTab("ranking")
		}
		v.c.setBloc(b)
	}
	return nil
}

func (v *overviewView) ShortHelp() []key.Binding {
	n := v.c.keys.Nav
	return []key.Binding{n.Down, n.Up, n.Enter}
}

func (v *overviewView) FullHelp() []key.Binding { return nil }

func (v *overviewView) Status() string {
	s := v.c.sayf(words.BlocCount, len(v.c.a.BlocsIn(v.c.index, v.c.year)))
	if t := v.sc.status(v.c.lang); t != "" {
		s += " · " + t
	}
	return s
}
