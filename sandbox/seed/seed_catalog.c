/* The commune-level procedure catalog. Codes are the national ones
 * (Cơ sở dữ liệu quốc gia về TTHC) where established; codes starting with
 * "SBX." are the sandbox's own for procedures whose national code could
 * not be established. Times follow the legal texts; where a text says "in
 * the day" (trong ngày) the sandbox counts 120 working minutes with the
 * 15:00 cut-off, so a dossier received by 15:00 is due the same day and
 * one received later is due the next morning. Fees set by provincial
 * councils are sample values (fee_note says so). sandbox/TRAINING.md
 * lists what was checked and what is approximate. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "seed_priv.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define DAYS(n) ((n) * 480)
#define SAME_DAY 120
#define C1500 CAL_CUTOFF_1500
#define NOCUT CAL_NO_CUTOFF
#define END { NULL, 0, false, NULL }

#define F_CIVIL "Hộ tịch"
#define F_CERT "Chứng thực"
#define F_RES "Đăng ký, quản lý cư trú"
#define F_HKD "Thành lập và hoạt động của hộ kinh doanh"
#define F_SOCIAL "Bảo trợ xã hội"
#define F_POOR "Giảm nghèo"
#define F_LAND "Đất đai"
#define F_HI "Bảo hiểm y tế"

#define TEXT_SAME_DAY "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận " \
	"hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả " \
	"trong ngày làm việc tiếp theo"
#define TEXT_CERT_DAY "Trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc " \
	"trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ"
#define NOTE_COUNCIL "Mức thu do Hội đồng nhân dân cấp tỉnh quy định; " \
	"giá trị trong sandbox là giá trị mẫu"
#define NOTE_RES_FEE "Thông tư 75/2022/TT-BTC; nộp hồ sơ trực tuyến được " \
	"thu mức thấp hơn"

/* Papers shown or handed in that national data replaces. */
#define ID_PAPER { "Giấy tờ tùy thân của người yêu cầu (xuất trình)", 1, \
	true, "population" }
#define RESIDENCE_PAPER { "Giấy tờ chứng minh nơi cư trú", 1, true, \
	"population" }
#define PROXY_PAPER { "Văn bản ủy quyền (trường hợp ủy quyền)", 1, false, \
	NULL }

static const struct sbx_comp_def c_birth[] = {
	{ "Tờ khai đăng ký khai sinh theo mẫu", 1, true, NULL },
	{ "Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh", 1, true,
	  NULL },
	ID_PAPER, RESIDENCE_PAPER,
	{ "Giấy chứng nhận kết hôn của cha, mẹ trẻ", 1, false, "civil_status" },
	PROXY_PAPER, END,
};
static const struct sbx_comp_def c_marriage[] = {
	{ "Tờ khai đăng ký kết hôn theo mẫu", 1, true, NULL },
	ID_PAPER, RESIDENCE_PAPER,
	{ "Giấy xác nhận tình trạng hôn nhân (khi đăng ký ở nơi không phải "
	  "nơi thường trú)", 1, false, "civil_status" },
	END,
};
static const struct sbx_comp_def c_death[] = {
	{ "Tờ khai đăng ký khai tử theo mẫu", 1, true, NULL },
	{ "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", 1, true, NULL },
	ID_PAPER, PROXY_PAPER, END,
};
static const struct sbx_comp_def c_recognition[] = {
	{ "Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", 1, true, NULL },
	{ "Văn bản của cơ quan y tế, cơ quan giám định hoặc chứng cứ khác "
	  "chứng minh quan hệ cha, mẹ, con", 1, true, NULL },
	ID_PAPER, RESIDENCE_PAPER, END,
};
static const struct sbx_comp_def c_birth_recognition[] = {
	{ "Tờ khai đăng ký khai sinh và tờ khai đăng ký nhận cha, mẹ, con",
	  1, true, NULL },
	{ "Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh", 1, true,
	  NULL },
	{ "Chứng cứ chứng minh quan hệ cha, mẹ, con", 1, true, NULL },
	ID_PAPER, RESIDENCE_PAPER, END,
};
static const struct sbx_comp_def c_rereg_birth[] = {
	{ "Tờ khai đăng ký lại khai sinh theo mẫu", 1, true, NULL },
	{ "Bản sao giấy tờ, tài liệu có nội dung liên quan (văn bằng, học bạ, "
	  "hồ sơ cán bộ...)", 1, true, NULL },
	ID_PAPER, RESIDENCE_PAPER, END,
};
static const struct sbx_comp_def c_rereg[] = {
	{ "Tờ khai đăng ký lại theo mẫu", 1, true, NULL },
	{ "Bản sao giấy tờ đã đăng ký trước đây (nếu có)", 1, false,
	  "civil_status" },
	ID_PAPER, END,
};
static const struct sbx_comp_def c_guardian[] = {
	{ "Tờ khai đăng ký giám hộ theo mẫu", 1, true, NULL },
	{ "Văn bản cử người giám hộ hoặc giấy tờ chứng minh điều kiện giám "
	  "hộ đương nhiên", 1, true, NULL },
	ID_PAPER, END,
};
static const struct sbx_comp_def c_guardian_end[] = {
	{ "Tờ khai đăng ký chấm dứt giám hộ theo mẫu", 1, true, NULL },
	{ "Giấy tờ làm căn cứ chấm dứt việc giám hộ", 1, true, NULL },
	ID_PAPER, END,
};
static const struct sbx_comp_def c_correction[] = {
	{ "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch "
	  "theo mẫu", 1, true, NULL },
	{ "Giấy tờ liên quan làm căn cứ cho việc thay đổi, cải chính", 1, true,
	  NULL },
	{ "Giấy khai sinh hoặc bản sao Giấy khai sinh", 1, true,
	  "civil_status" },
	ID_PAPER, END,
};
static const struct sbx_comp_def c_marital[] = {
	{ "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu", 1, true,
	  NULL },
	{ "Giấy tờ chứng minh việc ly hôn hoặc người kia đã chết (nếu có)", 1,
	  false, "civil_status" },
	ID_PAPER, RESIDENCE_PAPER, END,
};
static const struct sbx_comp_def c_extract[] = {
	{ "Tờ khai cấp bản sao trích lục hộ tịch theo mẫu", 1, true, NULL },
	ID_PAPER, PROXY_PAPER, END,
};
static const struct sbx_comp_def c_contract_copy[] = {
	{ "Phiếu yêu cầu cấp bản sao hợp đồng, giao dịch đã được chứng thực",
	  1, true, NULL },
	ID_PAPER, END,
};
static const struct sbx_comp_def c_joint_birth[] = {
	{ "Tờ khai điện tử liên thông (Mẫu số 01, Nghị định 63/2024/NĐ-CP)", 1,
	  true, NULL },
	{ "Giấy chứng sinh (dữ liệu điện tử có ký số liên thông từ cơ sở khám "
	  "bệnh, chữa bệnh) hoặc giấy tờ thay thế", 1, true, NULL },
	{ "Giấy chứng nhận kết hôn của cha, mẹ trẻ", 1, false, "civil_status" },
	{ "Giấy tờ chứng minh chỗ ở hợp pháp (khi đăng ký thường trú cho trẻ "
	  "khác nơi thường trú của cha, mẹ)", 1, false, "population" },
	END,
};
static const struct sbx_comp_def c_hi_child[] = {
	{ "Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y "
	  "tế (Mẫu TK1-TS)", 1, true, NULL },
	{ "Giấy khai sinh của trẻ", 1, true, "civil_status" },
	ID_PAPER, PROXY_PAPER, END,
};
static const struct sbx_comp_def c_joint_death[] = {
	{ "Tờ khai điện tử liên thông theo mẫu", 1, true, NULL },
	{ "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", 1, true, NULL },
	{ "Thông tin cư trú của người chết", 1, true, "population" },
	END,
};
static const struct sbx_comp_def c_copy[] = {
	{ "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", 1, true,
	  NULL },
	{ "Bản sao cần chứng thực (khi người yêu cầu tự chuẩn bị)", 1, false,
	  NULL },
	END,
};
static const struct sbx_comp_def c_signature[] = {
	ID_PAPER,
	{ "Giấy tờ, văn bản mà người yêu cầu sẽ ký", 1, true, NULL }, END,
};
static const struct sbx_comp_def c_translation[] = {
	ID_PAPER,
	{ "Bản dịch đính kèm giấy tờ, văn bản cần dịch", 1, true, NULL },
	{ "Bản sao bằng cử nhân ngoại ngữ trở lên về thứ tiếng nước ngoài cần "
	  "dịch", 1, true, NULL },
	END,
};
static const struct sbx_comp_def c_contract[] = {
	{ "Dự thảo hợp đồng, giao dịch", 1, true, NULL },
	ID_PAPER,
	{ "Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản", 1,
	  true, NULL },
	END,
};
static const struct sbx_comp_def c_will[] = {
	{ "Dự thảo di chúc", 1, true, NULL },
	ID_PAPER,
	{ "Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản (nếu "
	  "di chúc liên quan đến tài sản phải đăng ký)", 1, false, "land" },
	END,
};
static const struct sbx_comp_def c_permanent[] = {
	{ "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", 1, true, NULL },
	{ "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", 1, true, "land" },
	{ "Giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ (trường "
	  "hợp nhập vào hộ gia đình)", 1, false, "population" },
	END,
};
static const struct sbx_comp_def c_temporary[] = {
	{ "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", 1, true, NULL },
	{ "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hợp đồng thuê, mượn, "
	  "ở nhờ...)", 1, true, NULL },
	END,
};
static const struct sbx_comp_def c_res_form[] = {
	{ "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", 1, true, NULL },
	{ "Giấy tờ, tài liệu chứng minh thuộc trường hợp đề nghị", 1, false,
	  "population" },
	END,
};
static const struct sbx_comp_def c_absence[] = {
	{ "Đề nghị khai báo tạm vắng (Mẫu CT01)", 1, true, NULL },
	{ "Văn bản đồng ý của cơ quan quản lý (đối với người đang bị quản lý)",
	  1, false, NULL },
	END,
};
static const struct sbx_comp_def c_res_confirm[] = {
	{ "Tờ khai thay đổi thông tin cư trú (Mẫu CT01) ghi rõ nội dung đề nghị "
	  "xác nhận", 1, true, NULL },
	END,
};
static const struct sbx_comp_def c_hkd_new[] = {
	{ "Giấy đề nghị đăng ký hộ kinh doanh", 1, true, NULL },
	{ "Giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh", 1, true,
	  "population" },
	{ "Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ "
	  "kinh doanh (trường hợp các thành viên hộ gia đình đăng ký)", 1, false,
	  NULL },
	END,
};
static const struct sbx_comp_def c_hkd_change[] = {
	{ "Thông báo thay đổi nội dung đăng ký hộ kinh doanh", 1, true, NULL },
	{ "Giấy chứng nhận đăng ký hộ kinh doanh", 1, true, "enterprise" },
	{ "Giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh", 1, true,
	  "population" },
	END,
};
static const struct sbx_comp_def c_hkd_suspend[] = {
	{ "Thông báo về việc tạm ngừng kinh doanh hoặc tiếp tục kinh doanh "
	  "trước thời hạn", 1, true, NULL },
	{ "Giấy chứng nhận đăng ký hộ kinh doanh", 1, true, "enterprise" },
	END,
};
static const struct sbx_comp_def c_hkd_end[] = {
	{ "Thông báo về việc chấm dứt hoạt động hộ kinh doanh", 1, true, NULL },
	{ "Thông báo của cơ quan thuế về việc chấm dứt hiệu lực mã số thuế",
	  1, true, "tax" },
	{ "Giấy chứng nhận đăng ký hộ kinh doanh", 1, true, "enterprise" },
	END,
};
static const struct sbx_comp_def c_hkd_reissue[] = {
	{ "Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", 1,
	  true, NULL },
	{ "Thông tin đăng ký hộ kinh doanh", 1, true, "enterprise" },
	END,
};
static const struct sbx_comp_def c_social[] = {
	{ "Tờ khai đề nghị trợ giúp xã hội theo mẫu (Nghị định "
	  "20/2021/NĐ-CP)", 1, true, NULL },
	{ "Giấy xác nhận khuyết tật (đối với người khuyết tật)", 1, false,
	  NULL },
	{ "Thông tin nhân thân và cư trú của người hưởng", 1, true,
	  "population" },
	END,
};
static const struct sbx_comp_def c_disability[] = {
	{ "Đơn đề nghị xác định, xác định lại mức độ khuyết tật theo mẫu", 1,
	  true, NULL },
	{ "Bản sao các giấy tờ liên quan đến khuyết tật (bệnh án, giấy khám, "
	  "điều trị...)", 1, false, NULL },
	{ "Thông tin nhân thân và cư trú của người khuyết tật", 1, true,
	  "population" },
	END,
};
static const struct sbx_comp_def c_funeral[] = {
	{ "Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu", 1, true, NULL },
	{ "Giấy báo tử hoặc trích lục khai tử", 1, true, "civil_status" },
	END,
};
static const struct sbx_comp_def c_poor[] = {
	{ "Giấy đề nghị xét duyệt hộ nghèo, hộ cận nghèo theo mẫu", 1, true,
	  NULL },
	{ "Thông tin về hộ gia đình và nơi cư trú", 1, true, "population" },
	END,
};
static const struct sbx_comp_def c_land_dispute[] = {
	{ "Đơn yêu cầu giải quyết tranh chấp đất đai", 1, true, NULL },
	{ "Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ về quyền sử dụng đất",
	  1, false, "land" },
	{ "Biên bản hòa giải tại Ủy ban nhân dân cấp xã", 1, true, NULL },
	END,
};
static const struct sbx_comp_def c_land_data[] = {
	{ "Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai theo mẫu", 1, true,
	  NULL },
	ID_PAPER, END,
};

/* The catalog. Weights: relative share of dossiers; certified copies and
 * signatures are most of a commune desk's day. */
static const struct sbx_proc_def defs[] = {
	{ "1.001193", "Đăng ký khai sinh", F_CIVIL, SAME_DAY, TEXT_SAME_DAY,
	  C1500, 0, 0, FEE_FLAT, "Miễn lệ phí đăng ký khai sinh đúng hạn (Luật "
	  "Hộ tịch 2014, Điều 11); đăng ký quá hạn: " NOTE_COUNCIL,
	  "Giấy khai sinh (bản chính); bản sao Giấy khai sinh nếu có yêu cầu",
	  { NULL }, c_birth, FORM_BIRTH, PK_BIRTH, 70 },
	{ "1.000894", "Đăng ký kết hôn", F_CIVIL, DAYS(1), "Ngay sau khi nhận "
	  "đủ giấy tờ theo quy định, nếu thấy đủ điều kiện kết hôn; trường hợp "
	  "cần xác minh thì thời hạn giải quyết không quá 05 ngày làm việc",
	  NOCUT, 0, 0, FEE_FLAT, "Miễn lệ phí đăng ký kết hôn giữa công dân Việt "
	  "Nam cư trú ở trong nước", "Giấy chứng nhận kết hôn (02 bản chính)",
	  { NULL }, c_marriage, FORM_MARRIAGE, PK_MARRIAGE, 30 },
	{ "1.000656", "Đăng ký khai tử", F_CIVIL, SAME_DAY, TEXT_SAME_DAY, C1500,
	  0, 0, FEE_FLAT, "Miễn lệ phí đăng ký khai tử đúng hạn",
	  "Trích lục khai tử (bản chính)", { NULL }, c_death, FORM_DEATH,
	  PK_DEATH, 18 },
	{ "1.001022", "Đăng ký nhận cha, mẹ, con", F_CIVIL, DAYS(3), "03 ngày "
	  "làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh thì kéo "
	  "dài thêm không quá 05 ngày làm việc", NOCUT, 15000, 15000, FEE_FLAT,
	  NOTE_COUNCIL, "Trích lục đăng ký nhận cha, mẹ, con", { NULL },
	  c_recognition, FORM_RECOGNITION, PK_CHILD, 4 },
	{ "1.000689", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", F_CIVIL,
	  DAYS(3), "03 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần "
	  "xác minh thì kéo dài thêm không quá 05 ngày làm việc", NOCUT, 15000,
	  15000, FEE_FLAT, NOTE_COUNCIL, "Giấy khai sinh; trích lục đăng ký nhận "
	  "cha, mẹ, con", { NULL }, c_birth_recognition, FORM_BIRTH_RECOGNITION,
	  PK_BIRTH, 4 },
	{ "1.004884", "Đăng ký lại khai sinh", F_CIVIL, DAYS(5), "05 ngày làm "
	  "việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 5000, 5000, FEE_FLAT,
	  NOTE_COUNCIL, "Giấy khai sinh (bản chính) có ghi \"Đăng ký lại\"",
	  { NULL }, c_rereg_birth, FORM_REREG_BIRTH, PK_ADULT, 6 },
	{ "1.004746", "Đăng ký lại kết hôn", F_CIVIL, DAYS(5), "05 ngày làm "
	  "việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 0, 0, FEE_FLAT,
	  NOTE_COUNCIL, "Giấy chứng nhận kết hôn có ghi \"Đăng ký lại\"",
	  { NULL }, c_rereg, FORM_REREG, PK_ADULT, 2 },
	{ "1.005461", "Đăng ký lại khai tử", F_CIVIL, DAYS(5), "05 ngày làm "
	  "việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 0, 0, FEE_FLAT,
	  NOTE_COUNCIL, "Trích lục khai tử có ghi \"Đăng ký lại\"", { NULL },
	  c_rereg, FORM_REREG, PK_ADULT, 1 },
	{ "1.004837", "Đăng ký giám hộ", F_CIVIL, DAYS(3), "03 ngày làm việc "
	  "kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 0, 0, FEE_FLAT, NOTE_COUNCIL,
	  "Trích lục đăng ký giám hộ", { NULL }, c_guardian, FORM_GUARDIAN,
	  PK_CHILD, 2 },
	{ "1.004845", "Đăng ký chấm dứt giám hộ", F_CIVIL, DAYS(2), "02 ngày "
	  "làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 0, 0, FEE_FLAT,
	  NOTE_COUNCIL, "Trích lục đăng ký chấm dứt giám hộ", { NULL },
	  c_guardian_end, FORM_GUARDIAN, PK_CHILD, 1 },
	{ "1.004859", "Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định "
	  "lại dân tộc", F_CIVIL, DAYS(3), "03 ngày làm việc kể từ ngày nhận đủ "
	  "hồ sơ; trường hợp cần xác minh thì kéo dài thêm không quá 03 ngày "
	  "làm việc", NOCUT, 15000, 15000, FEE_FLAT, NOTE_COUNCIL,
	  "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch", { NULL },
	  c_correction, FORM_CORRECTION, PK_ADULT, 12 },
	{ "1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", F_CIVIL, DAYS(3),
	  "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 15000, 15000,
	  FEE_FLAT, NOTE_COUNCIL, "Giấy xác nhận tình trạng hôn nhân", { NULL },
	  c_marital, FORM_MARITAL, PK_SINGLE, 40 },
	{ "2.000635", "Cấp bản sao trích lục hộ tịch", F_CIVIL, SAME_DAY,
	  "Ngay trong ngày tiếp nhận yêu cầu; trường hợp nhận yêu cầu sau 15 "
	  "giờ thì giải quyết trong ngày làm việc tiếp theo", C1500, 8000, 8000,
	  FEE_PER_COPY, "8.000 đồng/bản sao trích lục (Thông tư 281/2016/TT-BTC)",
	  "Bản sao trích lục hộ tịch", { NULL }, c_extract, FORM_EXTRACT,
	  PK_ADULT, 35 },
	{ "SBX.LT1", "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ "
	  "bảo hiểm y tế cho trẻ em dưới 6 tuổi", F_CIVIL, DAYS(3), "Không quá "
	  "03 ngày làm việc; đăng ký khai sinh giải quyết ngay trong ngày làm "
	  "việc, hồ sơ nhận sau 15 giờ giải quyết trong ngày làm việc tiếp theo",
	  C1500, 0, 0, FEE_FLAT, "Miễn lệ phí đăng ký khai sinh đúng hạn và lệ "
	  "phí đăng ký thường trú cho trẻ; thẻ BHYT do ngân sách nhà nước đóng",
	  "Giấy khai sinh, thông báo kết quả đăng ký thường trú, thẻ bảo hiểm "
	  "y tế của trẻ", { "1.001193", "1.004222", "SBX.BH1", NULL },
	  c_joint_birth, FORM_JOINT_BIRTH, PK_BIRTH, 40 },
	{ "SBX.LT2", "Liên thông đăng ký khai tử, xóa đăng ký thường trú, giải "
	  "quyết mai táng phí, tử tuất", F_CIVIL, DAYS(3), "Không quá 03 ngày "
	  "làm việc kể từ ngày nhận đủ hồ sơ", NOCUT, 0, 0, FEE_FLAT,
	  "Miễn lệ phí", "Trích lục khai tử; thông báo xóa đăng ký thường trú; "
	  "quyết định hưởng mai táng phí, tử tuất",
	  { "1.000656", "1.003197", NULL }, c_joint_death, FORM_JOINT_DEATH,
	  PK_DEATH, 10 },
	{ "2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ "
	  "quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận", F_CERT,
	  SAME_DAY, TEXT_CERT_DAY, C1500, 2000, 2000, FEE_PAGES, "2.000 đồng/"
	  "trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 "
	  "đồng/bản (Thông tư 226/2016/TT-BTC)", "Bản sao được chứng thực từ "
	  "bản chính", { NULL }, c_copy, FORM_COPY, PK_COPY, 300 },
	{ "2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho "
	  "cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng "
	  "thực không thể ký, không thể điểm chỉ được)", F_CERT, SAME_DAY,
	  TEXT_CERT_DAY, C1500, 10000, 10000, FEE_FLAT, "10.000 đồng/trường hợp "
	  "(Thông tư 226/2016/TT-BTC)", "Giấy tờ, văn bản được chứng thực chữ "
	  "ký", { NULL }, c_signature, FORM_SIGNATURE, PK_COPY, 90 },
	{ "2.001008", "Chứng thực chữ ký người dịch mà người dịch không phải là "
	  "cộng tác viên dịch thuật", F_CERT, SAME_DAY, TEXT_CERT_DAY, C1500,
	  10000, 10000, FEE_FLAT, "10.000 đồng/trường hợp (Thông tư "
	  "226/2016/TT-BTC)", "Bản dịch được chứng thực chữ ký người dịch",
	  { NULL }, c_translation, FORM_TRANSLATION, PK_ADULT, 6 },
	{ "2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là "
	  "động sản", F_CERT, DAYS(2), "Trong thời hạn 02 ngày làm việc kể từ "
	  "ngày nhận hồ sơ yêu cầu chứng thực hoặc có thể kéo dài hơn theo thỏa "
	  "thuận bằng văn bản với người yêu cầu chứng thực", NOCUT, 50000, 50000,
	  FEE_FLAT, "50.000 đồng/hợp đồng, giao dịch (Thông tư "
	  "226/2016/TT-BTC)", "Hợp đồng, giao dịch được chứng thực", { NULL },
	  c_contract, FORM_CONTRACT, PK_ADULT, 25 },
	{ "2.001019", "Chứng thực di chúc", F_CERT, DAYS(2), "Trong thời hạn 02 "
	  "ngày làm việc kể từ ngày nhận đủ hồ sơ yêu cầu chứng thực", NOCUT,
	  50000, 50000, FEE_FLAT, "50.000 đồng/di chúc (Thông tư "
	  "226/2016/TT-BTC)", "Di chúc được chứng thực", { NULL }, c_will,
	  FORM_WILL, PK_ADULT, 4 },
	{ "2.000942", "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao "
	  "dịch đã được chứng thực", F_CERT, SAME_DAY, TEXT_CERT_DAY, C1500, 2000,
	  2000, FEE_PAGES, "2.000 đồng/trang; từ trang thứ ba trở lên 1.000 "
	  "đồng/trang, tối đa 200.000 đồng/bản (Thông tư 226/2016/TT-BTC)",
	  "Bản sao có chứng thực hợp đồng, giao dịch", { NULL }, c_contract_copy,
	  FORM_COPY, PK_ADULT, 3 },
	{ "1.004222", "Đăng ký thường trú", F_RES, DAYS(7), "07 ngày làm việc "
	  "kể từ ngày nhận đủ hồ sơ và hợp lệ", NOCUT, 20000, 10000, FEE_FLAT,
	  "20.000 đồng/lần; nộp trực tuyến 10.000 đồng/lần (" NOTE_RES_FEE ")",
	  "Thông báo kết quả đăng ký thường trú; thông tin được cập nhật vào Cơ "
	  "sở dữ liệu về cư trú", { NULL }, c_permanent, FORM_PERMANENT,
	  PK_RESIDENCE, 45 },
	{ "1.004194", "Đăng ký tạm trú", F_RES, DAYS(3), "03 ngày làm việc kể "
	  "từ ngày nhận đủ hồ sơ và hợp lệ", NOCUT, 15000, 7000, FEE_FLAT,
	  "15.000 đồng/lần; nộp trực tuyến 7.000 đồng/lần (" NOTE_RES_FEE ")",
	  "Thông báo kết quả đăng ký tạm trú", { NULL }, c_temporary,
	  FORM_TEMPORARY, PK_ADULT, 70 },
	{ "1.002755", "Gia hạn tạm trú", F_RES, DAYS(3), "03 ngày làm việc kể "
	  "từ ngày nhận đủ hồ sơ và hợp lệ", NOCUT, 15000, 7000, FEE_FLAT,
	  "15.000 đồng/lần; nộp trực tuyến 7.000 đồng/lần (" NOTE_RES_FEE ")",
	  "Thông báo kết quả gia hạn tạm trú", { NULL }, c_temporary,
	  FORM_TEMPORARY, PK_ADULT, 20 },
	{ "1.003197", "Xóa đăng ký thường trú", F_RES, DAYS(1), "01 ngày làm "
	  "việc kể từ ngày nhận đủ hồ sơ và hợp lệ", NOCUT, 0, 0, FEE_FLAT,
	  "Không thu lệ phí", "Thông báo về việc xóa đăng ký thường trú",
	  { NULL }, c_res_form, FORM_REMOVE, PK_ADULT, 12 },
	{ "1.010028", "Xóa đăng ký tạm trú", F_RES, DAYS(1), "01 ngày làm việc "
	  "kể từ ngày nhận đủ hồ sơ và hợp lệ", NOCUT, 0, 0, FEE_FLAT,
	  "Không thu lệ phí", "Thông báo về việc xóa đăng ký tạm trú", { NULL },
	  c_res_form, FORM_REMOVE, PK_ADULT, 6 },
	{ "1.010038", "Tách hộ", F_RES, DAYS(5), "05 ngày làm việc kể từ ngày "
	  "nhận đủ hồ sơ và hợp lệ", NOCUT, 10000, 5000, FEE_FLAT,
	  "10.000 đồng/lần; nộp trực tuyến 5.000 đồng/lần (" NOTE_RES_FEE ")",
	  "Thông báo kết quả tách hộ", { NULL }, c_res_form, FORM_SPLIT,
	  PK_RESIDENCE, 8 },
	{ "1.003677", "Khai báo tạm vắng", F_RES, DAYS(1), "01 ngày làm việc; "
	  "trường hợp phức tạp không quá 02 ngày làm việc", NOCUT, 0, 0,
	  FEE_FLAT, "Không thu lệ phí", "Phiếu khai báo tạm vắng", { NULL },
	  c_absence, FORM_ABSENCE, PK_ADULT, 5 },
	{ "1.010041", "Xác nhận thông tin về cư trú", F_RES, 240, "Trong thời "
	  "hạn 1/2 ngày làm việc; trường hợp thông tin cần xác nhận chưa có "
	  "trong Cơ sở dữ liệu về cư trú thì không quá 03 ngày làm việc", NOCUT,
	  0, 0, FEE_FLAT, "Không thu lệ phí", "Giấy xác nhận thông tin về cư "
	  "trú", { NULL }, c_res_confirm, FORM_RES_CONFIRM, PK_ADULT, 25 },
	{ "1.001612", "Đăng ký thành lập hộ kinh doanh", F_HKD, DAYS(3), "03 "
	  "ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 100000, 100000,
	  FEE_FLAT, NOTE_COUNCIL, "Giấy chứng nhận đăng ký hộ kinh doanh",
	  { NULL }, c_hkd_new, FORM_HKD_NEW, PK_HKD_NEW, 20 },
	{ "2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", F_HKD,
	  DAYS(3), "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT,
	  50000, 50000, FEE_FLAT, NOTE_COUNCIL, "Giấy chứng nhận đăng ký hộ kinh "
	  "doanh (cấp đổi)", { NULL }, c_hkd_change, FORM_HKD_CHANGE, PK_HKD, 8 },
	{ "1.001570", "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn "
	  "đã thông báo của hộ kinh doanh", F_HKD, DAYS(3), "03 ngày làm việc kể "
	  "từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 0, 0, FEE_FLAT,
	  "Không thu lệ phí", "Giấy xác nhận về việc hộ kinh doanh đăng ký tạm "
	  "ngừng kinh doanh", { NULL }, c_hkd_suspend, FORM_HKD_SUSPEND, PK_HKD,
	  5 },
	{ "1.001266", "Chấm dứt hoạt động hộ kinh doanh", F_HKD, DAYS(3), "03 "
	  "ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 0, 0, FEE_FLAT,
	  "Không thu lệ phí", "Thông báo về việc chấm dứt hoạt động hộ kinh "
	  "doanh", { NULL }, c_hkd_end, FORM_HKD_END, PK_HKD, 3 },
	{ "2.000575", "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", F_HKD,
	  DAYS(3), "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT,
	  50000, 50000, FEE_FLAT, NOTE_COUNCIL, "Giấy chứng nhận đăng ký hộ kinh "
	  "doanh (cấp lại)", { NULL }, c_hkd_reissue, FORM_HKD_REISSUE, PK_HKD,
	  2 },
	{ "1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng "
	  "tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng", F_SOCIAL,
	  DAYS(15), "Không quá 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
	  NOCUT, 0, 0, FEE_FLAT, "Không thu phí, lệ phí", "Quyết định trợ cấp xã "
	  "hội hằng tháng", { NULL }, c_social, FORM_SOCIAL, PK_ELDER, 10 },
	{ "1.001699", "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác "
	  "nhận khuyết tật", F_SOCIAL, DAYS(25), "25 ngày làm việc kể từ ngày "
	  "nhận đủ hồ sơ hợp lệ", NOCUT, 0, 0, FEE_FLAT, "Không thu phí, lệ phí",
	  "Giấy xác nhận khuyết tật", { NULL }, c_disability, FORM_DISABILITY,
	  PK_ELDER, 4 },
	{ "1.001653", "Đổi, cấp lại Giấy xác nhận khuyết tật", F_SOCIAL, DAYS(5),
	  "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", NOCUT, 0, 0,
	  FEE_FLAT, "Không thu phí, lệ phí", "Giấy xác nhận khuyết tật (đổi, cấp "
	  "lại)", { NULL }, c_disability, FORM_DISABILITY, PK_ELDER, 2 },
	{ "1.001731", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
	  F_SOCIAL, DAYS(3), "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
	  NOCUT, 0, 0, FEE_FLAT, "Không thu phí, lệ phí", "Quyết định hỗ trợ chi "
	  "phí mai táng", { NULL }, c_funeral, FORM_FUNERAL, PK_DEATH, 3 },
	{ "1.011607", "Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm",
	  F_POOR, DAYS(7), "Không quá 07 ngày làm việc kể từ ngày nhận đủ hồ sơ",
	  NOCUT, 0, 0, FEE_FLAT, "Không thu phí, lệ phí", "Giấy chứng nhận hộ "
	  "nghèo, hộ cận nghèo", { NULL }, c_poor, FORM_POOR, PK_ADULT, 4 },
	{ "1.011608", "Công nhận hộ thoát nghèo, hộ thoát cận nghèo thường xuyên "
	  "hằng năm", F_POOR, DAYS(7), "Không quá 07 ngày làm việc kể từ ngày "
	  "nhận đủ hồ sơ", NOCUT, 0, 0, FEE_FLAT, "Không thu phí, lệ phí",
	  "Quyết định công nhận hộ thoát nghèo, hộ thoát cận nghèo", { NULL },
	  c_poor, FORM_POOR, PK_ADULT, 2 },
	{ "1.013967", "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ "
	  "tịch Ủy ban nhân dân cấp xã", F_LAND, DAYS(30), "Không quá 30 ngày "
	  "làm việc kể từ ngày thụ lý", NOCUT, 0, 0, FEE_FLAT,
	  "Không thu phí, lệ phí", "Quyết định giải quyết tranh chấp đất đai",
	  { NULL }, c_land_dispute, FORM_LAND, PK_ADULT, 3 },
	{ "SBX.DD1", "Cung cấp thông tin, dữ liệu đất đai", F_LAND, SAME_DAY,
	  "Trong ngày làm việc; trường hợp nhận yêu cầu sau 15 giờ thì cung cấp "
	  "trong ngày làm việc tiếp theo; trường hợp cần tổng hợp thông tin thì "
	  "theo thỏa thuận", C1500, 30000, 30000, FEE_FLAT, "Phí khai thác và sử "
	  "dụng tài liệu đất đai: " NOTE_COUNCIL, "Văn bản cung cấp thông tin, "
	  "dữ liệu đất đai", { NULL }, c_land_data, FORM_LAND_DATA, PK_ADULT, 15 },
	/* The card the joint under-6 procedure bundles: the social-security
	 * office issues it, the desk receives it within the joint dossier.
	 * Weight 0, and last: no dossier of its own is seeded, so the seeded
	 * data stays what it was without it. */
	{ "SBX.BH1", "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", F_HI,
	  DAYS(1), "01 ngày làm việc kể từ ngày cơ quan bảo hiểm xã hội nhận "
	  "đủ hồ sơ", NOCUT, 0, 0, FEE_FLAT, "Không thu phí; ngân sách nhà nước "
	  "đóng bảo hiểm y tế cho trẻ em dưới 6 tuổi", "Thẻ bảo hiểm y tế của "
	  "trẻ (do cơ quan bảo hiểm xã hội cấp)", { NULL }, c_hi_child,
	  FORM_HI_CHILD, PK_CHILD, 0 },
};

static int insert_one(struct sbx_seed_ctx *c, const struct sbx_proc *p,
		      sqlite3_stmt *sp, sqlite3_stmt *sc, sqlite3_stmt *sf,
		      struct err *e)
{
	const struct sbx_proc_def *d = p->def;
	char what[96];
	int seq;

	snprintf(what, sizeof what, "procedure %s", d->code);
	sbx_seed_bind_text(sp, 1, d->code);
	sbx_seed_bind_text(sp, 2, d->name);
	sbx_seed_bind_text(sp, 3, d->field);
	sbx_seed_bind_text(sp, 4, "commune");
	sqlite3_bind_int(sp, 5, d->minutes);
	sbx_seed_bind_text(sp, 6, d->days_text);
	sbx_seed_bind_int(sp, 7, d->cutoff, d->cutoff != CAL_NO_CUTOFF);
	sqlite3_bind_int(sp, 8, d->fee);
	sbx_seed_bind_text(sp, 9, d->fee_note);
	sbx_seed_bind_text(sp, 10, d->result);
	sqlite3_bind_int(sp, 11, d->parts[0] != NULL);
	if (sbx_seed_step(c, sp, what, e))
		return -1;
	for (seq = 0; d->comps[seq].name; seq++) {
		const struct sbx_comp_def *k = &d->comps[seq];

		snprintf(what, sizeof what, "component %d of %s", seq + 1,
			 d->code);
		sbx_seed_bind_text(sc, 1, d->code);
		sqlite3_bind_int(sc, 2, seq + 1);
		sbx_seed_bind_text(sc, 3, k->name);
		sqlite3_bind_int(sc, 4, k->copies);
		sqlite3_bind_int(sc, 5, k->required);
		sbx_seed_bind_text(sc, 6, k->national);
		if (sbx_seed_step(c, sc, what, e))
			return -1;
	}
	for (size_t i = 0; i < p->nfields; i++) {
		const struct sbx_field *f = &p->fields[i];

		snprintf(what, sizeof what, "field %s of %s", f->key, d->code);
		sbx_seed_bind_text(sf, 1, d->code);
		sqlite3_bind_int(sf, 2, (int)i + 1);
		sbx_seed_bind_text(sf, 3, f->key);
		sbx_seed_bind_text(sf, 4, f->label);
		sbx_seed_bind_text(sf, 5, f->type);
		sqlite3_bind_int(sf, 6, f->required);
		sbx_seed_bind_text(sf, 7, f->pattern);
		sbx_seed_bind_text(sf, 8, f->options);
		sbx_seed_bind_text(sf, 9, f->lookup);
		sbx_seed_bind_text(sf, 10, f->fill[0] ? f->fill : NULL);
		if (sbx_seed_step(c, sf, what, e))
			return -1;
	}
	return 0;
}

int sbx_seed_catalog(struct sbx_seed_ctx *c, struct err *e)
{
	sqlite3_stmt *sp = NULL, *sc = NULL, *sf = NULL, *sj = NULL;
	int rc = -1;

	c->nprocs = N(defs);
	c->procs = calloc(c->nprocs, sizeof *c->procs);
	if (!c->procs)
		return err_set(e, _("out of memory building the catalog"));
	for (size_t i = 0; i < c->nprocs; i++) {
		c->procs[i].def = &defs[i];
		sbx_seed_form_fields(defs[i].form, &c->procs[i].fields,
				     &c->procs[i].nfields);
	}
	if (sbx_seed_prepare(c, &sp, "INSERT INTO procedures (code, name, "
			     "field, level, minutes, days_text, cutoff_minute, "
			     "fee, fee_note, result, joint) VALUES (?, ?, ?, ?, "
			     "?, ?, ?, ?, ?, ?, ?)", e) ||
	    sbx_seed_prepare(c, &sc, "INSERT INTO procedure_components "
			     "(procedure_code, seq, name, copies, required, "
			     "national_source) VALUES (?, ?, ?, ?, ?, ?)", e) ||
	    sbx_seed_prepare(c, &sf, "INSERT INTO procedure_fields "
			     "(procedure_code, seq, key, label, type, required, "
			     "pattern, options, lookup, fill_from) VALUES (?, ?, "
			     "?, ?, ?, ?, ?, ?, ?, ?)", e) ||
	    sbx_seed_prepare(c, &sj, "INSERT INTO procedure_parts "
			     "(procedure_code, part_code) VALUES (?, ?)", e))
		goto out;
	for (size_t i = 0; i < c->nprocs; i++)
		if (insert_one(c, &c->procs[i], sp, sc, sf, e))
			goto out;
	/* Parts after every procedure: they refer to one another. */
	for (size_t i = 0; i < c->nprocs; i++)
		for (int k = 0; defs[i].parts[k]; k++) {
			sbx_seed_bind_text(sj, 1, defs[i].code);
			sbx_seed_bind_text(sj, 2, defs[i].parts[k]);
			if (sbx_seed_step(c, sj, defs[i].code, e))
				goto out;
		}
	rc = 0;
out:
	sqlite3_finalize(sp);
	sqlite3_finalize(sc);
	sqlite3_finalize(sf);
	sqlite3_finalize(sj);
	return rc;
}

void sbx_seed_catalog_free(struct sbx_seed_ctx *c)
{
	for (size_t i = 0; i < c->nprocs; i++)
		free(c->procs[i].fields);
	free(c->procs);
	c->procs = NULL;
	c->nprocs = 0;
}
