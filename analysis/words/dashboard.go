package words

import "strings"

// Tab titles of the dashboard.
var (
	TabOverview    = def("Tổng quan", "Overview")
	TabRanking     = def("Xếp hạng", "Ranking")
	TabUnit        = def("Đơn vị", "Unit")
	TabMovers      = def("Biến động", "Movers")
	TabComponents  = def("Lĩnh vực", "Components")
	TabTransitions = def("Chuyển loại", "Transitions")
	TabBriefing    = def("Báo cáo", "Briefing")
	TabWarnings    = def("Cảnh báo", "Warnings")
)

// Key help of the dashboard.
var (
	KeyQuit        = def("thoát", "quit")
	KeyBack        = def("quay lại", "back")
	KeyHelp        = def("trợ giúp", "help")
	KeyNextBloc    = def("khối sau", "next bloc")
	KeyPrevBloc    = def("khối trước", "previous bloc")
	KeyNextYear    = def("năm sau", "next year")
	KeyPrevYear    = def("năm trước", "previous year")
	KeyNextIndex   = def("chỉ số khác", "other index")
	KeyTheme       = def("sáng/tối", "light/dark")
	KeyUp          = def("lên", "up")
	KeyDown        = def("xuống", "down")
	KeyPageUp      = def("trang trước", "page up")
	KeyPageDown    = def("trang sau", "page down")
	KeyTop         = def("đầu", "top")
	KeyBottom      = def("cuối", "bottom")
	KeyLeft        = def("cột trái", "column left")
	KeyRight       = def("cột phải", "column right")
	KeyOpen        = def("mở", "open")
	KeyFilter      = def("lọc", "filter")
	KeyClearFilter = def("bỏ lọc", "clear filter")
	KeySort        = def("sắp xếp theo cột", "sort by column")
	KeyPoints      = def("điểm/%", "points/%")
	KeyMark        = def("đánh dấu", "mark")
	KeyFromPrev    = def("năm gốc trước", "earlier base year")
	KeyFromNext    = def("năm gốc sau", "later base year")
	KeyLang        = def("English", "tiếng Việt")
	KeyWrite       = def("ghi tệp", "write file")
	KeyCopy        = def("sao chép", "copy")
	KeyAccept      = def("xong", "done")
	KeyCancel      = def("hủy", "cancel")
	KeyAllBlocs    = def("mọi khối/khối này", "all blocs/this bloc")
)

// Frame of the dashboard: header, footer, help, loading and failure screens.
var (
	WriteFailed     = def("Không ghi được: ", "Could not write: ")
	BriefWritten    = def("Đã ghi báo cáo: ", "Briefing written: ")
	IndexNow        = def("Chỉ số: ", "Index: ")
	TooSmall        = def("Cửa sổ quá nhỏ", "Window too small")
	TooSmallSize    = tmpl("%d×%d — cần ít nhất %d×%d", "%d×%d — needs at least %d×%d")
	TooSmallHint    = def("Hãy phóng to cửa sổ · q: thoát", "Enlarge the window · q: quit")
	Loading         = def("Đang đọc dữ liệu… ", "Reading the data… ")
	LoadingQuit     = def("ctrl+c: thoát", "ctrl+c: quit")
	EmbeddedSample  = def("mẫu nhúng", "embedded sample")
	OpenFailed      = def("Không mở được dữ liệu", "Could not open the data")
	OpenFailedCount = tmpl(" %d lỗi, %d cảnh báo (như `parlens check`):", " %d errors, %d warnings (as `parlens check`):")
	OpenFailedHint  = def(" j/k: cuộn · q: thoát · sửa tệp rồi mở lại (parlens check PATH để xem chi tiết)",
		" j/k: scroll · q: quit · fix the files and open again (parlens check PATH for details)")
	BlocsLabel     = def(" Khối: ", " Bloc: ")
	HeaderYear     = tmpl(" %s │ Năm %d%s ", " %s │ Year %d%s ")
	MoreFiles      = tmpl(" (+%d tệp)", " (+%d files)")
	DataName       = def("dữ liệu", "data")
	FooterWarnings = tmpl(" · ! %s cảnh báo dữ liệu (%d: xem)", " · ! %s data warnings (%d: view)")
	PromptHint     = def("  enter: xong · esc: hủy", "  enter: done · esc: cancel")
	HelpTitle      = def(" Phím tắt — ", " Keys — ")
	HelpMouse      = def(" Chuột: lăn để cuộn, bấm vào thẻ hoặc dòng để chọn. ? hoặc esc: đóng.",
		" Mouse: wheel to scroll, click a tab or a row to choose it. ? or esc: close.")
	ScrollLines = tmpl("dòng %d–%d/%d", "lines %d–%d/%d")
	FilterOn    = def("lọc “", "filter “")
	RankNew     = def("mới", "new") // the rank change of a unit new this year
	SortOn      = def("sắp xếp: ", "sort: ")
)

// Facts (movers) as the dashboard describes them.
var (
	FactRank          = tmpl("hạng %d", "rank %d")
	FactBlocFirstYear = def("năm đầu tiên của khối", "the bloc's first year")
	FactFirstTime     = def("lần đầu", "first time")
	FactBackCount     = tmpl("trở lại, lần thứ %d", "back, time %d")
	FactBack          = def("trở lại", "back")
	FactYearsRunning  = tmpl("%d năm liền", "%d years running")
	FactTimeCount     = tmpl("lần thứ %d", "time %d")
	FactSteps         = tmpl("%d bậc", "%d steps")
	FactSince         = tmpl(" kể từ %d", " since %d")
	FactBand          = tmpl("từ %s điểm %s", "%s points or more %s")
	MarkedForBrief    = def("Đã đánh dấu cho báo cáo: ", "Marked for the briefing: ")
	Unmarked          = def("Bỏ đánh dấu", "Unmarked")
	AllBlocs          = def("mọi khối", "all blocs")
	MoversCount       = tmpl("%s · %s/%s sự kiện", "%s · %s/%s facts")
	NoMovers          = tmpl("Không có biến động nào của %s năm %d.", "No movers in %s in %d.")
)

// Overview: the dashboard's first tab and the text overview printed
// without a terminal.
var (
	OverviewHead       = tmpl("%s · năm %d", "%s · %d")
	OverviewComparedTo = tmpl(" (so với %d)", " (against %d)")
	OverviewBlocUnits  = tmpl("%s · %s đơn vị", "%s · %s units")
	Ungraded           = tmpl("chưa xếp loại %s", "not yet graded %s")
	LabelBands         = def("Mức điểm", "Score bands")
	LabelGrades        = def("Xếp loại", "Grades")
	LabelLeader        = def("Dẫn đầu", "Leader")
	LabelBottom        = def("Cuối bảng", "Bottom")
	LabelMean          = def("Trung bình", "Mean")
	LabelMeanScore     = def("Điểm TB", "Mean")
	GradesOnly         = def("  (không có điểm: chỉ xếp loại)", "  (no scores: grades only)")
	NoData             = tmpl("Không có dữ liệu %s năm %d.", "No %s data for %d.")
	OnlyGrades         = def(" (chỉ xếp loại)", " (grades only)")
	RankedCount        = tmpl(" (%s xếp hạng)", " (%s ranked)")
	ComparedTo         = tmpl(" · so với %d", " · against %d")
	None               = def("không có", "none")
	ScoreUp            = def(" tăng điểm", " up")
	ScoreDown          = def(" giảm", " down")
	MinMax             = tmpl(" · thấp nhất %s, cao nhất %s", " · lowest %s, highest %s")
	TopMovers          = tmpl("  Biến động nổi bật năm %d", "  Top movers of %d")
	MoreOfKind         = tmpl("+%d nữa", "+%d more")
	MoreHighlights     = tmpl("+%d biến động nổi bật nữa (%d: mọi biến động)", "+%d more highlights (%d: all movers)")
	NoTopMovers        = def("Không có (năm đầu tiên hoặc không có dữ liệu so sánh).", "None (first year, or nothing to compare with).")
	OverviewHint       = def("enter: xếp hạng khối đang chọn · 4: mọi biến động · 7: báo cáo",
		"enter: ranking of the chosen bloc · 4: all movers · 7: briefing")
	TopRegainedN = tmpl("trở lại ngôi đầu (lần thứ %d)", "back on top (time %d)")
	TopRegained  = def("trở lại ngôi đầu", "back on top")
	TopRetainedN = tmpl("giữ ngôi đầu %d năm liền", "top %d years running")
	TopRetained  = def("giữ ngôi đầu", "still top")
	BlocCount    = tmpl("%d khối", "%d blocs")
)

// Ranking, components and transitions views.
var (
	HeadRank            = def("Hạng", "Rank")
	HeadRankChange      = def("±hạng", "±rank")
	HeadUnit            = def("Đơn vị", "Unit")
	HeadScore           = def("Điểm", "Score")
	HeadScoreChange     = def("±điểm", "±score")
	HeadGrade           = def("Xếp loại", "Grade")
	HeadGradeChange     = def("±XL", "±Gr")
	HeadBlocMean        = def("TB khối", "Bloc mean")
	NoRankingData       = tmpl("Không có dữ liệu cho %s, %d.", "No data for %s, %d.")
	NoMatch             = tmpl("Không có đơn vị nào khớp “%s”. esc: bỏ lọc", "No unit matches “%s”. esc: clear the filter")
	ChosenUnit          = def("╶── đơn vị đang chọn (enter: mở) ", "╶── chosen unit (enter: open) ")
	StatusUnits         = def("đơn vị", "units")
	StatusColumns       = tmpl("cột %d–%d/%d", "columns %d–%d/%d")
	StatusPctOfMax      = def("lĩnh vực: % tối đa", "components: % of max")
	StatusWarnedUnits   = tmpl("! %d đơn vị có cảnh báo", "! %d units with warnings")
	NoComponents        = tmpl("%s năm %d không có điểm lĩnh vực.", "%s has no component scores in %d.")
	ComponentsLegend    = def(" █ ≥90%  ▓ ≥80%  ▒ ≥70%  ░ ≥60%  · <60% của điểm tối đa", " █ ≥90%  ▓ ≥80%  ▒ ≥70%  ░ ≥60%  · <60% of the maximum")
	MostLost            = def(" · mất nhiều nhất: ", " · most lost: ")
	StatusUnitsByComps  = tmpl("đơn vị × %d lĩnh vực", "units × %d components")
	StatusPoints        = def("điểm", "points")
	StatusPct           = def("% tối đa", "% of max")
	NoPrevYear          = tmpl("Không có năm trước %d để so sánh cho %s.", "No year before %d to compare with for %s.")
	NoGradesIn          = tmpl("%s không có xếp loại trong %d hoặc %d.", "%s has no grades in %d or %d.")
	TransitionsTitle    = tmpl(" Chuyển xếp loại · %s · %d → %d", " Grade transitions · %s · %d → %d")
	TransitionsBaseHint = def("   (<, > đổi năm gốc)", "   (<, > change the base year)")
	TransitionsToYear   = tmpl("năm %d →", "%d →")
	Total               = def("Tổng", "Total")
	TransitionsUpN      = tmpl("▲ lên loại: %d", "▲ up: %d")
	TransitionsDownN    = tmpl("▼ xuống loại: %d", "▼ down: %d")
	TransitionsSameN    = tmpl("= giữ: %d", "= same: %d")
	KendallRanked       = tmpl("Kendall τ-b %s (%d đơn vị xếp hạng cả hai năm)", "Kendall τ-b %s (%d units ranked both years)")
	OnlyInYear          = tmpl("Chỉ có năm %d", "Only in %d")
	UngradedOneYear     = def("Không có xếp loại một năm", "Not graded in one year")
	ChosenCell          = tmpl("Ô đang chọn: %s → %s, %d đơn vị", "Chosen cell: %s → %s, %d units")
	CellListHint        = def(" · enter: danh sách", " · enter: list")
	TransitionsStatus   = tmpl("%s · %d → %d · %d loại", "%s · %d → %d · %d grades")
	NoUnits             = def("Không có đơn vị nào.", "No units.")
	UnitCount           = tmpl("%d đơn vị", "%d units")
)

// Unit page.
var (
	UnitRank           = def("hạng ", "rank ")
	UnitNotRanked      = def("không xếp hạng", "not ranked")
	UnitNotYetRanked   = def("chưa xếp hạng", "not yet ranked")
	UnitPoints         = def(" điểm", " points")
	UnitNoResult       = tmpl(" · không có kết quả %s năm %d", " · no %s result in %d")
	UnitWarnings       = tmpl("Cảnh báo dữ liệu năm %d (%d: mọi cảnh báo)", "Data warnings for %d (%d: all warnings)")
	UnitHistory        = def("Lịch sử ", "History ")
	HistYear           = def("Năm", "Year")
	RankChartTitle     = def("  Hạng (1 ở trên)", "  Rank (1 at the top)")
	ComponentsOfYear   = tmpl("Lĩnh vực năm %d", "Components in %d")
	ComponentsKey      = def("█ điểm · ¦ trung bình khối · ◆ cao nhất khối · mất: điểm chưa đạt · ±: so với năm trước", "█ score · ¦ bloc mean · ◆ bloc best · lost: points not reached · ±: against last year")
	ColComponentName   = def("Lĩnh vực", "Component")
	ColScoreOfMax      = def("điểm/tối đa", "score/max")
	ColBlocMeanShort   = def("TB khối", "mean")
	ColBest            = def("cao nhất", "best")
	ColLostShort       = def("mất", "lost")
	BonusTag           = def(" (thưởng)", " (bonus)")
	ScoreChartTitle    = def("  Điểm: ● đơn vị · ○ TB khối · ┄ ngưỡng xếp loại", "  Score: ● unit · ○ bloc mean · ┄ grade thresholds")
	ScoreChartNoScheme = tmpl("  Không rõ thang xếp loại năm %s: không vẽ ngưỡng", "  No grade scheme known for %s: no thresholds drawn")
	LostTotal          = def("mất tổng ", "lost in all ")
	StrongestVsBloc    = def("mạnh nhất so với khối: ", "strongest against the bloc: ")
	WeakestShort       = def("yếu nhất: ", "weakest: ")
	ComponentsRoseFell = tmpl("%d lĩnh vực tăng, %d giảm", "%d components up, %d down")
	GapUp              = tmpl("   Lên %s: cần thêm %s điểm", "   To %s: %s more points")
	GapTopGrade        = def("   Đã ở xếp loại cao nhất (", "   Already at the top grade (")
	GapPass            = tmpl("   Vượt hạng %d: cần thêm %s điểm", "   To pass rank %d: %s more points")
	GapLeader          = tmpl("   Cách đơn vị dẫn đầu: %s điểm", "   Behind the leader: %s points")
	GapIsLeader        = def("   Đang dẫn đầu khối", "   Leads the bloc")
	GapPrevScore       = tmpl("   Nếu giữ điểm năm %d (%s): hạng %d", "   With the %d score (%s): rank %d")
	GapGained          = tmpl(" — điểm năm nay giúp lên %d hạng", " — this year's score gained %d ranks")
	GapLost            = tmpl(" — điểm năm nay làm mất %d hạng", " — this year's score lost %d ranks")
	GapSame            = def(" — như hiện tại", " — the same")
	MoversOfYear       = tmpl("Biến động năm %d", "Movers of %d")
	NoneShort          = def("Không có.", "None.")
)

// Briefing and warnings views.
var (
	BriefFailed    = def("Không soạn được báo cáo: ", "Could not draft the briefing: ")
	NoBriefToWrite = def("Không có báo cáo để ghi", "No briefing to write")
	WriteTo        = def("Ghi vào: ", "Write to: ")
	BriefCopied    = def("Đã gửi báo cáo (văn bản) tới bộ nhớ tạm (OSC 52); không dán được? w: ghi tệp",
		"Briefing sent as plain text to the clipboard (OSC 52); nothing pastes? w: write a file")
	LangVietnamese = def("tiếng Việt", "Vietnamese")
	LangEnglish    = def("English", "English")
	MarkedCount    = tmpl(" · %d điểm nhấn đánh dấu", " · %d marked highlights")
	WarningsTitle  = tmpl(" Cảnh báo dữ liệu · %s", " Data warnings · %s")
	WarningsNote   = def(" · không chặn việc đọc; như `parlens check`", " · reading goes on; as `parlens check`")
	NoWarnings     = def("Không có cảnh báo nào.", "No warnings.")
	WarningsCount  = tmpl("%s cảnh báo", "%s warnings")
	WarningsAt     = tmpl("%s/%s cảnh báo", "%s/%s warnings")
)

// Copy (y) and write (w) of the table views (tui/export.go). OSC 52 cannot
// be confirmed, so a copy says how to get the table when nothing pastes.
var (
	KeyCopyTable   = def("sao chép bảng", "copy table")
	KeyWriteTable  = def("ghi .xlsx/.csv", "write .xlsx/.csv")
	TableCopied    = tmpl("Đã gửi %s dòng tới bộ nhớ tạm (OSC 52); không dán được? w: ghi tệp", "%s rows sent to the clipboard (OSC 52); nothing pastes? w: write a file")
	NoTableToCopy  = def("Không có bảng để sao chép", "No table to copy")
	NoTableToWrite = def("Không có bảng để ghi", "No table to write")
	TableWritten   = def("Đã ghi bảng: ", "Table written: ")
	TableFormats   = def("Đuôi tệp chọn định dạng: .xlsx, .csv, .md hoặc .txt", "The extension picks the format: .xlsx, .csv, .md or .txt")
)

// The dashboard's opening selection (--index, --year, --bloc) and the index
// line of its status bar.
var (
	UnknownIndex = tmpl("không có chỉ số %q; có: %s", "no index %q; there is: %s")
	UnknownYear  = tmpl("chỉ số %s không có năm %d; có: %s", "index %s has no year %d; there is: %s")
	UnknownBloc  = tmpl("chỉ số %s năm %d không có khối %q; có: %s", "index %[1]s has no bloc %[3]q in %[2]d; there is: %[4]s")
	IndexOf      = tmpl(" chỉ số %d/%d · i", " index %d/%d · i")
)

// Why the dashboard could not open data that loaded without errors.
var (
	NothingLoaded = def("không có dữ liệu", "no data")
	NoRecords     = def("dữ liệu không có bản ghi nào", "the data has no records")
)

// gradeGlosses are the English glosses of the grade names the PAR Index
// publishes; the names themselves are shown as published.
var gradeGlosses = map[string]string{
	"xuất sắc":   "Excellent",
	"tốt":        "Good",
	"khá":        "Fair",
	"trung bình": "Average",
	"yếu":        "Poor",
}

// Grade writes a grade as published, followed in English by its gloss
// when one is known: "Xuất sắc (Excellent)".
func Grade(grade string, l Lang) string {
	if l != EN {
		return grade
	}
	if g, ok := gradeGlosses[strings.ToLower(strings.TrimSpace(grade))]; ok {
		return grade + " (" + g + ")"
	}
	return grade
}

// Finding: the filter's next match (n/N) across blocs, the go-to-unit
// picker (f).
var (
	KeyNextMatch    = def("kết quả sau", "next match")
	KeyPrevMatch    = def("kết quả trước", "previous match")
	KeyFind         = def("tìm đơn vị", "find a unit")
	MatchInBloc     = def("Khớp trong khối ", "Matches in bloc ")
	NoMatchAnywhere = def("Không khối nào khớp", "No bloc matches")
	FindPrompt      = def("Đơn vị: ", "Unit: ")
	FindTitle       = def("Tìm đơn vị", "Find a unit")
	FindHint        = def("tên hoặc mã, có dấu thì khớp đúng dấu · ↑/↓ chọn · enter mở · esc thôi", "name or code; diacritics typed must match · ↑/↓ choose · enter opens · esc leaves")
	FindCount       = tmpl("%s/%s đơn vị", "%s/%s units")
	FindNone        = def("Không có đơn vị nào khớp.", "No unit matches.")
)

// The years pivot (tui/view_years.go).
var (
	TabYears    = def("Các năm", "Years")
	KeyPivot    = def("điểm/hạng/loại", "scores/ranks/grades")
	PivotScores = def("điểm", "scores")
	PivotRanks  = def("hạng", "ranks")
	PivotGrades = def("xếp loại", "grades")
	PivotNote   = def("Đơn vị của khối năm nay, mỗi năm một cột như đã công bố · *: năm đó ở khối khác · –: không có", "This year's units of the bloc, one column per year as published · *: in another bloc that year · –: none")
)

// Comparing units (tui/view_compare.go): space marks in the ranking, c
// compares.
var (
	KeyMarkUnit    = def("đánh dấu để so sánh", "mark to compare")
	KeyCompare     = def("so sánh đơn vị đã đánh dấu", "compare marked units")
	CompareTitle   = def("So sánh", "Compare")
	CompareCount   = tmpl("%d đơn vị", "%d units")
	CompareNeedTwo = def("Đánh dấu ít nhất hai đơn vị (space trong Xếp hạng) rồi bấm c", "Mark at least two units (space in Ranking), then press c")
	CompareMarked  = tmpl("Đã đánh dấu để so sánh: %s (%d)", "Marked to compare: %s (%d)")
	CompareUnmark  = tmpl("Đã bỏ đánh dấu: %s (%d)", "Unmarked: %s (%d)")
	CompareNote    = tmpl("Chỉ số %s, như đã công bố mỗi năm · –: không có", "Index %s, as published each year · –: none")
	// the component profile against the bloc mean
	CompareProfile     = tmpl("Lĩnh vực năm %d so với trung bình khối", "Components in %d against the bloc mean")
	CompareProfileNote = def("điểm (± so với trung bình khối của đơn vị) · thưởng: điểm cộng thêm, không phải điểm yếu", "score (± against the unit's own bloc mean) · bonus: extra points, not a weakness")
	CompareNoProfile   = tmpl("Không có điểm lĩnh vực năm %d", "No component scores in %d")
	ColMaxShort        = def("tối đa", "max")
	FocusedComponent   = tmpl("cột %s: %s", "column %s: %s")
	ColBlocMeanOf      = tmpl("TB %s", "mean %s")

	// Lineage in the unit view and the ranking (tui/view_lineage.go).
	LineageMergedIn   = tmpl("Hợp nhất năm %d từ %d đơn vị — kết quả cuối cùng trước đó", "Merged in %d from %d units — their last results before")
	LineageSplitIn    = tmpl("Chia tách năm %d — kết quả cuối cùng của đơn vị trước đó", "Split in %d — the last results of the unit before")
	LineagePlace      = def("Vị trí trong khối", "Place in bloc")
	LineageTop        = tmpl("%d%% đứng đầu", "top %d%%")
	LineageBottom     = tmpl("%d%% cuối", "bottom %d%%")
	LineageItself     = def(" (chính đơn vị)", " (itself)")
	LineageNow        = tmpl("Năm %d: thứ %s (%s), không so hạng với riêng một đơn vị tiền thân", "In %d: %s (%s), ranks not compared with any one predecessor")
	HistoryVia        = tmpl(" (qua %s)", " (via %s)") // a year the unit's history takes from a predecessor
	LineageBefore     = def(" · trước hợp nhất", " · before the merger")
	StatusMergedUnits = tmpl("⊕┆ %d đơn vị mới hợp nhất/chia tách", "⊕┆ %d merged or split")
	// StatusBrokenHistory names the break in a sparkline after the year of the merger.
	StatusBrokenHistory = def("┆ hợp nhất/chia tách: không nối", "┆ merger or split: not joined")
	ChartBreakMerger    = tmpl("  ┆ hợp nhất %d: không nối", "  ┆ merged %d: not joined")
	ChartBreakSplit     = tmpl("  ┆ chia tách %d: không nối", "  ┆ split %d: not joined")
	LineagePartOf       = tmpl("Từ năm %d là một phần của %s", "From %d part of %s")
)

// AbbrevSkips are the small words a component's initials leave out, in
// either language ("Tác động của cải cách hành chính" → "TĐCCHC").
var AbbrevSkips = []string{"-", "–", "của", "và", "các", "of", "and", "the"}
