package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/brief"
	"github.com/parlens/parlens/data"
)

func init() {
	commands["brief"] = command{"draft the annual results briefing", runBrief}
}

// briefBlocs collects repeated --bloc flags (bloc names contain commas, so
// one flag holds one bloc).
type briefBlocs []string

func (b *briefBlocs) String() string { return strings.Join(*b, "; ") }
func (b *briefBlocs) Set(s string) error {
	*b = append(*b, s)
	return nil
}

// runBrief drafts the briefing of one index and year: Markdown on standard
// output by default, plain text or the statements as JSON on request.
func runBrief(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("brief", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in inputFlags
	in.register(fs)
	year := fs.Int("year", 0, "year (default: the latest year of the index)")
	index := fs.String("index", "", "index name or accent-insensitive part of it (default: the first index)")
	var blocs briefBlocs
	fs.Var(&blocs, "bloc", "bloc name or accent-insensitive part of it (every bloc it matches); repeat for several (default: every bloc)")
	lang := fs.String("lang", "vi", "language: vi or en")
	format := fs.String("format", "md", "output format: md, txt or json")
	out := fs.String("o", "", "write to `FILE` (atomically) instead of standard output")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `Usage: parlens brief [flags] [PATH...]

Drafts the annual results briefing of one index and year: a lead, one section
per bloc, notable movements, components and a note on sources and grades.
Every sentence comes from the analysis; --format json lists the statements
with the numbers behind each one.

Flags:`)
		fs.PrintDefaults()
	}
	paths, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if *lang != "vi" && *lang != "en" {
		fmt.Fprintf(stderr, "parlens brief: --lang must be vi or en, not %q\n", *lang)
		return exitUsage
	}
	switch *format {
	case formatMD, "txt", formatJSON:
	default:
		fmt.Fprintf(stderr, "parlens brief: --format must be md, txt or json, not %q\n", *format)
		return exitUsage
	}
	ds, code := in.load(paths, stdin, stderr)
	if ds == nil {
		return code
	}
	a := analysis.New(ds)

	opt := brief.Options{Year: *year, Lang: *lang}
	indices := a.Indices()
	if *index != "" {
		m := analysis.MatchBloc(*index, indices) // the same matching rules as blocs
		switch len(m) {
		case 0:
			return briefUnknown(stderr, "index", *index, indices)
		case 1:
			opt.Index = m[0]
		default:
			return briefAmbiguous(stderr, "index", *index, m)
		}
	} else if len(indices) > 0 {
		opt.Index = indices[0]
	}
	years := a.Years(opt.Index)
	if *year != 0 && !slices.Contains(years, *year) {
		names := make([]string, len(years))
		for i, y := range years {
			names[i] = strconv.Itoa(y)
		}
		return briefUnknown(stderr, "year", strconv.Itoa(*year), names)
	}
	y := *year
	if y == 0 && len(years) > 0 {
		y = years[len(years)-1]
	}
	for _, q := range blocs {
		all := a.Blocs(opt.Index)
		m := analysis.MatchBloc(q, all) // every bloc of the first matching tier, as the other commands do
		if len(m) == 0 {
			return briefUnknown(stderr, "bloc", q, all)
		}
		for _, b := range m {
			if !slices.Contains(a.BlocsIn(opt.Index, y), b) {
				fmt.Fprintf(stderr, "parlens: bloc %q has no data in %d (%s)\n", data.Printable(b), y, data.Printable(opt.Index))
				return exitData
			}
			if !slices.Contains(opt.Blocs, b) {
				opt.Blocs = append(opt.Blocs, b)
			}
		}
	}

	b, err := brief.Generate(a, opt)
	if err != nil {
		printErr(stderr, err)
		return exitData
	}
	write := func(w io.Writer) error {
		switch *format {
		case formatJSON:
			return writeJSON(w, b.Statements())
		case "txt":
			_, err := io.WriteString(w, b.Text())
			return err
		}
		_, err := io.WriteString(w, b.Markdown())
		return err
	}
	if *out != "" {
		err = writeFileAtomic(*out, write)
	} else {
		err = write(stdout)
	}
	if err != nil {
		printErr(stderr, err)
		return exitData
	}
	return exitOK
}

// briefUnknown reports an unknown index, year or bloc with close matches.
func briefUnknown(stderr io.Writer, what, query string, candidates []string) int {
	msg := fmt.Sprintf("parlens: unknown %s %q", what, data.Printable(query))
	if s := analysis.Suggest(query, candidates); len(s) > 0 {
		msg += "; did you mean: " + data.Printable(strings.Join(s, ", ")) + "?"
	} else if len(candidates) > 0 && len(candidates) <= 12 {
		msg += "; known: " + data.Printable(strings.Join(candidates, ", "))
	}
	fmt.Fprintln(stderr, msg)
	return exitData
}

// briefAmbiguous reports a name that matches several indices.
func briefAmbiguous(stderr io.Writer, what, query string, matches []string) int {
	fmt.Fprintf(stderr, "parlens: %s %q matches %d: %s; be more specific\n",
		what, data.Printable(query), len(matches), data.Printable(strings.Join(matches, " | ")))
	return exitData
}
