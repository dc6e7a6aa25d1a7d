package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parlens/parlens/data/synth"
)

func init() {
	commands["gen"] = command{"write a synthetic dataset for benchmarks and scale tests (wide or long)", runGen}
	commandOrder = append(commandOrder, "gen")
}

// workloads are the standard benchmark sizes (see BENCHMARKS.md):
// S a ministry's history, M a province ranking its communes, L a national
// commune-level table with 30 criteria.
var workloads = map[string]struct{ units, years, components int }{
	"S": {80, 13, 8},
	"M": {2000, 10, 9},
	"L": {20000, 10, 30},
}

func runGen(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	workload := fs.String("workload", "", "a standard size: S (80 units × 13 years × 8 components), M (2,000 × 10 × 9) or L (20,000 × 10 × 30); other flags override it")
	units := fs.Int("units", 80, "number of units")
	years := fs.Int("years", 13, "number of years")
	comps := fs.Int("components", 8, "number of components (criteria)")
	firstYear := fs.Int("first-year", 2015, "first year")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same file")
	format := fs.String("format", "wide", "wide (one row per unit and year) or long (one row per unit, year and component)")
	plain := fs.Bool("plain", false, "no renamed units, missing years or forced ties, and equal component maxima")
	out := fs.String("o", "", "write to this file (atomically) instead of standard output")
	sidecars := fs.String("sidecars", "", "also write components.csv (maxima) and units.csv (renamed units) into this directory")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: parlens gen [flags]\n\nWrites deterministic synthetic PAR Index data: Vietnamese unit names in three blocs,\ncomponent maxima, grades, renamed units, ties and missing years.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "parlens gen: unexpected argument %q (use -o FILE to name the output)\n", rest[0])
		return exitUsage
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *workload != "" {
		w, ok := workloads[strings.ToUpper(*workload)]
		if !ok {
			fmt.Fprintf(stderr, "parlens gen: --workload must be S, M or L, not %q\n", *workload)
			return exitUsage
		}
		if !set["units"] {
			*units = w.units
		}
		if !set["years"] {
			*years = w.years
		}
		if !set["components"] {
			*comps = w.components
		}
	}
	switch {
	case *units < 1 || *years < 1 || *comps < 1:
		fmt.Fprintln(stderr, "parlens gen: --units, --years and --components must be at least 1")
		return exitUsage
	case *firstYear < 1900 || *firstYear+*years-1 > 2200:
		fmt.Fprintln(stderr, "parlens gen: years must lie between 1900 and 2200")
		return exitUsage
	case *format != "wide" && *format != "long":
		fmt.Fprintf(stderr, "parlens gen: --format must be wide or long, not %q\n", *format)
		return exitUsage
	}
	spec := synth.Realistic(*units, *years, *comps, *seed)
	if *plain {
		spec = synth.Spec{Units: *units, Years: *years, Components: *comps, Seed: *seed}
	}
	spec.FirstYear = *firstYear
	write := func(w io.Writer) error {
		if *format == "long" {
			return synth.Long(w, spec)
		}
		return synth.Wide(w, spec)
	}
	if *sidecars != "" {
		if err := os.MkdirAll(*sidecars, 0o755); err != nil {
			fmt.Fprintln(stderr, "parlens gen:", err)
			return exitData
		}
		for name, fn := range map[string]func(io.Writer, synth.Spec) error{"components.csv": synth.Components, "units.csv": synth.Units} {
			if err := writeFileAtomic(filepath.Join(*sidecars, name), func(w io.Writer) error { return fn(w, spec) }); err != nil {
				fmt.Fprintln(stderr, "parlens gen:", err)
				return exitData
			}
		}
	}
	if *out == "" || *out == "-" {
		if err := write(stdout); err != nil {
			fmt.Fprintln(stderr, "parlens gen:", err)
			return exitData
		}
		return exitOK
	}
	if err := writeFileAtomic(*out, write); err != nil {
		fmt.Fprintln(stderr, "parlens gen:", err)
		return exitData
	}
	return exitOK
}
