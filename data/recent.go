package data

// recentSize is how many answers a recent cache keeps: enough for the blocs,
// grades and indices that alternate from row to row.
const recentSize = 8

// recent remembers the last few answers for keys that take a handful of
// values and alternate from row to row (blocs, grades). A hit is a few
// comparisons, which for interned strings are pointer checks; a miss costs
// the caller's map lookup as before.
type recent[K comparable, V any] struct {
	keys [recentSize]K
	vals [recentSize]V
	n    int // entries filled
	next int // the entry the next put overwrites
}

func (r *recent[K, V]) get(k K) (V, bool) {
	for i := 0; i < r.n; i++ {
		if r.keys[i] == k {
			return r.vals[i], true
		}
	}
	var zero V
	return zero, false
}

func (r *recent[K, V]) put(k K, v V) {
	r.keys[r.next], r.vals[r.next] = k, v
	r.next = (r.next + 1) % recentSize
	if r.n < recentSize {
		r.n++
	}
}
