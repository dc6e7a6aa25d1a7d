package analysis

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parlens/parlens/data"
	"github.com/parlens/parlens/data/join"
)

// cmpName orders unit names accent- and case-insensitively (as data.Fold
// compares them), then exactly. It does not allocate for names made of
// runes below U+2000 (all Vietnamese letters); other names are folded.
func cmpName(a, b string) int {
	if c := cmpFolded(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

const foldTableSize = 0x2000

const (
	foldSkip    = -1 // combining mark: dropped
	foldSpace   = -2 // punctuation or space: one space between words
	foldComplex = -3 // folds to several runes: use data.Fold
)

var (
	foldOnce  sync.Once
	foldTable []int32
)

func buildFoldTable() {
	foldTable = make([]int32, foldTableSize)
	for r := rune(0); r < foldTableSize; r++ {
		switch f := data.Fold(string(r)); {
		case unicode.Is(unicode.Mn, r):
			foldTable[r] = foldSkip
		case f == "":
			foldTable[r] = foldSpace
		case utf8.RuneCountInString(f) == 1:
			fr, _ := utf8.DecodeRuneInString(f)
			foldTable[r] = fr
		default:
			foldTable[r] = foldComplex
		}
	}
}

// foldIter yields the runes of data.Fold(s) without building it.
type foldIter struct {
	s       string
	i       int
	started bool // a word rune has been yielded
	space   bool // a space is pending before the next word rune
}

// next returns the next folded rune, 0 at the end, or -1 when the string
// needs the slow path.
func (it *foldIter) next() rune {
	for it.i < len(it.s) {
		r, n := utf8.DecodeRuneInString(it.s[it.i:])
		if r >= foldTableSize {
			return -1
		}
		f := foldTable[r]
		switch f {
		case foldComplex:
			return -1
		case foldSkip:
			it.i += n
			continue
		case foldSpace:
			it.i += n
			if it.started {
				it.space = true
			}
			continue
		}
		if it.space {
			it.space = false
			return ' ' // r is read again on the next call
		}
		it.i += n
		it.started = true
		return f
	}
	return 0
}

func cmpFolded(a, b string) int {
	foldOnce.Do(buildFoldTable)
	x, y := foldIter{s: a}, foldIter{s: b}
	for {
		ra, rb := x.next(), y.next()
		if ra < 0 || rb < 0 {
			return strings.Compare(data.Fold(a), data.Fold(b))
		}
		if ra != rb {
			// code point order is the folded strings' byte order (UTF-8)
			if ra < rb {
				return -1
			}
			return 1
		}
		if ra == 0 {
			return 0
		}
	}
}

// foldKey returns a string that orders as data.Fold(s) does (it is equal to
// it for names the fold table covers).
func foldKey(s string) string {
	foldOnce.Do(buildFoldTable)
	it := foldIter{s: s}
	b := make([]byte, 0, len(s))
	for {
		r := it.next()
		switch {
		case r < 0:
			return data.Fold(s)
		case r == 0:
			return string(b)
		}
		b = utf8.AppendRune(b, r)
	}
}

// nameRanker numbers distinct unit names and then places them in cmpName's
// order, so that ranking breaks ties by comparing two numbers: every name
// is folded once, however many years and blocs it appears in.
type nameRanker struct {
	ids   map[string]int32
	names []string // id → name
}

// id returns the name's id, numbering it when it is new.
func (nr *nameRanker) id(name string) int32 {
	if nr.ids == nil {
		nr.ids = map[string]int32{}
	}
	id, ok := nr.ids[name]
	if !ok {
		id = int32(len(nr.names))
		nr.ids[name] = id
		nr.names = append(nr.names, name)
	}
	return id
}

// ranks returns, for every id, the name's place among all names in
// cmpName's order (0 first). Distinct names have distinct places.
func (nr *nameRanker) ranks() []int32 {
	type item struct {
		key, name string
		id        int32
	}
	items := make([]item, len(nr.names))
	cmpItem := func(x, y item) int {
		if c := strings.Compare(x.key, y.key); c != 0 {
			return c
		}
		return strings.Compare(x.name, y.name) // distinct names: never 0
	}
	foldAndSort := func(lo, hi int) {
		for id := lo; id < hi; id++ {
			items[id] = item{foldKey(nr.names[id]), nr.names[id], int32(id)}
		}
		slices.SortFunc(items[lo:hi], cmpItem)
	}
	if n := len(items); n >= 20000 {
		// each half on its own core, then merged: no two items compare
		// equal, so the order is the one sort of them all gives
		var wg join.Group
		wg.Go(func() { foldAndSort(0, n/2) })
		foldAndSort(n/2, n)
		wg.Wait()
		items = mergeSorted(items[:n/2], items[n/2:], cmpItem)
	} else {
		foldAndSort(0, n)
	}
	rank := make([]int32, len(items))
	for k, it := range items {
		rank[it.id] = int32(k)
	}
	return rank
}

// mergeSorted merges two sorted slices into a new one.
func mergeSorted[T any](x, y []T, cmp func(a, b T) int) []T {
	out := make([]T, 0, len(x)+len(y))
	for len(x) > 0 && len(y) > 0 {
		if cmp(y[0], x[0]) < 0 {
			out, y = append(out, y[0]), y[1:]
		} else {
			out, x = append(out, x[0]), x[1:]
		}
	}
	out = append(out, x...)
	return append(out, y...)
}
