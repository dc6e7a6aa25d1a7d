package tui

import (
	"errors"
	"github.com/parlens/parlens/analysis/words"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/styles"
)

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

func TestStartsOnOverview(t *testing.T) {
	m := newTestModel(t, 100, 30, false)
	s := screen(m)
	for _, want := range []string{"Dữ liệu minh họa", "PAR Index", "Năm 2024", "Tổng quan", "Cơ quan Trung ương", "Công an thành phố 96,24", "Sở Tư pháp 98,48"} {
		if !strings.Contains(s, want) {
			t.Errorf("overview lacks %q:\n%s", want, s)
		}
	}
	if tabOf(m) != "overview" {
		t.Fatalf("top view %v", tabOf(m))
	}
}

func TestNavigation(t *testing.T) {
	m := newTestModel(t, 100, 30, false)
	press(m, "2", "tab") // Sở, ban, ngành: 20 units
	if m.c.bloc != "Sở, ban, ngành" {
		t.Fatalf("bloc %q", m.c.bloc)
	}
	g := &rankingOf(m).g
	press(m, "j", "j", "down")
	if g.Cursor() != 3 {
		t.Fatalf("cursor %d after 3 downs", g.Cursor())
	}
	press(m, "k")
	if g.Cursor() != 2 {
		t.Fatalf("cursor %d after up", g.Cursor())
	}
	press(m, "G")
	if g.Cursor() != 19 {
		t.Fatalf("cursor %d after G", g.Cursor())
	}
	press(m, "g")
	if g.Cursor() != 0 {
		t.Fatalf("cursor %d after g", g.Cursor())
	}
	press(m, "pgdown")
	if g.Cursor() == 0 {
		t.Fatal("pgdown did not move")
	}
	press(m, "pgup")
	if g.Cursor() != 0 {
		t.Fatalf("cursor %d after pgup", g.Cursor())
	}
	// views by number; q goes back to the overview, then quits
	for i, want := range []string{"overview", "ranking", "unit", "movers", "components", "transitions", "briefing"} {
		press(m, string(rune('1'+i)))
		if tabOf(m) != want {
			t.Fatalf("key %d: view %v, want %v", i+1, tabOf(m), want)
		}
	}
	if cmd := press(m, "q"); isQuit(cmd) || tabOf(m) != "overview" {
		t.Fatalf("q from the briefing should go back to the overview, got %v", tabOf(m))
	}
	if cmd := press(m, "q"); !isQuit(cmd) {
		t.Fatal("q at the root should quit")
	}
	if cmd := press(m, "ctrl+c"); !isQuit(cmd) {
		t.Fatal("ctrl+c should quit")
	}
}

func TestFilterAccentInsensitive(t *testing.T) {
	m := newTestModel(t, 100, 30, false)
	press(m, "2", "tab", "tab", "/")
	if m.ask == nil {
		t.Fatal("/ did not open the filter prompt")
	}
	typeText(m, "cam le")
	// filters as you type
	if n := rankingOf(m).g.Len(); n != 1 {
		t.Fatalf("%d rows for 'cam le', want 1", n)
	}
	press(m, "enter")
	if m.ask != nil {
		t.Fatal("enter did not close the prompt")
	}
	if id := rankingOf(m).SelectedUnit(); id != "QH-CL" {
		t.Fatalf("selected %q, want QH-CL (quận Cẩm Lệ)", id)
	}
	s := screen(m)
	if !strings.Contains(s, "quận Cẩm Lệ") || !strings.Contains(s, "1/7 đơn vị") || !strings.Contains(s, "lọc “cam le”") {
		t.Fatalf("filtered screen:\n%s", s)
	}
	// esc clears the filter before it goes back
	press(m, "esc")
	if rankingOf(m).g.Len() != 7 || tabOf(m) != "ranking" {
		t.Fatalf("esc: %d rows, view %v", rankingOf(m).g.Len(), tabOf(m))
	}
	// by code, and Vietnamese typed with accents
	press(m, "/")
	typeText(m, "Hòa Vang")
	if rankingOf(m).g.Len() != 1 {
		t.Fatalf("%d rows for 'Hòa Vang'", rankingOf(m).g.Len())
	}
	press(m, "esc")
	if m.ask != nil || rankingOf(m).g.Len() != 7 {
		t.Fatal("esc in the prompt should cancel the filter")
	}
	press(m, "/")
	typeText(m, "xyz")
	if !strings.Contains(screen(m), "Không có đơn vị nào khớp") {
		t.Fatalf("no-match screen:\n%s", screen(m))
	}
	press(m, "backspace", "backspace", "backspace")
	if rankingOf(m).g.Len() != 7 {
		t.Fatal("backspace did not widen the filter")
	}
}

func TestSort(t *testing.T) {
	m := newTestModel(t, 200, 40, false)
	press(m, "2", "tab")
	rk := rankingOf(m)
	score := func(i int) float64 { return *rk.rows[rk.g.Rows()[i]].r.Score }
	// select the ±điểm column and sort: biggest gain first
	for rk.g.Col() != rcDScore {
		press(m, "l")
	}
	press(m, "s")
	first := rk.rows[rk.g.Rows()[0]].r
	if first.UnitID != "SO-TP" { // Sở Tư pháp +2,40
		t.Fatalf("first by change: %s", first.Unit)
	}
	press(m, "s")                                      // reverse
	if rk.rows[rk.g.Rows()[0]].r.UnitID != "SO-KHDT" { // -7,68
		t.Fatalf("first by change ascending: %s", rk.rows[rk.g.Rows()[0]].r.Unit)
	}
	// by unit name
	press(m, "h", "h", "s")
	if rk.sortCol != rcUnit {
		t.Fatalf("sort column %d", rk.sortCol)
	}
	// by a component: the third
	for rk.g.Col() != rcComps+2 {
		press(m, "l")
	}
	press(m, "s")
	for i := 1; i < rk.g.Len(); i++ {
		a := rk.compScore(&rk.rows[rk.g.Rows()[i-1]], 2)
		b := rk.compScore(&rk.rows[rk.g.Rows()[i]], 2)
		if *a.Score < *b.Score {
			t.Fatalf("the third component not descending at %d", i)
		}
	}
	if !strings.Contains(screen(m), "sắp xếp: "+rk.titles[2]+"▼") { // headed by its name, abbreviated
		t.Fatalf("status:\n%s", screen(m))
	}
	// back to rank order
	for rk.g.Col() != rcRank {
		press(m, "h")
	}
	press(m, "s")
	for i := 1; i < rk.g.Len(); i++ {
		if score(i-1) < score(i) {
			t.Fatal("rank order is not score order")
		}
	}
	// points ↔ %
	press(m, "p")
	if !rk.pct() || !strings.Contains(screen(m), "%") {
		t.Fatal("p did not switch to % of max")
	}
}

func TestDrillDownAndBack(t *testing.T) {
	m := newTestModel(t, 120, 40, false)
	press(m, "2", "tab", "tab", "G", "enter")
	u, ok := m.top().(*unitView)
	if !ok || u.unitID != "QH-CL" {
		t.Fatalf("enter on the last row opened %T", m.top())
	}
	s := screen(m)
	for _, want := range []string{"quận Cẩm Lệ", "hạng 7/7", "77,89", "Lịch sử", "Lĩnh vực năm 2024", "Lên Tốt: cần thêm 2,11 điểm", "Vượt hạng 6: cần thêm 2,22 điểm", "Nếu giữ điểm năm 2023 (77,55): hạng 7", "Cuối bảng"} {
		if !strings.Contains(s, want) {
			// the view scrolls: look through all its lines
			if !strings.Contains(strings.Join(u.sc.lines, "\n"), want) {
				t.Errorf("unit view lacks %q", want)
			}
		}
	}
	press(m, "esc")
	if tabOf(m) != "ranking" {
		t.Fatalf("esc went to %v", tabOf(m))
	}
	// from the movers list
	press(m, "4", "enter")
	if tabOf(m) != "unit" {
		t.Fatal("enter on a fact did not open its unit")
	}
	press(m, "q")
	if tabOf(m) != "movers" {
		t.Fatal("q did not go back to the movers")
	}
	// a transition cell lists its units, and a unit opens from there
	press(m, "6", "j", "enter")
	if _, ok := m.top().(*unitListView); !ok {
		t.Fatalf("enter on a cell opened %T", m.top())
	}
	if tabOf(m) != "transitions" {
		t.Fatalf("the cell's unit list sits under tab %q, want transitions", tabOf(m))
	}
	press(m, "enter")
	if tabOf(m) != "unit" {
		t.Fatal("enter in the cell list did not open the unit")
	}
	if len(m.stack) != 4 || !strings.Contains(screen(m), "›") {
		t.Fatalf("stack depth %d; breadcrumb:\n%s", len(m.stack), screen(m))
	}
}

func TestYearAndBlocSwitching(t *testing.T) {
	m := newTestModel(t, 120, 40, false)
	press(m, "2")
	press(m, "[")
	if m.c.year != 2023 || !strings.Contains(screen(m), "Năm 2023") {
		t.Fatalf("year %d", m.c.year)
	}
	press(m, "[", "[")
	if m.c.year != 2021 {
		t.Fatalf("year %d", m.c.year)
	}
	if id := rankingOf(m).SelectedUnit(); id != "TW-CA" { // Công an thành phố first in 2021
		t.Fatalf("2021 leader %s", id)
	}
	press(m, "[", "[", "[", "[")
	if m.c.year != 2019 {
		t.Fatalf("[ past the first year: %d", m.c.year)
	}
	press(m, "]", "]", "]", "]", "]", "]", "]")
	if m.c.year != 2024 {
		t.Fatalf("] past the last year: %d", m.c.year)
	}
	press(m, "tab")
	if m.c.bloc != "Sở, ban, ngành" {
		t.Fatalf("tab: %s", m.c.bloc)
	}
	press(m, "shift+tab", "shift+tab")
	if m.c.bloc != "Quận, huyện" {
		t.Fatalf("shift+tab wraps: %s", m.c.bloc)
	}
	// the other index
	press(m, "i")
	if m.c.index != "Văn thư, lưu trữ" {
		t.Fatalf("index %s", m.c.index)
	}
	checkFrame(t, m.View().Content, 120, 40)
	for _, k := range []string{"1", "2", "4", "5", "6", "7"} {
		press(m, k)
		checkFrame(t, m.View().Content, 120, 40)
	}
	// the year follows the index's years
	press(m, "i")
	if m.c.index != "PAR Index" {
		t.Fatal("i does not cycle")
	}
}

func TestMarkFact(t *testing.T) {
	m := newTestModel(t, 120, 40, false)
	press(m, "4", "space")
	if len(m.c.marks.list) != 1 {
		t.Fatalf("%d marks", len(m.c.marks.list))
	}
	if !strings.Contains(screen(m), "●") {
		t.Fatal("marked fact not shown")
	}
	press(m, "k", "space")
	if len(m.c.marks.list) != 0 {
		t.Fatalf("space again should unmark: %d", len(m.c.marks.list))
	}
	press(m, "space", "space")
	if len(m.c.marks.list) != 2 {
		t.Fatalf("%d marks", len(m.c.marks.list))
	}
	press(m, "7")
	if !strings.Contains(screen(m), "2 điểm nhấn") {
		t.Fatalf("briefing status does not count the marks:\n%s", screen(m))
	}
}

func TestWriteBriefing(t *testing.T) {
	m := newTestModel(t, 120, 40, false)
	m.c.brief = func(_ *analysis.Analysis, o BriefOptions) (string, string, error) {
		return "# Báo cáo\n\nNội dung.\n", "Báo cáo\n\nNội dung.", nil
	}
	press(m, "7")
	if briefingOf(m).err != nil {
		t.Fatal(briefingOf(m).err)
	}
	press(m, "w")
	if m.ask == nil {
		t.Fatal("w did not ask for a path")
	}
	if !strings.Contains(screen(m), "Ghi vào:") {
		t.Fatalf("no prompt:\n%s", screen(m))
	}
	dir := m.opt.Dir
	m.input.set("")
	typeText(m, "out.md")
	cmd := press(m, "enter")
	if cmd == nil {
		t.Fatal("no write command")
	}
	m.Update(cmd())
	path := filepath.Join(dir, "out.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "# Báo cáo\n\nNội dung.\n" {
		t.Fatalf("file: %q", b)
	}
	if !strings.Contains(screen(m), "Đã ghi báo cáo: "+path) {
		t.Fatalf("status does not say where:\n%s", screen(m))
	}
	// no temp files left behind
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Fatalf("dir has %d entries", len(ents))
	}
	// an unwritable place reports the error
	press(m, "w")
	m.input.set(filepath.Join(dir, "missing", "x.md"))
	cmd = press(m, "enter")
	m.Update(cmd())
	if !strings.Contains(screen(m), "Không ghi được") {
		t.Fatalf("no error shown:\n%s", screen(m))
	}
	// y copies (OSC 52) through a command
	if cmd := press(m, "y"); cmd == nil {
		t.Fatal("y gave no clipboard command")
	}
}

func TestTooSmall(t *testing.T) {
	m := newTestModel(t, 20, 5, false)
	checkFrame(t, m.View().Content, 20, 5)
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	if !strings.Contains(screen(m), "Cửa sổ quá nhỏ") || !strings.Contains(screen(m), "60×20") {
		t.Fatalf("60x20:\n%s", screen(m))
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if strings.Contains(screen(m), "Cửa sổ quá nhỏ") {
		t.Fatal("notice stays at 80x24")
	}
}

func TestLoadingAndErrors(t *testing.T) {
	res, _ := loadSample(t)
	m := New(Options{Load: func() (*data.Result, error) { return res, nil }, Bytes: 3 << 20, Theme: "dark"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(screen(m), "Đang đọc dữ liệu") {
		t.Fatalf("loading screen:\n%s", screen(m))
	}
	if m.Init() == nil {
		t.Fatal("Init gave no load command")
	}
	m.Update(tickMsg{})
	checkFrame(t, m.View().Content, 80, 24)
	m.Update(loadedMsg{res: res})
	if m.state != stateReady || !strings.Contains(screen(m), "Tổng quan") {
		t.Fatalf("after load:\n%s", screen(m))
	}

	// data with errors: a readable panel, not a crash
	bad := fstest.MapFS{"par-2024.csv": {Data: []byte("Khối,Tên đơn vị,Tổng điểm\nA,Sở X,abc\nA,Sở Y,\x1b[31m90\n")}}
	r := data.ReadFS(bad, ".", data.Options{})
	if r.Err() == nil {
		t.Fatal("the bad fixture must fail to load")
	}
	m = New(Options{Result: r, Theme: "dark"})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	s := screen(m)
	if !strings.Contains(s, "Không mở được dữ liệu") || !strings.Contains(s, "lỗi") {
		t.Fatalf("error panel:\n%s", s)
	}
	if strings.Contains(m.View().Content, "\x1b[31m90") {
		t.Fatal("escape sequence from the data reached the screen")
	}
	checkFrame(t, m.View().Content, 100, 30)
	if issues, failed := m.Failed(); !failed || len(issues) == 0 {
		t.Fatal("Failed() does not report the problems")
	}
	if !isQuit(press(m, "q")) {
		t.Fatal("q should quit from the error panel")
	}
	// a load that fails outright
	m = New(Options{Load: func() (*data.Result, error) { return nil, errors.New("boom") }})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(loadedMsg{err: errors.New("open x.csv: no such file")})
	if !strings.Contains(screen(m), "no such file") {
		t.Fatalf("load error:\n%s", screen(m))
	}
}

// panicView panics on any key, to prove Update recovers.
type panicView struct{ *overviewView }

func (panicView) HandleKey(tea.KeyPressMsg) (bool, tea.Cmd) { panic("boom") }

func TestPanicInUpdateQuits(t *testing.T) {
	m := newTestModel(t, 80, 24, false)
	m.stack = append(m.stack, panicView{m.tabs[0].(*overviewView)})
	got, cmd := m.Update(keyMsg("x"))
	if got != m {
		t.Fatalf("Update returned %v after a panic, want the model", got)
	}
	if !isQuit(cmd) || m.Panic == nil || !strings.Contains(m.Panic.Error(), "boom") {
		t.Fatalf("panic not recovered into a quit: %v", m.Panic)
	}
}

func TestMouse(t *testing.T) {
	m := newTestModel(t, 120, 40, false)
	// click the third bloc tab
	tb := m.blocTabs()
	z := tb.zones[2]
	m.Update(tea.MouseClickMsg{X: z.x0 + 1, Y: 2, Button: tea.MouseLeft})
	if m.c.bloc != "Quận, huyện" {
		t.Fatalf("click on a bloc tab: %s", m.c.bloc)
	}
	// click a view tab
	z = m.viewTabs().zones[1]
	m.Update(tea.MouseClickMsg{X: z.x0 + 1, Y: 1, Button: tea.MouseLeft})
	if tabOf(m) != "ranking" {
		t.Fatal("click on the ranking tab")
	}
	// click the fourth row (body line 4: heading + 3), then again to open it
	m.Update(tea.MouseClickMsg{X: 20, Y: headerLines + 4, Button: tea.MouseLeft})
	if rankingOf(m).g.Cursor() != 3 {
		t.Fatalf("row click: cursor %d", rankingOf(m).g.Cursor())
	}
	m.Update(tea.MouseClickMsg{X: 20, Y: headerLines + 4, Button: tea.MouseLeft})
	if tabOf(m) != "unit" {
		t.Fatal("second click did not open the unit")
	}
	press(m, "esc")
	m.Update(tea.MouseWheelMsg{X: 20, Y: 10, Button: tea.MouseWheelUp})
	if rankingOf(m).g.Cursor() != 0 {
		t.Fatalf("wheel up: cursor %d", rankingOf(m).g.Cursor())
	}
	// click a column heading sorts by it
	x := -1
	for i := 0; i < 120; i++ {
		if rankingOf(m).g.ColumnAt(i) == rcScore {
			x = i
			break
		}
	}
	m.Update(tea.MouseClickMsg{X: x, Y: headerLines, Button: tea.MouseLeft})
	if rankingOf(m).sortCol != rcScore {
		t.Fatalf("heading click: sort column %d", rankingOf(m).sortCol)
	}
}

func TestHelpFromBindings(t *testing.T) {
	m := newTestModel(t, 120, 40, false)
	press(m, "2", "?")
	s := screen(m)
	for _, b := range []key.Binding{m.keys.Rank.Filter, m.keys.Rank.Sort, m.keys.Global.NextBloc, m.keys.Nav.Bottom, m.keys.Global.Quit} {
		if !strings.Contains(s, b.Help().Desc) {
			t.Errorf("full help lacks %q", b.Help().Desc)
		}
	}
	press(m, "?")
	if m.showHelp {
		t.Fatal("? does not close the help")
	}
	// the footer's short help follows the context
	press(m, "7")
	if !strings.Contains(screen(m), "w "+m.keys.Brief.Write.Help().Desc) {
		t.Fatal("briefing short help lacks w")
	}
}

func TestControlCharactersStripped(t *testing.T) {
	csv := "Khối,Mã đơn vị,Tên đơn vị,Tổng điểm\nKhối \x1b[2J,A1,Sở \x1b]52;c;ZXZpbA==\x07Độc,91.5\nKhối \x1b[2J,A2,Sở Tốt\u202e,80\n"
	r := data.ReadFS(fstest.MapFS{"par-2024.csv": {Data: []byte(csv)}}, ".", data.Options{Label: "nhãn \x1b[5m"})
	if r.Err() != nil {
		t.Fatalf("fixture does not load: %v", r.Err())
	}
	m := New(Options{Result: r, Theme: "dark"})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, k := range []string{"1", "2", "enter", "4", "5", "6", "7"} {
		press(m, k)
		out := m.View().Content
		for _, bad := range []string{"\x1b[2J", "\x1b]52", "\x07", "\x1b[5m", "\u202e"} {
			if strings.Contains(out, bad) {
				t.Fatalf("view %s: %q from the data reached the screen", k, bad)
			}
		}
		checkFrame(t, out, 120, 40)
	}
}

func TestThemes(t *testing.T) {
	res, a := loadSample(t)
	for _, th := range []styles.Theme{styles.Light, styles.Dark} {
		m := New(Options{Result: res, Analysis: a, Theme: th})
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		for _, k := range []string{"1", "2", "enter", "4", "5", "6", "7"} {
			press(m, k)
			checkFrame(t, m.View().Content, 100, 30)
		}
		before := m.c.st.Theme
		press(m, "T")
		if m.c.st.Theme == before {
			t.Fatalf("T did not switch from %s", before)
		}
		checkFrame(t, m.View().Content, 100, 30)
	}
	// the terminal's background picks the theme when none is forced
	m := New(Options{Result: res, Analysis: a})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(tea.BackgroundColorMsg{Color: color.White})
	if m.c.st.Theme != styles.Light {
		t.Fatalf("light background gave %s", m.c.st.Theme)
	}
}

// TestRealBriefing: the Briefing view shows what package brief writes,
// in both languages, with the marked facts first.
func TestRealBriefing(t *testing.T) {
	m := newTestModel(t, 120, 40, false)
	press(m, "4", "space", "7")
	if briefingOf(m).err != nil {
		t.Fatal(briefingOf(m).err)
	}
	if !strings.HasPrefix(briefingOf(m).md, "# ") || !strings.Contains(screen(m), "PAR Index") {
		t.Fatalf("briefing:\n%s", screen(m))
	}
	vi := briefingOf(m).md
	press(m, "L")
	if m.c.lang != words.EN || briefingOf(m).md == vi {
		t.Fatal("L did not switch to English")
	}
	checkFrame(t, m.View().Content, 120, 40)
}

// runCmds runs the command an Update gave as Bubble Tea would, and the
// commands of a batch it gives, without delivering their messages.
func runCmds(_ tea.Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if b, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range b {
			runCmds(nil, c)
		}
	}
}

// FirstFrame is called once: when the first frame of data is ready to
// draw, not while the data loads nor while the view waits for its data
// off the update loop; or when the load fails.
func TestFirstFrameCalledOnce(t *testing.T) {
	res, a := loadSample(t)
	calls := 0
	m := New(Options{Load: func() (*data.Result, error) { return res, nil }, Theme: styles.Dark, NoColor: true,
		FirstFrame: func() { calls++ }})
	runCmds(m.Update(tea.WindowSizeMsg{Width: 120, Height: 40}))
	if calls != 0 {
		t.Fatal("called while loading")
	}
	m.update(loadedMsg{res: res, a: a})
	m.c.jobs.inline = false // the overview computes off the update loop, as on a large dataset
	runCmds(m.Update(tickMsg{}))
	jobs := runningJobs(m)
	if !m.busy() || len(jobs) == 0 || calls != 0 {
		t.Fatalf("busy %v, %d jobs: called %d times while the view waits", m.busy(), len(jobs), calls)
	}
	for len(jobs) > 0 {
		runCmds(m.Update(runJob(jobs[0])))
		jobs = runningJobs(m)
	}
	if m.busy() || calls != 1 || !strings.Contains(screen(m), "Công an thành phố") {
		t.Fatalf("busy %v: called %d times with the data on screen:\n%s", m.busy(), calls, screen(m))
	}
	runCmds(m.Update(keyMsg("2")))
	runCmds(m.Update(keyMsg("1")))
	if calls != 1 {
		t.Fatalf("called %d times", calls)
	}

	calls = 0
	m = New(Options{Load: func() (*data.Result, error) { return nil, errors.New("boom") }, FirstFrame: func() { calls++ }})
	runCmds(m.Update(tea.WindowSizeMsg{Width: 80, Height: 24}))
	runCmds(m.Update(loadedMsg{err: errors.New("open x.csv: no such file")}))
	if calls != 1 {
		t.Fatalf("called %d times after a failed load", calls)
	}
}
