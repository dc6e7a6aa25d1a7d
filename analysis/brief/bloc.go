package brief

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
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
	sec.Statements = append(sec.Statements, g.breakStatements(b)...)
	if s.Units == 1 {
		add(g.singleUnit(b))
		add(g.gradeMoves(b, analysis.GradeUp))
		add(g.gradeMoves(b, analysis.GradeDown))
		return sec
	}
	merged := map[string]bool{} // sole grades stated with the leader or bottom
	add(g.gradeCounts(b))
	add(g.acrossBreak(b)(g.scoreBands(b)))
	add(g.leader(b, merged))
	nx, listed, ok := g.next(b)
	add(g.lostTop(b, listed))
	add(nx, ok)
	add(g.bottom(b, merged))
	add(g.notRanked(b))
	for _, m := range g.moversOf(b, analysis.SoleGrade) {
		if !merged[m.UnitID] && m.Grade != nil {
			add(stmt("sole_grade", b, g.sayf(words.BriefTheOnlyUnitOfThe, g.grade(*m.Grade), m.Unit),
				map[string]any{"unit": m.Unit, "unit_id": m.UnitID, "grade": *m.Grade}), true)
		}
	}
	if s.PrevYear == nil {
		if ys, _ := g.a.Summary(g.index, g.year); ys.PrevYear != nil {
			add(stmt("no_prev", b, g.sayf(words.BriefNoPrevYear, words.CapFirst(g.blocRef(b))),
				map[string]any{"year": g.year}), true)
		}
	}
	add(g.acrossBreak(b)(g.meanStmt(b)))
	add(g.aboveMean(b))
	if s.Compared != nil && s.Up != nil && s.Down != nil && s.Same != nil && s.PrevYear != nil {
		if c := g.upDownClause(*s.Up, *s.Down, *s.Same, *s.Compared, s.Ranked, *s.PrevYear); c != "" {
			add(stmt("up_down", b, words.CapFirst(c)+".", map[string]any{
				"prev_year": *s.PrevYear, "up": *s.Up, "down": *s.Down, "same": *s.Same, "compared": *s.Compared, "ranked": s.Ranked,
			}), true)
		}
	}
	add(g.acrossBreak(b)(g.spread(b)))
	if s.PrevYear != nil && s.Units-s.Ungraded > 0 {
		var ds []gradeDelta
		for _, gc := range s.Grades {
			if gc.PrevCount != nil {
				ds = append(ds, gradeDelta{gc.Grade, *gc.PrevCount, gc.Count})
			}
		}
		if len(ds) > 0 {
			text, facts := g.gradeChangeText(*s.PrevYear, ds)
			add(g.acrossBreak(b)(stmt("grade_change", b, text, facts), true))
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
		return stmt("grade_counts", b, g.sayf(words.BriefAllOfAreGraded, g.units(s.Units), g.blocRef(b), lab), f), true
	}
	var parts []string
	for i, gc := range present {
		switch {
		case !g.en || i == 0: // English says "units are graded" once
			parts = append(parts, g.sayf(words.BriefGradeShare, g.frac(gc.Count, s.Units), g.grade(gc.Grade)))
		default:
			parts = append(parts, fmt.Sprintf("%s %s", g.frac(gc.Count, s.Units), g.grade(gc.Grade)))
		}
	}
	var text string
	if g.en {
		text = g.sayf(words.BriefBlocHas, g.blocRef(b)) + g.list(parts)
	} else {
		text = g.sayf(words.BriefBlocHas, words.CapFirst(g.blocRef(b)))
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
		text += g.say(words.BriefNoneGraded)
		if g.en {
			text += g.orList(labs)
		} else {
			text += g.list(labs)
		}
	}
	if s.Ungraded > 0 {
		text += g.sayf(words.BriefUnitsNoGrade, g.unitsHave(s.Ungraded))
	}
	return stmt("grade_counts", b, text+".", f), true
}

func (g *gen) orList(items []string) string {
	switch n := len(items); n {
	case 0:
		return ""
	case 1:
		return items[0]
	default:
		return strings.Join(items[:n-1], ", ") + g.say(words.BriefOr) + items[n-1]
	}
}

// prevRank writes " (năm 2020 xếp thứ 2)" / " (2nd in 2020)" when known.
func (g *gen) prevRank(m analysis.Mover) string {
	if m.PrevRank == nil || m.PrevYear == nil {
		return ""
	}
	return g.sayf(words.BriefPrevPlace, *m.PrevYear, g.place(*m.PrevRank))
}

// scoreGrade writes ", với 97,31 điểm, xếp loại xuất sắc" and the sole-grade
// note when it applies.
func (g *gen) scoreGrade(m analysis.Mover, sole bool) string {
	out := ""
	if m.Score != nil {
		out += g.say(words.BriefWithScore) + g.pts(*m.Score)
	} else if m.RankPublished {
		out += g.say(words.BriefByThePublishedRankNo)
	}
	if m.Grade != nil {
		out += g.say(words.BriefCommaGraded) + g.grade(*m.Grade)
		if sole {
			out += g.sayf(words.BriefTheOnlyOneIn, g.blocRef(m.Bloc))
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
		subj := g.subject(b, m.Unit)
		var head string
		switch m.Kind {
		case analysis.FirstTimeTop:
			if m.PrevRank != nil {
				head = g.sayf(words.BriefRisesToFirstPlace, subj) + g.sinceMerger(m) + g.prevRank(m)
			} else {
				head = g.sayf(words.BriefFirstForTheFirstTime, subj) + g.sinceMerger(m)
			}
		case analysis.RetainedTop:
			if streak <= 2 {
				head = g.sayf(words.BriefKeepsFirstPlaceSubject, subj)
			} else {
				head = g.sayf(words.BriefFirstInARow, subj, g.nthYear(streak))
			}
		case analysis.RegainedTop:
			head = g.sayf(words.BriefBackInFirstPlace, subj) + g.prevRank(m)
		default:
			head = g.sayf(words.BriefIsInFirstPlace, subj)
		}
		text := head + g.scoreGrade(m, sole[m.UnitID])
		if sole[m.UnitID] {
			merged[m.UnitID] = true
		}
		if (m.Kind == analysis.RetainedTop && count > streak) || (m.Kind == analysis.RegainedTop && count > 1) {
			text += g.sayf(words.BriefTimeAtTop, g.nth(count))
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
	text := g.sayf(words.BriefShareFirstPlace, g.subject(b, g.list(names)))
	if m.Score != nil {
		text += g.sayf(words.BriefAlikeWithEach, g.pts(*m.Score))
	}
	if gr := commonGrade(ms); gr != "" {
		text += g.say(words.BriefCommaGraded) + g.grade(gr)
	}
	if len(quals) > 0 {
		text += g.say(words.BriefOfWhich) + strings.Join(quals, ", ")
	}
	return stmt("leader", b, text+".", map[string]any{
		"units": names, "kinds": kinds, "score": optF(m.Score), "rank": 1, "tie": true,
	}), true
}

func (g *gen) topQualifier(m analysis.Mover) string {
	streak := deref(m.Streak, 1)
	switch m.Kind {
	case analysis.FirstTimeTop:
		if m.Break != nil && m.Since != nil && *m.Since == *m.Break {
			return g.say(words.BriefIsFirstSinceMerger)
		}
		return g.say(words.BriefIsFirstForTheFirst)
	case analysis.RetainedTop:
		if streak <= 2 {
			return g.say(words.BriefKeepsFirstPlace)
		}
		return g.say(words.BriefIsFirst) + g.nthYear(streak)
	case analysis.RegainedTop:
		return g.say(words.BriefIsBackInFirstPlace)
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
		item := r.Unit + " (" + g.sayf(words.BriefPublishedPlace, g.place(*r.Rank))
		if r.Score != nil {
			item = fmt.Sprintf("%s (%s", r.Unit, g.ptsIn(*r.Score))
		}
		if rankCount[*r.Rank] > 1 {
			item += g.sayf(words.BriefJointPlace, g.nth(*r.Rank))
		}
		if pls[r.UnitID] && t.PrevYear != nil {
			item += g.sayf(words.BriefFirstIn, *t.PrevYear)
		}
		listed[r.UnitID] = true
		items = append(items, item+")")
		units = append(units, map[string]any{"unit": r.Unit, "unit_id": r.UnitID, "score": optF(r.Score), "rank": *r.Rank, "prev_leader": pls[r.UnitID]})
	}
	verb := words.BriefNextCome
	if len(items) == 1 {
		verb = words.BriefNextIs
	}
	// items hold "(…, …)" with commas: separate them plainly, the parentheses keep them apart
	text := g.say(verb) + joinPlain(items, g.say(words.BriefAnd)) + "."
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
		subj := g.subject(b, m.Unit)
		var text string
		if m.Score != nil && g.sums[b].NotRanked == 0 { // a unit not ranked may score lower
			text = g.sayf(words.BriefLowestScoreLast, subj, g.pts(*m.Score))
		} else {
			text = g.sayf(words.BriefInLastPlaceSubject, subj)
		}
		if streak >= 2 {
			text += " " + g.nthYear(streak)
		} else {
			text += g.prevRank(m)
		}
		if m.Score != nil && g.sums[b].NotRanked > 0 {
			text += g.say(words.BriefWithScore) + g.pts(*m.Score)
		} else if m.Score == nil && m.RankPublished {
			text += g.say(words.BriefByThePublishedRankNo)
		}
		if m.Grade != nil {
			text += g.say(words.BriefCommaGraded) + g.grade(*m.Grade)
			if sole[m.UnitID] {
				text += g.sayf(words.BriefTheOnlyOneIn, g.blocRef(m.Bloc))
			}
		}
		if sole[m.UnitID] {
			merged[m.UnitID] = true
		}
		if count > streak {
			text += g.sayf(words.BriefTimeAtBottom, g.nth(count))
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
	text := g.sayf(words.BriefShareLastPlace, g.subject(b, g.list(names)))
	if m.Score != nil {
		text += g.sayf(words.BriefWithEach, g.pts(*m.Score))
	}
	if m.Rank != nil {
		text += g.sayf(words.BriefJointPlaceParen, g.nth(*m.Rank))
	}
	if gr := commonGrade(ms); gr != "" {
		text += g.say(words.BriefCommaGraded) + g.grade(gr)
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
			det = append(det, g.ptsIn(*r.Score))
		}
		if r.Grade != nil {
			det = append(det, g.say(words.BriefGradedWord)+g.grade(*r.Grade))
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
	return stmt("not_ranked", b, g.sayf(words.BriefAssessedButNotRanked, g.subject(b, joinPlain(items, g.say(words.BriefAnd)))),
		map[string]any{"units": units}), true
}

// meanStmt states the bloc mean and its change in points (S9).
func (g *gen) meanStmt(b string) (Statement, bool) {
	s := g.sums[b]
	if s.Mean == nil || s.Ranked < 2 {
		return Statement{}, false
	}
	text := g.say(words.BriefTheBlocSMeanScore) + g.mean(*s.Mean) + g.say(words.BriefPoints)
	f := map[string]any{"mean": *s.Mean, "ranked": s.Ranked}
	if s.PrevMean != nil && s.PrevYear != nil {
		d := shownChange(*s.Mean, *s.PrevMean)
		py := *s.PrevYear
		switch {
		case d == 0:
			text += g.sayf(words.BriefMeanSameAsIn, py)
		default:
			text += g.sayf(words.BriefMeanChange, g.change(float64(d)/100), py, g.mean(*s.PrevMean))
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
	who := g.say(words.BriefUnits)
	if s.Ranked < s.Units {
		who = g.say(words.BriefRankedUnits)
	}
	text := g.sayf(words.BriefScoreAboveTheBlocMean, g.frac(*s.AboveMean, s.Ranked), who)
	return stmt("above_mean", b, text, map[string]any{"above_mean": *s.AboveMean, "ranked": s.Ranked, "mean": optF(s.Mean)}), true
}

// spread states the gap between the highest and lowest score and how it
// moved (S12).
func (g *gen) spread(b string) (Statement, bool) {
	s := g.sums[b]
	if s.Spread == nil || s.Ranked < 2 {
		return Statement{}, false
	}
	text := g.say(words.BriefTheGapBetweenTheHighest) +
		g.fixed(*s.Spread, 2) + g.say(words.BriefPoints)
	f := map[string]any{"spread": *s.Spread, "max": optF(s.Max), "min": optF(s.Min)}
	if s.PrevSprd != nil && s.PrevYear != nil {
		py := *s.PrevYear
		prev := g.fixed(*s.PrevSprd, 2)
		switch d := shownChange(*s.Spread, *s.PrevSprd); {
		case d > 0:
			text += g.sayf(words.BriefWiderThanInPoints, py, prev)
		case d < 0:
			text += g.sayf(words.BriefNarrowerThanInPoints, py, prev)
		default:
			text += g.sayf(words.BriefGapSameAsIn, py)
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
		case kind == analysis.GradeUp:
			move = g.sayf(words.BriefFromUpTo, g.grade(gp.from), g.grade(gp.to))
		default:
			move = g.sayf(words.BriefFromDownTo, g.grade(gp.from), g.grade(gp.to))
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", g.list(gp.units), move))
	}
	var head string
	if kind == analysis.GradeUp {
		head = g.sayf(words.BriefMovingUpAGrade, g.units(n))
	} else {
		head = g.sayf(words.BriefMovingDownAGrade, g.units(n))
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
	who := g.subject(b, g.list(names))
	var text string
	switch kind {
	case analysis.BiggestGain, analysis.BiggestDrop:
		if m.Change == nil {
			return Statement{}, false
		}
		up := kind == analysis.BiggestGain
		head := map[bool]*words.Word{true: words.BriefGainsMostPoints, false: words.BriefLosesMostPoints}[up]
		if !one {
			head = map[bool]*words.Word{true: words.BriefGainMostPoints, false: words.BriefLoseMostPoints}[up]
		}
		text = g.sayf(head, who)
		switch {
		case one && m.PrevScore != nil && m.Score != nil:
			dir := map[bool]*words.Word{true: words.BriefScoreFromUpTo, false: words.BriefScoreFromDownTo}[up]
			text += ", " + g.change(*m.Change) + g.sayf(dir, g.score(*m.PrevScore), g.ptsIn(*m.Score), g.score(*m.Score))
		case one:
			text += ", " + g.change(*m.Change)
		default:
			text += g.sayf(words.BriefChangeEach, g.change(*m.Change))
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
		if !rankMoveIsNews(k, g.sums[b].Ranked) {
			return Statement{}, false
		}
		head := map[bool]*words.Word{true: words.BriefClimbsMostPlaces, false: words.BriefFallsMostPlaces}[up]
		if !one {
			head = map[bool]*words.Word{true: words.BriefClimbMostPlaces, false: words.BriefFallMostPlaces}[up]
		}
		alsoWord := ""
		if also {
			alsoWord = g.say(words.BriefAlso)
		}
		text = g.sayf(head, who, alsoWord)
		places := g.sayf(words.BriefPlaces, k)
		if k == 1 {
			places = g.sayf(words.BriefOnePlace, k)
		}
		dir := g.say(map[bool]*words.Word{true: words.BriefUp, false: words.BriefDown}[up])
		switch {
		case one && m.PrevRank != nil && m.Rank != nil:
			move := map[bool]*words.Word{true: words.BriefPlaceFromUpTo, false: words.BriefPlaceFromDownTo}[up]
			text += ", " + dir + places + g.sayf(move, g.place(*m.PrevRank), g.place(*m.Rank))
		case one:
			text += ", " + dir + places
		default:
			text += g.sayf(words.BriefChangeEach, dir+places)
		}
	}
	return stmt(string(kind), b, text+".", f), true
}

// Rank moves are news only when they are large for the bloc: at least
// MinNewsPlaces places, in a bloc of at least MinNewsBloc ranked units. In
// a bloc of five, one place is the ordinary churn of close scores, and
// every unit moving one place would be "the biggest move". See STYLE.md.
const (
	MinNewsPlaces = 2
	MinNewsBloc   = 6
)

// rankMoveIsNews applies the rule to a move of places in a bloc of ranked
// units.
func rankMoveIsNews(places, ranked int) bool {
	return places >= MinNewsPlaces && ranked >= MinNewsBloc
}

// subject puts a unit name (or a list of names) at the head of a sentence,
// the subject first, as announcements write: «Công an thành phố lần đầu vươn
// lên vị trí thứ nhất». A sentence starts with a capital letter, so a name
// published in lower case takes a capital initial there and only there
// («Quận Cẩm Lệ đứng vị trí cuối cùng»; "quận Cẩm Lệ" inside a sentence).
func (g *gen) subject(_, name string) string { return words.CapFirst(name) }

// singleUnit describes a bloc of one unit.
func (g *gen) singleUnit(b string) (Statement, bool) {
	t := g.tables[b]
	if len(t.Rows) != 1 {
		return Statement{}, false
	}
	r := t.Rows[0]
	text := g.sayf(words.BriefHasASingleUnit, words.CapFirst(g.blocRef(b)), r.Unit)
	if r.Score != nil {
		text += g.say(words.BriefScoring) + g.pts(*r.Score)
	}
	if r.Grade != nil {
		text += g.say(words.BriefCommaGraded) + g.grade(*r.Grade)
	}
	f := map[string]any{"unit": r.Unit, "unit_id": r.UnitID, "score": optF(r.Score), "grade": optS(r.Grade)}
	if py := t.PrevYear; py != nil && r.PrevScore != nil && r.Change != nil {
		text += g.sayf(words.BriefComparedWithPrev, *py, g.ptsIn(*r.PrevScore), g.change(*r.Change))
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
	prev, ok := g.a.BlocSummary(g.slice(b).WithYear(*s.PrevYear))
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
		items = append(items, g.sayf(words.BriefNowPlaced, r.Unit, g.place(*r.Rank), g.ptsIn(*r.Score)))
		units = append(units, map[string]any{"unit": r.Unit, "unit_id": r.UnitID, "rank": *r.Rank, "score": *r.Score,
			"prev_score": optF(r.PrevScore), "prev_rank": optI(r.PrevRank)})
	}
	var text string
	if len(rows) == 1 {
		r := rows[0]
		text = g.sayf(words.BriefLeaderNowPlaced, py, r.Unit, g.place(*r.Rank), g.ptsIn(*r.Score))
	} else {
		text = g.sayf(words.BriefOfTheUnitsSharingFirst, py) +
			joinPlain(items, g.say(words.BriefAnd)) + "."
	}
	return stmt("lost_top", b, text, map[string]any{"prev_year": py, "units": units}), true
}
