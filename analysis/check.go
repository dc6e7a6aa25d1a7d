package analysis

import (
	"fmt"

	"github.com/parlens/parlens/data"
)

// Check compares what the data states with what the analysis computes and
// returns a warning for every record whose given rank differs from the rank
// by score (within its index, year and bloc), and for every record whose
// given grade differs from the grade its total earns under the scheme in use.
// Positions are the record's file and line (column 0). Records without a
// total are not checked: there is nothing to rank or grade them by.
func Check(ds *data.Dataset) []data.Issue {
	return New(ds).Check()
}

// Check is Check on an existing analysis.
func (a *Analysis) Check() []data.Issue {
	out := []data.Issue{}
	for _, e := range a.recEntry { // data order
		g, r := e.g, e.rec
		if !e.hasScore {
			continue
		}
		pos := data.Pos{File: r.Pos.File, Line: r.Pos.Line}
		if r.PublishedRank != 0 && r.PublishedRank != e.rank {
			is := data.Issue{Severity: data.Warning, Pos: pos}
			if r.NotRanked {
				is.Msg = fmt.Sprintf("rank %d given, but %s is marked not ranked (Tổng điểm %.2f)", r.PublishedRank, r.Unit, r.Total)
				is.Hint = "a not-ranked unit keeps its score but gets no rank; remove the rank or the not-ranked mark"
			} else {
				is.Msg = fmt.Sprintf("rank %d given, %d by score (Tổng điểm %.2f)", r.PublishedRank, e.rank, r.Total)
				is.Hint = fmt.Sprintf("ranks are recomputed within %s %d by total at 2 decimals, ties sharing a rank (1, 2, 2, 4); %s",
					blocName(g.bloc), g.year, rankHint(g, e))
			}
			out = append(out, is)
		}
		if r.Grade != "" {
			want := g.scheme.GradeFor(r.Total)
			if want == "" && len(g.scheme.Bands) > 0 {
				low := g.scheme.Bands[len(g.scheme.Bands)-1]
				out = append(out, data.Issue{Severity: data.Warning, Pos: pos,
					Msg: fmt.Sprintf("grade %s given, but the score is below every grade of the scheme (Tổng điểm %.2f, lowest %s from %.2f)",
						r.Grade, r.Total, low.Label, low.Min),
					Hint: gradeHint(a.ds, g, low.Label)})
				continue
			}
			if !a.sameGrade(g, r.Grade, want) {
				is := data.Issue{Severity: data.Warning, Pos: pos}
				is.Msg = fmt.Sprintf("grade %s given, %s by score (Tổng điểm %.2f)", r.Grade, want, r.Total)
				is.Hint = gradeHint(a.ds, g, want)
				out = append(out, is)
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
			return fmt.Sprintf("rank %d belongs to %s (%.2f); check the total or the rank", want, x.rec.Unit, x.rec.Total)
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
	lg, okg := a.ds.GradeLevel(g.index, g.bloc, g.year, given)
	lw, okw := a.ds.GradeLevel(g.index, g.bloc, g.year, want)
	if okg && okw {
		return lg == lw
	}
	return data.Fold(given) == data.Fold(want)
}

func gradeHint(ds *data.Dataset, g *group, want string) string {
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
	if !ds.HasScheme(g.index, g.bloc, g.year) {
		return fmt.Sprintf("no grades.csv scheme applies to %s %d, so the built-in one gives %s%s; add a grades.csv row if this bloc's thresholds differ",
			blocName(g.bloc), g.year, want, from)
	}
	src := s.Source
	if src == "" {
		src = "grades.csv"
	}
	return fmt.Sprintf("the scheme from %s gives %s%s for %s %d", src, want, from, blocName(g.bloc), g.year)
}
