package analysis

import "testing"

// Values from a slab are distinct, zero and stay put when later ones are
// handed out; slices never write into each other's room.
func TestSlab(t *testing.T) {
	for _, size := range []int{0, 1, 3, 64} {
		s := newSlab[int](size)
		var ps []*int
		for i := range 200 {
			p := s.one()
			if *p != 0 {
				t.Fatalf("size %d: value %d is %d, not zero", size, i, *p)
			}
			*p = i + 1
			ps = append(ps, p)
		}
		for i, p := range ps {
			if *p != i+1 {
				t.Fatalf("size %d: value %d became %d", size, i, *p)
			}
		}
		ss := newSlab[int](size)
		var sl [][]int
		for i := range 100 {
			x := ss.slice(i % 4)
			if len(x) != 0 || cap(x) != i%4 {
				t.Fatalf("size %d: slice(%d) has len %d cap %d", size, i%4, len(x), cap(x))
			}
			for k := range i%4 + 2 { // past its room too
				x = append(x, i*10+k)
			}
			sl = append(sl, x)
		}
		for i, x := range sl {
			for k, v := range x {
				if v != i*10+k {
					t.Fatalf("size %d: slice %d holds %v", size, i, x)
				}
			}
		}
	}
}
