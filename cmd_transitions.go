package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

func init() {
	commands["transitions"] = command{"grade × grade matrix between two years, with Kendall's τ", runTransitions}
}

func runTransitions(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var from, to int
	e, _, code := setup("transitions", "transitions [--from Y1] [--to Y2] [flags] [PATH...]", args, stdin, stdout, stderr,
		func(fs *flag.FlagSet) {
			fs.IntVar(&from, "from", 0, "earlier year (default: the year before --to)")
			fs.IntVar(&to, "to", 0, "later year (default: the latest year)")
		}, formatTable, formatCSV, formatJSON, formatMD)
	if code >= 0 {
		return code
	}
	if to != 0 {
		e.q.year = to
	}
	var out []analysis.Transition
	if code := e.each(false, func(index string, year int, bloc string) {
		f := from
		if f == 0 {
			p, ok := e.a.PrevYear(index, year, bloc)
			if !ok {
				return
			}
			f = p
		}
		if tr, ok := e.a.Transition(index, bloc, f, year); ok {
			out = append(out, tr)
		}
	}); code >= 0 {
		return code
	}
	if len(out) == 0 {
		fmt.Fprintln(stderr, "parlens: no two years to compare (use --from and --to)")
		return exitData
	}
	if e.q.format == formatJSON {
		return e.emitJSON(out)
	}
	if e.q.format == formatCSV {
		t := &table{headers: []string{"index", "bloc", "from", "to", "from_grade", "to_grade", "count", "units", "kendall_tau_b"}}
		for _, tr := range out {
			for i, row := range tr.Matrix {
				for j, cell := range row {
					t.add(tr.Index, tr.Bloc, tr.From, tr.To, tr.Grades[i], tr.Grades[j], cell.Count, unitNames(cell.Units), fixed(tr.KendallTau, 3))
				}
			}
		}
		return e.emit(t)
	}
	e.printLabel()
	for n, tr := range out {
		if n > 0 {
			fmt.Fprintln(stdout)
		}
		title := fmt.Sprintf("%s — %s: %d → %d", textCell(tr.Index), textCell(tr.Bloc), tr.From, tr.To)
		if tr.KendallTau != nil {
			title += fmt.Sprintf(" (Kendall τ-b %s, n=%d)", formatNumber(num{*tr.KendallTau, 3, 0}, e.q.lang == "vi"), tr.KendallN)
		}
		title = data.Printable(title)
		if e.q.format == formatMD {
			fmt.Fprintf(stdout, "### %s\n\n", escapeMarkdown(title))
		} else {
			fmt.Fprintln(stdout, title)
		}
		t := &table{headers: append([]string{fmt.Sprintf("%d \\ %d", tr.From, tr.To)}, tr.Grades...)}
		for i, row := range tr.Matrix {
			cells := []any{tr.Grades[i]}
			for _, c := range row {
				cells = append(cells, c.Count)
			}
			t.add(cells...)
		}
		if code := e.emit(t); code != exitOK {
			return code
		}
		fmt.Fprintf(stdout, "%s %d, %s %d, %s %d\n", e.label("lên loại", "up"), tr.Up, e.label("xuống loại", "down"), tr.Down,
			e.label("giữ nguyên", "same"), tr.Same)
	}
	return exitOK
}

func unitNames(us []analysis.UnitRef) string {
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = u.Unit
	}
	return strings.Join(names, "; ")
}
