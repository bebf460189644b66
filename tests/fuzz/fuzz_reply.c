/* Fuzz target: any bytes as a server's reply to a dossier list and to a
 * lookup, read through the two test profiles (an enveloped RPC dialect with
 * Vietnamese names and compact dates, a REST one). A reply is used or
 * refused with a message; never a crash. The first byte picks the HTTP
 * status class so error replies are covered too. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "api/adapter.h"
#include "core/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct profile *load(const char *name)
{
	char path[1024];
	const char *dir = getenv("FUZZ_PROFILES");
	struct err e;
	struct profile *p;

	snprintf(path, sizeof path, "%s/%s", dir ? dir : "tests/fixtures/profiles", name);
	p = profile_load(path, &e);
	if (!p) {
		fprintf(stderr, "%s\n", e.msg);
		abort();	/* the fixture itself is broken: not a finding */
	}
	return p;
}

/* Read one object into the record type its mapping says. */
static void read_one(const struct profile *p, const struct mapping *m, const cJSON *obj)
{
	struct err e;

	if (m->target == &target_dossier) {
		struct dossier d;

		if (adapter_read(p, m, obj, &d, &e) == 0)
			dossier_free(&d);
	} else if (m->target == &target_procedure) {
		struct procedure pr;

		if (adapter_read(p, m, obj, &pr, &e) == 0)
			procedure_free(&pr);
	} else {
		struct record rec;

		if (adapter_read(p, m, obj, &rec, &e) == 0)
			record_free(&rec);
	}
}

static void read_all(const struct profile *p, enum op_id id, long status,
		     const char *body, size_t len)
{
	const struct op *op = &p->ops[id];
	struct reply r;
	struct err e = { "" };
	int rc = adapter_open(p, op, status, body, len, &r, &e);

	if (rc < 0 && !e.msg[0])
		__builtin_trap();	/* refused without saying why */
	if (rc == 0 && op->map) {
		if (op->has_items || id == OP_LIST_DOSSIERS) {
			const cJSON *items = adapter_items(op, &r, &e), *it;

			cJSON_ArrayForEach(it, items)
				read_one(p, op->map, it);
		} else {
			const cJSON *item = adapter_item(op, &r, &e);

			if (item)
				read_one(p, op->map, item);
		}
		{
			int next;
			char cur[64];
			struct err pe;

			adapter_next_page(op, &r, 1, op->paging.size, 2, 2, &next, cur, sizeof cur, &pe);
			adapter_cursor(op, &r, cur, sizeof cur);
		}
	}
	reply_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct profile *rpc, *rest;
	static const long statuses[] = { 200, 200, 201, 304, 400, 401, 404, 409, 500, 503 };
	long status;

	if (!rpc) {
		rpc = load("rpc.json");
		rest = load("rest.json");
	}
	if (!size)
		return 0;
	status = statuses[data[0] % 10];
	read_all(rpc, OP_LIST_DOSSIERS, status, (const char *)data + 1, size - 1);
	read_all(rpc, OP_GET_DOSSIER, status, (const char *)data + 1, size - 1);
	read_all(rest, OP_LIST_DOSSIERS, status, (const char *)data + 1, size - 1);
	read_all(rest, OP_LOOKUP_CITIZEN, status, (const char *)data + 1, size - 1);
	return 0;
}
