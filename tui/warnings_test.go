package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/styles"
)

// warningsModel is the dashboard on testdata/warnings: three warnings, all
// on 2024 rows of the bloc "Sở" (a score above its maximum, a total that is
// not the sum, a unit renamed to a name with an escape sequence).
func warningsModel(tb testing.TB, w, h int, noColor bool) *Model {
	r := data.Read([]string{filepath.Join("testdata", "warnings")}, data.Options{})
	if r.Err() != nil {
		tb.Fatal(r.Err())
	}
	if len(r.Dataset.Warnings) != 3 {
		tb.Fatalf("the fixture has %d warnings, want 3", len(r.Dataset.Warnings))
	}
	m := New(Options{Result: r, Theme: styles.Dark, NoColor: noColor, Dir: tb.TempDir(), Brief: stubBrief})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func TestUnitWarnings(t *testing.T) {
	m := warningsModel(t, 120, 40, false)
	for _, c := range []struct {
		year int
		bloc string
		want string
	}{
		{2024, "Sở", "S1:1 S2:1 S3:1"},
		{2023, "Sở", ""},
		{2024, "Quận", ""},
	} {
		got := unitWarnings(m.c.warnings, "PAR Index", c.year, c.bloc)
		var parts []string
		for _, id := range []string{"S1", "S2", "S3", "Q1", "Q2"} {
			if n := len(got[id]); n > 0 {
				parts = append(parts, fmt.Sprintf("%s:%d", id, n))
			}
		}
		if s := strings.Join(parts, " "); s != c.want {
			t.Errorf("%d %s: %q, want %q", c.year, c.bloc, s, c.want)
		}
	}
}

// TestWarningsReachTheReader: the status bar counts the warnings, the
// ranking marks the rows they are on, the list is one key away and enter
// there opens the unit.
func TestWarningsReachTheReader(t *testing.T) {
	m := warningsModel(t, 120, 40, false)
	if s := screen(m); !strings.Contains(s, "! 3 cảnh báo dữ liệu (8: xem)") {
		t.Fatalf("no warning count in the status bar:\n%s", s)
	}
	press(m, "2")
	m.setBloc("Sở")
	s := screen(m)
	marked := 0
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "! ") || strings.HasPrefix(l, "▶!") {
			marked++
		}
	}
	if marked != 3 || !strings.Contains(s, "! 3 đơn vị có cảnh báo") {
		t.Fatalf("%d rows marked, want 3:\n%s", marked, s)
	}
	m.setBloc("Quận")
	if s := screen(m); strings.Contains(s, "▶!") || strings.Contains(s, "đơn vị có cảnh báo") {
		t.Fatalf("a bloc without warnings is marked:\n%s", s)
	}
	press(m, "8")
	if tabOf(m) != "warnings" {
		t.Fatalf("8 shows %s", tabOf(m))
	}
	press(m, "j", "enter")
	u, ok := m.top().(*unitView)
	if !ok || u.unitID != "S3" {
		t.Fatalf("enter on the second warning opened %T", m.top())
	}
	if strings.ContainsRune(m.View().Content, '\x07') {
		t.Fatal("a BEL from the data reached the screen")
	}
}

// TestGoldenWarnings pins the warnings list and the marked ranking at
// three sizes, in colour and with NO_COLOR.
func TestGoldenWarnings(t *testing.T) {
	goldenMatrix(t, []viewKey{{"8-warnings", []string{"8"}}, {"2-ranking-marked", []string{"2"}}}, warningsModel)
}

// TestCheckWarningsListed: a published rank the score contradicts (what
// parlens check reports from package analysis) is listed and marked too.
func TestCheckWarningsListed(t *testing.T) {
	csv := "year,unit_code,unit,total,rank\n2024,A,Sở A,90,2\n2024,B,Sở B,80,1\n2024,C,Sở C,70,3\n"
	r := data.ReadFS(fstest.MapFS{"par-2024.csv": {Data: []byte(csv)}}, ".", data.Options{})
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	m := New(Options{Result: r, Theme: styles.Dark, Dir: t.TempDir(), Brief: stubBrief})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if n := len(m.c.warnings); n != 2 {
		t.Fatalf("%d warnings, want 2 (ranks of A and B)", n)
	}
	press(m, "2")
	s := screen(m)
	if !strings.Contains(s, "! 2 đơn vị có cảnh báo") || !strings.Contains(s, "! 2 cảnh báo dữ liệu") {
		t.Fatalf("rank contradictions not marked:\n%s", s)
	}
	press(m, "8")
	if s := screen(m); !strings.Contains(s, "rank 2 given, 1 by score") || !strings.Contains(s, "par-2024.csv:2 · Sở A") {
		t.Fatalf("the list lacks the rank check:\n%s", s)
	}
}
