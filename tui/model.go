// Package tui is parlens's terminal dashboard: one Bubble Tea model (Model)
// whose views are plain structs rendering into a w×h box. Everything shown
// comes from package analysis; the dashboard formats, never recomputes.
//
// Rules kept throughout: no I/O in Update (loading and file writes run in
// tea.Cmds); layout is recomputed only on resize; widths are measured with
// lipgloss/ansi only and text is truncated before it is styled; every string
// from the data passes through data.Printable before it is drawn; every
// frame is exactly the terminal's width and height.
package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/chart"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// Minimum terminal size; below it the dashboard shows a notice.
const (
	MinWidth  = 80
	MinHeight = 24
)

const (
	headerLines = 3
	footerLines = 2
)

// Options configure the dashboard.
type Options struct {
	// Load reads the data; it runs in a tea.Cmd after the program starts.
	Load func() (*data.Result, error)
	// Result is data already loaded (tests, benchmarks); Load is then unused.
	Result *data.Result
	// Analysis may accompany Result to skip building it again.
	Analysis *analysis.Analysis
	// Bytes is the input's size, for the progress estimate while loading.
	Bytes int64
	// Theme is "dark", "light" or "" (ask the terminal, dark until it answers).
	Theme styles.Theme
	// NoColor gives plain output (NO_COLOR).
	NoColor bool
	// Sources name the inputs, for the briefing.
	Sources []string
	// Dir is where the briefing is written by default ("" = working directory).
	Dir string
	// Brief generates the briefing; nil disables the Briefing view's text.
	Brief BriefFunc
}

// BriefFunc generates a briefing (see package analysis/brief).
type BriefFunc func(a *analysis.Analysis, o BriefOptions) (markdown, plain string, err error)

// BriefOptions mirror brief.Options.
type BriefOptions struct {
	Index      string
	Year       int
	Blocs      []string
	Lang       string
	Sources    []string
	Highlights []analysis.Mover
}

type loadState int

const (
	stateLoading loadState = iota
	stateFailed
	stateReady
)

type inputMode int

const (
	inputNone inputMode = iota
	inputFilter
	inputPath
)

// Model is the dashboard: the sole Bubble Tea model.
type Model struct {
	opt  Options
	st   *styles.Styles
	keys KeyMap
	help help.Model

	w, h   int
	bodyH  int
	themeQ bool // theme follows the terminal's background

	state     loadState
	loadStart time.Time
	loadFrac  float64
	loadErr   string
	issues    []data.Issue
	errScroll int

	res *data.Result
	ds  *data.Dataset
	a   *analysis.Analysis

	indices  []string
	index    string
	years    []int
	year     int
	blocs    []string
	bloc     string
	version  int // bumps when index, year or bloc change
	showHelp bool

	stack []view
	ov    *overviewView
	rk    *rankingView
	mv    *moversView
	cp    *componentsView
	tr    *transitionsView
	br    *briefingView

	marks []analysis.Mover

	mode  inputMode
	input lineInput

	msg    string // transient status message
	msgErr bool

	// Panic holds a panic recovered in Update (the program quits with it)
	// or while loading (the failure panel shows it until the user quits).
	Panic error
}

// New builds the dashboard model.
func New(opt Options) *Model {
	m := &Model{opt: opt, keys: DefaultKeyMap(), help: help.New()}
	m.themeQ = opt.Theme == "" && !opt.NoColor
	theme := opt.Theme
	if theme == "" {
		theme = styles.Dark
	}
	m.setStyles(styles.New(theme, opt.NoColor))
	m.loadStart = time.Now()
	if opt.Result != nil {
		m.setResult(opt.Result, opt.Analysis)
	}
	return m
}

func (m *Model) setStyles(st *styles.Styles) {
	m.st = st
	hs := help.DefaultStyles(st.Theme != styles.Light)
	hs.ShortKey, hs.FullKey = st.HelpKey, st.HelpKey
	hs.ShortDesc, hs.FullDesc = st.HelpDesc, st.HelpDesc
	hs.ShortSeparator, hs.FullSeparator, hs.Ellipsis = st.Muted, st.Muted, st.Muted
	m.help.Styles = hs
	for _, v := range m.allViews() {
		v.Restyle()
	}
}

// loadedMsg carries the result of the load Cmd.
type loadedMsg struct {
	res   *data.Result
	a     *analysis.Analysis
	err   error
	panic error // a panic while loading, with its stack: a bug to report
}

type tickMsg time.Time

// briefWrittenMsg reports the briefing file write.
type briefWrittenMsg struct {
	path string
	err  error
}

// Init starts loading and asks the terminal for its background colour.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.themeQ {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.state == stateLoading && m.opt.Load != nil {
		load := m.opt.Load
		cmds = append(cmds, func() (msg tea.Msg) {
			defer func() {
				if r := recover(); r != nil {
					msg = loadedMsg{err: fmt.Errorf("internal error while loading: %v", r),
						panic: fmt.Errorf("while loading: %v\n%s", r, debug.Stack())}
				}
			}()
			res, err := load()
			if err != nil {
				return loadedMsg{err: err}
			}
			lm := loadedMsg{res: res}
			if res != nil && res.Err() == nil && res.Dataset != nil {
				lm.a = analysis.New(res.Dataset)
			}
			return lm
		}, tick())
	}
	return tea.Batch(cmds...)
}

func tick() tea.Cmd {
	return tea.Tick(80*time.Millisecond, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// setResult installs loaded data (or its errors).
func (m *Model) setResult(res *data.Result, a *analysis.Analysis) {
	m.res = res
	if res == nil || res.Dataset == nil {
		m.state = stateFailed
		m.loadErr = "no data"
		return
	}
	if res.Err() != nil {
		m.state = stateFailed
		m.issues = res.Issues
		m.ds = res.Dataset
		return
	}
	m.ds = res.Dataset
	if a == nil {
		a = analysis.New(res.Dataset)
	}
	m.a = a
	m.indices = a.Indices()
	if len(m.indices) == 0 {
		m.state = stateFailed
		m.loadErr = "the data has no records"
		return
	}
	m.state = stateReady
	m.ov = newOverview(m)
	m.rk = newRanking(m)
	m.mv = newMovers(m)
	m.cp = newComponents(m)
	m.tr = newTransitions(m)
	m.br = newBriefing(m)
	m.stack = []view{m.ov}
	m.setIndex(m.indices[0])
	m.layout()
}

func (m *Model) setIndex(ix string) {
	m.index = ix
	m.years = m.a.Years(ix)
	m.blocs = m.a.Blocs(ix)
	if len(m.years) > 0 && !slices.Contains(m.years, m.year) {
		m.year = m.years[len(m.years)-1]
	}
	if !slices.Contains(m.blocs, m.bloc) {
		m.bloc = ""
		// first bloc with data in the year
		in := m.a.BlocsIn(ix, m.year)
		if len(in) > 0 {
			m.bloc = in[0]
		} else if len(m.blocs) > 0 {
			m.bloc = m.blocs[0]
		}
	}
	m.changed()
}

func (m *Model) changed() {
	m.version++
	if v := m.top(); v != nil {
		v.Sync()
	}
}

func (m *Model) allViews() []view {
	var out []view
	for _, v := range []view{m.ov, m.rk, m.mv, m.cp, m.tr, m.br} {
		if v != nil && !isNilView(v) {
			out = append(out, v)
		}
	}
	for _, v := range m.stack {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func isNilView(v view) bool {
	switch x := v.(type) {
	case *overviewView:
		return x == nil
	case *rankingView:
		return x == nil
	case *moversView:
		return x == nil
	case *componentsView:
		return x == nil
	case *transitionsView:
		return x == nil
	case *briefingView:
		return x == nil
	}
	return false
}

func (m *Model) top() view {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

// layout recomputes sizes; called on resize (and once data arrives).
func (m *Model) layout() {
	m.bodyH = max(0, m.h-headerLines-footerLines)
	m.help.SetWidth(m.w)
	if m.state != stateReady || m.tooSmall() {
		return
	}
	for _, v := range m.allViews() {
		v.SetSize(m.w, m.bodyH)
	}
}

func (m *Model) tooSmall() bool { return m.w < MinWidth || m.h < MinHeight }

// Update handles a message. A panic here is recovered: the model records it
// and quits, so the terminal is restored before the error is printed.
func (m *Model) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.Panic = fmt.Errorf("%v\n%s", r, debug.Stack())
			cmd = tea.Quit
		}
	}()
	cmd = m.update(msg)
	if v := m.top(); v != nil && m.state == stateReady {
		v.Sync()
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.layout()
		return nil
	case tea.BackgroundColorMsg:
		if m.themeQ {
			t := styles.Dark
			if !msg.IsDark() {
				t = styles.Light
			}
			if t != m.st.Theme {
				m.setStyles(styles.New(t, false))
			}
		}
		return nil
	case loadedMsg:
		if msg.panic != nil {
			// the failure panel shows it; parlens prints the stack on exit
			m.Panic = msg.panic
		}
		if msg.err != nil {
			m.state = stateFailed
			m.loadErr = msg.err.Error()
			return nil
		}
		m.setResult(msg.res, msg.a)
		return nil
	case tickMsg:
		if m.state != stateLoading {
			return nil
		}
		m.loadFrac = m.estimate(time.Time(msg))
		return tick()
	case briefWrittenMsg:
		if msg.err != nil {
			m.flash("Không ghi được: "+msg.err.Error(), true)
		} else {
			m.flash("Đã ghi báo cáo: "+msg.path, false)
		}
		return nil
	case tea.PasteMsg:
		if m.mode != inputNone {
			m.input.insert(msg.Content)
			m.inputChanged()
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseClickMsg:
		return m.click(msg.Mouse())
	case tea.MouseWheelMsg:
		mm := msg.Mouse()
		if m.state == stateReady && !m.tooSmall() && !m.showHelp {
			switch mm.Button {
			case tea.MouseWheelUp:
				m.top().Wheel(-3)
			case tea.MouseWheelDown:
				m.top().Wheel(3)
			}
		}
		return nil
	}
	return nil
}

// estimate guesses load progress from the input size and the time spent,
// assuming about 80 MB/s (load and analysis of a wide file on 2 cores, see
// BENCHMARKS.md); it never reaches 1 before the load ends.
func (m *Model) estimate(now time.Time) float64 {
	el := now.Sub(m.loadStart).Seconds()
	expect := float64(m.opt.Bytes)/80e6 + 0.2
	f := el / expect
	if f > 0.95 {
		f = 0.95
	}
	return f
}

func (m *Model) flash(s string, isErr bool) {
	m.msg = data.Printable(s)
	m.msgErr = isErr
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	g := &m.keys.Global
	if key.Matches(msg, g.Quit) {
		return tea.Quit
	}
	if m.state != stateReady {
		if key.Matches(msg, g.Back) {
			return tea.Quit
		}
		if m.state == stateFailed {
			switch msg.String() {
			case "j", "down":
				m.errScroll++
			case "k", "up":
				m.errScroll = max(0, m.errScroll-1)
			}
		}
		return nil
	}
	if m.mode != inputNone {
		return m.inputKey(msg)
	}
	m.msg = ""
	if m.showHelp {
		if key.Matches(msg, g.Help) || key.Matches(msg, g.Back) {
			m.showHelp = false
		}
		return nil
	}
	if m.tooSmall() {
		if msg.String() == "q" {
			return tea.Quit
		}
		return nil
	}
	switch {
	case key.Matches(msg, g.Help):
		m.showHelp = true
		return nil
	case key.Matches(msg, g.NextBloc):
		m.stepBloc(1)
		return nil
	case key.Matches(msg, g.PrevBloc):
		m.stepBloc(-1)
		return nil
	case key.Matches(msg, g.NextYear):
		m.stepYear(1)
		return nil
	case key.Matches(msg, g.PrevYear):
		m.stepYear(-1)
		return nil
	case key.Matches(msg, g.NextIndex):
		if len(m.indices) > 1 {
			i := slices.Index(m.indices, m.index)
			m.setIndex(m.indices[(i+1)%len(m.indices)])
			m.flash("Chỉ số: "+m.index, false)
		}
		return nil
	case key.Matches(msg, g.Theme):
		t := styles.Light
		if m.st.Theme == styles.Light {
			t = styles.Dark
		}
		if !m.opt.NoColor {
			m.themeQ = false
			m.setStyles(styles.New(t, false))
		}
		return nil
	}
	for i, b := range g.Views {
		if key.Matches(msg, b) {
			return m.switchView(i)
		}
	}
	handled, cmd := m.top().HandleKey(msg)
	if handled {
		return cmd
	}
	if key.Matches(msg, g.Back) {
		if len(m.stack) > 1 {
			m.pop()
			return nil
		}
		if msg.String() == "q" {
			return tea.Quit
		}
	}
	return nil
}

// switchView makes view i (0-based) current: the overview is the root and
// every other view sits on it, so q goes back to the overview first.
func (m *Model) switchView(i int) tea.Cmd {
	switch i {
	case 0:
		m.stack = []view{m.ov}
	case 1:
		m.stack = []view{m.ov, m.rk}
	case 2:
		id := m.rk.SelectedUnit()
		if t := m.top(); t != nil {
			if u, ok := t.(*unitView); ok {
				id = u.unitID
			}
		}
		if id == "" {
			return nil
		}
		m.stack = []view{m.ov, m.rk, newUnitView(m, id)}
	case 3:
		m.stack = []view{m.ov, m.mv}
	case 4:
		m.stack = []view{m.ov, m.cp}
	case 5:
		m.stack = []view{m.ov, m.tr}
	case 6:
		m.stack = []view{m.ov, m.br}
	}
	m.top().SetSize(m.w, m.bodyH)
	m.top().Sync()
	return nil
}

func (m *Model) push(v view) {
	v.SetSize(m.w, m.bodyH)
	m.stack = append(m.stack, v)
	v.Sync()
}

func (m *Model) pop() {
	if len(m.stack) > 1 {
		m.stack = m.stack[:len(m.stack)-1]
		m.top().Sync()
	}
}

// openUnit drills into a unit.
func (m *Model) openUnit(id string) {
	if id == "" {
		return
	}
	m.push(newUnitView(m, id))
}

func (m *Model) stepBloc(d int) {
	if len(m.blocs) == 0 {
		return
	}
	i := slices.Index(m.blocs, m.bloc)
	i = (i + d + len(m.blocs)) % len(m.blocs)
	m.bloc = m.blocs[i]
	m.changed()
}

func (m *Model) setBloc(b string) {
	if b != m.bloc && slices.Contains(m.blocs, b) {
		m.bloc = b
		m.changed()
	}
}

func (m *Model) stepYear(d int) {
	i := slices.Index(m.years, m.year) + d
	if i < 0 || i >= len(m.years) {
		return
	}
	m.setYear(m.years[i])
}

func (m *Model) setYear(y int) {
	if y == m.year {
		return
	}
	m.year = y
	if in := m.a.BlocsIn(m.index, y); len(in) > 0 && !slices.Contains(in, m.bloc) {
		m.bloc = in[0]
	}
	m.changed()
}

// --- prompts -------------------------------------------------------------

func (m *Model) openInput(mode inputMode, prompt, value string) tea.Cmd {
	m.mode = mode
	m.input.prompt = prompt
	m.input.set(value)
	return nil
}

func (m *Model) inputKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Input.Accept):
		mode, val := m.mode, m.input.String()
		m.closeInput()
		switch mode {
		case inputFilter:
			m.filterTarget().SetFilter(val)
		case inputPath:
			return m.br.write(val)
		}
		return nil
	case key.Matches(msg, m.keys.Input.Cancel):
		mode := m.mode
		m.closeInput()
		if mode == inputFilter {
			m.filterTarget().SetFilter("")
		}
		return nil
	}
	if m.input.key(msg) {
		m.inputChanged()
	}
	return nil
}

func (m *Model) inputChanged() {
	if m.mode == inputFilter {
		m.filterTarget().SetFilter(m.input.String())
	}
}

func (m *Model) closeInput() {
	m.mode = inputNone
}

// filterable is a view with a filter.
type filterable interface {
	SetFilter(string)
}

func (m *Model) filterTarget() filterable {
	if f, ok := m.top().(filterable); ok {
		return f
	}
	return m.rk
}

// --- mouse ---------------------------------------------------------------

func (m *Model) click(mm tea.Mouse) tea.Cmd {
	if m.state != stateReady || m.tooSmall() || m.showHelp || mm.Button != tea.MouseLeft {
		return nil
	}
	switch {
	case mm.Y == 1:
		for _, z := range m.viewTabs().zones {
			if mm.X >= z.x0 && mm.X < z.x1 {
				return m.switchView(z.i)
			}
		}
	case mm.Y == 2:
		for _, z := range m.blocTabs().zones {
			if mm.X >= z.x0 && mm.X < z.x1 {
				m.setBloc(m.blocs[z.i])
				return nil
			}
		}
	case mm.Y >= headerLines && mm.Y < headerLines+m.bodyH:
		return m.top().Click(mm.X, mm.Y-headerLines)
	}
	return nil
}

// --- rendering -----------------------------------------------------------

// View renders the frame: exactly w×h cells.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "parlens"
	return v
}

func (m *Model) render() string {
	w, h := m.w, m.h
	if w <= 0 || h <= 0 {
		return text.Lines(nil, w, h)
	}
	if m.tooSmall() {
		return m.renderTooSmall()
	}
	switch m.state {
	case stateLoading:
		return m.renderLoading()
	case stateFailed:
		return m.renderFailed()
	}
	var b strings.Builder
	b.WriteString(m.renderHeader())
	b.WriteByte('\n')
	if m.showHelp {
		b.WriteString(m.renderHelp(w, m.bodyH))
	} else {
		b.WriteString(m.top().Render(w, m.bodyH))
	}
	b.WriteByte('\n')
	b.WriteString(m.renderFooter())
	return b.String()
}

func (m *Model) renderTooSmall() string {
	msg := []string{
		"Cửa sổ quá nhỏ",
		fmt.Sprintf("%d×%d — cần ít nhất %d×%d", m.w, m.h, MinWidth, MinHeight),
		"Hãy phóng to cửa sổ · q: thoát",
	}
	var lines []string
	for _, l := range msg {
		lines = append(lines, text.Wrap(l, m.w)...)
	}
	top := max(0, (m.h-len(lines))/2)
	out := make([]string, 0, m.h)
	for i := 0; i < top; i++ {
		out = append(out, "")
	}
	for i, l := range lines {
		c := text.Center(l, m.w)
		if i == 0 {
			c = m.st.Warn.Render(c)
		}
		out = append(out, c)
	}
	return text.Lines(out, m.w, m.h)
}

func (m *Model) renderLoading() string {
	el := time.Since(m.loadStart).Round(100 * time.Millisecond)
	lines := []string{
		m.st.Section.Render("parlens"),
		"",
		"Đang đọc dữ liệu… " + m.st.Muted.Render(fmt.Sprintf("(%s, %s)", sizeText(m.opt.Bytes), el)),
		"",
		m.progressBar(),
		"",
		m.st.Muted.Render("ctrl+c: thoát"),
	}
	top := max(0, (m.h-len(lines))/2)
	out := make([]string, top)
	for _, l := range lines {
		out = append(out, text.Spaces(max(0, (m.w-m.barWidth()-2)/2))+l)
	}
	return text.Lines(out, m.w, m.h)
}

func (m *Model) barWidth() int { return min(50, max(10, m.w-30)) }

// progressBar draws the load progress (an estimate: see estimate).
func (m *Model) progressBar() string {
	bw := m.barWidth()
	return "▕" + m.st.Accent.Render(chart.Bar(m.loadFrac, 1, bw)) + "▏"
}

func sizeText(n int64) string {
	switch {
	case n <= 0:
		return "mẫu nhúng"
	case n < 1<<20:
		return vi.Int(int((n+1023)/1024)) + " KB"
	}
	return vi.Fixed(float64(n)/(1<<20), 1) + " MB"
}

func (m *Model) renderFailed() string {
	var lines []string
	title := "Không mở được dữ liệu"
	lines = append(lines, m.st.Error.Render(" "+title), "")
	if m.loadErr != "" {
		for _, l := range text.Wrap(data.Printable(m.loadErr), m.w-2) {
			lines = append(lines, " "+l)
		}
	}
	errs, warns := 0, 0
	for _, i := range m.issues {
		if i.Severity == data.Error {
			errs++
		} else {
			warns++
		}
	}
	if len(m.issues) > 0 {
		lines = append(lines, fmt.Sprintf(" %d lỗi, %d cảnh báo (như `parlens check`):", errs, warns), "")
	}
	var body []string
	for _, i := range m.issues {
		st := m.st.Warn
		if i.Severity == data.Error {
			st = m.st.Error
		}
		for k, l := range text.Wrap(data.Printable(i.String()), m.w-4) {
			if k == 0 {
				body = append(body, "   "+st.Render(l))
			} else {
				body = append(body, "     "+l)
			}
		}
	}
	avail := m.h - len(lines) - 2
	if m.errScroll > max(0, len(body)-avail) {
		m.errScroll = max(0, len(body)-avail)
	}
	if avail > 0 && len(body) > 0 {
		end := min(len(body), m.errScroll+avail)
		lines = append(lines, body[m.errScroll:end]...)
	}
	out := text.Lines(lines, m.w, m.h-1)
	foot := m.st.Status.Render(text.Left(" j/k: cuộn · q: thoát · sửa tệp rồi mở lại (parlens check PATH để xem chi tiết)", m.w))
	return out + "\n" + foot
}

type zone struct{ x0, x1, i int }

type tabs struct {
	line  string
	zones []zone
}

func (m *Model) viewTabs() tabs {
	cur := m.top().Kind()
	long := 1
	for i, n := range viewNames {
		long += text.Width(fmt.Sprintf(" %d %s ", i+1, n)) + 1
	}
	full := long <= m.w
	var b strings.Builder
	var zs []zone
	x := 1
	b.WriteByte(' ')
	for i, n := range viewNames {
		label := fmt.Sprintf(" %d %s ", i+1, n)
		if !full && viewKind(i) != cur {
			label = fmt.Sprintf(" %d ", i+1)
		}
		wd := text.Width(label)
		if viewKind(i) == cur {
			b.WriteString(m.st.TabActive.Render(label))
		} else {
			b.WriteString(m.st.Tab.Render(label))
		}
		zs = append(zs, zone{x, x + wd, i})
		b.WriteByte(' ')
		x += wd + 1
	}
	// the view stack, when deeper than one view
	if len(m.stack) > 2 {
		var crumbs []string
		for _, v := range m.stack[1:] {
			crumbs = append(crumbs, v.Title())
		}
		b.WriteString(m.st.Muted.Render(" " + text.Truncate(strings.Join(crumbs, " › "), max(0, m.w-x-2))))
	}
	return tabs{line: b.String(), zones: zs}
}

func (m *Model) blocTabs() tabs {
	var b strings.Builder
	var zs []zone
	label := " Khối: "
	b.WriteString(m.st.Muted.Render(label))
	x := text.Width(label)
	in := m.a.BlocsIn(m.index, m.year)
	n := max(1, len(m.blocs))
	avail := m.w - x - n
	per := max(6, avail/n)
	for i, bl := range m.blocs {
		name := " " + data.Printable(bl) + " "
		if text.Width(name) > per {
			name = " " + text.Truncate(data.Printable(bl), per-2) + " "
		}
		wd := text.Width(name)
		if x+wd > m.w {
			break
		}
		switch {
		case bl == m.bloc:
			b.WriteString(m.st.TabActive.Render(name))
		case !slices.Contains(in, bl):
			b.WriteString(m.st.TabEmpty.Render(name))
		default:
			b.WriteString(m.st.Tab.Render(name))
		}
		zs = append(zs, zone{x, x + wd, i})
		b.WriteByte(' ')
		x += wd + 1
	}
	return tabs{line: b.String(), zones: zs}
}

func (m *Model) renderHeader() string {
	w := m.w
	yearSpan := ""
	if len(m.years) > 1 {
		yearSpan = fmt.Sprintf(" (%d–%d)", m.years[0], m.years[len(m.years)-1])
	}
	left := " parlens │ "
	label := data.Printable(m.ds.Label)
	if label == "" {
		label = datasetName(m.ds)
	}
	right := fmt.Sprintf(" %s │ Năm %d%s ", data.Printable(m.index), m.year, yearSpan)
	room := w - text.Width(left) - text.Width(right)
	if room < 8 {
		right = text.Truncate(right, max(0, w-text.Width(left)-8))
		room = w - text.Width(left) - text.Width(right)
	}
	label = text.Left(label, max(0, room))
	line0 := m.st.Title.Render(text.Left(left+label+right, w))
	return text.Left(line0, w) + "\n" + text.Left(m.viewTabs().line, w) + "\n" + text.Left(m.blocTabs().line, w)
}

// datasetName names an unlabelled dataset by its first file.
func datasetName(ds *data.Dataset) string {
	for _, f := range ds.Files {
		if f.Kind == "wide" || f.Kind == "long" {
			n := filepath.Base(f.Name)
			if len(ds.Files) > 1 {
				n += fmt.Sprintf(" (+%d tệp)", len(ds.Files)-1)
			}
			return data.Printable(n)
		}
	}
	return "dữ liệu"
}

func (m *Model) renderFooter() string {
	w := m.w
	status := " " + m.top().Title()
	if s := m.top().Status(); s != "" {
		status += " · " + s
	}
	if len(m.marks) > 0 {
		status += fmt.Sprintf(" · ●%d", len(m.marks))
	}
	right := ""
	if m.msg != "" {
		right = " " + m.msg + " "
	}
	// the message wins over the status, down to a third of the line
	if text.Width(right) > w-w/3 {
		right = text.Truncate(right, w-w/3)
	}
	lw := w - text.Width(right)
	line := text.Left(status, lw)
	var line1 string
	if m.msgErr && right != "" {
		line1 = m.st.Status.Render(line) + m.st.Error.Render(right)
	} else {
		line1 = m.st.Status.Render(line + right)
	}
	var line2 string
	if m.mode != inputNone {
		hint := m.st.Muted.Render("  enter: xong · esc: hủy")
		room := max(0, w-text.Width(hint)-1)
		line2 = " " + text.Left(m.input.view(room, func(s string) string { return m.st.Selected.Render(s) }), room) + hint
	} else {
		line2 = " " + m.help.ShortHelpView(m.shortHelp())
	}
	return text.Left(line1, w) + "\n" + text.Left(line2, w)
}

func (m *Model) shortHelp() []key.Binding {
	g := m.keys.Global
	out := m.top().ShortHelp()
	out = append(out, g.NextBloc, g.PrevYear, g.NextYear, g.Help)
	if len(m.stack) > 1 {
		out = append(out, g.Back)
	} else {
		out = append(out, key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "thoát")))
	}
	return out
}

// FullHelp groups every binding of the current context, for ?.
func (m *Model) FullHelp() [][]key.Binding {
	g := m.keys.Global
	n := m.keys.Nav
	groups := [][]key.Binding{
		{n.Up, n.Down, n.PageUp, n.PageDown, n.Top, n.Bottom, n.Left, n.Right, n.Enter},
		{g.Views[0], g.Views[1], g.Views[2], g.Views[3], g.Views[4], g.Views[5], g.Views[6]},
		{g.NextBloc, g.PrevBloc, g.PrevYear, g.NextYear, g.NextIndex, g.Theme, g.Help, g.Back, g.Quit},
	}
	if extra := m.top().FullHelp(); len(extra) > 0 {
		groups = append(groups, extra)
	}
	return groups
}

// ShortHelp is the footer's help for the current context.
func (m *Model) ShortHelp() []key.Binding { return m.shortHelp() }

func (m *Model) renderHelp(w, h int) string {
	lines := []string{m.st.Section.Render(" Phím tắt — " + m.top().Title()), ""}
	hm := m.help
	hm.SetWidth(w - 2)
	for _, l := range strings.Split(hm.FullHelpView(m.FullHelp()), "\n") {
		lines = append(lines, " "+l)
	}
	lines = append(lines, "", m.st.Muted.Render(" Chuột: lăn để cuộn, bấm vào thẻ hoặc dòng để chọn. ? hoặc esc: đóng."))
	return text.Lines(lines, w, h)
}

// Dir returns the directory the briefing is written to by default.
func (m *Model) dir() string {
	if m.opt.Dir != "" {
		return m.opt.Dir
	}
	d, err := os.Getwd()
	if err != nil {
		return "."
	}
	return d
}

// Failed reports whether the data could not be opened, with the problems.
func (m *Model) Failed() ([]data.Issue, bool) {
	return m.issues, m.state == stateFailed
}

// LoadError is the error that stopped the load, if it was not in the data.
func (m *Model) LoadError() string { return m.loadErr }
