package data

import (
	"slices"
	"strings"
)

// IsMainIndex reports whether an index is the PAR Index: the default index
// name, or a name that says PAR, CCHC or cải cách hành chính (accents and
// case ignored). The main index leads every list of indices.
func IsMainIndex(name string) bool {
	if name == DefaultIndex {
		return true
	}
	f := " " + Fold(name) + " "
	return strings.Contains(f, " par ") || strings.Contains(f, " cchc ") || strings.Contains(f, " cai cach hanh chinh ")
}

// CompareIndices orders index names as every face lists them: the main
// index first (IsMainIndex), then by name, accent-insensitively, with the
// exact name breaking ties.
func CompareIndices(a, b string) int {
	if ma, mb := IsMainIndex(a), IsMainIndex(b); ma != mb {
		if ma {
			return -1
		}
		return 1
	}
	if c := strings.Compare(Fold(a), Fold(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// SortIndices sorts index names in place by CompareIndices.
func SortIndices(names []string) { slices.SortFunc(names, CompareIndices) }
