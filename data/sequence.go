package data

// sequence numbers the distinct values of a column whose values recur in
// the same order: the units of a wide file, listed again each year, or of a
// long file, repeated on consecutive rows. The common row costs a
// comparison with the value predicted (the same as the row before, or the
// one that followed it last time), not a hash.
type sequence struct {
	ord  map[string]int32
	vals []string // ordinal → value (the copy made when it was new)
	next []int32  // ordinal → the ordinal that followed it last time; -1 none
	last int32    // the previous value's ordinal; -1 before the first
}

// expect makes room for about n distinct values, so that a big file's
// first year does not grow the map step by step (each step rehashes all).
func (q *sequence) expect(n int) {
	if q.ord == nil {
		q.ord, q.last = make(map[string]int32, n), -1
		q.vals, q.next = make([]string, 0, n), make([]int32, 0, n)
	}
}

// number returns the ordinal of s and its shared copy; clone makes the copy
// of a value not seen before.
func (q *sequence) number(s string, clone func(string) string) (string, int32) {
	if q.ord == nil {
		q.ord, q.last = map[string]int32{}, -1
	}
	var o int32
	switch {
	case q.last >= 0 && q.vals[q.last] == s:
		return q.vals[q.last], q.last
	case q.last >= 0 && q.next[q.last] >= 0 && q.vals[q.next[q.last]] == s:
		o = q.next[q.last]
	default:
		var ok bool
		if o, ok = q.ord[s]; !ok {
			c := clone(s)
			o = int32(len(q.vals))
			q.ord[c] = o
			q.vals = append(q.vals, c)
			q.next = append(q.next, -1)
		}
	}
	if q.last >= 0 {
		q.next[q.last] = o
	}
	q.last = o
	return q.vals[o], o
}

// current is the ordinal of the value numbered last, -1 before the first.
func (q *sequence) current() int32 {
	if q.ord == nil {
		return -1
	}
	return q.last
}

// unitNames shares the copies of the unit names of a file. Where the units
// have codes a unit's name is predicted from its code (the name that code
// had last time), so a new unit's name is copied without a lookup: at
// 200,000 units a map of names misses the caches on every unit of the first
// year. Names are only shared strings here; no ordinal is kept for them.
type unitNames struct {
	byCode []string // code ordinal → the name it had last; "" not yet seen
	other  sequence // names not predicted by a code
}

// expect makes room for about n codes.
func (u *unitNames) expect(n int) {
	if u.byCode == nil {
		u.byCode = make([]string, 0, n)
	}
}

// name returns the shared copy of s, the name on a row whose unit code has
// the ordinal code (-1 when the row has none). A wrong code only costs a
// lookup: the name is compared, never assumed.
func (u *unitNames) name(s string, code int32, clone func(string) string) string {
	if code < 0 {
		c, _ := u.other.number(s, clone)
		return c
	}
	for int(code) >= len(u.byCode) {
		u.byCode = append(u.byCode, "")
	}
	switch was := u.byCode[code]; {
	case was == s && was != "":
		return was
	case was == "": // the code's first name: a new unit, most likely a new name
		u.byCode[code] = clone(s)
	default: // renamed, or a row without a code of its own
		u.byCode[code], _ = u.other.number(s, clone)
	}
	return u.byCode[code]
}
