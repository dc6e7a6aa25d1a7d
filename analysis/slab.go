package analysis

// slab hands out values of T from chunks of size values, one allocation
// per chunk instead of one per value: New makes a unit history, a unit's
// record list and its names once per unit, tens of thousands at national
// scale. What it hands out is never freed before the whole analysis.
type slab[T any] struct {
	free []T
	size int // values per chunk (at least 1)
}

func newSlab[T any](size int) slab[T] { return slab[T]{size: max(size, 1)} }

// one returns a pointer to a zero T.
func (s *slab[T]) one() *T {
	if len(s.free) == 0 {
		s.free = make([]T, s.size)
	}
	p := &s.free[0]
	s.free = s.free[1:]
	return p
}

// slice returns an empty slice with room for n values of its own:
// appending up to n writes only into that room; past it, append copies
// the slice out as usual.
func (s *slab[T]) slice(n int) []T {
	if len(s.free) < n {
		s.free = make([]T, max(s.size, n))
	}
	out := s.free[:0:n]
	s.free = s.free[n:]
	return out
}

// slabChunk is how many values New's slabs allocate at a time: few
// allocations, yet small enough blocks to reuse the memory the load
// freed (chunks sized for every unit at once raised peak RSS on L by 2%).
const slabChunk = 256
