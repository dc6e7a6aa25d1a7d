package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui"
	"github.com/parlens/parlens/tui/styles"
)

// TestScoreTextSameOnEveryFace: a score prints the same way in the rank
// table, the dashboard's ranking and the briefing (package numfmt writes
// all three), in Vietnamese and English. Each case is a bloc of two units
// over two years: the briefing names the 2023 leader and bottom with their
// scores and the biggest moves with both years' scores, so every score of
// the case reaches it. The dashboard shows the current year only and has no
// English: its part of the check is the current scores, in Vietnamese.
func TestScoreTextSameOnEveryFace(t *testing.T) {
	type score struct {
		table, prose string // English text; Vietnamese has a comma instead
		current      bool   // a 2023 score (the dashboard's ranking shows it)
	}
	cases := []struct {
		name   string
		rows   string // A and B: 2022 then 2023
		scores []score
		// fall is the biggest fall of the case: the movers table and the
		// dashboard write it signed, the briefing as "down 0.53 points".
		fall string
	}{
		{
			name: "two decimals",
			rows: "Sở A,2022,96.5\nSở B,2022,78.56\nSở A,2023,97.31\nSở B,2023,78.03\n",
			scores: []score{
				{"97.31", "97.31", true}, {"78.03", "78.03", true},
				{"96.50", "96.50", false}, {"78.56", "78.56", false},
			},
			fall: "0.53",
		},
		{
			name: "above 100 and one decimal",
			rows: "Sở A,2022,100.2\nSở B,2022,10.25\nSở A,2023,101.69\nSở B,2023,9.5\n",
			scores: []score{
				{"101.69", "101.69", true}, {"9.50", "9.50", true},
				{"100.20", "100.20", false}, {"10.25", "10.25", false},
			},
			fall: "0.75",
		},
		{
			name: "whole hundred and zero",
			rows: "Sở A,2022,99.25\nSở B,2022,0.75\nSở A,2023,100\nSở B,2023,0\n",
			scores: []score{
				{"100.00", "100.00", true}, {"0.00", "0.00", true},
				{"99.25", "99.25", false}, {"0.75", "0.75", false},
			},
			fall: "0.75",
		},
		{
			// Decimals is 4: nothing is rounded to 2, everything pads to 4.
			name: "four decimals",
			rows: "Sở A,2022,86.0001\nSở B,2022,85.75\nSở A,2023,87.1234\nSở B,2023,85.5\n",
			scores: []score{
				{"87.1234", "87.1234", true}, {"85.5000", "85.5000", true},
				{"86.0001", "86.0001", false}, {"85.7500", "85.7500", false},
			},
			fall: "0.25",
		},
		{
			// Published as whole numbers: the table keeps them whole, the
			// briefing and the dashboard pad to 2 decimals because there a
			// score stands beside means and changes written with 2
			// (numfmt.ProsePad). The one documented difference.
			name: "whole numbers",
			rows: "Sở A,2022,88\nSở B,2022,71\nSở A,2023,90\nSở B,2023,70\n",
			scores: []score{
				{"90", "90.00", true}, {"70", "70.00", true},
				{"88", "88.00", false}, {"71", "71.00", false},
			},
			fall: "1.00",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "par.csv"), []byte("Tên đơn vị,Năm,Tổng điểm\n"+c.rows), 0o644); err != nil {
				t.Fatal(err)
			}
			dash := dashboardRanking(t, dir)
			for _, lang := range []string{"vi", "en"} {
				inLang := func(s string) string {
					if lang == "vi" {
						return strings.Replace(s, ".", ",", 1)
					}
					return s
				}
				rank := runFace(t, "rank", "--format", "table", "--year", "2023", "--lang", lang, dir)
				movers := runFace(t, "movers", "--format", "table", "--year", "2023", "--lang", lang, dir)
				brief := runFace(t, "brief", "--year", "2023", "--lang", lang, dir)
				for _, s := range c.scores {
					table, prose := inLang(s.table), inLang(s.prose)
					if !hasNumber(rank, table) {
						t.Errorf("%s: rank table lacks %q:\n%s", lang, table, rank)
					}
					if !hasNumber(brief, prose+map[string]string{"vi": " điểm", "en": " points"}[lang]) && !hasNumber(brief, prose+" ") && !hasNumber(brief, prose+")") {
						t.Errorf("%s: briefing lacks %q:\n%s", lang, prose, brief)
					}
					if lang == "vi" && s.current && !hasNumber(dash, prose) {
						t.Errorf("dashboard ranking lacks %q:\n%s", prose, dash)
					}
				}
				fall := inLang(c.fall)
				if !hasNumber(movers, "-"+fall) {
					t.Errorf("%s: movers table lacks -%s:\n%s", lang, fall, movers)
				}
				if word := map[string]string{"vi": "giảm ", "en": "down "}[lang]; !strings.Contains(brief, word+fall) {
					t.Errorf("%s: briefing lacks %q:\n%s", lang, word+fall, brief)
				}
				if lang == "vi" && !hasNumber(dash, "-"+fall) {
					t.Errorf("dashboard ranking lacks -%s:\n%s", fall, dash)
				}
			}
		})
	}
}

// runFace runs a command in-process and returns its standard output.
func runFace(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("parlens %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.String()
}

// dashboardRanking is the dashboard's ranking view of the data in dir (the
// latest year), as plain text.
func dashboardRanking(t *testing.T, dir string) string {
	t.Helper()
	res := data.ReadFS(os.DirFS(dir), ".", data.Options{})
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	m := tui.New(tui.Options{Result: res, Theme: styles.Dark, NoColor: true, Dir: t.TempDir()})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	m.Update(tea.KeyPressMsg{Code: '2', Text: "2"})
	return ansi.Strip(m.View().Content)
}

// hasNumber reports whether s holds num not run into other digits or a
// decimal mark (so "97,31" is not found inside "197,31" or "97,310").
func hasNumber(s, num string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], num)
		if j < 0 {
			return false
		}
		at := i + j
		before, after := byte(' '), byte(' ')
		if at > 0 {
			before = s[at-1]
		}
		if end := at + len(num); end < len(s) {
			after = s[end]
		}
		if !isNumberByte(before) && !isNumberByte(after) {
			return true
		}
		i = at + 1
	}
}

func isNumberByte(b byte) bool { return b >= '0' && b <= '9' || b == ',' || b == '.' }
