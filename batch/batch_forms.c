#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/dates.h"
#include "app/conf.h"
#include "batch_int.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "desk/receipt.h"
#include "desk/report.h"

/* receipt, supplement-form, refusal-form: the dossier (from the server, or
 * from the local store when the server cannot be reached), its form, then
 * to standard output, a file and/or the printer. */

struct forms {
	struct batch *b;
	enum receipt_kind kind;
	struct receipt_opts o;
	const char *code, *output;
	bool print;
	struct dossier *d;
	int offline_rc;		/* from the store: its exit status; 0: online */
};

static void on_dossier(void *arg, struct dossier *d, const struct api_result *r)
{
	struct forms *f = arg;
	struct batch *b = f->b;
	struct dossier stored;
	bool whole;
	struct err e;

	if (!d && r->fail == API_E_NETWORK && batch_store(b) &&
	    store_get_dossier(b->conn.store, f->code, &stored, &whole, &e) == 1) {
		f->offline_rc = batch_offline_note(b, r);
		d = xmalloc(sizeof *d);
		*d = stored;
	}
	if (!d) {
		batch_failed(b, r);
		return;
	}
	f->d = d;
	batch_finished(b);
}

/* A form holds the applicant's name, ID number and address: its file is
 * the clerk's alone (0600) whatever the umask, an old file written over
 * too, before the form goes in. A terminal or a pipe named as the file
 * keeps its mode. */
static FILE *open_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600), saved;
	struct stat st;
	FILE *f;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || (S_ISREG(st.st_mode) && (st.st_mode & 077) && fchmod(fd, 0600) < 0) ||
	    !(f = fdopen(fd, "w"))) {
		saved = errno;
		close(fd);
		errno = saved;
		return NULL;
	}
	return f;
}

static int output(struct forms *f, const struct receipt *r, const struct conf *c)
{
	struct err e;
	FILE *out;

	if (f->output) {
		if (!(out = open_private(f->output))) {
			report_printf(stderr, _("motcua: cannot write %s: %s\n"), f->output, strerror(errno));
			return EXIT_FAIL;
		}
		if (receipt_write(r, out, &e) < 0 || fclose(out) == EOF) {
			report_printf(stderr, "motcua: %s: %s\n", f->output, e.msg);
			return EXIT_FAIL;
		}
	}
	if (f->print && receipt_print(r, c->print_command, &e) < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		return EXIT_FAIL;
	}
	if (!f->output && !f->print)
		for (int i = 0; i < r->n; i++)
			report_printf(stdout, "%s\n", r->lines[i]);
	return EXIT_OK;
}

int batch_cmd_form(struct batch *b, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "print", no_argument, NULL, 'p' }, { "output", required_argument, NULL, 'o' },
		{ "paper", required_argument, NULL, 'a' }, { "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct forms f = { .b = b };
	struct receipt r;
	struct err e;
	const char *cmd = argv[0];
	int ch, rc;
	char *val;

	f.kind = !strcmp(cmd, "receipt") ? RECEIPT_RECEIPT :
		 !strcmp(cmd, "supplement-form") ? RECEIPT_SUPPLEMENT : RECEIPT_REFUSAL;
	while (batch_opts(argc, argv, opts, &ch, &val) != -1) {
		switch (ch) {
		case 'p': f.print = true; break;
		case 'o': f.output = val; break;
		case 'r': f.o.reason = val; break;
		case 'a':
			if (!strcmp(val, "a4") || !strcmp(val, "A4"))
				f.o.paper = PAPER_A4;
			else if (!strcmp(val, "a5") || !strcmp(val, "A5"))
				f.o.paper = PAPER_A5;
			else
				return batch_usage(_("%s: --paper is a4 or a5, not '%s'"), cmd, val);
			break;
		default:
			return batch_usage(_("%s: unknown option or missing value: %s"), cmd, argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return batch_usage(_("%s: give one dossier code"), cmd);
	if (f.kind == RECEIPT_RECEIPT && f.o.reason)
		return batch_usage("%s", _("receipt: --reason is for the supplement and refusal forms"));
	f.code = argv[optind];
	api_get(b->conn.api, f.code, HTTP_INTERACTIVE, on_dossier, &f);
	rc = batch_wait(b);
	if (!f.d)
		return rc;
	f.o.desk = b->conf.desk_name;
	f.o.now = date_now();
	if (receipt_make(f.kind, f.d, &f.o, &r, &e) < 0) {
		report_printf(stderr, "motcua: %s\n", e.msg);
		rc = EXIT_FAIL;
	} else {
		rc = output(&f, &r, &b->conf);
		receipt_free(&r);
		if (rc == EXIT_OK && f.offline_rc)
			rc = f.offline_rc;
	}
	dossier_free(f.d);
	free(f.d);
	return rc;
}
