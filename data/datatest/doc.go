// Package datatest is what the tests of every parlens package share: one
// golden-file helper with the one -update flag, the embedded samples loaded
// once per test binary, and record and dataset builders that give units the
// identities the loader gives them (data.UnitID) and order records as a
// loaded dataset is ordered.
//
// Like net/http/httptest it is an ordinary package that only tests import.
// It imports data and data/sample only, so the tests of analysis, brief and
// tui can use it; data's own tests use it from package data_test.
package datatest
