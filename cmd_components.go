package main

import (
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
)

// componentRows: a bloc without component scores has no entry.
func componentRows(e *env) ([]analysis.BlocComponents, error) {
	return collect(e, false, func(s slice) ([]analysis.BlocComponents, error) {
		if c, ok := e.a.Components(s.index, s.year, s.bloc); ok && len(c.Components) > 0 {
			return []analysis.BlocComponents{c}, nil
		}
		return nil, nil
	})
}

func componentTable(e *env, out []analysis.BlocComponents) *present.Table {
	t := &present.Table{Headers: e.headers("Chỉ số", "index", "Năm", "year", "Khối", "bloc", "Mã", "unit_code", "Đơn vị", "unit",
		"Thành phần", "component", "Điểm", "score", "Tối đa", "max", "% tối đa", "pct", "Thay đổi", "change",
		"TB khối", "bloc_mean", "Hạng", "rank", "Điểm mất", "lost")}
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
