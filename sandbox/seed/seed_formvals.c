/* The form JSON of a dossier: for every field of its procedure, the value
 * a clerk would have entered or the lookup would have filled. Fields
 * filled from a lookup take the column of the person (or business) bound
 * to their prefix, so a form always agrees with the registers. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/when.h"
#include "seed_priv.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[rng_below((r), (uint32_t)N(a))])

/* ---- a JSON string ----------------------------------------------------- */

static void json_str(struct sb *b, const char *s)
{
	sb_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			sb_addc(b, '\\');
			sb_addc(b, *s);
		} else if ((unsigned char)*s < 0x20) {
			sb_printf(b, "\\u%04x", (unsigned char)*s);
		} else {
			sb_addc(b, *s);
		}
	}
	sb_addc(b, '"');
}

/* ---- values ---------------------------------------------------------- */

static const char *citizen_col(const struct sbx_citizen *p, const char *col)
{
	if (!strcmp(col, "full_name"))
		return p->name;
	if (!strcmp(col, "birth_date"))
		return p->birth;
	if (!strcmp(col, "sex"))
		return p->sex == 'M' ? "M" : "F";
	if (!strcmp(col, "ethnicity"))
		return p->ethnicity;
	if (!strcmp(col, "nationality"))
		return "Việt Nam";
	if (!strcmp(col, "permanent_address"))
		return p->perm;
	if (!strcmp(col, "current_address"))
		return p->temp[0] ? p->temp : p->perm;
	if (!strcmp(col, "marital_status"))
		return p->marital;
	if (!strcmp(col, "phone"))
		return p->phone[0] ? p->phone : NULL;
	if (!strcmp(col, "email"))
		return p->email[0] ? p->email : NULL;
	if (!strcmp(col, "father_name"))
		return p->father_name[0] ? p->father_name : NULL;
	if (!strcmp(col, "mother_name"))
		return p->mother_name[0] ? p->mother_name : NULL;
	if (!strcmp(col, "id_number"))
		return p->id;
	return NULL;
}

static const char *enterprise_col(const struct sbx_enterprise *x,
				  const char *col)
{
	if (!strcmp(col, "name"))
		return x->name;
	if (!strcmp(col, "address"))
		return x->address;
	if (!strcmp(col, "representative"))
		return x->rep;
	if (!strcmp(col, "business_line"))
		return x->line;
	if (!strcmp(col, "status"))
		return x->status;
	if (!strcmp(col, "tax_code"))
		return x->tax;
	return NULL;
}

static int bound(const struct sbx_form_people *fp, const char *prefix,
		 size_t len)
{
	static const struct { const char *p; size_t off; } map[] = {
		{ "applicant", offsetof(struct sbx_form_people, applicant) },
		{ "father", offsetof(struct sbx_form_people, father) },
		{ "mother", offsetof(struct sbx_form_people, mother) },
		{ "partner", offsetof(struct sbx_form_people, partner) },
		{ "deceased", offsetof(struct sbx_form_people, deceased) },
		{ "child", offsetof(struct sbx_form_people, child) },
		{ "protected", offsetof(struct sbx_form_people, child) },
		{ "beneficiary", offsetof(struct sbx_form_people, beneficiary) },
		{ "household_head", offsetof(struct sbx_form_people, head) },
		{ "counterparty", offsetof(struct sbx_form_people, other) },
	};

	for (size_t i = 0; i < N(map); i++)
		if (strlen(map[i].p) == len && !strncmp(map[i].p, prefix, len))
			return *(const int *)((const char *)fp + map[i].off);
	return -1;
}

static const char *fmt(char *buf, size_t n, const char *f, ...)
	__attribute__((format(printf, 3, 4)));

static const char *fmt(char *buf, size_t n, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, n, f, ap);
	va_end(ap);
	return buf;
}

static const char *date_plus(int64_t t, int days, char *buf, size_t n)
{
	when_iso_date(t + (int64_t)days * SBX_DAY, buf, n);
	return buf;
}

static const char *vnd(long v, char *buf, size_t n)
{
	snprintf(buf, n, "%ld", v);
	return buf;
}

/* The value of a field nobody looks up; NULL to leave it out. */
static const char *typed(const struct sbx_seed_ctx *c, struct rng *r,
			 const struct sbx_proc *p,
			 const struct sbx_form_people *fp, const char *key,
			 char *buf, size_t n)
{
	const struct sbx_citizen *a = fp->outsider ? fp->outsider :
				      fp->applicant >= 0 ?
				      &c->cit[fp->applicant] : NULL;
	enum sbx_form form = p->def->form;

#define IS(k) (!strcmp(key, (k)))
	if (IS("applicant.relationship")) {
		if (form == FORM_BIRTH || form == FORM_JOINT_BIRTH)
			return fp->applicant == fp->father ? "Cha" :
			       fp->applicant == fp->mother ? "Mẹ" :
							     "Người thân thích khác";
		if (fp->deceased >= 0 && a &&
		    c->cit[fp->deceased].spouse == fp->applicant)
			return a->sex == 'F' ? "Vợ" : "Chồng";
		if (a && (a->father == fp->deceased || a->mother == fp->deceased))
			return "Con";
		return "Người thân thích khác";
	}
	if (IS("child.full_name"))
		return fp->nb_name;
	if (IS("child.birth_date"))
		return fp->nb_birth;
	if (IS("child.sex"))
		return fp->nb_sex == 'M' ? "M" : "F";
	if (IS("child.birth_place"))
		return fp->nb_place;
	if (IS("child.ethnicity"))
		return fp->father >= 0 ? c->cit[fp->father].ethnicity : "Kinh";
	if (IS("child.nationality"))
		return "Việt Nam";
	if (IS("child.home_town"))
		return fp->father >= 0 ? c->cit[fp->father].home_town :
		       fp->mother >= 0 ? c->cit[fp->mother].home_town : NULL;
	if (IS("birth_certificate.number"))
		return fmt(buf, n, "%u/GCS", 100 + rng_below(r, 9000));
	if (IS("death.date"))
		return date_plus(fp->received, -rng_range(r, 1, 14), buf, n);
	if (IS("death.place")) {
		static const char *const h[] = {
			"Bệnh viện Bạch Mai", "Bệnh viện Hữu nghị Việt Đức",
			"Bệnh viện Đa khoa Xanh Pôn", "Bệnh viện E",
		};

		if (fp->deceased >= 0 && rng_pct(r, 55))
			return fmt(buf, n, "Tại nhà, %.180s",
				   c->cit[fp->deceased].perm);
		return PICK(r, h);
	}
	if (IS("death.cause")) {
		static const char *const v[] = {
			"Bệnh già", "Bệnh lý tim mạch", "Tai biến mạch máu não",
			"Ung thư", "Bệnh phổi",
		};
		return PICK(r, v);
	}
	if (IS("death.notice_number"))
		return fmt(buf, n, "%u/GBT", 10 + rng_below(r, 900));
	if (IS("recognition.kind"))
		return a && a->sex == 'M' ? "Cha nhận con" : "Mẹ nhận con";
	if (IS("registration.subject") || IS("extract.subject"))
		return a ? a->name : NULL;
	if (IS("registration.original_place"))
		return a ? fmt(buf, n, "Ủy ban nhân dân cấp xã, %s",
			       a->reg_place) : NULL;
	if (IS("registration.original_date")) {
		int y, m, d;

		if (!a || sscanf(a->birth, "%d-%d-%d", &y, &m, &d) != 3)
			return NULL;
		return date_plus(cal_join(y, m, d, 12, 0, 0),
				 rng_range(r, 10, 60), buf, n);
	}
	if (IS("guardianship.basis"))
		return rng_pct(r, 70) ? "Giám hộ đương nhiên" : "Giám hộ cử";
	if (IS("guardianship.reason"))
		return rng_pct(r, 50) ? "Cha, mẹ đều đã chết" :
		       "Cha, mẹ không có điều kiện chăm sóc, giáo dục";
	if (IS("correction.field"))
		return "Quê quán";
	if (IS("correction.old"))
		return "Thành phố Hà Nội";
	if (IS("correction.new"))
		return a ? a->home_town : NULL;
	if (IS("correction.reason"))
		return "Ghi theo quê quán của cha";
	if (IS("marital.purpose")) {
		static const char *const v[] = {
			"Đăng ký kết hôn", "Mua bán, chuyển nhượng tài sản",
			"Vay vốn ngân hàng", "Bổ sung hồ sơ xin việc",
		};
		return PICK(r, v);
	}
	if (IS("marital.period"))
		return a ? fmt(buf, n, "Từ ngày 01/%.2s/%d đến nay",
			       a->birth + 5, a->byear + 18) : NULL;
	if (IS("extract.kind")) {
		static const char *const v[] = {
			"Trích lục khai sinh", "Trích lục khai sinh",
			"Trích lục kết hôn", "Trích lục khai tử",
		};
		return PICK(r, v);
	}
	if (IS("extract.copies") || IS("document.copies"))
		return vnd(fp->copies, buf, n);
	if (IS("document.pages"))
		return vnd(fp->pages, buf, n);
	if (IS("residence.address") || IS("business.address") ||
	    IS("land.address")) {
		if (fp->head >= 0 && IS("residence.address"))
			return c->cit[fp->head].perm;
		sbx_seed_address(r, fp->commune, buf, n);
		return buf;
	}
	if (IS("residence.basis"))
		return fp->head >= 0 ? "Nhập vào hộ gia đình đã có" :
		       rng_pct(r, 60) ? "Thuê, mượn, ở nhờ" :
					"Chỗ ở hợp pháp thuộc sở hữu của mình";
	if (IS("residence.relation_to_head"))
		return fp->head >= 0 ? (rng_pct(r, 50) ? "Cháu" : "Em") : NULL;
	if (IS("residence.months"))
		return vnd(6L * rng_range(r, 1, 4), buf, n);
	if (IS("health_insurance.facility")) {
		static const char *const v[] = {
			"Bệnh viện Đa khoa Xanh Pôn", "Bệnh viện Nhi Trung ương",
			"Bệnh viện Thanh Nhàn", "Trạm Y tế cấp xã nơi cư trú",
		};
		return PICK(r, v);
	}
	if (IS("document.name")) {
		static const char *const copies[] = {
			"Bằng tốt nghiệp trung học phổ thông", "Giấy khai sinh",
			"Bằng tốt nghiệp đại học", "Học bạ trung học phổ thông",
			"Giấy chứng nhận quyền sử dụng đất", "Giấy phép lái xe",
			"Thẻ căn cước", "Hợp đồng lao động",
			"Giấy chứng nhận đăng ký xe", "Bảng điểm đại học",
		};
		static const char *const signed_[] = {
			"Giấy ủy quyền", "Đơn xin việc", "Sơ yếu lý lịch",
			"Đơn đề nghị", "Giấy cam kết",
		};
		static const char *const translated[] = {
			"Bằng tốt nghiệp đại học", "Học bạ trung học phổ thông",
			"Giấy khai sinh", "Bảng điểm đại học",
		};
		return form == FORM_SIGNATURE ? PICK(r, signed_) :
		       form == FORM_TRANSLATION ? PICK(r, translated) :
						  PICK(r, copies);
	}
	if (IS("translation.language")) {
		static const char *const v[] = {
			"Tiếng Anh", "Tiếng Anh", "Tiếng Trung", "Tiếng Hàn",
			"Tiếng Nhật", "Tiếng Đức",
		};
		return PICK(r, v);
	}
	if (IS("contract.kind"))
		return rng_pct(r, 70) ? "Hợp đồng mua bán xe" :
					"Hợp đồng tặng cho tài sản";
	if (IS("contract.asset")) {
		static const char *const v[] = {
			"Xe mô tô Honda Vision", "Xe mô tô Yamaha Sirius",
			"Xe ô tô Toyota Vios", "Xe ô tô Kia Morning",
			"Xe mô tô Honda Wave Alpha",
		};
		return fmt(buf, n, "%s biển số 29%c1-%03u.%02u", PICK(r, v),
			   'A' + (int)rng_below(r, 20), rng_below(r, 1000),
			   rng_below(r, 100));
	}
	if (IS("contract.value"))
		return vnd(1000000L * rng_range(r, 8, 600), buf, n);
	if (IS("will.pages"))
		return vnd(rng_range(r, 1, 4), buf, n);
	if (IS("will.witnesses"))
		return vnd(rng_range(r, 0, 2), buf, n);
	if (IS("removal.reason")) {
		static const char *const v[] = {
			"Đã đăng ký cư trú ở nơi khác", "Ra nước ngoài để định cư",
			"Chết, mất tích",
		};
		return PICK(r, v);
	}
	if (IS("split.members"))
		return vnd(rng_range(r, 1, 4), buf, n);
	if (IS("absence.from"))
		return date_plus(fp->received, rng_range(r, 1, 10), buf, n);
	if (IS("absence.to"))
		return date_plus(fp->received, rng_range(r, 60, 360), buf, n);
	if (IS("absence.destination")) {
		sbx_seed_address(r, "26740", buf, n);
		return buf;
	}
	if (IS("absence.reason"))
		return rng_pct(r, 50) ? "Đi làm ăn xa" : "Đi học";
	if (IS("confirmation.purpose")) {
		static const char *const v[] = {
			"Bổ sung hồ sơ xin việc", "Làm thủ tục vay vốn",
			"Xin học cho con", "Hoàn thiện hồ sơ đăng ký kết hôn",
		};
		return PICK(r, v);
	}
	if (IS("business.name"))
		return a ? fmt(buf, n, "Hộ kinh doanh %s %s",
			       fp->commune && !strcmp(fp->commune, "00577") ?
			       "Gốm sứ" : "Cửa hàng tạp hóa",
			       sbx_seed_given(a->name)) : NULL;
	if (IS("business.business_line"))
		return fp->commune && !strcmp(fp->commune, "00577") ?
		       "2393 - Sản xuất sản phẩm gốm sứ khác" :
		       "4711 - Bán lẻ lương thực, thực phẩm, đồ uống trong các "
		       "cửa hàng kinh doanh tổng hợp";
	if (IS("business.capital"))
		return vnd(10000000L * rng_range(r, 5, 50), buf, n);
	if (IS("business.employees"))
		return vnd(rng_range(r, 0, 9), buf, n);
	if (IS("change.content")) {
		static const char *const v[] = {
			"Thay đổi địa điểm kinh doanh",
			"Bổ sung ngành, nghề kinh doanh",
			"Thay đổi vốn kinh doanh",
		};
		return PICK(r, v);
	}
	if (IS("suspend.from") || IS("end.date"))
		return date_plus(fp->received, rng_range(r, 1, 7), buf, n);
	if (IS("suspend.to"))
		return date_plus(fp->received, rng_range(r, 90, 360), buf, n);
	if (IS("suspend.reason"))
		return "Sửa chữa, cải tạo cửa hàng";
	if (IS("end.reason"))
		return "Không có nhu cầu tiếp tục kinh doanh";
	if (IS("reissue.reason"))
		return rng_pct(r, 80) ? "Bị mất" : "Bị rách, nát";
	if (IS("social.category"))
		return fp->beneficiary >= 0 && c->cit[fp->beneficiary].age < 16 ?
		       "Trẻ em mồ côi" : "Người cao tuổi";
	if (IS("social.bank_account"))
		return rng_pct(r, 60) ? fmt(buf, n, "1%011llu",
			(unsigned long long)(rng_u64(r) % 100000000000ULL)) :
			NULL;
	if (IS("disability.kind")) {
		static const char *const v[] = {
			"Khuyết tật vận động", "Khuyết tật nghe, nói",
			"Khuyết tật nhìn", "Khuyết tật thần kinh, tâm thần",
			"Khuyết tật trí tuệ",
		};
		return PICK(r, v);
	}
	if (IS("disability.request"))
		return !strcmp(p->def->code, "1.001653") ? "Đổi, cấp lại giấy" :
		       rng_pct(r, 75) ? "Xác định lần đầu" : "Xác định lại";
	if (IS("household.members"))
		return vnd(rng_range(r, 1, 7), buf, n);
	if (IS("household.income"))
		return vnd(50000L * rng_range(r, 16, 50), buf, n);
	if (IS("household.reason"))
		return "Thu nhập thấp, thiếu việc làm ổn định";
	if (IS("land.parcel"))
		return vnd(rng_range(r, 1, 999), buf, n);
	if (IS("land.map_sheet"))
		return vnd(rng_range(r, 1, 60), buf, n);
	if (IS("other_party.full_name")) {
		sbx_seed_name(r, rng_pct(r, 60) ? 'M' : 'F',
			      c->now.year - rng_range(r, 30, 70), NULL, buf, n);
		return buf;
	}
	if (IS("dispute.summary"))
		return rng_pct(r, 60) ? "Tranh chấp ranh giới giữa hai thửa đất "
		       "liền kề" : "Tranh chấp quyền sử dụng lối đi chung";
	if (IS("land_data.content"))
		return rng_pct(r, 60) ? "Thông tin thửa đất" :
					"Thông tin quy hoạch sử dụng đất";
	if (IS("land_data.purpose"))
		return rng_pct(r, 50) ? "Phục vụ giao dịch chuyển nhượng" :
					"Làm thủ tục thế chấp vay vốn";
#undef IS
	return NULL;
}

char *sbx_seed_form_json(const struct sbx_seed_ctx *c, struct rng *r,
			 const struct sbx_proc *p,
			 const struct sbx_form_people *fp)
{
	struct sb b = { 0 };
	bool first = true;

	sb_addc(&b, '{');
	for (size_t i = 0; i < p->nfields; i++) {
		const struct sbx_field *f = &p->fields[i];
		const char *dot = strchr(f->key, '.'), *v = NULL;
		char buf[200];

		if (f->lookup && !strcmp(f->lookup, "enterprise")) {
			if (fp->ent >= 0)
				v = c->ent[fp->ent].tax;
		} else if (!strncmp(f->fill, "enterprise:", 11)) {
			if (fp->ent >= 0)
				v = enterprise_col(&c->ent[fp->ent], f->fill + 11);
		} else if ((f->lookup && !strcmp(f->lookup, "citizen")) ||
			   !strncmp(f->fill, "citizen:", 8)) {
			size_t plen = dot ? (size_t)(dot - f->key) : 0;
			int who = dot ? bound(fp, f->key, plen) : -1;

			if (plen == 9 && !strncmp(f->key, "applicant", 9) &&
			    !strcmp(f->fill, "citizen:phone"))
				v = fp->phone;
			else if (fp->outsider && plen == 9 &&
			    !strncmp(f->key, "applicant", 9))
				v = citizen_col(fp->outsider,
						f->lookup ? "id_number" : f->fill + 8);
			else if (who >= 0)
				v = citizen_col(&c->cit[who],
						f->lookup ? "id_number" : f->fill + 8);
		} else {
			v = typed(c, r, p, fp, f->key, buf, sizeof buf);
		}
		if (!v)
			continue;
		if (!first)
			sb_addc(&b, ',');
		first = false;
		json_str(&b, f->key);
		sb_addc(&b, ':');
		json_str(&b, v);
	}
	sb_addc(&b, '}');
	return sb_take(&b);
}
