package main

import "io"

func init() {
	commands["rank"] = command{"one row per unit: rank, score and grade, with last year's", runRank}
}

// rankRow is the JSON shape of `parlens rank`.
type rankRow struct {
	Index         string   `json:"index"`
	Year          int      `json:"year"`
	Bloc          string   `json:"bloc"`
	Rank          *int     `json:"rank"`
	NotRanked     bool     `json:"not_ranked"`
	UnitCode      *string  `json:"unit_code"`
	Unit          string   `json:"unit"`
	Score         *float64 `json:"score"`
	Grade         *string  `json:"grade"`
	PrevRank      *int     `json:"prev_rank"`
	PrevScore     *float64 `json:"prev_score"`
	PrevGrade     *string  `json:"prev_grade"`
	PublishedRank *int     `json:"published_rank"`
}

func runRank(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e, _, code := setup("rank", "rank [flags] [PATH...]", args, stdin, stdout, stderr, nil,
		formatTable, formatCSV, formatJSON, formatMD)
	if code >= 0 {
		return code
	}
	var rows []rankRow
	if code := e.each(false, func(index string, year int, bloc string) {
		t, _ := e.a.Table(index, year, bloc)
		for _, r := range t.Rows {
			rows = append(rows, rankRow{index, year, bloc, r.Rank, r.NotRanked, r.UnitCode, r.Unit, r.Score,
				r.Grade, r.PrevRank, r.PrevScore, r.PrevGrade, r.PublishedRank})
		}
	}); code >= 0 {
		return code
	}
	if e.q.format == formatJSON {
		return e.emitJSON(nonNil(rows))
	}
	t := &table{headers: e.headers("Chỉ số", "index", "Năm", "year", "Khối", "bloc", "Hạng", "rank", "Mã", "unit_code",
		"Đơn vị", "unit", "Điểm", "score", "Xếp loại", "grade", "Hạng trước", "prev_rank", "Điểm trước", "prev_score",
		"Xếp loại trước", "prev_grade", "Hạng công bố", "published_rank")}
	for _, r := range rows {
		t.add(r.Index, r.Year, r.Bloc, e.rankCell(r.Rank, r.NotRanked), r.UnitCode, r.Unit, e.score(r.Score), r.Grade,
			r.PrevRank, e.score(r.PrevScore), r.PrevGrade, r.PublishedRank)
	}
	return e.emit(t)
}

// rankCell shows a rank, or the not-ranked mark.
func (e *commandEnv) rankCell(rank *int, notRanked bool) any {
	if notRanked {
		return e.label("KXH", "not ranked")
	}
	return rank
}

// nonNil makes an empty result print as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
