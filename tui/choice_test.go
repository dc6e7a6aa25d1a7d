package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/styles"
)

// TestChoiceOpensOnIt: --index, --year and --bloc (Options.Choice) pick what
// the dashboard opens on, by accent-insensitive part of a name as the
// commands do; the status line counts the indices whenever there are
// several; a choice the data lacks stops the dashboard saying what there is,
// in the interface's language.
func TestChoiceOpensOnIt(t *testing.T) {
	res, a := loadSample(t)
	indices := a.Indices()
	if len(indices) < 2 {
		t.Fatalf("the sample needs two indices, has %q", indices)
	}
	years := a.Years(indices[0])
	tests := []struct {
		name      string
		lang      words.Lang
		choice    Choice
		index     string
		year      int
		blocHas   string
		footerHas string
		failHas   string
	}{
		{"defaults", words.VI, Choice{}, indices[0], years[len(years)-1], "", "chỉ số 1/2 · i", ""},
		{"second index by folded part", words.VI, Choice{Index: "van thu"}, indices[1], a.Years(indices[1])[len(a.Years(indices[1]))-1], "", "chỉ số 2/2 · i", ""},
		{"year and bloc", words.EN, Choice{Year: years[0], Bloc: "huyen"}, indices[0], years[0], "huyện", "index 1/2 · i", ""},
		{"unknown index", words.VI, Choice{Index: "nope"}, "", 0, "", "", `không có chỉ số "nope"; có: PAR Index`},
		{"unknown index in English", words.EN, Choice{Index: "nope"}, "", 0, "", "", `no index "nope"; there is: PAR Index`},
		{"unknown year", words.EN, Choice{Year: 1999}, "", 0, "", "", "has no year 1999"},
		{"unknown bloc", words.VI, Choice{Bloc: "zzz"}, "", 0, "", "", `không có khối "zzz"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := New(Options{Result: res, Analysis: a, Theme: styles.Dark, NoColor: true, Lang: tc.lang, Choice: tc.choice})
			m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			if tc.failHas != "" {
				if _, failed := m.Failed(); !failed || !strings.Contains(m.LoadError(), tc.failHas) {
					t.Fatalf("failed=%v, error %q, want it to say %q", failed, m.LoadError(), tc.failHas)
				}
				if out := screen(m); !strings.Contains(out, tc.failHas) {
					t.Errorf("the panel does not say %q:\n%s", tc.failHas, out)
				}
				return
			}
			if m.c.index != tc.index || m.c.year != tc.year || !strings.Contains(m.c.bloc, tc.blocHas) {
				t.Errorf("opened on %q %d %q, want %q %d a bloc with %q", m.c.index, m.c.year, m.c.bloc, tc.index, tc.year, tc.blocHas)
			}
			lines := strings.Split(screen(m), "\n")
			if foot := lines[len(lines)-2]; !strings.Contains(foot, tc.footerHas) {
				t.Errorf("status line %q lacks %q", foot, tc.footerHas)
			}
		})
	}
}
