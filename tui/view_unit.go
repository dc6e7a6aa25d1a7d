package tui

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/chart"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// unitView is one unit: its history across years with a rank chart, its
// component bars for the year, what separates it from the next grade and
// rank, the rank it would have had with last year's score, and its facts.
type unitView struct {
	c      *viewCtx
	unitID string
	textPane
	name   string
	facts  []analysis.Mover
	factAt map[int]int // line → fact
}

func newUnitView(c *viewCtx, id string) *unitView {
	v := &unitView{c: c}
	v.showUnit(id)
	return v
}

// newUnitPage is the unit tab's page, shown when a unit is chosen.
func newUnitPage(c *viewCtx) *unitView { return &unitView{c: c} }

// showUnit turns the page to a unit, from its top.
func (v *unitView) showUnit(id string) {
	v.unitID = id
	v.name = p(id)
	if u, ok := v.c.a.UnitByID(id); ok {
		v.name = p(u.Unit)
	}
	v.built = ""
	v.sc.off = 0
}

// openTab shows the unit on screen, else the one under the ranking's
// cursor, over the ranking.
func (v *unitView) openTab(top view) ([]view, bool) {
	rk := v.c.tabView("ranking")
	id := ""
	if top == view(v) {
		id = v.unitID
	} else if pk, ok := rk.(unitPicker); ok {
		id = pk.SelectedUnit()
	}
	if id == "" {
		return nil, false
	}
	v.showUnit(id)
	return []view{rk}, true
}

func (v *unitView) Title() string { return text.Truncate(v.name, 30) }
func (v *unitView) Sync()         { v.build() }

func (v *unitView) build() {
	nf := markOf(v.c.lang)
	k := fmt.Sprintf("%d|%d|%d|%p|%d", v.c.version, v.w, v.h, v.c.st, len(v.c.marks.list))
	if k == v.built || v.w <= 0 {
		return
	}
	v.built = k
	c, st, w := v.c, v.c.st, v.w
	pad := scorePad(c.ds)
	var lines []string
	add := func(s ...string) { lines = append(lines, s...) }
	section := func(s string) { add(st.Section.Render(" " + s)) }

	h, ok := c.a.IndexHistory(c.index, v.unitID)
	var cur *analysis.HistoryPoint
	if ok {
		for i := range h.Points {
			if h.Points[i].Year == c.year {
				cur = &h.Points[i]
			}
		}
	}
	// title line
	title := st.Bold.Render(" " + v.name)
	if u, ok := c.a.UnitByID(v.unitID); ok && u.UnitCode != nil {
		title += st.Muted.Render(" (" + p(*u.UnitCode) + ")")
	}
	bloc := ""
	if cur != nil {
		bloc = cur.Bloc
		sub := fmt.Sprintf(" · %s · %d: ", p(cur.Bloc), c.year)
		if cur.Rank != nil {
			sub += c.say(words.UnitRank) + rankOf(*cur.Rank, cur.RankedOf)
		} else if cur.NotRanked {
			sub += c.say(words.UnitNotRanked)
		} else {
			sub += c.say(words.UnitNotYetRanked)
		}
		if cur.Score != nil {
			sub += " · " + nf.Score(*cur.Score, pad) + c.say(words.UnitPoints)
		}
		title += st.Muted.Render(sub)
		if cur.Grade != nil {
			title += st.Muted.Render(" · ") + st.Render(c.gradeKind(bloc, c.year, cur.Grade), p(words.Grade(ps(cur.Grade), c.lang)))
		}
	} else {
		title += st.Muted.Render(c.sayf(words.UnitNoResult, p(c.index), c.year))
	}
	add(title, "")

	// the data warnings on the unit's row this year
	if issues := unitWarnings(c.warnings, c.index, c.year, bloc)[v.unitID]; len(issues) > 0 {
		section(c.sayf(words.UnitWarnings, c.year, tabIndex("warnings")+1))
		for _, is := range issues {
			for i, l := range text.Wrap(p(caveatPos(&is)+": "+is.Message), w-5) {
				if i == 0 {
					add("   " + st.Warn.Render("! "+l))
				} else {
					add("     " + l)
				}
			}
		}
		add("")
	}

	add(v.lineageLines()...) // mergers and splits, predecessors side by side (view_lineage.go)

	// history and rank chart
	if ok && len(h.Points) > 0 {
		section(c.say(words.UnitHistory) + p(c.index))
		hist := []string{st.Muted.Render(fmt.Sprintf("  %-5s %7s %9s  %s", c.say(words.HistYear), c.say(words.HeadScore), c.say(words.HeadRank), c.say(words.HeadGrade)))}
		var ranks []int
		for _, pt := range h.Points {
			score, rank := numfmt.Dash, numfmt.Dash
			if pt.Score != nil {
				score = nf.Score(*pt.Score, pad)
			}
			if pt.Rank != nil {
				rank = rankOf(*pt.Rank, pt.RankedOf)
				ranks = append(ranks, *pt.Rank)
			} else {
				if pt.NotRanked {
					rank = c.say(words.NotRanked)
				}
				ranks = append(ranks, 0)
			}
			line := fmt.Sprintf("  %-5d %7s %9s  ", pt.Year, score, rank)
			g := st.Render(c.gradeKind(pt.Bloc, pt.Year, pt.Grade), text.Left(ps(pt.Grade), 10))
			mark := ""
			if pt.Year == c.year {
				mark = st.Accent.Render(" ◀")
			}
			if pt.Via != nil {
				mark += st.Muted.Render(v.c.sayf(words.HistoryVia, p(*pt.Via)))
			}
			if pt.Bloc != bloc && bloc != "" {
				mark += st.Muted.Render(" · " + p(pt.Bloc))
			}
			mark += v.historyMark(pt.Year) // view_lineage.go
			hist = append(hist, line+g+mark)
		}
		// the rank and score charts: beside the table when there is room,
		// else below
		years := make([]int, len(h.Points))
		for i, pt := range h.Points {
			years[i] = pt.Year
		}
		room := chartRoom(v.h)
		track := c.a.ScoreTrack(c.index, v.unitID)
		// the widest years that let all three sit side by side, else the
		// widest that keep the rank chart beside the table
		var blocks [][]string
		for colW := 6; colW >= 3; colW-- {
			blocks = [][]string{hist, rankChartLines(c, v.unitID, ranks, years, colW, room)}
			if hasTotals(track) {
				blocks = append(blocks, scoreChartLines(c, v.unitID, track, colW, max(5, min(12, room))))
			}
			if len(besideOrBelow(blocks, w, 4)) <= len(joinBeside(blocks, 4)) {
				break
			}
		}
		add(besideOrBelow(blocks, w, 4)...)
		add("")
	}

	// components
	if uc, ok := c.a.UnitComponents(c.index, c.year, v.unitID); ok && len(uc.Components) > 0 {
		section(c.sayf(words.ComponentsOfYear, c.year))
		nameW := min(30, max(12, w/5))
		barW := max(10, min(30, w-nameW-65))
		add("   " + st.Muted.Render(c.say(words.ComponentsKey)))
		add(st.Muted.Render(fmt.Sprintf("   %s %s %13s %7s %8s %6s %7s",
			text.Left(c.say(words.ColComponentName), nameW), text.Spaces(barW),
			c.say(words.ColScoreOfMax), c.say(words.ColBlocMeanShort), c.say(words.ColBest), c.say(words.ColLostShort), "±")))
		for i := range uc.Components {
			cs := &uc.Components[i]
			full := p(cs.Name)
			if cs.Code != nil {
				full = p(*cs.Code) + " " + full
			}
			var bar string
			k := styles.KAccent
			if cs.Bonus {
				// extra points, not an area: named so, never coloured as a weakness
				full = bonusName(c, full, nameW)
			} else if cs.Pct != nil {
				k = styles.Heat(*cs.Pct)
			}
			name := text.Left(full, nameW)
			if cs.Score != nil && cs.ApplicableMax != nil {
				bar = st.Render(k, componentBar(cs, barW))
			} else {
				bar = text.Spaces(barW)
			}
			sc := numfmt.Dash
			switch {
			case cs.NotApplicable:
				sc = c.say(words.NotApplicable)
			case cs.Score != nil:
				sc = nf.Score(*cs.Score, pad)
				if cs.ApplicableMax != nil { // the maximum that applies to the unit, as in its tree
					sc += "/" + nf.Score(*cs.ApplicableMax, 0)
				}
			}
			mean, best, lost, chg := "", "", "", ""
			if cs.BlocMean != nil {
				mean = nf.Fixed(*cs.BlocMean, 2)
			}
			if cs.BlocBest != nil {
				best = nf.Score(*cs.BlocBest, pad)
			}
			if cs.Lost != nil {
				lost = nf.Fixed(*cs.Lost, 2)
			}
			chgS := ""
			if cs.Change != nil {
				chg = nf.Change(*cs.Change, 2)
				chgS = st.Render(signKind(*cs.Change), fmt.Sprintf("%7s", chg))
			}
			add(fmt.Sprintf("   %s %s %13s %7s %8s %6s ", name, bar, sc, mean, best, lost) + chgS)
		}
		sum := []string{}
		if uc.Lost != nil {
			sum = append(sum, c.say(words.LostTotal)+nf.Fixed(*uc.Lost, 2)+c.say(words.UnitPoints))
		}
		if uc.Strongest != nil {
			sum = append(sum, c.say(words.StrongestVsBloc)+ps(uc.Strongest))
		}
		if uc.Weakest != nil {
			sum = append(sum, c.say(words.WeakestShort)+ps(uc.Weakest))
		}
		if uc.Rose != nil && uc.Fell != nil {
			sum = append(sum, c.sayf(words.ComponentsRoseFell, *uc.Rose, *uc.Fell))
		}
		for _, l := range wrapStyled(sum, w-4, " · ") {
			add("   " + st.Muted.Render(l))
		}
		add("")
	}
	add(v.treeLines(w)...) // the areas' criteria, with a tree (unit_tree.go)

	// gaps
	if g, ok := c.a.UnitGap(c.index, c.year, v.unitID); ok {
		section(c.say(words.HeadGaps))
		if g.NextGrade != nil && g.ToNextGrade != nil {
			up := c.sayf(words.GapUp, ps(g.NextGrade), nf.Fixed(*g.ToNextGrade, 2))
			if g.ApplicableMax != nil { // the grade is on the share of applicable points
				up += c.sayf(words.GapOnApplicable, nf.Score(*g.ApplicableMax, 0))
			}
			add(up)
		} else if g.Grade != nil && g.TopGrade {
			add(c.say(words.GapTopGrade) + ps(g.Grade) + ")")
		}
		if g.ToPass != nil && g.PassRank != nil {
			add(c.sayf(words.GapPass, *g.PassRank, nf.Fixed(*g.ToPass, 2)))
		}
		if g.ToLeader != nil && *g.ToLeader > 0 {
			add(c.sayf(words.GapLeader, nf.Fixed(*g.ToLeader, 2)))
		} else if g.Rank != nil && *g.Rank == 1 {
			add(c.say(words.GapIsLeader))
		}
		if g.RankWithPrevScore != nil && g.PrevScore != nil && g.PrevYear != nil {
			l := c.sayf(words.GapPrevScore, *g.PrevYear, nf.Score(*g.PrevScore, pad), *g.RankWithPrevScore)
			if g.Rank != nil {
				d := *g.RankWithPrevScore - *g.Rank
				switch {
				case d > 0:
					l += st.Good.Render(c.sayf(words.GapGained, d))
				case d < 0:
					l += st.Bad.Render(c.sayf(words.GapLost, -d))
				default:
					l += st.Muted.Render(c.say(words.GapSame))
				}
			}
			add(l)
		}
		add("")
	}

	// facts
	v.facts = nil
	v.factAt = map[int]int{}
	if bloc != "" {
		for _, mv := range c.a.BlocMovers(c.slice().WithBloc(bloc)) {
			if mv.UnitID == v.unitID {
				v.facts = append(v.facts, mv)
			}
		}
	}
	section(c.sayf(words.MoversOfYear, c.year))
	if len(v.facts) == 0 {
		add("   " + st.Muted.Render(c.say(words.NoneShort)))
	}
	for i := range v.facts {
		mv := &v.facts[i]
		mark := "  "
		if c.marks.has(mv) {
			mark = st.Marked.Render("● ")
		}
		v.factAt[len(lines)] = i
		add(" " + mark + st.Render(kindTone(mv.Kind), kindName(mv.Kind, c.lang)) + st.Muted.Render(" · "+factDetail(mv, pad, c.lang)))
	}
	v.sc.set(lines)
}

func (v *unitView) Render(w, h int) string { return v.draw(w, h, v.build) }

func (v *unitView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	return v.c.moveKey(&v.sc, msg), nil
}

func (v *unitView) Click(x, y int) tea.Cmd { return nil }

func (v *unitView) ShortHelp() []key.Binding {
	n := v.c.keys.Nav
	return []key.Binding{n.Down, n.Up}
}
func (v *unitView) FullHelp() []key.Binding { return nil }
func (v *unitView) Status() string          { return v.sc.status(v.c.lang) }

// rankOf writes a rank out of the ranked units ("3/20"), or the rank alone
// when the table is partial and the number ranked is not known (0).
func rankOf(rank, of int) string {
	if of <= 0 {
		return strconv.Itoa(rank)
	}
	return fmt.Sprintf("%d/%d", rank, of)
}

// componentBar draws a unit's score on a component against the maximum
// that applies to it, with the bloc's mean (¦) and best (◆) on the same
// scale. When criteria not applicable to the unit shrink its maximum, the
// bloc's points are on other scales: the mean is marked at the bloc's
// share instead, and the best is left off.
func componentBar(cs *analysis.ComponentScore, w int) string {
	m := *cs.ApplicableMax
	runes := []rune(chart.Bar(*cs.Score, m, w))
	mark := func(i int, r rune) {
		if i >= 0 {
			runes[i] = r
		}
	}
	switch {
	case cs.Max != nil && *cs.Max == m:
		if cs.BlocMean != nil {
			mark(chart.Marker(*cs.BlocMean, m, w), '¦')
		}
		if cs.BlocBest != nil {
			mark(chart.Marker(*cs.BlocBest, m, w), '◆')
		}
	case cs.BlocPct != nil:
		mark(chart.Marker(*cs.BlocPct, 100, w), '¦')
	}
	return string(runes)
}
