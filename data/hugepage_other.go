//go:build !linux

package data

// adviseHugePages is advice for Linux's kernel (hugepage_linux.go);
// elsewhere buffers keep the system's pages.
func adviseHugePages([]byte) error { return nil }
