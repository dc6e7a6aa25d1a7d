// Package bench measures every stage of parlens on the standard workloads
// (see BENCHMARKS.md): M is 2,000 units × 10 years × 9 components, L is
// 20,000 units × 10 years × 30 criteria (wide ≈ 200k rows, long ≈ 6M rows).
//
//	go test ./bench -run '^$' -bench . -benchtime 5x
//
// The data is generated in memory by data/synth with the same settings as
// `parlens gen --workload M|L` (sidecars included), once per process.
package bench

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/brief"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/synth"
	"github.com/parlens/parlens/tui"
	"github.com/parlens/parlens/tui/styles"
)

// workloads are `parlens gen --workload M|L`.
var workloads = []struct {
	name string
	spec synth.Spec
}{
	{"M", synth.Realistic(2000, 10, 9, 1)},
	{"L", synth.Realistic(20000, 10, 30, 1)},
}

type files struct {
	spec              synth.Spec
	wide, comps, unit []byte
	longOnce          sync.Once
	long              []byte // generated on first use: 540 MB for L
}

// fs returns the file of a format ("wide" or "long") with its sidecars.
func (f *files) fs(tb testing.TB, format string) fstest.MapFS {
	data := f.wide
	if format == "long" {
		data = f.longFile(tb)
	}
	return fstest.MapFS{format + ".csv": {Data: data}, "components.csv": {Data: f.comps}, "units.csv": {Data: f.unit}}
}

func (f *files) longFile(tb testing.TB) []byte {
	f.longOnce.Do(func() {
		var b bytes.Buffer
		if err := synth.Long(&b, f.spec); err != nil {
			tb.Fatal(err)
		}
		f.long = b.Bytes()
	})
	return f.long
}

var (
	genMu  sync.Mutex
	genned = map[string]*files{}
	loaded = map[string]*data.Result{}
)

func gen(tb testing.TB, name string, spec synth.Spec) *files {
	genMu.Lock()
	defer genMu.Unlock()
	if f, ok := genned[name]; ok {
		return f
	}
	f := &files{spec: spec}
	for _, w := range []struct {
		fn  func(io.Writer, synth.Spec) error
		out *[]byte
	}{{synth.Wide, &f.wide}, {synth.Components, &f.comps}, {synth.Units, &f.unit}} {
		var b bytes.Buffer
		if err := w.fn(&b, spec); err != nil {
			tb.Fatal(err)
		}
		*w.out = b.Bytes()
	}
	genned[name] = f
	return f
}

// dataset is the workload's wide file, loaded once.
func dataset(tb testing.TB, name string, spec synth.Spec) *data.Result {
	f := gen(tb, name, spec)
	genMu.Lock()
	defer genMu.Unlock()
	if r, ok := loaded[name]; ok {
		return r
	}
	r := data.ReadFS(f.fs(tb, "wide"), ".", data.Options{})
	if err := r.Err(); err != nil {
		tb.Fatal(err)
	}
	loaded[name] = r
	return r
}

// floor is the bare encoding/csv read bench/csvread does: every cell read,
// every number parsed, nothing kept.
func floor(b *testing.B, raw []byte) {
	r := csv.NewReader(bufio.NewReader(bytes.NewReader(raw)))
	r.ReuseRecord = true
	n := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range rec {
			if c != "" && c[0] >= '0' && c[0] <= '9' {
				if _, err := strconv.ParseFloat(c, 64); err == nil {
					n++
				}
			}
		}
	}
	if n == 0 {
		b.Fatal("no numbers")
	}
}

// BenchmarkLoad: reading, decoding, parsing and validating a file into a
// Dataset (data.Read, sidecars included), wide and long, next to the floor.
func BenchmarkLoad(b *testing.B) {
	for _, w := range workloads {
		f := gen(b, w.name, w.spec)
		for _, format := range []string{"wide", "long"} {
			raw := f.wide
			if format == "long" {
				raw = f.longFile(b)
			}
			b.Run(w.name+"/"+format+"/encoding_csv", func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				for b.Loop() {
					floor(b, raw)
				}
			})
			b.Run(w.name+"/"+format+"/parlens", func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				for b.Loop() {
					r := data.ReadFS(f.fs(b, format), ".", data.Options{})
					if err := r.Err(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkValidate: the checks `parlens check` adds to the load (published
// ranks and grades against the computed ones).
func BenchmarkValidate(b *testing.B) {
	for _, w := range workloads {
		ds := dataset(b, w.name, w.spec).Dataset
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				analysis.Check(ds)
			}
		})
	}
}

// BenchmarkAnalysisNew: grouping, ranking, grading and linking years.
func BenchmarkAnalysisNew(b *testing.B) {
	for _, w := range workloads {
		ds := dataset(b, w.name, w.spec).Dataset
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				analysis.New(ds)
			}
		})
	}
}

// BenchmarkAnalyzeAll: every result of every year: summaries, movers,
// components and gaps of every bloc, from a fresh Analysis.
func BenchmarkAnalyzeAll(b *testing.B) {
	for _, w := range workloads {
		ds := dataset(b, w.name, w.spec).Dataset
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				a := analysis.New(ds)
				n := 0
				for _, ix := range a.Indices() {
					for _, y := range a.Years(ix) {
						s, _ := a.Summary(ix, y)
						n += len(s.Blocs) + len(a.Movers(ix, y))
						for _, bl := range a.BlocsIn(ix, y) {
							c, _ := a.Components(data.Slice{Index: ix, Year: y, Bloc: bl})
							n += len(c.Units) + len(a.Gaps(data.Slice{Index: ix, Year: y, Bloc: bl}))
						}
					}
				}
				if n == 0 {
					b.Fatal("nothing analysed")
				}
			}
		})
	}
}

// BenchmarkBrief: the briefing of the latest year from a fresh Analysis
// (analysis.New included, as `parlens brief` does after the load).
func BenchmarkBrief(b *testing.B) {
	for _, w := range workloads {
		ds := dataset(b, w.name, w.spec).Dataset
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				br, err := brief.Generate(analysis.New(ds), brief.Options{})
				if err != nil {
					b.Fatal(err)
				}
				_ = br.Markdown()
			}
		})
	}
}

func key(k string) tea.KeyPressMsg {
	switch k {
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// BenchmarkFirstFrame: from the file's bytes to the first dashboard frame
// with data: load, analyse, build the model, lay out, render (160×50).
func BenchmarkFirstFrame(b *testing.B) {
	for _, w := range workloads {
		f := gen(b, w.name, w.spec)
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				res := data.ReadFS(f.fs(b, "wide"), ".", data.Options{})
				m := tui.New(tui.Options{Result: res, Theme: styles.Dark})
				m.Update(tea.WindowSizeMsg{Width: 160, Height: 50})
				m.Settle() // the overview's data, computed off the update loop on L
				if v := m.View(); len(v.Content) == 0 {
					b.Fatal("empty frame")
				}
			}
		})
	}
}

// ranking is the dashboard on the ranking of the latest year's first bloc.
func ranking(b *testing.B, name string, spec synth.Spec) *tui.Model {
	res := dataset(b, name, spec)
	m := tui.New(tui.Options{Result: res, Analysis: analysis.New(res.Dataset), Theme: styles.Dark})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 50})
	m.Update(key("2"))
	m.Settle() // the ranking's rows, computed off the update loop on L
	_ = m.View()
	return m
}

// BenchmarkKeyPress: one key (down, or up) and the frame that follows, on
// the ranking of a bloc (667 units in M, 6,667 in L).
func BenchmarkKeyPress(b *testing.B) {
	for _, w := range workloads {
		b.Run(w.name, func(b *testing.B) {
			m := ranking(b, w.name, w.spec)
			down, up := key("j"), key("k")
			i := 0
			for b.Loop() {
				k := down
				if (i/200)%2 == 1 {
					k = up
				}
				i++
				m.Update(k)
				_ = m.View()
			}
		})
	}
}

// BenchmarkResize: a new terminal size and the frame that follows.
func BenchmarkResize(b *testing.B) {
	for _, w := range workloads {
		b.Run(w.name, func(b *testing.B) {
			m := ranking(b, w.name, w.spec)
			sizes := []tea.WindowSizeMsg{{Width: 120, Height: 40}, {Width: 200, Height: 60}, {Width: 80, Height: 24}, {Width: 161, Height: 51}}
			i := 0
			for b.Loop() {
				m.Update(sizes[i%len(sizes)])
				i++
				_ = m.View()
			}
		})
	}
}

// BenchmarkFilterKeystroke: one character typed into the ranking's filter
// (or deleted again) and the frame that follows.
func BenchmarkFilterKeystroke(b *testing.B) {
	for _, w := range workloads {
		b.Run(w.name, func(b *testing.B) {
			m := ranking(b, w.name, w.spec)
			m.Update(key("/"))
			for _, r := range "Phườn" {
				m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			ch, bs := key("g"), key("backspace")
			i := 0
			for b.Loop() {
				if i%2 == 0 {
					m.Update(ch)
				} else {
					m.Update(bs)
				}
				i++
				_ = m.View()
			}
		})
	}
}

// TestWorkloadsLoad keeps the benchmark inputs honest: M loads without
// errors or warnings, wide and long to the same records.
func TestWorkloadsLoad(t *testing.T) {
	f := gen(t, "M", workloads[0].spec)
	wide := data.ReadFS(f.fs(t, "wide"), ".", data.Options{})
	long := data.ReadFS(f.fs(t, "long"), ".", data.Options{})
	for _, r := range []*data.Result{wide, long} {
		if len(r.Issues) > 0 {
			t.Fatalf("%d issues, first: %v", len(r.Issues), r.Issues[0])
		}
	}
	a, c := wide.Dataset.Records, long.Dataset.Records
	if len(a) != len(c) || len(a) < 19000 {
		t.Fatalf("wide %d records, long %d", len(a), len(c))
	}
	for i := range a {
		x, y := a[i], c[i]
		if x.UnitID != y.UnitID || x.Year != y.Year || x.Bloc != y.Bloc || x.Unit != y.Unit ||
			fmt.Sprint(x.ScoreValues()) != fmt.Sprint(y.ScoreValues()) || analysisCents(x.Total) != analysisCents(y.Total) {
			t.Fatalf("record %d differs:\nwide %+v\nlong %+v", i, x, y)
		}
	}
}

func analysisCents(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// BenchmarkSummary is `parlens summary --format json` without the process:
// load (sidecars included), analyse, summarise every year and bloc, encode.
func BenchmarkSummary(b *testing.B) {
	for _, w := range workloads {
		f := gen(b, w.name, w.spec)
		for _, format := range []string{"wide", "long"} {
			b.Run(w.name+"/"+format, func(b *testing.B) {
				for b.Loop() {
					summarize(b, f.fs(b, format))
				}
			})
		}
	}
}

// summarize is `parlens summary --format json` without the process.
func summarize(b *testing.B, fsys fstest.MapFS) {
	r := data.ReadFS(fsys, ".", data.Options{})
	if err := r.Err(); err != nil {
		b.Fatal(err)
	}
	a := analysis.New(r.Dataset)
	var out []analysis.YearSummary
	for _, ix := range a.Indices() {
		for _, y := range a.Years(ix) {
			s, _ := a.Summary(ix, y)
			out = append(out, s)
		}
	}
	if err := json.NewEncoder(io.Discard).Encode(out); err != nil {
		b.Fatal(err)
	}
}

// TestParallelMatchesSerial: the work spread over cores (file pieces, the
// finishing of records, ranking of groups) gives what one core gives. Run
// it with -race too.
func TestParallelMatchesSerial(t *testing.T) {
	spec := synth.Realistic(9000, 3, 6, 4)
	var wide, long bytes.Buffer
	if err := synth.Wide(&wide, spec); err != nil {
		t.Fatal(err)
	}
	if err := synth.Long(&long, spec); err != nil {
		t.Fatal(err)
	}
	run := func(procs int, name string, text []byte) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		r := data.ReadFS(fstest.MapFS{name: {Data: text}}, ".", data.Options{})
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		a := analysis.New(r.Dataset)
		var out bytes.Buffer
		enc := json.NewEncoder(&out)
		for _, ix := range a.Indices() {
			for _, y := range a.Years(ix) {
				s, _ := a.Summary(ix, y)
				enc.Encode(s)
				for _, bl := range a.BlocsIn(ix, y) {
					tb, _ := a.Table(data.Slice{Index: ix, Year: y, Bloc: bl})
					enc.Encode(tb)
				}
			}
		}
		return fmt.Sprintf("%v\n%+v\n%s", r.Issues, r.Dataset.Records, out.String())
	}
	for name, text := range map[string][]byte{"wide.csv": wide.Bytes(), "long.csv": long.Bytes()} {
		if one, two := run(1, name, text), run(4, name, text); one != two {
			t.Errorf("%s: 4 cores and 1 core differ", name)
		}
	}
}

// BenchmarkGrowth is `summary` (BenchmarkSummary's work, wide) at growing
// unit counts with L's shape (10 years, 30 criteria), reporting time per MB
// of file: cost linear in the input keeps ms/MB flat (issue 18: within 15%
// from 20,000 to 200,000 units). 200,000 units (450 MB, about 2 GB of
// memory) run only with PARLENS_BENCH_200K=1:
//
//	PARLENS_BENCH_200K=1 go test ./bench -run '^$' -bench Growth -benchtime 2x
func BenchmarkGrowth(b *testing.B) {
	sizes := []int{2000, 20000}
	if os.Getenv("PARLENS_BENCH_200K") == "1" {
		sizes = append(sizes, 200000)
	}
	for _, units := range sizes {
		b.Run(fmt.Sprintf("units=%d", units), func(b *testing.B) {
			f := gen(b, fmt.Sprintf("growth-%d", units), synth.Realistic(units, 10, 30, 1))
			mb := float64(len(f.wide)) / 1e6
			for b.Loop() {
				summarize(b, f.fs(b, "wide"))
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/mb, "ms/MB")
		})
	}
}
