package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/styles"
)

// sgr matches the escape sequences the dashboard itself writes: colours and
// attributes. Anything else in a frame came from the data.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// checkInertFrame fails when a frame carries anything but SGR sequences and
// printable text: no OSC (title, clipboard, links), no cursor movement, no
// other control, no bidi or zero-width character.
func checkInertFrame(tb testing.TB, what, frame string) {
	tb.Helper()
	if !utf8.ValidString(frame) {
		tb.Fatalf("%s: invalid UTF-8 in the frame", what)
	}
	rest := sgr.ReplaceAllString(frame, "")
	for i, r := range rest {
		if r != '\n' && data.Unprintable(r) {
			lo, hi := max(0, i-30), min(len(rest), i+30)
			tb.Fatalf("%s: raw %U in the frame: %q", what, r, rest[lo:hi])
		}
	}
}

// hostileInputs lists the hostile corpus: each file, or the sidecar
// directory, and whether it must load.
func hostileInputs(tb testing.TB) (paths []string, reject map[string]bool) {
	dir := filepath.Join("..", "testdata", "hostile")
	reject = map[string]bool{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Name() == "reject":
			rs, _ := os.ReadDir(p)
			for _, r := range rs {
				paths = append(paths, filepath.Join(p, r.Name()))
				reject[filepath.Join(p, r.Name())] = true
			}
		case e.IsDir(), strings.HasSuffix(e.Name(), ".csv"):
			paths = append(paths, p)
		}
	}
	return paths, reject
}

// rawBytes is every data byte of a path (a file, or the files of a directory).
func rawBytes(tb testing.TB, p string) []byte {
	st, err := os.Stat(p)
	if err != nil {
		tb.Fatal(err)
	}
	if !st.IsDir() {
		b, _ := os.ReadFile(p)
		return b
	}
	var all []byte
	es, _ := os.ReadDir(p)
	for _, e := range es {
		b, _ := os.ReadFile(filepath.Join(p, e.Name()))
		all = append(all, b...)
	}
	return all
}

// hostileJourney visits every view and the deeper screens: a unit, the
// components heatmap scrolled right, a transition cell's units, the help, a
// filter and the briefing's file prompt.
var hostileJourney = [][]string{
	{"1"}, {"j", "j"}, {"2"}, {"G"}, {"enter"}, {"esc"}, {"tab"}, {"3"},
	{"4"}, {"a"}, {"space"}, {"5"}, {"l", "l", "l", "l", "l", "l"}, {"p"}, {"G"},
	{"6"}, {"enter"}, {"esc"}, {"7"}, {"L"}, {"?"}, {"?"}, {"2", "/"}, {"esc"}, {"]"}, {"["},
	{"shift+tab"}, {"i"},
}

// TestHostileDashboard opens every file of the hostile corpus and walks the
// dashboard through every view at several sizes: every frame is exactly the
// terminal's size, carries nothing but colours and printable text, and the
// hidden content is shown (␛ for escape sequences, <U+XXXX> for invisible
// characters). The window title is the dashboard's own.
func TestHostileDashboard(t *testing.T) {
	paths, reject := hostileInputs(t)
	sizes := [][2]int{{80, 24}, {120, 40}, {200, 60}, {0, 0}, {1, 1}, {40, 10}}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			res := data.Read([]string{p}, data.Options{})
			if reject[p] != (res.Err() != nil) {
				t.Fatalf("load error %v, want one: %v", res.Err(), reject[p])
			}
			m := New(Options{Result: res, Theme: styles.Dark, Dir: t.TempDir(), Brief: stubBrief})
			var seen strings.Builder
			for _, sz := range sizes {
				m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				for _, keys := range hostileJourney {
					press(m, keys...)
					v := m.View()
					what := p + " " + strings.Join(keys, " ")
					checkFrame(t, v.Content, sz[0], sz[1])
					checkInertFrame(t, what, v.Content)
					if v.WindowTitle != "parlens" {
						t.Fatalf("%s: window title %q", what, v.WindowTitle)
					}
					if sz[0] >= 120 {
						seen.WriteString(screen(m))
					}
				}
				press(m, "esc", "esc", "1")
			}
			raw := rawBytes(t, p)
			s := seen.String()
			if bytes.IndexByte(raw, 0x1b) >= 0 && !reject[p] && !strings.Contains(s, "␛") {
				t.Errorf("the escape sequences are not shown (no ␛ on any screen)")
			}
			if hasHidden(raw) && !reject[p] && !strings.Contains(s, "<U+") {
				t.Errorf("the invisible characters are not shown (no <U+ on any screen)")
			}
		})
	}
}

// hasHidden reports characters Printable shows as <U+XXXX>.
func hasHidden(b []byte) bool {
	if !utf8.Valid(b) {
		return false // read as Windows-1258
	}
	for _, r := range string(b) {
		if r >= 0x80 && data.Unprintable(r) {
			return true
		}
	}
	return false
}

// TestHostileFileNameInHeader: the dashboard names an unlabelled dataset by
// its file; a hostile file name is shown inert.
func TestHostileFileNameInHeader(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "par-2024-\x1b]2;PWNED\x07\u202e.csv")
	if err := os.WriteFile(p, []byte("unit,total\nSở A,90\nSở B,80\n"), 0o644); err != nil {
		t.Skip(err)
	}
	res := data.Read([]string{p}, data.Options{})
	if res.Err() != nil {
		t.Fatal(res.Err())
	}
	m := New(Options{Result: res, Theme: styles.Dark})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	out := m.View().Content
	checkInertFrame(t, "header", out)
	if !strings.Contains(screen(m), "␛]2;PWNED␇<U+202E>.csv") {
		t.Errorf("the file name is not shown inert:\n%s", screen(m))
	}
	// a file that does not load: the failure screen names it inert
	bad := filepath.Join(dir, "bad-\x1b[2J\u202e.csv")
	os.WriteFile(bad, []byte("unit,total\nSở \x1b]52;c;eA==\x07A,x\n"), 0o644)
	m = New(Options{Result: data.Read([]string{bad}, data.Options{}), Theme: styles.Dark})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	checkFrame(t, m.View().Content, 120, 40)
	checkInertFrame(t, "failure screen", m.View().Content)
	if !strings.Contains(screen(m), "bad-␛[2J<U+202E>.csv") {
		t.Errorf("the failure screen does not name the file inert:\n%s", screen(m))
	}
}

// TestHostilePasteAndTyping: pasted or typed escape sequences and invisible
// characters never reach the prompt (the filter or the file name).
func TestHostilePasteAndTyping(t *testing.T) {
	m := newTestModel(t, 120, 40, false)
	press(m, "2", "/")
	m.Update(tea.PasteMsg{Content: "\x1b]52;c;eA==\x07cam\u202e\u200b\u2028 le\x1b[2J\nsecond line"})
	typeText(m, "\x1b\x07\u0085")
	out := m.View().Content
	checkInertFrame(t, "filter", out)
	if got := m.input.String(); got != "]52;c;eA==cam le[2J" {
		t.Errorf("filter value %q", got)
	}
	press(m, "esc", "7", "w")
	m.Update(tea.PasteMsg{Content: "\x1b]2;PWNED\x07"})
	checkInertFrame(t, "path prompt", m.View().Content)
}

// TestHostileFlash: a failed briefing write quotes an operating system
// error, which can carry a hostile path: the status line shows it inert.
func TestHostileFlash(t *testing.T) {
	m := newTestModel(t, 120, 40, false)
	m.Update(briefWrittenMsg{path: "/x/\x1b]2;PWNED\x07", err: os.ErrPermission})
	m.Update(briefWrittenMsg{path: "/x/\x1b]2;PWNED\x07\u202e"})
	out := m.View().Content
	checkFrame(t, out, 120, 40)
	checkInertFrame(t, "flash", out)
	if !strings.Contains(screen(m), "␛]2;PWNED␇<U+202E>") {
		t.Errorf("the path is not shown inert:\n%s", screen(m))
	}
}
