package analysis

import (
	"slices"
	"strings"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// Self-assessment beside appraisal. A unit scores itself ("Điểm tự đánh
// giá", data.Record.SelfAssessed); the council appraises it ("Điểm thẩm
// định"). The gap is watched: a unit that over-claims much is asked why.
// The appraised score compared is the file's appraisal column (a component
// named "thẩm định") when it has one and the self-assessed score is on its
// scale (not above its maximum); else the total. A file that gives no
// total self-assessed score but one per area or criterion ("Điểm tự đánh
// giá / 1.1") has its self-assessed total summed from them (Summed), and
// only when every area that applies has one: never a partial sum.

// SelfGap is one unit's self-assessed score beside its appraised score in
// a year.
type SelfGap struct {
	Index        string  `json:"index"`
	Year         int     `json:"year"`
	Bloc         string  `json:"bloc"`
	UnitID       string  `json:"unit_id"`
	Unit         string  `json:"unit"`
	UnitCode     *string `json:"unit_code"`
	SelfAssessed float64 `json:"self_assessed"`
	Appraised    float64 `json:"appraised"`
	// AppraisedBy is what the self-assessed score was compared with: the
	// key of the appraisal component, or "total".
	AppraisedBy string  `json:"appraised_by"`
	Gap         float64 `json:"gap"` // self_assessed − appraised: points over-claimed (negative: under-claimed)
	// Summed: the file gives no total self-assessed score; SelfAssessed is
	// the sum of the unit's self-assessed scores of its areas (of an
	// area's criteria where the area has none), compared with the total.
	Summed   bool     `json:"summed"`
	PrevYear *int     `json:"prev_year"`
	PrevGap  *float64 `json:"prev_gap"` // last year's gap, when both years have one
	Narrowed *bool    `json:"narrowed"` // |gap| smaller than last year's (at 2 decimals)
}

// appraisalComponent returns the area that holds the appraised score
// ("Điểm thẩm định"), or -1.
func (a *Analysis) appraisalComponent() int {
	for _, i := range a.tree.Roots {
		if strings.Contains(" "+data.Fold(a.ds.Components[i].Name)+" ", " tham dinh ") {
			return i
		}
	}
	return -1
}

// selfGap is an entry's gap, if it has a self-assessed score and an
// appraised one on the same scale.
func (a *Analysis) selfGap(e *entry, appraisal int) (SelfGap, bool) {
	r := e.rec
	self, ok := r.SelfAssessed()
	if !ok {
		sum, ok := a.summedSelf(r)
		if !ok || !r.HasTotal() {
			return SelfGap{}, false
		}
		x := SelfGap{Index: e.g.index, Year: e.g.year, Bloc: e.g.bloc, UnitID: r.UnitID, Unit: r.Unit, UnitCode: e.unitCode(),
			SelfAssessed: sum, Appraised: r.Total, AppraisedBy: "total", Summed: true}
		x.Gap = x.SelfAssessed - x.Appraised
		return x, true
	}
	x := SelfGap{Index: e.g.index, Year: e.g.year, Bloc: e.g.bloc, UnitID: r.UnitID, Unit: r.Unit, UnitCode: e.unitCode(), SelfAssessed: self}
	switch v := r.Score(max(appraisal, 0)); {
	case appraisal >= 0 && !data.IsMissing(v) && a.onScale(appraisal, e.g.year, self):
		x.Appraised, x.AppraisedBy = v, a.ds.Components[appraisal].Key
	case r.HasTotal():
		x.Appraised, x.AppraisedBy = r.Total, "total"
	default:
		return SelfGap{}, false
	}
	x.Gap = x.SelfAssessed - x.Appraised
	return x, true
}

// summedSelf is a record's self-assessed total summed over the areas: an
// area's own self-assessed score, else the sum of its criteria's (down the
// tree); a part marked not applicable counts nothing. False when an area
// that applies cannot be resolved so (never a partial sum) or when no
// self-assessed score is given at all.
func (a *Analysis) summedSelf(r *data.Record) (float64, bool) {
	given := false
	var of func(c int) (float64, bool)
	of = func(c int) (float64, bool) {
		if data.IsNotApplicable(r.Score(c)) {
			return 0, true
		}
		if s := a.tree.SelfOf[c]; s >= 0 {
			if v := r.Score(s); !data.IsMissing(v) {
				given = true
				return v, true
			}
		}
		kids := a.tree.Children[c]
		if len(kids) == 0 {
			return 0, false
		}
		sum := 0.0
		for _, k := range kids {
			v, ok := of(k)
			if !ok {
				return 0, false
			}
			sum += v
		}
		return sum, true
	}
	sum := 0.0
	for _, c := range a.tree.Roots {
		v, ok := of(c)
		if !ok {
			return 0, false
		}
		sum += v
	}
	return sum, given
}

// onScale reports whether a self-assessed score can be on a component's
// scale: not above its maximum (any score is, when the maximum is unknown).
func (a *Analysis) onScale(c, year int, self float64) bool {
	m, ok := a.ds.Components[c].Max(year)
	return !ok || self <= m+1e-9
}

// SelfGapOf returns one unit's self-assessment gap in a year, with last
// year's beside it.
func (a *Analysis) SelfGapOf(index string, year int, unitID string) (SelfGap, bool) {
	e := a.entryOf(index, year, unitID)
	if e == nil {
		return SelfGap{}, false
	}
	appraisal := a.appraisalComponent()
	x, ok := a.selfGap(e, appraisal)
	if !ok {
		return x, false
	}
	if e.prev != nil {
		if p, ok := a.selfGap(e.prev, appraisal); ok && p.AppraisedBy == x.AppraisedBy {
			x.PrevYear, x.PrevGap = &e.prev.g.year, ptr(p.Gap)
			x.Narrowed = ptr(absCents(x.Gap) < absCents(p.Gap))
		}
	}
	return x, true
}

// SelfGaps returns the self-assessment gaps of a bloc's units in a year,
// the units that over-claimed most first (ties in league-table order).
func (a *Analysis) SelfGaps(sl data.Slice) []SelfGap {
	g := a.group(sl)
	if g == nil {
		return nil
	}
	var out []SelfGap
	for _, i := range g.rows {
		e := &g.entries[i]
		if x, ok := a.SelfGapOf(g.index, g.year, e.rec.UnitID); ok {
			out = append(out, x)
		}
	}
	slices.SortStableFunc(out, func(x, y SelfGap) int {
		cx, cy := numfmt.Cents(x.Gap), numfmt.Cents(y.Gap)
		switch {
		case cx > cy:
			return -1
		case cx < cy:
			return 1
		}
		return 0
	})
	return out
}

func absCents(v float64) int64 {
	c := numfmt.Cents(v)
	if c < 0 {
		return -c
	}
	return c
}
