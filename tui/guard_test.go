package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// renderPanicView panics while it is drawn.
type renderPanicView struct{ *overviewView }

func (renderPanicView) Render(int, int) string { panic("boom in render") }

// TestGuard: a panic in View or in a command (alone or in a batch) is
// recovered into Model.Panic, the frame goes blank, and from then
// on every message quits.
func TestGuard(t *testing.T) {
	boom := func() tea.Msg { panic("boom in cmd") }
	for _, tc := range []struct {
		name  string
		where string
		crash func(m *Model)
	}{
		{"view", "in View: boom in render", func(m *Model) {
			m.stack = append(m.stack, renderPanicView{m.tabs[0].(*overviewView)})
			if v := m.View(); v.Content != "" || !v.AltScreen {
				t.Fatalf("frame after a panic in View: %q", v.Content)
			}
		}},
		{"cmd", "in a command: boom in cmd", func(m *Model) {
			m.Update(guardCmd(boom)())
		}},
		{"batch", "in a command: boom in cmd", func(m *Model) {
			b := guardCmd(tea.Batch(boom, boom))().(tea.BatchMsg)
			m.Update(b[0]())
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestModel(t, 80, 24, false)
			stopped := make(chan struct{}, 1)
			m.stop = func() { stopped <- struct{}{} }
			tc.crash(m)
			if m.Panic == nil || !strings.HasPrefix(m.Panic.Error(), tc.where) {
				t.Fatalf("Panic = %v, want %q…", m.Panic, tc.where)
			}
			if _, cmd := m.Update(keyMsg("j")); !isQuit(cmd) {
				t.Fatal("a key after the panic does not quit")
			}
			if m.View().Content != "" {
				t.Fatal("the frame after a panic is not blank")
			}
			if tc.name == "view" {
				<-stopped // View cannot return a command: it stops the program
			}
		})
	}
}
