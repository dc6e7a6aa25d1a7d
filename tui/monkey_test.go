package tui

import (
	"errors"
	"flag"
	"fmt"
	"image/color"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/styles"
)

var (
	monkeyEvents = flag.Int("monkey.events", 0, "events in all the monkey runs (default: $"+monkeyEnv+", else 4,000; 2,000 with -short)")
	monkeySeed   = flag.Uint64("monkey.seed", 0, "seed of the monkey runs (default: fixed seeds)")
)

// monkeyEnv names the variable that sets the long monkey run: CI sets it
// (PARLENS_MONKEY_EVENTS=100000 in .ci/run); the everyday go test stays fast.
const monkeyEnv = "PARLENS_MONKEY_EVENTS"

// monkeyTotal is the number of events of a monkey test: -monkey.events,
// else $PARLENS_MONKEY_EVENTS, else a few thousand (fewer under -short).
// The race detector slows each event about ten times: run the long count
// without -race.
func monkeyTotal(tb testing.TB) int {
	if *monkeyEvents > 0 {
		return *monkeyEvents
	}
	if s := os.Getenv(monkeyEnv); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			tb.Fatalf("%s=%q: want a positive number of events", monkeyEnv, s)
		}
		return n
	}
	if testing.Short() {
		return 2_000
	}
	return 4_000
}

// monkeyKeys are the keys a person can press: every binding, the editing
// keys of the prompts, and keys no binding uses.
var monkeyKeys = func() []tea.KeyPressMsg {
	var ks []tea.KeyPressMsg
	for _, s := range []string{"enter", "esc", "down", "up", "left", "right", "pgdown", "pgup", "tab", "shift+tab", "space", "backspace", "ctrl+c"} {
		if s == "ctrl+c" {
			continue // quits: the model does nothing after it
		}
		ks = append(ks, keyMsg(s))
	}
	for _, r := range "123456789qjkhlgG/sSpaLTwyi[]<>,.?xXzZ0-=+ đ" {
		ks = append(ks, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	for _, c := range []rune{tea.KeyHome, tea.KeyEnd, tea.KeyDelete, tea.KeyInsert, tea.KeyF1, tea.KeyF12} {
		ks = append(ks, tea.KeyPressMsg{Code: c})
	}
	for _, r := range "abdefhkuw" {
		ks = append(ks, tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl}, tea.KeyPressMsg{Code: r, Mod: tea.ModAlt})
	}
	// what a hostile terminal or paste could send as a key's text
	for _, s := range []string{"\x1b", "\x07", "\u202e", "\u200b", "\u0085", "\x00"} {
		r := []rune(s)[0]
		ks = append(ks, tea.KeyPressMsg{Code: r, Text: s})
	}
	return ks
}()

// monkeySizes are the sizes a resize picks from, besides random ones.
var monkeySizes = [][2]int{{0, 0}, {1, 1}, {0, 1}, {1, 0}, {2, 2}, {10, 3}, {79, 24}, {80, 23}, {80, 24}, {81, 25}, {100, 30}, {120, 40}, {160, 50}, {200, 60}, {300, 100}}

// monkey drives a model with random events and checks the frame after each.
type monkey struct {
	tb   testing.TB
	m    *Model
	rng  *rand.Rand
	w, h int
	log  []string // the last events, for a failure report
	seed uint64
	n    int
	held []tea.Msg // job results held back, delivered later (jobEvent)
}

func (mk *monkey) event() tea.Msg {
	r := mk.rng
	switch p := r.IntN(1000); {
	case p < 20: // resize
		if r.IntN(3) == 0 {
			return tea.WindowSizeMsg{Width: r.IntN(320), Height: r.IntN(110)}
		}
		sz := monkeySizes[r.IntN(len(monkeySizes))]
		return tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}
	case p < 120: // mouse, also off the screen
		x, y := r.IntN(mk.w+10)-5, r.IntN(mk.h+10)-5
		m := tea.Mouse{X: x, Y: y, Button: []tea.MouseButton{tea.MouseLeft, tea.MouseRight, tea.MouseMiddle}[r.IntN(3)]}
		switch r.IntN(5) {
		case 0, 1:
			return tea.MouseClickMsg(m)
		case 2:
			m.Button = tea.MouseWheelUp
			return tea.MouseWheelMsg(m)
		case 3:
			m.Button = tea.MouseWheelDown
			return tea.MouseWheelMsg(m)
		default:
			return tea.MouseReleaseMsg(m)
		}
	case p < 130: // a paste, sometimes hostile
		return tea.PasteMsg{Content: []string{"cam le", "\x1b]52;c;eA==\x07sở\u202e", "quận\nhuyện", strings.Repeat("x", 500), ""}[r.IntN(5)]}
	case p < 135: // what arrives from outside: the theme, a written file, a stray tick
		switch r.IntN(4) {
		case 0:
			return tea.BackgroundColorMsg{Color: []color.Color{color.White, color.Black}[r.IntN(2)]}
		case 1:
			return briefWrittenMsg{path: "/tmp/x\x1b[2J.md", err: []error{nil, errors.New("disk full \x1b]2;x\x07")}[r.IntN(2)]}
		case 2:
			return tickMsg{}
		default:
			return tea.FocusMsg{}
		}
	}
	if j := mk.m.c.jobs; j != nil && !j.inline && (len(j.running) > 0 || len(mk.held) > 0) && r.IntN(3) == 0 {
		return mk.jobEvent()
	}
	return monkeyKeys[r.IntN(len(monkeyKeys))]
}

// jobEvent is the end of work off the update loop, when the dashboard
// computes that way: a job's result delivered at once, or held back and
// delivered later, after the user moved on (stale), in any order.
func (mk *monkey) jobEvent() tea.Msg {
	r := mk.rng
	if n := len(mk.held); n > 0 && r.IntN(3) == 0 {
		i := r.IntN(n)
		msg := mk.held[i]
		mk.held = append(mk.held[:i], mk.held[i+1:]...)
		return msg
	}
	js := runningJobs(mk.m)
	if len(js) == 0 {
		return spinner.TickMsg{ID: mk.m.spin.ID()}
	}
	msg := runJob(js[r.IntN(len(js))])
	monkeyJobs.Add(1)
	if r.IntN(2) == 0 {
		mk.held = append(mk.held, msg)
		return tea.FocusMsg{}
	}
	return msg
}

func (mk *monkey) step() {
	msg := mk.event()
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		mk.w, mk.h = ws.Width, ws.Height
	}
	mk.log = append(mk.log, fmt.Sprintf("%T%+v", msg, msg))
	if len(mk.log) > 25 {
		mk.log = mk.log[1:]
	}
	mk.n++
	mk.m.Update(msg)
	if mk.m.Panic != nil {
		mk.fail("panic in Update: %v", mk.m.Panic)
	}
	// commands are not run: they write files, sleep or wait for the load
	if mk.m.quitting && len(mk.m.stack) > 0 {
		// q on the overview quits: a person would start again
		mk.m.stack = mk.m.stack[:1]
	}
	v := mk.m.View()
	if mk.m.Panic != nil {
		mk.fail("panic in View: %v", mk.m.Panic)
	}
	if err := frameError(v.Content, mk.w, mk.h); err != "" {
		mk.fail("%s", err)
	}
	if v.WindowTitle != "parlens" {
		mk.fail("window title %q", v.WindowTitle)
	}
	if mk.n%97 == 0 { // inertness is costlier to check
		rest := sgr.ReplaceAllString(v.Content, "")
		for _, r := range rest {
			if r != '\n' && data.Unprintable(r) {
				mk.fail("raw %U in the frame", r)
			}
		}
	}
}

func (mk *monkey) fail(format string, args ...any) {
	mk.tb.Helper()
	mk.tb.Fatalf("monkey (seed %d) event %d at %d×%d: %s\nlast events:\n  %s\nscreen:\n%s",
		mk.seed, mk.n, mk.w, mk.h, fmt.Sprintf(format, args...), strings.Join(mk.log, "\n  "), screen(mk.m))
}

// frameError is checkFrame as a message: a frame is exactly h lines of
// exactly w cells (nothing at all when either is 0).
func frameError(out string, w, h int) string {
	if h <= 0 || w <= 0 {
		if out != "" && strings.Trim(out, "\n") != "" {
			return fmt.Sprintf("want an empty frame, got %q", out)
		}
		return ""
	}
	n := 0
	for l := range strings.SplitSeq(out, "\n") {
		if got := ansi.StringWidth(l); got != w {
			return fmt.Sprintf("line %d is %d cells wide, want %d", n, got, w)
		}
		n++
	}
	if n != h {
		return fmt.Sprintf("%d lines, want %d", n, h)
	}
	return ""
}

// TestMonkey drives the dashboard with random events (see monkeyTotal): key
// presses (every binding and then some, hostile key text included), mouse
// clicks, wheels and releases anywhere (also off the screen), pastes,
// resizes (0×0, 1×1 and random sizes among them), theme changes and file
// write results. After every event the frame must be exactly the
// terminal's size and the title the dashboard's; no event may panic. The
// runs use the sample, a dataset with warnings, three hostile files
// (10,000-character names, escape sequences, 5,000 columns), a file that
// does not load and a load that never ends. The everyday run is a few thousand events; CI runs 100,000
// through $PARLENS_MONKEY_EVENTS; -monkey.events and -monkey.seed choose
// others.
func TestMonkey(t *testing.T) {
	total := monkeyTotal(t)
	type run struct {
		name  string
		share int // per cent of the events
		res   func(testing.TB) *data.Result
		async bool // compute the views off the update loop, as on a large dataset
	}
	hostile := func(name string) func(testing.TB) *data.Result {
		return func(tb testing.TB) *data.Result {
			r := data.Read([]string{filepath.Join("..", "testdata", "hostile", name)}, data.Options{})
			if r.Err() != nil {
				tb.Fatal(r.Err())
			}
			return r
		}
	}
	failed := func(tb testing.TB) *data.Result {
		return data.Read([]string{filepath.Join("..", "testdata", "hostile", "reject", "bad-cells.csv")}, data.Options{})
	}
	runs := []run{
		{"sample-a", 18, func(tb testing.TB) *data.Result { r, _ := loadSample(tb); return r }, false},
		{"async", 15, func(tb testing.TB) *data.Result { r, _ := loadSample(tb); return r }, true},
		{"sample-b", 23, func(tb testing.TB) *data.Result { r, _ := loadSample(tb); return r }, false},
		{"tree", 5, func(tb testing.TB) *data.Result { newTreeModel(tb, 1, 1, false); return treeData }, false}, // areas, criteria, KPS
		{"warnings", 5, func(tb testing.TB) *data.Result { return warningsModel(tb, 1, 1, false).res }, false},
		{"long-names", 12, hostile("long-names.csv"), false},
		{"title", 12, hostile("title.csv"), false},
		{"columns-5000", 6, hostile("columns-5000.csv"), false},
		{"load-failed", 2, failed, false},
		{"loading", 2, nil, false}, // the load never ends
	}
	for i, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			seed := uint64(i + 1)
			if *monkeySeed != 0 {
				seed = *monkeySeed + uint64(i)
			}
			opt := Options{Theme: styles.Dark, Dir: t.TempDir(), Brief: stubBrief, Bytes: 1 << 30}
			if r.res != nil {
				opt.Result = r.res(t)
			} else {
				opt.Load = func() (*data.Result, error) { select {} }
			}
			m := New(opt)
			if r.async {
				m.c.jobs.inline = false
			}
			mk := &monkey{tb: t, m: m, rng: rand.New(rand.NewPCG(seed, 7)), seed: seed, w: 120, h: 40}
			m.Update(tea.WindowSizeMsg{Width: mk.w, Height: mk.h})
			n := total * r.share / 100
			for range n {
				mk.step()
			}
			monkeyCount.Add(int64(n))
		})
	}
	t.Cleanup(func() { t.Logf("%d events, %d jobs run", monkeyCount.Load(), monkeyJobs.Load()) })
}

// monkeyCount counts the events of every run.
var monkeyCount atomic.Int64

// monkeyJobs counts the jobs the async run ran.
var monkeyJobs atomic.Int64
