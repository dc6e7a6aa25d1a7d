package tui

import (
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis/words"
)

// The dashboard's briefing always carries the analyst's annex, which the
// command line adds only with --annex.
func TestGenerateBriefHasTheAnnex(t *testing.T) {
	_, a := loadSample(t)
	for _, lang := range []words.Lang{words.VI, words.EN} {
		md, plain, err := generateBrief(a, BriefOptions{Index: a.Indices()[0], Year: 2021, Lang: string(lang)})
		if err != nil {
			t.Fatal(err)
		}
		annex := words.BriefAnnex.In(lang)
		if !strings.Contains(md, "## "+annex) || !strings.Contains(plain, annex) {
			t.Errorf("%s: no %q section in the dashboard's briefing:\n%s", lang, annex, md)
		}
	}
}
