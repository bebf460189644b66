#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/text.h"
#include "core/vnime.h"

/* A word as a typist writes it in each method, and what she sees. The
 * marks follow their vowel, the tone ends the word (Telex, VNI) or follows
 * its vowel (VIQR); every vowel carries every tone in the first rows. */
static const struct {
	const char *want, *telex, *vni, *viqr;
} words[] = {
	{ "ba", "ba", "ba", "ba" },
	{ "bà", "baf", "ba2", "ba`" },
	{ "bá", "bas", "ba1", "ba'" },
	{ "bả", "bar", "ba3", "ba?" },
	{ "bã", "bax", "ba4", "ba~" },
	{ "bạ", "baj", "ba5", "ba." },
	{ "căn", "cawn", "ca8n", "ca(n" },
	{ "cằn", "cawnf", "ca8n2", "ca(`n" },
	{ "cắn", "cawns", "ca8n1", "ca('n" },
	{ "cẳn", "cawnr", "ca8n3", "ca(?n" },
	{ "cẵn", "cawnx", "ca8n4", "ca(~n" },
	{ "cặn", "cawnj", "ca8n5", "ca(.n" },
	{ "cân", "caan", "ca6n", "ca^n" },
	{ "cần", "caanf", "ca6n2", "ca^`n" },
	{ "cấn", "caans", "ca6n1", "ca^'n" },
	{ "cẩn", "caanr", "ca6n3", "ca^?n" },
	{ "cẫn", "caanx", "ca6n4", "ca^~n" },
	{ "cận", "caanj", "ca6n5", "ca^.n" },
	{ "me", "me", "me", "me" },
	{ "mè", "mef", "me2", "me`" },
	{ "mé", "mes", "me1", "me'" },
	{ "mẻ", "mer", "me3", "me?" },
	{ "mẽ", "mex", "me4", "me~" },
	{ "mẹ", "mej", "me5", "me." },
	{ "bê", "bee", "be6", "be^" },
	{ "bề", "beef", "be62", "be^`" },
	{ "bế", "bees", "be61", "be^'" },
	{ "bể", "beer", "be63", "be^?" },
	{ "bễ", "beex", "be64", "be^~" },
	{ "bệ", "beej", "be65", "be^." },
	{ "bi", "bi", "bi", "bi" },
	{ "bì", "bif", "bi2", "bi`" },
	{ "bí", "bis", "bi1", "bi'" },
	{ "bỉ", "bir", "bi3", "bi?" },
	{ "bĩ", "bix", "bi4", "bi~" },
	{ "bị", "bij", "bi5", "bi." },
	{ "co", "co", "co", "co" },
	{ "cò", "cof", "co2", "co`" },
	{ "có", "cos", "co1", "co'" },
	{ "cỏ", "cor", "co3", "co?" },
	{ "cõ", "cox", "co4", "co~" },
	{ "cọ", "coj", "co5", "co." },
	{ "cô", "coo", "co6", "co^" },
	{ "cồ", "coof", "co62", "co^`" },
	{ "cố", "coos", "co61", "co^'" },
	{ "cổ", "coor", "co63", "co^?" },
	{ "cỗ", "coox", "co64", "co^~" },
	{ "cộ", "cooj", "co65", "co^." },
	{ "mơ", "mow", "mo7", "mo+" },
	{ "mờ", "mowf", "mo72", "mo+`" },
	{ "mớ", "mows", "mo71", "mo+'" },
	{ "mở", "mowr", "mo73", "mo+?" },
	{ "mỡ", "mowx", "mo74", "mo+~" },
	{ "mợ", "mowj", "mo75", "mo+." },
	{ "mu", "mu", "mu", "mu" },
	{ "mù", "muf", "mu2", "mu`" },
	{ "mú", "mus", "mu1", "mu'" },
	{ "mủ", "mur", "mu3", "mu?" },
	{ "mũ", "mux", "mu4", "mu~" },
	{ "mụ", "muj", "mu5", "mu." },
	{ "tư", "tuw", "tu7", "tu+" },
	{ "từ", "tuwf", "tu72", "tu+`" },
	{ "tứ", "tuws", "tu71", "tu+'" },
	{ "tử", "tuwr", "tu73", "tu+?" },
	{ "tữ", "tuwx", "tu74", "tu+~" },
	{ "tự", "tuwj", "tu75", "tu+." },
	{ "ly", "ly", "ly", "ly" },
	{ "lỳ", "lyf", "ly2", "ly`" },
	{ "lý", "lys", "ly1", "ly'" },
	{ "lỷ", "lyr", "ly3", "ly?" },
	{ "lỹ", "lyx", "ly4", "ly~" },
	{ "lỵ", "lyj", "ly5", "ly." },
	{ "ăn", "awn", "a8n", "a(n" },
	{ "ắt", "awts", "a8t1", "a('t" },
	{ "ấm", "aams", "a6m1", "a^'m" },
	{ "ấy", "aays", "a6y1", "a^'y" },
	{ "ếch", "eechs", "e6ch1", "e^'ch" },
	{ "ơi", "owi", "o7i", "o+i" },
	{ "ở", "owr", "o73", "o+?" },
	{ "ưa", "uwa", "u7a", "u+a" },
	{ "ừ", "uwf", "u72", "u+`" },
	{ "ý", "ys", "y1", "y'" },
	{ "yêu", "yeeu", "ye6u", "ye^u" },
	{ "yếu", "yeeus", "ye6u1", "ye^'u" },
	{ "yên", "yeen", "ye6n", "ye^n" },
	{ "yến", "yeens", "ye6n1", "ye^'n" },
	{ "ông", "oong", "o6ng", "o^ng" },
	{ "ống", "oongs", "o6ng1", "o^'ng" },
	{ "ước", "uwowcs", "u7o7c1", "u+o+'c" },
	{ "ướt", "uwowts", "u7o7t1", "u+o+'t" },
	{ "Nguyễn", "Nguyeenx", "Nguye6n4", "Nguye^~n" },
	{ "Trần", "Traanf", "Tra6n2", "Tra^`n" },
	{ "Lê", "Lee", "Le6", "Le^" },
	{ "Phạm", "Phamj", "Pham5", "Pha.m" },
	{ "Huỳnh", "Huynhf", "Huynh2", "Huy`nh" },
	{ "Hoàng", "Hoangf", "Hoang2", "Hoa`ng" },
	{ "Phan", "Phan", "Phan", "Phan" },
	{ "Vũ", "Vux", "Vu4", "Vu~" },
	{ "Võ", "Vox", "Vo4", "Vo~" },
	{ "Đặng", "DDawngj", "D9a8ng5", "DDa(.ng" },
	{ "Bùi", "Buif", "Bui2", "Bu`i" },
	{ "Đỗ", "DDoox", "D9o64", "DDo^~" },
	{ "Hồ", "Hoof", "Ho62", "Ho^`" },
	{ "Ngô", "Ngoo", "Ngo6", "Ngo^" },
	{ "Dương", "Duwowng", "Du7o7ng", "Du+o+ng" },
	{ "Lý", "Lys", "Ly1", "Ly'" },
	{ "Đinh", "DDinh", "D9inh", "DDinh" },
	{ "Trương", "Truwowng", "Tru7o7ng", "Tru+o+ng" },
	{ "Lương", "Luwowng", "Lu7o7ng", "Lu+o+ng" },
	{ "Mai", "Mai", "Mai", "Mai" },
	{ "Văn", "Vawn", "Va8n", "Va(n" },
	{ "Thị", "Thij", "Thi5", "Thi." },
	{ "Hữu", "Huwux", "Hu7u4", "Hu+~u" },
	{ "Đức", "DDuwcs", "D9u7c1", "DDu+'c" },
	{ "Minh", "Minh", "Minh", "Minh" },
	{ "Thành", "Thanhf", "Thanh2", "Tha`nh" },
	{ "Hùng", "Hungf", "Hung2", "Hu`ng" },
	{ "Dũng", "Dungx", "Dung4", "Du~ng" },
	{ "Tuấn", "Tuaans", "Tua6n1", "Tua^'n" },
	{ "Anh", "Anh", "Anh", "Anh" },
	{ "Hương", "Huwowng", "Hu7o7ng", "Hu+o+ng" },
	{ "Lan", "Lan", "Lan", "Lan" },
	{ "Ngọc", "Ngocj", "Ngoc5", "Ngo.c" },
	{ "Thảo", "Thaor", "Thao3", "Tha?o" },
	{ "Phương", "Phuwowng", "Phu7o7ng", "Phu+o+ng" },
	{ "Hằng", "Hawngf", "Ha8ng2", "Ha(`ng" },
	{ "Quỳnh", "Quynhf", "Quynh2", "Quy`nh" },
	{ "Trang", "Trang", "Trang", "Trang" },
	{ "Nhung", "Nhung", "Nhung", "Nhung" },
	{ "Hiền", "Hieenf", "Hie6n2", "Hie^`n" },
	{ "Hạnh", "Hanhj", "Hanh5", "Ha.nh" },
	{ "Tâm", "Taam", "Ta6m", "Ta^m" },
	{ "Thắng", "Thawngs", "Tha8ng1", "Tha('ng" },
	{ "Cường", "Cuwowngf", "Cu7o7ng2", "Cu+o+`ng" },
	{ "Khánh", "Khanhs", "Khanh1", "Kha'nh" },
	{ "Long", "Long", "Long", "Long" },
	{ "Nam", "Nam", "Nam", "Nam" },
	{ "Bình", "Binhf", "Binh2", "Bi`nh" },
	{ "Sơn", "Sown", "So7n", "So+n" },
	{ "Hải", "Hair", "Hai3", "Ha?i" },
	{ "Quang", "Quang", "Quang", "Quang" },
	{ "Tùng", "Tungf", "Tung2", "Tu`ng" },
	{ "Kiên", "Kieen", "Kie6n", "Kie^n" },
	{ "Nghĩa", "Nghiax", "Nghia4", "Nghi~a" },
	{ "Thư", "Thuw", "Thu7", "Thu+" },
	{ "Trinh", "Trinh", "Trinh", "Trinh" },
	{ "Uyên", "Uyeen", "Uye6n", "Uye^n" },
	{ "Yến", "Yeens", "Ye6n1", "Ye^'n" },
	{ "Vân", "Vaan", "Va6n", "Va^n" },
	{ "hồ", "hoof", "ho62", "ho^`" },
	{ "sơ", "sow", "so7", "so+" },
	{ "thủ", "thur", "thu3", "thu?" },
	{ "tục", "tucj", "tuc5", "tu.c" },
	{ "hành", "hanhf", "hanh2", "ha`nh" },
	{ "chính", "chinhs", "chinh1", "chi'nh" },
	{ "tiếp", "tieeps", "tie6p1", "tie^'p" },
	{ "nhận", "nhaanj", "nha6n5", "nha^.n" },
	{ "trả", "trar", "tra3", "tra?" },
	{ "kết", "keets", "ke6t1", "ke^'t" },
	{ "quả", "quar", "qua3", "qua?" },
	{ "một", "mootj", "mo6t5", "mo^.t" },
	{ "cửa", "cuwar", "cu7a3", "cu+?a" },
	{ "phường", "phuwowngf", "phu7o7ng2", "phu+o+`ng" },
	{ "xã", "xax", "xa4", "xa~" },
	{ "tỉnh", "tinhr", "tinh3", "ti?nh" },
	{ "thành", "thanhf", "thanh2", "tha`nh" },
	{ "phố", "phoos", "pho61", "pho^'" },
	{ "quận", "quaanj", "qua6n5", "qua^.n" },
	{ "huyện", "huyeenj", "huye6n5", "huye^.n" },
	{ "đăng", "ddawng", "d9a8ng", "dda(ng" },
	{ "ký", "kys", "ky1", "ky'" },
	{ "khai", "khai", "khai", "khai" },
	{ "sinh", "sinh", "sinh", "sinh" },
	{ "hôn", "hoon", "ho6n", "ho^n" },
	{ "thường", "thuwowngf", "thu7o7ng2", "thu+o+`ng" },
	{ "trú", "trus", "tru1", "tru'" },
	{ "tạm", "tamj", "tam5", "ta.m" },
	{ "vắng", "vawngs", "va8ng1", "va('ng" },
	{ "cước", "cuwowcs", "cu7o7c1", "cu+o+'c" },
	{ "công", "coong", "co6ng", "co^ng" },
	{ "dân", "daan", "da6n", "da^n" },
	{ "giấy", "giaays", "gia6y1", "gia^'y" },
	{ "chứng", "chuwngs", "chu7ng1", "chu+'ng" },
	{ "bản", "banr", "ban3", "ba?n" },
	{ "sao", "sao", "sao", "sao" },
	{ "người", "nguwowif", "ngu7o7i2", "ngu+o+`i" },
	{ "nộp", "noopj", "no6p5", "no^.p" },
	{ "đơn", "ddown", "d9o7n", "ddo+n" },
	{ "lệ", "leej", "le65", "le^." },
	{ "phí", "phis", "phi1", "phi'" },
	{ "ngày", "ngayf", "ngay2", "nga`y" },
	{ "hẹn", "henj", "hen5", "he.n" },
	{ "hạn", "hanj", "han5", "ha.n" },
	{ "xử", "xuwr", "xu73", "xu+?" },
	{ "chuyên", "chuyeen", "chuye6n", "chuye^n" },
	{ "viên", "vieen", "vie6n", "vie^n" },
	{ "lãnh", "lanhx", "lanh4", "la~nh" },
	{ "đạo", "ddaoj", "d9ao5", "dda.o" },
	{ "văn", "vawn", "va8n", "va(n" },
	{ "thư", "thuw", "thu7", "thu+" },
	{ "bổ", "boor", "bo63", "bo^?" },
	{ "sung", "sung", "sung", "sung" },
	{ "chối", "choois", "cho6i1", "cho^'i" },
	{ "dừng", "duwngf", "du7ng2", "du+`ng" },
	{ "rút", "ruts", "rut1", "ru't" },
	{ "địa", "ddiaj", "d9ia5", "ddi.a" },
	{ "chỉ", "chir", "chi3", "chi?" },
	{ "số", "soos", "so61", "so^'" },
	{ "nhà", "nhaf", "nha2", "nha`" },
	{ "đường", "dduwowngf", "d9u7o7ng2", "ddu+o+`ng" },
	{ "thôn", "thoon", "tho6n", "tho^n" },
	{ "ấp", "aaps", "a6p1", "a^'p" },
	{ "làng", "langf", "lang2", "la`ng" },
	{ "tổ", "toor", "to63", "to^?" },
	{ "điện", "ddieenj", "d9ie6n5", "ddie^.n" },
	{ "thoại", "thoaij", "thoai5", "thoa.i" },
	{ "mã", "max", "ma4", "ma~" },
	{ "định", "ddinhj", "d9inh5", "ddi.nh" },
	{ "danh", "danh", "danh", "danh" },
	{ "cá", "cas", "ca1", "ca'" },
	{ "nhân", "nhaan", "nha6n", "nha^n" },
	{ "giữa", "giuwax", "giu7a4", "giu+~a" },
	{ "giường", "giuwowngf", "giu7o7ng2", "giu+o+`ng" },
	{ "giỏi", "gioir", "gioi3", "gio?i" },
	{ "gìn", "ginf", "gin2", "gi`n" },
	{ "giếng", "gieengs", "gie6ng1", "gie^'ng" },
	{ "giục", "giucj", "giuc5", "giu.c" },
	{ "già", "giaf", "gia2", "gia`" },
	{ "giá", "gias", "gia1", "gia'" },
	{ "giặt", "giawtj", "gia8t5", "gia(.t" },
	{ "giết", "gieets", "gie6t1", "gie^'t" },
	{ "giống", "gioongs", "gio6ng1", "gio^'ng" },
	{ "giờ", "giowf", "gio72", "gio+`" },
	{ "giúp", "giups", "giup1", "giu'p" },
	{ "gì", "gif", "gi2", "gi`" },
	{ "quốc", "quoocs", "quo6c1", "quo^'c" },
	{ "quyết", "quyeets", "quye6t1", "quye^'t" },
	{ "quyền", "quyeenf", "quye6n2", "quye^`n" },
	{ "quân", "quaan", "qua6n", "qua^n" },
	{ "quê", "quee", "que6", "que^" },
	{ "quen", "quen", "quen", "quen" },
	{ "quạt", "quatj", "quat5", "qua.t" },
	{ "quỹ", "quyx", "quy4", "quy~" },
	{ "quý", "quys", "quy1", "quy'" },
	{ "quãng", "quangx", "quang4", "qua~ng" },
	{ "quẹo", "queoj", "queo5", "que.o" },
	{ "quần", "quaanf", "qua6n2", "qua^`n" },
	{ "quấy", "quaays", "qua6y1", "qua^'y" },
	{ "nước", "nuwowcs", "nu7o7c1", "nu+o+'c" },
	{ "trường", "truwowngf", "tru7o7ng2", "tru+o+`ng" },
	{ "thương", "thuwowng", "thu7o7ng", "thu+o+ng" },
	{ "mười", "muwowif", "mu7o7i2", "mu+o+`i" },
	{ "rượu", "ruwowuj", "ru7o7u5", "ru+o+.u" },
	{ "hươu", "huwowu", "hu7o7u", "hu+o+u" },
	{ "cưới", "cuwowis", "cu7o7i1", "cu+o+'i" },
	{ "lười", "luwowif", "lu7o7i2", "lu+o+`i" },
	{ "mượn", "muwownj", "mu7o7n5", "mu+o+.n" },
	{ "vườn", "vuwownf", "vu7o7n2", "vu+o+`n" },
	{ "bưởi", "buwowir", "bu7o7i3", "bu+o+?i" },
	{ "tưởng", "tuwowngr", "tu7o7ng3", "tu+o+?ng" },
	{ "sướng", "suwowngs", "su7o7ng1", "su+o+'ng" },
	{ "thuở", "thuowr", "thuo73", "thuo+?" },
	{ "huơ", "huow", "huo7", "huo+" },
	{ "quơ", "quow", "quo7", "quo+" },
	{ "khuơ", "khuow", "khuo7", "khuo+" },
	{ "nghiêng", "nghieeng", "nghie6ng", "nghie^ng" },
	{ "nghèo", "ngheof", "ngheo2", "nghe`o" },
	{ "nghỉ", "nghir", "nghi3", "nghi?" },
	{ "nghiệp", "nghieepj", "nghie6p5", "nghie^.p" },
	{ "nghìn", "nghinf", "nghin2", "nghi`n" },
	{ "nghĩa", "nghiax", "nghia4", "nghi~a" },
	{ "ngoài", "ngoaif", "ngoai2", "ngoa`i" },
	{ "ngoại", "ngoaij", "ngoai5", "ngoa.i" },
	{ "khoái", "khoais", "khoai1", "khoa'i" },
	{ "xoài", "xoaif", "xoai2", "xoa`i" },
	{ "nguồn", "nguoonf", "nguo6n2", "nguo^`n" },
	{ "muốn", "muoons", "muo6n1", "muo^'n" },
	{ "buồn", "buoonf", "buo6n2", "buo^`n" },
	{ "chuối", "chuoois", "chuo6i1", "chuo^'i" },
	{ "tuổi", "tuooir", "tuo6i3", "tuo^?i" },
	{ "việt", "vieetj", "vie6t5", "vie^.t" },
	{ "nam", "nam", "nam", "nam" },
	{ "tiếng", "tieengs", "tie6ng1", "tie^'ng" },
	{ "đây", "ddaay", "d9a6y", "dda^y" },
	{ "đó", "ddos", "d9o1", "ddo'" },
	{ "đâu", "ddaau", "d9a6u", "dda^u" },
	{ "đều", "ddeeuf", "d9e6u2", "dde^`u" },
	{ "đi", "ddi", "d9i", "ddi" },
	{ "đến", "ddeens", "d9e6n1", "dde^'n" },
	{ "được", "dduwowcj", "d9u7o7c5", "ddu+o+.c" },
	{ "để", "ddeer", "d9e63", "dde^?" },
	{ "đã", "ddax", "d9a4", "dda~" },
	{ "đang", "ddang", "d9ang", "ddang" },
	{ "độ", "ddooj", "d9o65", "ddo^." },
	{ "đồng", "ddoongf", "d9o6ng2", "ddo^`ng" },
	{ "Đà", "DDaf", "D9a2", "DDa`" },
	{ "Đông", "DDoong", "D9o6ng", "DDo^ng" },
	{ "Đoàn", "DDoanf", "D9oan2", "DDoa`n" },
	{ "Điện", "DDieenj", "D9ie6n5", "DDie^.n" },
	{ "khuỷu", "khuyur", "khuyu3", "khuy?u" },
	{ "ngoẹo", "ngoeoj", "ngoeo5", "ngoe.o" },
	{ "kiểu", "kieeur", "kie6u3", "kie^?u" },
	{ "hiểu", "hieeur", "hie6u3", "hie^?u" },
	{ "nhiều", "nhieeuf", "nhie6u2", "nhie^`u" },
	{ "miếu", "mieeus", "mie6u1", "mie^'u" },
	{ "chiều", "chieeuf", "chie6u2", "chie^`u" },
	{ "tiêu", "tieeu", "tie6u", "tie^u" },
	{ "siêu", "sieeu", "sie6u", "sie^u" },
	{ "khám", "khams", "kham1", "kha'm" },
	{ "bệnh", "beenhj", "be6nh5", "be^.nh" },
	{ "viện", "vieenj", "vie6n5", "vie^.n" },
	{ "bảo", "baor", "bao3", "ba?o" },
	{ "hiểm", "hieemr", "hie6m3", "hie^?m" },
	{ "y", "y", "y", "y" },
	{ "tế", "tees", "te61", "te^'" },
	{ "trẻ", "trer", "tre3", "tre?" },
	{ "em", "em", "em", "em" },
	{ "dưới", "duwowis", "du7o7i1", "du+o+'i" },
	{ "sáu", "saus", "sau1", "sa'u" },
	{ "cấp", "caaps", "ca6p1", "ca^'p" },
	{ "đổi", "ddooir", "d9o6i3", "ddo^?i" },
	{ "thẻ", "ther", "the3", "the?" },
	{ "thuế", "thuees", "thue61", "thue^'" },
	{ "đất", "ddaats", "d9a6t1", "dda^'t" },
	{ "sổ", "soor", "so63", "so^?" },
	{ "đỏ", "ddor", "d9o3", "ddo?" },
	{ "sử", "suwr", "su73", "su+?" },
	{ "dụng", "dungj", "dung5", "du.ng" },
	{ "chuyển", "chuyeenr", "chuye6n3", "chuye^?n" },
	{ "nhượng", "nhuwowngj", "nhu7o7ng5", "nhu+o+.ng" },
	{ "thế", "thees", "the61", "the^'" },
	{ "chấp", "chaaps", "cha6p1", "cha^'p" },
	{ "tặng", "tawngj", "ta8ng5", "ta(.ng" },
	{ "cho", "cho", "cho", "cho" },
	{ "thừa", "thuwaf", "thu7a2", "thu+`a" },
	{ "kế", "kees", "ke61", "ke^'" },
	{ "hộ", "hooj", "ho65", "ho^." },
	{ "kinh", "kinh", "kinh", "kinh" },
	{ "doanh", "doanh", "doanh", "doanh" },
	{ "đầu", "ddaauf", "d9a6u2", "dda^`u" },
	{ "xây", "xaay", "xa6y", "xa^y" },
	{ "dựng", "duwngj", "du7ng5", "du+.ng" },
	{ "phép", "pheps", "phep1", "phe'p" },
	{ "môi", "mooi", "mo6i", "mo^i" },
	{ "lao", "lao", "lao", "lao" },
	{ "động", "ddoongj", "d9o6ng5", "ddo^.ng" },
	{ "việc", "vieecj", "vie6c5", "vie^.c" },
	{ "làm", "lamf", "lam2", "la`m" },
	{ "xác", "xacs", "xac1", "xa'c" },
	{ "tình", "tinhf", "tinh2", "ti`nh" },
	{ "trạng", "trangj", "trang5", "tra.ng" },
	{ "cư", "cuw", "cu7", "cu+" },
	{ "lịch", "lichj", "lich5", "li.ch" },
	{ "pháp", "phaps", "phap1", "pha'p" },
	{ "thực", "thuwcj", "thu7c5", "thu+.c" },
	{ "chữ", "chuwx", "chu74", "chu+~" },
	{ "ruộng", "ruoongj", "ruo6ng5", "ruo^.ng" },
	{ "nuôi", "nuooi", "nuo6i", "nuo^i" },
	{ "trồng", "troongf", "tro6ng2", "tro^`ng" },
	{ "cây", "caay", "ca6y", "ca^y" },
	{ "lúa", "luas", "lua1", "lu'a" },
	{ "cà", "caf", "ca2", "ca`" },
	{ "phê", "phee", "phe6", "phe^" },
	{ "điều", "ddieeuf", "d9ie6u2", "ddie^`u" },
	{ "cao", "cao", "cao", "cao" },
	{ "su", "su", "su", "su" },
};

/* oa, oe, uy ending a syllable: the tone where the style puts it; each
 * word in the old style, then in the new. */
static const struct {
	const char *want, *telex, *vni, *viqr;
} styled[] = {
	{ "hòa", "hoaf", "hoa2", "ho`a" },
	{ "hoà", "hoaf", "hoa2", "hoa`" },
	{ "khỏe", "khoer", "khoe3", "kho?e" },
	{ "khoẻ", "khoer", "khoe3", "khoe?" },
	{ "thúy", "thuys", "thuy1", "thu'y" },
	{ "thuý", "thuys", "thuy1", "thuy'" },
	{ "thủy", "thuyr", "thuy3", "thu?y" },
	{ "thuỷ", "thuyr", "thuy3", "thuy?" },
	{ "hòe", "hoef", "hoe2", "ho`e" },
	{ "hoè", "hoef", "hoe2", "hoe`" },
	{ "lòa", "loaf", "loa2", "lo`a" },
	{ "loà", "loaf", "loa2", "loa`" },
	{ "tủy", "tuyr", "tuy3", "tu?y" },
	{ "tuỷ", "tuyr", "tuy3", "tuy?" },
	{ "xóa", "xoas", "xoa1", "xo'a" },
	{ "xoá", "xoas", "xoa1", "xoa'" },
};

/* Type keys as a prompt does: the engine's, else the key itself. */
static const char *type(enum vnime_method m, bool old_tones, const char *keys, char *buf, size_t cap)
{
	struct vnime im = { m, old_tones };
	size_t len = 0;

	buf[0] = '\0';
	for (const char *k = keys; *k; k++) {
		int r = vnime_type(&im, buf, &len, cap, (unsigned char)*k);

		ck_assert_int_ge(r, 0);
		if (!r && len + 1 < cap) {
			buf[len++] = *k;
			buf[len] = '\0';
		}
		ck_assert_uint_eq(len, strlen(buf));
	}
	return buf;
}

#define TYPED(m, keys, want) do {						\
		char b_[128];							\
		ck_assert_str_eq(type(m, false, keys, b_, sizeof b_), want);	\
	} while (0)

START_TEST(each_method_gives_the_same_nfc_word)
{
	char buf[128];

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		ck_assert_str_eq(type(VNIME_TELEX, false, words[i].telex, buf, sizeof buf), words[i].want);
		ck_assert_str_eq(type(VNIME_VNI, false, words[i].vni, buf, sizeof buf), words[i].want);
		ck_assert_str_eq(type(VNIME_VIQR, false, words[i].viqr, buf, sizeof buf), words[i].want);
		/* the old style differs only on oa, oe, uy ending a word */
		ck_assert_str_eq(type(VNIME_TELEX, true, words[i].telex, buf, sizeof buf), words[i].want);
	}
	ck_assert_uint_ge(sizeof words / sizeof words[0], 300);
}
END_TEST

START_TEST(tone_style_old_and_new)
{
	char buf[128];

	for (size_t i = 0; i < sizeof styled / sizeof styled[0]; i++) {
		bool old = i % 2 == 0;

		ck_assert_str_eq(type(VNIME_TELEX, old, styled[i].telex, buf, sizeof buf), styled[i].want);
		ck_assert_str_eq(type(VNIME_VNI, old, styled[i].vni, buf, sizeof buf), styled[i].want);
		ck_assert_str_eq(type(VNIME_VIQR, old, styled[i].viqr, buf, sizeof buf), styled[i].want);
	}
	/* a final takes the tone to the last vowel in both styles */
	ck_assert_str_eq(type(VNIME_TELEX, true, "hoafn", buf, sizeof buf), "hoàn");
	ck_assert_str_eq(type(VNIME_TELEX, false, "hoafn", buf, sizeof buf), "hoàn");
	ck_assert_str_eq(type(VNIME_TELEX, true, "Nguyeenx Thij Hoaf", buf, sizeof buf), "Nguyễn Thị Hòa");
	ck_assert_str_eq(type(VNIME_TELEX, false, "Nguyeenx Thij Hoaf", buf, sizeof buf), "Nguyễn Thị Hoà");
}
END_TEST

START_TEST(marks_typed_after_the_whole_word)
{
	TYPED(VNIME_TELEX, "nguyenx", "nguyễn");
	TYPED(VNIME_TELEX, "nguyeenx", "nguyễn");
	TYPED(VNIME_TELEX, "nguyenex", "nguyễn");
	TYPED(VNIME_TELEX, "nguyenxe", "nguyẽne");
	TYPED(VNIME_TELEX, "viets", "viết");
	TYPED(VNIME_TELEX, "tieengs", "tiếng");
	TYPED(VNIME_TELEX, "duongwf", "dường");
	TYPED(VNIME_TELEX, "duowngd", "đương");
	TYPED(VNIME_TELEX, "nguoiwf", "người");
	TYPED(VNIME_TELEX, "nguwowif", "người");
	TYPED(VNIME_TELEX, "truongwf", "trường");
	TYPED(VNIME_TELEX, "thuongw", "thương");
	TYPED(VNIME_TELEX, "hoangf", "hoàng");
	TYPED(VNIME_VNI, "nguyen64", "nguyễn");
	TYPED(VNIME_VNI, "truong72", "trường");
	TYPED(VNIME_VNI, "dung9", "đung");
	TYPED(VNIME_VIQR, "Vie^.t Nam", "Việt Nam");
}
END_TEST

START_TEST(uo_horns_before_more_letters_uo_at_the_end)
{
	TYPED(VNIME_TELEX, "thuowr", "thuở");
	TYPED(VNIME_TELEX, "huow", "huơ");
	TYPED(VNIME_TELEX, "huowu", "hươu");
	TYPED(VNIME_TELEX, "thuowng", "thương");
	TYPED(VNIME_TELEX, "quow", "quơ");
	TYPED(VNIME_TELEX, "muowns", "mướn");
	TYPED(VNIME_VNI, "thuo73", "thuở");
	TYPED(VNIME_VNI, "thu7o7ng", "thương");
	TYPED(VNIME_VIQR, "thuo+?", "thuở");
}
END_TEST

START_TEST(qu_and_gi_are_onsets)
{
	TYPED(VNIME_TELEX, "quaf", "quà");
	TYPED(VNIME_TELEX, "quys", "quý");
	TYPED(VNIME_TELEX, "quyeets", "quyết");
	TYPED(VNIME_TELEX, "giaf", "già");
	TYPED(VNIME_TELEX, "gif", "gì");
	TYPED(VNIME_TELEX, "gifn", "gìn");
	TYPED(VNIME_TELEX, "giuwax", "giữa");
	TYPED(VNIME_TELEX, "giuwowngf", "giường");
	TYPED(VNIME_VNI, "qua2", "quà");
	TYPED(VNIME_VNI, "gia2", "già");
}
END_TEST

START_TEST(a_repeated_key_undoes_its_mark)
{
	TYPED(VNIME_TELEX, "ass", "as");
	TYPED(VNIME_TELEX, "asss", "ass");
	TYPED(VNIME_TELEX, "bass", "bas");
	TYPED(VNIME_TELEX, "aa", "â");
	TYPED(VNIME_TELEX, "aaa", "aa");
	TYPED(VNIME_TELEX, "aaaa", "aaa");
	TYPED(VNIME_TELEX, "dd", "đ");
	TYPED(VNIME_TELEX, "ddd", "dd");
	TYPED(VNIME_TELEX, "aw", "ă");
	TYPED(VNIME_TELEX, "aww", "aw");
	TYPED(VNIME_TELEX, "w", "ư");
	TYPED(VNIME_TELEX, "ww", "w");
	TYPED(VNIME_TELEX, "nhw", "như");
	TYPED(VNIME_TELEX, "thuongww", "thuongw");
	TYPED(VNIME_TELEX, "tuaans", "tuấn");
	TYPED(VNIME_TELEX, "asz", "a");
	TYPED(VNIME_TELEX, "z", "z");
	TYPED(VNIME_TELEX, "asf", "à");
	TYPED(VNIME_VNI, "a11", "a1");
	TYPED(VNIME_VNI, "a66", "a6");
	TYPED(VNIME_VNI, "d99", "d9");
	TYPED(VNIME_VNI, "a10", "a");
	TYPED(VNIME_VIQR, "a''", "a'");
	TYPED(VNIME_VIQR, "a^^", "a^");
	TYPED(VNIME_VIQR, "ddd", "dd");
}
END_TEST

START_TEST(capitals_keep_their_case)
{
	TYPED(VNIME_TELEX, "NGUYEENX", "NGUYỄN");
	TYPED(VNIME_TELEX, "DDAWNGJ", "ĐẶNG");
	TYPED(VNIME_TELEX, "Ddawngj", "Đặng");
	TYPED(VNIME_TELEX, "TRUWOWNGF", "TRƯỜNG");
	TYPED(VNIME_TELEX, "W", "Ư");
	TYPED(VNIME_TELEX, "AA", "Â");
	TYPED(VNIME_TELEX, "ASS", "AS");
	TYPED(VNIME_VNI, "D9", "Đ");
	TYPED(VNIME_VNI, "DD9", "DD9");
	TYPED(VNIME_VNI, "D9A8NG5", "ĐẶNG");
	TYPED(VNIME_VIQR, "DDA(.NG", "ĐẶNG");
}
END_TEST

START_TEST(what_cannot_be_vietnamese_is_typed_as_is)
{
	TYPED(VNIME_TELEX, "xin", "xin");
	TYPED(VNIME_TELEX, "s", "s");
	TYPED(VNIME_TELEX, "HS-2026-01", "HS-2026-01");
	TYPED(VNIME_TELEX, "john", "john");
	TYPED(VNIME_TELEX, "0912 345 678", "0912 345 678");
	TYPED(VNIME_VNI, "0912 345 678", "0912 345 678");
	TYPED(VNIME_VIQR, "Hi?", "Hỉ");
	TYPED(VNIME_VIQR, "x?", "x?");
	TYPED(VNIME_VIQR, "a-b", "a-b");
	TYPED(VNIME_OFF, "nguyeenx", "nguyeenx");
}
END_TEST

START_TEST(a_full_buffer_is_said)
{
	struct vnime im = { VNIME_TELEX, false };
	char buf[3] = "ba";
	size_t len = 2;

	/* bá needs 3 bytes and the NUL */
	ck_assert_int_eq(vnime_type(&im, buf, &len, sizeof buf, 's'), -1);
	ck_assert_str_eq(buf, "ba");
	ck_assert_uint_eq(len, 2);
}
END_TEST

START_TEST(letters_shown_without_marks)
{
	ck_assert_int_eq(vnime_ascii(0x1EC4), 'E');	/* Ễ */
	ck_assert_int_eq(vnime_ascii(0x1EC5), 'e');	/* ễ */
	ck_assert_int_eq(vnime_ascii(0x110), 'D');	/* Đ */
	ck_assert_int_eq(vnime_ascii(0x1B0), 'u');	/* ư */
	ck_assert_int_eq(vnime_ascii('Q'), 'Q');
	ck_assert_int_eq(vnime_ascii(0xE9), 'e');	/* é */
	ck_assert_int_eq(vnime_ascii(0xFC), 0);		/* ü: not Vietnamese */
	ck_assert_int_eq(vnime_ascii('1'), 0);
}
END_TEST

/* Whatever the field holds (Vietnamese, ASCII, bytes that are not UTF-8)
 * and whatever is typed, the text stays within its buffer, its length is
 * right, and UTF-8 stays UTF-8. */
START_TEST(any_text_and_key_keep_the_buffer_sound)
{
	static const char *const bits[] = {
		"a", "ư", "Đ", "ờ", "qu", "gi", "ng", " ", "1", "x", "\xff", "\xe1\xbb", "ẽ", "W", "oa",
	};
	uint32_t seed = 12345;

	for (int round = 0; round < 20000; round++) {
		struct vnime im = { (enum vnime_method)(round % 4), round % 3 == 0 };
		char buf[24] = "";
		size_t len = 0;
		bool valid;
		int r;

		for (int k = (int)(seed % 6); k > 0; k--) {
			const char *b;

			seed = seed * 1103515245u + 12345u;
			b = bits[(seed >> 16) % (sizeof bits / sizeof bits[0])];
			if (len + strlen(b) < sizeof buf) {
				memcpy(buf + len, b, strlen(b) + 1);
				len += strlen(b);
			}
		}
		valid = !text_utf8_invalid(buf, len);
		seed = seed * 1103515245u + 12345u;
		r = vnime_type(&im, buf, &len, sizeof buf, 0x21 + (seed >> 16) % 0x5e);
		ck_assert_int_ge(r, -1);
		ck_assert_uint_lt(len, sizeof buf);
		ck_assert_uint_eq(len, strlen(buf));
		if (valid)
			ck_assert_ptr_null(text_utf8_invalid(buf, len));
	}
}
END_TEST

static Suite *vnime_suite(void)
{
	Suite *s = suite_create("vnime");
	TCase *tc = tcase_create("vnime");

	tcase_add_test(tc, each_method_gives_the_same_nfc_word);
	tcase_add_test(tc, tone_style_old_and_new);
	tcase_add_test(tc, marks_typed_after_the_whole_word);
	tcase_add_test(tc, uo_horns_before_more_letters_uo_at_the_end);
	tcase_add_test(tc, qu_and_gi_are_onsets);
	tcase_add_test(tc, a_repeated_key_undoes_its_mark);
	tcase_add_test(tc, capitals_keep_their_case);
	tcase_add_test(tc, what_cannot_be_vietnamese_is_typed_as_is);
	tcase_add_test(tc, a_full_buffer_is_said);
	tcase_add_test(tc, letters_shown_without_marks);
	tcase_add_test(tc, any_text_and_key_keep_the_buffer_sound);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(vnime_suite)
