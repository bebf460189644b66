/* intake_bench: from the last digit of an ID number to the filled form,
 * through the client's own auto-fill (client/desk/autofill.c: the debounce, the
 * lookup through the profile and the HTTP transport, the fill) against a
 * running server, as the intake form does it.
 *
 *   intake_bench -p PROFILE -s URL -u USER [-n RUNS] [-i ID]
 *
 * The password comes from MOTCUA_PASSWORD. Each run types the ID number
 * digit by digit into a fresh form of the applicant block of a birth
 * registration, with an empty cache (a new session), then once more with the
 * session's cache (the same ID again). Prints the median and the worst of
 * RUNS: from the last digit to the filled form, and of that, the lookup
 * itself (request to reply); the debounce is AF_DEBOUNCE_MS. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/api.h"
#include "api/profile.h"
#include "core/xalloc.h"
#include "desk/autofill.h"
#include "net/http.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct bench {
	struct loop loop;
	struct api *api;
	bool done;
	enum api_fail fail;
	char why[512];
	double sent, answered;
	int answers;
};

static void on_login(void *arg, const struct api_result *r)
{
	struct bench *b = arg;

	b->done = true;
	b->fail = r->fail;
	snprintf(b->why, sizeof b->why, "%s", r->e.msg);
}

/* The form's callback, with the time of the answer taken first. */
struct hop {
	struct bench *b;
	af_got_fn got;
	void *ctx;
};

static void on_answer(void *arg, struct record *rec, const struct api_result *r)
{
	struct hop h = *(struct hop *)arg;

	free(arg);
	h.b->answered = now_ms();
	h.b->answers++;
	h.got(h.ctx, rec, r);
}

static unsigned be_lookup(void *arg, const char *reg, const char *id, const char *purpose,
			  af_got_fn got, void *ctx)
{
	struct bench *b = arg;
	struct hop *h = xmalloc(sizeof *h);

	*h = (struct hop){ b, got, ctx };
	b->sent = now_ms();
	return api_lookup(b->api, reg, id, NULL, purpose, on_answer, h);
}

static void be_cancel(void *arg, unsigned id)
{
	struct bench *b = arg;

	api_cancel(b->api, id);
}

/* The applicant block of a birth registration (sandbox/seed/seed_forms.c). */
static struct procedure applicant(void)
{
	static char *sex[] = { "M", "F" };
	static struct proc_field f[] = {
		{ .key = "applicant.id_number", .type = "id_number", .lookup = "citizen", .required = true },
		{ .key = "applicant.full_name", .type = "text", .fill_from = "citizen:full_name" },
		{ .key = "applicant.birth_date", .type = "date", .fill_from = "citizen:birth_date" },
		{ .key = "applicant.sex", .type = "select", .fill_from = "citizen:sex", .options = sex,
		  .noptions = 2 },
		{ .key = "applicant.permanent_address", .type = "address",
		  .fill_from = "citizen:permanent_address" },
		{ .key = "applicant.current_address", .type = "address",
		  .fill_from = "citizen:current_address" },
		{ .key = "applicant.phone", .type = "phone", .fill_from = "citizen:phone" },
		{ .key = "applicant.email", .type = "email", .fill_from = "citizen:email" },
	};

	return (struct procedure){ .code = "1.001193", .name = "bench", .cutoff = -1, .fields = f,
				   .nfields = sizeof f / sizeof f[0] };
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One intake's ID typed digit by digit; the time to the filled form. */
static int run(struct bench *b, struct af_cache *cache, const char *id, double *total, double *lookup)
{
	struct procedure p = applicant();
	struct af_backend be = { be_lookup, be_cancel, b };
	struct iform form;
	struct autofill af;
	char typed[64] = "";
	double t0;
	struct err e;
	int idf, rc = 0;

	iform_init(&form, &p, (int64_t)time(NULL));
	af_init(&af, &b->loop, &be, cache, &form, "bench");
	idf = iform_find(&form, "applicant.id_number");
	b->sent = b->answered = 0;
	for (size_t i = 0; id[i]; i++) {
		typed[i] = id[i];
		typed[i + 1] = '\0';
		iform_set(&form, idf, typed);
		af_edited(&af, idf);
	}
	t0 = now_ms();
	while (af_lookup_of(&af, idf)->state == AF_WAITING || af_lookup_of(&af, idf)->state == AF_LOOKING)
		if (loop_once(&b->loop, 1000, &e) < 0) {
			fprintf(stderr, "intake_bench: %s\n", e.msg);
			rc = -1;
			break;
		}
	*total = now_ms() - t0;
	*lookup = b->sent && b->answered ? b->answered - b->sent : 0;
	if (!rc && af_lookup_of(&af, idf)->state != AF_FOUND) {
		fprintf(stderr, "intake_bench: %s was not found (state %d)\n", id,
			af_lookup_of(&af, idf)->state);
		rc = -1;
	}
	if (!rc && !form.f[iform_find(&form, "applicant.full_name")].value[0]) {
		fprintf(stderr, "intake_bench: the form was not filled\n");
		rc = -1;
	}
	af_free(&af);
	iform_free(&form);
	return rc;
}

static void report(const char *what, double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	printf("%-44s median %8.1f ms   worst %8.1f ms\n", what, v[n / 2], v[n - 1]);
}

int main(int argc, char **argv)
{
	const char *prof = NULL, *url = NULL, *user = NULL, *id = "001085012345";
	const char *secret = getenv("MOTCUA_PASSWORD");
	int runs = 10, ch;
	struct bench b = { 0 };
	struct http_opts ho;
	struct http *h;
	struct profile *p;
	char path[4096];
	struct err e;
	double *tot, *look, *cached, dummy;

	setlocale(LC_ALL, "");
	while ((ch = getopt(argc, argv, "p:s:u:n:i:")) != -1) {
		switch (ch) {
		case 'p': prof = optarg; break;
		case 's': url = optarg; break;
		case 'u': user = optarg; break;
		case 'n': runs = atoi(optarg); break;
		case 'i': id = optarg; break;
		default: return 2;
		}
	}
	if (!prof || !url || !user || runs < 1) {
		fprintf(stderr, "usage: intake_bench -p PROFILE -s URL -u USER [-n RUNS] [-i ID]\n");
		return 2;
	}
	http_opts_init(&ho);
	if (loop_init(&b.loop, &e) < 0 || !(h = http_new(&b.loop, &ho, &e)) ||
	    profile_find(prof, path, sizeof path, &e) < 0 || !(p = profile_load(path, &e))) {
		fprintf(stderr, "intake_bench: %s\n", e.msg);
		return 1;
	}
	b.api = api_new(&b.loop, h, p, url, user, secret);
	api_login(b.api, on_login, &b);
	while (!b.done)
		loop_once(&b.loop, 1000, &e);
	if (b.fail) {
		fprintf(stderr, "intake_bench: login: %s\n", b.why);
		return 1;
	}
	tot = xcalloc((size_t)runs, sizeof *tot);
	look = xcalloc((size_t)runs, sizeof *look);
	cached = xcalloc((size_t)runs, sizeof *cached);
	for (int i = 0; i < runs; i++) {
		struct af_cache *c = af_cache_new();

		if (run(&b, c, id, &tot[i], &look[i]) < 0 || run(&b, c, id, &cached[i], &dummy) < 0)
			return 1;
		af_cache_free(c);
	}
	printf("%d runs, ID %s, debounce %d ms\n", runs, id, AF_DEBOUNCE_MS);
	report("last digit -> filled form (new session)", tot, runs);
	report("  of which the lookup (request -> reply)", look, runs);
	report("last digit -> filled form (same ID again)", cached, runs);
	printf("lookups sent: %d (one per new session; the cache answered the rest)\n", b.answers);
	api_free(b.api);
	http_free(h);
	profile_free(p);
	loop_free(&b.loop);
	free(tot);
	free(look);
	free(cached);
	return 0;
}
