package analysis

import (
	"fmt"

	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
)

// Check compares what the data states with what the analysis computes and
// returns a warning for every record whose given rank differs from the rank
// by score (within its index, year and bloc), and for every record whose
// given grade differs from the grade its total earns under the scheme the
// user gave (grades.csv or --grades default; without one there is nothing
// to contradict). Positions are the record's file and line (column 0). Records without a
// total are not checked: there is nothing to rank or grade them by.
func Check(ds *data.Dataset) []data.Issue {
	return New(ds).Check()
}

// Check is Check on an existing analysis.
func (a *Analysis) Check() []data.Issue {
	fs := a.findings()
	out := make([]data.Issue, len(fs))
	for i := range fs {
		out[i] = fs[i].issue
	}
	return out
}

// finding is one of Check's warnings with the record it is about, so a
// caveat can state it in words rather than as a message.
type finding struct {
	issue data.Issue
	kind  string // CaveatRank, CaveatRankNotRanked, CaveatGrade or CaveatGradeBelow
	e     *entry
	want  string // CaveatGrade: the grade by score
}

// findings computes Check's warnings once, in data order: each core
// checks a contiguous part of the records, and the parts are joined in order.
func (a *Analysis) findings() []finding {
	a.checkOnce.Do(func() {
		parts := chunks(len(a.recEntry))
		found := make([][]finding, len(parts))
		inChunks(parts, func(k, lo, hi int) { found[k] = a.findingsIn(a.recEntry[lo:hi]) })
		for _, f := range found {
			a.checked = append(a.checked, f...)
		}
	})
	return a.checked
}

// findingsIn returns Check's warnings about the entries, in their order.
func (a *Analysis) findingsIn(es []*entry) []finding {
	var out []finding
	for _, e := range es {
		g, r := e.g, e.rec
		if !e.hasScore {
			continue
		}
		pos := data.Pos{File: r.Pos.File, Line: r.Pos.Line}
		if g.pubRanks {
			if is, ok := g.rankOrderIssue(e); ok {
				out = append(out, finding{issue: is, kind: CaveatRank, e: e})
			}
		}
		if r.PublishedRank != 0 && r.PublishedRank != e.rank {
			f := finding{issue: data.Issue{Severity: data.Warning, Pos: pos}, kind: CaveatRank, e: e}
			if r.NotRanked {
				f.kind = CaveatRankNotRanked
				f.issue.Msg = fmt.Sprintf("rank %d given, but %s is marked not ranked (Tổng điểm %s)", r.PublishedRank, r.Unit, msgScore(r.Total))
				f.issue.Hint = "a not-ranked unit keeps its score but gets no rank; remove the rank or the not-ranked mark"
			} else {
				f.issue.Msg = fmt.Sprintf("rank %d given, %d by score (Tổng điểm %s)", r.PublishedRank, e.rank, msgScore(r.Total))
				f.issue.Hint = fmt.Sprintf("ranks are recomputed within %s %d by total at 2 decimals, ties sharing a rank (1, 2, 2, 4); %s",
					blocName(g.bloc), g.year, rankHint(g, e))
			}
			out = append(out, f)
		}
		if r.Grade != "" && g.scheme != noScheme {
			v, ok := a.ds.GradeValue(g.scheme, a.tree, r)
			if !ok {
				continue // no share of applicable points to grade on: said at load
			}
			want := g.scheme.GradeFor(v)
			if want == "" && len(g.scheme.Bands) > 0 {
				low := g.scheme.Bands[len(g.scheme.Bands)-1]
				out = append(out, finding{kind: CaveatGradeBelow, e: e, issue: data.Issue{Severity: data.Warning, Pos: pos,
					Msg: fmt.Sprintf("grade %s given, but the score is below every grade of the scheme (Tổng điểm %s, lowest %s from %s)",
						r.Grade, msgScore(r.Total), low.Label, msgScore(low.Min)),
					Hint: gradeHint(g, low.Label)}})
				continue
			}
			if !a.sameGrade(g, r.Grade, want) {
				f := finding{issue: data.Issue{Severity: data.Warning, Pos: pos}, kind: CaveatGrade, e: e, want: want}
				f.issue.Msg = fmt.Sprintf("grade %s given, %s by score (Tổng điểm %s)", r.Grade, want, msgScore(r.Total))
				f.issue.Hint = gradeHint(g, want)
				out = append(out, f)
			}
		}
	}
	return out
}

func blocName(b string) string {
	if b == "" {
		return "the bloc"
	}
	return b
}

// rankHint names the units sharing the given rank, or the score that holds it.
func rankHint(g *group, e *entry) string {
	want := e.rec.PublishedRank
	for _, k := range g.order {
		x := &g.entries[k]
		if x.rank == want {
			if x == e {
				break
			}
			return fmt.Sprintf("rank %d belongs to %s (%s); check the total or the rank", want, x.rec.Unit, msgScore(x.rec.Total))
		}
	}
	if want > len(g.order) {
		return fmt.Sprintf("only %d units are ranked; check the total or the rank", len(g.order))
	}
	return "check the total or the rank"
}

func (a *Analysis) sameGrade(g *group, given, want string) bool {
	if given == want {
		return true
	}
	lg, okg := a.ds.GradeLevel(g.slice(), given)
	lw, okw := a.ds.GradeLevel(g.slice(), want)
	if okg && okw {
		return lg == lw
	}
	return data.Fold(given) == data.Fold(want)
}

// msgScore writes a score in a message (English, a point) as published,
// at least 2 decimals: a message never shows a score rounded.
func msgScore(v float64) string { return numfmt.Point.Score(v, 2) }

func gradeHint(g *group, want string) string {
	s := g.scheme
	from := ""
	for _, b := range s.Bands {
		if b.Label == want {
			if m, ok := bandCents(b.Min); ok {
				from = fmt.Sprintf(" from %.2f", fromCents(m))
			}
			break
		}
	}
	if s.Source == data.DefaultScheme.Source {
		return fmt.Sprintf("--grades default selects the built-in scheme, which gives %s%s for %s %d; give a grades.csv if this bloc's thresholds differ",
			want, from, blocName(g.bloc), g.year)
	}
	src := s.Source
	if src == "" {
		src = "grades.csv"
	}
	return fmt.Sprintf("the scheme from %s gives %s%s for %s %d", src, want, from, blocName(g.bloc), g.year)
}
