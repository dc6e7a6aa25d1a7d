package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/atomicfile"
)

// briefingView shows the generated briefing (marked facts first) in a
// scrollable pane; w writes it (.md, .txt or .docx, by the file's
// extension), y copies it as plain text (OSC 52). It is written in the
// dashboard's language (L switches the whole interface).
type briefingView struct {
	c *viewCtx
	textPane
	md    string
	plain string
	err   error
	wrapW int
}

func newBriefing(c *viewCtx) *briefingView { return &briefingView{c: c} }

func (v *briefingView) Title() string { return v.c.say(words.TabBriefing) }
func (v *briefingView) Restyle()      { v.wrapW = -1 }

func (v *briefingView) marksKey() string {
	var b strings.Builder
	for i := range v.c.marks.list {
		b.WriteString(markKey(&v.c.marks.list[i]))
		b.WriteByte('\x01')
	}
	return b.String()
}

func (v *briefingView) Sync() {
	c := v.c
	k := fmt.Sprintf("%d|%s|%s", c.version, c.lang, v.marksKey())
	if k == v.built {
		v.wrapLines() // a new width or new styles
		return
	}
	// the facts the analyst marked for this index and year come first
	brief, a := c.brief, c.a
	opt := BriefOptions{Index: c.index, Year: c.year, Lang: string(c.lang), Sources: c.sources, Highlights: c.marks.in(c.index, c.year)}
	res, err, ready := await(c, "briefing", c.slice().WithBloc(""), string(c.lang)+"\x00"+v.marksKey(), words.BusyBriefing,
		func(context.Context) ([2]string, error) {
			md, plain, err := brief(a, opt)
			return [2]string{md, plain}, err
		})
	if !ready {
		return // asked again on the next Sync, until it is in
	}
	v.built = k
	v.md, v.plain, v.err = res[0], res[1], err
	v.wrapW = -1
	v.sc.off = 0
	v.wrapLines()
}

// wrapLines lays the briefing out for the view's width, as wrap does, but
// off the update loop on a large dataset: a national briefing's Markdown
// takes long to lay out (the view waits meanwhile).
func (v *briefingView) wrapLines() {
	if v.w <= 0 || v.wrapW == v.w || v.err != nil {
		v.wrap()
		return
	}
	md, w, st := v.md, min(v.w, 120), v.c.st
	lines, _, ready := await(v.c, "briefing-lines", v.c.slice().WithBloc(""), fmt.Sprintf("%s|%d|%p", v.built, w, st), words.BusyBriefing,
		func(context.Context) ([]string, error) { return renderMarkdown(md, w, st), nil })
	if ready {
		v.wrapW = v.w
		v.sc.set(lines)
	}
}

func (v *briefingView) wrap() {
	if v.w <= 0 || v.wrapW == v.w {
		return
	}
	v.wrapW = v.w
	st := v.c.st
	var lines []string
	if v.err != nil {
		lines = append(lines, "", " "+st.Error.Render(v.c.say(words.BriefFailed))+p(v.err.Error()))
		v.sc.set(lines)
		return
	}
	lines = renderMarkdown(v.md, min(v.w, 120), st)
	v.sc.set(lines)
}

func (v *briefingView) Render(w, h int) string { return v.draw(w, h, v.wrap) }

// defaultPath proposes a file name for the briefing.
func (v *briefingView) defaultPath() string {
	name := strings.ReplaceAll(data.Fold(v.c.index), " ", "-")
	if name == "" {
		name = "par-index"
	}
	return filepath.Join(v.c.dir(), fmt.Sprintf("bao-cao-%s-%d-%s.md", name, v.c.year, v.c.lang))
}

// write saves the briefing in a Cmd (atomically: a temp file in the same
// directory, then a rename): a Word document for .docx (the command line's
// writer), plain text for .txt, Markdown otherwise.
func (v *briefingView) write(path string) tea.Cmd {
	path = v.c.outputPath(path)
	if path == "" {
		return nil
	}
	md, plain := v.md, v.plain
	if v.err != nil || md == "" {
		v.c.flash(v.c.say(words.NoBriefToWrite), true)
		return nil
	}
	c := v.c
	opt := BriefOptions{Index: c.index, Year: c.year, Lang: string(c.lang), Sources: c.sources, Highlights: c.marks.in(c.index, c.year)}
	a := c.a
	return func() tea.Msg {
		var content []byte
		var err error
		switch strings.ToLower(filepath.Ext(path)) {
		case ".docx":
			content, err = briefDOCX(a, opt)
		case ".txt":
			content = []byte(plain)
		default:
			content = []byte(md)
		}
		if err == nil {
			err = WriteFileAtomic(path, content)
		}
		return briefWrittenMsg{path: path, err: err}
	}
}

// WriteFileAtomic writes a file through a temp file in the same directory
// and a rename, so an existing file is never left half written (see
// package atomicfile).
func WriteFileAtomic(path string, b []byte) error { return atomicfile.WriteBytes(path, b) }

func (v *briefingView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	c := v.c
	bk := c.keys.Brief
	switch {
	case key.Matches(msg, bk.Write):
		if v.err != nil || v.md == "" {
			c.flash(c.say(words.NoBriefToWrite), true)
			return true, nil
		}
		return true, c.prompt(prompt{label: c.say(words.WriteTo), value: v.defaultPath(), accept: v.write})
	case key.Matches(msg, bk.Copy):
		if v.plain == "" {
			return true, nil
		}
		// plain text, never Markdown: it pastes into Word as paragraphs
		c.flash(c.say(words.BriefCopied), false)
		return true, tea.SetClipboard(v.plain)
	}
	return c.moveKey(&v.sc, msg), nil
}

func (v *briefingView) Click(x, y int) tea.Cmd { return nil }

func (v *briefingView) ShortHelp() []key.Binding {
	bk := v.c.keys.Brief
	return []key.Binding{bk.Write, bk.Copy, v.c.keys.Global.Lang, v.c.keys.Nav.Down}
}

func (v *briefingView) FullHelp() []key.Binding {
	bk := v.c.keys.Brief
	return []key.Binding{bk.Write, bk.Copy}
}

func (v *briefingView) Status() string {
	s := v.c.say(words.LangVietnamese)
	if v.c.lang == words.EN {
		s = v.c.say(words.LangEnglish)
	}
	if n := len(v.c.marks.in(v.c.index, v.c.year)); n > 0 {
		s += v.c.sayf(words.MarkedCount, n)
	}
	if t := v.sc.status(v.c.lang); t != "" {
		s += " · " + t
	}
	return s
}
