//go:build parlens_crashtest

package tui

// In a build made to crash on purpose (go build -tags parlens_crashtest; see
// crashtest.go in package main), PARLENS_CRASH=update, view or cmd makes the
// overview panic once ! is pressed: in Update (handling the key), in View
// (drawing the next frame) or in a command's goroutine. e2e/tmux.sh proves
// that each restores the terminal and prints the error with a hint to report
// it. Nothing of this is in parlens itself.

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

func init() {
	where := os.Getenv("PARLENS_CRASH")
	switch where {
	case "update", "view", "cmd":
	default:
		return
	}
	root := tabSpecs[0].make
	tabSpecs[0].make = func(c *viewCtx) view { return &crashView{view: root(c), where: where} }
}

// crashView is the overview, with a ! that panics.
type crashView struct {
	view
	where string
	armed bool
}

func (v *crashView) HandleKey(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	if msg.String() != "!" {
		return v.view.HandleKey(msg)
	}
	switch v.where {
	case "update":
		panic("crash test: panic in Update")
	case "view":
		v.armed = true
	case "cmd":
		return true, func() tea.Msg { panic("crash test: panic in a command") }
	}
	return true, nil
}

func (v *crashView) Render(w, h int) string {
	if v.armed {
		panic("crash test: panic in View")
	}
	return v.view.Render(w, h)
}
