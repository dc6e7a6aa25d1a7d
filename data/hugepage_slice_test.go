package data

import (
	"testing"
	"unsafe"
)

// roomBytes covers a slice's whole backing array, from its first element to
// the end of its capacity, whatever the element type; the advice on it is
// a range the kernel accepts and leaves the elements as they are.
func TestAdviseHugeSlice(t *testing.T) {
	const mib = 1 << 20
	floats := make([]float64, 3, mib)
	floats[0], floats[2] = 97.31, Missing
	codes := make([]int16, 3, mib)
	codes[0], codes[2] = 9731, narrowMissing
	recs := make([]Record, 1, 20000)
	recs[0] = Record{Unit: "Sở Nội vụ", Year: 2021, scores: codes[:3]}
	for _, c := range []struct {
		name      string
		room      []byte
		first     unsafe.Pointer
		size, cap int
		advise    error
	}{
		{"floats", roomBytes(floats), unsafe.Pointer(&floats[0]), 8, cap(floats), adviseHugeSlice(floats)},
		{"score codes", roomBytes(codes), unsafe.Pointer(&codes[0]), 2, cap(codes), adviseHugeSlice(codes)},
		{"records", roomBytes(recs), unsafe.Pointer(&recs[0]), int(unsafe.Sizeof(Record{})), cap(recs), adviseHugeSlice(recs)},
		{"records from the second", roomBytes(recs[1:]), unsafe.Pointer(&recs[:2][1]), int(unsafe.Sizeof(Record{})), cap(recs) - 1, adviseHugeSlice(recs[1:])},
	} {
		if len(c.room) != c.size*c.cap || unsafe.Pointer(&c.room[0]) != c.first {
			t.Errorf("%s: %d bytes from %p, want %d from %p", c.name, len(c.room), &c.room[0], c.size*c.cap, c.first)
		}
		if c.advise != nil {
			t.Errorf("%s: %v", c.name, c.advise)
		}
	}
	if roomBytes([]float64(nil)) != nil || adviseHugeSlice([]Record(nil)) != nil {
		t.Error("an empty slice has room")
	}
	if floats[0] != 97.31 || !IsMissing(floats[2]) || recs[0].Unit != "Sở Nội vụ" || recs[0].Score(0) != 97.31 || !IsMissing(recs[0].Score(2)) {
		t.Error("the advice changed the elements")
	}
}
