package tui

import (
	"slices"
	"strings"
	"unicode"

	"github.com/parlens/parlens/analysis/words"
	"github.com/parlens/parlens/tui/grid"
	"github.com/parlens/parlens/tui/text"
)

// Component columns are headed by the component's name, abbreviated to
// the column's width ("Cải cách thể chế" → "CCT chế" → "CCTC"), with a
// legend of the headings and the focused column's full name beside the
// table.

// minCompW is the narrowest component column: a score and a glyph, or
// six letters of a heading and a sort arrow.
const minCompW = 7

// maxCompW is the widest: wider columns would take the unit's room.
const maxCompW = 12

// abbrevName fits a component's name in w cells: whole when it fits,
// else the initials of its first words and the rest whole, else all its
// initials (numbers kept whole: "Lĩnh vực 1" → "LV1"), else cut.
func abbrevName(name string, w int) string {
	name = p(name)
	if text.Width(name) <= w {
		return name
	}
	var ws []string
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' }) {
		if !slices.Contains(words.AbbrevSkips, strings.ToLower(f)) {
			ws = append(ws, f)
		}
	}
	if len(ws) == 0 {
		return text.Truncate(name, w)
	}
	initial := func(word string) string {
		r := []rune(word)
		if unicode.IsDigit(r[0]) {
			return word
		}
		return string(unicode.ToUpper(r[0]))
	}
	// two initials at least: "C thể chế" reads as a typo. The words left
	// whole and the spaces between them take a cell each at least, so no
	// candidate with more than w of them fits: start where one may (a
	// name of thousands of words is then not measured thousands of times).
	for k := max(2, len(ws)-w); k < len(ws); k++ {
		var b strings.Builder
		for _, word := range ws[:k] {
			b.WriteString(initial(word))
		}
		s := b.String() + " " + strings.Join(ws[k:], " ")
		if text.Width(s) <= w {
			return s
		}
	}
	var b strings.Builder
	for _, word := range ws {
		b.WriteString(initial(word))
	}
	// initials cut short stay initials: no "…" that would read as a word
	r := []rune(b.String())
	return string(r[:min(len(r), max(0, w))])
}

// fixedWidth is the cells columns take in a grid, separators included,
// each as wide as grid.SetColumns makes it (its title and a sort arrow).
func fixedWidth(cols []grid.Column) int {
	n := 0
	for _, c := range cols {
		n += max(c.Width, text.Width(c.Title)+1) + 1
	}
	return n
}

// compTitles heads component columns w cells wide (a sort arrow's cell
// kept free); two components
// abbreviated alike are told apart by their codes when they have them,
// else by their position.
func compTitles(codes []*string, names []string, w int) []string {
	out := make([]string, len(names))
	seen := map[string]int{}
	w--
	for i, n := range names {
		out[i] = abbrevName(n, w)
		seen[out[i]]++
	}
	for i := range out {
		if seen[out[i]] < 2 {
			continue
		}
		if codes[i] != nil && *codes[i] != "" {
			out[i] = text.Truncate(p(*codes[i]), w)
		} else {
			r, n := []rune(out[i]), itoa(i+1)
			out[i] = string(r[:min(len(r), max(0, w-len(n)))]) + n
		}
	}
	return out
}

// compLegend lists "heading: full name" for each component, the focused
// one (focus, -1 for none) first, packed into at most lines lines of w
// cells (the last cut with "…" when they do not all fit).
func compLegend(titles, names []string, focus, w, lines int) []string {
	var items []string
	item := func(i int) string {
		if titles[i] == p(names[i]) {
			return p(names[i])
		}
		return titles[i] + ": " + p(names[i])
	}
	if focus >= 0 && focus < len(titles) {
		items = append(items, "▸ "+item(focus))
	}
	for i := range titles {
		if i != focus {
			items = append(items, item(i))
		}
	}
	if len(items) == 0 || lines <= 0 {
		return nil
	}
	out := wrapStyled(items, w-1, " · ")
	if len(out) > lines {
		out = out[:lines]
		out[lines-1] = text.Truncate(out[lines-1]+" · …", w-1)
	}
	for i := range out {
		out[i] = " " + text.Truncate(out[i], w-1)
	}
	return out
}

// focusedName is the status line's part naming the focused component
// column ("" when the focus is on another column).
func focusedName(c *viewCtx, titles, names []string, focus int) string {
	if focus < 0 || focus >= len(names) {
		return ""
	}
	return c.sayf(words.FocusedComponent, titles[focus], p(names[focus]))
}

// compLayout splits a table's width w between the unit column and n
// component columns, the other columns taking fixed cells (separators
// included): the unit column gets its longest name up to capW, keeping
// keep component columns in sight; once every component fits at minW the
// unit column widens with the terminal up to its longest name, and the
// component columns share what is left, up to maxCompW each.
func compLayout(w, fixed, longest, capW, n, minW, keep int) (unitW, compW int) {
	compW = minW
	if w <= 0 {
		return max(12, min(longest, capW)), compW
	}
	if all := w - fixed - n*(minW+1) - 1; n > 0 && all >= min(longest, capW) {
		unitW = min(longest, all)
		compW = max(minW, min(maxCompW, (w-fixed-unitW-1)/n-1))
		return unitW, compW
	}
	return max(12, min(min(longest, capW), w-fixed-1-keep*(minW+1))), compW
}
