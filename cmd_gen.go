package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parlens/parlens/data/synth"
)

// genAbout is the paragraph of `parlens gen -h`.
const genAbout = `Writes deterministic synthetic PAR Index data: Vietnamese unit names in three blocs,
component maxima, grades, renamed units, ties and missing years.`

// workloads are the standard benchmark sizes (see BENCHMARKS.md):
// S a ministry's history, M a province ranking its communes, L a national
// commune-level table with 30 criteria.
var workloads = map[string]struct{ units, years, components int }{
	"S": {80, 13, 8},
	"M": {2000, 10, 9},
	"L": {20000, 10, 30},
}

// genFlags are the flags of `parlens gen`.
type genFlags struct {
	workload                       string
	units, years, comps, firstYear int
	seed                           uint64
	format                         choice
	plain                          bool
	out, sidecars                  string
}

func bindGen(fs *flag.FlagSet) func(*env) error {
	f := &genFlags{format: newChoice("wide", "long")}
	fs.StringVar(&f.workload, "workload", "", "a standard size: S (80 units × 13 years × 8 components), M (2,000 × 10 × 9) or L (20,000 × 10 × 30); other flags override it")
	fs.IntVar(&f.units, "units", 80, "number of units")
	fs.IntVar(&f.years, "years", 13, "number of years")
	fs.IntVar(&f.comps, "components", 8, "number of components (criteria)")
	fs.IntVar(&f.firstYear, "first-year", 2015, "first year")
	fs.Uint64Var(&f.seed, "seed", 1, "random seed: the same seed gives the same file")
	fs.Var(&f.format, "format", "`layout`: wide (one row per unit and year) or long (one row per unit, year and component)")
	fs.BoolVar(&f.plain, "plain", false, "no renamed units, missing years or forced ties, and equal component maxima")
	fs.StringVar(&f.out, "o", "", "write to this file (atomically) instead of standard output")
	fs.StringVar(&f.sidecars, "sidecars", "", "also write components.csv (maxima) and units.csv (renamed units) into this directory")
	return func(e *env) error {
		set := map[string]bool{}
		fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
		return runGen(e, f, set)
	}
}

func runGen(e *env, f *genFlags, set map[string]bool) error {
	if len(e.paths) > 0 {
		return e.usageErrorf("unexpected argument %q (use -o FILE to name the output)", e.paths[0])
	}
	if f.workload != "" {
		w, ok := workloads[strings.ToUpper(f.workload)]
		if !ok {
			return e.usageErrorf("--workload must be S, M or L, not %q", f.workload)
		}
		if !set["units"] {
			f.units = w.units
		}
		if !set["years"] {
			f.years = w.years
		}
		if !set["components"] {
			f.comps = w.components
		}
	}
	switch {
	case f.units < 1 || f.years < 1 || f.comps < 1:
		return e.usageErrorf("--units, --years and --components must be at least 1")
	case f.firstYear < 1900 || f.firstYear+f.years-1 > 2200:
		return e.usageErrorf("years must lie between 1900 and 2200")
	}
	spec := synth.Realistic(f.units, f.years, f.comps, f.seed)
	if f.plain {
		spec = synth.Spec{Units: f.units, Years: f.years, Components: f.comps, Seed: f.seed}
	}
	spec.FirstYear = f.firstYear
	write := func(w io.Writer) error {
		if f.format.value == "long" {
			return synth.Long(w, spec)
		}
		return synth.Wide(w, spec)
	}
	if f.sidecars != "" {
		if err := os.MkdirAll(f.sidecars, 0o755); err != nil {
			return err
		}
		for name, fn := range map[string]func(io.Writer, synth.Spec) error{"components.csv": synth.Components, "units.csv": synth.Units} {
			if err := writeFileAtomic(filepath.Join(f.sidecars, name), func(w io.Writer) error { return fn(w, spec) }); err != nil {
				return err
			}
		}
	}
	if f.out == "" || f.out == "-" {
		return write(e.stdout)
	}
	return writeFileAtomic(f.out, write)
}
