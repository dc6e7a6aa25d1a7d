package citygen

// The years, blocs, units and components of the illustrative city dataset.

const (
	firstYear = 2019
	lastYear  = 2024
	nYears    = lastYear - firstYear + 1

	// vtltFirstYear is the first year of the records-management (Văn thư, lưu trữ) index.
	vtltFirstYear = 2020
)

// Bloc names, exactly as they appear in the Khối column.
const (
	BlocCentral   = "Cơ quan Trung ương"
	BlocDept      = "Sở, ban, ngành"
	BlocDistrict  = "Quận, huyện"
	IndexPAR      = "PAR Index"
	IndexVTLT     = "Văn thư, lưu trữ"
	NotRankedMark = "KXH"
)

// Blocs in table order.
var Blocs = []string{BlocCentral, BlocDept, BlocDistrict}

// Unit is one assessed body. Its code (Mã đơn vị) never changes; its name may.
type Unit struct {
	Code string
	Bloc string
	Name string // current name (from NewNameFrom on, or always when OldName is empty)

	// OldName is the name written in the data before NewNameFrom.
	OldName     string
	NewNameFrom int
	// OldIsAlias lists OldName as an alias in units.csv. A mere spelling
	// variant (huyện Hoà Vang / huyện Hòa Vang) is not an alias: identity is
	// by code, and the two spellings fold alike.
	OldIsAlias bool
}

// NameIn returns the name written for the unit in a given year.
func (u Unit) NameIn(year int) string {
	if u.OldName != "" && year < u.NewNameFrom {
		return u.OldName
	}
	return u.Name
}

// Units lists every unit in bloc order, then in the city's customary order.
var Units = []Unit{
	{Code: "TW-HQ", Bloc: BlocCentral, Name: "Cục Hải quan thành phố"},
	{Code: "TW-THUE", Bloc: BlocCentral, Name: "Cục Thuế thành phố"},
	{Code: "TW-BHXH", Bloc: BlocCentral, Name: "Bảo hiểm xã hội thành phố"},
	{Code: "TW-KBNN", Bloc: BlocCentral, Name: "Kho bạc Nhà nước thành phố"},
	{Code: "TW-CA", Bloc: BlocCentral, Name: "Công an thành phố"},

	{Code: "SO-NV", Bloc: BlocDept, Name: "Sở Nội vụ"},
	{Code: "SO-TP", Bloc: BlocDept, Name: "Sở Tư pháp"},
	{Code: "SO-TC", Bloc: BlocDept, Name: "Sở Tài chính"},
	{Code: "SO-YT", Bloc: BlocDept, Name: "Sở Y tế"},
	{Code: "SO-DL", Bloc: BlocDept, Name: "Sở Du lịch"},
	{Code: "SO-TTTT", Bloc: BlocDept, Name: "Sở Thông tin và Truyền thông"},
	{Code: "SO-KHDT", Bloc: BlocDept, Name: "Sở Kế hoạch và Đầu tư"},
	{Code: "SO-XD", Bloc: BlocDept, Name: "Sở Xây dựng"},
	{Code: "SO-GTVT", Bloc: BlocDept, Name: "Sở Giao thông vận tải"},
	{Code: "SO-CT", Bloc: BlocDept, Name: "Sở Công Thương"},
	{Code: "SO-GDDT", Bloc: BlocDept, Name: "Sở Giáo dục và Đào tạo"},
	{Code: "SO-LDTBXH", Bloc: BlocDept, Name: "Sở Lao động - Thương binh và Xã hội"},
	{Code: "SO-NNPTNT", Bloc: BlocDept, Name: "Sở Nông nghiệp và Phát triển nông thôn"},
	{Code: "SO-TNMT", Bloc: BlocDept, Name: "Sở Tài nguyên và Môi trường"},
	{Code: "SO-KHCN", Bloc: BlocDept, Name: "Sở Khoa học và Công nghệ"},
	{Code: "SO-VHTT", Bloc: BlocDept, Name: "Sở Văn hóa và Thể thao"},
	{Code: "SO-NGV", Bloc: BlocDept, Name: "Sở Ngoại vụ"},
	// Feature (a): renamed from 2023 under the same code; the old name is an alias in units.csv.
	{Code: "BQL-KCN", Bloc: BlocDept, Name: "Ban Quản lý Khu công nghệ cao và các khu công nghiệp",
		OldName: "Ban Quản lý các Khu công nghiệp", NewNameFrom: 2023, OldIsAlias: true},
	{Code: "TTR-TP", Bloc: BlocDept, Name: "Thanh tra thành phố"},
	{Code: "VP-UBND", Bloc: BlocDept, Name: "Văn phòng UBND thành phố"},

	{Code: "QH-HC", Bloc: BlocDistrict, Name: "quận Hải Châu"},
	{Code: "QH-TK", Bloc: BlocDistrict, Name: "quận Thanh Khê"},
	{Code: "QH-ST", Bloc: BlocDistrict, Name: "quận Sơn Trà"},
	{Code: "QH-NHS", Bloc: BlocDistrict, Name: "quận Ngũ Hành Sơn"},
	{Code: "QH-LC", Bloc: BlocDistrict, Name: "quận Liên Chiểu"},
	{Code: "QH-CL", Bloc: BlocDistrict, Name: "quận Cẩm Lệ"},
	// Feature (f): old-style accent placement "Hoà" in 2019–2020, "Hòa" from 2021, same code.
	{Code: "QH-HV", Bloc: BlocDistrict, Name: "huyện Hòa Vang",
		OldName: "huyện Hoà Vang", NewNameFrom: 2021},
}

// Component is one scored area of the PAR Index. Max is in hundredths of a point.
type Component struct {
	Code    string
	Name    string // name up to RenamedIn-1 (or always)
	NewName string // name from RenamedIn on ("" when never renamed)
	// RenamedIn is the first year of NewName.
	RenamedIn int
	Max       int
}

// NameIn returns the component's name (and CSV column header) in a year.
func (c Component) NameIn(year int) string {
	if c.NewName != "" && year >= c.RenamedIn {
		return c.NewName
	}
	return c.Name
}

// Components are the eight PAR areas; their maxima sum to 100 points.
var Components = []Component{
	{Code: "C1", Name: "Công tác chỉ đạo, điều hành", Max: 900},
	{Code: "C2", Name: "Cải cách thể chế", Max: 1100},
	{Code: "C3", Name: "Cải cách thủ tục hành chính", Max: 1400},
	{Code: "C4", Name: "Cải cách tổ chức bộ máy", Max: 1000},
	{Code: "C5", Name: "Cải cách chế độ công vụ", Max: 1400},
	{Code: "C6", Name: "Cải cách tài chính công", Max: 900},
	// Feature (d): the area is renamed from 2022; components.csv ties both names to code C7.
	{Code: "C7", Name: "Hiện đại hóa hành chính", NewName: "Chính phủ điện tử, chính phủ số", RenamedIn: 2022, Max: 1500},
	{Code: "C8", Name: "Tác động của cải cách hành chính", Max: 1800},
}

// Bonus column (Điểm thưởng): up to 3 points on top of the 100, so a total can exceed 100.
const (
	BonusCode   = "BONUS"
	BonusName   = "Điểm thưởng"
	BonusMax    = 300
	TotalName   = "Tổng điểm"
	RankName    = "Xếp hạng"
	GradeName   = "Xếp loại"
	maxPossible = 10000 + BonusMax
)

// Grade is one band of a grading scheme: a score of at least Min (hundredths) earns Label.
type Grade struct {
	Label string
	Min   int
}

// PARGrades is the official five-band scheme, highest first.
var PARGrades = []Grade{
	{"Xuất sắc", 9000},
	{"Tốt", 8000},
	{"Khá", 7000},
	{"Trung bình", 6000},
	{"Yếu", 0},
}

// VTLTGrades is the four-band records-management scheme, highest first.
var VTLTGrades = []Grade{
	{"Xuất sắc", 9000},
	{"Tốt", 8000},
	{"Khá", 6500},
	{"Chưa đạt", 0},
}

// GradeOf returns the label of the first band whose minimum the score reaches.
func GradeOf(scheme []Grade, cents int) string {
	for _, g := range scheme {
		if cents >= g.Min {
			return g.Label
		}
	}
	return scheme[len(scheme)-1].Label
}
