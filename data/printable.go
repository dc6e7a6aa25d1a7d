package data

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Printable makes untrusted text inert and visible: control characters
// (C0, C1, DEL, and so every escape sequence's ESC) become Unicode control
// pictures or <U+XXXX>, as do bidi overrides and zero-width characters that
// would hide or reorder text; invalid UTF-8 becomes U+FFFD. Text that needs
// none of this is returned as is, without allocating.
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
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
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
// characters: they change how text looks without being seen.
func hidden(r rune) bool {
	switch {
	case r >= 0x80 && r < 0xa0:
		return true
	case r == 0xAD: // soft hyphen shows nothing
		return true
	}
	return unicode.Is(unicode.Cf, r)
}
