package tui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
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

// sanitizeInput keeps printable characters of the first line.
func sanitizeInput(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

func (li *lineInput) insert(s string) {
	rs := []rune(sanitizeInput(s))
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
	// keep the cursor in sight: drop text on the left
	for text.Width(before)+text.Width(at) > room && before != "" {
		_, n := firstRune(before)
		before = before[n:]
	}
	rest := text.Truncate(after, max(0, room-text.Width(before)-text.Width(at)))
	return li.prompt + before + cursor(at) + rest
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
		_ = r
	}
	return 0, len(s)
}
