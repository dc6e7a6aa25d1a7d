package brief

import (
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/words"
)

// Score bands stand in for grades where nothing grades the units (no grade
// column, no grades.csv, no --grades default): "14/17 đơn vị đạt từ 80 điểm
// trở lên" is what the scores say; a grade name would be invented.

// bandTally is one score band summed over blocs.
type bandTally struct {
	min       float64
	count, of int
	prev      *int // nil when some bloc has no previous count
	prevOf    int
}

// bandFact is a score band as a statement's facts carry it.
type bandFact struct {
	Min       float64 `json:"min"`
	Count     int     `json:"count"`
	Of        int     `json:"of"`
	PrevCount *int    `json:"prev_count"`
	PrevOf    *int    `json:"prev_of"`
}

// ungraded reports whether no selected bloc has grades.
func (g *gen) ungraded() bool {
	for _, b := range g.blocs {
		if g.sums[b].GradesFrom != analysis.GradesFromNone {
			return false
		}
	}
	return true
}

// tallyBands sums the score bands of blocs (highest first); prev is set
// only when every bloc has the band's previous count.
func (g *gen) tallyBands(blocs []string) []bandTally {
	var out []bandTally
	for i, b := range blocs {
		for k, sb := range g.sums[b].Bands {
			if i == 0 {
				out = append(out, bandTally{min: sb.Min, prev: new(int)})
			}
			if k >= len(out) || out[k].min != sb.Min {
				return nil // blocs counted on other edges: nothing to sum
			}
			t := &out[k]
			t.count += sb.Count
			t.of += sb.Of
			if t.prev != nil && sb.PrevCount != nil && sb.PrevOf != nil {
				*t.prev += *sb.PrevCount
				t.prevOf += *sb.PrevOf
			} else {
				t.prev = nil
			}
		}
	}
	return out
}

// scoreBands states how many units of an ungraded bloc scored at least
// each band's minimum.
func (g *gen) scoreBands(b string) (Statement, bool) {
	s := g.sums[b]
	if s.GradesFrom != analysis.GradesFromNone || s.Units < 2 {
		return Statement{}, false
	}
	var prev *int
	if s.PrevYear != nil {
		prev = s.PrevYear
	}
	return g.bandStatement("score_bands", b, g.tallyBands([]string{b}), prev)
}

// leadBands sums the score bands across the blocs when none is graded.
func (g *gen) leadBands(prev int, common bool) (Statement, bool) {
	var py *int
	if common {
		py = &prev
	}
	return g.bandStatement("lead_score_bands", "", g.tallyBands(g.blocs), py)
}

// bandStatement writes the lowest band first and the higher ones as "of
// which": the bands are cumulative ("80 or more" includes "90 or more").
func (g *gen) bandStatement(kind, bloc string, ts []bandTally, prevYear *int) (Statement, bool) {
	if len(ts) == 0 || ts[0].of == 0 {
		return Statement{}, false
	}
	facts := make([]bandFact, len(ts))
	for i, t := range ts {
		facts[i] = bandFact{Min: t.min, Count: t.count, Of: t.of}
		if prevYear != nil && t.prev != nil {
			facts[i].PrevCount, facts[i].PrevOf = t.prev, ptrInt(t.prevOf)
		}
	}
	f := map[string]any{"bands": facts, "of": ts[0].of}
	if prevYear != nil {
		f["prev_year"] = *prevYear
	}
	low := ts[len(ts)-1]
	n := low.of
	prevOf := func(t bandTally) string {
		if prevYear == nil || t.prev == nil {
			return ""
		}
		return g.sayf(words.BriefBandPrevYear, *prevYear, g.frac(*t.prev, t.prevOf))
	}
	var head string // the lowest band, opening the sentence
	lead := bloc == ""
	switch {
	case low.count == 0 && lead:
		head = g.say(words.BriefAcrossTheBlocsNoUnit)
	case low.count == 0:
		head = g.sayf(words.BriefBlocNoneScored, words.CapFirst(g.blocRef(bloc)), g.blocRef(bloc))
	case low.count == n && n > 1 && lead:
		head = g.sayf(words.BriefAcrossTheBlocsAllScored, g.units(n))
	case low.count == n && n > 1:
		head = g.sayf(words.BriefAllOfScoredMinOr, g.units(n), g.blocRef(bloc))
	case lead:
		head = g.sayf(words.BriefAcrossTheBlocsUnitsScored, g.frac(low.count, n))
	default:
		head = g.sayf(words.BriefBlocUnitsScored, words.CapFirst(g.blocRef(bloc)), g.blocRef(bloc), g.frac(low.count, n))
	}
	clauses := []string{strings.Replace(head, "{min}", g.threshold(low.min), 1) + prevOf(low)}
	for i := len(ts) - 2; i >= 0 && low.count > 0; i-- {
		t := ts[i]
		if t.count == 0 {
			clauses = append(clauses, g.sayf(words.BriefNoneScoredOrMore, g.threshold(t.min))+prevOf(t))
			break // the higher bands are empty too
		}
		// "trong đó" continues the clause before it: a comma, not a semicolon
		clauses[len(clauses)-1] += g.sayf(words.BriefScoredOrMore, g.frac(t.count, n), g.threshold(t.min)) + prevOf(t)
	}
	text := strings.Join(clauses, "; ")
	return stmt(kind, bloc, text+".", f), true
}

func ptrInt(v int) *int { return &v }
