// Package tui is parlens's terminal dashboard: one Bubble Tea model (Model)
// whose views are plain structs rendering into a w×h box. Everything shown
// comes from package analysis; the dashboard formats, never recomputes.
//
// Rules kept throughout: no I/O in Update (loading and file writes run in
// tea.Cmds); no work slower than a frame in Update either (on a large
// dataset the views await their data from tea.Cmds, with a spinner, and
// stay cancellable: async.go); layout is recomputed only on resize; widths are measured with
// lipgloss/ansi only and text is truncated before it is styled; every string
// from the data passes through data.Printable before it is drawn; every
// frame is exactly the terminal's width and height.
//
// The numbered tabs are declared in one table (tabs.go); a view sees the
// dashboard only through a viewCtx (context.go): the data, the selection,
// styles, keys and navigation, never the root model. The table views share
// one gridPane (pane.go) for their keys, clicks, sort, filter and status.
package tui

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parlens/parlens/analysis/words"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
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
	// Lang is the language of every word on screen (analysis/words);
	// "" is Vietnamese. Numbers keep the Vietnamese decimal comma for now.
	Lang words.Lang
	// Brief generates the briefing; nil means package analysis/brief.
	Brief BriefFunc
	// Choice is the index, year and bloc to open on (the defaults when
	// zero); one the data lacks stops the dashboard with what there is.
	Choice Choice
	// FirstFrame, when set, is called once, in a tea.Cmd, when the
	// dashboard first has its frame of data to draw (the view waits for
	// nothing) or the load has failed: what the program held back for that
	// frame (package main holds back the garbage collector) it lets go then.
	FirstFrame func()
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

// Model is the dashboard: the sole Bubble Tea model.
type Model struct {
	opt  Options
	c    *viewCtx // what the views see; the selection lives there
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

	showHelp bool

	tabs  []view // one per tabSpecs entry, made when the data arrives
	stack []view // tabs[0] at the bottom; the current view on top

	spin     spinner.Model // turns while the current view waits for its data (async.go)
	spinning bool          // a spinner tick is on its way
	framed   bool          // Options.FirstFrame was called

	copying     *gridCopy // a large table read for y or w, a slice per message (export_async.go)
	copyN       int       // numbers the copies
	exportChunk int       // rows a copy reads per message

	ask   *prompt // the open prompt, if any
	input lineInput

	msg    string // transient status message
	msgErr bool

	// Panic holds a panic recovered in Init, Update, View or a command (the
	// program quits with it) or while loading (the failure panel shows it
	// until the user quits). See guard.go.
	Panic error

	mu       sync.Mutex // View may run beside Update
	crashed  error      // the panic that ends the program
	stop     func()     // quits the program (NewProgram)
	quitting bool       // the last Update asked to quit
}

// New builds the dashboard model.
func New(opt Options) *Model {
	if opt.Brief == nil {
		opt.Brief = generateBrief
	}
	if opt.Lang == "" {
		opt.Lang = words.VI
	}
	m := &Model{opt: opt, keys: KeyMapIn(opt.Lang), help: help.New(), spin: spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		exportChunk: exportChunk}
	m.c = &viewCtx{keys: &m.keys, marks: &markSet{}, brief: opt.Brief, sources: opt.Sources, outDir: opt.Dir, lang: opt.Lang, navigator: m}
	m.themeQ = opt.Theme == "" && !opt.NoColor
	theme := opt.Theme
	if theme == "" {
		theme = styles.Dark
	}
	m.setStyles(styles.New(theme, opt.NoColor))
	m.loadStart = time.Now()
	if opt.Result != nil {
		m.setResult(opt.Result, opt.Analysis, nil)
	}
	return m
}

func (m *Model) setStyles(st *styles.Styles) {
	m.c.st = st
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
	res      *data.Result
	a        *analysis.Analysis
	warnings []analysis.Caveat // placed in the Cmd too (slow on a large dataset); nil: not yet
	err      error
	panic    error // a panic while loading, with its stack: a bug to report
}

type tickMsg time.Time

// briefWrittenMsg reports the briefing file write.
type briefWrittenMsg struct {
	path string
	err  error
}

// Init starts loading and asks the terminal for its background colour.
func (m *Model) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.recovered("in Init", r)
			cmd = tea.Quit
		}
	}()
	return guardCmd(m.init())
}

func (m *Model) init() tea.Cmd {
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
				// never nil once placed, even when there are none
				lm.warnings = append([]analysis.Caveat{}, placeWarnings(lm.a)...)
			}
			return lm
		}, tick())
	}
	return tea.Batch(cmds...)
}

func tick() tea.Cmd {
	return tea.Tick(80*time.Millisecond, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// setResult installs loaded data (or its errors), with its analysis and its
// placed warnings when the load computed them (nil: computed here).
func (m *Model) setResult(res *data.Result, a *analysis.Analysis, warnings []analysis.Caveat) {
	m.res = res
	if res == nil || res.Dataset == nil {
		m.state = stateFailed
		m.loadErr = m.c.say(words.NothingLoaded)
		return
	}
	if res.Err() != nil {
		m.state = stateFailed
		m.issues = res.Issues
		m.c.ds = res.Dataset
		return
	}
	m.c.ds = res.Dataset
	m.c.jobs = newJobRunner(len(res.Dataset.Records) < asyncFromRecords)
	if a == nil {
		a = analysis.New(res.Dataset)
	}
	m.c.a = a
	if warnings == nil {
		warnings = placeWarnings(a)
	}
	m.c.warnings = warnings
	m.c.indices = a.Indices()
	if len(m.c.indices) == 0 {
		m.state = stateFailed
		m.loadErr = m.c.say(words.NoRecords)
		return
	}
	index, year, bloc, err := m.opt.Choice.resolve(a, m.c.lang)
	if err != nil {
		m.state = stateFailed
		m.loadErr = err.Error()
		return
	}
	m.state = stateReady
	m.tabs = make([]view, len(tabSpecs))
	for i, t := range tabSpecs {
		m.tabs[i] = t.make(m.c)
	}
	m.stack = []view{m.tabs[0]}
	m.c.year, m.c.bloc = year, bloc
	m.setIndex(index)
	m.layout()
}

func (m *Model) setIndex(ix string) {
	m.c.index = ix
	m.c.years = m.c.a.Years(ix)
	m.c.blocs = m.c.a.Blocs(ix)
	if len(m.c.years) > 0 && !slices.Contains(m.c.years, m.c.year) {
		m.c.year = m.c.years[len(m.c.years)-1]
	}
	if !slices.Contains(m.c.blocs, m.c.bloc) {
		m.c.bloc = ""
		// first bloc with data in the year
		in := m.c.a.BlocsIn(ix, m.c.year)
		if len(in) > 0 {
			m.c.bloc = in[0]
		} else if len(m.c.blocs) > 0 {
			m.c.bloc = m.c.blocs[0]
		}
	}
	m.changed()
}

func (m *Model) changed() {
	m.c.version++
	if v := m.top(); v != nil {
		m.sync(v)
	}
}

// sync brings view v up to the selection: at once when what it reads is at
// hand, else once the analysis has it (warm; the view waits meanwhile).
func (m *Model) sync(v view) {
	if m.warm(v) {
		v.Sync()
	}
}

// syncTop syncs the current view after an Update and settles the work off
// the update loop: what the view asked for starts, what nobody asks for any
// more is cancelled, and the spinner turns while the view waits.
func (m *Model) syncTop() tea.Cmd {
	r := m.c.jobs
	v := m.top()
	if v == nil || m.state != stateReady || r == nil {
		return nil
	}
	r.beginSync()
	m.sync(v)
	cmd := r.endSync()
	if r.waiting != nil && !m.spinning {
		m.spinning = true
		cmd = tea.Batch(cmd, m.spin.Tick)
	}
	return cmd
}

// busy reports whether the current view waits for work off the update loop.
func (m *Model) busy() bool { return m.c.jobs != nil && m.c.jobs.waiting != nil }

// allViews is every tab's view and whatever else is open.
func (m *Model) allViews() []view {
	out := slices.Clone(m.tabs)
	for _, v := range m.stack {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// activeTab is the tab the current view belongs to: the nearest tab view
// down the stack (a unit list opened from the transitions is under their tab).
func (m *Model) activeTab() int {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if t := slices.Index(m.tabs, m.stack[i]); t >= 0 {
			return t
		}
	}
	return 0
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

// Update handles a message. A panic here or in a command is recovered: the
// model records it and quits, so the terminal is restored before the error
// is printed.
func (m *Model) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	model = m // also after a panic: Bubble Tea draws what Update returns
	if p, ok := msg.(cmdPanicMsg); ok {
		m.crash(p.err)
	}
	if m.failed() {
		return m, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			m.recovered("in Update", r)
			cmd = tea.Quit
		}
	}()
	m.quitting = false
	cmd = m.update(msg)
	if m.quitting {
		if m.c.jobs != nil {
			m.c.jobs.stopAll()
		}
		return m, guardCmd(cmd)
	}
	cmd = tea.Batch(cmd, m.syncTop(), m.firstFrame())
	return m, guardCmd(cmd)
}

// firstFrame calls Options.FirstFrame, once, when the first frame of data
// is ready to draw or the load has failed.
func (m *Model) firstFrame() tea.Cmd {
	if m.framed || m.opt.FirstFrame == nil || m.state == stateLoading || m.state == stateReady && m.busy() {
		return nil
	}
	m.framed = true
	call := m.opt.FirstFrame
	return func() tea.Msg {
		call()
		return nil
	}
}

// quit ends the program (q at the root, ctrl+c).
func (m *Model) quit() tea.Cmd {
	m.quitting = true
	return tea.Quit
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
			if t != m.c.st.Theme {
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
		m.setResult(msg.res, msg.a, msg.warnings)
		return nil
	case gridCopyMsg:
		return m.copyStep(msg)
	case jobDoneMsg:
		if m.c.jobs != nil {
			m.c.jobs.finished(msg)
		}
		return nil
	case spinner.TickMsg:
		if !m.busy() {
			m.spinning = false
			return nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return cmd
	case tickMsg:
		if m.state != stateLoading {
			return nil
		}
		m.loadFrac = m.estimate(time.Time(msg))
		return tick()
	case tableWrittenMsg:
		if msg.err != nil {
			m.flash(m.c.say(words.WriteFailed)+msg.err.Error(), true)
		} else {
			m.flash(m.c.say(words.TableWritten)+msg.path, false)
		}
		return nil
	case briefWrittenMsg:
		if msg.err != nil {
			m.flash(m.c.say(words.WriteFailed)+msg.err.Error(), true)
		} else {
			m.flash(m.c.say(words.BriefWritten)+msg.path, false)
		}
		return nil
	case tea.PasteMsg:
		if m.ask != nil {
			m.input.insert(msg.Content)
			m.inputChanged()
		}
		return nil
	case tea.KeyPressMsg:
		m.stopCopy()
		return m.key(msg)
	case tea.MouseClickMsg:
		m.stopCopy()
		return m.click(msg.Mouse())
	case tea.MouseWheelMsg:
		mm := msg.Mouse()
		if m.state == stateReady && !m.tooSmall() && !m.showHelp && !m.busy() {
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
		return m.quit()
	}
	if m.state != stateReady {
		if key.Matches(msg, g.Back) {
			return m.quit()
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
	if m.ask != nil {
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
			return m.quit()
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
		if len(m.c.indices) > 1 {
			i := slices.Index(m.c.indices, m.c.index)
			m.setIndex(m.c.indices[(i+1)%len(m.c.indices)])
			m.flash(m.c.say(words.IndexNow)+m.c.index, false)
		}
		return nil
	case key.Matches(msg, g.Lang):
		l := words.EN
		if m.c.lang == words.EN {
			l = words.VI
		}
		m.setLang(l)
		return nil
	case key.Matches(msg, g.Find):
		return m.openFind()
	case key.Matches(msg, g.Compare):
		return m.openCompare()
	case key.Matches(msg, g.Theme):
		t := styles.Light
		if m.c.st.Theme == styles.Light {
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
			return m.switchTab(i)
		}
	}
	if m.busy() {
		// the view shows a spinner, not its rows: its own keys would act
		// on what is no longer on screen; back and quit still work
		return m.backKey(msg)
	}
	handled, cmd := m.top().HandleKey(msg)
	if handled {
		return cmd
	}
	if ex, ok := m.top().(tableExporter); ok {
		if handled, cmd := m.exportKey(ex, msg); handled {
			return cmd
		}
	}
	return m.backKey(msg)
}

// backKey goes back a view (q, esc); q at the root quits.
func (m *Model) backKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Global.Back) {
		if len(m.stack) > 1 {
			m.pop()
			return nil
		}
		if msg.String() == "q" {
			return m.quit()
		}
	}
	return nil
}

// switchTab makes tab i current: the first tab is the root and every
// other sits on it, so q goes back to the root first.
func (m *Model) switchTab(i int) tea.Cmd {
	if i < 0 || i >= len(m.tabs) {
		return nil
	}
	t := m.tabs[i]
	path := []view{m.tabs[0]}
	if o, ok := t.(tabOpener); ok {
		under, ok := o.openTab(m.top())
		if !ok {
			return nil
		}
		path = append(path, under...)
	}
	if i > 0 {
		path = append(path, t)
	}
	m.stack = path
	t.SetSize(m.w, m.bodyH)
	m.sync(t)
	return nil
}

func (m *Model) showTab(id string) tea.Cmd { return m.switchTab(tabIndex(id)) }

func (m *Model) tabView(id string) view {
	if i := tabIndex(id); i >= 0 && i < len(m.tabs) {
		return m.tabs[i]
	}
	return nil
}

// tabIndex is the position of a tab in tabSpecs (-1 when there is none).
func tabIndex(id string) int {
	return slices.IndexFunc(tabSpecs, func(t tabSpec) bool { return t.id == id })
}

func (m *Model) push(v view) {
	v.SetSize(m.w, m.bodyH)
	m.stack = append(m.stack, v)
	m.sync(v)
}

func (m *Model) pop() {
	if len(m.stack) > 1 {
		m.stack = m.stack[:len(m.stack)-1]
		m.sync(m.top())
	}
}

// openUnit drills into a unit: the unit tab's view shows it over the
// current view.
func (m *Model) openUnit(id string) {
	if id == "" {
		return
	}
	for _, t := range m.tabs {
		if u, ok := t.(unitShower); ok {
			u.showUnit(id)
			m.push(t)
			return
		}
	}
}

// setLang switches every word on screen, the keys' help and the brief to
// language l; views keep their place, cursor, filter and sort.
func (m *Model) setLang(l words.Lang) {
	m.c.lang = l
	m.keys = KeyMapIn(l)
	for _, v := range m.allViews() {
		v.Restyle()
	}
	m.changed()
}

func (m *Model) stepBloc(d int) {
	if len(m.c.blocs) == 0 {
		return
	}
	i := slices.Index(m.c.blocs, m.c.bloc)
	i = (i + d + len(m.c.blocs)) % len(m.c.blocs)
	m.c.bloc = m.c.blocs[i]
	m.changed()
}

func (m *Model) setBloc(b string) {
	if b != m.c.bloc && slices.Contains(m.c.blocs, b) {
		m.c.bloc = b
		m.changed()
	}
}

func (m *Model) stepYear(d int) {
	i := slices.Index(m.c.years, m.c.year) + d
	if i < 0 || i >= len(m.c.years) {
		return
	}
	m.setYear(m.c.years[i])
}

func (m *Model) setYear(y int) {
	if y == m.c.year {
		return
	}
	m.c.year = y
	if in := m.c.a.BlocsIn(m.c.index, y); len(in) > 0 && !slices.Contains(in, m.c.bloc) {
		m.c.bloc = in[0]
	}
	m.changed()
}

// --- prompts -------------------------------------------------------------

func (m *Model) prompt(p prompt) tea.Cmd {
	m.ask = &p
	m.input.prompt = p.label
	m.input.set(p.value)
	return nil
}

func (m *Model) inputKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.ask
	switch {
	case key.Matches(msg, m.keys.Input.Accept):
		val := m.input.String()
		m.ask = nil
		if p.accept != nil {
			return p.accept(val)
		}
		return nil
	case key.Matches(msg, m.keys.Input.Cancel):
		m.ask = nil
		if p.cancel != nil {
			p.cancel()
		}
		return nil
	}
	if p.nav != nil && p.nav(msg) {
		return nil
	}
	if m.input.key(msg) {
		m.inputChanged()
	}
	return nil
}

func (m *Model) inputChanged() {
	if m.ask != nil && m.ask.live != nil {
		m.ask.live(m.input.String())
	}
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
				return m.switchTab(z.i)
			}
		}
	case mm.Y == 2:
		for _, z := range m.blocTabs().zones {
			if mm.X >= z.x0 && mm.X < z.x1 {
				m.setBloc(m.c.blocs[z.i])
				return nil
			}
		}
	case mm.Y >= headerLines && mm.Y < headerLines+m.bodyH && !m.busy():
		return m.top().Click(mm.X, mm.Y-headerLines)
	}
	return nil
}

// --- rendering -----------------------------------------------------------

// View renders the frame: exactly w×h cells. A panic here is recovered:
// the frame goes blank and the program quits.
func (m *Model) View() (v tea.View) {
	if m.failed() {
		return blankView()
	}
	defer func() {
		if r := recover(); r != nil {
			m.recovered("in View", r)
			v = blankView()
			if m.stop != nil {
				go m.stop()
			}
		}
	}()
	v = tea.NewView(m.render())
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
	switch {
	case m.showHelp:
		b.WriteString(m.renderHelp(w, m.bodyH))
	case m.busy():
		b.WriteString(m.renderBusy(w, m.bodyH))
	default:
		b.WriteString(m.top().Render(w, m.bodyH))
	}
	b.WriteByte('\n')
	b.WriteString(m.renderFooter())
	return b.String()
}

func (m *Model) renderTooSmall() string {
	msg := []string{
		m.c.say(words.TooSmall),
		m.c.sayf(words.TooSmallSize, m.w, m.h, MinWidth, MinHeight),
		m.c.say(words.TooSmallHint),
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
			c = m.c.st.Warn.Render(c)
		}
		out = append(out, c)
	}
	return text.Lines(out, m.w, m.h)
}

func (m *Model) renderLoading() string {
	el := time.Since(m.loadStart).Round(100 * time.Millisecond)
	lines := []string{
		m.c.st.Section.Render("parlens"),
		"",
		m.c.say(words.Loading) + m.c.st.Muted.Render(fmt.Sprintf("(%s, %s)", sizeText(m.opt.Bytes, m.c.lang), el)),
		"",
		m.progressBar(),
		"",
		m.c.st.Muted.Render(m.c.say(words.LoadingQuit)),
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
	return "▕" + m.c.st.Accent.Render(chart.Bar(m.loadFrac, 1, bw)) + "▏"
}

func sizeText(n int64, l words.Lang) string {
	nf := markOf(l)
	switch {
	case n <= 0:
		return words.EmbeddedSample.In(l)
	case n < 1<<20:
		return nf.Int(int((n+1023)/1024)) + " KB"
	}
	return nf.Fixed(float64(n)/(1<<20), 1) + " MB"
}

func (m *Model) renderFailed() string {
	var lines []string
	title := m.c.say(words.OpenFailed)
	lines = append(lines, m.c.st.Error.Render(" "+title), "")
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
		lines = append(lines, m.c.sayf(words.OpenFailedCount, errs, warns), "")
	}
	var body []string
	for _, i := range m.issues {
		st := m.c.st.Warn
		if i.Severity == data.Error {
			st = m.c.st.Error
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
	foot := m.c.st.Status.Render(text.Left(m.c.say(words.OpenFailedHint), m.w))
	return out + "\n" + foot
}

type zone struct{ x0, x1, i int }

type tabs struct {
	line  string
	zones []zone
}

func (m *Model) viewTabs() tabs {
	cur := m.activeTab()
	// the view stack, when deeper than one view
	crumb := ""
	if len(m.stack) > 2 {
		var crumbs []string
		for _, v := range m.stack[1:] {
			crumbs = append(crumbs, v.Title())
		}
		crumb = strings.Join(crumbs, " › ")
	}
	// every tab's title when they fit with the path; else only the
	// current one's
	long := 1
	if crumb != "" {
		long += text.Width(crumb) + 2
	}
	for i, t := range tabSpecs {
		long += text.Width(fmt.Sprintf(" %d %s ", i+1, m.c.say(t.title))) + 1
	}
	full := long <= m.w
	var b strings.Builder
	var zs []zone
	x := 1
	b.WriteByte(' ')
	for i, t := range tabSpecs {
		label := fmt.Sprintf(" %d %s ", i+1, m.c.say(t.title))
		if !full && i != cur {
			label = fmt.Sprintf(" %d ", i+1)
		}
		wd := text.Width(label)
		if i == cur {
			b.WriteString(m.c.st.TabActive.Render(label))
		} else {
			b.WriteString(m.c.st.Tab.Render(label))
		}
		zs = append(zs, zone{x, x + wd, i})
		b.WriteByte(' ')
		x += wd + 1
	}
	if crumb != "" {
		b.WriteString(m.c.st.Muted.Render(" " + text.Truncate(crumb, max(0, m.w-x-2))))
	}
	return tabs{line: b.String(), zones: zs}
}

func (m *Model) blocTabs() tabs {
	var b strings.Builder
	var zs []zone
	label := m.c.say(words.BlocsLabel)
	b.WriteString(m.c.st.Muted.Render(label))
	x := text.Width(label)
	in := m.c.a.BlocsIn(m.c.index, m.c.year)
	n := max(1, len(m.c.blocs))
	avail := m.w - x - n
	per := max(6, avail/n)
	for i, bl := range m.c.blocs {
		name := " " + data.Printable(bl) + " "
		if text.Width(name) > per {
			name = " " + text.Truncate(data.Printable(bl), per-2) + " "
		}
		wd := text.Width(name)
		if x+wd > m.w {
			break
		}
		switch {
		case bl == m.c.bloc:
			b.WriteString(m.c.st.TabActive.Render(name))
		case !slices.Contains(in, bl):
			b.WriteString(m.c.st.TabEmpty.Render(name))
		default:
			b.WriteString(m.c.st.Tab.Render(name))
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
	if len(m.c.years) > 1 {
		yearSpan = fmt.Sprintf(" (%d–%d)", m.c.years[0], m.c.years[len(m.c.years)-1])
	}
	left := " parlens │ "
	label := data.Printable(m.c.ds.Label)
	if label == "" {
		label = datasetName(m.c.ds, m.c.lang)
	}
	right := m.c.sayf(words.HeaderYear, data.Printable(m.c.index), m.c.year, yearSpan)
	room := w - text.Width(left) - text.Width(right)
	if room < 8 {
		right = text.Truncate(right, max(0, w-text.Width(left)-8))
		room = w - text.Width(left) - text.Width(right)
	}
	label = text.Left(label, max(0, room))
	line0 := m.c.st.Title.Render(text.Left(left+label+right, w))
	return text.Left(line0, w) + "\n" + text.Left(m.viewTabs().line, w) + "\n" + text.Left(m.blocTabs().line, w)
}

// datasetName names an unlabelled dataset by its first file.
func datasetName(ds *data.Dataset, l words.Lang) string {
	for _, f := range ds.Files {
		if f.Kind == "wide" || f.Kind == "long" {
			n := filepath.Base(f.Name)
			if len(ds.Files) > 1 {
				n += words.MoreFiles.F(l, len(ds.Files)-1)
			}
			return data.Printable(n)
		}
	}
	return words.DataName.In(l)
}

func (m *Model) renderFooter() string {
	nf := markOf(m.c.lang)
	w := m.w
	status := " " + m.top().Title()
	if m.busy() {
		// the view's status would count what is no longer on screen
		status += " · " + m.c.say(m.c.jobs.waiting.what)
	} else if s := m.top().Status(); s != "" {
		status += " · " + s
	}
	if n := len(m.c.marks.list); n > 0 {
		status += fmt.Sprintf(" · ●%d", n)
	}
	if n := len(m.c.warnings); n > 0 {
		status += m.c.sayf(words.FooterWarnings, nf.Int(n), tabIndex("warnings")+1)
	}
	right := ""
	switch n := len(m.c.indices); {
	case m.msg != "":
		right = " " + m.msg + " "
	case n > 1:
		// another index is loaded: say so at the line's end, where no
		// status pushes it off, and which key shows it
		right = m.c.sayf(words.IndexOf, slices.Index(m.c.indices, m.c.index)+1, n) + " "
	}
	// the message wins over the status, down to a third of the line
	if text.Width(right) > w-w/3 {
		right = text.Truncate(right, w-w/3)
	}
	lw := w - text.Width(right)
	line := text.Left(status, lw)
	var line1 string
	if m.msgErr && right != "" {
		line1 = m.c.st.Status.Render(line) + m.c.st.Error.Render(right)
	} else {
		line1 = m.c.st.Status.Render(line + right)
	}
	var line2 string
	if m.ask != nil {
		hint := m.c.st.Muted.Render(m.c.say(words.PromptHint))
		room := max(0, w-text.Width(hint)-1)
		line2 = " " + text.Left(m.input.view(room, func(s string) string { return m.c.st.Selected.Render(s) }), room) + hint
	} else {
		line2 = " " + m.help.ShortHelpView(m.shortHelp())
	}
	return text.Left(line1, w) + "\n" + text.Left(line2, w)
}

func (m *Model) shortHelp() []key.Binding {
	g := m.keys.Global
	out := m.top().ShortHelp()
	out = append(out, g.Find, g.NextBloc, g.PrevYear, g.NextYear, g.Help)
	if len(m.stack) > 1 {
		out = append(out, g.Back)
	} else {
		out = append(out, key.NewBinding(key.WithKeys("q"), key.WithHelp("q", m.c.say(words.KeyQuit))))
	}
	return out
}

// FullHelp groups every binding of the current context, for ?.
func (m *Model) FullHelp() [][]key.Binding {
	g := m.keys.Global
	n := m.keys.Nav
	groups := [][]key.Binding{
		{n.Up, n.Down, n.PageUp, n.PageDown, n.Top, n.Bottom, n.Left, n.Right, n.Enter},
		g.Views,
		{g.Find, g.Compare, g.NextBloc, g.PrevBloc, g.PrevYear, g.NextYear, g.NextIndex, g.Lang, g.Theme, g.Help, g.Back, g.Quit},
	}
	if extra := m.top().FullHelp(); len(extra) > 0 {
		groups = append(groups, extra)
	}
	if _, ok := m.top().(tableExporter); ok {
		groups = append(groups, []key.Binding{m.keys.Table.Copy, m.keys.Table.Write})
	}
	return groups
}

// ShortHelp is the footer's help for the current context.
func (m *Model) ShortHelp() []key.Binding { return m.shortHelp() }

func (m *Model) renderHelp(w, h int) string {
	lines := []string{m.c.st.Section.Render(m.c.say(words.HelpTitle) + m.top().Title()), ""}
	hm := m.help
	hm.SetWidth(w - 2)
	for _, l := range strings.Split(hm.FullHelpView(m.FullHelp()), "\n") {
		lines = append(lines, " "+l)
	}
	lines = append(lines, "", m.c.st.Muted.Render(m.c.say(words.HelpMouse)))
	return text.Lines(lines, w, h)
}

// Failed reports whether the data could not be opened, with the problems.
func (m *Model) Failed() ([]data.Issue, bool) {
	return m.issues, m.state == stateFailed
}

// LoadError is the error that stopped the load, if it was not in the data.
func (m *Model) LoadError() string { return m.loadErr }
