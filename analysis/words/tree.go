package words

// Words of the tree (areas, criteria, sub-criteria), applicable points,
// self-assessment and scorecards.
var (
	ColLevel         = def("Cấp", "level")
	ColCode          = def("Mã tiêu chí", "code")
	ColApplicableMax = def("Tối đa (phát sinh)", "applicable_max")
	ColShare         = def("% điểm phát sinh", "share")
	ColBlocBest      = def("Cao nhất khối", "bloc_best")
	ColVsBlocMean    = def("Kém TB khối", "vs_bloc_mean")
	ColSelfAssessed  = def("Tự đánh giá", "self_assessed")
	ColAppraised     = def("Thẩm định", "appraised")
	ColSelfGap       = def("Chênh lệch", "gap")

	LevelArea      = def("Lĩnh vực", "area")
	LevelCriterion = def("Tiêu chí", "criterion")
	LevelSub       = def("Tiêu chí thành phần", "sub-criterion")
	NotApplicable  = def("KPS", "n/a")

	GapOnApplicable            = tmpl(" (xếp loại theo tỷ lệ trên %s điểm phát sinh)", " (graded on the share of its %s applicable points)")
	ComponentsLegendApplicable = def(" █ ≥90%  ▓ ≥80%  ▒ ≥70%  ░ ≥60%  · <60% của điểm tối đa phát sinh (trừ KPS)",
		" █ ≥90%  ▓ ≥80%  ▒ ≥70%  ░ ≥60%  · <60% of the applicable maximum (KPS left out)")

	ScorecardTitle    = tmpl("Phiếu kết quả Chỉ số CCHC: %s", "PAR Index scorecard: %s")
	ScorecardLabel    = tmpl("Dữ liệu: %s", "Data: %s")
	ScorecardHistory  = def("Điểm, hạng và xếp loại qua các năm", "Score, rank and grade by year")
	ScorecardTreeOf   = tmpl("Lĩnh vực và tiêu chí năm %d", "Areas and criteria, %d")
	ScorecardTreeNote = def("Tối đa (phát sinh): điểm tối đa trừ các tiêu chí không phát sinh (KPS). Kém TB khối: trung bình khối trừ điểm của đơn vị (âm: cao hơn trung bình).",
		"Applicable max: the maximum less the criteria that do not apply to the unit (KPS). Below bloc mean: the bloc's mean less the unit's score (negative: above the mean).")
	ScorecardMostLost      = tmpl("Tiêu chí kém trung bình khối nhiều nhất (%d)", "Criteria furthest below the bloc's mean (%d)")
	ScorecardMostLostAreas = tmpl("Lĩnh vực kém trung bình khối nhiều nhất (%d)", "Areas furthest below the bloc's mean (%d)")
	ScorecardNoneLost      = def("Không tiêu chí nào dưới trung bình khối.", "No criterion below the bloc's mean.")
	ScorecardPartial       = tmpl("Bảng kết quả năm %d chưa đầy đủ nên không so với trung bình và điểm cao nhất của khối.", "The %d table is partial, so nothing is compared with the bloc's mean or best.")
	ScorecardNoneLostAreas = def("Không lĩnh vực nào dưới trung bình khối.", "No area below the bloc's mean.")
	ScorecardSelf          = def("Tự đánh giá và thẩm định", "Self-assessment and appraisal")
	ScorecardSelfLine      = tmpl("Tự đánh giá %s, thẩm định (%s) %s: chênh lệch %s điểm.", "Self-assessed %s, appraised (%s) %s: a gap of %s points.")
	ScorecardSelfSummed    = def("Điểm tự đánh giá là tổng điểm tự đánh giá của các lĩnh vực, tiêu chí (tệp không ghi tổng điểm tự đánh giá).",
		"The self-assessed score is the sum of the unit's self-assessments of its areas and criteria (the file gives no total self-assessed score).")
	ScorecardSelfPrev       = tmpl("Năm %d chênh lệch %s điểm: %s.", "In %d the gap was %s points: %s.")
	ScorecardNarrowed       = def("đã thu hẹp", "narrowed")
	ScorecardWidened        = def("không thu hẹp", "not narrowed")
	ScorecardNoSelf         = def("Tệp không có điểm tự đánh giá của đơn vị.", "The files give no self-assessed score for the unit.")
	ScorecardTotalLine      = tmpl("Năm %d: tổng điểm %s, hạng %s, xếp loại %s.", "%d: total %s, rank %s, grade %s.")
	ScorecardShareLine      = tmpl("Điểm phát sinh tối đa %s; đạt %s%%.", "Applicable maximum %s; %s%% of it.")
	ScorecardNoTree         = def("Tệp không có điểm theo lĩnh vực hay tiêu chí.", "The files give no area or criterion scores.")
	ScorecardNone           = def("—", "—")
	ScorecardWrote          = tmpl("đã ghi %d phiếu vào %s", "wrote %d scorecards to %s")
	ScorecardAppraisalTotal = def("tổng điểm", "the total")
)
