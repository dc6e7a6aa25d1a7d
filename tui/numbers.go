package tui

import (
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/numfmt"
)

// The dashboard writes numbers in Vietnamese (package numfmt has the rules).
const vi = numfmt.Comma

// scorePad is the decimals the dashboard pads a published score to: the
// dataset's, at least 2 (numfmt.ProsePad), as the briefing does.
func scorePad(a *analysis.Analysis) int {
	if a == nil || a.Dataset() == nil {
		return numfmt.ProsePad(0)
	}
	return numfmt.ProsePad(a.Dataset().Decimals)
}

// rankDelta shows a rank change: "▲3", "▼1", "=" (numfmt.RankMove); "mới"
// for a unit new this year.
func rankDelta(change *int, isNew bool) string {
	if isNew {
		return "mới"
	}
	return numfmt.RankMove(change)
}

// scoreWidth is the width of a score column: "100,00" with the pad's
// decimals, so a dataset published with 4 decimals shows "87,1234" whole
// instead of cutting it to "87,12…", which reads as a rounding.
func scoreWidth(a *analysis.Analysis) int { return 4 + scorePad(a) }
