package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/sample"
)

// inputFlags are the flags every command shares for choosing its data.
type inputFlags struct {
	components, grades, units string
	sample                    string
	maxBytes, maxCells        int64
	maxColumns                int64
	ignoreMemory              bool
	columns                   columnMap
	sheet                     string
	// lineage applies a shipped lineage (data.ShippedLineages); baseline
	// asks for a combined previous score across a break (analysis.ParseBaseline).
	lineage, baseline string
}

// columnMap is the repeatable --column ROLE="Header as written".
type columnMap map[string]string

func (m *columnMap) String() string { return "" }

func (m *columnMap) Set(v string) error {
	role, header, ok := strings.Cut(v, "=")
	role, header = strings.TrimSpace(role), strings.TrimSpace(header)
	if !ok || role == "" || header == "" {
		return fmt.Errorf("want ROLE=\"Header\", e.g. total=\"Điểm\" (roles: %s)", strings.Join(data.MappableRoles(), ", "))
	}
	if !data.KnownColumnRole(role) {
		return fmt.Errorf("unknown role %q (roles: %s)", role, strings.Join(data.MappableRoles(), ", "))
	}
	if *m == nil {
		*m = columnMap{}
	}
	(*m)[role] = header
	return nil
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.components, "components", "", "components.csv: component codes, names and maximum points")
	fs.StringVar(&f.grades, "grades", "", "grades.csv: grade schemes (grade, min, index, bloc, years); \"default\" for the built-in scheme (without either, only grades in the data count)")
	fs.StringVar(&f.units, "units", "", "units.csv: unit codes, aliases and successors")
	fs.StringVar(&f.sample, "sample", "", "use an embedded sample: "+sampleNames())
	fs.Int64Var(&f.maxBytes, "max-bytes", data.DefaultMaxBytes, "largest input file accepted, in bytes")
	fs.Int64Var(&f.maxCells, "max-cells", data.DefaultMaxCells, "most cells (rows × columns) accepted in one input file")
	fs.Int64Var(&f.maxColumns, "max-columns", data.DefaultMaxColumns, "most columns accepted in one input file")
	fs.BoolVar(&f.ignoreMemory, "ignore-memory", false, "load a file even when it looks too big for the available memory")
	fs.StringVar(&f.sheet, "sheet", "", "read only this sheet of each .xlsx workbook (hidden or not); by default every sheet holding a PAR table")
	fs.StringVar(&f.lineage, "lineage", "", "apply a shipped lineage (mergers by name): "+strings.Join(data.ShippedLineages(), ", "))
	fs.StringVar(&f.baseline, "baseline", "", "across a merger, also compare with a combined baseline of the predecessors: mean, or weighted:COLUMN (a number column of units.csv, e.g. weighted:population)")
	fs.Var(&f.columns, "column", "ROLE=\"Header\": read that column as the role, e.g. total=\"Điểm\" (repeatable; roles: "+strings.Join(data.MappableRoles(), ", ")+")")
}

func (f *inputFlags) options(stdin io.Reader) data.Options {
	return data.Options{Components: f.components, Grades: f.grades, Units: f.units, Stdin: stdin, MaxBytes: f.maxBytes, MaxCells: f.maxCells, MaxColumns: f.maxColumns,
		IgnoreMemory: f.ignoreMemory, Columns: f.columns, Sheet: f.sheet, Lineage: f.lineage}
}

func sampleNames() string {
	s := ""
	for i, x := range sample.Samples {
		if i > 0 {
			s += ", "
		}
		s += x.Name
	}
	return s
}

// read loads the named paths, or the embedded sample when there are none.
func (f *inputFlags) read(paths []string, stdin io.Reader) (*data.Result, error) {
	if len(paths) > 0 && f.sample != "" {
		return nil, fmt.Errorf("give either PATH or --sample, not both")
	}
	if f.lineage != "" {
		if _, ok := data.LookupLineage(f.lineage); !ok {
			return nil, fmt.Errorf("unknown lineage %q (shipped: %s)", f.lineage, strings.Join(data.ShippedLineages(), ", "))
		}
	}
	if f.baseline != "" {
		if _, err := analysis.ParseBaseline(f.baseline); err != nil {
			return nil, err
		}
	}
	if len(paths) > 0 {
		defer loadGC()()
		return data.Read(paths, f.options(stdin)), nil
	}
	name := f.sample
	if name == "" {
		name = sample.Samples[0].Name
	}
	s, ok := sample.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("unknown sample %q (samples: %s)", name, sampleNames())
	}
	opt := f.options(stdin)
	opt.Label = s.Label
	if opt.Lineage == "" {
		opt.Lineage = s.Lineage
	}
	return data.ReadFS(sample.FS, s.Dir, opt), nil
}

// load is read for commands that need a whole dataset: a load with
// errors is an error (exit 1), PATH with --sample or an unknown sample is
// bad usage (exit 2).
func (f *inputFlags) load(paths []string, stdin io.Reader) (*data.Dataset, error) {
	tuneGC()
	r, err := f.read(paths, stdin)
	if err != nil {
		return nil, usageError(err)
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	return r.Dataset, nil
}

// parseArgs parses flags wherever they stand among the arguments, so
// `parlens unit "Sở Nội vụ" --year 2021` and `parlens DIR --theme dark`
// work. "--" ends the flags for good: every argument after it is an operand,
// even one that starts with a dash.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if endedByDashDash(fs, args[:len(args)-len(left)]) {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			break
		}
		rest = append(rest, left[0]) // an operand: flags may follow it
		args = left[1:]
	}
	return rest, nil
}

// endedByDashDash reports whether the flag package, having consumed these
// arguments, stopped at a "--" of its own (not one given as a flag's value,
// as in --index --).
func endedByDashDash(fs *flag.FlagSet, consumed []string) bool {
	for i := 0; i < len(consumed); i++ {
		a := consumed[i]
		if a == "--" {
			return true
		}
		if takesNextArg(fs, a) {
			i++ // its value, whatever it looks like
		}
	}
	return false
}

// takesNextArg reports whether a flag argument (-name or --name, without
// =value) takes the argument after it as its value: every defined flag but
// a boolean one does.
func takesNextArg(fs *flag.FlagSet, arg string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	if name == arg || strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	return f != nil && !isBool(f)
}
