package words

// Column headers of the command line's tables. The English text is the
// column's machine key, which CSV always uses.
var (
	ColIndex             = def("Chỉ số", "index")
	ColYear              = def("Năm", "year")
	ColBloc              = def("Khối", "bloc")
	ColUnitCode          = def("Mã", "unit_code")
	ColUnit              = def("Đơn vị", "unit")
	ColUnits             = def("Đơn vị", "units")
	ColKind              = def("Sự kiện", "kind")
	ColScore             = def("Điểm", "score")
	ColRank              = def("Hạng", "rank")
	ColRankedOf          = def("Trên", "ranked_of")
	ColRanked            = def("Xếp hạng", "ranked")
	ColGrade             = def("Xếp loại", "grade")
	ColGrades            = def("Xếp loại", "grades")
	ColPrevYear          = def("Năm trước", "prev_year")
	ColPrevScore         = def("Điểm trước", "prev_score")
	ColPrevRank          = def("Hạng trước", "prev_rank")
	ColPrevGrade         = def("Xếp loại trước", "prev_grade")
	ColPublishedRank     = def("Hạng công bố", "published_rank")
	ColChange            = def("Thay đổi", "change")
	ColStreak            = def("Liên tiếp", "streak")
	ColCount             = def("Số lần", "count")
	ColSteps             = def("Số bậc", "steps")
	ColComponent         = def("Thành phần", "component")
	ColMax               = def("Tối đa", "max")
	ColPct               = def("% tối đa", "pct")
	ColBlocMean          = def("TB khối", "bloc_mean")
	ColLost              = def("Điểm mất", "lost")
	ColLeader            = def("Dẫn đầu", "leader")
	ColBottom            = def("Cuối bảng", "bottom")
	ColMean              = def("Trung bình", "mean")
	ColMedian            = def("Trung vị", "median")
	ColStdev             = def("Độ lệch chuẩn", "stdev")
	ColMin               = def("Thấp nhất", "min")
	ColMaxScore          = def("Cao nhất", "max")
	ColPrevMean          = def("TB năm trước", "prev_mean")
	ColUp                = def("Tăng", "up")
	ColDown              = def("Giảm", "down")
	ColSame              = def("Giữ nguyên", "same")
	ColPartial           = def("Bảng chưa đầy đủ", "partial")
	ColNextGrade         = def("Loại kế tiếp", "next_grade")
	ColToNextGrade       = def("Điểm cần để lên loại", "to_next_grade")
	ColToPass            = def("Điểm cần để vượt hạng", "to_pass")
	ColToLeader          = def("Cách dẫn đầu", "to_leader")
	ColPlace             = def("Vị trí trong khối", "place")
	ColRankWithPrevScore = def("Hạng nếu giữ điểm năm trước", "rank_with_prev_score")
)

// Headings and lines of the command line's text reports.
var (
	HeadHistory    = def("Lịch sử", "History")
	HeadComponents = def("Thành phần", "Components")
	HeadGaps       = def("Khoảng cách", "Gaps")
	HeadMovers     = def("Sự kiện", "Movers")
	HeadLineage    = def("Hợp nhất, chia tách", "Mergers and splits")
	Strongest      = def("Mạnh nhất", "Strongest")
	Weakest        = def("Yếu nhất", "Weakest")

	// TransitionsUp, TransitionsDown and TransitionsSame count the units
	// under a transition matrix.
	TransitionsUp   = def("lên loại", "up")
	TransitionsDown = def("xuống loại", "down")
	TransitionsSame = def("giữ nguyên", "same")

	// NotGraded and BandCount describe a bloc that publishes no grades by
	// its score bands: "không xếp loại (từ 80 điểm: 14/17)".
	NotGraded = def("không xếp loại", "not graded")
	BandCount = tmpl("từ %s điểm: %d/%d", "%s or more: %d/%d")
)

// Sheets of an Excel workbook (--format xlsx, the dashboard's w): the data
// sheet is named as the dashboard's tab (TabRanking…), summary has none.
var (
	SheetSummary = def("Tổng hợp", "Summary")
	SheetNotes   = def("Ghi chú", "Notes") // the dataset's label
)

// Columns of the transitions' long table (CSV and the workbook).
var (
	ColFromYear  = def("Từ năm", "from")
	ColToYear    = def("Đến năm", "to")
	ColFromGrade = def("Xếp loại năm đầu", "from_grade")
	ColToGrade   = def("Xếp loại năm sau", "to_grade")
	ColUnitCount = def("Số đơn vị", "count")
	ColKendall   = def("Kendall τ-b", "kendall_tau_b")
)
