package tui

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/parlens/parlens/analysis/words"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

// WriteOverview writes the text overview printed when the dashboard has no
// terminal: per index, its latest year; per bloc, the units, grade counts
// k/N, leader and bottom with their scores, and the mean. Vietnamese labels,
// decimal commas; every name passes through data.Printable.
func WriteOverview(w io.Writer, a *analysis.Analysis, l words.Lang) error {
	return WriteOverviewOf(w, a, l, Choice{})
}

// WriteOverviewOf is WriteOverview narrowed as the dashboard would open:
// with any of --index, --year, --bloc given, only that index, its chosen
// (else latest) year and, when given, that bloc; a choice the data lacks is
// an error, in language l.
func WriteOverviewOf(w io.Writer, a *analysis.Analysis, l words.Lang, ch Choice) error {
	nf := markOf(l)
	chosen := ch != Choice{}
	cIndex, cYear, cBloc, err := ch.resolve(a, l)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fields := []*words.Word{words.LabelBands, words.LabelGrades, words.LabelLeader, words.LabelBottom, words.LabelMean}
	labelW := 0
	for _, f := range fields {
		labelW = max(labelW, utf8.RuneCountInString(f.In(l)))
	}
	// field writes "  Label:   value", the values aligned after the widest label
	field := func(label *words.Word, value string) {
		fmt.Fprintf(bw, "  %-*s %s\n", labelW+1, label.In(l)+":", value)
	}
	ds := a.Dataset()
	if ds != nil && ds.Label != "" {
		fmt.Fprintln(bw, data.Printable(ds.Label))
		fmt.Fprintln(bw)
	}
	for i, ix := range a.Indices() {
		years := a.Years(ix)
		if len(years) == 0 || chosen && ix != cIndex {
			continue
		}
		if i > 0 && !chosen {
			fmt.Fprintln(bw)
		}
		year := years[len(years)-1]
		if chosen {
			year = cYear
		}
		sum, ok := a.Summary(ix, year)
		head := words.OverviewHead.F(l, data.Printable(ix), year)
		if sum.PrevYear != nil {
			head += words.OverviewComparedTo.F(l, *sum.PrevYear)
		}
		fmt.Fprintln(bw, head)
		fmt.Fprintln(bw, strings.Repeat("=", len([]rune(head))))
		if !ok {
			continue
		}
		for _, bs := range sum.Blocs {
			if cBloc != "" && bs.Bloc != cBloc {
				continue
			}
			fmt.Fprintln(bw, words.OverviewBlocUnits.F(l, data.Printable(bs.Bloc), nf.Int(bs.Units)))
			var grades []string
			for _, g := range bs.Grades {
				if g.Count == 0 {
					continue
				}
				grades = append(grades, fmt.Sprintf("%s %s", data.Printable(words.Grade(g.Grade, l)), nf.Ratio(g.Count, bs.Units)))
			}
			if bs.Ungraded > 0 {
				grades = append(grades, words.Ungraded.F(l, nf.Ratio(bs.Ungraded, bs.Units)))
			}
			if b := bandsText(&bs, l); b != "" {
				field(words.LabelBands, b)
			} else if len(grades) > 0 {
				field(words.LabelGrades, strings.Join(grades, " · "))
			}
			if len(bs.Leader) > 0 {
				field(words.LabelLeader, unitScores(bs.Leader, scorePad(a.Dataset()), l))
			}
			if len(bs.Bottom) > 0 {
				field(words.LabelBottom, unitScores(bs.Bottom, scorePad(a.Dataset()), l))
			}
			if bs.Mean != nil {
				mean := nf.Fixed(*bs.Mean, 2)
				if bs.MeanChg != nil {
					mean += " (" + nf.Change(*bs.MeanChg, 2) + ")"
				}
				field(words.LabelMean, mean)
			} else if bs.Scored == 0 {
				fmt.Fprintln(bw, words.GradesOnly.In(l))
			}
		}
	}
	return bw.Flush()
}

func unitScores(us []analysis.UnitScore, pad int, l words.Lang) string {
	nf := markOf(l)
	var parts []string
	for _, u := range us {
		parts = append(parts, fmt.Sprintf("%s %s", data.Printable(u.Unit), nf.ScoreP(u.Score, pad)))
	}
	return strings.Join(parts, "; ")
}
