package data

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// What sits above and among a table's rows in the decision annexes offices
// publish, in a workbook or in a CSV export of one (see README, Input):
// title rows above the header, a header of two or three rows (an area
// spanning its criteria), a "Điểm tối đa" row giving the maxima, and
// section rows ("I. KHỐI SỞ, BAN, NGÀNH") naming the bloc of the rows under
// them.

// maxTitleRows is how far down the header is looked for.
const maxTitleRows = 12

// maxSubHeaderRows is how many rows under the header may continue it.
const maxSubHeaderRows = 2

// tableHead is a table's header as read, and where its data rows begin.
type tableHead struct {
	names     []string
	line      int // the header's (first) line
	dataStart int // offset in the text of the first row after the header
}

// readHead reads a table's header: the first row, or — when the first row
// has no unit column — the first of the next rows that has one, the rows
// above it being titles. Rows under it whose unit cell is empty continue
// it (merged cells: one name per column, see flattenHeader), and a row
// naming itself "Điểm tối đa" gives the maxima (kept in t.maxima).
// What was skipped or merged is noted for check.
func (b *builder) readHead(t *table) (tableHead, error) {
	r := t.reader()
	r.FieldsPerRecord = -1
	first, err := r.Read()
	if err != nil {
		return tableHead{}, err
	}
	head := slices.Clone(first)
	line, _ := r.FieldPos(0)
	if !parseHeader(head, b.opt.Columns).has(roleUnit) {
		if k, found := titleRows(t, b.opt.Columns); found {
			r = t.reader()
			r.FieldsPerRecord = -1
			var titles []string
			for i := 0; i <= k; i++ {
				rec, _ := r.Read()
				if i < k {
					titles = append(titles, firstText(rec))
				} else {
					head = slices.Clone(rec)
				}
			}
			line, _ = r.FieldPos(0)
			t.info.Notes = append(t.info.Notes, fmt.Sprintf("%s above the header skipped as titles: %s",
				countNoun(k, t.lineWord(1), t.lineWord(2)), clip(strings.Join(titles, " · "))))
		}
	}
	out := tableHead{names: head, line: line, dataStart: int(r.InputOffset())}
	subRows := 0
	for range maxSubHeaderRows + 1 {
		h := parseHeader(out.names, b.opt.Columns)
		if !h.has(roleUnit) {
			break // not a table's header: its errors come as they are
		}
		rec, err := r.Read()
		if err != nil || len(rec) != len(out.names) {
			break
		}
		recLine, _ := r.FieldPos(0)
		if maximaRow(rec, h) {
			t.maxima, t.maximaLine = slices.Clone(rec), recLine
			out.dataStart = int(r.InputOffset())
			break
		}
		if subRows == maxSubHeaderRows || !subHeaderRow(rec, out.names, h, t.decimal) {
			break
		}
		out.names = flattenHeader(out.names, rec)
		out.dataStart = int(r.InputOffset())
		subRows++
	}
	if subRows > 0 {
		t.info.Notes = append(t.info.Notes, fmt.Sprintf("the header spans %s %d–%d (merged cells): each column is named by its area and its own header",
			t.lineWord(2), out.line, out.line+subRows))
	}
	return out, nil
}

// titleRows finds the header under title rows: the index of the first of
// the first rows with a unit column.
func titleRows(t *table, columns map[string]string) (int, bool) {
	r := t.reader()
	r.FieldsPerRecord = -1
	for i := 0; i < maxTitleRows; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			return 0, false
		}
		if err != nil {
			continue
		}
		if i > 0 && parseHeader(rec, columns).has(roleUnit) {
			return i, true
		}
	}
	return 0, false
}

// firstText is a row's first non-empty cell.
func firstText(rec []string) string {
	for _, c := range rec {
		if s := strings.TrimSpace(c); s != "" {
			return s
		}
	}
	return ""
}

// maximaRow reports a row whose unit, code or row-number cell (or first
// cell) names it as the maxima: "Điểm tối đa", "Thang điểm".
func maximaRow(rec []string, h header) bool {
	cols := []int{0}
	for _, r := range []role{roleUnit, roleCode, roleRowNumber} {
		if i, ok := h.col[r]; ok {
			cols = append(cols, i)
		}
	}
	for _, i := range cols {
		if i < len(rec) && headerRoles[Fold(rec[i])] == roleMaximum {
			return true
		}
	}
	return false
}

// subHeaderRow reports a row that continues the header: its unit (and
// code) cell is empty, and it names columns — a cell under an empty header
// cell (the rest of a merged area), or text that is no number.
func subHeaderRow(rec, head []string, h header, decimal byte) bool {
	for _, r := range []role{roleUnit, roleCode} {
		if i, ok := h.col[r]; ok && strings.TrimSpace(rec[i]) != "" {
			return false
		}
	}
	rowNum, ok := h.col[roleRowNumber]
	if !ok {
		rowNum = -1
	}
	if _, section := sectionRow(rec, rowNum, h.col[roleUnit]); section {
		return false
	}
	for j, c := range rec {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if strings.TrimSpace(head[j]) == "" {
			return true
		}
		if _, _, _, fault := readNumber(c, decimal); fault != numberOK {
			if missing, _ := missingValue(c); !missing {
				return true
			}
		}
	}
	return false
}

// flattenHeader merges a header row with the row under it into one name
// per column. An area written once over several columns (a merged cell)
// names each of them; a column's own name follows its area's ("Lĩnh vực
// 1 / 1.1"), or stands alone when only it names a role ("Tổng điểm").
func flattenHeader(head, sub []string) []string {
	out := make([]string, len(head))
	area := ""
	for j := range head {
		top, low := strings.TrimSpace(head[j]), strings.TrimSpace(sub[j])
		switch {
		case top != "":
			area = top
		case low == "":
			area = "" // a gap ends a merged area
		}
		switch {
		case low == "":
			out[j] = head[j]
		case area == "":
			out[j] = low
		default:
			name := area + " / " + low
			if headerRole(name) == roleOther && headerRole(low) != roleOther {
				name = low
			}
			out[j] = name
		}
	}
	return out
}

// sectionRow reads a row that names a section of the table rather than a
// unit: "I | KHỐI SỞ, BAN, NGÀNH" (a Roman numeral or letter in the first
// or row-number cell, a name beside it, nothing else), or "II. KHỐI UBND
// CẤP HUYỆN" alone in the row. It returns the section's name, its numeral
// dropped.
func sectionRow(rec []string, rowNumCol, unitCol int) (string, bool) {
	var cells [2]int
	n := 0
	for i, c := range rec {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if n == 2 {
			return "", false
		}
		cells[n] = i
		n++
	}
	switch n {
	case 1:
		text := strings.TrimSpace(rec[cells[0]])
		if isNumberCell(text) {
			return "", false
		}
		if name, ok := cutSectionNumeral(text); ok {
			return name, true
		}
		if strings.HasPrefix(Fold(text), "khoi ") {
			return text, true
		}
	case 2:
		num, text := strings.TrimSpace(rec[cells[0]]), strings.TrimSpace(rec[cells[1]])
		numberCell := cells[0] == rowNumCol || (cells[0] == 0 && unitCol != 0)
		if numberCell && isSectionNumeral(strings.TrimRight(num, ".)")) && !isSectionNumeral(text) && !isNumberCell(text) {
			if name, ok := cutSectionNumeral(text); ok {
				return name, true
			}
			return text, true
		}
	}
	return "", false
}

// isNumberCell reports a cell that reads as a number either way it may be written.
func isNumberCell(s string) bool {
	_, _, _, dot := readNumber(s, '.')
	_, _, _, comma := readNumber(s, ',')
	return dot == numberOK || comma == numberOK
}

// cutSectionNumeral splits "II. KHỐI UBND CẤP HUYỆN" into its name.
func cutSectionNumeral(text string) (string, bool) {
	i := strings.IndexAny(text, ".)-: \t")
	if i <= 0 || !isSectionNumeral(text[:i]) {
		return "", false
	}
	name := strings.TrimLeft(text[i:], ".)-: \t")
	return name, name != "" && !isSectionNumeral(name)
}

// isSectionNumeral reports a Roman numeral up to XXX, or a capital letter
// A–H, as section rows are numbered.
func isSectionNumeral(s string) bool {
	if len(s) == 1 && s[0] >= 'A' && s[0] <= 'H' {
		return true
	}
	if s == "" || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'I', 'V', 'X':
		default:
			return false
		}
	}
	return true
}

// applyMaxima takes the maxima row's values as the maxima of the file's
// component columns in its years, where components.csv gives none; where
// it gives another, that one is kept and the difference reported.
func (b *builder) applyMaxima(t *table, h header, cols []wideCol, comps []int, years map[int]bool) {
	if t.maxima == nil {
		return
	}
	given := 0
	for j, g := range comps {
		if g < 0 {
			continue
		}
		col := cols[j].col
		cell := strings.TrimSpace(t.maxima[col])
		if missing, _ := missingValue(cell); missing {
			continue
		}
		pos := Pos{t.name, t.maximaLine, col + 1}
		v, _, _, fault := readNumber(cell, t.decimal)
		if fault != numberOK || v <= 0 {
			b.warnf(pos, "write the column's maximum points as a number, or leave the cell empty",
				"maximum %q of column %q is not a positive number: ignored", clip(cell), h.names[col])
			continue
		}
		given++
		c := &b.ds.Components[g]
		for _, y := range slices.Sorted(maps.Keys(years)) {
			if m, ok := c.Max(y); ok {
				if m != v {
					b.warnf(pos, "correct components.csv or the maxima row",
						"the maxima row gives %s for %q, components.csv %s: components.csv kept", formatNum(v), h.names[col], formatNum(m))
				}
				continue
			}
			c.setMaxIn(y, v)
			delete(b.maxCache, y)
		}
	}
	t.info.Notes = append(t.info.Notes, fmt.Sprintf("%s %d (%q) gives the maximum points of %s", t.lineWord(1), t.maximaLine,
		firstText(t.maxima), countNoun(given, "column", "columns")))
}

// lineWord names a table's lines as its reader knows them: a sheet's are
// rows, a text file's lines.
func (t *table) lineWord(n int) string {
	switch {
	case t.sheet != "" && n == 1:
		return "row"
	case t.sheet != "":
		return "rows"
	case n == 1:
		return "line"
	}
	return "lines"
}
