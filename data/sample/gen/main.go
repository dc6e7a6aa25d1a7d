// Command gen writes the illustrative city sample (Dữ liệu minh họa —
// illustrative) of package sample:
//
//	go run ./data/sample/gen -out data/sample/city -seed 2021
//
// or, from data/sample, `go generate`. The output is byte-identical for a
// given seed. The numbers are invented; the generator places deliberate
// features on a seeded random walk (a unit renamed under the same code, an
// exact tie, a unit not ranked (KXH), a renamed component, a storyline around
// 2021, and a spelling variant of huyện Hòa Vang). They are documented in
// package citygen and in the generated city/README.md.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/parlens/parlens/data/sample/internal/citygen"
)

func main() {
	out := flag.String("out", "city", "output directory")
	seed := flag.Uint64("seed", citygen.DefaultSeed, "random seed")
	flag.Parse()
	if err := citygen.Write(*out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
