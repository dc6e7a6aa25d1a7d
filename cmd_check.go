package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
)

func init() {
	commands["check"] = command{"validate input files and say what was understood", runCheck}
}

// runCheck prints what was understood of each file, then every problem as
// file:line:column: message. Exit 0 without errors, 1 with errors, 2 for bad usage.
func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in inputFlags
	in.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: parlens check [flags] PATH...\n\nValidates the files and lists every problem as file:line:column: message.\n\nFlags:")
		fs.PrintDefaults()
	}
	paths, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) == 0 && in.sample == "" {
		fs.Usage()
		return exitUsage
	}
	r, err := in.read(paths, stdin)
	if err != nil {
		printErr(stderr, err)
		return exitUsage
	}
	issues := r.Issues
	if r.Err() == nil {
		// Ranks and grades given in the data are checked against the scores.
		issues = append(issues, analysis.Check(r.Dataset)...)
	}
	writeUnderstood(stdout, r.Dataset)
	errs, warns := 0, 0
	for _, i := range issues {
		if i.Severity == data.Error {
			errs++
		} else {
			warns++
		}
	}
	fmt.Fprintf(stdout, "\n%d %s, %d %s\n", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
	for _, i := range issues {
		fmt.Fprintln(stdout, data.Printable(i.String()))
	}
	if errs > 0 {
		return exitData
	}
	return exitOK
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// writeUnderstood describes each file and the dataset as a whole.
func writeUnderstood(w io.Writer, ds *data.Dataset) {
	if ds.Label != "" {
		fmt.Fprintln(w, data.Printable(ds.Label))
	}
	for _, f := range ds.Files {
		fmt.Fprintf(w, "%s: %s, %s, delimiter %s, decimal %q, %d rows\n",
			data.Printable(f.Name), f.Kind, f.Encoding, delimiterName(f.Delimiter), f.Decimal, f.Rows)
		writeColumns(w, f)
	}
	indices := ds.Indices()
	var years []int
	seen := map[int]bool{}
	blocs := map[string]bool{}
	for _, r := range ds.Records {
		if !seen[r.Year] {
			seen[r.Year] = true
			years = append(years, r.Year)
		}
		blocs[r.Index+"\x00"+r.Bloc] = true
	}
	sort.Ints(years)
	var comps []string
	for _, c := range ds.Components {
		comps = append(comps, c.Name)
	}
	fmt.Fprintf(w, "\nindices: %d (%s)\n", len(indices), shortList(indices, ", "))
	fmt.Fprintf(w, "years: %s\n", yearSpan(years))
	fmt.Fprintf(w, "blocs: %d\n", len(blocs))
	fmt.Fprintf(w, "units: %d\n", ds.UnitCount())
	fmt.Fprintf(w, "records: %d\n", len(ds.Records))
	fmt.Fprintf(w, "components: %d", len(comps))
	if len(comps) > 0 {
		fmt.Fprintf(w, " (%s)", shortList(comps, "; "))
	}
	fmt.Fprintln(w)
	writeUnranked(w, ds)
}

// mostColumnsShown caps the column table: a file can have 5,000 columns.
const mostColumnsShown = 60

// writeColumns prints how every column of a data file was understood, and
// where its totals come from.
func writeColumns(w io.Writer, f data.FileInfo) {
	if len(f.Columns) == 0 {
		return
	}
	t := &table{headers: []string{"column", "header", "understood as"}}
	var summed []string
	total := ""
	counts := map[string]int{}
	for _, c := range f.Columns {
		role := c.Role
		if c.Mapped {
			role += " (--column)"
		}
		switch {
		case strings.HasPrefix(c.Role, "component"):
			summed = append(summed, strconv.Quote(c.Header))
		case c.Role == "total":
			if total == "" {
				total = fmt.Sprintf("column %d %q", c.Col, c.Header)
			}
		}
		if len(t.rows) < mostColumnsShown {
			t.add(c.Col, c.Header, role)
		} else {
			counts[c.Role]++
		}
	}
	var buf bytes.Buffer
	t.writeText(&buf, false)
	for _, line := range strings.SplitAfter(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		fmt.Fprint(w, "  "+line)
	}
	fmt.Fprintln(w)
	if len(counts) > 0 {
		var more []string
		for _, role := range sortedRoles(counts) {
			more = append(more, fmt.Sprintf("%d %s", counts[role], role))
		}
		fmt.Fprintf(w, "  … and %d more columns: %s\n", len(f.Columns)-mostColumnsShown, strings.Join(more, ", "))
	}
	switch {
	case f.Kind == "long":
		fmt.Fprintln(w, "  total: the sum of each unit's component rows, unless a row of the component column gives it; a unit missing a component of its year is not ranked")
	case total != "":
		fmt.Fprintf(w, "  total: %s, as given", textCell(total))
		if len(summed) > 0 {
			fmt.Fprintf(w, "; where it is missing, the sum of the %d component columns when all are given", len(summed))
		}
		fmt.Fprintln(w)
	case len(summed) > 0:
		fmt.Fprintf(w, "  total: the sum of %d %s: %s; a unit missing one of them is not ranked\n",
			len(summed), plural(len(summed), "column", "columns"), shortList(summed, ", "))
	default:
		fmt.Fprintln(w, "  total: none (no total and no component columns)")
	}
}

func sortedRoles(counts map[string]int) []string {
	var out []string
	for r := range counts {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// writeUnranked lists the units left without a total because components
// were missing, naming them.
func writeUnranked(w io.Writer, ds *data.Dataset) {
	const most = 30
	n := 0
	for i := range ds.Records {
		r := &ds.Records[i]
		if len(r.MissingParts()) == 0 {
			continue
		}
		if n == 0 {
			fmt.Fprintln(w, "not ranked, components missing:")
		}
		if n < most {
			fmt.Fprintf(w, "  %s %d, %s: %s\n", textCell(r.Index), r.Year, textCell(r.Unit), shortList(r.MissingParts(), ", "))
		}
		n++
	}
	if n > most {
		fmt.Fprintf(w, "  … and %d more\n", n-most)
	}
}

// shortList joins names for a line of text: inert, each cut to a table
// cell's width, and at most 30 of them (a file can have 5,000 columns).
func shortList(names []string, sep string) string {
	const most = 30
	var parts []string
	for i, n := range names {
		if i == most {
			parts = append(parts, fmt.Sprintf("… %d more", len(names)-most))
			break
		}
		parts = append(parts, textCell(n))
	}
	return strings.Join(parts, sep)
}

func delimiterName(r rune) string {
	switch r {
	case '\t':
		return "tab"
	case ';':
		return "';'"
	case '|':
		return "'|'"
	}
	return "','"
}

func yearSpan(years []int) string {
	switch len(years) {
	case 0:
		return "none"
	case 1:
		return fmt.Sprint(years[0])
	}
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = fmt.Sprint(y)
	}
	return fmt.Sprintf("%d (%s)", len(years), strings.Join(parts, ", "))
}
