#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "timer.h"
#include "xalloc.h"

int64_t timer_now_ms(void)
{
	return timer_now_us() / 1000;
}

int64_t timer_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t timer_cpu_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void timers_init(struct timers *t)
{
	*t = (struct timers){ .next_id = 1 };
}

void timers_free(struct timers *t)
{
	free(t->heap);
	timers_init(t);
}

static bool before(const struct timer_entry *a, const struct timer_entry *b)
{
	return a->due_ms < b->due_ms || (a->due_ms == b->due_ms && a->seq < b->seq);
}

static void swap(struct timer_entry *a, struct timer_entry *b)
{
	struct timer_entry tmp = *a;

	*a = *b;
	*b = tmp;
}

static void sift_up(struct timers *t, size_t i)
{
	while (i > 0 && before(&t->heap[i], &t->heap[(i - 1) / 2])) {
		swap(&t->heap[i], &t->heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
}

static void sift_down(struct timers *t, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < t->len && before(&t->heap[l], &t->heap[m]))
			m = l;
		if (r < t->len && before(&t->heap[r], &t->heap[m]))
			m = r;
		if (m == i)
			return;
		swap(&t->heap[i], &t->heap[m]);
		i = m;
	}
}

static void remove_at(struct timers *t, size_t i)
{
	t->heap[i] = t->heap[--t->len];
	if (i < t->len) {
		sift_down(t, i);
		sift_up(t, i);
	}
}

unsigned timer_add(struct timers *t, int64_t now_ms, int64_t delay_ms, timer_fn fn, void *arg)
{
	unsigned id = t->next_id++;

	if (t->next_id == 0)
		t->next_id = 1;
	if (t->len == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->heap = xrealloc(t->heap, t->cap * sizeof *t->heap);
	}
	t->heap[t->len] = (struct timer_entry){
		.due_ms = now_ms + (delay_ms > 0 ? delay_ms : 0),
		.seq = t->seq++, .id = id, .fn = fn, .arg = arg,
	};
	sift_up(t, t->len++);
	return id;
}

bool timer_cancel(struct timers *t, unsigned id)
{
	for (size_t i = 0; i < t->len; i++) {
		if (t->heap[i].id == id) {
			remove_at(t, i);
			return true;
		}
	}
	return false;
}

int64_t timer_wait_ms(const struct timers *t, int64_t now_ms)
{
	if (!t->len)
		return -1;
	return t->heap[0].due_ms > now_ms ? t->heap[0].due_ms - now_ms : 0;
}

size_t timers_run(struct timers *t, int64_t now_ms)
{
	uint64_t armed_before = t->seq;
	size_t fired = 0;

	/* Timers armed by these callbacks wait for the next round, so one that
	 * re-arms itself with no delay cannot spin here. */
	while (t->len && t->heap[0].due_ms <= now_ms && t->heap[0].seq < armed_before) {
		struct timer_entry e = t->heap[0];

		remove_at(t, 0);
		e.fn(e.arg);
		fired++;
	}
	return fired;
}
