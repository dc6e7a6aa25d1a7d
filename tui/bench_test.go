package tui

import (
	"bytes"
	"sync"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/sample"
	"github.com/parlens/parlens/data/synth"
	"github.com/parlens/parlens/tui/styles"
)

var (
	bigOnce sync.Once
	bigRes  *data.Result
	bigA    *analysis.Analysis
)

// bigData is 30,000 units × 10 years × 9 components: 3 blocs of 10,000.
func bigData(tb testing.TB) (*data.Result, *analysis.Analysis) {
	bigOnce.Do(func() {
		var buf bytes.Buffer
		if err := synth.Wide(&buf, synth.Spec{Units: 30000, Years: 10, Components: 9, Seed: 1}); err != nil {
			panic(err)
		}
		bigRes = data.ReadFS(fstest.MapFS{"wide.csv": {Data: buf.Bytes()}}, ".", data.Options{})
		if bigRes.Err() == nil {
			bigA = analysis.New(bigRes.Dataset)
		}
	})
	if err := bigRes.Err(); err != nil {
		tb.Fatal(err)
	}
	return bigRes, bigA
}

func bigModel(tb testing.TB, w, h int) *Model {
	res, a := bigData(tb)
	m := New(Options{Result: res, Analysis: a, Theme: styles.Dark})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	press(m, "2")
	if n := rankingOf(m).g.Len(); n != 10000 {
		tb.Fatalf("bloc has %d units, want 10000", n)
	}
	_ = m.View()
	return m
}

// BenchmarkView: one key press (move down) and the frame that follows, on a
// bloc of 10,000 units. Budget: 2 ms.
func BenchmarkView(b *testing.B) {
	m := bigModel(b, 160, 50)
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if (i/200)%2 == 1 {
			k = up
		}
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkViewComponents is the same on the heatmap.
func BenchmarkViewComponents(b *testing.B) {
	m := bigModel(b, 160, 50)
	press(m, "5")
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if (i/200)%2 == 1 {
			k = up
		}
		m.Update(k)
		_ = m.View()
	}
}

// BenchmarkResize: a resize and the frame that follows. Budget: 20 ms.
func BenchmarkResize(b *testing.B) {
	m := bigModel(b, 160, 50)
	sizes := []tea.WindowSizeMsg{{Width: 120, Height: 40}, {Width: 200, Height: 60}, {Width: 80, Height: 24}, {Width: 161, Height: 51}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(sizes[i%len(sizes)])
		_ = m.View()
	}
}

// BenchmarkFilterKeystroke: typing one character into the filter (and
// deleting it again) with the frame after each, on 10,000 units.
func BenchmarkFilterKeystroke(b *testing.B) {
	m := bigModel(b, 160, 50)
	press(m, "/")
	typeText(m, "Phườn")
	ch, bs := keyMsg("g"), keyMsg("backspace")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			m.Update(ch)
		} else {
			m.Update(bs)
		}
		_ = m.View()
	}
}

// BenchmarkFirstFrame: from nothing to the first dashboard frame on the
// embedded sample: read, analyse, build the model, lay out, render.
// Budget: 150 ms.
func BenchmarkFirstFrame(b *testing.B) {
	s, _ := sample.Lookup("city")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		res := data.ReadFS(sample.FS, s.Dir, data.Options{Label: s.Label})
		m := New(Options{Result: res, Theme: styles.Dark})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}
