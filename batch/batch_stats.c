#include "config.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/dates.h"
#include "app/app.h"
#include "app/session.h"
#include "batch_int.h"
#include "core/i18n.h"
#include "core/when.h"
#include "desk/report.h"
#include "desk/stats.h"

/* motcua stats: the desk's indicators from the local store (desk/stats.h),
 * as the sandbox's GET /stats writes them, for a leader's monthly report. */


static void add_ratio(cJSON *o, const struct stats_ratio *r)
{
	cJSON *x = cJSON_AddObjectToObject(o, r->name);

	if (r->den)	/* four decimals, as the sandbox */
		cJSON_AddNumberToObject(x, "value", round((double)r->num / (double)r->den * 1e4) / 1e4);
	else
		cJSON_AddNullToObject(x, "value");
	cJSON_AddNumberToObject(x, "numerator", (double)r->num);
	cJSON_AddStringToObject(x, "numerator_is", r->num_is);
	cJSON_AddNumberToObject(x, "denominator", (double)r->den);
	cJSON_AddStringToObject(x, "denominator_is", r->den_is);
}

/* The criteria that cost a star, by their JSON names: "on_time_rate,online_share". */
static void costs(unsigned missed, char *buf, size_t len)
{
	static const char *const names[] = { "on_time_rate", "online_share", "average_processing_days" };
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < 3; i++)
		if (missed & 1u << i)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? "," : "", names[i]);
}

static cJSON *fig_json(const struct stats *s, const struct stats_fig *f,
		       const struct stats_stars_conf *sc)
{
	static const char *const band_names[BAND_NONE] = {
		"overdue", "today", "apology", "soon", "in_time",
	};
	struct stats_ratio r[STATS_RATIOS];
	cJSON *o = cJSON_CreateObject(), *x;
	double avg;

	if (f->key)
		cJSON_AddStringToObject(o, "key", f->key);
	if (f->name)
		cJSON_AddStringToObject(o, "name", f->name);
	cJSON_AddNumberToObject(o, "received", (double)f->received);
	x = cJSON_AddObjectToObject(o, "received_by_channel");
	cJSON_AddNumberToObject(x, "direct", (double)f->channel[0]);
	cJSON_AddNumberToObject(x, "online", (double)f->channel[1]);
	cJSON_AddNumberToObject(x, "postal", (double)f->channel[2]);
	cJSON_AddNumberToObject(o, "resolved", (double)f->resolved);
	cJSON_AddNumberToObject(o, "early", (double)f->early);
	cJSON_AddNumberToObject(o, "on_time", (double)f->on_time);
	cJSON_AddNumberToObject(o, "late", (double)f->late);
	cJSON_AddNumberToObject(o, "refused", (double)f->refused);
	cJSON_AddNumberToObject(o, "withdrawn", (double)f->withdrawn);
	cJSON_AddNumberToObject(o, "stopped", (double)f->stopped);
	cJSON_AddNumberToObject(o, "supplement_rounds", (double)f->supplements);
	cJSON_AddNumberToObject(o, "apologies", (double)f->apologies);
	stats_ratios(f, r);
	for (int i = 0; i < STATS_RATIOS; i++)
		add_ratio(o, &r[i]);
	x = cJSON_AddObjectToObject(o, "open_by_band");
	for (int i = 0; i < BAND_NONE; i++)
		cJSON_AddNumberToObject(x, band_names[i], (double)f->bands[i]);
	x = cJSON_AddObjectToObject(o, "average_processing_days");
	if (stats_avg_days(s, f, &avg))
		cJSON_AddNumberToObject(x, "value", round(avg * 100) / 100);
	else
		cJSON_AddNullToObject(x, "value");
	cJSON_AddStringToObject(x, "unit", "working days from receipt to result ready");
	cJSON_AddNumberToObject(x, "denominator", (double)f->resolved);
	x = cJSON_AddObjectToObject(o, "stars");
	{
		unsigned missed;
		char why[128];

		cJSON_AddNumberToObject(x, "value", stats_stars(s, f, sc, &missed));
		costs(missed, why, sizeof why);
		cJSON_AddStringToObject(x, "costs_a_star", why);
	}
	return o;
}

/* The server's figures, fetched beside the local ones. */
struct server_stats {
	struct batch *b;
	struct record *rec;	/* NULL when the server gave none */
};

static void on_stats(void *arg, struct record *rec, const struct api_result *r)
{
	struct server_stats *ss = arg;

	ss->rec = rec;
	if (r->fail && r->fail != API_E_UNSUPPORTED)
		report_printf(stderr, _("motcua: the server's figures are not available: %s\n"), r->e.msg);
	batch_finished(ss->b);
}

static void print_json(const struct stats *s, const struct stats_stars_conf *sc,
		       const struct record *server, const char *diff)
{
	char d1[WHEN_LEN], d2[WHEN_LEN];
	cJSON *o = fig_json(s, &s->all, sc), *arr, *sat;

	cJSON_AddStringToObject(o, "from", when_iso_date(s->from, d1, sizeof d1));
	cJSON_AddStringToObject(o, "to", when_iso_date(s->to - 1, d2, sizeof d2));
	/* the star rating's fourth criterion: said to have no source, not made up */
	sat = cJSON_AddObjectToObject(o, "satisfaction");
	cJSON_AddNullToObject(sat, "value");
	cJSON_AddStringToObject(sat, "source", "none: neither the local store nor the server's statistics has it");
	if (s->by != STATS_BY_NONE) {
		arr = cJSON_AddArrayToObject(o, "groups");
		for (size_t i = 0; i < s->ngroups; i++)
			cJSON_AddItemToArray(arr, fig_json(s, &s->groups[i], sc));
	}
	if (server) {
		cJSON *x = cJSON_AddObjectToObject(o, "server");

		for (int i = 0; i < server->n; i++)
			cJSON_AddStringToObject(x, server->kv[i].key, server->kv[i].value);
		cJSON_AddStringToObject(o, "differences", diff);
	}
	report_json_print(stdout, o);
	cJSON_Delete(o);
}

static void tsv_row(const struct stats *s, const struct stats_fig *f, const char *key,
		    const struct stats_stars_conf *sc)
{
	struct stats_ratio r[STATS_RATIOS];
	char on[32], online[32], avg_s[32], why[128];
	unsigned missed;
	int stars = stats_stars(s, f, sc, &missed);
	double avg;

	stats_ratios(f, r);
	/* machine output: a bare number, "" for no value */
	if (r[STATS_ON_TIME_RATE].den)
		snprintf(on, sizeof on, "%.4f", (double)r[STATS_ON_TIME_RATE].num / (double)r[STATS_ON_TIME_RATE].den);
	else
		on[0] = '\0';
	if (r[STATS_ONLINE_SHARE].den)
		snprintf(online, sizeof online, "%.4f", (double)r[STATS_ONLINE_SHARE].num / (double)r[STATS_ONLINE_SHARE].den);
	else
		online[0] = '\0';
	if (stats_avg_days(s, f, &avg))
		snprintf(avg_s, sizeof avg_s, "%.2f", avg);
	else
		avg_s[0] = '\0';
	costs(missed, why, sizeof why);
	report_printf(stdout, "%s\t%ld\t%ld\t%ld\t%ld\t%ld\t%ld\t%ld\t%ld\t%s\t%s\t%s\t%ld\t%ld\t%ld\t%ld\t%ld\t%ld\t%ld\t%d\t%s\n",
		      key, f->received, f->channel[0], f->channel[1], f->channel[2], f->resolved,
		      f->early, f->on_time, f->late, on, online, avg_s, f->refused, f->withdrawn,
		      f->stopped, f->supplements, f->apologies, f->open, f->bands[BAND_OVERDUE], stars, why);
}

static void print_tsv(const struct stats *s, const struct stats_stars_conf *sc)
{
	fputs("group\treceived\tdirect\tonline\tpostal\tresolved\tearly\ton_time\tlate\t"
	      "on_time_rate\tonline_share\taverage_days\trefused\twithdrawn\tstopped\t"
	      "supplement_rounds\tapologies\topen\toverdue\tstars\tcosts_a_star\n", stdout);
	for (size_t i = 0; i < s->ngroups; i++)
		tsv_row(s, &s->groups[i], s->groups[i].key, sc);
	tsv_row(s, &s->all, "*", sc);
}

static int parse_by(const char *v, enum stats_by *by)
{
	static const char *const names[] = { "clerk", "procedure", "day" };

	for (int i = 0; i < 3; i++)
		if (!strcmp(v, names[i])) {
			*by = (enum stats_by)(i + 1);
			return 0;
		}
	return -1;
}

int batch_cmd_stats(struct batch *b, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'F' }, { "to", required_argument, NULL, 'T' },
		{ "by", required_argument, NULL, 'b' }, { "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int64_t now = date_now(), from, to, today;
	enum stats_by by = STATS_BY_NONE;
	const struct stats_stars_conf sc = {
		b->conf.stars_on_time, b->conf.stars_online, b->conf.stars_average_days,
	};
	struct datefmt df;
	struct stats s;
	struct cal *cal;
	struct err e;
	int ch, rc = EXIT_OK;
	char *val;

	/* the sandbox's default: this month up to today */
	stats_period(STATS_MONTH, now, &from, &to);
	stats_period(STATS_TODAY, now, &today, &to);
	datefmt_parse(&df, "iso8601", CAL_UTC_OFFSET, NULL);
	b->fmt = FMT_TSV;
	while (batch_opts(argc, argv, opts, &ch, &val) != -1) {
		switch (ch) {
		case 'F':
		case 'T':
			if (date_from_text(&df, val, ch == 'F' ? &from : &to, &e) < 0)
				return batch_usage(_("stats: --%s: %s (write YYYY-MM-DD)"),
						   ch == 'F' ? "from" : "to", e.msg);
			if (ch == 'T')
				to += CAL_DAY_SECS;	/* through the end of that day */
			break;
		case 'b':
			if (parse_by(val, &by) < 0)
				return batch_usage(_("stats: --by is clerk, procedure or day, not '%s'"), val);
			break;
		case 'f':
			if (batch_format(val, &b->fmt, false) < 0)
				return batch_usage(_("stats: --format is tsv or json, not '%s'"), val);
			break;
		default:
			return batch_usage(_("stats: unknown option or missing value: %s"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return batch_usage(_("stats: unexpected argument: %s"), argv[optind]);
	if (from >= to)
		return batch_usage("%s", _("stats: --to must not be before --from"));
	if (!batch_store(b))
		return batch_no_store(b);
	if (!(cal = cal_new()))
		return EXIT_FAIL;
	if (access(app_calendar_dir(), F_OK) == 0 && cal_load_dir(cal, app_calendar_dir(), &e) < 0)
		report_printf(stderr, "motcua: %s\n", e.msg);
	stats_init(&s, cal, from, to, now, by);
	if (session_count_stats(b->conn.store, &s, &e) < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		rc = EXIT_FAIL;
	} else {
		struct server_stats ss = { .b = b };
		char diff[1024] = "";

		api_stats(b->conn.api, from, to - CAL_DAY_SECS, on_stats, &ss);
		batch_wait(b);
		/* a difference is said, not an error: the store may lag */
		if (ss.rec && stats_compare(&s, ss.rec, diff, sizeof diff))
			report_printf(stderr, _("motcua: the server counts differently: %s\n"), diff);
		if (b->fmt == FMT_JSON)
			print_json(&s, &sc, ss.rec, diff);
		else
			print_tsv(&s, &sc);
		if (ss.rec) {
			record_free(ss.rec);
			free(ss.rec);
		}
	}
	stats_free(&s);
	cal_free(cal);
	return rc;
}
