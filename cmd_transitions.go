package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// bindTransitions adds --from and --to to the query flags.
func bindTransitions(fs *flag.FlagSet) func(*env) error {
	var from, to int
	fs.IntVar(&from, "from", 0, "earlier year (default: the year before --to)")
	fs.IntVar(&to, "to", 0, "later year (default: the latest year)")
	rows := func(e *env) ([]analysis.Transition, error) { return transitionRows(e, from, to) }
	return report(rows, transitionsHuman)(fs)
}

func transitionRows(e *env, from, to int) ([]analysis.Transition, error) {
	if to != 0 {
		e.q.year = to
	}
	var out []analysis.Transition
	err := e.each(false, func(s data.Slice) error {
		f := from
		if f == 0 {
			p, ok := e.a.PrevYear(s)
			if !ok {
				return nil
			}
			f = p
		}
		if tr, ok := e.a.Transition(s.WithYear(f), s.Year); ok {
			out = append(out, tr)
		}
		return nil
	})
	if err == nil && len(out) == 0 {
		err = &exitError{exitData, "parlens: no two years to compare (use --from and --to)"}
	}
	return out, err
}

// transitionsHuman writes CSV and the workbook as one long table (a row per
// matrix cell, for filters and pivots) and text and Markdown as one matrix
// per bloc.
func transitionsHuman(e *env, out []analysis.Transition) error {
	if e.q.format == present.FormatCSV || e.q.format == present.FormatXLSX {
		t := &present.Table{Headers: e.headers(words.ColIndex, words.ColBloc, words.ColFromYear, words.ColToYear,
			words.ColFromGrade, words.ColToGrade, words.ColUnitCount, words.ColUnits, words.ColKendall)}
		for _, tr := range out {
			for i, row := range tr.Matrix {
				for j, cell := range row {
					t.Add(tr.Index, tr.Bloc, tr.From, tr.To, tr.Grades[i], tr.Grades[j], cell.Count, unitNames(cell.Units), fixed(tr.KendallTau, 3))
				}
			}
		}
		return e.emit(t)
	}
	e.printLabel()
	for n, tr := range out {
		title := fmt.Sprintf("%s — %s: %d → %d", present.TextCell(tr.Index), present.TextCell(tr.Bloc), tr.From, tr.To)
		if tr.KendallTau != nil {
			title += fmt.Sprintf(" (Kendall τ-b %s, n=%d)", e.mark().Fixed(*tr.KendallTau, 3), tr.KendallN)
		}
		present.Heading(e.stdout, e.q.format, title, n > 0)
		if err := e.table(present.MatrixTable(&tr)); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s %d, %s %d, %s %d\n", e.say(words.TransitionsUp), tr.Up, e.say(words.TransitionsDown), tr.Down,
			e.say(words.TransitionsSame), tr.Same)
	}
	return nil
}

func unitNames(us []analysis.UnitRef) string {
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = u.Unit
	}
	return strings.Join(names, "; ")
}
