//go:build parlens_crashtest

package main

// A build of parlens that crashes on purpose, for e2e/tmux.sh to prove that
// a panic anywhere in the dashboard restores the terminal and prints the
// error with a hint to report it:
//
//	go build -tags parlens_crashtest -o parlens-crash .
//	PARLENS_CRASH=view parlens-crash      # then press !
//
// PARLENS_CRASH names where the panic happens once ! is pressed: update
// (in Update, outside the model's own recovery), view (while rendering) or
// cmd (in a command's goroutine); or load: the load itself panics (the
// model recovers it, shows it, and parlens prints it on the way out).
// Nothing of this is in parlens itself.

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui"
)

func init() {
	where := os.Getenv("PARLENS_CRASH")
	if where == "" {
		return
	}
	if where == "load" {
		crashOptions = func(o *tui.Options) {
			o.Load = func() (*data.Result, error) { panic("crash test: panic while loading") }
		}
		return
	}
	crashHook = func(m *tui.Model) tea.Model { return &crashModel{Model: m, where: where} }
}

type crashModel struct {
	*tui.Model
	where string
	armed bool
}

func (c *crashModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "!" {
		switch c.where {
		case "update":
			panic("crash test: panic in Update")
		case "view":
			c.armed = true
		case "cmd":
			return c, func() tea.Msg { panic("crash test: panic in a command") }
		}
	}
	_, cmd := c.Model.Update(msg)
	return c, cmd
}

func (c *crashModel) View() tea.View {
	if c.armed {
		panic("crash test: panic in View")
	}
	return c.Model.View()
}
