package analysis

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/parlens/parlens/data"
)

// A break is a dated reorganisation of a unit (data.Succession with a
// year): from its Year the unit stands for several earlier units (a
// merger, the unit itself among them when it had results of its own) or for
// a share of one (a split). Across a break there is no "last year" for the
// unit: its first year after the break has no previous record (no change,
// no rank move, no grade move), its predecessors are listed side by side
// (Break), and facts about earlier years hold only if they hold for every
// predecessor (see MoverKind). A rename (one predecessor, passed whole) is
// no break: the successor continues it.

// unitBreak is one break of a unit in one index.
type unitBreak struct {
	year  int
	parts []breakPart // the unit itself first (when it had results), then by id
}

// breakPart is one predecessor of a break and the share of it that passed on.
type breakPart struct {
	u      *unitHist
	self   bool
	weight float64
}

// buildBreaks fills unitHist.breaks from the dataset's dated successions.
// It runs while New grades the groups on another core (gradeGroup): it
// must not read what grading writes (an entry's score flags, cents, grade
// and the group's order and scheme).
func (a *Analysis) buildBreaks() {
	type key struct {
		to   string
		year int
	}
	in := map[key][]data.Succession{}
	for _, s := range a.ds.Successions() {
		if s.Year != 0 && s.From != s.To {
			k := key{s.To, s.Year}
			in[k] = append(in[k], s)
		}
	}
	if len(in) == 0 {
		return
	}
	keys := make([]key, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y key) int {
		if c := cmp.Compare(x.to, y.to); c != 0 {
			return c
		}
		return cmp.Compare(x.year, y.year)
	})
	for _, ix := range a.indices {
		for _, k := range keys {
			u := ix.hist[k.to]
			if u == nil {
				continue
			}
			var parts []breakPart
			if hasBefore(u.own, k.year) {
				parts = append(parts, breakPart{u: u, self: true, weight: 1})
			}
			ss := in[k]
			slices.SortFunc(ss, func(x, y data.Succession) int { return strings.Compare(x.From, y.From) })
			for _, s := range ss {
				if p := ix.hist[s.From]; p != nil && hasBefore(p.lin, k.year) {
					parts = append(parts, breakPart{u: p, weight: s.Weight})
				}
			}
			if len(parts) < 2 && (len(parts) == 0 || parts[0].weight >= 1) {
				continue // a rename, or no predecessor in this index: the unit continues
			}
			u.breaks = append(u.breaks, &unitBreak{year: k.year, parts: parts})
			ix.broken = true
		}
	}
}

func hasBefore(es []*entry, year int) bool { return len(es) > 0 && es[0].g.year < year }

// breakIn returns the unit's break that falls between g's previous year and
// g (g is the unit's first year after it), if any.
func (u *unitHist) breakIn(g *group) *unitBreak {
	if u == nil {
		return nil
	}
	for _, b := range u.breaks {
		if b.year <= g.year && (g.prev == nil || g.prev.year < b.year) {
			return b
		}
	}
	return nil
}

// lastBreak returns the unit's latest break at or before year and after
// floor, if any.
func (u *unitHist) lastBreak(floor, year int) *unitBreak {
	var last *unitBreak
	for _, b := range u.breaks {
		if b.year > floor && b.year <= year {
			last = b
		}
	}
	return last
}

// maxLineageDepth bounds how far back breaks are followed: a literal
// dataset (no loader) may hold a cycle.
const maxLineageDepth = 16

// heldAt says whether a fact held in the earlier group gg for the unit as it
// stood then: the unit itself, or before a break (one at or before upTo)
// its predecessors, each as it stood. all: it held for every one of them;
// some: it held for at least one; known: gg's table shows it for each.
func (u *unitHist) heldAt(gg *group, st standing, upTo, depth int) (all, some, known bool) {
	b := u.lastBreak(gg.year, upTo)
	if b == nil || depth >= maxLineageDepth {
		h, k := st(gg, u.at(gg))
		return h, h, k
	}
	all, known = true, true
	for _, p := range b.parts {
		h, s, k := p.u.heldAt(gg, st, b.year-1, depth+1)
		all, some, known = all && h, some || s, known && k
	}
	return all, some, known
}

// eachEarlier calls f with every record of the unit's lineage before year
// (its own and, before each break, its predecessors'), until f says stop.
func (u *unitHist) eachEarlier(year, depth int, f func(*entry) bool) bool {
	b := u.lastBreak(0, year)
	for _, x := range u.lin {
		if x.g.year >= year {
			break
		}
		if b != nil && x.g.year < b.year {
			continue // before the break: its predecessors' records, the unit's own among them
		}
		if !f(x) {
			return false
		}
	}
	if b == nil {
		return true
	}
	if depth >= maxLineageDepth {
		return true
	}
	for _, p := range b.parts {
		if !p.u.eachEarlier(b.year, depth+1, f) {
			return false
		}
	}
	return true
}

// Break is a unit's reorganisation as of its first year after it, with
// each predecessor's last result before it, side by side.
type Break struct {
	UnitID   string  `json:"unit_id"`
	Unit     string  `json:"unit"`
	UnitCode *string `json:"unit_code"`
	Year     int     `json:"year"`  // the first year the unit stands for its predecessors
	AsOf     int     `json:"as_of"` // the year of Rank: the unit's first year with data after the break
	Kind     string  `json:"kind"`  // "merger" (several predecessors) or "split" (a share of one)
	// Rank, RankedOf and TopPercent place the unit this year (nil when not
	// ranked, or the table is partial).
	Rank         *int          `json:"rank"`
	RankedOf     *int          `json:"ranked_of"`
	TopPercent   *int          `json:"top_percent"`
	Predecessors []Predecessor `json:"predecessors"`
}

// Predecessor is one unit a break joins: its last result before the break.
type Predecessor struct {
	UnitID   string  `json:"unit_id"`
	Unit     string  `json:"unit"` // the name of its last record
	UnitCode *string `json:"unit_code"`
	// Self: the unit itself, before it absorbed the others.
	Self bool `json:"self"`
	// Weight is the share of the predecessor that passed to the unit: 1 unless split.
	Weight   float64  `json:"weight"`
	Year     *int     `json:"year"` // year of its last result before the break; nil when none in this index
	Bloc     *string  `json:"bloc"`
	Score    *float64 `json:"score"`
	Rank     *int     `json:"rank"`
	RankedOf *int     `json:"ranked_of"` // nil when that table is partial
	// RankPublished: the rank is the published one.
	RankPublished bool    `json:"rank_published"`
	Grade         *string `json:"grade"`
	TopPercent    *int    `json:"top_percent"`
}

// Break kinds.
const (
	BreakMerger = "merger"
	BreakSplit  = "split"
)

// TopPercent is where rank r of n stands as a share of the bloc, rounded
// up to a whole percent: rank 1 of 10 is the top 10%, rank 2 of 34 the top
// 6%. Across a break, rank moves are stated as these shares, never as places.
func TopPercent(rank, of int) int {
	if rank <= 0 || of <= 0 {
		return 0
	}
	return (100*rank + of - 1) / of
}

// BlocShare places rank r of n as its share of the bloc as readers say
// it: the top p% in the upper half (top = true), else the bottom p% (as the
// brief, the dashboard and the command line all write it).
func BlocShare(rank, of int) (pct int, top bool) {
	if p := TopPercent(rank, of); 2*p <= 100 {
		return p, true
	}
	return TopPercent(of-rank+1, of), false
}

func topPercent(e *entry) *int {
	if !e.ranked() || !e.g.complete() {
		return nil
	}
	return ptr(TopPercent(e.rank, e.g.nRanked))
}

// Breaks returns the breaks of a bloc's units in its year (the units whose
// first year after a merger or split it is), in table order.
func (a *Analysis) Breaks(sl data.Slice) []Break {
	g := a.group(sl)
	if g == nil {
		return nil
	}
	return g.breaks()
}

func (g *group) breaks() []Break {
	var out []Break
	if !g.ix.broken {
		return out // no unit of the index has a break
	}
	for _, i := range g.rows {
		e := &g.entries[i]
		if b := e.unit.breakIn(g); b != nil {
			out = append(out, e.breakOf(b))
		}
	}
	return out
}

// UnitBreak returns a unit's break in a bloc and year, when that year is
// its first after one.
func (a *Analysis) UnitBreak(sl data.Slice, unitID string) (Break, bool) {
	g := a.group(sl)
	if g == nil {
		return Break{}, false
	}
	for i := range g.entries {
		e := &g.entries[i]
		if e.rec.UnitID != unitID {
			continue
		}
		if b := e.unit.breakIn(g); b != nil {
			return e.breakOf(b), true
		}
	}
	return Break{}, false
}

func (e *entry) breakOf(b *unitBreak) Break {
	out := Break{UnitID: e.rec.UnitID, Unit: e.rec.Unit, UnitCode: e.unitCode(), Year: b.year, AsOf: e.g.year, Kind: BreakMerger,
		TopPercent: topPercent(e)}
	if len(b.parts) == 1 {
		out.Kind = BreakSplit
	}
	if e.ranked() {
		out.Rank = &e.rank
		if e.g.complete() {
			out.RankedOf = &e.g.nRanked
		}
	}
	for _, p := range b.parts {
		out.Predecessors = append(out.Predecessors, p.last(e.g, b.year))
	}
	return out
}

// last is a predecessor's last result before the break: in the bloc's
// previous year when it has one there, else its latest earlier record.
func (p breakPart) last(g *group, year int) Predecessor {
	out := Predecessor{UnitID: p.u.id, Unit: p.u.info.name, UnitCode: optStr(p.u.info.code), Self: p.self, Weight: p.weight}
	var x *entry
	if g.prev != nil {
		x = p.u.at(g.prev)
	}
	if x == nil {
		for _, y := range p.u.lin {
			if y.g.year < year {
				x = y
			}
		}
	}
	if x == nil {
		return out
	}
	out.Unit, out.UnitCode = x.rec.Unit, x.unitCode()
	out.Year, out.Bloc = &x.g.year, &x.g.bloc
	if x.hasScore {
		out.Score = &x.rec.Total
	}
	if x.ranked() {
		out.Rank = &x.rank
		out.RankPublished = x.rankPublished()
		if x.g.complete() {
			out.RankedOf = &x.g.nRanked
		}
	}
	if x.grade != "" {
		out.Grade = &x.grade
	}
	out.TopPercent = topPercent(x)
	return out
}

// Baseline is a combined previous score for a unit across a break,
// computed only on request: the mean of its predecessors' last scores, or
// their mean weighted by a number each carries (e.g. population).
type Baseline struct {
	Method string   `json:"method"` // "mean" or "weighted:COLUMN"
	Score  *float64 `json:"score"`  // nil when a predecessor lacks a score or a weight (Missing names them)
	Change *float64 `json:"change"` // the unit's score − Score
	// Missing lists the predecessors (unit ids) without a score, or without a weight.
	Missing []string `json:"missing"`
	// Years are the years of the predecessors' scores combined, in order:
	// a predecessor without a result in the bloc's previous year gives its
	// last earlier one, and the reader is told.
	Years []int `json:"years"`
}

// Baseline methods: BaselineMean, or BaselineWeighted + a column name.
const (
	BaselineMean     = "mean"
	BaselineWeighted = "weighted:"
)

// ParseBaseline checks a --baseline value: "mean" or "weighted:COLUMN".
func ParseBaseline(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == BaselineMean:
		return s, nil
	case strings.HasPrefix(s, BaselineWeighted) && strings.TrimSpace(s[len(BaselineWeighted):]) != "":
		return BaselineWeighted + strings.TrimSpace(s[len(BaselineWeighted):]), nil
	}
	return "", fmt.Errorf("unknown baseline %q: want mean or weighted:COLUMN (a column of units.csv, e.g. weighted:population)", s)
}

// CombinedBaseline computes a break's baseline by method (see ParseBaseline).
// weight gives a predecessor's weight for weighted:COLUMN (nil for mean).
// score is the unit's score this year (nil when it has none).
func CombinedBaseline(b Break, method string, score *float64, weight func(unitID, column string) (float64, bool)) Baseline {
	out := Baseline{Method: method, Missing: []string{}}
	column, weighted := strings.CutPrefix(method, BaselineWeighted)
	var sum, wsum float64
	for _, p := range b.Predecessors {
		w := 1.0
		if weighted {
			v, ok := 0.0, false
			if weight != nil {
				v, ok = weight(p.UnitID, column)
			}
			if !ok || !(v > 0) {
				out.Missing = append(out.Missing, p.UnitID)
				continue
			}
			w = v
		}
		if p.Score == nil {
			out.Missing = append(out.Missing, p.UnitID)
			continue
		}
		sum += w * *p.Score
		wsum += w
		if p.Year != nil && !slices.Contains(out.Years, *p.Year) {
			out.Years = append(out.Years, *p.Year)
		}
	}
	slices.Sort(out.Years)
	if len(out.Missing) > 0 || wsum == 0 {
		return out
	}
	v := sum / wsum
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return out
	}
	out.Score = &v
	if score != nil {
		out.Change = ptr(scoreChange(*score, v))
	}
	return out
}

// UnitBreaks returns a unit's breaks in an index, each as of the unit's
// first year after it, latest first.
func (a *Analysis) UnitBreaks(index, unitID string) []Break {
	u := a.unitHistOf(index, unitID)
	if u == nil {
		return nil
	}
	var out []Break
	for i := len(u.breaks) - 1; i >= 0; i-- {
		b := u.breaks[i]
		for _, e := range u.own {
			if e.g.year >= b.year {
				out = append(out, e.breakOf(b))
				break
			}
		}
	}
	return out
}

// PartOf returns the units a unit passed into at a dated merger or split
// (its successors, sorted, and the year), if any.
func (a *Analysis) PartOf(unitID string) (successors []string, year int) {
	for _, s := range a.ds.Successions() {
		if s.From == unitID && s.Year != 0 && s.From != s.To {
			successors, year = append(successors, s.To), s.Year
		}
	}
	slices.Sort(successors)
	return successors, year
}
