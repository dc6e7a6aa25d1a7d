package words

// What the dashboard says while a view is computed off its update loop
// (a large dataset): what is being computed, and that the keys still work.
var (
	BusyOverview    = def("Đang tổng hợp năm", "Summarising the year")
	BusyRanking     = def("Đang xếp hạng khối", "Ranking the bloc")
	BusyUnit        = def("Đang dựng hồ sơ đơn vị", "Building the unit's record")
	BusyMovers      = def("Đang tìm các biến động", "Finding the movers")
	BusyComponents  = def("Đang tính điểm các lĩnh vực", "Computing the component scores")
	BusyTransitions = def("Đang tính ma trận chuyển loại", "Computing the grade transitions")
	BusyBriefing    = def("Đang soạn báo cáo", "Drafting the briefing")
	BusyYears       = def("Đang ghép dữ liệu các năm", "Lining up the years")
	BusyFind        = def("Đang lập danh sách mọi đơn vị", "Listing every unit")
	TablePreparing  = tmpl("Đang chuẩn bị bảng: %s/%s dòng… (phím bất kỳ để dừng)", "Preparing the table: %s/%s rows… (any key stops)")
	BusyHint        = def("Các phím vẫn dùng được: số để đổi tab, tab/[ ] để đổi khối và năm, q để quay lại.",
		"Keys still work: a number switches tab, tab and [ ] switch bloc and year, q goes back.")
)
