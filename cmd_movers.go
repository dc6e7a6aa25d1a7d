package main

import (
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// moverLabel names a kind of fact for tables.
func (e *env) moverLabel(k analysis.MoverKind) string {
	if w := words.MoverKind(string(k)); w != nil {
		return e.say(w)
	}
	return string(k)
}

func moverRows(e *env) ([]analysis.Mover, error) {
	return collect(e, false, func(s data.Slice) ([]analysis.Mover, error) {
		return e.a.BlocMovers(s), nil
	})
}

func moverTable(e *env, out []analysis.Mover) *present.Table {
	kind := func(m analysis.Mover) any {
		if e.q.format == present.FormatCSV {
			return string(m.Kind) // machine-readable in CSV
		}
		return e.moverLabel(m.Kind)
	}
	t := &present.Table{Headers: e.headers(words.ColKind, words.ColIndex, words.ColYear, words.ColBloc, words.ColUnitCode,
		words.ColUnit, words.ColScore, words.ColRank, words.ColGrade, words.ColPrevYear,
		words.ColPrevScore, words.ColPrevRank, words.ColPrevGrade, words.ColChange,
		words.ColStreak, words.ColCount, words.ColSteps)}
	for _, m := range out {
		t.Add(kind(m), m.Index, m.Year, m.Bloc, m.UnitCode, m.Unit, e.score(m.Score), m.Rank, m.Grade, m.PrevYear,
			e.score(m.PrevScore), m.PrevRank, m.PrevGrade, fixed(m.Change, 2), m.Streak, m.Count, m.Steps)
	}
	return t
}
