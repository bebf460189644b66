/* A small, fully known sandbox database for precise assertions: two
 * agencies, six users, four procedures, a few register records and 63
 * dossiers in every open and finished state. Independent of the seed
 * generator, so a change in the training data never moves an expected
 * number here. */
#ifndef MOTCUA_TEST_FIXTURE_H
#define MOTCUA_TEST_FIXTURE_H

#include <sqlite3.h>
#include <stddef.h>

/* The clock the fixture's dossiers are placed around: Wednesday
 * 2025-10-15 09:00 in Vietnam (start the server with --clock and
 * --freeze-clock at this time). */
#define FX_CLOCK "2025-10-15 09:00"
#define FX_CLOCK_ISO "2025-10-15T09:00:00+07:00"

#define FX_AGENCY "000.00.91.H26"	/* the users' agency: FX1 */
#define FX_AGENCY2 "000.00.92.H26"	/* the other one: FX2 */
#define FX_DOSSIERS 60			/* in FX_AGENCY */
#define FX_DOSSIERS2 3			/* in FX_AGENCY2 */

/* Users: login, password "pw-" + login. */
#define FX_RECEPTION "tn1"
#define FX_RECEPTION2 "tn2"		/* of FX_AGENCY2 */
#define FX_SPECIALIST "cv1"
#define FX_SPECIALIST_NAME "Lê Văn Chuyên"
#define FX_SPECIALIST2 "cv2"
#define FX_LEADER "ld1"
#define FX_RECORDS "vt1"

/* Procedures. */
#define FX_PROC_BIRTH "1.001193"	/* 3 working days, no cut-off, free */
#define FX_PROC_COPY "2.000815"		/* same day, 15:00 cut-off, 2000 VND */
#define FX_PROC_BIZ "2.000575"		/* 3 days, a tax-code field */
#define FX_PROC_JOINT "1.004227"	/* joint, 5 days */

/* Registers. */
#define FX_CITIZEN "001085012345"	/* Nguyễn Văn An */
#define FX_CITIZEN2 "079190000001"	/* Trần Thị Bình */
#define FX_CITIZEN_ABSENT "001099999999"
#define FX_ENTERPRISE "0100109106"
#define FX_ENTERPRISE_ABSENT "0100109113"	/* valid check digit, not registered */

/* Fill db (schema applied, empty). 0, or -1 with a message in err. */
int fx_fill(sqlite3 *db, char *err, size_t errsz);
/* Create path with the schema and the fixture. */
int fx_create(const char *path, char *err, size_t errsz);

#endif
