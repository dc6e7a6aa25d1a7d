package tui

import (
	"fmt"
	"os"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
)

// The dashboard recovers a panic anywhere in it — Init, Update, View or a
// command — and quits cleanly: Bubble Tea restores the terminal as after q,
// and the caller prints Model.Panic with a hint to report it once the
// terminal is back. Bubble Tea would recover such panics too, but kill the
// program on the way (racing its own input reader) and print them from
// whichever goroutine panicked.

// cmdPanicMsg carries a panic recovered in a command to Update.
type cmdPanicMsg struct{ err error }

// recovered records the first panic; from then on the dashboard only quits.
func (m *Model) recovered(where string, r any) {
	m.crash(fmt.Errorf("%s: %v\n%s", where, r, debug.Stack()))
}

func (m *Model) crash(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.crashed == nil {
		m.crashed = err
	}
	if m.Panic == nil {
		m.Panic = err
	}
}

func (m *Model) failed() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.crashed != nil
}

// guardCmd wraps a command (and each of a batch's) so that it recovers.
func guardCmd(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = cmdPanicMsg{fmt.Errorf("in a command: %v\n%s", r, debug.Stack())}
			}
		}()
		msg = cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(b))
			for i, c := range b {
				out[i] = guardCmd(c)
			}
			return out
		}
		return msg
	}
}

// blankView is what shows between a panic and the quit.
func blankView() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	return v
}

// NewProgram makes the Bubble Tea program that runs the dashboard; a panic
// in View quits it.
func (m *Model) NewProgram(opts ...tea.ProgramOption) *tea.Program {
	p := tea.NewProgram(m, opts...)
	m.stop = p.Quit
	return p
}

// Run runs the program; a panic outside Bubble Tea's own recovery (there
// should be none) still restores the terminal.
func Run(p *tea.Program) (err error) {
	defer func() {
		if r := recover(); r != nil {
			p.Kill()
			err = fmt.Errorf("%w: %v\n%s", tea.ErrProgramPanic, r, debug.Stack())
			fmt.Fprintf(os.Stderr, "parlens: internal error: %v\n", r)
		}
	}()
	_, err = p.Run()
	return err
}
