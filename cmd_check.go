package main

import (
	"flag"
	"fmt"
	"io"
	"sort"
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
