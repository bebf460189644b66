/* What the batch commands share (batch.c: reading the server; batch_store.c:
 * the local store, sync and the outbox). */
#ifndef MOTCUA_BATCH_INT_H
#define MOTCUA_BATCH_INT_H

#include <getopt.h>
#include <stdbool.h>

#include "api/api.h"
#include "app/conf.h"
#include "app/conn.h"
#include "batch.h"
#include "store/store.h"

enum format { FMT_TSV, FMT_JSON, FMT_TEXT };

struct batch {
	const struct cli *cli;
	struct conf conf;	/* motcuarc: request-timeout, print-command, desk-name */
	struct loop loop;
	struct conn conn;	/* the store is opened by the commands that need it */
	bool done;
	int rc;
	enum format fmt;
	/* list */
	struct dossier *items;
	int n, cap;
	const char *status_filter;
	bool overdue, mine;
	const char *show_code;
	struct audit_entry audit;	/* lookup */
	const void *cmd_arg;	/* what batch_connected was given for the command */
	struct api_result login;	/* how the login went */
	bool told_stranded;	/* of actions waiting in other stores */
};

int batch_exit_of(enum api_fail f);
/* The exit status of a failed call: as batch_exit_of, but a connection
 * refused (the server's service down, not the link) is EXIT_DOWN. */
int batch_exit_for(const struct api_result *r);
/* Report a failed call and end the run with its exit code. */
void batch_failed(struct batch *b, const struct api_result *r);
void batch_finished(struct batch *b);
/* Run the loop until the current call's callback says it is done (at
 * once if it already did). */
int batch_wait(struct batch *b);
int batch_format(const char *s, enum format *f, bool text_ok);
__attribute__((format(printf, 1, 2)))
int batch_usage(const char *fmt, ...);
/* getopt for a command: its options follow its name. */
int batch_opts(int argc, char **argv, const struct option *opts, int *opt, char **val);

/* The store of this server and user; NULL with a message on stderr, but
 * for none made yet while the login did not reach the server: the
 * caller's own failure says that, or batch_no_store. */
struct store *batch_store(struct batch *b);
/* A command that needs the store has none: its exit status, said. */
int batch_no_store(struct batch *b);
/* Offline: say so on stderr, with the age of the store's data; the exit
 * status (EXIT_DOWN when the server's machine refused the connection,
 * else EXIT_OFFLINE). */
int batch_offline_note(struct batch *b, const struct api_result *r);
/* The exit status of an answer from the store or an action queued, for
 * the network failure r. */
int batch_offline_exit(const struct api_result *r);
/* The list of b->items, sorted by code, in b->fmt. */
void batch_print_list(struct batch *b);
bool batch_list_wanted(const struct batch *b, const struct dossier *d);

/* Load the profile, connect and log in as cli says, then run fn (which
 * finds cmd_arg in b->cmd_arg); the exit status. */
int batch_connected(const struct cli *cli, int (*fn)(struct batch *b, int argc, char **argv),
		    const void *cmd_arg);
/* motcua profile check ... (batch_check.c) */
int batch_profile(const struct cli *cli);

int batch_cmd_act(struct batch *b, int argc, char **argv);
int batch_cmd_sync(struct batch *b, int argc, char **argv);
int batch_cmd_outbox(struct batch *b, int argc, char **argv);
/* the desk's indicators from the store (batch_stats.c) */
int batch_cmd_stats(struct batch *b, int argc, char **argv);
/* receipt, supplement-form, refusal-form (batch_forms.c) */
int batch_cmd_form(struct batch *b, int argc, char **argv);

#endif
