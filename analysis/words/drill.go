package words

// Words of the dashboard's drill-down: an area opened into its criteria
// from the components view, and a unit's tree on its page.
var (
	KeyOpenParts = def("mở tiêu chí", "open criteria")
	KeyUpLevel   = def("lên một cấp", "up a level")

	DrillCode      = def("Mã", "Code")
	DrillVsMean    = def("kém TB", "below mean")
	DrillBest      = def("cao nhất", "best")
	DrillVsBest    = def("kém cao nhất", "below best")
	DrillBestUnits = def("đơn vị cao nhất", "best unit")
	DrillLostMean  = def("mất TB khối", "bloc lost")
	DrillUnitLine  = tmpl("khối %s · %d", "bloc %s · %d")
	DrillNoUnit    = def("chưa chọn đơn vị: các cột của đơn vị để trống", "no unit chosen: the unit's columns are empty")
	DrillNoBranch  = tmpl("Khối %s năm %d không có điểm %s.", "Bloc %s has no scores on %[3]s in %[2]d.")
	DrillLegend    = def("▸ có tiêu chí con · mất: điểm phát sinh chưa đạt · kém TB: TB khối − điểm · mất TB khối: bình quân mỗi đơn vị",
		"▸ has parts · lost: applicable points not reached · below mean: bloc mean − score · bloc lost: mean per unit")
	StatusParts = def("tiêu chí", "criteria")

	UnitTreeName     = def("Lĩnh vực / tiêu chí", "Area / criterion")
	UnitTreeKey      = def("tối đa: trừ tiêu chí KPS · kém TB: TB khối − điểm · kém cao nhất: cao nhất khối − điểm · ±: so với năm trước", "max: less the KPS criteria · below mean: bloc mean − score · below best: bloc best − score · ±: against last year")
	UnitTreeMostLost = def("Kém TB khối nhiều nhất: ", "Furthest below the bloc mean: ")
)
