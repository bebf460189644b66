/* Deadline bands of open dossiers, as the inbox shows them (DOMAIN.md
 * "Deadlines"): overdue, due today, the last day to send an apology with a
 * new date, due within two working days, in time. Finished ones are judged
 * early / on time / late at the moment the result was ready. */
#ifndef MOTCUA_DEADLINE_H
#define MOTCUA_DEADLINE_H

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/model.h"

enum band {
	BAND_OVERDUE,
	BAND_TODAY,
	BAND_APOLOGY,		/* today is the last day to send the apology */
	BAND_SOON,		/* due within DEADLINE_SOON_DAYS working days */
	BAND_OK,
	BAND_NONE,		/* not running: not yet received, or finished */
};

#define DEADLINE_SOON_DAYS 2

enum band deadline_band(const struct cal *c, const struct dossier *d, int64_t now);
/* cal_timeliness of the dossier's finish and due instants. */
enum timeliness deadline_timeliness(const struct dossier *d);

/* "còn 2 ngày 3 giờ" / "quá hạn 1 ngày" / "" into buf, translated. */
void deadline_remaining(const struct cal *c, const struct dossier *d, int64_t now,
			char *buf, size_t len);

/* The bands of running dossiers as due times, at one instant, for the
 * store to order by (store_inbox.h): a dossier whose clock runs is
 * overdue when due <= now, due today when due <= today_end, in the
 * apology band when due <= apology (and its date was not moved for an
 * apology yet), due soon when due <= soon, else in time. Each band's
 * test is monotonic in the due time, so a bound is where it flips. */
struct deadline_cuts {
	int64_t now, today_end, apology, soon;
};
void deadline_cuts(const struct cal *c, int64_t now, struct deadline_cuts *out);

/* Put rows in urgency order: bands first (overdue, today, ...), then the
 * earlier due time, then the code; judged at one instant, now. */
void deadline_sort(const struct cal *c, struct dossier **rows, size_t n, int64_t now);

#endif
