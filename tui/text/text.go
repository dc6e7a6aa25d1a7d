// Package text fits strings to terminal cells. Widths come only from
// lipgloss/ansi; plain text is truncated before it is styled.
package text

import (
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// Measuring a string walks its grapheme clusters, which is slow for the
// 10,000-character names a hostile file can carry, and every frame measures
// the same names again. Long strings' widths and cuts are remembered; the
// caches are small and start over when full.
const (
	cacheMinBytes = 256
	cacheEntries  = 512
)

type cutKey struct {
	s string
	w int
}

var cache = struct {
	sync.Mutex
	width map[string]int
	cut   map[cutKey]string
}{width: map[string]int{}, cut: map[cutKey]string{}}

// stringWidth is ansi.StringWidth, remembered for long strings.
func stringWidth(s string) int {
	if len(s) < cacheMinBytes {
		return ansi.StringWidth(s)
	}
	cache.Lock()
	w, ok := cache.width[s]
	cache.Unlock()
	if ok {
		return w
	}
	w = ansi.StringWidth(s)
	cache.Lock()
	if len(cache.width) >= cacheEntries {
		clear(cache.width)
	}
	cache.width[s] = w
	cache.Unlock()
	return w
}

// cut is ansi.Truncate with the ellipsis, remembered for long strings.
func cut(s string, w int) string {
	if len(s) < cacheMinBytes {
		return ansi.Truncate(s, w, Ellipsis)
	}
	k := cutKey{s, w}
	cache.Lock()
	t, ok := cache.cut[k]
	cache.Unlock()
	if ok {
		return t
	}
	t = ansi.Truncate(s, w, Ellipsis)
	cache.Lock()
	if len(cache.cut) >= cacheEntries {
		clear(cache.cut)
	}
	cache.cut[k] = t
	cache.Unlock()
	return t
}

// Ellipsis ends truncated text.
const Ellipsis = "…"

// Spaces returns n spaces (none for n ≤ 0).
func Spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(spaces) {
		return spaces[:n]
	}
	return strings.Repeat(" ", n)
}

var spaces = strings.Repeat(" ", 512)

// Truncate cuts s (plain or styled) to at most w cells, ending with "…" when cut.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if stringWidth(s) <= w {
		return s
	}
	return cut(s, w)
}

// Left fits s to exactly w cells, left-aligned.
func Left(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := stringWidth(s)
	if sw > w {
		s = cut(s, w)
		sw = stringWidth(s)
	}
	return s + Spaces(w-sw)
}

// Right fits s to exactly w cells, right-aligned.
func Right(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := stringWidth(s)
	if sw > w {
		s = cut(s, w)
		sw = stringWidth(s)
	}
	return Spaces(w-sw) + s
}

// Center fits s to exactly w cells, centred.
func Center(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := stringWidth(s)
	if sw > w {
		return Left(s, w)
	}
	l := (w - sw) / 2
	return Spaces(l) + s + Spaces(w-sw-l)
}

// Width is the cell width of s.
func Width(s string) int { return stringWidth(s) }

// Block fits s to exactly h lines of exactly w cells each.
func Block(s string, w, h int) string {
	if h <= 0 {
		return ""
	}
	return Lines(strings.Split(s, "\n"), w, h)
}

// Lines fits lines to exactly h lines of exactly w cells each.
func Lines(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	var b strings.Builder
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(lines) {
			b.WriteString(Left(lines[i], w))
		} else {
			b.WriteString(Spaces(w))
		}
	}
	return b.String()
}

// Wrap breaks plain text into lines of at most w cells at spaces.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		wrapped := ansi.Wrap(para, w, "")
		for _, l := range strings.Split(wrapped, "\n") {
			// words longer than w are hard-cut
			for ansi.StringWidth(l) > w {
				out = append(out, ansi.Truncate(l, w, ""))
				l = ansi.TruncateLeft(l, w, "")
			}
			out = append(out, l)
		}
	}
	return out
}
