#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "store.h"

/* Where the stores live: $XDG_DATA_HOME/motcua/<server>/<user>.db. */

/* Keep letters, digits, '.', '-' and '_'; anything else becomes '_'. */
static void slug(const char *in, size_t n, char *out, size_t len)
{
	size_t j = 0;

	for (size_t i = 0; i < n && in[i] && j + 1 < len; i++) {
		char c = in[i];
		bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';

		out[j++] = keep ? c : '_';
	}
	out[j] = '\0';
}

static int too_long(struct err *e)
{
	return err_set(e, "%s", _("the local store's path is too long"));
}

/* The base folder ($XDG_DATA_HOME, else ~/.local/share), and whether it is
 * the default one under HOME (made when missing). */
static int data_home(char *buf, size_t len, bool *under_home, struct err *e)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	int n;

	*under_home = false;
	if (xdg && *xdg == '/') {
		n = snprintf(buf, len, "%s", xdg);
	} else if (home && *home) {
		*under_home = true;
		n = snprintf(buf, len, "%s/.local/share", home);
	} else {
		return err_set(e, "%s", _("neither XDG_DATA_HOME nor HOME is set: nowhere to keep the local store"));
	}
	return n < 0 || (size_t)n >= len ? too_long(e) : 0;
}

/* The folder of a server's stores: "@" and its identity when it has one
 * (no host name starts with '@', so the two kinds never meet), else its
 * host and port as the URL writes them. */
static int server_key(const char *url, const char *id, char *out, size_t len, struct err *e)
{
	const char *host = strstr(url ? url : "", "://");

	if (id && *id) {
		out[0] = '@';
		slug(id, 64, out + 1, len - 1);
		return 0;
	}
	/* the host and port name the server; the scheme and path do not */
	host = host ? host + 3 : (url ? url : "");
	slug(host, strcspn(host, "/?#"), out, len);
	if (!out[0])
		return err_set(e, "%s", _("no server URL to name the local store after"));
	return 0;
}

static void user_file(const char *user, char *out, size_t len)
{
	slug(user && *user ? user : "default", 127, out, len);
}

int store_path(const char *server_url, const char *server_id, const char *user, char *buf,
	       size_t len, struct err *e)
{
	char base[3072], server[256], who[128];
	bool under_home;
	int n;

	if (server_key(server_url, server_id, server, sizeof server, e) < 0 ||
	    data_home(base, sizeof base, &under_home, e) < 0)
		return -1;
	user_file(user, who, sizeof who);
	n = snprintf(buf, len, "%s/motcua/%s/%s.db", base, server, who);
	return n < 0 || (size_t)n >= len ? too_long(e) : 0;
}

static int make_dir(const char *dir, struct err *e)
{
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return err_set(e, _("cannot create %s: %s"), dir, strerror(errno));
	return 0;
}

/* A server that names itself keeps the stores made before under its host
 * and port: the first time, that folder becomes the named one; from then
 * on the host and port are a link to it, so that the next start at the
 * same address finds the store before it reaches the server. A host and
 * port whose folder is a real one beside the named folder are left alone:
 * their waiting actions are offered by store_others(). */
static int alias(const char *top, const char *server_url, const char *named, struct err *e)
{
	char old[256], from[4096], to[4096];
	struct stat st;

	if (server_key(server_url, NULL, old, sizeof old, e) < 0)
		return -1;
	if ((size_t)snprintf(from, sizeof from, "%s/%s", top, old) >= sizeof from ||
	    (size_t)snprintf(to, sizeof to, "%s/%s", top, named) >= sizeof to)
		return too_long(e);
	if (lstat(from, &st) < 0) {
		if (errno != ENOENT)
			return err_set(e, _("cannot read %s: %s"), from, strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		if (access(to, F_OK) == 0)
			return 0;
		if (rename(from, to) < 0)
			return err_set(e, _("cannot move the local store %s to %s: %s"), from, to, strerror(errno));
	} else if (S_ISLNK(st.st_mode)) {
		char was[256];
		ssize_t n = readlink(from, was, sizeof was - 1);

		if (n >= 0 && (was[n] = '\0', !strcmp(was, named)))
			return 0;
		/* another server answers at that address now */
		if (unlink(from) < 0)
			return err_set(e, _("cannot remove %s: %s"), from, strerror(errno));
	}
	if (make_dir(to, e) < 0)
		return -1;
	if (symlink(named, from) < 0 && errno != EEXIST)
		return err_set(e, _("cannot link %s to %s: %s"), from, named, strerror(errno));
	return 0;
}

int store_settle(const char *server_url, const char *server_id, const char *user, char *buf,
		 size_t len, struct err *e)
{
	char base[3072], top[3200], server[256], dir[3500];
	bool under_home;

	if (store_path(server_url, server_id, user, buf, len, e) < 0 ||
	    server_key(server_url, server_id, server, sizeof server, e) < 0 ||
	    data_home(base, sizeof base, &under_home, e) < 0)
		return -1;
	if (under_home) {
		/* ~/.local, then ~/.local/share */
		char *slash = strrchr(base, '/');

		*slash = '\0';
		if (make_dir(base, e) < 0)
			return -1;
		*slash = '/';
	}
	if ((size_t)snprintf(top, sizeof top, "%s/motcua", base) >= sizeof top ||
	    (size_t)snprintf(dir, sizeof dir, "%s/%s", top, server) >= sizeof dir)
		return too_long(e);
	if (make_dir(base, e) < 0 || make_dir(top, e) < 0)
		return -1;
	if (server_id && *server_id && alias(top, server_url, server, e) < 0)
		return -1;
	return make_dir(dir, e);
}

/* ---- other stores of the same user ---- */

/* What a store says of itself, read without writing to it: the server's
 * identity and the profile it was made with ("" when it predates them),
 * and how many of its actions were not delivered. -1: not a store. */
static int64_t describe(const char *path, char *id, size_t idlen, char *prof, size_t proflen)
{
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	int64_t waiting = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT (SELECT value FROM meta WHERE key = 'server_id'),"
			       " (SELECT value FROM meta WHERE key = 'profile'),"
			       " (SELECT count(*) FROM outbox WHERE state <> 2)", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *a = sqlite3_column_text(st, 0), *b = sqlite3_column_text(st, 1);

		snprintf(id, idlen, "%s", a ? (const char *)a : "");
		snprintf(prof, proflen, "%s", b ? (const char *)b : "");
		waiting = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return waiting;
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int store_others(const char *mine, const char *server_id, const char *profile, const char *user,
		 struct store_other **v, size_t *n, struct err *e)
{
	char base[3072], top[3200], who[128];
	struct dirent *de;
	bool under_home;
	size_t cap = 0;
	DIR *d;

	*v = NULL;
	*n = 0;
	if (data_home(base, sizeof base, &under_home, e) < 0)
		return -1;
	if ((size_t)snprintf(top, sizeof top, "%s/motcua", base) >= sizeof top)
		return too_long(e);
	if (!(d = opendir(top)))
		return errno == ENOENT ? 0 : err_set(e, _("cannot read %s: %s"), top, strerror(errno));
	user_file(user, who, sizeof who);
	while ((de = readdir(d))) {
		char path[4096], id[256], prof[256];
		struct stat st;
		int64_t waiting;

		if (de->d_name[0] == '.' ||
		    (size_t)snprintf(path, sizeof path, "%s/%s", top, de->d_name) >= sizeof path ||
		    lstat(path, &st) < 0 || !S_ISDIR(st.st_mode) ||	/* a link is an alias */
		    (size_t)snprintf(path, sizeof path, "%s/%s/%s.db", top, de->d_name, who) >= sizeof path ||
		    access(path, F_OK) < 0 || (mine && same_file(path, mine)))
			continue;
		if ((waiting = describe(path, id, sizeof id, prof, sizeof prof)) <= 0)
			continue;
		/* a store that names another server is that server's; one from
		 * before identities is offered when its profile is this one */
		if (id[0] ? !server_id || strcmp(id, server_id) : prof[0] && profile && strcmp(prof, profile))
			continue;
		if (*n == cap)
			*v = xrealloc(*v, (cap = cap ? cap * 2 : 4) * sizeof **v);
		(*v)[*n].path = xstrdup(path);
		(*v)[(*n)++].waiting = waiting;
	}
	closedir(d);
	return 0;
}

void store_others_free(struct store_other *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

bool store_is_file(const struct store *s, const char *path)
{
	return same_file(store_file(s), path);
}
