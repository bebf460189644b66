/* motcua-sandbox: a provincial procedure API on loopback for the demo,
 * training and tests. main() reads the options, opens (and on first use
 * seeds) the database, starts the server, prints the listening line and
 * waits for SIGTERM or SIGINT. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "sandbox/seed/seed.h"
#include "sbx.h"
#include "sbx_db.h"
#include "sbx_faults.h"
#include "sbx_server.h"
#include "sbx_util.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/motcua"
#endif

#define DEFAULT_LISTEN "127.0.0.1:8470"

struct opts {
	const char *listen, *db, *calendar_dir, *clock, *clock_offset;
	bool reset, freeze, log, number_on_reception;
	enum sbx_dialect dialect;
	struct sbx_seed_opts seed;
	struct sbx_fault_cfg faults;
	struct sbx_server_opts server;
};

static void usage(FILE *out)
{
	fputs(_("Usage: motcua-sandbox [OPTION]...\n"
		"A provincial procedure API server with training data, for the motcua\n"
		"demo, for training clerks and for the tests. It listens only where told,\n"
		"loopback by default. A new database is created and seeded; an existing one\n"
		"is reused. When ready it prints \"listening on http://HOST:PORT\".\n"
		"SIGTERM or SIGINT stops it cleanly.\n"
		"\n"
		"Server:\n"
		"  -l, --listen HOST:PORT   where to listen (default 127.0.0.1:8470; port 0\n"
		"                           picks a free port; [::1]:PORT for IPv6)\n"
		"  -d, --db FILE            the database (default\n"
		"                           $XDG_DATA_HOME/motcua/sandbox.db)\n"
		"      --reset              delete the database and seed a new one\n"
		"      --dialect NAME       the API dialect: reference (REST, default),\n"
		"                           portal or opencps\n"
		"      --log                one line per request on standard error (ID\n"
		"                           numbers, tax codes and phone numbers masked)\n"
		"\n"
		"Connections (slow or idle clients cannot lock the others out):\n"
		"      --idle-timeout SECONDS  close a connection that sends or takes nothing\n"
		"                           for this long (default 15)\n"
		"      --max-connections N  connections at once; more wait (default 1000)\n"
		"      --max-per-address N  connections at once from one client address;\n"
		"                           0: no limit (default 32, none on loopback)\n"
		"      --threads N          threads serving them all (default 4)\n"
		"\n"
		"Training data (used when the database is new):\n"
		"      --seed N             same seed, same data and same faults (default 1)\n"
		"      --dossiers N         dossiers to generate (default 5000)\n"
		"      --citizens N         citizens in the population register (default 10000)\n"
		"      --enterprises N      enterprises in the register (default 1000)\n"
		"\n"
		"Clock (kept in the database, so a restart continues the same time):\n"
		"      --clock 'YYYY-MM-DD HH:MM'  set the sandbox time (Vietnam time)\n"
		"      --clock-offset OFFSET       real time plus OFFSET: [+-]N[s|m|h|d]\n"
		"      --freeze-clock       the sandbox time does not move by itself\n"
		"      --calendar-dir DIR   working-day override files (*.days)\n"
		"\n"
		"Faults (deterministic for a seed; also POST /_sandbox/faults at run time):\n"
		"      --latency MS         delay every reply by MS milliseconds\n"
		"      --jitter MS          plus a random 0..MS milliseconds\n"
		"      --bandwidth BYTES    cap reply bodies at BYTES per second\n"
		"      --fail-rate PERCENT  answer this share of requests with 5xx, unprocessed\n"
		"      --drop-rate PERCENT  close the connection mid-body for this share\n"
		"      --garble-rate PERCENT  send malformed or truncated JSON for this share\n"
		"      --drip               send bodies in small pieces with pauses\n"
		"      --trickle            drip bodies, then blanks at the same pace: the\n"
		"                           reply never ends\n"
		"      --stall              read requests and never answer them\n"
		"      --faults-after N     spare the first N requests, counted from the start\n"
		"                           and from every change of the faults\n"
		"\n"
		"  -h, --help               show this help and exit\n"
		"  -V, --version            show the version and exit\n"), out);
	fputs(_("\nThe opencps dialect:\n"
		"      --number-on-reception  no dossierNo before the desk receives a dossier\n"), out);
	if (sbx_accounts[0].login) {
		fputs(_("\nTraining accounts (login / password, role, agency):\n"), out);
		for (const struct sbx_account *a = sbx_accounts; a->login; a++)
			fprintf(out, "  %-14s %-14s %-11s %s\n", a->login, a->password,
				a->role, a->agency);
	}
	fputs(_("\nThe API is described in sandbox/API.md.\n"), out);
}

static int int_opt(const char *name, const char *v, long long min, long long max,
		   long long *out)
{
	int64_t n;

	if (sbx_parse_int(v, min, max, &n) < 0) {
		fprintf(stderr, _("motcua-sandbox: %s expects a whole number from %lld to %lld, got \"%s\"\n"),
			name, min, max, v);
		return -1;
	}
	*out = n;
	return 0;
}

/* "[+-]N[s|m|h|d]" in seconds. */
static int parse_offset(const char *v, int64_t *out)
{
	char num[32];
	size_t n = strlen(v);
	int64_t mult = 1, x;

	if (!n || n >= sizeof num)
		return -1;
	memcpy(num, v, n + 1);
	switch (num[n - 1]) {
	case 's': mult = 1; num[n - 1] = '\0'; break;
	case 'm': mult = 60; num[n - 1] = '\0'; break;
	case 'h': mult = 3600; num[n - 1] = '\0'; break;
	case 'd': mult = 86400; num[n - 1] = '\0'; break;
	default: break;
	}
	if (num[0] == '+')
		memmove(num, num + 1, strlen(num));
	if (sbx_parse_int(num, -100LL * 365 * 86400 / mult, 100LL * 365 * 86400 / mult, &x) < 0)
		return -1;
	*out = x * mult;
	return 0;
}

enum {
	O_RESET = 256, O_DIALECT, O_LOG, O_SEED, O_DOSSIERS, O_CITIZENS, O_ENTERPRISES,
	O_CLOCK, O_CLOCK_OFFSET, O_FREEZE, O_CALENDAR, O_LATENCY, O_JITTER, O_BANDWIDTH,
	O_FAIL, O_DROP, O_GARBLE, O_DRIP, O_TRICKLE, O_STALL, O_AFTER,
	O_IDLE, O_MAX_CONN, O_PER_ADDR, O_THREADS, O_NUMBER,
};

/* 0 to run, 1 to exit 0 (help, version), 2 for a usage error. */
static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "db", required_argument, NULL, 'd' },
		{ "reset", no_argument, NULL, O_RESET },
		{ "dialect", required_argument, NULL, O_DIALECT },
		{ "number-on-reception", no_argument, NULL, O_NUMBER },
		{ "log", no_argument, NULL, O_LOG },
		{ "seed", required_argument, NULL, O_SEED },
		{ "dossiers", required_argument, NULL, O_DOSSIERS },
		{ "citizens", required_argument, NULL, O_CITIZENS },
		{ "enterprises", required_argument, NULL, O_ENTERPRISES },
		{ "clock", required_argument, NULL, O_CLOCK },
		{ "clock-offset", required_argument, NULL, O_CLOCK_OFFSET },
		{ "freeze-clock", no_argument, NULL, O_FREEZE },
		{ "calendar-dir", required_argument, NULL, O_CALENDAR },
		{ "latency", required_argument, NULL, O_LATENCY },
		{ "jitter", required_argument, NULL, O_JITTER },
		{ "bandwidth", required_argument, NULL, O_BANDWIDTH },
		{ "fail-rate", required_argument, NULL, O_FAIL },
		{ "drop-rate", required_argument, NULL, O_DROP },
		{ "garble-rate", required_argument, NULL, O_GARBLE },
		{ "drip", no_argument, NULL, O_DRIP },
		{ "idle-timeout", required_argument, NULL, O_IDLE },
		{ "max-connections", required_argument, NULL, O_MAX_CONN },
		{ "max-per-address", required_argument, NULL, O_PER_ADDR },
		{ "threads", required_argument, NULL, O_THREADS },
		{ "trickle", no_argument, NULL, O_TRICKLE },
		{ "stall", no_argument, NULL, O_STALL },
		{ "faults-after", required_argument, NULL, O_AFTER },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	long long v;
	int ch;

	while ((ch = getopt_long(argc, argv, "l:d:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l': o->listen = optarg; break;
		case 'd': o->db = optarg; break;
		case O_RESET: o->reset = true; break;
		case O_LOG: o->log = true; break;
		case O_DIALECT:
			if (!strcmp(optarg, "reference")) {
				o->dialect = SBX_DIALECT_REFERENCE;
			} else if (!strcmp(optarg, "portal")) {
				o->dialect = SBX_DIALECT_PORTAL;
			} else if (!strcmp(optarg, "opencps")) {
				o->dialect = SBX_DIALECT_OPENCPS;
			} else {
				fprintf(stderr, _("motcua-sandbox: --dialect is reference, portal or opencps, not \"%s\"\n"),
					optarg);
				return 2;
			}
			break;
		case O_SEED:
			if (int_opt("--seed", optarg, 0, 4294967295LL, &v) < 0)
				return 2;
			o->seed.seed = (uint32_t)v;
			o->faults.seed = (uint64_t)v;
			break;
		case O_DOSSIERS:
			if (int_opt("--dossiers", optarg, 0, 1000000, &v) < 0)
				return 2;
			o->seed.dossiers = (int)v;
			break;
		case O_CITIZENS:
			if (int_opt("--citizens", optarg, 0, 10000000, &v) < 0)
				return 2;
			o->seed.citizens = (int)v;
			break;
		case O_ENTERPRISES:
			if (int_opt("--enterprises", optarg, 0, 1000000, &v) < 0)
				return 2;
			o->seed.enterprises = (int)v;
			break;
		case O_CLOCK: o->clock = optarg; break;
		case O_CLOCK_OFFSET: o->clock_offset = optarg; break;
		case O_FREEZE: o->freeze = true; break;
		case O_NUMBER: o->number_on_reception = true; break;
		case O_CALENDAR: o->calendar_dir = optarg; break;
		case O_LATENCY:
			if (int_opt("--latency", optarg, 0, 60000, &v) < 0)
				return 2;
			o->faults.latency_ms = (int)v;
			break;
		case O_JITTER:
			if (int_opt("--jitter", optarg, 0, 60000, &v) < 0)
				return 2;
			o->faults.jitter_ms = (int)v;
			break;
		case O_BANDWIDTH:
			if (int_opt("--bandwidth", optarg, 16, 1000000000, &v) < 0)
				return 2;
			o->faults.bandwidth = (long)v;
			break;
		case O_FAIL:
			if (int_opt("--fail-rate", optarg, 0, 100, &v) < 0)
				return 2;
			o->faults.fail_rate = (int)v;
			break;
		case O_DROP:
			if (int_opt("--drop-rate", optarg, 0, 100, &v) < 0)
				return 2;
			o->faults.drop_rate = (int)v;
			break;
		case O_GARBLE:
			if (int_opt("--garble-rate", optarg, 0, 100, &v) < 0)
				return 2;
			o->faults.garble_rate = (int)v;
			break;
		case O_DRIP: o->faults.drip = true; break;
		case O_IDLE:
			if (int_opt("--idle-timeout", optarg, 1, 3600, &v) < 0)
				return 2;
			o->server.idle_timeout = (unsigned)v;
			break;
		case O_MAX_CONN:
			if (int_opt("--max-connections", optarg, 64, 100000, &v) < 0)
				return 2;
			o->server.max_connections = (unsigned)v;
			break;
		case O_PER_ADDR:
			if (int_opt("--max-per-address", optarg, 0, 100000, &v) < 0)
				return 2;
			o->server.max_per_address = (int)v;
			break;
		case O_THREADS:
			if (int_opt("--threads", optarg, 1, 64, &v) < 0)
				return 2;
			o->server.threads = (unsigned)v;
			break;
		case O_TRICKLE: o->faults.trickle = true; break;
		case O_STALL: o->faults.stall = true; break;
		case O_AFTER:
			if (int_opt("--faults-after", optarg, 0, 1000000, &v) < 0)
				return 2;
			o->faults.after = (int)v;
			break;
		case 'h':
			usage(stdout);
			return 1;
		case 'V':
			printf("motcua-sandbox %s\n", PACKAGE_VERSION);
			return 1;
		default:
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("motcua-sandbox: unexpected argument \"%s\"\n"), argv[optind]);
		return 2;
	}
	if (o->clock && o->clock_offset) {
		fprintf(stderr, _("motcua-sandbox: give --clock or --clock-offset, not both\n"));
		return 2;
	}
	return 0;
}

/* mkdir -p of the directories above path. */
static int make_parents(const char *path)
{
	char buf[4096];

	if (strlen(path) >= sizeof buf)
		return -1;
	strcpy(buf, path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

static const char *default_db(char *buf, size_t sz)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg && *xdg == '/')
		snprintf(buf, sz, "%s/motcua/sandbox.db", xdg);
	else if (home && *home)
		snprintf(buf, sz, "%s/.local/share/motcua/sandbox.db", home);
	else
		return NULL;
	return buf;
}

static int load_calendar(struct cal *cal, const char *dir)
{
	const char *env = getenv("MOTCUA_CALENDAR_DIR");
	struct err e;

	if (dir) {
		if (cal_load_dir(cal, dir, &e) < 0) {
			fprintf(stderr, "motcua-sandbox: %s\n", e.msg);
			return -1;
		}
		return 0;
	}
	dir = env && *env ? env : PKGDATADIR "/calendar";
	if (cal_load_dir(cal, dir, &e) < 0)
		fprintf(stderr, _("motcua-sandbox: warning: %s; using the calendar rules without the yearly overrides\n"),
			e.msg);
	return 0;
}

static int64_t real_time(void)
{
	return (int64_t)time(NULL);
}

/* The clock asked for on the command line; 0 when none. */
static int wanted_clock(const struct opts *o, int64_t *t)
{
	struct err e;
	int64_t off;

	if (o->clock) {
		if (sbx_time_parse(o->clock, t, &e) < 0 && sbx_date_parse(o->clock, t, &e) < 0) {
			fprintf(stderr, _("motcua-sandbox: --clock expects 'YYYY-MM-DD HH:MM', got \"%s\"\n"),
				o->clock);
			return -1;
		}
		return 1;
	}
	if (o->clock_offset) {
		if (parse_offset(o->clock_offset, &off) < 0) {
			fprintf(stderr, _("motcua-sandbox: --clock-offset expects [+-]N[s|m|h|d], got \"%s\"\n"),
				o->clock_offset);
			return -1;
		}
		*t = real_time() + off;
		return 1;
	}
	return 0;
}

/* A connection is an open file: the soft limit is raised as far as the
 * hard one allows, and the connections lowered to fit what is left. */
static void fit_open_files(struct sbx_server_opts *so)
{
	const rlim_t spare = 64;	/* the database, its journal, listen and polling */
	rlim_t need = so->max_connections + spare;
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur >= need)
		return;
	rl.rlim_cur = rl.rlim_max != RLIM_INFINITY && rl.rlim_max < need ? rl.rlim_max : need;
	setrlimit(RLIMIT_NOFILE, &rl);
	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur >= need)
		return;
	so->max_connections = (unsigned)(rl.rlim_cur > 2 * spare ? rl.rlim_cur - spare : rl.rlim_cur / 2);
	fprintf(stderr, _("motcua-sandbox: warning: only %u connections at once: the open-file limit is %llu (ulimit -n)\n"),
		so->max_connections, (unsigned long long)rl.rlim_cur);
}

static int run(const struct opts *o, const char *db_path)
{
	struct sbx_server_opts server;
	struct sbx_server *srv = NULL;
	struct sbx_faults faults;
	struct sbx_error se;
	struct sbx s;
	struct cal *cal;
	sqlite3 *db = NULL;
	sigset_t set;
	bool created;
	char url[128];
	int64_t now = 0;
	int want, sig, rc = 1;
	struct err e;

	if ((want = wanted_clock(o, &now)) < 0)
		return 2;
	if (sbx_faults_check(&o->faults, &se) < 0) {
		fprintf(stderr, "motcua-sandbox: %s\n", se.message);
		return 2;
	}
	if (!(cal = cal_new())) {
		fprintf(stderr, "motcua-sandbox: %s\n", _("out of memory"));
		return 1;
	}
	if (load_calendar(cal, o->calendar_dir) < 0)
		goto out;
	if (strcmp(db_path, ":memory:") && make_parents(db_path) < 0) {
		fprintf(stderr, _("motcua-sandbox: cannot create the directory of %s: %s\n"),
			db_path, strerror(errno));
		goto out;
	}
	if (sbx_db_open(db_path, o->reset, &db, &created, &e) < 0) {
		fprintf(stderr, "motcua-sandbox: %s\n", e.msg);
		goto out;
	}
	if (created) {
		struct sbx_seed_opts so = o->seed;

		so.now = want ? now : real_time();
		if (sbx_seed(db, &so, cal, &e) < 0) {
			fprintf(stderr, _("motcua-sandbox: cannot seed %s: %s\n"), db_path, e.msg);
			goto out;
		}
	}
	sbx_faults_init(&faults, &o->faults);
	if (sbx_init(&s, db, cal, &faults, &e) < 0) {
		fprintf(stderr, "motcua-sandbox: %s: %s\n", db_path, e.msg);
		goto out_faults;
	}
	s.dialect = o->dialect;
	s.log_requests = o->log;
	s.number_on_reception = o->number_on_reception;
	if (want || o->freeze || created) {
		if (!want)
			now = created ? real_time() : sbx_now(&s);
		if (sbx_clock_set(&s, now, o->freeze, &e) < 0) {
			fprintf(stderr, "motcua-sandbox: %s\n", e.msg);
			goto out_sbx;
		}
	}
	/* Signals are taken by sigwait() below; the server's threads inherit
	 * the mask, so none of them is interrupted. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	server = o->server;
	fit_open_files(&server);
	if (sbx_server_start(&s, o->listen, &server, &srv, url, sizeof url, &e) < 0) {
		fprintf(stderr, "motcua-sandbox: %s\n", e.msg);
		goto out_sbx;
	}
	/* not translated: scripts and tests wait for this exact line */
	printf("listening on %s\n", url);
	fflush(stdout);
	while (sigwait(&set, &sig) != 0)
		;
	sbx_server_stop(srv);
	rc = 0;
out_sbx:
	sbx_destroy(&s);
out_faults:
	sbx_faults_destroy(&faults);
out:
	sbx_db_close(db);
	cal_free(cal);
	return rc;
}

int main(int argc, char **argv)
{
	struct opts o = {
		.listen = DEFAULT_LISTEN,
		.dialect = SBX_DIALECT_REFERENCE,
		.seed = { .seed = 1, .dossiers = 5000, .citizens = 10000, .enterprises = 1000 },
		.faults = { .seed = 1, .drip_bytes = SBX_DRIP_BYTES,
			    .drip_interval_ms = SBX_DRIP_INTERVAL_MS },
		.server = { .threads = SBX_THREADS, .max_connections = SBX_MAX_CONNECTIONS,
			    .max_per_address = -1, .idle_timeout = SBX_IDLE_TIMEOUT },
	};
	char dbbuf[4096];
	int rc;

	setlocale(LC_ALL, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, getenv("MOTCUA_LOCALEDIR") ? getenv("MOTCUA_LOCALEDIR") : LOCALEDIR);
	textdomain(PACKAGE);
#endif
	rc = parse_args(argc, argv, &o);
	if (rc == 1)
		return 0;
	if (rc == 2) {
		fprintf(stderr, _("Try 'motcua-sandbox --help' for more information.\n"));
		return 2;
	}
	if (!o.db && !(o.db = default_db(dbbuf, sizeof dbbuf))) {
		fprintf(stderr, _("motcua-sandbox: no --db given and no HOME to put one in\n"));
		return 2;
	}
	return run(&o, o.db);
}
