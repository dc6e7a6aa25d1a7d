package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/brief"
	"github.com/parlens/parlens/analysis/present"
	"github.com/parlens/parlens/data"
)

// briefAbout is the paragraph of `parlens brief -h`.
const briefAbout = `Drafts the annual results announcement of a year: every index (the PAR Index
first; --index narrows it to one), each with a lead, one section per bloc and
notable movements, then notes on sources and grades. --annex adds the
analyst's annex (ranks with last year's score, units that gained points yet
lost places, components). Every sentence comes from the analysis;
--format json lists the statements with the numbers behind each one.`

// briefBlocs collects repeated --bloc flags (bloc names contain commas, so
// one flag holds one bloc).
type briefBlocs []string

func (b *briefBlocs) String() string { return strings.Join(*b, "; ") }
func (b *briefBlocs) Set(s string) error {
	*b = append(*b, s)
	return nil
}

// briefFlags are the flags of `parlens brief`: one index and year, and
// blocs by repeated --bloc.
type briefFlags struct {
	year         int
	annex        bool
	index, out   string
	lang, format choice
	blocs        briefBlocs
}

// bindBrief drafts the briefing of one index and year: Markdown on standard
// output by default, plain text or the statements as JSON on request.
func bindBrief(fs *flag.FlagSet) func(*env) error {
	f := &briefFlags{lang: newChoice("vi", "en"), format: newFormatChoice(present.FormatMD, present.FormatText, present.FormatJSON, present.FormatDOCX)}
	fs.IntVar(&f.year, "year", 0, "year (default: the latest year of the index)")
	fs.StringVar(&f.index, "index", "", "index name or accent-insensitive part of it (default: every index, the PAR Index first)")
	fs.BoolVar(&f.annex, "annex", false, "add the analyst's annex: counterfactual ranks, gains with lost places, components")
	fs.Var(&f.blocs, "bloc", "bloc name or accent-insensitive part of it (every bloc it matches); repeat for several (default: every bloc)")
	fs.Var(&f.lang, "lang", "`language`: "+f.lang.choices())
	fs.Var(&f.format, "format", "output `format`: "+f.format.choices())
	fs.StringVar(&f.out, "o", "", "write to `FILE` (atomically) instead of standard output; its extension (.docx, .txt, .json, .md) picks --format when not given")
	return func(e *env) error { return runBrief(e, f) }
}

// briefExtensions pick the brief's --format from -o's extension when
// --format is not given.
var briefExtensions = map[string]string{".docx": present.FormatDOCX, ".txt": present.FormatText, ".json": present.FormatJSON, ".md": present.FormatMD}

func runBrief(e *env, f *briefFlags) error {
	if format, ok := briefExtensions[strings.ToLower(filepath.Ext(f.out))]; ok && !f.format.given {
		f.format.value = format
	}
	if f.format.value == present.FormatDOCX && f.out == "" && e.terminal {
		return e.usageErrorf("--format docx writes a binary Word document, which a terminal cannot show; give -o FILE.docx (or redirect standard output to a file)")
	}
	opt, err := briefOptions(e.a, f)
	if err != nil {
		return err
	}
	opt.Baseline = e.in.baseline
	b, err := brief.Generate(e.a, opt)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		switch f.format.value {
		case present.FormatJSON:
			return writeJSON(w, e.cmd.name, b.Statements())
		case present.FormatText:
			_, err := io.WriteString(w, b.Text())
			return err
		case present.FormatDOCX:
			return b.Document(e.a).WriteDOCX(w)
		}
		_, err := io.WriteString(w, b.Markdown())
		return err
	}
	if f.out != "" {
		return writeFileAtomic(f.out, write)
	}
	return write(e.stdout)
}

// briefOptions resolves the flags to the indices (one, or every index when
// --index is not given), a year and the blocs.
func briefOptions(a *analysis.Analysis, f *briefFlags) (brief.Options, error) {
	opt := brief.Options{Year: f.year, Lang: f.lang.value, Annex: f.annex}
	indices := a.Indices()
	if f.index != "" {
		m := analysis.MatchBloc(f.index, indices) // the same matching rules as blocs
		switch len(m) {
		case 0:
			return opt, unknownError("index", f.index, indices)
		case 1:
			opt.Index = m[0]
		default:
			return opt, &exitError{exitData, fmt.Sprintf("parlens: index %q matches %d: %s; be more specific",
				data.Printable(f.index), len(m), data.Printable(strings.Join(m, " | ")))}
		}
	}
	covered := indices // the indices the brief covers
	if opt.Index != "" {
		covered = []string{opt.Index}
	}
	if len(covered) == 0 {
		return opt, nil
	}
	years := a.Years(covered[0])
	if f.year != 0 && !slices.ContainsFunc(covered, func(ix string) bool { return slices.Contains(a.Years(ix), f.year) }) {
		return opt, unknownError("year", strconv.Itoa(f.year), yearNames(a, covered))
	}
	y := f.year
	if y == 0 && len(years) > 0 {
		y = years[len(years)-1]
	}
	var all, inYear []string // the blocs of the covered indices
	for _, ix := range covered {
		for _, b := range a.Blocs(ix) {
			if !slices.Contains(all, b) {
				all = append(all, b)
			}
		}
		for _, b := range a.BlocsIn(ix, y) {
			if !slices.Contains(inYear, b) {
				inYear = append(inYear, b)
			}
		}
	}
	for _, q := range f.blocs {
		m := analysis.MatchBloc(q, all) // every bloc of the first matching tier, as the other commands do
		if len(m) == 0 {
			return opt, unknownError("bloc", q, all)
		}
		for _, b := range m {
			if !slices.Contains(inYear, b) {
				return opt, &exitError{exitData, fmt.Sprintf("parlens: bloc %q has no data in %d (%s)", data.Printable(b), y, data.Printable(strings.Join(covered, ", ")))}
			}
			if !slices.Contains(opt.Blocs, b) {
				opt.Blocs = append(opt.Blocs, b)
			}
		}
	}
	return opt, nil
}

// choice is a flag with a fixed set of values, the first the default: a
// value outside the set is bad usage, refused while the flags are parsed.
type choice struct {
	value     string
	set       []string
	canonical func(string) string // when set, maps other spellings (aliases) to a value of set
	given     bool                // set on the command line, not the default
}

func newChoice(values ...string) choice { return choice{value: values[0], set: values} }

func (c *choice) String() string { return c.value }
func (c *choice) Set(s string) error {
	if c.canonical != nil {
		s = c.canonical(s)
	}
	if !slices.Contains(c.set, s) {
		return fmt.Errorf("must be %s", c.choices())
	}
	c.value, c.given = s, true
	return nil
}

// choices lists the values as "md, txt or json".
func (c *choice) choices() string {
	n := len(c.set)
	if n == 1 {
		return c.set[0]
	}
	return strings.Join(c.set[:n-1], ", ") + " or " + c.set[n-1]
}
