//go:build linux

package data

import (
	"syscall"
	"unsafe"
)

// adviseHugePages asks the kernel to back the whole 2 MiB pages inside s's
// backing array, not touched yet, with huge pages (Linux's transparent huge
// pages, on in "madvise" mode by default, which Go's heap does not ask
// for). Reading a 45 MB file into a fresh buffer then takes a few hundred
// page faults, not eleven thousand, which were most of the read's time.
// Advice only: a kernel that declines changes nothing but the speed, so
// callers may ignore the error (tests check the range is one it accepts).
// The mark outlives the buffer: memory the heap later puts there keeps
// huge pages too, which costs at most a file's worth of address range.
func adviseHugePages(s []byte) error {
	const huge = 2 << 20
	if cap(s) < 2*huge {
		return nil // small: at most one whole huge page inside
	}
	b := s[:cap(s)]
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	off := int((start+huge-1)&^(huge-1) - start)
	if n := (len(b) - off) &^ (huge - 1); n > 0 {
		return syscall.Madvise(b[off:off+n], syscall.MADV_HUGEPAGE)
	}
	return nil
}
