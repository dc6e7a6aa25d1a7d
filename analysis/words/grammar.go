package words

import (
	"fmt"
	"strconv"
)

// Grammar that differs by language beyond a word: counts that agree in
// number in English, ordinals. These are functions, not entries, because
// English needs forms Vietnamese does not have.

// Units writes a count of units: "3 đơn vị"; "1 unit", "3 units".
func Units(l Lang, n int) string {
	if l == EN && n == 1 {
		return "1 unit"
	}
	return unitsN.F(l, n)
}

var unitsN = tmpl("%d đơn vị", "%d units")

// UnitsHave writes a count of units as the subject of "have": "3 đơn vị";
// "1 unit has", "3 units have".
func UnitsHave(l Lang, n int) string {
	if l != EN {
		return Units(l, n)
	}
	if n == 1 {
		return "1 unit has"
	}
	return fmt.Sprintf("%d units have", n)
}

// Ordinal writes an English ordinal: 1st, 2nd, 3rd, 11th.
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// Nth writes the number of a time or a place inside a phrase that says
// "time" or "place" itself: "3" in "lần thứ 3"; "3rd" in "its 3rd time".
func Nth(l Lang, n int) string {
	if l == EN {
		return Ordinal(n)
	}
	return strconv.Itoa(n)
}

// Place writes a rank as a place: "thứ nhất", "thứ 2"; "1st", "2nd".
func Place(l Lang, r int) string {
	if l == EN {
		return Ordinal(r)
	}
	if r == 1 {
		return "thứ nhất"
	}
	return "thứ " + strconv.Itoa(r)
}

// YearInARow writes how long a streak has run: "năm thứ 3 liên tiếp",
// "for the 3rd year in a row".
func YearInARow(l Lang, n int) string {
	if l == EN {
		return "for the " + Ordinal(n) + " year in a row"
	}
	return fmt.Sprintf("năm thứ %d liên tiếp", n)
}
