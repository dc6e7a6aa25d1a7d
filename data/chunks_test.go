package data

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parlens/parlens/data/synth"
)

// Cutting a file into pieces read on several goroutines changes nothing:
// the same records and the same problems, in the same order, as reading it
// in one piece — on clean files and on damaged ones (stray quotes, ragged
// rows, duplicates, bad numbers, blank lines).
func TestPiecesReadAsOne(t *testing.T) {
	spec := synth.Realistic(120, 3, 5, 2)
	var wide, long strings.Builder
	if err := synth.Wide(&wide, spec); err != nil {
		t.Fatal(err)
	}
	if err := synth.Long(&long, spec); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	damage := func(text string) string {
		lines := strings.Split(text, "\n")
		for n := rng.IntN(4); n > 0; n-- {
			i := 1 + rng.IntN(len(lines)-1)
			l := lines[i]
			switch rng.IntN(7) {
			case 0:
				p := rng.IntN(len(l) + 1)
				lines[i] = l[:p] + `"` + l[p:]
			case 1:
				lines[i] = l + ",x"
			case 2:
				lines = append(lines[:i], append([]string{l}, lines[i:]...)...)
			case 3:
				lines[i] = strings.Replace(l, ".", ",", 1)
			case 4:
				lines[i] = ""
			case 5:
				lines[i] = strings.Replace(l, "1", "-1", 1)
			case 6:
				lines[i] = strings.Replace(l, ",", ",\"a\nb\",", 1)
			}
		}
		return strings.Join(lines, "\n")
	}
	defer func(w, l int) { minChunkBytes, longChunkBytes = w, l }(minChunkBytes, longChunkBytes)
	read := func(name, text string, piece int) string {
		minChunkBytes, longChunkBytes = piece, piece
		r := ReadFS(fstest.MapFS{name: {Data: []byte(text)}}, ".", Options{})
		return fmt.Sprintf("%v\n%+v", r.Issues, r.Dataset.Records)
	}
	for i := 0; i < 25; i++ {
		for name, text := range map[string]string{"wide.csv": wide.String(), "long.csv": long.String()} {
			if i > 0 {
				text = damage(text)
			}
			one := read(name, text, 1<<30)
			for _, piece := range []int{97, 1000, 5000} {
				if got := read(name, text, piece); got != one {
					t.Fatalf("%s (case %d) read in pieces of %d differs from one piece:\none: %.600s\npieces: %.600s", name, i, piece, one, got)
				}
			}
		}
	}
}
