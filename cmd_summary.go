package main

import (
	"fmt"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// summaryRows is every year by default: the summary is the history at a glance.
func summaryRows(e *env) ([]analysis.YearSummary, error) {
	var sls []data.Slice
	if err := e.each(true, func(s data.Slice) error { sls = append(sls, s); return nil }); err != nil {
		return []analysis.YearSummary{}, err
	}
	bs, unknown := e.a.BlocSummaries(sls) // on every core
	if unknown >= 0 {
		return []analysis.YearSummary{}, missing("summary", sls[unknown])
	}
	var out []analysis.YearSummary
	for i, s := range sls {
		if n := len(out); n > 0 && out[n-1].Index == s.Index && out[n-1].Year == s.Year {
			out[n-1].Blocs = append(out[n-1].Blocs, bs[i])
			continue
		}
		ys := analysis.YearSummary{Index: s.Index, Year: s.Year, Blocs: []analysis.BlocSummary{bs[i]}}
		if py, ok := e.a.IndexPrevYear(s.Index, s.Year); ok {
			ys.PrevYear = &py
		}
		out = append(out, ys)
	}
	return nonNil(out), nil
}

func summaryTable(e *env, out []analysis.YearSummary) *present.Table {
	t := &present.Table{Headers: e.headers(words.ColIndex, words.ColYear, words.ColBloc, words.ColUnits, words.ColRanked,
		words.ColGrades, words.ColLeader, words.ColBottom, words.ColMean, words.ColMedian,
		words.ColStdev, words.ColMin, words.ColMaxScore, words.ColPrevMean,
		words.ColUp, words.ColDown, words.ColSame)}
	partial := false // a column for partial tables only when there are some
	for _, ys := range out {
		for _, b := range ys.Blocs {
			partial = partial || partialNote(b) != ""
		}
	}
	if partial {
		t.Headers = append(t.Headers, e.headers(words.ColPartial)...)
	}
	for _, ys := range out {
		for _, b := range ys.Blocs {
			row := []any{ys.Index, ys.Year, b.Bloc, b.Units, b.Ranked, e.gradeCounts(b), e.unitScores(b.Leader), e.unitScores(b.Bottom),
				fixed(b.Mean, 2), fixed(b.Median, 2), fixed(b.Stdev, 2), e.score(b.Min), e.score(b.Max),
				fixed(b.PrevMean, 2), b.Up, b.Down, b.Same}
			if partial {
				row = append(row, partialNote(b))
			}
			t.Add(row...)
		}
	}
	return t
}

// gradeCounts writes "Tốt 12/21 (+2); Khá 5/21 (−1)"; for a bloc nothing
// grades, the score bands: "không xếp loại (từ 80 điểm: 14/17; từ 90 điểm: 0/17)".
func (e *env) gradeCounts(b analysis.BlocSummary) string {
	var parts []string
	if b.Grades == nil {
		for i := len(b.Bands) - 1; i >= 0; i-- {
			sb := b.Bands[i]
			parts = append(parts, words.BandCount.F(e.lang(), e.mark().Score(sb.Min, 0), sb.Count, sb.Of))
		}
		none := e.say(words.NotGraded)
		if len(parts) == 0 {
			return none
		}
		return none + " (" + strings.Join(parts, "; ") + ")"
	}
	for _, g := range b.Grades {
		s := fmt.Sprintf("%s %d/%d", g.Grade, g.Count, b.Units)
		if g.Change != nil && *g.Change != 0 {
			s += fmt.Sprintf(" (%+d)", *g.Change)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// unitScores writes "Sở Nội vụ 101,69" (several when tied).
func (e *env) unitScores(us []analysis.UnitScore) string {
	var parts []string
	for _, u := range us {
		if u.Score == nil { // a ranks-only row
			parts = append(parts, u.Unit)
			continue
		}
		parts = append(parts, u.Unit+" "+e.mark().Score(*u.Score, e.a.Dataset().Decimals))
	}
	return strings.Join(parts, "; ")
}

// mark is the decimal mark of numbers written inside a cell: a comma in
// Vietnamese text and Markdown, a point in CSV.
func (e *env) mark() numfmt.Mark {
	if e.q.format == present.FormatCSV {
		return numfmt.Point
	}
	return numfmt.For(e.q.lang)
}

// partialNote says why the bloc's table, or the previous year's it is
// compared with, is partial ("" when both are whole).
func partialNote(b analysis.BlocSummary) string {
	var parts []string
	if b.PartialReason != nil {
		parts = append(parts, *b.PartialReason)
	}
	if b.PrevPartialReason != nil && b.PrevYear != nil {
		parts = append(parts, fmt.Sprintf("%d: %s", *b.PrevYear, *b.PrevPartialReason))
	}
	return strings.Join(parts, "; ")
}
