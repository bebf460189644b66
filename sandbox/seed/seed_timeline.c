/* The history of a dossier, as it happened: received in office hours on
 * a working day, due by the calendar (cal_due with the procedure's time
 * and cut-off), each step placed in working time by the right person,
 * and a result early, on time or late against the due date. Open
 * dossiers are aimed at a deadline band relative to now. The steps follow
 * the server's workflow (sandbox/workflow.c): a supplement restarts the
 * time from its receipt, a financial obligation is notified at approval
 * and paid before the result is issued. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/when.h"
#include "sandbox/sbx_util.h"
#include "seed_dossiers.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define MINUTE 60

/* ---- small helpers --------------------------------------------------- */

/* Whole working days of the procedure's time: 0 for "in the day". */
int sbx_seed_days_of(const struct sbx_proc *p)
{
	return p->def->minutes / 480;
}

static int64_t due_of(const struct sbx_dgen *g, const struct sbx_proc *p,
		      int64_t t)
{
	return cal_due(g->c->cal, t, p->def->minutes, p->def->cutoff);
}

static int band_of(const struct sbx_dgen *g, int64_t due)
{
	const struct sbx_seed_ctx *c = g->c;

	if (due <= c->o.now)
		return B_OVERDUE;
	if (sbx_seed_same_day(due, c->o.now))
		return B_TODAY;
	if (cal_working_minutes_between(c->cal, c->o.now, due) <=
	    2 * cal_day_minutes(c->cal))
		return B_SOON;
	return B_INTIME;
}

/* A user of the agency in that role; specialists by procedure field. */
static int user_of(struct sbx_dgen *g, int agency, enum role role,
		   const char *field)
{
	int any[16], match[16], na = 0, nm = 0;

	for (size_t i = 0; i < g->c->nusers; i++) {
		const struct sbx_user *u = &g->c->users[i];

		if (u->agency != agency || u->role != role)
			continue;
		any[na++] = (int)i + 1;
		if (field && u->fields && strstr(u->fields, field))
			match[nm++] = (int)i + 1;
	}
	if (nm)
		return match[rng_below(&g->r, (uint32_t)nm)];
	return na ? any[rng_below(&g->r, (uint32_t)na)] : 0;
}

static void logx(struct sbx_dossier *d, int64_t at, int user,
		 const char *action, int from, int to, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static void logx(struct sbx_dossier *d, int64_t at, int user,
		 const char *action, int from, int to, const char *fmt, ...)
{
	struct sbx_log *l;
	va_list ap;

	if (d->nlog == SBX_MAX_LOG)
		return;
	l = &d->log[d->nlog++];
	l->at = at;
	l->user = user;
	l->action = action;
	l->from = from;
	l->to = to;
	va_start(ap, fmt);
	vsnprintf(l->note, sizeof l->note, fmt, ap);
	va_end(ap);
}

/* An office instant `back` working days ago, at or before now; -1 when
 * that day has no office time left before now. */
static int64_t receipt(struct sbx_dgen *g, int back)
{
	int y, m, d;

	sbx_seed_workday_back(g->c, back, &y, &m, &d);
	return sbx_seed_office_time(g->c, &g->r, y, m, d, g->c->o.now);
}

/* A receipt whose due date falls in band; *back gets its day. */
static int64_t receipt_for(struct sbx_dgen *g, const struct sbx_proc *p,
			   int band, int *back)
{
	int days = sbx_seed_days_of(p), lo, hi;
	int64_t last = -1;

	for (int tries = 0; tries < 40; tries++) {
		int64_t t;
		int b;

		switch (band) {
		case B_OVERDUE:
			lo = days + 1;
			hi = days + (rng_pct(&g->r, 15) ? 25 : 6);
			break;
		case B_TODAY:
			lo = hi = days;
			break;
		case B_SOON:
			lo = days >= 2 ? days - 2 : 0;
			hi = days >= 1 ? days - 1 : 0;
			break;
		default:
			lo = 0;
			hi = days >= 3 ? days - 3 : 0;
		}
		b = rng_range(&g->r, lo, hi);
		t = receipt(g, b);
		if (t < 0)
			continue;
		last = t;
		*back = b;
		if (band_of(g, due_of(g, p, t)) == band)
			return t;
	}
	return last;
}

/* k instants in order after from and before until, in working time and
 * at least 16 working minutes apart; false when there is no room. */
static bool spread(struct sbx_dgen *g, int64_t from, int64_t until, int k,
		   int64_t *out)
{
	int64_t w = cal_working_minutes_between(g->c->cal, from, until);
	unsigned wt[SBX_MAX_LOG + 1];
	int64_t slack, total = 0, cum = 0;

	if (k <= 0)
		return true;
	if (k > SBX_MAX_LOG || w < 16 * (int64_t)(k + 1))
		return false;
	slack = w - 16 * (int64_t)(k + 1);
	for (int i = 0; i <= k; i++)
		total += wt[i] = 1 + rng_below(&g->r, 100);
	for (int i = 0; i < k; i++) {
		cum += wt[i];
		out[i] = sbx_seed_work_after(g->c, &g->r, from,
					     (int)(16 * (i + 1) +
						   slack * cum / total));
	}
	return true;
}

/* ---- timelines --------------------------------------------------------- */

struct who {
	int reception, specialist, leader, records;
};

static void submit_and_accept(struct sbx_dgen *g, struct sbx_dossier *d,
			      const struct who *w)
{
	char due[24];

	if (d->channel == CH_DIRECT) {
		d->submitted = d->received -
			       (int64_t)rng_range(&g->r, 2, 15) * MINUTE;
	} else {
		d->submitted = d->received - (d->channel == CH_ONLINE ?
			(int64_t)rng_range(&g->r, 10, 60 * 60) * MINUTE :
			(int64_t)rng_range(&g->r, 30, 20 * 60) * MINUTE);
		logx(d, d->submitted, 0, "submit", 0, ST_NEW, "%s",
		     d->channel == CH_ONLINE ?
		     "Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công" :
		     "Nhận hồ sơ qua dịch vụ bưu chính công ích");
	}
	when_date_time(d->due, due, sizeof due);
	logx(d, d->received, w->reception, "accept",
	     d->channel == CH_DIRECT ? 0 : ST_NEW, ST_ACCEPTED,
	     "Tiếp nhận hồ sơ; hẹn trả kết quả %s", due);
}

/* The events after acceptance, in order, with the status each leads to;
 * placed later. */
enum ev {
	EV_PAY, EV_ASSIGN, EV_REQUEST, EV_RECEIVE, EV_FORWARD, EV_APPROVE,
	EV_STOP, EV_WITHDRAW, EV_READY, EV_RETURN,
};

/* The component a supplement round asks for: the first one that no
 * national data replaces. */
int sbx_seed_paper_component(const struct sbx_proc *p)
{
	for (int i = 0; p->def->comps[i].name; i++)
		if (!p->def->comps[i].national)
			return i;
	return 0;
}

static void event(struct sbx_dgen *g, struct sbx_dossier *d, const struct who *w,
		  enum ev ev, int64_t at, int *status)
{
	const struct sbx_user *spec = &g->c->users[w->specialist - 1];
	const struct sbx_comp_def *k = &d->p->def->comps[sbx_seed_paper_component(d->p)];
	char buf[40];
	int s = *status;

	switch (ev) {
	case EV_PAY:
		sbx_vnd(d->fee, buf, sizeof buf);
		logx(d, at, w->reception, "confirm-payment", s, ST_PROCESSING,
		     "Công dân đã hoàn thành nghĩa vụ tài chính %s đồng", buf);
		*status = ST_PROCESSING;
		break;
	case EV_ASSIGN:
		logx(d, at, w->leader, "assign", s, ST_PROCESSING,
		     "Phân công chuyên viên %s thụ lý", spec->name);
		*status = ST_PROCESSING;
		break;
	case EV_REQUEST:
		logx(d, at, w->specialist, "request-supplement", s, ST_SUPPLEMENT,
		     "Yêu cầu bổ sung, hoàn thiện hồ sơ: %s", k->name);
		*status = ST_SUPPLEMENT;
		break;
	case EV_RECEIVE: {
		struct sbx_move *m = &d->moves[d->nmoves++];

		m->old_due = d->due;
		m->new_due = d->due = due_of(g, d->p, at);
		m->at = at;
		m->reason = "supplement";
		when_date_time(d->due, buf, sizeof buf);
		logx(d, at, w->reception, "receive-supplement", s, ST_PROCESSING,
		     "Nhận hồ sơ bổ sung; hẹn trả kết quả mới %s", buf);
		*status = ST_PROCESSING;
		break;
	}
	case EV_FORWARD:
		logx(d, at, w->specialist, "forward-signing", s, ST_PROCESSING,
		     "Trình lãnh đạo ký duyệt kết quả");
		break;
	case EV_APPROVE:
		if (d->owes) {
			sbx_vnd(d->fee, buf, sizeof buf);
			logx(d, at, w->leader, "approve", s, ST_PAYMENT,
			     "Đã ký duyệt kết quả; thông báo nghĩa vụ tài chính "
			     "%s đồng", buf);
			*status = ST_PAYMENT;
		} else {
			logx(d, at, w->leader, "approve", s, ST_PROCESSING,
			     "Đã ký duyệt kết quả, chuyển văn thư phát hành");
		}
		break;
	case EV_STOP:
		logx(d, at, w->specialist, "stop", s, ST_STOPPED,
		     "Dừng xử lý: hồ sơ không đủ điều kiện giải quyết theo quy "
		     "định; đã có văn bản trả lời công dân");
		*status = ST_STOPPED;
		break;
	case EV_WITHDRAW:
		logx(d, at, d->channel == CH_ONLINE ? 0 : w->reception,
		     "withdraw", s, ST_WITHDRAWN,
		     "Công dân có đề nghị rút hồ sơ");
		*status = ST_WITHDRAWN;
		break;
	case EV_READY:
		logx(d, at, w->records, "result-ready", s, ST_RESULT_READY,
		     "Kết quả đã có tại bộ phận tiếp nhận và trả kết quả");
		*status = ST_RESULT_READY;
		break;
	case EV_RETURN:
		logx(d, at, w->reception, "return-result", s, ST_RETURNED, "%s",
		     d->channel == CH_ONLINE ? "Đã trả kết quả điện tử qua Cổng "
		     "Dịch vụ công" : d->channel == CH_POSTAL ? "Đã chuyển kết "
		     "quả qua dịch vụ bưu chính công ích" : "Đã trả kết quả trực "
		     "tiếp cho công dân");
		*status = ST_RETURNED;
		break;
	}
}

/* The result time of a finished dossier, by band; 0 when impossible. */
static int64_t finish_time(struct sbx_dgen *g, struct sbx_dossier *d,
			   int64_t from, int band, int nevents)
{
	int64_t w = cal_working_minutes_between(g->c->cal, from, d->due);
	int64_t lo = 16 * (nevents + 2), hi = w - 20;

	switch (band) {
	case B_EARLY:
		/* Room for the steps before it, and 20 working minutes
		 * before the due instant at the latest: rounding up to the
		 * quarter can never reach the due time. */
		if (lo < w * 3 / 10)
			lo = w * 3 / 10;
		if (hi < lo)
			return 0;
		return sbx_seed_work_after(g->c, &g->r, from,
					   rng_range(&g->r, (int)lo, (int)hi));
	case B_ONTIME:
		return d->due;
	default:
		return sbx_seed_work_after(g->c, &g->r, d->due,
					   rng_range(&g->r, 30, 3 * 480));
	}
}

/* A dossier that was received (every status but 1 and 3). */
bool sbx_seed_received(struct sbx_dgen *g, struct sbx_dossier *d, int band,
		       bool supp)
{
	const struct sbx_seed_ctx *c = g->c;
	const char *field = d->p->def->field;
	struct who w = {
		user_of(g, d->agency, ROLE_RECEPTION, NULL),
		user_of(g, d->agency, ROLE_SPECIALIST, field),
		user_of(g, d->agency, ROLE_LEADER, NULL),
		user_of(g, d->agency, ROLE_RECORDS, NULL),
	};
	bool open = status_is_open((enum status)d->status);
	int days = sbx_seed_days_of(d->p), back = 0, s, nb = 0, na = 0;
	enum ev before[4], after[8];
	int64_t anchor, end, tb[4], ta[8];

	d->nlog = d->nmoves = 0;
	/* 1. When it was received, and from when its due date counts. */
	if (open) {
		anchor = receipt_for(g, d->p, band, &back);
		/* a supplement is asked for early: within the procedure's
		 * time, a day at least */
		d->received = supp ? receipt(g, back + rng_range(&g->r, 1,
				days < 1 ? 1 : days > 4 ? 4 : days)) : anchor;
	} else {
		int lo = d->status == ST_RESULT_READY ? days :
			 d->status == ST_RETURNED ? days + 2 : 1;
		int hi = d->status == ST_RESULT_READY ? days + 10 : 124;

		d->received = receipt(g, rng_range(&g->r, lo, hi));
		anchor = d->received;
		if (supp && d->received > 0)
			anchor = sbx_seed_work_after(c, &g->r, d->received,
				rng_range(&g->r, 80, days < 1 ? 120 :
					  days * 480));
	}
	if (d->received <= 0 || anchor <= 0 || anchor > c->o.now ||
	    anchor < d->received)
		return false;
	d->due = due_of(g, d->p, d->received);
	/* both after the cut-off on one day: the round would move nothing */
	if (supp && due_of(g, d->p, anchor) == d->due)
		return false;
	submit_and_accept(g, d, &w);
	s = ST_ACCEPTED;
	/* A financial obligation (nghĩa vụ tài chính) is notified when the
	 * result is signed and paid before it is issued. */
	d->owes = d->fee > 0 && (d->status == ST_PAYMENT || rng_pct(&g->r, 25));
	/* 2. What happened, up to the anchor and after it. */
	if (d->status == ST_ACCEPTED) {
		end = c->o.now;
	} else if (d->status == ST_WITHDRAWN) {
		if (rng_pct(&g->r, 50))
			before[nb++] = EV_ASSIGN;
		end = sbx_seed_work_after(c, &g->r, d->received,
			rng_range(&g->r, 16 * (nb + 2) + 20,
				  16 * (nb + 2) + 60 + days * 400));
		after[na++] = EV_WITHDRAW;
	} else {
		before[nb++] = EV_ASSIGN;
		if (supp) {
			before[nb++] = EV_REQUEST;
			after[na++] = EV_RECEIVE;
		}
		if (d->status == ST_SUPPLEMENT)
			after[na++] = EV_REQUEST;
		if (d->status == ST_STOPPED)
			after[na++] = EV_STOP;
		if (d->status == ST_PROCESSING) {
			unsigned v = rng_below(&g->r, 100);

			d->step = v < 60 ? "processing" : v < 85 ? "signing" :
				  "issue";
			if (strcmp(d->step, "processing"))
				after[na++] = EV_FORWARD;
			if (!strcmp(d->step, "issue"))
				after[na++] = EV_APPROVE;
			d->owes = d->owes && !strcmp(d->step, "issue");
		}
		if (d->status == ST_RESULT_READY || d->status == ST_RETURNED ||
		    d->status == ST_PAYMENT) {
			after[na++] = EV_FORWARD;
			after[na++] = EV_APPROVE;
			if (d->status == ST_PAYMENT)
				d->step = "issue";
		}
		if (d->owes && d->status != ST_PAYMENT)
			after[na++] = EV_PAY;
		end = c->o.now;
	}
	/* Before the anchor: spread between receipt and anchor. Without a
	 * supplement round the anchor is the receipt, so everything goes
	 * after it. */
	if (!supp) {
		memmove(after + nb, after, (size_t)na * sizeof *after);
		memcpy(after, before, (size_t)nb * sizeof *before);
		na += nb;
		nb = 0;
	} else if (!spread(g, d->received, anchor, nb, tb)) {
		return false;
	}
	for (int i = 0; i < nb; i++)
		event(g, d, &w, before[i], tb[i], &s);
	if (supp) {
		/* the supplement arrives at the anchor */
		event(g, d, &w, after[0], anchor, &s);
		memmove(after, after + 1, (size_t)--na * sizeof *after);
	}
	/* 3. The end: now for open dossiers, the result otherwise. */
	if (d->status == ST_RESULT_READY || d->status == ST_RETURNED) {
		int tries[] = { band, B_ONTIME, B_LATE };

		d->finished = 0;
		for (size_t i = 0; i < N(tries) && !d->finished; i++) {
			int64_t f = finish_time(g, d, anchor, tries[i], na);

			if (f > 0 && f <= c->o.now &&
			    spread(g, anchor, f, na, ta))
				d->finished = f;
		}
		if (!d->finished)
			return false;
		for (int i = 0; i < na; i++)
			event(g, d, &w, after[i], ta[i], &s);
		event(g, d, &w, EV_READY, d->finished, &s);
		if (d->status == ST_RETURNED) {
			d->returned = sbx_seed_work_after(c, &g->r, d->finished,
				rng_pct(&g->r, 50) ? rng_range(&g->r, 15, 240) :
				rng_range(&g->r, 240, 5 * 480));
			if (d->returned > c->o.now)
				return false;
			event(g, d, &w, EV_RETURN, d->returned, &s);
		}
	} else if (d->status == ST_WITHDRAWN || d->status == ST_STOPPED) {
		if (d->status == ST_STOPPED)
			end = sbx_seed_work_after(c, &g->r, anchor,
				rng_range(&g->r, 16 * (na + 1) + 20,
					  16 * (na + 1) + 60 + days * 400));
		if (end > c->o.now || !spread(g, anchor, end, na - 1, ta))
			return false;
		for (int i = 0; i < na - 1; i++)
			event(g, d, &w, after[i], ta[i], &s);
		event(g, d, &w, after[na - 1], end, &s);
	} else {
		if (!spread(g, anchor, end, na, ta))
			return false;
		for (int i = 0; i < na; i++)
			event(g, d, &w, after[i], ta[i], &s);
	}
	if (s != d->status)
		return false;
	d->assignee = d->status == ST_ACCEPTED ? w.leader :
		      d->status == ST_PROCESSING || d->status == ST_PAYMENT ||
		      d->status == ST_SUPPLEMENT ? w.specialist : 0;
	return true;
}

bool sbx_seed_not_received(struct sbx_dgen *g, struct sbx_dossier *d)
{
	const struct sbx_seed_ctx *c = g->c;
	int64_t t;

	d->nlog = 0;
	d->received = d->due = 0;
	if (d->status == ST_NEW) {
		d->submitted = c->o.now -
			       (int64_t)rng_range(&g->r, 5, 3 * 24 * 60) * MINUTE;
		logx(d, d->submitted, 0, "submit", 0, ST_NEW,
		     "Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công");
		return true;
	}
	/* refused at reception */
	t = receipt(g, rng_range(&g->r, 1, 120));
	if (t <= 0)
		return false;
	if (d->channel == CH_DIRECT) {
		d->submitted = t - (int64_t)rng_range(&g->r, 2, 15) * MINUTE;
	} else {
		d->submitted = t - (int64_t)rng_range(&g->r, 10, 36 * 60) *
				   MINUTE;
		logx(d, d->submitted, 0, "submit", 0, ST_NEW, "%s",
		     d->channel == CH_ONLINE ?
		     "Nộp hồ sơ trực tuyến qua Cổng Dịch vụ công" :
		     "Nhận hồ sơ qua dịch vụ bưu chính công ích");
	}
	logx(d, t, user_of(g, d->agency, ROLE_RECEPTION, NULL), "refuse",
	     d->channel == CH_DIRECT ? 0 : ST_NEW, ST_REFUSED, "%s",
	     rng_pct(&g->r, 50) ? "Từ chối tiếp nhận: hồ sơ không thuộc thẩm "
	     "quyền giải quyết của cơ quan" : "Từ chối tiếp nhận: thành phần "
	     "hồ sơ không đúng quy định");
	return true;
}

/* The one dossier with an apology and a new date: a permanent residence
 * registration (7 working days) received six working days ago, whose
 * leader sent the apology a working day before the old date. */
bool sbx_seed_apology(struct sbx_dgen *g, struct sbx_dossier *d)
{
	const struct sbx_seed_ctx *c = g->c;
	struct who w = {
		user_of(g, d->agency, ROLE_RECEPTION, NULL),
		user_of(g, d->agency, ROLE_SPECIALIST, d->p->def->field),
		user_of(g, d->agency, ROLE_LEADER, NULL),
		user_of(g, d->agency, ROLE_RECORDS, NULL),
	};
	int64_t limit, t[2];
	struct sbx_move *m;
	char buf[24];
	int y, mo, da, s = ST_ACCEPTED;

	d->nlog = d->nmoves = 0;
	sbx_seed_workday_back(c, sbx_seed_days_of(d->p) - 1, &y, &mo, &da);
	d->received = sbx_seed_office_time(c, &g->r, y, mo, da,
					   cal_join(y, mo, da, 9, 0, 0));
	if (d->received <= 0)
		return false;
	d->due = due_of(g, d->p, d->received);
	limit = cal_apology_deadline(c->cal, d->due);
	if (limit > c->o.now)
		limit = c->o.now;
	if (!spread(g, d->received, limit, 2, t))
		return false;
	submit_and_accept(g, d, &w);
	event(g, d, &w, EV_ASSIGN, t[0], &s);
	m = &d->moves[d->nmoves++];
	m->old_due = d->due;
	m->new_due = d->due = cal_due(c->cal, d->due, 3 * cal_day_minutes(c->cal),
				      CAL_NO_CUTOFF);
	m->at = t[1];
	m->reason = "apology";
	when_date_time(d->due, buf, sizeof buf);
	logx(d, t[1], w.leader, "reschedule", ST_PROCESSING, ST_PROCESSING,
	     "Gửi phiếu xin lỗi và hẹn lại ngày trả kết quả: %s (chờ xác minh "
	     "chỗ ở hợp pháp)", buf);
	d->apology = true;
	d->step = "processing";
	d->assignee = w.specialist;
	return true;
}
