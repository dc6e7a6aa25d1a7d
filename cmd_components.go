package main

import (
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// componentRows: a bloc without component scores has no entry.
func componentRows(e *env) ([]analysis.BlocComponents, error) {
	return collect(e, false, func(s data.Slice) ([]analysis.BlocComponents, error) {
		if c, ok := e.a.Components(s); ok && len(c.Components) > 0 {
			return []analysis.BlocComponents{c}, nil
		}
		return nil, nil
	})
}

func componentTable(e *env, out []analysis.BlocComponents) *present.Table {
	t := &present.Table{Headers: e.headers(words.ColIndex, words.ColYear, words.ColBloc, words.ColUnitCode, words.ColUnit,
		words.ColComponent, words.ColScore, words.ColMax, words.ColPct, words.ColChange,
		words.ColBlocMean, words.ColRank, words.ColLost)}
	for _, bc := range out {
		for _, u := range bc.Units {
			for _, c := range u.Components {
				t.Add(bc.Index, bc.Year, bc.Bloc, u.UnitCode, u.Unit, c.Name, e.score(c.Score), e.score(c.Max),
					fixed(c.Pct, 1), fixed(c.Change, 2), fixed(c.BlocMean, 2), c.Rank, fixed(c.Lost, 2))
			}
		}
	}
	return t
}
