package tui

import (
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/text"
)

// lineInput is a one-line prompt (filter, file name). It is small on
// purpose: bubbles' textinput would pull modules (a clipboard library) that
// the module does not list, and measures with go-runewidth.
type lineInput struct {
	prompt string
	value  []rune
	pos    int
}

func (li *lineInput) set(s string) {
	li.value = []rune(sanitizeInput(s))
	li.pos = len(li.value)
}

func (li *lineInput) String() string { return string(li.value) }

// sanitizeInput keeps the printable characters of the first line: what
// data.Printable would replace (controls, escape sequences' ESC, bidi and
// zero-width characters, line separators) is dropped, and so is what is
// not UTF-8.
func sanitizeInput(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || data.Unprintable(r) {
			return -1
		}
		return r
	}, s)
}

// maxInput caps a prompt's value (a filter, a file path): a paste of a
// whole file must not make every frame slow.
const maxInput = 4096

func (li *lineInput) insert(s string) {
	rs := []rune(sanitizeInput(s))
	if len(rs) > maxInput-len(li.value) {
		rs = rs[:max(0, maxInput-len(li.value))]
	}
	if len(rs) == 0 {
		return
	}
	v := make([]rune, 0, len(li.value)+len(rs))
	v = append(v, li.value[:li.pos]...)
	v = append(v, rs...)
	v = append(v, li.value[li.pos:]...)
	li.value = v
	li.pos += len(rs)
}

// key edits the value; it reports whether the key was an edit key.
func (li *lineInput) key(msg tea.KeyPressMsg) bool {
	switch msg.String() {
	case "backspace", "ctrl+h":
		if li.pos > 0 {
			li.value = append(li.value[:li.pos-1], li.value[li.pos:]...)
			li.pos--
		}
	case "delete", "ctrl+d":
		if li.pos < len(li.value) {
			li.value = append(li.value[:li.pos], li.value[li.pos+1:]...)
		}
	case "left", "ctrl+b":
		li.pos = max(0, li.pos-1)
	case "right", "ctrl+f":
		li.pos = min(len(li.value), li.pos+1)
	case "home", "ctrl+a":
		li.pos = 0
	case "end", "ctrl+e":
		li.pos = len(li.value)
	case "ctrl+u":
		li.value = li.value[li.pos:]
		li.pos = 0
	case "ctrl+k":
		li.value = li.value[:li.pos]
	case "ctrl+w", "alt+backspace":
		i := li.pos
		for i > 0 && li.value[i-1] == ' ' {
			i--
		}
		for i > 0 && li.value[i-1] != ' ' {
			i--
		}
		li.value = append(li.value[:i], li.value[li.pos:]...)
		li.pos = i
	case "space":
		li.insert(" ")
	default:
		if msg.Text == "" || msg.Mod.Contains(tea.ModCtrl) || msg.Mod.Contains(tea.ModAlt) {
			return false
		}
		li.insert(msg.Text)
	}
	return true
}

// view draws the prompt and value in at most w cells, the cursor in
// reverse video (a visible block without colour too).
func (li *lineInput) view(w int, cursor func(string) string) string {
	pw := text.Width(li.prompt)
	room := w - pw - 1
	if room < 1 {
		return text.Truncate(li.prompt, w)
	}
	before := string(li.value[:li.pos])
	at := " "
	after := ""
	if li.pos < len(li.value) {
		at = string(li.value[li.pos])
		after = string(li.value[li.pos+1:])
	}
	// keep the cursor in sight: drop text on the left, measuring from the
	// cursor back (linear in what is shown, not in the value's length)
	if text.Width(at)+text.Width(before) > room {
		rs := li.value[:li.pos]
		wd, i := text.Width(at), len(rs)
		for i > 0 {
			rw := text.Width(string(rs[i-1]))
			if wd+rw > room {
				break
			}
			wd += rw
			i--
		}
		before = string(rs[i:])
	}
	rest := text.Truncate(after, max(0, room-text.Width(before)-text.Width(at)))
	return li.prompt + before + cursor(at) + rest
}
