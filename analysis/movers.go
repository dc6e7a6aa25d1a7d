package analysis

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/parlens/parlens/data"
)

// MoverKind names a fact about a unit in a year.
type MoverKind string

// Mover kinds, in the order they are listed within a bloc.
const (
	Top            MoverKind = "top"              // rank 1, no claim on earlier years (the bloc's first year, or earlier tables that do not show their leader)
	FirstTimeTop   MoverKind = "first_time_top"   // rank 1, never rank 1 in an earlier year of the bloc (every earlier year shows its leader)
	RegainedTop    MoverKind = "regained_top"     // rank 1, not last year but in some earlier year; count = years at rank 1
	RetainedTop    MoverKind = "retained_top"     // rank 1 now and last year; streak = consecutive years, count = all years
	Bottom         MoverKind = "bottom"           // last ranked in a complete table (last rank > 1); streak/count of years at the bottom, not in the bloc's first year
	BiggestGain    MoverKind = "biggest_gain"     // largest positive score change in the bloc (all tied)
	BiggestDrop    MoverKind = "biggest_drop"     // largest negative score change
	BiggestClimb   MoverKind = "biggest_climb"    // largest rise in rank
	BiggestFall    MoverKind = "biggest_fall"     // largest fall in rank
	GradeUp        MoverKind = "grade_up"         // better grade than last year; steps = levels
	GradeDown      MoverKind = "grade_down"       // worse grade than last year
	FirstTimeGrade MoverKind = "first_time_grade" // top grade for the first time (had earlier graded years)
	SoleGrade      MoverKind = "sole_grade"       // the only unit of the bloc with its grade (bloc of ≥ 2 graded units)
	NewUnit        MoverKind = "new_unit"         // first year with a result (score, grade or published rank), in a year that is not the bloc's first, no earlier year partial
)

// MoverKinds lists every kind in listing order.
var MoverKinds = []MoverKind{
	Top, FirstTimeTop, RegainedTop, RetainedTop, Bottom,
	BiggestGain, BiggestDrop, BiggestClimb, BiggestFall,
	GradeUp, GradeDown, FirstTimeGrade, SoleGrade, NewUnit,
}

func kindOrder(k MoverKind) int {
	for i, x := range MoverKinds {
		if x == k {
			return i
		}
	}
	return len(MoverKinds)
}

// Mover is one fact about a unit in a year, with its numbers. Every field
// known for the unit is filled (score, rank, grade and the previous-year
// values when the unit has a record in the bloc's previous year); fields
// that do not apply are nil.
type Mover struct {
	Kind     MoverKind `json:"kind"`
	Index    string    `json:"index"`
	Year     int       `json:"year"`
	Bloc     string    `json:"bloc"`
	UnitID   string    `json:"unit_id"`
	UnitCode *string   `json:"unit_code"`
	Unit     string    `json:"unit"`
	Score    *float64  `json:"score"`
	Rank     *int      `json:"rank"`
	RankedOf *int      `json:"ranked_of"` // ranked units in the bloc; nil when the table is partial
	// RankPublished: the rank is the published one (a ranks-only or partial table).
	RankPublished bool     `json:"rank_published"`
	Grade         *string  `json:"grade"`
	PrevYear      *int     `json:"prev_year"` // the bloc's previous year
	PrevScore     *float64 `json:"prev_score"`
	PrevRank      *int     `json:"prev_rank"`
	// PrevRankPublished: the previous rank is the published one.
	PrevRankPublished bool     `json:"prev_rank_published"`
	PrevGrade         *string  `json:"prev_grade"`
	Change            *float64 `json:"change"`      // score − prev_score
	RankChange        *int     `json:"rank_change"` // prev_rank − rank (positive = climbed)
	Streak            *int     `json:"streak"`      // retained_top, bottom: consecutive years including this one
	Count             *int     `json:"count"`       // retained_top, regained_top, bottom: all years so far
	Steps             *int     `json:"steps"`       // grade_up, grade_down: grade levels moved (positive)
	// Since is the first year of the data window a first-time, regained,
	// retained, bottom-streak or new-unit fact was counted in; nil for facts
	// that look at no earlier year.
	Since *int `json:"since"`
	// Break is the year of the unit's latest merger or split within the
	// data window (nil when none): its facts about earlier years hold for
	// every predecessor, or, when Since equals Break, only since the break.
	Break *int `json:"break"`
}

// Movers returns the facts of an index and year: blocs in bloc order, then
// kinds in MoverKinds order, then rank (unranked last), then unit name.
func (a *Analysis) Movers(index string, year int) []Mover {
	gs := a.groupsOf(index, year)
	// each bloc's facts on every core (a bloc's facts read the index's
	// earlier years and write only to their own group)
	a.onEveryCore(len(gs), func(i int) { gs[i].moverList() })
	n := 0
	for _, g := range gs {
		n += len(g.moverList())
	}
	out := make([]Mover, 0, n)
	for _, g := range gs {
		out = append(out, g.moverList()...)
	}
	return out
}

// BlocMovers returns the facts of one bloc in a year.
func (a *Analysis) BlocMovers(sl data.Slice) []Mover {
	g := a.group(sl)
	if g == nil {
		return []Mover{}
	}
	return g.moverList()
}

func (g *group) moverList() []Mover {
	g.movOnce.Do(func() { g.movers = g.buildMovers() })
	return g.movers
}

// arena hands out stable pointers to values, a chunk at a time, so that
// results need not allocate one value at a time.
type arena[T any] struct{ buf []T }

func (a *arena[T]) ptr(v T) *T {
	if len(a.buf) == cap(a.buf) {
		a.buf = make([]T, 0, 256)
	}
	a.buf = append(a.buf, v)
	return &a.buf[len(a.buf)-1]
}

// moverBuilder builds one group's movers.
type moverBuilder struct {
	g      *group
	floats arena[float64]
	ints   arena[int]
}

func (b *moverBuilder) mover(k MoverKind, e *entry) Mover {
	g := b.g
	m := Mover{
		Kind: k, Index: g.index, Year: g.year, Bloc: g.bloc,
		UnitID: e.rec.UnitID, UnitCode: e.unitCode(), Unit: e.rec.Unit,
	}
	if e.hasScore {
		m.Score = &e.rec.Total
	}
	if e.ranked() {
		m.Rank = &e.rank
		m.RankPublished = e.rankPublished()
		if g.complete() {
			m.RankedOf = &g.nRanked
		}
	}
	if e.grade != "" {
		m.Grade = &e.grade
	}
	if g.prev != nil {
		m.PrevYear = &g.prev.year
	}
	if br := e.unit.lastBreak(g.since(), g.year); br != nil {
		m.Break = &br.year
	}
	if p := e.prev; p != nil {
		if p.hasScore {
			m.PrevScore = &p.rec.Total
			if e.hasScore {
				m.Change = b.floats.ptr(scoreChange(e.rec.Total, p.rec.Total))
			}
		}
		if p.ranked() {
			m.PrevRank = &p.rank
			m.PrevRankPublished = p.rankPublished()
			if e.ranked() && !g.broken {
				m.RankChange = b.ints.ptr(p.rank - e.rank)
			}
		}
		if p.grade != "" {
			m.PrevGrade = &p.grade
		}
	}
	return m
}

// blocHistory walks the unit's records in this bloc's earlier years, latest
// first, calling f with the group and the unit's record there (nil when absent).
func (g *group) earlier(e *entry, f func(gg *group, x *entry) bool) {
	gs := g.ix.byBloc[g.bloc]
	for i := g.pos - 1; i >= 0; i-- {
		if !f(gs[i], e.unit.at(gs[i])) {
			return
		}
	}
}

// standing says whether a fact held for a unit in an earlier year of the
// bloc (x is its record there, nil when absent), and whether the year's table
// shows it at all (a partial table may leave out its leader or its last rows).
type standing func(gg *group, x *entry) (holds, known bool)

func wasTop(gg *group, x *entry) (bool, bool) {
	if x != nil && x.rank == 1 {
		return true, true
	}
	return false, gg.topKnown()
}

func wasBottom(gg *group, x *entry) (bool, bool) {
	if x != nil && x.isBottom() {
		return true, true
	}
	return false, gg.bottomKnown()
}

// tally is a fact's record over the bloc's years, this one included.
type tally struct {
	streak     int  // consecutive years from this one back
	streakSure bool // the run ends at a year known not to hold, or at the bloc's first year
	prevKnown  bool // the bloc's previous year shows whether the fact held
	count      int  // years in which the fact held
	exact      bool // every earlier year shows whether it held
	// partly: before a break, the fact held in some year for some of the
	// unit's predecessors but not for all (that year does not count)
	partly bool
}

// history tallies the years in which a fact holds for the unit in this bloc
// (across a break, for all its predecessors).
func (g *group) history(e *entry, st standing) tally {
	t := tally{streak: 1, count: 1, streakSure: true, exact: true}
	run, first := true, true
	g.earlier(e, func(gg *group, _ *entry) bool {
		// before a break the unit is its predecessors: a year counts when
		// the fact held for every one of them (lineage.go)
		holds, some, known := e.unit.heldAt(gg, st, g.year, 0)
		t.partly = t.partly || some && !holds
		if first {
			t.prevKnown, first = known, false
		}
		switch {
		case holds:
			t.count++
			if run {
				t.streak++
			}
		case !known:
			t.exact = false
			if run {
				t.streakSure = false
			}
			run = false
		default:
			run = false
		}
		return true
	})
	return t
}

// sinceBreak is the year of the unit's latest break when this year is not
// its first after it (0 otherwise): "first time since the merger" needs a
// year of the merged unit before this one.
func (b *moverBuilder) sinceBreak(e *entry) int {
	if br := e.unit.lastBreak(b.g.since(), b.g.year); br != nil && br.year < b.g.year {
		return br.year
	}
	return 0
}

// claim sets a mover's streak and count where the data window supports them.
func (b *moverBuilder) claim(m *Mover, t tally, streak bool) {
	if streak && t.streakSure {
		m.Streak = b.ints.ptr(t.streak)
	}
	if t.exact {
		m.Count = b.ints.ptr(t.count)
	}
	if m.Streak != nil || m.Count != nil || m.Kind != Bottom {
		m.Since = b.ints.ptr(b.g.since())
	}
}

// anyEarlier reports whether some earlier record of the unit in this index
// (any bloc, lineage included: before a break, any predecessor's) satisfies pred.
func anyEarlier(e *entry, pred func(*entry) bool) bool {
	found := false
	e.unit.eachEarlier(e.g.year, 0, func(x *entry) bool {
		found = pred(x)
		return !found
	})
	return found
}

func (g *group) buildMovers() []Mover {
	out := []Mover{}
	b := &moverBuilder{g: g}
	// top of the table: no claim on earlier years in the bloc's first year
	for _, k := range g.order {
		e := &g.entries[k]
		if e.rank != 1 {
			break
		}
		if g.prev == nil {
			out = append(out, b.mover(Top, e))
			continue
		}
		t := g.history(e, wasTop)
		var m Mover
		switch {
		case t.streak >= 2:
			m = b.mover(RetainedTop, e)
			b.claim(&m, t, true)
		case !t.prevKnown: // last year's leader is not in the data: neither kept nor regained
			m = b.mover(Top, e)
		case t.count > 1:
			m = b.mover(RegainedTop, e)
			b.claim(&m, t, false)
		case t.exact && !t.partly:
			m = b.mover(FirstTimeTop, e)
			b.claim(&m, t, false)
			m.Count = nil
		case t.exact && b.sinceBreak(e) > 0:
			// a predecessor led before the break; the unit never has since
			m = b.mover(FirstTimeTop, e)
			m.Since = b.ints.ptr(b.sinceBreak(e))
		default: // some earlier table does not show its leader, or a predecessor led in the merged unit's first year
			m = b.mover(Top, e)
		}
		out = append(out, m)
	}

	// bottom of the table; its streak and count not in the bloc's first year
	for k := len(g.order) - 1; k >= 0; k-- {
		e := &g.entries[g.order[k]]
		if !e.isBottom() {
			break
		}
		m := b.mover(Bottom, e)
		if g.prev != nil {
			b.claim(&m, g.history(e, wasBottom), true)
		}
		out = append(out, m)
	}

	// biggest score and rank changes among ranked units with a previous
	// score/rank: "the most in the bloc" needs both years' whole tables
	if g.prev != nil && g.complete() && g.prev.complete() {
		gains := make([]change, 0, len(g.order))
		ranks := make([]change, 0, len(g.order))
		for _, k := range g.order {
			e := &g.entries[k]
			p := e.prev
			if p == nil {
				continue
			}
			if p.hasScore && e.hasScore {
				gains = append(gains, change{e, e.cents - p.cents})
			}
			if p.ranked() && !g.broken { // across a break, places are of different blocs
				ranks = append(ranks, change{e, int64(p.rank - e.rank)})
			}
		}
		out = appendExtremes(out, b, gains, BiggestGain, BiggestDrop)
		out = appendExtremes(out, b, ranks, BiggestClimb, BiggestFall)
	}

	// grades
	graded := 0
	gcs := g.gradeCounts()
	count := func(k gradeKey) int {
		for _, c := range gcs {
			if c.key == k {
				return c.count
			}
		}
		return 0
	}
	for _, c := range gcs {
		graded += c.count
	}
	for i := range g.entries {
		e := &g.entries[i]
		if p := e.prev; p != nil && e.gk.known() && p.gk.known() && e.gk.lvl != p.gk.lvl {
			steps := p.gk.lvl - e.gk.lvl
			// count bands of the scheme in use when it has both grades (the
			// built-in vocabulary has rungs, like Trung bình khá, a scheme may skip)
			bi, bj := e.band, p.band
			if p.g.scheme != g.scheme {
				bj = -1
				if b, ok := g.scheme.Level(p.grade); ok {
					bj = b
				}
			}
			if bi >= 0 && bj >= 0 && bi != bj && (bj-bi > 0) == (steps > 0) {
				steps = bj - bi
			}
			kind := GradeUp
			if steps < 0 {
				kind, steps = GradeDown, -steps
			}
			m := b.mover(kind, e)
			m.Steps = b.ints.ptr(steps)
			out = append(out, m)
		}
		if g.prev != nil && e.gk.known() && e.gk.lvl == 0 &&
			anyEarlier(e, func(x *entry) bool { return x.gk.has() }) &&
			!anyEarlier(e, func(x *entry) bool { return x.gk.known() && x.gk.lvl == 0 }) {
			m := b.mover(FirstTimeGrade, e)
			m.Since = b.ints.ptr(g.ix.years[0])
			out = append(out, m)
		}
		if graded >= 2 && e.gk.has() && count(e.gk) == 1 && g.complete() {
			out = append(out, b.mover(SoleGrade, e))
		}
		if g.prev != nil && e.result() && !anyEarlier(e, (*entry).result) && !g.earlierPartial() {
			m := b.mover(NewUnit, e)
			m.Since = b.ints.ptr(g.ix.years[0])
			out = append(out, m)
		}
	}

	// sort by kind, rank (unranked last), name, id
	type key struct{ kind, rank int }
	keys := make([]key, len(out))
	idx := make([]int, len(out))
	for i := range out {
		m := &out[i]
		keys[i] = key{kind: kindOrder(m.Kind), rank: math.MaxInt}
		if m.Rank != nil {
			keys[i].rank = *m.Rank
		}
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		x, y := &keys[i], &keys[j]
		if c := cmp.Compare(x.kind, y.kind); c != 0 {
			return c
		}
		if c := cmp.Compare(x.rank, y.rank); c != 0 {
			return c
		}
		if c := cmpName(out[i].Unit, out[j].Unit); c != 0 {
			return c
		}
		return strings.Compare(out[i].UnitID, out[j].UnitID)
	})
	sorted := make([]Mover, len(out))
	for k, i := range idx {
		sorted[k] = out[i]
	}
	out = sorted
	return out
}

type change struct {
	e *entry
	d int64
}

// appendExtremes adds a fact for every unit tied at the largest positive and
// the largest negative change, when at least two units are compared.
func appendExtremes(out []Mover, b *moverBuilder, cs []change, up, down MoverKind) []Mover {
	if len(cs) < 2 {
		return out
	}
	hi, lo := cs[0].d, cs[0].d
	for _, c := range cs[1:] {
		hi, lo = max(hi, c.d), min(lo, c.d)
	}
	if hi > 0 {
		for _, c := range cs {
			if c.d == hi {
				out = append(out, b.mover(up, c.e))
			}
		}
	}
	if lo < 0 {
		for _, c := range cs {
			if c.d == lo {
				out = append(out, b.mover(down, c.e))
			}
		}
	}
	return out
}
