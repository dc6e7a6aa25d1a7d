package tui

import (
	"github.com/parlens/parlens/analysis/numfmt"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
)

// markOf is the decimal mark of the dashboard's language: a comma in
// Vietnamese, a point in English (package numfmt has the rules).
func markOf(l words.Lang) numfmt.Mark { return numfmt.For(string(l)) }

// scorePad is the decimals the dashboard pads a published score to: the
// dataset's, at least 2 (numfmt.ProsePad), as the briefing does.
func scorePad(ds *data.Dataset) int {
	if ds == nil {
		return numfmt.ProsePad(0)
	}
	return numfmt.ProsePad(ds.Decimals)
}

// scoreWidth is the width of a score column: "100,00" with the pad's
// decimals, so a dataset published with 4 decimals shows "87,1234" whole
// instead of cutting it to "87,12…", which reads as a rounding.
func scoreWidth(ds *data.Dataset) int { return 4 + scorePad(ds) }

// rankDelta shows a rank change: "▲3", "▼1", "=" (numfmt.RankMove); "mới"
// (words.RankNew) for a unit new this year.
func rankDelta(change *int, isNew bool, l words.Lang) string {
	if isNew {
		return words.RankNew.In(l)
	}
	return numfmt.RankMove(change)
}
