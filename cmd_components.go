package main

import (
	"io"

	"github.com/parlens/parlens/analysis"
)

func init() {
	commands["components"] = command{"component scores per unit: % of max, change, bloc mean, rank, points lost", runComponents}
}

func runComponents(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e, _, code := setup("components", "components [flags] [PATH...]", args, stdin, stdout, stderr, nil,
		formatTable, formatCSV, formatJSON, formatMD)
	if code >= 0 {
		return code
	}
	var out []analysis.BlocComponents
	if code := e.each(false, func(index string, year int, bloc string) {
		if c, ok := e.a.Components(index, year, bloc); ok && len(c.Components) > 0 {
			out = append(out, c)
		}
	}); code >= 0 {
		return code
	}
	if e.q.format == formatJSON {
		return e.emitJSON(nonNil(out))
	}
	t := &table{headers: e.headers("Chỉ số", "index", "Năm", "year", "Khối", "bloc", "Mã", "unit_code", "Đơn vị", "unit",
		"Thành phần", "component", "Điểm", "score", "Tối đa", "max", "% tối đa", "pct", "Thay đổi", "change",
		"TB khối", "bloc_mean", "Hạng", "rank", "Điểm mất", "lost")}
	for _, bc := range out {
		for _, u := range bc.Units {
			for _, c := range u.Components {
				t.add(bc.Index, bc.Year, bc.Bloc, u.UnitCode, u.Unit, c.Name, e.score(c.Score), e.score(c.Max),
					fixed(c.Pct, 1), fixed(c.Change, 2), fixed(c.BlocMean, 2), c.Rank, fixed(c.Lost, 2))
			}
		}
	}
	return e.emit(t)
}
