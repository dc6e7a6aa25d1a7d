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
	writeLineage(stdout, r.Dataset)
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

// writeLineage says which lineage was applied, or offers the shipped one
// the data's unit names match (2024 and 2025 province names).
func writeLineage(w io.Writer, ds *data.Dataset) {
	applied := map[string]int{}
	for _, s := range ds.Lineage {
		if _, ok := data.LookupLineage(s.Source); ok {
			applied[s.Source]++
		}
	}
	for _, name := range data.ShippedLineages() {
		if n, ok := applied[name]; ok {
			fmt.Fprintf(w, "lineage: %s applied, %d %s joined to their successors\n", name, n, plural(n, "unit", "units"))
		}
	}
	if len(applied) > 0 {
		return
	}
	if name, before, after, ok := data.SuggestLineage(ds); ok {
		l, _ := data.LookupLineage(name)
		fmt.Fprintf(w, "lineage: %d unit names before %d and %d from %d match the shipped lineage %s; add --lineage %s to compare across it\n",
			before, l.Year, after, l.Year, name, name)
	}
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
	t := &present.Table{Headers: []string{"column", "header", "understood as"}}
	var summed []string
	total := ""
	counts := map[string]int{}
	unread := false
	for _, c := range f.Columns {
		unread = unread || c.Role == data.RoleNotRead
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
		if len(t.Rows) < mostColumnsShown {
			t.Add(c.Col, c.Header, role)
		} else {
			counts[c.Role]++
		}
	}
	var buf bytes.Buffer
	t.WriteText(&buf, false)
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
	case unread:
		fmt.Fprintln(w, "  total: unknown, the rows were not read (see the errors below)")
	case f.Kind == "long":
		fmt.Fprintln(w, "  total: the sum of each unit's component rows, unless a row of the component column gives it; a unit missing a component of its year is not ranked")
	case total != "":
		fmt.Fprintf(w, "  total: %s, as given", present.TextCell(total))
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
			fmt.Fprintf(w, "  %s %d, %s: %s\n", present.TextCell(r.Index), r.Year, present.TextCell(r.Unit), shortList(r.MissingParts(), ", "))
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
