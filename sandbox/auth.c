/* Logins, session tokens (Authorization: Bearer) and API keys (the portal
 * dialect's X-API-Key). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/password.h"
#include "sbx_db.h"
#include "sbx_ops.h"
#include "sbx_util.h"

#define LOGIN_FAILURES_MAX 10	/* per login name ... */
#define LOGIN_WINDOW 60		/* ... in this many seconds */

static const char user_cols[] =
	"u.id, u.login, u.full_name, u.role, u.agency_id";

static int read_user(sqlite3_stmt *st, struct sbx_user *u)
{
	int role = role_parse(sbx_col_text(st, 3));

	if (role < 0)
		return -1;
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(st, 0);
	snprintf(u->login, sizeof u->login, "%s", sbx_col_text(st, 1));
	snprintf(u->full_name, sizeof u->full_name, "%s", sbx_col_text(st, 2));
	u->role = (enum role)role;
	snprintf(u->agency_id, sizeof u->agency_id, "%s", sbx_col_text(st, 4));
	return 0;
}

static int64_t mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

/* The failure slot of login (reusing the oldest when all are taken). */
static struct sbx_login_failures *failures_of(struct sbx *s, const char *login)
{
	struct sbx_login_failures *oldest = &s->login_failures[0];
	size_t n = sizeof s->login_failures / sizeof s->login_failures[0];

	for (size_t i = 0; i < n; i++) {
		struct sbx_login_failures *f = &s->login_failures[i];

		if (!strcmp(f->login, login))
			return f;
		if (f->window_start < oldest->window_start)
			oldest = f;
	}
	memset(oldest, 0, sizeof *oldest);
	snprintf(oldest->login, sizeof oldest->login, "%s", login);
	return oldest;
}

cJSON *sbx_user_json(struct sbx *s, const struct sbx_user *u)
{
	cJSON *o = cJSON_CreateObject(), *ag;
	sqlite3_stmt *st;

	cJSON_AddNumberToObject(o, "id", (double)u->id);
	cJSON_AddStringToObject(o, "login", u->login);
	cJSON_AddStringToObject(o, "full_name", u->full_name);
	cJSON_AddStringToObject(o, "role", role_name(u->role));
	ag = cJSON_AddObjectToObject(o, "agency");
	cJSON_AddStringToObject(ag, "id", u->agency_id);
	st = sbx_prep(s, "SELECT name, unit_code FROM agencies WHERE id = ?1", NULL);
	if (st) {
		sbx_bind_text(st, 1, u->agency_id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			sbx_json_col(ag, "name", st, 0);
			sbx_json_col(ag, "unit_code", st, 1);
		}
		sqlite3_finalize(st);
	}
	return o;
}

/* Check a login and password, answering guessing with SBX_E_TOO_MANY. */
static int check_login(struct sbx *s, const char *login, const char *password,
		       struct sbx_user *u, struct sbx_error *e)
{
	struct sbx_login_failures *f = failures_of(s, login);
	int64_t mono = mono_now();
	char sql[256];
	sqlite3_stmt *st;
	bool ok = false;
	int rc;

	if (mono - f->window_start >= LOGIN_WINDOW) {
		f->window_start = mono;
		f->count = 0;
	}
	if (f->count >= LOGIN_FAILURES_MAX)
		return sbx_fail(e, SBX_E_TOO_MANY, "too_many_attempts", NULL,
				"too many failed logins for this user; wait %d seconds",
				(int)(LOGIN_WINDOW - (mono - f->window_start)));
	snprintf(sql, sizeof sql, "SELECT %s, u.salt, u.pw_hash FROM users u WHERE u.login = ?1",
		 user_cols);
	if (!(st = sbx_prep(s, sql, e)))
		return -1;
	sbx_bind_text(st, 1, login);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && read_user(st, u) == 0)
		ok = pw_check(sbx_col_text(st, 5), password, sbx_col_text(st, 6));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sbx_fail_db(e, s->db);
	if (!ok) {
		f->count++;
		return sbx_fail(e, SBX_E_UNAUTHORIZED, "invalid_credentials", NULL,
				"unknown user or wrong password");
	}
	f->count = 0;
	return 0;
}

int sbx_auth_login(struct sbx *s, const char *login, const char *password,
		   cJSON **out, struct sbx_error *e)
{
	int64_t now = sbx_now(s);
	char token[65];
	struct sbx_user u;
	sqlite3_stmt *st;
	struct err er;
	int rc;

	if (check_login(s, login, password, &u, e) < 0)
		return -1;
	if (sbx_random_hex(token, 32, &er) < 0)
		return sbx_fail(e, SBX_E_INTERNAL, "internal", NULL, "%s", er.msg);
	/* Old sessions go when new ones come: the table stays small. */
	if (!(st = sbx_prep(s, "DELETE FROM sessions WHERE expires_at < ?1", e)))
		return -1;
	sqlite3_bind_int64(st, 1, now - 24 * 3600);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!(st = sbx_prep(s, "INSERT INTO sessions (token, user_id, created_at, expires_at)"
			    " VALUES (?1, ?2, ?3, ?4)", e)))
		return -1;
	sbx_bind_text(st, 1, token);
	sqlite3_bind_int64(st, 2, u.id);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int64(st, 4, now + SBX_SESSION_SECONDS);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sbx_fail_db(e, s->db);
	*out = cJSON_CreateObject();
	cJSON_AddStringToObject(*out, "token", token);
	cJSON_AddStringToObject(*out, "token_type", "Bearer");
	cJSON_AddNumberToObject(*out, "expires_at", (double)(now + SBX_SESSION_SECONDS));
	cJSON_AddItemToObject(*out, "user", sbx_user_json(s, &u));
	return 0;
}

int sbx_auth_user_key(struct sbx *s, const char *login, char *key, size_t sz,
		      struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "SELECT api_key FROM users WHERE login = ?1", e);
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, login);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(key, sz, "%s", sbx_col_text(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return sbx_fail(e, SBX_E_NOT_FOUND, "not_found", "login", "no user %.63s", login);
	return rc == SQLITE_ROW ? 0 : sbx_fail_db(e, s->db);
}

int sbx_auth_login_key(struct sbx *s, const char *login, const char *password,
		       cJSON **out, struct sbx_error *e)
{
	struct sbx_user u;
	char key[128];

	if (check_login(s, login, password, &u, e) < 0 ||
	    sbx_auth_user_key(s, login, key, sizeof key, e) < 0)
		return -1;
	*out = cJSON_CreateObject();
	cJSON_AddStringToObject(*out, "api_key", key);
	cJSON_AddItemToObject(*out, "user", sbx_user_json(s, &u));
	return 0;
}

static int user_by(struct sbx *s, const char *sql, const char *secret,
		   struct sbx_user *u, int64_t *expires, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, sql, e);
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, secret);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (read_user(st, u) < 0)
			rc = SQLITE_CORRUPT;
		else if (expires)
			*expires = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return sbx_fail_db(e, s->db);
}

int sbx_auth_token(struct sbx *s, const char *token, struct sbx_user *u,
		   struct sbx_error *e)
{
	char sql[256];
	int64_t expires = 0;
	int rc;

	if (!token || !*token)
		return sbx_fail(e, SBX_E_UNAUTHORIZED, "unauthorized", NULL,
				"this endpoint needs Authorization: Bearer <token> from POST /api/v1/auth/login");
	snprintf(sql, sizeof sql, "SELECT %s, s.expires_at FROM sessions s"
		 " JOIN users u ON u.id = s.user_id WHERE s.token = ?1", user_cols);
	rc = user_by(s, sql, token, u, &expires, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return sbx_fail(e, SBX_E_UNAUTHORIZED, "invalid_token", NULL,
				"the token is not valid; log in again");
	if (expires <= sbx_now(s))
		return sbx_fail(e, SBX_E_UNAUTHORIZED, "token_expired", NULL,
				"the session has expired; log in again");
	return 0;
}

int sbx_auth_api_key(struct sbx *s, const char *key, struct sbx_user *u,
		     struct sbx_error *e)
{
	char sql[256];
	int rc;

	if (!key || !*key)
		return sbx_fail(e, SBX_E_UNAUTHORIZED, "unauthorized", NULL,
				"an API key is needed");
	snprintf(sql, sizeof sql, "SELECT %s FROM users u WHERE u.api_key = ?1", user_cols);
	rc = user_by(s, sql, key, u, NULL, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return sbx_fail(e, SBX_E_UNAUTHORIZED, "invalid_api_key", NULL,
				"the API key is not valid");
	return 0;
}

int sbx_auth_logout(struct sbx *s, const char *token, struct sbx_error *e)
{
	sqlite3_stmt *st = sbx_prep(s, "DELETE FROM sessions WHERE token = ?1", e);
	int rc;

	if (!st)
		return -1;
	sbx_bind_text(st, 1, token);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sbx_fail_db(e, s->db);
}
