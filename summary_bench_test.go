package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/synth"
)

// BenchmarkSummaryEndToEnd runs `parlens summary --format json` on the
// 100k-row generated file (10,000 units × 10 years × 9 components) next to
// loading the same file alone. Budget (issue 3): end to end under 2× the load.
func BenchmarkSummaryEndToEnd(b *testing.B) {
	path := filepath.Join(b.TempDir(), "wide.csv")
	var buf bytes.Buffer
	if err := synth.Wide(&buf, synth.Spec{Units: 10000, Years: 10, Components: 9, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, err := data.Load([]string{path}, data.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("summary_json", func(b *testing.B) {
		for b.Loop() {
			if code := run([]string{"summary", path, "--format", "json"}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
				b.Fatalf("exit %d", code)
			}
		}
	})
}
