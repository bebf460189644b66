#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "conf.h"
#include "core/calendar.h"
#include "core/i18n.h"

static int parse_timeout(struct cli *c, const char *v, struct err *e)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (end == v || *end || n < 1 || n > CONF_TIMEOUT_MAX)
		return err_set(e, _("--timeout takes a whole number of seconds from 1 to %d, not '%s'"),
			       CONF_TIMEOUT_MAX, v);
	c->timeout = (int)n;
	return 0;
}

int cli_parse(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "profile", required_argument, NULL, 'p' },
		{ "server", required_argument, NULL, 's' },
		{ "user", required_argument, NULL, 'u' },
		{ "password-file", required_argument, NULL, 'P' },
		{ "ca-file", required_argument, NULL, 'C' },
		{ "timeout", required_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	memset(c, 0, sizeof *c);
	c->profile = getenv("MOTCUA_PROFILE");
	c->server = getenv("MOTCUA_SERVER");
	c->user = getenv("MOTCUA_USER");
	opterr = 0;
	optind = 0;	/* also resets getopt's state, so tests may parse twice */
	/* "+": options stop at the command, which parses its own */
	while ((ch = getopt_long(argc, argv, "+:hVp:s:u:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			c->action = CLI_HELP;
			return 0;
		case 'V':
			c->action = CLI_VERSION;
			return 0;
		case 'p': c->profile = optarg; break;
		case 's': c->server = optarg; break;
		case 'u': c->user = optarg; break;
		case 'P': c->password_file = optarg; break;
		case 'C': c->ca_file = optarg; break;
		case 'T':
			if (parse_timeout(c, optarg, e) < 0)
				return -1;
			break;
		case ':':
			return err_set(e, _("option '%s' needs a value"), argv[optind - 1]);
		default:
			if (optopt)
				return err_set(e, _("unknown option '-%c'"), optopt);
			return err_set(e, _("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc) {
		c->action = CLI_BATCH;
		c->argc = argc - optind;
		c->argv = argv + optind;
	}
	return 0;
}

void cli_usage(FILE *out)
{
	fputs(_("Usage: motcua [OPTION]...              open the client\n"
		"       motcua [OPTION]... COMMAND...   run one command and exit (batch mode)\n"
		"A keyboard-driven terminal workstation for one-stop public-service desks:\n"
		"incoming dossiers and their deadlines, national data lookups, offline work.\n"
		"\n"
		"Options:\n"
		"  -p, --profile NAME|FILE   the server's API profile (or MOTCUA_PROFILE)\n"
		"  -s, --server URL          the server, if not the profile's (or MOTCUA_SERVER)\n"
		"  -u, --user NAME           the clerk's user name (or MOTCUA_USER)\n"
		"      --password-file FILE  read the password or API key from FILE; otherwise\n"
		"                            MOTCUA_PASSWORD, otherwise the client asks in its\n"
		"                            login screen (batch mode: on the terminal)\n"
		"      --ca-file FILE        trust the certificate authorities in FILE\n"
		"  -h, --help                show this help and exit\n"
		"  -V, --version             show the version and exit\n"
		"\n"
		"Commands:\n"
		"  list [--status CODES] [--overdue] [--mine] [--format tsv|json]\n"
		"                            dossiers; tsv columns: code, procedure, applicant,\n"
		"                            received, due, status (national code 1-10), channel\n"
		"  show CODE [--format text|json]    one dossier, with its log\n"
		"  lookup citizen ID [--dossier CODE] [--purpose TEXT]\n"
		"  lookup enterprise TAXCODE [--dossier CODE] [--purpose TEXT]\n"
		"                            national registers; every lookup is audited\n"
		"  act CODE ACTION [--note TEXT] [--reason TEXT] [--assignee USER]\n"
		"      [--new-due YYYY-MM-DD[THH:MM]]   accept, refuse, assign, ... a dossier\n"
		"  procedures [--format tsv|json]    the procedure catalog\n"
		"  sync [--full]             send the outbox, then bring the local store up to\n"
		"                            date; prints what came and what it cost\n"
		"  outbox [list [--all] [--format tsv|json] | send | retry ID\n"
		"         | discard ID [--yes]]    the actions not yet delivered\n"
		"Offline, list and show answer from the local store and act queues the\n"
		"action in the outbox (exit status 11); the store is kept in\n"
		"$XDG_DATA_HOME/motcua (~/.local/share/motcua).\n"
		"\n"
		"Settings (set lock-after 15, set notify no, set notify-due-hours 8) are read\n"
		"from $MOTCUA_CONFIG, else ~/.config/motcua/motcuarc.\n"
		"\n"
		"Exit status:\n"
		"   0  success\n"
		"   1  failure (the message says what went wrong)\n"
		"   2  wrong command line\n"
		"   3  no usable terminal (standard input and output must be a terminal\n"
		"      and TERM must name a known terminal type)\n"
		"   4  the server could not be reached\n"
		"   5  the server refused the credentials or the right to do this\n"
		"   6  not found\n"
		"   7  the dossier changed on the server meanwhile\n"
		"   8  the server refused the request; the message says why\n"
		"   9  the server's reply does not fit the profile\n"
		"  10  the profile cannot be loaded\n"
		"  11  offline: answered from the local store, or the action was queued\n"), out);
	fputs(_("  12  the server's address or its certificate is wrong (a bad URL, a TLS\n"
		"      failure): not offline; nothing was answered from the local store\n"), out);
	fputs(_("  13  the server's machine refused the connection (its service is not\n"
		"      running), not a broken link; the local store answered or the\n"
		"      action was queued as for 11, or nothing could be done as for 4\n"
		"An empty list is success (0): the server answered and has no dossiers.\n"), out);
	/* a message of its own, so the translation of the rest stands */
	fputs(_("\n"
		"Receipts and forms (plain text for A4, or A5 with --paper a5):\n"
		"  receipt CODE [--print] [--output FILE] [--paper a4|a5]\n"
		"                            the receipt with the appointment for the result\n"
		"  supplement-form CODE [--reason TEXT] [--print] [--output FILE]\n"
		"                            the request to supplement an incomplete dossier\n"
		"  refusal-form CODE [--reason TEXT] [--print] [--output FILE]\n"
		"                            the refusal to receive a dossier\n"
		"Without --print or --output the form goes to standard output; --print runs\n"
		"the print-command of motcuarc with the form on its standard input. The\n"
		"reason defaults to the note of the dossier's last refusal or request.\n"), out);
	fputs(_("\n"
		"The desk's indicators, from the local store:\n"
		"  stats [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by clerk|procedure|day]\n"
		"        [--format tsv|json]  received, resolved early/on time/late, the\n"
		"                            on-time rate, the online share, the average\n"
		"                            processing time; this month by default\n"), out);
	fputs(_("\n"
		"For integrators:\n"
		"  profile check [--profile P] [--server URL] [--user U] [--id ID]\n"
		"                            load the profile, prove the login, run each read\n"
		"                            operation once and report every dossier field\n"
		"                            (personal data masked); never sends an action.\n"
		"                            Exit 0 all well, 1 warnings, 5 login, 10 profile,\n"
		"                            else the failed operation's status\n"), out);
	fputs(_("\n"
		"Deadlines (no request to the server waits without end):\n"
		"      --timeout SECONDS     wait at most SECONDS for the whole reply to one\n"
		"                            attempt (one in which the server sends nothing\n"
		"                            for about 15 s ends sooner), then try again; a\n"
		"                            request gives up after twice SECONDS, retries\n"
		"                            included. Default: set request-timeout in\n"
		"                            motcuarc, else 30.\n"
		"A request given up on is a network failure: batch mode exits with status 4\n"
		"(or 11 when it answers from the local store), the client says it in the\n"
		"status line and carries on.\n"), out);
	fputs(_("\n"
		"The session a login opens is kept in the local store, so the next command\n"
		"given the same password need not log in again:\n"
		"  logout                    forget it; the next command logs in again\n"), out);
}

void cli_version(FILE *out)
{
	struct cal *c = cal_new();
	struct err e;
	char gap[512];

	fprintf(out, "motcua %s\n", PACKAGE_VERSION);
	/* Due dates depend on the year's file: say when it is missing. */
	if (c && access(app_calendar_dir(), F_OK) == 0) {
		if (cal_load_dir(c, app_calendar_dir(), &e) < 0)
			fprintf(out, "%s\n", e.msg);
		else if (app_calendar_gap(c, time(NULL), gap, sizeof gap))
			fprintf(out, "%s\n", gap);
	}
	cal_free(c);
}
