/* Times as motcua writes them: every date and time a screen, a form, batch
 * mode or the sandbox shows comes from here, so the product has these few
 * formats and no others:
 *
 *   when_iso            2025-11-23T14:05:00+07:00  machine output (batch TSV
 *                                                 and JSON, the sandbox)
 *   when_iso_date       2025-11-23                machine dates
 *   when_date           23/11/2025                a date for a person
 *   when_date_time      23/11/2025 14:05          the screens' instants
 *   when_time_date      14:05 23/11/2025          the paper forms and batch
 *                                                 text: hours first, as the
 *                                                 forms print (DOMAIN.md)
 *   when_time_wday_date 14:05 CN 23/11/2025       an appointment (the weekday
 *                                                 translated)
 *   when_day_month_time 23/11 14:05               a list column
 *   when_clock          14:05                     the status bar's clock
 *   when_minute         15:00                     a minute of the day (a
 *                                                 cut-off)
 *
 * An instant t is Unix seconds, written in Vietnam's civil time: UTC+7
 * all year, converted by cal_split() alone (calendar.h). A t of 0 is "not
 * set" (in the client's model and in the sandbox alike): every instant
 * format writes "" for it, and the caller says what stands for it ("—").
 * Each function writes into buf (len bytes; WHEN_LEN holds any of them)
 * and returns buf, to be used in place: printf("%s", when_date(t, b, n)). */
#ifndef MOTCUA_WHEN_H
#define MOTCUA_WHEN_H

#include <stddef.h>
#include <stdint.h>

#define WHEN_LEN 64

const char *when_iso(int64_t t, char *buf, size_t len);
const char *when_iso_date(int64_t t, char *buf, size_t len);
const char *when_date(int64_t t, char *buf, size_t len);
const char *when_date_time(int64_t t, char *buf, size_t len);
const char *when_time_date(int64_t t, char *buf, size_t len);
const char *when_time_wday_date(int64_t t, char *buf, size_t len);
const char *when_day_month_time(int64_t t, char *buf, size_t len);
const char *when_clock(int64_t t, char *buf, size_t len);
/* minute after midnight (900 is "15:00"); "" when negative (no cut-off). */
const char *when_minute(int minute, char *buf, size_t len);

/* A calendar day given by its numbers, not an instant: "23/11/2025" and
 * "2025-11-23". */
const char *when_ymd(int year, int month, int day, char *buf, size_t len);
const char *when_iso_ymd(int year, int month, int day, char *buf, size_t len);

#endif
