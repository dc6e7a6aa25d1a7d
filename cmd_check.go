package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/data"
)

// bindCheck: check has no flags beyond the input flags and --strict.
func bindCheck(*flag.FlagSet) func(*env) error { return runCheck }

// runCheck prints what was understood of each file, then every problem as
// file:line:column: message. Exit 0 without errors, 1 with errors (or with
// warnings under --strict), 2 for bad usage.
func runCheck(e *env) error {
	if len(e.paths) == 0 && e.in.sample == "" {
		e.usage()
		return &exitError{code: exitUsage}
	}
	r, err := e.in.read(e.paths, e.stdin)
	if err != nil {
		return usageError(err)
	}
	issues := r.Issues
	if r.Err() == nil {
		// Ranks and grades given in the data are checked against the scores.
		issues = append(issues, analysis.Check(r.Dataset)...)
	}
	stdout := e.stdout
	writeUnderstood(stdout, r.Dataset)
	errs := r.Errors() // analysis.Check adds warnings only
	warns := len(issues) - errs
	fmt.Fprintf(stdout, "\n%d %s, %d %s\n", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
	for _, i := range issues {
		fmt.Fprintln(stdout, data.Printable(i.String()))
	}
	switch {
	case errs > 0:
		return errReported
	case warns > 0 && e.strict:
		return &exitError{exitData, "parlens: --strict: the data has warnings"}
	}
	return nil
}

// writeUnderstood describes each file and the dataset as a whole.
func writeUnderstood(w io.Writer, ds *data.Dataset) {
	if ds.Label != "" {
		fmt.Fprintln(w, data.Printable(ds.Label))
	}
	for _, f := range ds.Files {
		fmt.Fprintf(w, "%s: %s, %s, delimiter %s, decimal %q, %d rows\n",
			data.Printable(f.Name), f.Kind, f.Encoding, delimiterName(f.Delimiter), f.Decimal, f.Rows)
		if len(f.Ignored) > 0 {
			fmt.Fprintf(w, "  ignored text columns: %s\n", shortList(f.Ignored, ", "))
		}
		for _, note := range f.Notes {
			fmt.Fprintf(w, "  %s\n", data.Printable(note))
		}
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
		parts = append(parts, present.TextCell(n))
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
