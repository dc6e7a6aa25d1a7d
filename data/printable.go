package data

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Printable makes untrusted text inert and visible: control characters
// (C0, C1, DEL, and so every escape sequence's ESC) become Unicode control
// pictures or <U+XXXX>, as do bidi overrides and zero-width characters that
// would hide or reorder text; invalid UTF-8 becomes U+FFFD. Text that needs
// none of this is returned as is, without allocating.
//
// The loader keeps text as it was written; every output that shows it to a
// person (terminal, table, Markdown, CSV) passes it through Printable. See
// Unprintable for the exact set of characters replaced.
func Printable(s string) string {
	if isPrintable(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune('\uFFFD')
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀ … ␟, ␛ for ESC
		case r == 0x7f:
			b.WriteRune('\u2421') // ␡
		case hidden(r):
			b.WriteString("<U+")
			h := strings.ToUpper(strconv.FormatInt(int64(r), 16))
			for n := len(h); n < 4; n++ {
				b.WriteByte('0')
			}
			b.WriteString(h)
			b.WriteByte('>')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Unprintable reports whether Printable replaces r: C0 and C1 controls, DEL,
// format characters (bidi controls, zero-width characters, the BOM, the soft
// hyphen, tag characters), the line and paragraph separators and the
// invisible Hangul fillers. Outputs that escape rather than replace (JSON)
// use it to pick the same characters.
func Unprintable(r rune) bool {
	return r < 0x20 || r == 0x7f || hidden(r)
}

func isPrintable(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			return isPrintableSlow(s[i:])
		}
	}
	return true
}

func isPrintableSlow(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r < 0x20 || r == 0x7f || hidden(r) {
			return false
		}
		i += size
	}
	return true
}

// hidden reports C1 controls, bidi controls, zero-width and other format
// characters, line and paragraph separators and blank "letters": they
// change how text looks, or how wide terminals think it is, without being
// seen.
func hidden(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r < 0xa0: // C1 controls: U+009B is a CSI, U+009D an OSC to some terminals
		return true
	case r == 0xAD: // soft hyphen shows nothing
		return true
	case r == 0x2028 || r == 0x2029: // line and paragraph separators break lines
		return true
	case r == 0x115F || r == 0x1160 || r == 0x3164 || r == 0xFFA0: // Hangul fillers: blank letters
		return true
	}
	return unicode.Is(unicode.Cf, r)
}
