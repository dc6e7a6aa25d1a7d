package main

import (
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// rankRow is the JSON shape of `parlens rank`: a league-table row with the
// index, year and bloc it belongs to.
type rankRow struct {
	Index string `json:"index"`
	Year  int    `json:"year"`
	Bloc  string `json:"bloc"`
	analysis.Row
}

func rankRows(e *env) ([]rankRow, error) {
	return collect(e, false, func(s data.Slice) ([]rankRow, error) {
		t, ok := e.a.Table(s)
		if !ok {
			return nil, missing("ranking", s)
		}
		rows := make([]rankRow, len(t.Rows))
		for i, r := range t.Rows {
			rows[i] = rankRow{Index: s.Index, Year: s.Year, Bloc: s.Bloc, Row: r}
		}
		return rows, nil
	})
}

func rankTable(e *env, rows []rankRow) *present.Table {
	t := &present.Table{Headers: e.headers(words.ColIndex, words.ColYear, words.ColBloc, words.ColRank, words.ColUnitCode,
		words.ColUnit, words.ColScore, words.ColGrade, words.ColPrevRank, words.ColPrevScore,
		words.ColPrevGrade, words.ColPublishedRank)}
	for _, r := range rows {
		t.Add(r.Index, r.Year, r.Bloc, e.rankCell(r.Rank, r.NotRanked), r.UnitCode, r.Unit, e.score(r.Score), r.Grade,
			r.PrevRank, e.score(r.PrevScore), r.PrevGrade, r.PublishedRank)
	}
	return t
}

// rankCell shows a rank, or the not-ranked mark.
func (e *env) rankCell(rank *int, notRanked bool) any {
	if notRanked {
		return e.say(words.NotRanked)
	}
	return rank
}
