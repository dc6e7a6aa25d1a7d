package main

import (
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
)

// moverLabels names each kind of fact for tables, in Vietnamese and English.
var moverLabels = map[analysis.MoverKind][2]string{
	analysis.Top:            {"dẫn đầu", "leader"},
	analysis.FirstTimeTop:   {"lần đầu dẫn đầu", "first time top"},
	analysis.RegainedTop:    {"trở lại dẫn đầu", "regained top"},
	analysis.RetainedTop:    {"tiếp tục dẫn đầu", "retained top"},
	analysis.Bottom:         {"cuối bảng", "bottom"},
	analysis.BiggestGain:    {"tăng điểm nhiều nhất", "biggest gain"},
	analysis.BiggestDrop:    {"giảm điểm nhiều nhất", "biggest drop"},
	analysis.BiggestClimb:   {"tăng hạng nhiều nhất", "biggest climb"},
	analysis.BiggestFall:    {"giảm hạng nhiều nhất", "biggest fall"},
	analysis.GradeUp:        {"lên xếp loại", "grade up"},
	analysis.GradeDown:      {"xuống xếp loại", "grade down"},
	analysis.FirstTimeGrade: {"lần đầu đạt loại cao nhất", "first time top grade"},
	analysis.SoleGrade:      {"duy nhất trong khối", "sole grade"},
	analysis.NewUnit:        {"đơn vị mới", "new unit"},
}

func (e *env) moverLabel(k analysis.MoverKind) string {
	if l, ok := moverLabels[k]; ok {
		return e.label(l[0], l[1])
	}
	return string(k)
}

func moverRows(e *env) ([]analysis.Mover, error) {
	return collect(e, false, func(s slice) ([]analysis.Mover, error) {
		return e.a.BlocMovers(s.index, s.year, s.bloc), nil
	})
}

func moverTable(e *env, out []analysis.Mover) *present.Table {
	kind := func(m analysis.Mover) any {
		if e.q.format == present.FormatCSV {
			return string(m.Kind) // machine-readable in CSV
		}
		return e.moverLabel(m.Kind)
	}
	t := &present.Table{Headers: e.headers("Sự kiện", "kind", "Chỉ số", "index", "Năm", "year", "Khối", "bloc", "Mã", "unit_code",
		"Đơn vị", "unit", "Điểm", "score", "Hạng", "rank", "Xếp loại", "grade", "Năm trước", "prev_year",
		"Điểm trước", "prev_score", "Hạng trước", "prev_rank", "Xếp loại trước", "prev_grade", "Thay đổi", "change",
		"Liên tiếp", "streak", "Số lần", "count", "Số bậc", "steps")}
	for _, m := range out {
		t.Add(kind(m), m.Index, m.Year, m.Bloc, m.UnitCode, m.Unit, e.score(m.Score), m.Rank, m.Grade, m.PrevYear,
			e.score(m.PrevScore), m.PrevRank, m.PrevGrade, fixed(m.Change, 2), m.Streak, m.Count, m.Steps)
	}
	return t
}
