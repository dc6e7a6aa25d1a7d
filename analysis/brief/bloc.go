package brief

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parlens/parlens/analysis"
)

// blocSection writes one bloc: grades, leader, next units, bottom, sole
// grades, mean, the units that rose and fell, the spread, the grade
// distribution against last year, grade moves and the biggest movers.
func (g *gen) blocSection(b string) Section {
	s := g.sums[b]
	sec := Section{Kind: SectionBloc, Title: g.blocTitle(b), Bloc: b}
	add := func(st Statement, ok bool) {
		if ok {
			sec.Statements = append(sec.Statements, st)
		}
	}
	sec.Statements = append(sec.Statements, g.partial(b)...)
	if s.Units == 1 {
		add(g.singleUnit(b))
		add(g.gradeMoves(b, analysis.GradeUp))
		add(g.gradeMoves(b, analysis.GradeDown))
		return sec
	}
	merged := map[string]bool{} // sole grades stated with the leader or bottom
	add(g.gradeCounts(b))
	add(g.scoreBands(b))
	add(g.leader(b, merged))
	nx, listed, ok := g.next(b)
	add(g.lostTop(b, listed))
	add(nx, ok)
	add(g.bottom(b, merged))
	add(g.notRanked(b))
	for _, m := range g.moversOf(b, analysis.SoleGrade) {
		if !merged[m.UnitID] && m.Grade != nil {
			add(stmt("sole_grade", b, g.t(
				fmt.Sprintf("Đơn vị duy nhất của khối xếp loại %s là %s.", g.grade(*m.Grade), m.Unit),
				fmt.Sprintf("The only unit of the bloc graded %s is %s.", g.grade(*m.Grade), m.Unit)),
				map[string]any{"unit": m.Unit, "unit_id": m.UnitID, "grade": *m.Grade}), true)
		}
	}
	if s.PrevYear == nil {
		if ys, _ := g.a.Summary(g.index, g.year); ys.PrevYear != nil {
			add(stmt("no_prev", b, g.t(
				fmt.Sprintf("%s chưa có dữ liệu năm trước nên chưa có so sánh.", g.blocTitle(b)),
				fmt.Sprintf("%s has no earlier year in the data, so there is no comparison.", capFirst(g.blocRef(b)))),
				map[string]any{"year": g.year}), true)
		}
	}
	add(g.meanStmt(b))
	add(g.aboveMean(b))
	if s.Compared != nil && s.Up != nil && s.Down != nil && s.Same != nil && s.PrevYear != nil {
		if c := g.upDownClause(*s.Up, *s.Down, *s.Same, *s.Compared, s.Ranked, *s.PrevYear); c != "" {
			add(stmt("up_down", b, capFirst(c)+".", map[string]any{
				"prev_year": *s.PrevYear, "up": *s.Up, "down": *s.Down, "same": *s.Same, "compared": *s.Compared, "ranked": s.Ranked,
			}), true)
		}
	}
	add(g.spread(b))
	if s.PrevYear != nil && s.Units-s.Ungraded > 0 {
		var ds []gradeDelta
		for _, gc := range s.Grades {
			if gc.PrevCount != nil {
				ds = append(ds, gradeDelta{gc.Grade, *gc.PrevCount, gc.Count})
			}
		}
		if len(ds) > 0 {
			text, facts := g.gradeChangeText(*s.PrevYear, ds)
			add(stmt("grade_change", b, text, facts), true)
		}
	}
	add(g.gradeMoves(b, analysis.GradeUp))
	add(g.gradeMoves(b, analysis.GradeDown))
	gain := g.moversOf(b, analysis.BiggestGain)
	drop := g.moversOf(b, analysis.BiggestDrop)
	add(g.biggest(b, analysis.BiggestGain, gain, nil))
	add(g.biggest(b, analysis.BiggestDrop, drop, nil))
	add(g.biggest(b, analysis.BiggestClimb, g.moversOf(b, analysis.BiggestClimb), gain))
	add(g.biggest(b, analysis.BiggestFall, g.moversOf(b, analysis.BiggestFall), drop))
	return sec
}

type gradeCountFact struct {
	Grade string `json:"grade"`
	Count int    `json:"count"`
}

// gradeCounts states k/N per grade and the grades no unit has (S10).
func (g *gen) gradeCounts(b string) (Statement, bool) {
	s := g.sums[b]
	if s.Units-s.Ungraded == 0 || s.Grades == nil { // no grades, or a partial table's
		return Statement{}, false
	}
	var present []analysis.GradeCount
	var facts []gradeCountFact
	for _, gc := range s.Grades {
		if gc.Count > 0 {
			present = append(present, gc)
			facts = append(facts, gradeCountFact{gc.Grade, gc.Count})
		}
	}
	absent := g.absentGrades(b, s)
	f := map[string]any{"units": s.Units, "grades": facts, "absent": nonNil(absent), "ungraded": s.Ungraded}
	if len(present) == 1 && s.Ungraded == 0 {
		lab := g.grade(present[0].Grade)
		f["all_one_grade"] = true
		return stmt("grade_counts", b, g.t(
			fmt.Sprintf("Tất cả %s của %s đều xếp loại %s.", g.units(s.Units), g.blocRef(b), lab),
			fmt.Sprintf("All %s of %s are graded %s.", g.units(s.Units), g.blocRef(b), lab)), f), true
	}
	var parts []string
	for i, gc := range present {
		switch {
		case !g.en:
			parts = append(parts, fmt.Sprintf("%s đơn vị xếp loại %s", g.frac(gc.Count, s.Units), g.grade(gc.Grade)))
		case i == 0:
			parts = append(parts, fmt.Sprintf("%s units are graded %s", g.frac(gc.Count, s.Units), g.grade(gc.Grade)))
		default:
			parts = append(parts, fmt.Sprintf("%s %s", g.frac(gc.Count, s.Units), g.grade(gc.Grade)))
		}
	}
	var text string
	if g.en {
		text = fmt.Sprintf("In %s, %s", g.blocRef(b), g.list(parts))
	} else {
		text = fmt.Sprintf("%s có ", capFirst(g.blocRef(b)))
		if len(absent) > 0 {
			text += strings.Join(parts, ", ")
		} else {
			text += g.list(parts)
		}
	}
	if len(absent) > 0 {
		labs := make([]string, len(absent))
		for i, a := range absent {
			labs[i] = g.grade(a)
		}
		if g.en {
			text += "; none is graded " + orList(labs)
		} else {
			text += ", không có đơn vị xếp loại " + g.list(labs)
		}
	}
	if s.Ungraded > 0 {
		text += g.t(fmt.Sprintf("; %s chưa có xếp loại", g.units(s.Ungraded)), fmt.Sprintf("; %s no grade", g.unitsHave(s.Ungraded)))
	}
	return stmt("grade_counts", b, text+".", f), true
}

func (g *gen) unitsHave(n int) string {
	if n == 1 {
		return "1 unit has"
	}
	return fmt.Sprintf("%d units have", n)
}

func orList(items []string) string {
	switch n := len(items); n {
	case 0:
		return ""
	case 1:
		return items[0]
	default:
		return strings.Join(items[:n-1], ", ") + " or " + items[n-1]
	}
}

// prevRank writes " (năm 2020 xếp thứ 2)" / " (2nd in 2020)" when known.
func (g *gen) prevRank(m analysis.Mover) string {
	if m.PrevRank == nil || m.PrevYear == nil {
		return ""
	}
	return g.t(fmt.Sprintf(" (năm %d xếp %s)", *m.PrevYear, vr(*m.PrevRank)), fmt.Sprintf(" (%s in %d)", ordinal(*m.PrevRank), *m.PrevYear))
}

// scoreGrade writes ", với 97,31 điểm, xếp loại xuất sắc" and the sole-grade
// note when it applies.
func (g *gen) scoreGrade(m analysis.Mover, sole bool) string {
	out := ""
	if m.Score != nil {
		out += g.t(", với ", ", with ") + g.pts(*m.Score)
	} else if m.RankPublished {
		out += g.t(" (theo thứ hạng công bố, không có điểm)", " (by the published rank; no score)")
	}
	if m.Grade != nil {
		out += g.t(", xếp loại ", ", graded ") + g.grade(*m.Grade)
		if sole {
			out += g.t(fmt.Sprintf(" (duy nhất trong %s)", g.blocRef(m.Bloc)), fmt.Sprintf(" (the only one in %s)", g.blocRef(m.Bloc)))
		}
	}
	return out
}

func moverFacts(m analysis.Mover) map[string]any {
	return map[string]any{
		"kind": string(m.Kind), "unit": m.Unit, "unit_id": m.UnitID, "score": optF(m.Score), "rank": optI(m.Rank),
		"ranked_of": optI(m.RankedOf), "grade": optS(m.Grade), "prev_year": optI(m.PrevYear), "prev_score": optF(m.PrevScore),
		"prev_rank": optI(m.PrevRank), "prev_grade": optS(m.PrevGrade), "change": optF(m.Change), "rank_change": optI(m.RankChange),
		"streak": optI(m.Streak), "count": optI(m.Count), "steps": optI(m.Steps), "since": optI(m.Since),
		"rank_published": m.RankPublished, "prev_rank_published": m.PrevRankPublished,
	}
}

func deref(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

func (g *gen) soleSet(b string) map[string]bool {
	out := map[string]bool{}
	for _, m := range g.moversOf(b, analysis.SoleGrade) {
		out[m.UnitID] = true
	}
	return out
}

// leader states who is first and how (S1–S4): first time, kept, Nth year in
// a row, Nth time, regained, tied.
func (g *gen) leader(b string, merged map[string]bool) (Statement, bool) {
	ms := g.moversOf(b, analysis.Top, analysis.FirstTimeTop, analysis.RegainedTop, analysis.RetainedTop)
	if len(ms) == 0 {
		return Statement{}, false
	}
	sole := g.soleSet(b)
	if len(ms) == 1 {
		m := ms[0]
		streak, count := deref(m.Streak, 1), deref(m.Count, 1)
		var head string
		switch m.Kind {
		case analysis.FirstTimeTop:
			if m.PrevRank != nil {
				head = g.t("Lần đầu vươn lên vị trí thứ nhất là ", "Rising to first place for the first time is ") + m.Unit + g.prevRank(m)
			} else {
				head = g.t("Lần đầu đứng vị trí thứ nhất là ", "In first place for the first time is ") + m.Unit
			}
		case analysis.RetainedTop:
			if streak <= 2 {
				head = g.t("Tiếp tục duy trì vị trí dẫn đầu là ", "Keeping first place is ") + m.Unit
			} else {
				head = g.t(fmt.Sprintf("Dẫn đầu khối %s là ", g.nthYear(streak)), fmt.Sprintf("First %s is ", g.nthYear(streak))) + m.Unit
			}
		case analysis.RegainedTop:
			head = g.t("Trở lại vị trí dẫn đầu là ", "Back in first place is ") + m.Unit + g.prevRank(m)
		default:
			head = g.t("Đứng vị trí thứ nhất là ", "In first place is ") + m.Unit
		}
		text := head + g.scoreGrade(m, sole[m.UnitID])
		if sole[m.UnitID] {
			merged[m.UnitID] = true
		}
		if (m.Kind == analysis.RetainedTop && count > streak) || (m.Kind == analysis.RegainedTop && count > 1) {
			text += g.t(fmt.Sprintf("; đây là lần thứ %d đơn vị dẫn đầu khối", count), fmt.Sprintf("; this is its %s time at the top of the bloc", ordinal(count)))
		}
		f := moverFacts(m)
		f["sole_grade"] = sole[m.UnitID]
		return stmt("leader", b, text+".", f), true
	}

	// tied for first: in league-table order
	pos := map[string]int{}
	for i, u := range g.sums[b].Leader {
		pos[u.UnitID] = i
	}
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(x, y analysis.Mover) int { return cmp.Compare(pos[x.UnitID], pos[y.UnitID]) })
	var names, quals []string
	var kinds []string
	for _, m := range ms {
		names = append(names, m.Unit)
		kinds = append(kinds, string(m.Kind))
		if q := g.topQualifier(m); q != "" {
			quals = append(quals, m.Unit+" "+q)
		}
	}
	m := ms[0]
	text := g.t("Đồng hạng nhất là ", "Sharing first place are ") + g.list(names)
	if m.Score != nil {
		text += g.t(", cùng đạt ", ", with ") + g.pts(*m.Score) + g.t("", " each")
	}
	if gr := commonGrade(ms); gr != "" {
		text += g.t(", xếp loại ", ", graded ") + g.grade(gr)
	}
	if len(quals) > 0 {
		text += g.t("; trong đó ", "; ") + strings.Join(quals, ", ")
	}
	return stmt("leader", b, text+".", map[string]any{
		"units": names, "kinds": kinds, "score": optF(m.Score), "rank": 1, "tie": true,
	}), true
}

func (g *gen) topQualifier(m analysis.Mover) string {
	streak := deref(m.Streak, 1)
	switch m.Kind {
	case analysis.FirstTimeTop:
		return g.t("lần đầu dẫn đầu khối", "is first for the first time")
	case analysis.RetainedTop:
		if streak <= 2 {
			return g.t("tiếp tục dẫn đầu", "keeps first place")
		}
		return g.t("dẫn đầu ", "is first ") + g.nthYear(streak)
	case analysis.RegainedTop:
		return g.t("trở lại vị trí dẫn đầu", "is back in first place")
	}
	return ""
}

func commonGrade(ms []analysis.Mover) string {
	gr := ""
	for i, m := range ms {
		if m.Grade == nil {
			return ""
		}
		if i == 0 {
			gr = *m.Grade
		} else if *m.Grade != gr {
			return ""
		}
	}
	return gr
}

// next lists the units after the leader (up to three, and everyone tied
// with the third), leaving the bottom to its own sentence.
func (g *gen) next(b string) (Statement, map[string]bool, bool) {
	t := g.tables[b]
	s := g.sums[b]
	bottom := map[string]bool{}
	for _, u := range s.Bottom {
		bottom[u.UnitID] = true
	}
	rankCount := map[int]int{}
	for _, r := range t.Rows {
		if r.Rank != nil {
			rankCount[*r.Rank]++
		}
	}
	var rows []analysis.Row
	for _, r := range t.Rows {
		if r.Rank == nil || *r.Rank == 1 || bottom[r.UnitID] {
			continue
		}
		if len(rows) >= 3 && *r.Rank != *rows[len(rows)-1].Rank {
			break
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return Statement{}, nil, false
	}
	pls := g.prevLeaders(b)
	listed := map[string]bool{}
	var items []string
	var units []map[string]any
	for _, r := range rows {
		item := r.Unit + " (" + g.t(vr(*r.Rank)+" theo thứ hạng công bố, không có điểm", ordinal(*r.Rank)+" by the published rank, no score")
		if r.Score != nil {
			item = fmt.Sprintf("%s (%s", r.Unit, g.pts(*r.Score))
		}
		if rankCount[*r.Rank] > 1 {
			item += g.t(fmt.Sprintf(", đồng hạng %d", *r.Rank), fmt.Sprintf(", joint %s", ordinal(*r.Rank)))
		}
		if pls[r.UnitID] && t.PrevYear != nil {
			item += g.t(fmt.Sprintf("; dẫn đầu năm %d", *t.PrevYear), fmt.Sprintf("; first in %d", *t.PrevYear))
		}
		listed[r.UnitID] = true
		items = append(items, item+")")
		units = append(units, map[string]any{"unit": r.Unit, "unit_id": r.UnitID, "score": optF(r.Score), "rank": *r.Rank, "prev_leader": pls[r.UnitID]})
	}
	verb := "Next come "
	if len(items) == 1 {
		verb = "Next is "
	}
	// items hold "(…, …)" with commas: separate them plainly, the parentheses keep them apart
	text := g.t("Tiếp theo là ", verb) + joinPlain(items, g.t(" và ", " and ")) + "."
	return stmt("next", b, text, map[string]any{"units": units}), listed, true
}

// joinPlain joins with commas and a final conjunction, whatever the items hold.
func joinPlain(items []string, and string) string {
	n := len(items)
	if n == 1 {
		return items[0]
	}
	return strings.Join(items[:n-1], ", ") + and + items[n-1]
}

// bottom states who is last (S5), with its streak or count at the bottom.
func (g *gen) bottom(b string, merged map[string]bool) (Statement, bool) {
	ms := g.moversOf(b, analysis.Bottom)
	if len(ms) == 0 {
		return Statement{}, false
	}
	sole := g.soleSet(b)
	if len(ms) == 1 {
		m := ms[0]
		streak, count := deref(m.Streak, 1), deref(m.Count, 1)
		var text string
		if streak >= 2 {
			text = g.t(fmt.Sprintf("Đứng ở vị trí cuối cùng %s là ", g.nthYear(streak)), fmt.Sprintf("Last %s is ", g.nthYear(streak))) + m.Unit
		} else {
			text = g.t("Đứng ở vị trí cuối cùng là ", "In last place is ") + m.Unit + g.prevRank(m)
		}
		text += g.scoreGrade(m, sole[m.UnitID])
		if sole[m.UnitID] {
			merged[m.UnitID] = true
		}
		if count > streak {
			text += g.t(fmt.Sprintf("; đây là lần thứ %d đơn vị đứng cuối khối", count), fmt.Sprintf("; this is its %s time at the bottom of the bloc", ordinal(count)))
		}
		f := moverFacts(m)
		f["sole_grade"] = sole[m.UnitID]
		return stmt("bottom", b, text+".", f), true
	}
	var names []string
	for _, m := range ms {
		names = append(names, m.Unit)
	}
	m := ms[0]
	text := g.t("Cùng đứng ở vị trí cuối cùng là ", "Sharing last place are ") + g.list(names)
	if m.Score != nil {
		text += g.t(", với ", ", with ") + g.pts(*m.Score) + g.t("", " each")
	}
	if m.Rank != nil {
		text += g.t(fmt.Sprintf(" (đồng hạng %d)", *m.Rank), fmt.Sprintf(" (joint %s)", ordinal(*m.Rank)))
	}
	if gr := commonGrade(ms); gr != "" {
		text += g.t(", xếp loại ", ", graded ") + g.grade(gr)
	}
	return stmt("bottom", b, text+".", map[string]any{"units": names, "score": optF(m.Score), "rank": optI(m.Rank), "tie": true}), true
}

// notRanked names the units assessed but not ranked.
func (g *gen) notRanked(b string) (Statement, bool) {
	var items []string
	var units []map[string]any
	for _, r := range g.tables[b].Rows {
		if !r.NotRanked {
			continue
		}
		var det []string
		if r.Score != nil {
			det = append(det, g.pts(*r.Score))
		}
		if r.Grade != nil {
			det = append(det, g.t("xếp loại ", "graded ")+g.grade(*r.Grade))
		}
		item := r.Unit
		if len(det) > 0 {
			item += " (" + strings.Join(det, ", ") + ")"
		}
		items = append(items, item)
		units = append(units, map[string]any{"unit": r.Unit, "unit_id": r.UnitID, "score": optF(r.Score), "grade": optS(r.Grade)})
	}
	if len(items) == 0 {
		return Statement{}, false
	}
	return stmt("not_ranked", b, g.t("Được đánh giá nhưng không xếp hạng: ", "Assessed but not ranked: ")+joinPlain(items, g.t(" và ", " and "))+".",
		map[string]any{"units": units}), true
}

// meanStmt states the bloc mean and its change in points (S9).
func (g *gen) meanStmt(b string) (Statement, bool) {
	s := g.sums[b]
	if s.Mean == nil || s.Ranked < 2 {
		return Statement{}, false
	}
	text := g.t("Điểm trung bình của khối đạt ", "The bloc's mean score is ") + g.mean(*s.Mean) + g.t(" điểm", " points")
	f := map[string]any{"mean": *s.Mean, "ranked": s.Ranked}
	if s.PrevMean != nil && s.PrevYear != nil {
		d := shownChange(*s.Mean, *s.PrevMean)
		py := *s.PrevYear
		switch {
		case d == 0:
			text += g.t(fmt.Sprintf(", bằng năm %d", py), fmt.Sprintf(", the same as in %d", py))
		case g.en:
			text += fmt.Sprintf(", %s on %d (%s points)", g.change(float64(d)/100), py, g.mean(*s.PrevMean))
		default:
			text += fmt.Sprintf(", %s so với năm %d (%s điểm)", g.change(float64(d)/100), py, g.mean(*s.PrevMean))
		}
		f["prev_year"] = py
		f["prev_mean"] = *s.PrevMean
		f["mean_change"] = optF(s.MeanChg)
		f["mean_change_shown"] = float64(d) / 100
	}
	return stmt("mean", b, text+".", f), true
}

// aboveMean counts the units above the bloc mean (S9).
func (g *gen) aboveMean(b string) (Statement, bool) {
	s := g.sums[b]
	if s.AboveMean == nil || s.Ranked < 2 {
		return Statement{}, false
	}
	who := g.t("đơn vị", "units")
	if s.Ranked < s.Units {
		who = g.t("đơn vị được xếp hạng", "ranked units")
	}
	text := g.t(fmt.Sprintf("Có %s %s đạt điểm trên mức trung bình của khối.", g.frac(*s.AboveMean, s.Ranked), who),
		fmt.Sprintf("%s %s score above the bloc mean.", g.frac(*s.AboveMean, s.Ranked), who))
	return stmt("above_mean", b, text, map[string]any{"above_mean": *s.AboveMean, "ranked": s.Ranked, "mean": optF(s.Mean)}), true
}

// spread states the gap between the highest and lowest score and how it
// moved (S12).
func (g *gen) spread(b string) (Statement, bool) {
	s := g.sums[b]
	if s.Spread == nil || s.Ranked < 2 {
		return Statement{}, false
	}
	text := g.t("Khoảng cách giữa điểm cao nhất và điểm thấp nhất của khối là ", "The gap between the highest and the lowest score is ") +
		g.fixed(*s.Spread, 2) + g.t(" điểm", " points")
	f := map[string]any{"spread": *s.Spread, "max": optF(s.Max), "min": optF(s.Min)}
	if s.PrevSprd != nil && s.PrevYear != nil {
		py := *s.PrevYear
		prev := g.fixed(*s.PrevSprd, 2)
		switch d := shownChange(*s.Spread, *s.PrevSprd); {
		case d > 0:
			text += g.t(fmt.Sprintf(", nới rộng so với năm %d (%s điểm)", py, prev), fmt.Sprintf(", wider than in %d (%s points)", py, prev))
		case d < 0:
			text += g.t(fmt.Sprintf(", thu hẹp so với năm %d (%s điểm)", py, prev), fmt.Sprintf(", narrower than in %d (%s points)", py, prev))
		default:
			text += g.t(fmt.Sprintf(", không đổi so với năm %d", py), fmt.Sprintf(", the same as in %d", py))
		}
		f["prev_year"] = py
		f["prev_spread"] = *s.PrevSprd
	}
	return stmt("spread", b, text+".", f), true
}

// gradeMoves lists the units that moved up (or down) a grade, grouped by
// their move.
func (g *gen) gradeMoves(b string, kind analysis.MoverKind) (Statement, bool) {
	type grp struct {
		from, to string
		units    []string
	}
	var groups []*grp
	var facts []map[string]any
	n := 0
	for _, m := range g.moversOf(b, kind) {
		if m.Grade == nil || m.PrevGrade == nil {
			continue
		}
		n++
		facts = append(facts, map[string]any{"unit": m.Unit, "unit_id": m.UnitID, "from": *m.PrevGrade, "to": *m.Grade, "steps": optI(m.Steps), "prev_year": optI(m.PrevYear)})
		var gp *grp
		for _, x := range groups {
			if x.from == *m.PrevGrade && x.to == *m.Grade {
				gp = x
			}
		}
		if gp == nil {
			gp = &grp{from: *m.PrevGrade, to: *m.Grade}
			groups = append(groups, gp)
		}
		gp.units = append(gp.units, m.Unit)
	}
	if n == 0 {
		return Statement{}, false
	}
	var parts []string
	for _, gp := range groups {
		var move string
		switch {
		case g.en:
			move = fmt.Sprintf("from %s to %s", gp.from, gp.to)
		case kind == analysis.GradeUp:
			move = fmt.Sprintf("từ %s lên %s", g.grade(gp.from), g.grade(gp.to))
		default:
			move = fmt.Sprintf("từ %s xuống %s", g.grade(gp.from), g.grade(gp.to))
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", g.list(gp.units), move))
	}
	var head string
	if kind == analysis.GradeUp {
		head = g.t(fmt.Sprintf("Có %s được nâng xếp loại: ", g.units(n)), fmt.Sprintf("Moving up a grade (%s): ", g.units(n)))
	} else {
		head = g.t(fmt.Sprintf("Có %s bị hạ xếp loại: ", g.units(n)), fmt.Sprintf("Moving down a grade (%s): ", g.units(n)))
	}
	return stmt(string(kind), b, head+strings.Join(parts, "; ")+".", map[string]any{"units": facts}), true
}

// biggest states the largest gain or drop in points, or climb or fall in
// places (S6, S7). same is the list of the matching points statement: when it
// names the same units, the places statement says "also".
func (g *gen) biggest(b string, kind analysis.MoverKind, ms, same []analysis.Mover) (Statement, bool) {
	var names []string
	for _, m := range ms {
		names = append(names, m.Unit)
	}
	if len(ms) == 0 {
		return Statement{}, false
	}
	m := ms[0]
	also := len(same) == len(ms)
	for i := range same {
		if !also || same[i].UnitID != ms[i].UnitID {
			also = false
		}
	}
	var facts []map[string]any
	for _, x := range ms {
		facts = append(facts, moverFacts(x))
	}
	f := map[string]any{"units": facts}
	one := len(ms) == 1
	who := g.list(names)
	var text string
	switch kind {
	case analysis.BiggestGain, analysis.BiggestDrop:
		if m.Change == nil {
			return Statement{}, false
		}
		up := kind == analysis.BiggestGain
		head := map[bool]string{true: g.t("Tăng điểm nhiều nhất là ", "Gaining the most "), false: g.t("Giảm điểm nhiều nhất là ", "Losing the most ")}[up]
		if g.en {
			head += map[bool]string{true: "is ", false: "are "}[one]
		}
		text = head + who + ", " + g.change(*m.Change)
		switch {
		case one && m.PrevScore != nil && m.Score != nil:
			dir := map[bool]string{true: "lên", false: "xuống"}[up]
			text += g.t(fmt.Sprintf(" (từ %s %s %s)", g.score(*m.PrevScore), dir, g.pts(*m.Score)),
				fmt.Sprintf(" (from %s to %s)", g.score(*m.PrevScore), g.score(*m.Score)))
		case !one:
			text = head + who + g.t(", cùng ", ", ") + g.change(*m.Change) + g.t("", " each")
		}
	default:
		if m.RankChange == nil {
			return Statement{}, false
		}
		up := kind == analysis.BiggestClimb
		k := *m.RankChange
		if k < 0 {
			k = -k
		}
		var head string
		if up {
			head = g.t("Tăng nhiều bậc nhất ", "Climbing the most places ")
		} else {
			head = g.t("Tụt nhiều bậc nhất ", "Falling the most places ")
		}
		if g.en {
			head += map[bool]string{true: "is ", false: "are "}[one]
			if also {
				head += "also "
			}
		} else {
			if also {
				head += "cũng "
			}
			head += "là "
		}
		places := g.t(fmt.Sprintf("%d bậc", k), fmt.Sprintf("%d place", k)+map[bool]string{true: "", false: "s"}[k == 1])
		dirVi := map[bool]string{true: "tăng ", false: "giảm "}[up]
		dirEn := map[bool]string{true: "up ", false: "down "}[up]
		text = head + who + ", " + g.t(dirVi, dirEn) + places
		switch {
		case one && m.PrevRank != nil && m.Rank != nil:
			dir := map[bool]string{true: "lên", false: "xuống"}[up]
			text += g.t(fmt.Sprintf(" (từ %s %s %s)", vr(*m.PrevRank), dir, vr(*m.Rank)),
				fmt.Sprintf(" (from %s to %s)", ordinal(*m.PrevRank), ordinal(*m.Rank)))
		case !one:
			text = head + who + g.t(", cùng "+dirVi, ", "+dirEn) + places + g.t("", " each")
		}
	}
	return stmt(string(kind), b, text+".", f), true
}

// singleUnit describes a bloc of one unit.
func (g *gen) singleUnit(b string) (Statement, bool) {
	t := g.tables[b]
	if len(t.Rows) != 1 {
		return Statement{}, false
	}
	r := t.Rows[0]
	text := g.t(fmt.Sprintf("%s chỉ có 1 đơn vị là %s", capFirst(g.blocRef(b)), r.Unit),
		fmt.Sprintf("%s has a single unit, %s", capFirst(g.blocRef(b)), r.Unit))
	if r.Score != nil {
		text += g.t(", đạt ", ", with ") + g.pts(*r.Score)
	}
	if r.Grade != nil {
		text += g.t(", xếp loại ", ", graded ") + g.grade(*r.Grade)
	}
	f := map[string]any{"unit": r.Unit, "unit_id": r.UnitID, "score": optF(r.Score), "grade": optS(r.Grade)}
	if py := t.PrevYear; py != nil && r.PrevScore != nil && r.Change != nil {
		text += g.t(fmt.Sprintf("; so với năm %d (%s), %s", *py, g.pts(*r.PrevScore), g.change(*r.Change)),
			fmt.Sprintf("; compared with %d (%s), %s", *py, g.pts(*r.PrevScore), g.change(*r.Change)))
		f["prev_year"] = *py
		f["prev_score"] = *r.PrevScore
		f["change"] = *r.Change
	}
	return stmt("single_unit", b, text+".", f), true
}

// prevLeaders returns the units first in the bloc's previous year that are
// not first now.
func (g *gen) prevLeaders(b string) map[string]bool {
	s := g.sums[b]
	out := map[string]bool{}
	if s.PrevYear == nil {
		return out
	}
	prev, ok := g.a.BlocSummary(g.index, *s.PrevYear, b)
	if !ok {
		return out
	}
	for _, pl := range prev.Leader {
		if !isLeader(s, pl.UnitID) {
			out[pl.UnitID] = true
		}
	}
	return out
}

// lostTop says where last year's leader stands now (S4, falling from the
// top), unless the "next" sentence already says it.
func (g *gen) lostTop(b string, listed map[string]bool) (Statement, bool) {
	s := g.sums[b]
	pls := g.prevLeaders(b)
	if len(pls) == 0 || s.PrevYear == nil {
		return Statement{}, false
	}
	py := *s.PrevYear
	var rows []analysis.Row
	for _, r := range g.tables[b].Rows {
		if pls[r.UnitID] && !listed[r.UnitID] && r.Rank != nil && r.Score != nil {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return Statement{}, false
	}
	var items []string
	var units []map[string]any
	for _, r := range rows {
		items = append(items, g.t(fmt.Sprintf("%s nay xếp %s (%s)", r.Unit, vr(*r.Rank), g.pts(*r.Score)),
			fmt.Sprintf("%s is now %s (%s)", r.Unit, ordinal(*r.Rank), g.pts(*r.Score))))
		units = append(units, map[string]any{"unit": r.Unit, "unit_id": r.UnitID, "rank": *r.Rank, "score": *r.Score,
			"prev_score": optF(r.PrevScore), "prev_rank": optI(r.PrevRank)})
	}
	var text string
	if len(rows) == 1 {
		r := rows[0]
		text = g.t(fmt.Sprintf("Đơn vị dẫn đầu năm %d, %s, nay xếp %s (%s).", py, r.Unit, vr(*r.Rank), g.pts(*r.Score)),
			fmt.Sprintf("The %d leader, %s, is now %s (%s).", py, r.Unit, ordinal(*r.Rank), g.pts(*r.Score)))
	} else {
		text = g.t(fmt.Sprintf("Trong các đơn vị đồng hạng nhất năm %d, ", py), fmt.Sprintf("Of the units sharing first place in %d, ", py)) +
			joinPlain(items, g.t(" và ", " and ")) + "."
	}
	return stmt("lost_top", b, text, map[string]any{"prev_year": py, "units": units}), true
}
