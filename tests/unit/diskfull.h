/* A full disk for the tests, without filling one: while it is on, the
 * writes a trigger names fail on the store's own connection as SQLite
 * fails them when the disk is full (SQLITE_FULL, "database or disk is
 * full"), and nothing else changes. */
#ifndef MOTCUA_TEST_DISKFULL_H
#define MOTCUA_TEST_DISKFULL_H

#include <sqlite3.h>

/* when: the trigger's event, "BEFORE INSERT ON outbox". */
void diskfull_on(sqlite3 *db, const char *when);
void diskfull_off(sqlite3 *db);

#endif
