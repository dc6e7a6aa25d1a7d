package brief

import (
	"testing"
	"testing/fstest"

	"github.com/parlens/parlens/data"
)

// TestComponentsOnApplicableMax: where a criterion marked not applicable
// (KPS) shrinks a unit's maximum, the area the bloc loses most on and the
// units' strongest and weakest areas are measured against the maximum that
// applies, and the sentences say so.
func TestComponentsOnApplicableMax(t *testing.T) {
	fsys := fstest.MapFS{
		"components.csv": {Data: []byte("code,name,max\n1,Chỉ đạo,10\n1.1,Kế hoạch,4\n1.2,Kiểm tra,6\n2,Thể chế,10\n")},
		// Sở A: area 1 is 1 of the 4 points that apply (25%); Sở B 4 of 10 (40%);
		// the bloc's share 5 of 14 (35.7%); area 2 is 9 of 10 for both
		"par-2023.csv": {Data: []byte("unit,1.1,1.2,2\nSở A,1,KPS,9\nSở B,2,2,9\n")},
	}
	ds, err := data.LoadFS(fsys, ".", data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := brief(t, ds, Options{Annex: true})
	const bloc = "Tất cả"
	ml := one(t, b, "component_most_lost", bloc)
	// lost: (4 − 1) + (10 − 4) = 9 over 2 units; against the full 10, it would be 7.50
	has(t, ml.Text, "Lĩnh vực mà khối bị mất nhiều điểm nhất là Chỉ đạo: bình quân mỗi đơn vị đạt 2,50 điểm trên điểm tối đa phát sinh bình quân 7,00 điểm (đã trừ các tiêu chí không phát sinh – KPS), thấp hơn 4,50 điểm.")
	if m, ok := ml.Facts["applicable_max_mean"].(float64); !ok || m != 7 {
		t.Errorf("applicable_max_mean fact %v, want 7", ml.Facts["applicable_max_mean"])
	}
	ps := kinds(b, "component_profile", bloc)
	if len(ps) != 2 {
		t.Fatalf("%d profiles, want leader and bottom", len(ps))
	}
	has(t, ps[0].Text, "Sở B (dẫn đầu) mạnh nhất ở lĩnh vực Chỉ đạo (4,00/10 điểm; bình quân khối 2,50)")
	has(t, ps[1].Text, "yếu nhất ở lĩnh vực Chỉ đạo (1,00/4 điểm phát sinh, trừ tiêu chí không phát sinh; bình quân khối 2,50)")
}
