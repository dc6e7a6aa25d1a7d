package tui

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data/datatest"
	"github.com/parlens/parlens/tui/styles"
)

// asyncModel is the dashboard on the sample at 120×40, computing its views
// off the update loop as it does on a large dataset: the jobs wait until
// the test runs them (runJobs, runJob).
func asyncModel(tb testing.TB, l words.Lang) *Model {
	res, a := loadSample(tb)
	m := New(Options{Result: res, Analysis: a, Theme: styles.Dark, NoColor: true, Dir: tb.TempDir(), Lang: l, Brief: stubBrief})
	m.c.jobs.inline = false
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	runJobs(tb, m)
	return m
}

// runningJobs are the jobs started and not finished, oldest first.
func runningJobs(m *Model) []*job {
	var out []*job
	for _, j := range m.c.jobs.running {
		out = append(out, j)
	}
	slices.SortFunc(out, func(a, b *job) int { return cmp.Compare(a.gen, b.gen) })
	return out
}

// runJob runs a job's command as Bubble Tea would, without delivering its
// message.
func runJob(j *job) tea.Msg { return j.cmd() }

// runJobs runs every job the model started, delivering each result, until
// nothing runs (a delivered result may start more).
func runJobs(tb testing.TB, m *Model) {
	tb.Helper()
	if !m.Settle() {
		tb.Fatal("jobs keep starting")
	}
}

// The view that computes shows a spinner saying what it computes, for
// which bloc and year, in the dashboard's language; its data once in.
func TestAsyncSpinnerSaysWhat(t *testing.T) {
	for _, l := range []words.Lang{words.VI, words.EN} {
		t.Run(string(l), func(t *testing.T) {
			m := asyncModel(t, l)
			press(m, "6")
			if !m.busy() {
				t.Fatal("the transitions do not wait for their job")
			}
			s := screen(m)
			for _, want := range []string{words.BusyTransitions.In(l), m.c.bloc, itoa(m.c.year), words.BusyHint.In(l)[:20]} {
				if !strings.Contains(s, want) {
					t.Errorf("spinner frame lacks %q:\n%s", want, s)
				}
			}
			for _, other := range []words.Lang{words.VI, words.EN} {
				if other != l && strings.Contains(s, words.BusyTransitions.In(other)) {
					t.Errorf("spinner frame speaks %s:\n%s", other, s)
				}
			}
			checkFrame(t, m.View().Content, 120, 40)
			runJobs(t, m)
			s = screen(m)
			if m.busy() || strings.Contains(s, words.BusyTransitions.In(l)) {
				t.Fatalf("the spinner stays once the result is in:\n%s", s)
			}
			title := strings.TrimSpace(m.c.sayf(words.TransitionsTitle, m.c.bloc, m.transitions().tr.From, m.c.year))
			if !m.transitions().ok || !strings.Contains(s, title) {
				t.Fatalf("no transitions after the job, want %q:\n%s", title, s)
			}
		})
	}
}

func (m *Model) transitions() *transitionsView { return m.tabView("transitions").(*transitionsView) }

// Keys pressed while a view computes are handled at once: a tab switch
// shows the other tab (and cancels the work nobody waits for), a bloc
// switch computes for the new bloc, quitting quits.
func TestAsyncKeysWhileComputing(t *testing.T) {
	t.Run("tab", func(t *testing.T) {
		m := asyncModel(t, words.VI)
		press(m, "2")
		runJobs(t, m)
		press(m, "6")
		js := runningJobs(m)
		if len(js) != 1 || !m.busy() {
			t.Fatalf("transitions: %d jobs running, busy %v", len(js), m.busy())
		}
		press(m, "2")
		if tabOf(m) != "ranking" || m.busy() {
			t.Fatalf("tab %s, busy %v after 2 while the transitions compute", tabOf(m), m.busy())
		}
		if !strings.Contains(screen(m), rankingOf(m).rows[0].name) {
			t.Fatalf("the ranking is not drawn:\n%s", screen(m))
		}
		if js[0].ctx.Err() == nil || len(runningJobs(m)) != 0 {
			t.Fatal("the transitions' job is not cancelled when the user moves on")
		}
		// its result, cancelled, is never kept
		m.Update(runJob(js[0]))
		press(m, "6")
		if !m.busy() {
			t.Fatal("a cancelled job's result was kept")
		}
	})
	t.Run("bloc", func(t *testing.T) {
		m := asyncModel(t, words.EN)
		press(m, "6")
		first := m.c.bloc
		press(m, "tab")
		if m.c.bloc == first || !m.busy() || m.c.jobs.waiting.where.Bloc != m.c.bloc {
			t.Fatalf("bloc %q after tab from %q; busy %v", m.c.bloc, first, m.busy())
		}
		if !strings.Contains(screen(m), m.c.bloc) {
			t.Fatalf("the spinner does not name the new bloc %q:\n%s", m.c.bloc, screen(m))
		}
	})
	// ctrl+c anywhere; q on the overview, computing another year
	for _, keys := range [][]string{{"6", "ctrl+c"}, {"[", "q"}} {
		t.Run("quit "+keys[1], func(t *testing.T) {
			m := asyncModel(t, words.VI)
			press(m, keys[0])
			js := runningJobs(m)
			if !m.busy() || len(js) == 0 {
				t.Fatalf("%s: nothing computes", keys[0])
			}
			cmd := press(m, keys[1])
			if !m.quitting || cmd == nil {
				t.Fatalf("%s while computing does not quit", keys[1])
			}
			for _, j := range js {
				if j.ctx.Err() == nil {
					t.Fatal("a job runs on after quitting")
				}
			}
		})
	}
}

// A result that arrives after the user moved on is not shown: the view
// waits for the new selection's; the result is kept for its own selection,
// which shows it at once when the user comes back.
func TestAsyncStaleResultDropped(t *testing.T) {
	m := asyncModel(t, words.VI)
	press(m, "6")
	blocA := m.c.bloc
	js := runningJobs(m)
	if len(js) != 1 {
		t.Fatalf("%d jobs running, want the transitions'", len(js))
	}
	done := runJob(js[0]) // finished, its message on its way
	press(m, "tab")
	blocB := m.c.bloc
	m.Update(done)
	if !m.busy() || m.c.jobs.waiting.where.Bloc != blocB {
		t.Fatalf("after bloc %q's result arrived on bloc %q: busy %v", blocA, blocB, m.busy())
	}
	if tv := m.transitions(); tv.ok && tv.tr.Bloc == blocA {
		t.Fatalf("bloc %q shows bloc %q's transitions", blocB, blocA)
	}
	s := screen(m)
	if strings.Contains(s, strings.TrimSpace(m.c.sayf(words.TransitionsTitle, blocA, m.c.year-1, m.c.year))) {
		t.Fatalf("bloc %q's matrix is on screen after moving to %q:\n%s", blocA, blocB, s)
	}
	runJobs(t, m)
	if tv := m.transitions(); !tv.ok || tv.tr.Bloc != blocB {
		t.Fatalf("bloc %q's own transitions are not shown", blocB)
	}
	press(m, "shift+tab")
	if m.c.bloc != blocA || m.busy() || m.transitions().tr.Bloc != blocA {
		t.Fatalf("back on bloc %q: busy %v, showing %q", blocA, m.busy(), m.transitions().tr.Bloc)
	}
}

// The go-to-unit picker lists every unit off the update loop; what is typed
// meanwhile is kept and applied when the list is in.
func TestAsyncFindKeepsTheQuery(t *testing.T) {
	m := asyncModel(t, words.EN)
	press(m, "f")
	if !m.busy() || !strings.Contains(screen(m), words.BusyFind.In(words.EN)) {
		t.Fatalf("the picker does not wait for its list:\n%s", screen(m))
	}
	typeText(m, "zzzz-no-such-unit")
	runJobs(t, m)
	v, ok := m.top().(*findView)
	if !ok || m.busy() {
		t.Fatalf("the picker is gone or still waits (top %T)", m.top())
	}
	if len(v.items) == 0 || len(v.hits) != 0 {
		t.Fatalf("%d units listed, %d hits for a query that matches none", len(v.items), len(v.hits))
	}
	// a new query: typing never waits, the last hits stay until the new
	// ones are in
	for range len("zzzz-no-such-unit") {
		press(m, "backspace")
	}
	typeText(m, "q")
	if m.busy() || v.hitsFor == "q" || len(v.hits) != 0 {
		t.Fatalf("while the hits of %q are found: busy %v, hits for %q", v.query, m.busy(), v.hitsFor)
	}
	runJobs(t, m)
	if v.hitsFor != "q" || len(v.hits) == 0 {
		t.Fatalf("the hits of %q are not shown once in (%d for %q)", v.query, len(v.hits), v.hitsFor)
	}
	// enter before the hits of the last letter opens the first unit the
	// query asks for, not the previous query's
	typeText(m, "u")
	want := v.items[mustHits(t, v.items, "qu")[0]].u.UnitID
	press(m, "enter")
	if u, ok := m.top().(*unitView); !ok || u.unitID != want {
		t.Fatalf("enter opens %T, want the unit page of %s", m.top(), want)
	}
}

func mustHits(tb testing.TB, items []findItem, q string) []int {
	hits, err := findHits(context.Background(), items, q)
	if err != nil || len(hits) == 0 {
		tb.Fatalf("no hits for %q: %v", q, err)
	}
	return hits
}

// The jobs run beside Update as Bubble Tea runs them, in goroutines, while
// keys switch views, blocs and years (run with -race: work off the update
// loop reads nothing Update writes).
func TestAsyncJobsBesideUpdate(t *testing.T) {
	res := datatest.Sample(t, "city")
	m := New(Options{Result: res, Theme: styles.Dark, Dir: t.TempDir(), Brief: stubBrief})
	m.c.jobs.inline = false
	done := make(chan tea.Msg)
	spawned, out := map[*job]bool{}, 0
	run := func() {
		for _, j := range runningJobs(m) {
			if !spawned[j] {
				spawned[j] = true
				out++
				go func(cmd tea.Cmd) { done <- cmd() }(j.cmd)
			}
		}
	}
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, k := range strings.Split("2 6 tab 7 [ 5 ] 9 shift+tab 3 1 f esc 4 L 7 6 2", " ") {
		run()
		press(m, k)
		_ = m.View()
		select {
		case msg := <-done:
			out--
			m.Update(msg)
		default:
		}
	}
	for run(); out > 0; run() {
		msg := <-done
		out--
		m.Update(msg)
		_ = m.View()
	}
	if m.busy() {
		t.Fatal("the view still waits once every job is in")
	}
	if m.Panic != nil {
		t.Fatal(m.Panic)
	}
}

// Copying a large table reads its rows a slice per message, saying how far
// it is; the text is the one the whole table gives at once. A key stops it:
// a slice that arrives after is ignored.
func TestAsyncCopyTable(t *testing.T) {
	m := asyncModel(t, words.EN)
	m.exportChunk = 2
	press(m, "2")
	runJobs(t, m)
	whole, _ := rankingOf(m).exportTable()
	var want strings.Builder
	writeTSV(&want, whole)

	cmd := press(m, "y")
	if m.copying == nil || cmd == nil {
		t.Fatal("y on a large table does not read it a slice at a time")
	}
	msg := cmd()
	if !strings.Contains(screen(m), "Preparing the table: 2/") {
		t.Fatalf("no progress in the status line:\n%s", screen(m))
	}
	for steps := 0; ; steps++ {
		if _, ok := msg.(gridCopyMsg); !ok {
			break
		}
		if steps > len(whole.Rows) {
			t.Fatal("the copy never ends")
		}
		_, cmd = m.Update(msg)
		msg = cmd()
	}
	if got := fmt.Sprint(msg); got != want.String() {
		t.Fatalf("copied text differs from the whole table's:\n%q\nwant\n%q", got, want.String())
	}
	if !strings.Contains(screen(m), m.c.sayf(words.TableCopied, itoa(len(whole.Rows)))[:10]) {
		t.Fatalf("no copied message:\n%s", screen(m))
	}

	cmd = press(m, "y")
	step := cmd()
	press(m, "j")
	if m.copying != nil {
		t.Fatal("a key does not stop the copy")
	}
	if _, cmd := m.Update(step); cmd != nil || strings.Contains(screen(m), "Preparing") {
		t.Fatal("a stopped copy goes on")
	}
}

// w on a large table asks for the file first, then reads the rows a slice
// at a time and writes the file in a Cmd.
func TestAsyncWriteTable(t *testing.T) {
	m := asyncModel(t, words.VI)
	m.exportChunk = 3
	press(m, "2")
	runJobs(t, m)
	press(m, "w")
	if m.ask == nil || m.copying != nil {
		t.Fatal("w does not ask for the file first")
	}
	m.input.set(filepath.Join(t.TempDir(), "bang.csv"))
	msg := press(m, "enter")()
	for range 1000 {
		if _, ok := msg.(gridCopyMsg); !ok {
			break
		}
		_, cmd := m.Update(msg)
		msg = cmd()
	}
	w, ok := msg.(tableWrittenMsg)
	if !ok || w.err != nil {
		t.Fatalf("no table written: %#v", msg)
	}
	b, err := os.ReadFile(w.path)
	if err != nil || strings.Count(string(b), "\n") != rankingOf(m).g.Len()+1 {
		t.Fatalf("%s: %d lines for %d rows (%v)", w.path, strings.Count(string(b), "\n"), rankingOf(m).g.Len(), err)
	}
}
