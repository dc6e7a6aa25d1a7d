package brief

import (
	"strings"
	"testing"
)

// TestMarkdownHostileNames: names carrying escape sequences, bidi overrides,
// HTML entities and strikethrough come out inert in every rendering: no raw
// control, an entity that cannot turn back into a bidi override when the
// Markdown is rendered to HTML, no strikethrough.
func TestMarkdownHostileNames(t *testing.T) {
	ds := mk(R(2021, blocA, "Sở \x1b]52;c;eA==\x07A", 90), R(2021, blocA, "&#x202E;Sở ~~B~~", 80), R(2021, blocA, "Sở \u202eC", 70))
	b := brief(t, ds, Options{})
	md, txt := b.Markdown(), b.Text()
	for _, out := range []string{md, txt} {
		for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
			if strings.Contains(out, bad) {
				t.Errorf("%q reached the briefing", bad)
			}
		}
	}
	has(t, md, `Sở ␛\]52;c;eA==␇A`)
	has(t, md, `&amp;#x202E;Sở \~\~B\~\~`)
	has(t, md, `Sở &lt;U+202E&gt;C`) // <U+202E>, escaped for Markdown
	has(t, txt, "&#x202E;Sở ~~B~~")  // plain text stays plain
}
