package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/styles"
)

// TestEnglishIsAMatterOfTheLanguage: with Options.Lang English, every tab shows its English title and help, and
// no tab title, column header or key help is left in Vietnamese.
func TestEnglishIsAMatterOfTheLanguage(t *testing.T) {
	res, a := loadSample(t)
	m := New(Options{Result: res, Analysis: a, Theme: styles.Dark, NoColor: true, Dir: t.TempDir(), Lang: words.EN})
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	// words the sample's own names cannot hold (its bonus component is "Điểm thưởng")
	vietnamese := []*words.Word{words.HeadRankChange, words.HeadScoreChange, words.KeyBack, words.KeyHelp, words.KeyNextBloc, words.KeyOpen}
	for _, ts := range tabSpecs {
		vietnamese = append(vietnamese, ts.title)
	}
	for i, ts := range tabSpecs {
		press(m, string(rune('1'+i)))
		out := screen(m)
		if !strings.Contains(out, ts.title.In(words.EN)) {
			t.Errorf("tab %s: no %q on screen", ts.id, ts.title.In(words.EN))
		}
		for _, w := range vietnamese {
			if vi := w.In(words.VI); strings.Contains(out, vi) {
				t.Errorf("tab %s: %q still in Vietnamese", ts.id, vi)
			}
		}
		press(m, "q")
	}
	press(m, "2")
	if out := screen(m); !strings.Contains(out, words.HeadScore.In(words.EN)) || !strings.Contains(out, words.KeyHelp.In(words.EN)) {
		t.Errorf("ranking lacks English headers or help:\n%s", out)
	}
}
