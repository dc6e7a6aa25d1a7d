package data

// Missing values. A score cell that is empty, one of the usual blanks
// ("-", "—", "N/A", "x") or an Excel error value ("#N/A", "#DIV/0!"…) has
// no value: all are read one way, as missing, never as zero. Every such
// cell that is not simply empty is reported with a warning naming it, so
// an error value that hid a score is seen. (In a rank column "-" means
// "assessed but not ranked": see isNotRanked.)

// missingMarks are the non-empty cells read as missing, as written after
// trimming. Excel's error values are written in capitals in every locale's
// CSV export.
var missingMarks = map[string]bool{
	"-": true, "–": true, "—": true, "x": true, "X": true,
	"N/A": true, "n/a": true, "NA": true, "n.a.": true, "N.A.": true,
	"#N/A": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true,
	"#NUM!": true, "#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true,
}

// missingValue reports whether a score cell has no value; marked is true
// when the cell says so with a mark or an error value rather than being
// empty (such cells are warned about).
func missingValue(s string) (missing, marked bool) {
	if n := len(s); n > 0 && isDigit(s[0]) && isDigit(s[n-1]) {
		return false, false // the common "97.31": no mark starts and ends with a digit
	}
	t := trimSpace(s)
	if t == "" {
		return true, false
	}
	if missingMarks[t] {
		return true, true
	}
	return false, false
}
