package tui

import (
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
)

// The table views as tables, for y and w (export.go): what each shows, in
// its order.

// exportTable is the ranking as shown (filter and sort applied), without
// the sparkline.
func (v *rankingView) exportTable() (*present.Table, string) {
	_, skip, name, _ := gridExportOf(v)
	return v.gridExport(skip...), name
}

// exportTable is the components heatmap as shown: points or % of the
// maximum, whichever p selects.
func (v *componentsView) exportTable() (*present.Table, string) {
	_, skip, name, _ := gridExportOf(v)
	return v.gridExport(skip...), name
}

// exportTable is the facts listed, in the list's order (grouped by kind).
func (v *moversView) exportTable() (*present.Table, string) {
	if len(v.facts) == 0 {
		return nil, ""
	}
	pad := scorePad(v.c.ds)
	var heads []string
	for _, w := range []*words.Word{words.ColKind, words.ColBloc, words.ColUnit, words.ColScore, words.ColRank, words.ColGrade,
		words.ColPrevYear, words.ColPrevScore, words.ColPrevRank, words.ColPrevGrade, words.ColChange, words.ColStreak,
		words.ColCount, words.ColSteps} {
		heads = append(heads, w.Cap(v.c.lang))
	}
	t := &present.Table{Headers: heads}
	for _, it := range v.items {
		if it.fact < 0 {
			continue
		}
		m := &v.facts[it.fact]
		t.Add(kindName(m.Kind, v.c.lang), m.Bloc, m.Unit, present.Score(m.Score, pad), m.Rank, m.Grade, m.PrevYear,
			present.Score(m.PrevScore, pad), m.PrevRank, m.PrevGrade, present.Fixed(m.Change, 2), m.Streak, m.Count, m.Steps)
	}
	return t, "bien-dong"
}

// exportTable is the grade × grade matrix shown: a row per grade of the
// earlier year, a column per grade of the later one, counts of units.
func (v *transitionsView) exportTable() (*present.Table, string) {
	if !v.ok {
		return nil, ""
	}
	return present.MatrixTable(&v.tr), "chuyen-loai"
}
