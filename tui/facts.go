package tui

import (
	"strconv"
	"strings"

	"github.com/parlens/parlens/analysis/words"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/styles"
)

func itoa(n int) string { return strconv.Itoa(n) }

// p makes text from the data safe to draw.
func p(s string) string { return data.Printable(s) }

func ps(s *string) string {
	if s == nil {
		return ""
	}
	return data.Printable(*s)
}

// kindName names a mover kind, capitalised as a label.
func kindName(k analysis.MoverKind, l words.Lang) string {
	if w := words.MoverKind(string(k)); w != nil {
		return w.Cap(l)
	}
	return string(k)
}

// kindTone says whether a fact is good or bad news.
func kindTone(k analysis.MoverKind) styles.Kind {
	switch k {
	case analysis.Top, analysis.FirstTimeTop, analysis.RegainedTop, analysis.RetainedTop,
		analysis.BiggestGain, analysis.BiggestClimb, analysis.GradeUp, analysis.FirstTimeGrade:
		return styles.KGood
	case analysis.Bottom, analysis.BiggestDrop, analysis.BiggestFall, analysis.GradeDown:
		return styles.KBad
	}
	return styles.KAccent
}

// factDetail describes a fact's numbers in one line (plain text).
func factDetail(mv *analysis.Mover, pad int, l words.Lang) string {
	nf := markOf(l)
	var parts []string
	if mv.Score != nil {
		s := nf.Score(*mv.Score, pad)
		if mv.Change != nil {
			s += " (" + nf.Change(*mv.Change, 2) + ")"
		}
		parts = append(parts, s)
	}
	if mv.Rank != nil {
		s := words.FactRank.F(l, *mv.Rank)
		if mv.RankedOf != nil {
			s += "/" + itoa(*mv.RankedOf)
		}
		if d := numfmt.RankMove(mv.RankChange); d != "" && d != "=" {
			s += " " + d
		}
		parts = append(parts, s)
	}
	switch mv.Kind {
	case analysis.GradeUp, analysis.GradeDown:
		parts = append(parts, ps(mv.PrevGrade)+" → "+ps(mv.Grade))
	default:
		if mv.Grade != nil {
			parts = append(parts, ps(mv.Grade))
		}
	}
	if t := factTag(mv, l); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, " · ")
}

// factTag is the short tag of a leader or bottom fact: first time, streak.
// Claims that count earlier years say from which year they count ("kể từ
// 2019"); a bloc's first year, or a bottom whose earlier tables do not show
// their last unit, claims nothing.
func factTag(mv *analysis.Mover, l words.Lang) string {
	switch mv.Kind {
	case analysis.Top:
		if mv.PrevYear == nil {
			return words.FactBlocFirstYear.In(l)
		}
	case analysis.FirstTimeTop:
		return words.FactFirstTime.In(l) + sinceTag(mv, l)
	case analysis.RegainedTop:
		if mv.Count != nil {
			return words.FactBackCount.F(l, *mv.Count) + sinceTag(mv, l)
		}
		return words.FactBack.In(l)
	case analysis.RetainedTop:
		if mv.Streak != nil {
			return words.FactYearsRunning.F(l, *mv.Streak)
		}
	case analysis.Bottom:
		if mv.Streak == nil {
			return ""
		}
		if *mv.Streak > 1 {
			return words.FactYearsRunning.F(l, *mv.Streak)
		}
		if mv.Count != nil && *mv.Count > 1 {
			return words.FactTimeCount.F(l, *mv.Count) + sinceTag(mv, l)
		}
		return words.FactFirstTime.In(l) + sinceTag(mv, l)
	case analysis.GradeUp, analysis.GradeDown:
		if mv.Steps != nil && *mv.Steps > 1 {
			return words.FactSteps.F(l, *mv.Steps)
		}
	}
	return ""
}

// sinceTag names the first year a count was made from.
func sinceTag(mv *analysis.Mover, l words.Lang) string {
	if mv.Since == nil {
		return ""
	}
	return words.FactSince.F(l, *mv.Since)
}

// signKind colours a change.
func signKind(v float64) styles.Kind {
	switch {
	case v >= 0.005:
		return styles.KGood
	case v <= -0.005:
		return styles.KBad
	}
	return styles.KMuted
}

func signKindInt(v int) styles.Kind {
	switch {
	case v > 0:
		return styles.KGood
	case v < 0:
		return styles.KBad
	}
	return styles.KMuted
}

// bandsText states a bloc nothing grades by its score bands ("từ 90 điểm
// 0/17 · từ 80 điểm 14/17"): plain counts of scores, no grade invented. It
// is "" when the bloc is graded or has no bands (a partial table, no scores).
func bandsText(bs *analysis.BlocSummary, l words.Lang) string {
	nf := markOf(l)
	if bs.GradesFrom != analysis.GradesFromNone || len(bs.Bands) == 0 {
		return ""
	}
	parts := make([]string, 0, len(bs.Bands))
	for _, b := range bs.Bands {
		parts = append(parts, words.FactBand.F(l, nf.Score(b.Min, 0), nf.Ratio(b.Count, b.Of)))
	}
	return words.NotGraded.In(l) + " · " + strings.Join(parts, " · ")
}
