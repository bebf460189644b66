/* A min-heap of timers on the monotonic clock: sync intervals, deadline
 * ticks, the idle lock, message expiry. The event loop sleeps until the
 * earliest one. */
#ifndef MOTCUA_TIMER_H
#define MOTCUA_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*timer_fn)(void *arg);

struct timer_entry {
	int64_t due_ms;
	uint64_t seq;		/* equal due times fire in the order armed */
	unsigned id;
	timer_fn fn;
	void *arg;
};

struct timers {
	struct timer_entry *heap;
	size_t len, cap;
	uint64_t seq;
	unsigned next_id;
};

int64_t timer_now_ms(void);
/* The same clock in microseconds. */
int64_t timer_now_us(void);
/* The CPU time this thread has used, in microseconds: the limit of work
 * done in slices, which other processes on a busy host do not cut short
 * (so the same slice does the same work wherever it runs). */
int64_t timer_cpu_us(void);

void timers_init(struct timers *t);
void timers_free(struct timers *t);
/* Arm fn(arg) at now + delay_ms; returns an id (never 0) for timer_cancel. */
unsigned timer_add(struct timers *t, int64_t now_ms, int64_t delay_ms, timer_fn fn, void *arg);
bool timer_cancel(struct timers *t, unsigned id);
/* Milliseconds until the earliest timer (0 if overdue), or -1 if none. */
int64_t timer_wait_ms(const struct timers *t, int64_t now_ms);
/* Fire every timer due at now_ms; a callback may arm or cancel timers.
 * Returns how many fired. */
size_t timers_run(struct timers *t, int64_t now_ms);

#endif
