package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/analysis/words"
)

// A table view's y (copy) and w (write) read every row shown through the
// view's cells, which only Update may do. On a large dataset that is
// seconds (66,700 rows × 17 columns), so the table is read a slice of rows
// per message: keys keep working between the slices, and any key or click
// stops the copy (the rows it read may be gone). The text and the file are
// then written in a tea.Cmd.

// exportChunk is how many rows a message reads: about 10 ms.
const exportChunk = 2_000

// gridExportOf is how a table view exports its grid: the pane, the columns
// it leaves out and its file's name; ok is false for a view whose table is
// not its grid.
func gridExportOf(ex tableExporter) (p *gridPane, skip []int, name string, ok bool) {
	switch v := ex.(type) {
	case *rankingView:
		return &v.gridPane, []int{rcSpark}, "xep-hang", true // the sparkline is no number
	case *componentsView:
		return &v.gridPane, nil, "linh-vuc", true
	}
	return nil, nil, "", false
}

// gridCopy is a table being read from its view a slice of rows at a time.
type gridCopy struct {
	id   int
	p    *gridPane
	cols []int
	rows []int // the rows shown when it started, in their order
	t    *present.Table
	done func(t *present.Table) tea.Cmd // with the whole table
}

// gridCopyMsg asks Update to read copy id's next slice of rows.
type gridCopyMsg struct{ id int }

// exportKey is y and w on a table view: at once on a small table, a slice
// of rows per message on a large one (see gridCopy).
func (m *Model) exportKey(ex tableExporter, msg tea.KeyPressMsg) (bool, tea.Cmd) {
	p, skip, name, ok := gridExportOf(ex)
	if !ok || m.c.jobs == nil || m.c.jobs.inline || p.g.Len() <= m.exportChunk {
		return m.c.exportKey(ex, msg)
	}
	c, tk := m.c, m.keys.Table
	switch {
	case key.Matches(msg, tk.Copy):
		return true, m.startCopy(p, skip, func(t *present.Table) tea.Cmd {
			c.flash(c.sayf(words.TableCopied, markOf(c.lang).Int(len(t.Rows))), false)
			return func() tea.Msg {
				var b strings.Builder
				writeTSV(&b, t)
				return tea.SetClipboard(b.String())()
			}
		})
	case key.Matches(msg, tk.Write):
		sheet := ex.Title()
		return true, c.prompt(prompt{label: c.say(words.WriteTo), value: c.exportPath(name, ".xlsx"),
			accept: func(path string) tea.Cmd {
				return m.startCopy(p, skip, func(t *present.Table) tea.Cmd { return c.writeTable(path, t, sheet) })
			}})
	}
	return false, nil
}

// startCopy starts reading pane p's rows shown, without the columns skip.
func (m *Model) startCopy(p *gridPane, skip []int, done func(*present.Table) tea.Cmd) tea.Cmd {
	m.copyN++
	x := &gridCopy{id: m.copyN, p: p, rows: slices.Clone(p.g.Rows()), t: &present.Table{}, done: done}
	x.cols, x.t.Headers = p.exportColumns(skip)
	m.copying = x
	return m.copyStep(gridCopyMsg{x.id})
}

// copyStep reads the next slice of rows of the copy under way; the last
// one hands the table to what it was for.
func (m *Model) copyStep(msg gridCopyMsg) tea.Cmd {
	x := m.copying
	if x == nil || x.id != msg.id {
		return nil // stopped: a key came between
	}
	end := min(len(x.rows), len(x.t.Rows)+m.exportChunk)
	for _, r := range x.rows[len(x.t.Rows):end] {
		x.t.Rows = append(x.t.Rows, x.p.exportRow(r, x.cols))
	}
	if end < len(x.rows) {
		nf := markOf(m.c.lang)
		m.flash(m.c.sayf(words.TablePreparing, nf.Int(end), nf.Int(len(x.rows))), false)
		return func() tea.Msg { return gridCopyMsg{x.id} }
	}
	m.copying = nil
	m.msg = ""
	return x.done(x.t)
}

// stopCopy stops the copy under way (the user moved on; the key clears
// its progress from the status line).
func (m *Model) stopCopy() { m.copying = nil }
