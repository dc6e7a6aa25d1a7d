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

// TestLSwitchesTheWholeInterface: L turns every word on screen (tabs, help,
// footer, headers, the brief) into the other language and numbers to its
// decimal mark, and keeps the view's place: tab, bloc, cursor.
func TestLSwitchesTheWholeInterface(t *testing.T) {
	m := newTestModel(t, 120, 40, true)
	m.c.brief = stubBrief
	press(m, "2", "tab", "down", "down")
	row, bloc := rankingOf(m).g.Cursor(), m.c.bloc
	vi := screen(m)
	press(m, "L")
	en := screen(m)
	if m.c.lang != words.EN || tabOf(m) != "ranking" || m.c.bloc != bloc || rankingOf(m).g.Cursor() != row {
		t.Fatalf("after L: lang %s, tab %s, bloc %q, row %d; want en, ranking, %q, %d", m.c.lang, tabOf(m), m.c.bloc, rankingOf(m).g.Cursor(), bloc, row)
	}
	for _, w := range []*words.Word{words.TabRanking, words.TabOverview, words.HeadScore, words.KeyFilter, words.HeadGrade} {
		if !strings.Contains(en, w.In(words.EN)) || strings.Contains(en, w.In(words.VI)) {
			t.Errorf("after L, %q/%q is not in English:\n%s", w.In(words.VI), w.In(words.EN), en)
		}
		if !strings.Contains(vi, w.In(words.VI)) {
			t.Errorf("before L, no %q", w.In(words.VI))
		}
	}
	if !strings.Contains(en, "98.48") || strings.Contains(en, "98,48") || !strings.Contains(vi, "98,48") {
		t.Errorf("the scores do not follow the language's decimal mark:\n%s", en)
	}
	press(m, "?")
	if help := screen(m); !strings.Contains(help, "L      tiếng Việt") || !strings.Contains(help, "previous bloc") {
		t.Errorf("the help is not in English or lacks L:\n%s", help)
	}
	press(m, "?", "7")
	if b := briefingOf(m); !strings.Contains(screen(m), words.LangEnglish.In(words.EN)) || b.md == "" {
		t.Errorf("the brief is not in English:\n%s", screen(m))
	}
	press(m, "L")
	if m.c.lang != words.VI || !strings.Contains(screen(m), words.TabBriefing.In(words.VI)) {
		t.Errorf("a second L did not come back to Vietnamese:\n%s", screen(m))
	}
}
