package data

import "unsafe"

// adviseHugeSlice is adviseHugePages for the backing array of a slice of
// any element type: the whole 2 MiB pages of its room, not touched yet, get
// huge pages, so filling a large array takes a few hundred page faults, not
// one per 4 KiB. Advice only: a kernel that declines changes only the speed.
func adviseHugeSlice[E any](s []E) error {
	return adviseHugePages(roomBytes(s))
}

// roomBytes is the memory of s's backing array, its whole capacity, as bytes.
func roomBytes[E any](s []E) []byte {
	if cap(s) == 0 {
		return nil
	}
	var e E
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), uintptr(cap(s))*unsafe.Sizeof(e))
}
