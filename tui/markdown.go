package tui

import (
	"strings"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/tui/styles"
	"github.com/parlens/parlens/tui/text"
)

// renderMarkdown lays out the briefing's Markdown for the pane: headings
// styled, paragraphs and bullets re-wrapped to the width. It knows the
// little Markdown the briefing uses (#, ##, ###, "- ", paragraphs,
// backslash escapes); every line passes through data.Printable.
func renderMarkdown(md string, w int, st *styles.Styles) []string {
	var out []string
	var para []string
	bullet := false
	flush := func() {
		if len(para) == 0 {
			return
		}
		body := unescapeMD(strings.Join(para, " "))
		pre, cont := " ", " "
		if bullet {
			pre, cont = " • ", "   "
		}
		for i, l := range text.Wrap(body, max(10, w-text.Width(pre)-1)) {
			if i == 0 {
				out = append(out, pre+l)
			} else {
				out = append(out, cont+l)
			}
		}
		para = para[:0]
		bullet = false
	}
	for _, raw := range strings.Split(md, "\n") {
		l := data.Printable(strings.TrimRight(raw, "\r"))
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
		case strings.HasPrefix(t, "#"):
			flush()
			level := len(t) - len(strings.TrimLeft(t, "#"))
			title := unescapeMD(strings.TrimSpace(t[level:]))
			var style = st.Section
			if level >= 3 {
				style = st.Accent
			}
			if level == 1 {
				style = st.Bold
			}
			for _, wl := range text.Wrap(title, max(10, w-2)) {
				out = append(out, style.Render(" "+wl))
			}
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* "):
			flush()
			bullet = true
			para = append(para, t[2:])
		default:
			para = append(para, t)
		}
	}
	flush()
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// unescapeMD drops Markdown's backslash escapes.
func unescapeMD(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	esc := false
	for _, r := range s {
		if esc {
			b.WriteRune(r)
			esc = false
			continue
		}
		if r == '\\' {
			esc = true
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
