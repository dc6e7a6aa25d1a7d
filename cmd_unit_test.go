package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnitLineageJSON: `parlens unit` carries a merged unit's break (its
// predecessors' last results, each rank r/N with its share) and a merged-away
// unit's successor, from the same analysis functions the dashboard uses.
func TestUnitLineageJSON(t *testing.T) {
	dir := filepath.Join("testdata", "truth", "breakchart-unit-merged")
	unit := func(name string) unitReport {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run([]string{"unit", name, "--format", "json", dir}, strings.NewReader(""), &out, &errb); code != 0 {
			t.Fatalf("unit %s: exit %d: %s", name, code, errb.String())
		}
		var env struct{ Result unitReport }
		if err := json.Unmarshal(out.Bytes(), &env); err != nil {
			t.Fatal(err)
		}
		return env.Result
	}
	nb := unit("NB")
	if len(nb.Lineage) != 1 || nb.PartOf != nil {
		t.Fatalf("Ninh Bình: lineage %+v, part of %+v", nb.Lineage, nb.PartOf)
	}
	b := nb.Lineage[0]
	if b.Index != "PAR Index" || b.Year != 2025 || b.Kind != "merger" || *b.Rank != 1 || *b.RankedOf != 3 || *b.TopPercent != 34 {
		t.Errorf("break %+v", b)
	}
	want := []struct {
		id         string
		self       bool
		score      float64
		rank, of   int
		topPercent int
	}{{"NB", true, 86.43, 4, 5, 80}, {"HN", false, 88, 3, 5, 60}, {"ND", false, 85.09, 5, 5, 100}}
	if len(b.Predecessors) != len(want) {
		t.Fatalf("predecessors %+v", b.Predecessors)
	}
	for i, w := range want {
		p := b.Predecessors[i]
		if p.UnitID != w.id || p.Self != w.self || *p.Score != w.score || *p.Rank != w.rank || *p.RankedOf != w.of || *p.TopPercent != w.topPercent || *p.Year != 2024 {
			t.Errorf("predecessor %d: %+v, want %+v", i, p, w)
		}
	}
	hn := unit("HN")
	if hn.Lineage != nil || hn.PartOf == nil || hn.PartOf.Year != 2025 || len(hn.PartOf.Units) != 1 || hn.PartOf.Units[0].UnitID != "NB" {
		t.Errorf("Hà Nam: lineage %+v, part of %+v", hn.Lineage, hn.PartOf)
	}
}
