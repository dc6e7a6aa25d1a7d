package words

// Mover kinds, keyed by analysis.MoverKind's value (the words package
// imports nothing of parlens): lower case, as a table cell shows them; the
// dashboard capitalises them with Cap.
var moverKinds = map[string]*Word{
	"top":              def("dẫn đầu", "leader"),
	"first_time_top":   def("lần đầu dẫn đầu", "first time top"),
	"regained_top":     def("trở lại dẫn đầu", "regained top"),
	"retained_top":     def("tiếp tục dẫn đầu", "retained top"),
	"bottom":           def("cuối bảng", "bottom"),
	"biggest_gain":     def("tăng điểm nhiều nhất", "biggest gain"),
	"biggest_drop":     def("giảm điểm nhiều nhất", "biggest drop"),
	"biggest_climb":    def("tăng hạng nhiều nhất", "biggest climb"),
	"biggest_fall":     def("tụt hạng nhiều nhất", "biggest fall"),
	"grade_up":         def("lên xếp loại", "grade up"),
	"grade_down":       def("xuống xếp loại", "grade down"),
	"first_time_grade": def("lần đầu đạt loại cao nhất", "first time top grade"),
	"sole_grade":       def("duy nhất với xếp loại", "sole grade"),
	"new_unit":         def("đơn vị mới", "new unit"),
}

// MoverKind returns the label of a mover kind (analysis.MoverKind as a
// string), or nil for a kind the table does not know.
func MoverKind(kind string) *Word { return moverKinds[kind] }

// Marks and words every face shares.
var (
	NotRanked = def("KXH", "not ranked") // the published mark for a unit outside the ranking
)
