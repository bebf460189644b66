/* The intake forms of the catalog: which fields each procedure asks for,
 * which of them trigger a national lookup and which are filled from one.
 * People appear as blocks (applicant, father, mother, partner, ...): an ID
 * number field that looks the person up, then the fields the lookup fills,
 * keyed by the column names of the citizens table. A household business
 * appears as a tax code that looks up the enterprise register. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/xalloc.h"
#include "seed_priv.h"

struct fdef {
	const char *key, *label, *type;
	bool required;
	const char *pattern, *options;
};

/* What a person block shows beyond ID number, name and date of birth. */
enum {
	P_SEX = 1, P_ETH = 2, P_NAT = 4, P_ADDR = 8, P_MAR = 16,
	P_CONTACT = 32,		/* current address, phone, email */
	P_PARENTS = 64,		/* parents' names */
	P_OPT = 128,		/* the whole block may stay empty */
	P_BUSINESS = 256,	/* not a person: the enterprise lookup */
};

#define APPL (P_SEX | P_ADDR | P_CONTACT)

struct item {
	const char *prefix, *who;	/* a block, or ... */
	unsigned flags;
	const struct fdef *fields;	/* ... fixed fields, ending with NULL */
};

#define PERSON(p, w, f) { (p), (w), (f), NULL }
#define FIELDS(a) { NULL, NULL, 0, (a) }
#define BUSINESS { "business", "hộ kinh doanh", P_BUSINESS, NULL }
#define END { NULL, NULL, 0, NULL }

#define PAT_ID "[0-9]{12}"
#define PAT_PHONE "0[35789][0-9]{8}"
#define PAT_EMAIL "[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}"
#define PAT_TAX "[0-9]{10}(-[0-9]{3})?"
#define SEX_OPTIONS "[\"M\",\"F\"]"

static const struct fdef rel_birth[] = {
	{ "applicant.relationship", "Quan hệ với người được khai sinh",
	  "select", true, NULL,
	  "[\"Cha\",\"Mẹ\",\"Ông\",\"Bà\",\"Người thân thích khác\"]" },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef newborn[] = {
	{ "child.full_name", "Họ, chữ đệm và tên người được khai sinh", "text",
	  true, NULL, NULL },
	{ "child.birth_date", "Ngày, tháng, năm sinh", "date", true, NULL, NULL },
	{ "child.sex", "Giới tính", "select", true, NULL, SEX_OPTIONS },
	{ "child.birth_place", "Nơi sinh", "text", true, NULL, NULL },
	{ "child.ethnicity", "Dân tộc", "text", true, NULL, NULL },
	{ "child.nationality", "Quốc tịch", "text", true, NULL, NULL },
	{ "child.home_town", "Quê quán", "text", false, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef birth_cert[] = {
	{ "birth_certificate.number", "Số Giấy chứng sinh", "text", false,
	  NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef rel_death[] = {
	{ "applicant.relationship", "Quan hệ với người chết", "select", true,
	  NULL, "[\"Vợ\",\"Chồng\",\"Con\",\"Cha\",\"Mẹ\",\"Anh, chị, em\","
	  "\"Người thân thích khác\"]" },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef death[] = {
	{ "death.date", "Ngày chết", "date", true, NULL, NULL },
	{ "death.place", "Nơi chết", "text", true, NULL, NULL },
	{ "death.cause", "Nguyên nhân chết", "text", false, NULL, NULL },
	{ "death.notice_number", "Số Giấy báo tử", "text", false, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef recognition[] = {
	{ "recognition.kind", "Nội dung yêu cầu", "select", true, NULL,
	  "[\"Cha nhận con\",\"Mẹ nhận con\",\"Con nhận cha\",\"Con nhận mẹ\"]" },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef rereg[] = {
	{ "registration.subject", "Họ, chữ đệm, tên người được đăng ký lại",
	  "text", true, NULL, NULL },
	{ "registration.original_place", "Nơi đã đăng ký trước đây", "text",
	  true, NULL, NULL },
	{ "registration.original_date", "Ngày đăng ký trước đây", "date", false,
	  NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef guardian[] = {
	{ "guardianship.basis", "Hình thức giám hộ", "select", true, NULL,
	  "[\"Giám hộ đương nhiên\",\"Giám hộ cử\"]" },
	{ "guardianship.reason", "Lý do", "text", false, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef correction[] = {
	{ "correction.field", "Thông tin đề nghị thay đổi, cải chính", "select",
	  true, NULL, "[\"Họ, chữ đệm, tên\",\"Ngày sinh\",\"Giới tính\","
	  "\"Dân tộc\",\"Quê quán\",\"Nơi sinh\",\"Thông tin về cha, mẹ\"]" },
	{ "correction.old", "Thông tin trước khi thay đổi", "text", true, NULL,
	  NULL },
	{ "correction.new", "Thông tin sau khi thay đổi", "text", true, NULL,
	  NULL },
	{ "correction.reason", "Lý do", "text", true, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef marital[] = {
	{ "marital.purpose", "Mục đích sử dụng", "select", true, NULL,
	  "[\"Đăng ký kết hôn\",\"Mua bán, chuyển nhượng tài sản\","
	  "\"Vay vốn ngân hàng\",\"Bổ sung hồ sơ xin việc\",\"Mục đích khác\"]" },
	{ "marital.period", "Thời gian cư trú cần xác nhận", "text", false,
	  NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef extract[] = {
	{ "extract.kind", "Loại trích lục", "select", true, NULL,
	  "[\"Trích lục khai sinh\",\"Trích lục kết hôn\",\"Trích lục khai tử\","
	  "\"Trích lục nhận cha, mẹ, con\"]" },
	{ "extract.subject", "Họ, chữ đệm, tên người được cấp bản sao trích lục",
	  "text", true, NULL, NULL },
	{ "extract.copies", "Số bản sao", "number", true, "[1-9][0-9]?", NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef child_residence[] = {
	{ "residence.address", "Nơi đăng ký thường trú của trẻ", "address", true,
	  NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

/* The health-insurance card: alone, and in the joint under-6 procedure. */
static const struct fdef hi_card[] = {
	{ "health_insurance.facility",
	  "Nơi đăng ký khám bệnh, chữa bệnh bảo hiểm y tế ban đầu", "text", true,
	  NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef copy_doc[] = {
	{ "document.name", "Tên giấy tờ, văn bản cần chứng thực", "text", true,
	  NULL, NULL },
	{ "document.pages", "Số trang", "number", true, "[1-9][0-9]{0,2}", NULL },
	{ "document.copies", "Số bản", "number", true, "[1-9][0-9]?", NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef sign_doc[] = {
	{ "document.name", "Tên giấy tờ, văn bản cần chứng thực chữ ký", "text",
	  true, NULL, NULL },
	{ "document.copies", "Số bản", "number", true, "[1-9][0-9]?", NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef translation[] = {
	{ "document.name", "Tên giấy tờ được dịch", "text", true, NULL, NULL },
	{ "translation.language", "Ngôn ngữ", "select", true, NULL,
	  "[\"Tiếng Anh\",\"Tiếng Trung\",\"Tiếng Hàn\",\"Tiếng Nhật\","
	  "\"Tiếng Pháp\",\"Tiếng Nga\",\"Tiếng Đức\"]" },
	{ "document.pages", "Số trang", "number", true, "[1-9][0-9]{0,2}", NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef contract[] = {
	{ "contract.kind", "Loại hợp đồng, giao dịch", "select", true, NULL,
	  "[\"Hợp đồng mua bán xe\",\"Hợp đồng tặng cho tài sản\","
	  "\"Hợp đồng vay tài sản\",\"Hợp đồng ủy quyền\","
	  "\"Văn bản thỏa thuận khác\"]" },
	{ "contract.asset", "Tài sản, đối tượng của hợp đồng", "text", true,
	  NULL, NULL },
	{ "contract.value", "Giá trị (đồng)", "number", false, "[0-9]{1,13}",
	  NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef will[] = {
	{ "will.pages", "Số trang của di chúc", "number", true, "[1-9][0-9]?",
	  NULL },
	{ "will.witnesses", "Số người làm chứng", "number", false, "[0-9]", NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef res_permanent[] = {
	{ "residence.address", "Địa chỉ đề nghị đăng ký thường trú", "address",
	  true, NULL, NULL },
	{ "residence.basis", "Căn cứ đăng ký", "select", true, NULL,
	  "[\"Chỗ ở hợp pháp thuộc sở hữu của mình\",\"Thuê, mượn, ở nhờ\","
	  "\"Nhập vào hộ gia đình đã có\",\"Khác\"]" },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef rel_head[] = {
	{ "residence.relation_to_head", "Quan hệ với chủ hộ", "text", false,
	  NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef res_temporary[] = {
	{ "residence.address", "Địa chỉ đề nghị đăng ký tạm trú", "address",
	  true, NULL, NULL },
	{ "residence.basis", "Căn cứ đăng ký", "select", true, NULL,
	  "[\"Chỗ ở hợp pháp thuộc sở hữu của mình\",\"Thuê, mượn, ở nhờ\","
	  "\"Nhập vào hộ gia đình đã có\",\"Khác\"]" },
	{ "residence.months", "Thời hạn tạm trú (tháng)", "number", true,
	  "[1-9][0-9]?", NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef removal[] = {
	{ "removal.reason", "Lý do xóa đăng ký", "select", true, NULL,
	  "[\"Đã đăng ký cư trú ở nơi khác\",\"Ra nước ngoài để định cư\","
	  "\"Chết, mất tích\",\"Vắng mặt liên tục 12 tháng trở lên\","
	  "\"Khác\"]" },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef split[] = {
	{ "split.members", "Số người tách hộ", "number", true, "[1-9]", NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef absence[] = {
	{ "absence.from", "Tạm vắng từ ngày", "date", true, NULL, NULL },
	{ "absence.to", "Đến ngày", "date", true, NULL, NULL },
	{ "absence.destination", "Nơi đến", "address", true, NULL, NULL },
	{ "absence.reason", "Lý do tạm vắng", "text", true, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef res_confirm[] = {
	{ "confirmation.purpose", "Mục đích xác nhận", "text", true, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef hkd_new[] = {
	{ "business.name", "Tên hộ kinh doanh", "text", true, NULL, NULL },
	{ "business.address", "Địa điểm kinh doanh", "address", true, NULL,
	  NULL },
	{ "business.business_line", "Ngành, nghề kinh doanh", "text", true,
	  NULL, NULL },
	{ "business.capital", "Vốn kinh doanh (đồng)", "number", true,
	  "[1-9][0-9]{5,12}", NULL },
	{ "business.employees", "Số lao động", "number", false, "[0-9]{1,3}",
	  NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef hkd_change[] = {
	{ "change.content", "Nội dung đăng ký thay đổi", "text", true, NULL,
	  NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef hkd_suspend[] = {
	{ "suspend.from", "Tạm ngừng từ ngày", "date", true, NULL, NULL },
	{ "suspend.to", "Đến ngày", "date", true, NULL, NULL },
	{ "suspend.reason", "Lý do", "text", false, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef hkd_end[] = {
	{ "end.date", "Ngày chấm dứt hoạt động", "date", true, NULL, NULL },
	{ "end.reason", "Lý do", "text", false, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef hkd_reissue[] = {
	{ "reissue.reason", "Lý do đề nghị cấp lại", "select", true, NULL,
	  "[\"Bị mất\",\"Bị cháy\",\"Bị rách, nát\","
	  "\"Bị tiêu hủy dưới hình thức khác\"]" },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef social[] = {
	{ "social.category", "Đối tượng", "select", true, NULL,
	  "[\"Người cao tuổi\",\"Người khuyết tật\",\"Trẻ em mồ côi\","
	  "\"Người đơn thân nghèo đang nuôi con\","
	  "\"Người nhiễm HIV/AIDS thuộc hộ nghèo\"]" },
	{ "social.bank_account", "Số tài khoản nhận trợ cấp", "text", false,
	  "[0-9]{6,19}", NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef disability[] = {
	{ "disability.kind", "Dạng khuyết tật", "select", true, NULL,
	  "[\"Khuyết tật vận động\",\"Khuyết tật nghe, nói\","
	  "\"Khuyết tật nhìn\",\"Khuyết tật thần kinh, tâm thần\","
	  "\"Khuyết tật trí tuệ\",\"Khuyết tật khác\"]" },
	{ "disability.request", "Đề nghị", "select", true, NULL,
	  "[\"Xác định lần đầu\",\"Xác định lại\",\"Đổi, cấp lại giấy\"]" },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef poor[] = {
	{ "household.members", "Số nhân khẩu", "number", true, "[1-9][0-9]?",
	  NULL },
	{ "household.income", "Thu nhập bình quân đầu người (đồng/tháng)",
	  "number", true, "[0-9]{4,9}", NULL },
	{ "household.reason", "Lý do đề nghị", "text", false, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef land_parcel[] = {
	{ "land.parcel", "Thửa đất số", "text", true, "[0-9]{1,5}", NULL },
	{ "land.map_sheet", "Tờ bản đồ số", "text", true, "[0-9]{1,4}", NULL },
	{ "land.address", "Địa chỉ thửa đất", "address", true, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef dispute[] = {
	{ "other_party.full_name", "Họ và tên bên tranh chấp", "text", true,
	  NULL, NULL },
	{ "dispute.summary", "Nội dung tranh chấp", "text", true, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

static const struct fdef land_data[] = {
	{ "land_data.content", "Thông tin, dữ liệu cần cung cấp", "select", true,
	  NULL, "[\"Thông tin thửa đất\",\"Thông tin quy hoạch sử dụng đất\","
	  "\"Thông tin giá đất\",\"Lịch sử biến động thửa đất\"]" },
	{ "land_data.purpose", "Mục đích sử dụng", "text", true, NULL, NULL },
	{ NULL, NULL, NULL, false, NULL, NULL },
};

#define APPLICANT(who) PERSON("applicant", (who), APPL)

static const struct item form_birth[] = {
	APPLICANT("người đi đăng ký khai sinh"), FIELDS(rel_birth),
	FIELDS(newborn), PERSON("father", "cha", P_ETH | P_NAT | P_ADDR | P_OPT),
	PERSON("mother", "mẹ", P_ETH | P_NAT | P_ADDR), FIELDS(birth_cert), END,
};
static const struct item form_marriage[] = {
	PERSON("applicant", "người yêu cầu", APPL | P_ETH | P_NAT | P_MAR),
	PERSON("partner", "bên kia", P_SEX | P_ETH | P_NAT | P_ADDR | P_MAR),
	END,
};
static const struct item form_death[] = {
	APPLICANT("người đi khai tử"), FIELDS(rel_death),
	PERSON("deceased", "người chết", P_SEX | P_ETH | P_NAT | P_ADDR),
	FIELDS(death), END,
};
static const struct item form_recognition[] = {
	APPLICANT("người yêu cầu"), FIELDS(recognition),
	PERSON("child", "người được nhận", P_SEX | P_ADDR), END,
};
static const struct item form_birth_recognition[] = {
	APPLICANT("người cha yêu cầu nhận con"), FIELDS(newborn),
	PERSON("mother", "mẹ", P_ETH | P_NAT | P_ADDR), FIELDS(birth_cert), END,
};
static const struct item form_rereg_birth[] = {
	PERSON("applicant", "người được đăng ký lại khai sinh",
	       APPL | P_ETH | P_NAT | P_PARENTS),
	FIELDS(rereg), END,
};
static const struct item form_rereg[] = {
	APPLICANT("người yêu cầu"), FIELDS(rereg), END,
};
static const struct item form_guardian[] = {
	APPLICANT("người giám hộ"), FIELDS(guardian),
	PERSON("protected", "người được giám hộ", P_SEX | P_ADDR), END,
};
static const struct item form_correction[] = {
	PERSON("applicant", "người yêu cầu", APPL | P_ETH | P_PARENTS),
	FIELDS(correction), END,
};
static const struct item form_marital[] = {
	PERSON("applicant", "người yêu cầu", APPL | P_MAR), FIELDS(marital), END,
};
static const struct item form_extract[] = {
	APPLICANT("người yêu cầu"), FIELDS(extract), END,
};
static const struct item form_joint_birth[] = {
	APPLICANT("người đi đăng ký"), FIELDS(rel_birth), FIELDS(newborn),
	PERSON("father", "cha", P_ETH | P_NAT | P_ADDR | P_OPT),
	PERSON("mother", "mẹ", P_ETH | P_NAT | P_ADDR), FIELDS(birth_cert),
	FIELDS(child_residence), FIELDS(hi_card), END,
};
static const struct item form_joint_death[] = {
	APPLICANT("người đi khai tử"), FIELDS(rel_death),
	PERSON("deceased", "người chết", P_SEX | P_ETH | P_NAT | P_ADDR),
	FIELDS(death), END,
};
static const struct item form_copy[] = {
	APPLICANT("người yêu cầu chứng thực"), FIELDS(copy_doc), END,
};
static const struct item form_signature[] = {
	APPLICANT("người yêu cầu chứng thực"), FIELDS(sign_doc), END,
};
static const struct item form_translation[] = {
	APPLICANT("người dịch"), FIELDS(translation), END,
};
static const struct item form_contract[] = {
	APPLICANT("người yêu cầu chứng thực"), FIELDS(contract),
	PERSON("counterparty", "bên kia", P_ADDR), END,
};
static const struct item form_will[] = {
	APPLICANT("người lập di chúc"), FIELDS(will), END,
};
static const struct item form_permanent[] = {
	APPLICANT("người đăng ký"), FIELDS(res_permanent),
	PERSON("household_head", "chủ hộ", P_ADDR | P_OPT), FIELDS(rel_head),
	END,
};
static const struct item form_temporary[] = {
	APPLICANT("người đăng ký"), FIELDS(res_temporary), END,
};
static const struct item form_remove[] = {
	APPLICANT("người yêu cầu"), FIELDS(removal), END,
};
static const struct item form_split[] = {
	APPLICANT("người yêu cầu tách hộ"),
	PERSON("household_head", "chủ hộ hiện tại", P_ADDR), FIELDS(split),
	END,
};
static const struct item form_absence[] = {
	APPLICANT("người khai báo"), FIELDS(absence), END,
};
static const struct item form_res_confirm[] = {
	APPLICANT("người yêu cầu"), FIELDS(res_confirm), END,
};
static const struct item form_hkd_new[] = {
	APPLICANT("chủ hộ kinh doanh"), FIELDS(hkd_new), END,
};
static const struct item form_hkd_change[] = {
	APPLICANT("chủ hộ kinh doanh"), BUSINESS, FIELDS(hkd_change), END,
};
static const struct item form_hkd_suspend[] = {
	APPLICANT("chủ hộ kinh doanh"), BUSINESS, FIELDS(hkd_suspend), END,
};
static const struct item form_hkd_end[] = {
	APPLICANT("chủ hộ kinh doanh"), BUSINESS, FIELDS(hkd_end), END,
};
static const struct item form_hkd_reissue[] = {
	APPLICANT("chủ hộ kinh doanh"), BUSINESS, FIELDS(hkd_reissue), END,
};
static const struct item form_social[] = {
	APPLICANT("người làm đơn"),
	PERSON("beneficiary", "người hưởng trợ cấp", P_SEX | P_ADDR),
	FIELDS(social), END,
};
static const struct item form_disability[] = {
	APPLICANT("người làm đơn"),
	PERSON("beneficiary", "người khuyết tật", P_SEX | P_ADDR),
	FIELDS(disability), END,
};
static const struct item form_funeral[] = {
	APPLICANT("người tổ chức mai táng"),
	PERSON("deceased", "người đã chết", P_SEX | P_ADDR), FIELDS(death), END,
};
static const struct item form_poor[] = {
	APPLICANT("chủ hộ"), FIELDS(poor), END,
};
static const struct item form_land[] = {
	APPLICANT("người yêu cầu"), FIELDS(land_parcel), FIELDS(dispute), END,
};
static const struct item form_land_data[] = {
	APPLICANT("người yêu cầu"), FIELDS(land_parcel), FIELDS(land_data), END,
};
static const struct item form_hi_child[] = {
	APPLICANT("người kê khai"),
	PERSON("child", "trẻ", P_SEX | P_ADDR), FIELDS(hi_card), END,
};

static const struct item *const forms[] = {
	[FORM_BIRTH] = form_birth, [FORM_MARRIAGE] = form_marriage,
	[FORM_DEATH] = form_death, [FORM_RECOGNITION] = form_recognition,
	[FORM_BIRTH_RECOGNITION] = form_birth_recognition,
	[FORM_REREG_BIRTH] = form_rereg_birth, [FORM_REREG] = form_rereg,
	[FORM_GUARDIAN] = form_guardian, [FORM_CORRECTION] = form_correction,
	[FORM_MARITAL] = form_marital, [FORM_EXTRACT] = form_extract,
	[FORM_JOINT_BIRTH] = form_joint_birth,
	[FORM_JOINT_DEATH] = form_joint_death, [FORM_COPY] = form_copy,
	[FORM_SIGNATURE] = form_signature, [FORM_TRANSLATION] = form_translation,
	[FORM_CONTRACT] = form_contract, [FORM_WILL] = form_will,
	[FORM_PERMANENT] = form_permanent, [FORM_TEMPORARY] = form_temporary,
	[FORM_REMOVE] = form_remove, [FORM_SPLIT] = form_split,
	[FORM_ABSENCE] = form_absence, [FORM_RES_CONFIRM] = form_res_confirm,
	[FORM_HKD_NEW] = form_hkd_new, [FORM_HKD_CHANGE] = form_hkd_change,
	[FORM_HKD_SUSPEND] = form_hkd_suspend, [FORM_HKD_END] = form_hkd_end,
	[FORM_HKD_REISSUE] = form_hkd_reissue, [FORM_SOCIAL] = form_social,
	[FORM_DISABILITY] = form_disability, [FORM_FUNERAL] = form_funeral,
	[FORM_POOR] = form_poor, [FORM_LAND] = form_land,
	[FORM_LAND_DATA] = form_land_data, [FORM_HI_CHILD] = form_hi_child,
};

struct builder {
	struct sbx_field *v;
	size_t n, cap;
};

static void add(struct builder *b, const char *prefix, const char *key,
		const char *label, const char *type, bool required,
		const char *pattern, const char *options, const char *lookup,
		const char *fill)
{
	struct sbx_field *f;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->v = xrealloc(b->v, b->cap * sizeof *b->v);
	}
	f = &b->v[b->n++];
	memset(f, 0, sizeof *f);
	if (prefix)
		snprintf(f->key, sizeof f->key, "%s.%s", prefix, key);
	else
		snprintf(f->key, sizeof f->key, "%s", key);
	snprintf(f->label, sizeof f->label, "%s", label);
	f->type = type;
	f->required = required;
	f->pattern = pattern;
	f->options = options;
	f->lookup = lookup;
	if (fill)
		snprintf(f->fill, sizeof f->fill, "%s", fill);
}

static void person(struct builder *b, const struct item *it)
{
	const char *p = it->prefix, *w = it->who;
	bool req = !(it->flags & P_OPT), appl = !strcmp(p, "applicant");
	char l[160];

#define LABEL(fmt) (snprintf(l, sizeof l, fmt, w), l)
	add(b, p, "id_number", LABEL("Số định danh cá nhân của %s"),
	    "id_number", req, PAT_ID, NULL, "citizen", NULL);
	add(b, p, "full_name", LABEL("Họ, chữ đệm và tên của %s"), "text", req,
	    NULL, NULL, NULL, "citizen:full_name");
	add(b, p, "birth_date", LABEL("Ngày, tháng, năm sinh của %s"), "date",
	    req, NULL, NULL, NULL, "citizen:birth_date");
	if (it->flags & P_SEX)
		add(b, p, "sex", LABEL("Giới tính của %s"), "select", req, NULL,
		    SEX_OPTIONS, NULL, "citizen:sex");
	if (it->flags & P_ETH)
		add(b, p, "ethnicity", LABEL("Dân tộc của %s"), "text", req,
		    NULL, NULL, NULL, "citizen:ethnicity");
	if (it->flags & P_NAT)
		add(b, p, "nationality", LABEL("Quốc tịch của %s"), "text", req,
		    NULL, NULL, NULL, "citizen:nationality");
	if (it->flags & P_ADDR)
		add(b, p, "permanent_address", LABEL("Nơi thường trú của %s"),
		    "address", req, NULL, NULL, NULL,
		    "citizen:permanent_address");
	if (it->flags & P_MAR)
		add(b, p, "marital_status", LABEL("Tình trạng hôn nhân của %s"),
		    "text", req, NULL, NULL, NULL, "citizen:marital_status");
	if (it->flags & P_PARENTS) {
		add(b, p, "father_name", LABEL("Họ, chữ đệm và tên cha của %s"),
		    "text", false, NULL, NULL, NULL, "citizen:father_name");
		add(b, p, "mother_name", LABEL("Họ, chữ đệm và tên mẹ của %s"),
		    "text", false, NULL, NULL, NULL, "citizen:mother_name");
	}
	if (it->flags & P_CONTACT) {
		add(b, p, "current_address", LABEL("Nơi ở hiện tại của %s"),
		    "address", false, NULL, NULL, NULL,
		    "citizen:current_address");
		add(b, p, "phone", LABEL("Số điện thoại của %s"), "phone",
		    appl && req, PAT_PHONE, NULL, NULL, "citizen:phone");
		add(b, p, "email", LABEL("Thư điện tử của %s"), "email", false,
		    PAT_EMAIL, NULL, NULL, "citizen:email");
	}
#undef LABEL
}

static void business(struct builder *b)
{
	add(b, "business", "tax_code", "Mã số thuế của hộ kinh doanh",
	    "tax_code", true, PAT_TAX, NULL, "enterprise", NULL);
	add(b, "business", "name", "Tên hộ kinh doanh", "text", true, NULL,
	    NULL, NULL, "enterprise:name");
	add(b, "business", "address", "Địa điểm kinh doanh", "address", true,
	    NULL, NULL, NULL, "enterprise:address");
	add(b, "business", "representative", "Chủ hộ kinh doanh", "text",
	    false, NULL, NULL, NULL, "enterprise:representative");
	add(b, "business", "business_line", "Ngành, nghề kinh doanh", "text",
	    false, NULL, NULL, NULL, "enterprise:business_line");
	add(b, "business", "status", "Tình trạng hoạt động", "text", false,
	    NULL, NULL, NULL, "enterprise:status");
}

void sbx_seed_form_fields(enum sbx_form form, struct sbx_field **out,
			  size_t *n)
{
	struct builder b = { 0 };

	for (const struct item *it = forms[form]; it->prefix || it->fields;
	     it++) {
		if (it->flags & P_BUSINESS)
			business(&b);
		else if (it->prefix)
			person(&b, it);
		else
			for (const struct fdef *f = it->fields; f->key; f++)
				add(&b, NULL, f->key, f->label, f->type,
				    f->required, f->pattern, f->options, NULL,
				    NULL);
	}
	*out = b.v;
	*n = b.n;
}
