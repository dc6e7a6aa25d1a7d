package present

import (
	"fmt"

	"github.com/parlens/parlens/analysis"
)

// MatrixTable is a grade transition matrix as a table: a row per grade of
// the earlier year, a column per grade of the later one, counts of units.
// The command line and the dashboard's export both write it.
func MatrixTable(tr *analysis.Transition) *Table {
	t := &Table{Headers: append([]string{fmt.Sprintf("%d \\ %d", tr.From, tr.To)}, tr.Grades...)}
	for i, row := range tr.Matrix {
		cells := []any{tr.Grades[i]}
		for _, c := range row {
			cells = append(cells, c.Count)
		}
		t.Add(cells...)
	}
	return t
}
