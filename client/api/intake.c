#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "intake.h"

/* The outbox keeps an intake as this JSON until it is delivered, possibly
 * across restarts and upgrades: member names are the model's and never
 * change meaning; a member this version does not know is ignored. */

void intake_free(struct intake *in)
{
	char **strs[] = { &in->procedure_code, &in->applicant_name, &in->applicant_id,
			  &in->applicant_phone, &in->applicant_email, &in->applicant_address,
			  &in->proxy_name, &in->proxy_id, &in->note, &in->lookup_purpose };

	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		free(*strs[i]);
	record_free(&in->form);
	record_free(&in->national);
	record_free(&in->corrected);
	free(in->components);
	memset(in, 0, sizeof *in);
}

static void add_str(cJSON *o, const char *k, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, k, v);
}

static cJSON *record_json(const struct record *r)
{
	cJSON *o = cJSON_CreateObject();

	for (int i = 0; i < r->n; i++)
		cJSON_AddStringToObject(o, r->kv[i].key, r->kv[i].value);
	return o;
}

cJSON *intake_to_json(const struct intake *in)
{
	cJSON *o = cJSON_CreateObject(), *a, *arr;

	add_str(o, "procedure_code", in->procedure_code);
	cJSON_AddNumberToObject(o, "channel", in->channel);
	a = cJSON_AddObjectToObject(o, "applicant");
	add_str(a, "name", in->applicant_name);
	add_str(a, "id_number", in->applicant_id);
	add_str(a, "phone", in->applicant_phone);
	add_str(a, "email", in->applicant_email);
	add_str(a, "address", in->applicant_address);
	if (in->proxy_name || in->proxy_id) {
		a = cJSON_AddObjectToObject(o, "proxy");
		add_str(a, "name", in->proxy_name);
		add_str(a, "id_number", in->proxy_id);
	}
	cJSON_AddItemToObject(o, "form", record_json(&in->form));
	cJSON_AddItemToObject(o, "national", record_json(&in->national));
	cJSON_AddItemToObject(o, "corrected", record_json(&in->corrected));
	arr = cJSON_AddArrayToObject(o, "components");
	for (int i = 0; i < in->ncomponents; i++) {
		cJSON *c = cJSON_CreateObject();

		cJSON_AddNumberToObject(c, "seq", in->components[i].seq);
		cJSON_AddBoolToObject(c, "provided", in->components[i].provided);
		cJSON_AddBoolToObject(c, "from_national", in->components[i].from_national);
		cJSON_AddItemToArray(arr, c);
	}
	cJSON_AddNumberToObject(o, "copies", in->copies);
	add_str(o, "note", in->note);
	add_str(o, "lookup_purpose", in->lookup_purpose);
	return o;
}

/* ---- reading back ---- */

static int get_str(const cJSON *o, const char *k, const char *where, bool required, char **out,
		   struct err *e)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	if (!v || cJSON_IsNull(v)) {
		if (required)
			return err_set(e, _("intake: %s%s is missing"), where, k);
		return 0;
	}
	if (!cJSON_IsString(v))
		return err_set(e, _("intake: %s%s is not text"), where, k);
	*out = xstrdup(v->valuestring);
	return 0;
}

static int get_record(const cJSON *o, const char *k, struct record *r, struct err *e)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k), *it;

	if (!v || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsObject(v))
		return err_set(e, _("intake: %s is not an object of field values"), k);
	cJSON_ArrayForEach(it, v) {
		if (!cJSON_IsString(it))
			return err_set(e, _("intake: %s.%s is not text"), k, it->string);
		record_set(r, it->string, it->valuestring);
	}
	return 0;
}

static int get_int(const cJSON *o, const char *k, int lo, int hi, int def, int *out, struct err *e)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	if (!v) {
		*out = def;
		return 0;
	}
	if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble > hi)
		return err_set(e, _("intake: %s is not a number from %d to %d"), k, lo, hi);
	*out = v->valueint;
	return 0;
}

static int get_components(const cJSON *o, struct intake *in, struct err *e)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "components"), *it;
	int i = 0;

	if (!v || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsArray(v))
		return err_set(e, "%s", _("intake: components is not a list"));
	in->components = xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *in->components);
	cJSON_ArrayForEach(it, v) {
		const cJSON *seq = cJSON_GetObjectItemCaseSensitive(it, "seq");
		const cJSON *prov = cJSON_GetObjectItemCaseSensitive(it, "provided");
		const cJSON *nat = cJSON_GetObjectItemCaseSensitive(it, "from_national");

		if (!cJSON_IsNumber(seq) || (prov && !cJSON_IsBool(prov)) || (nat && !cJSON_IsBool(nat)))
			return err_set(e, _("intake: components[%d] is not {seq, provided, from_national}"), i);
		in->components[i].seq = seq->valueint;
		in->components[i].provided = cJSON_IsTrue(prov);
		in->components[i].from_national = cJSON_IsTrue(nat);
		in->ncomponents = ++i;
	}
	return 0;
}

int intake_from_json(const cJSON *o, struct intake *in, struct err *e)
{
	const cJSON *a, *p;
	int ch = CH_DIRECT;

	memset(in, 0, sizeof *in);
	if (!cJSON_IsObject(o))
		return err_set(e, "%s", _("intake: not a JSON object"));
	a = cJSON_GetObjectItemCaseSensitive(o, "applicant");
	p = cJSON_GetObjectItemCaseSensitive(o, "proxy");
	if (!cJSON_IsObject(a)) {
		err_set(e, "%s", _("intake: applicant is missing"));
		goto fail;
	}
	if (get_str(o, "procedure_code", "", true, &in->procedure_code, e) < 0 ||
	    get_int(o, "channel", CH_DIRECT, CH_POSTAL, CH_DIRECT, &ch, e) < 0 ||
	    get_str(a, "name", "applicant.", true, &in->applicant_name, e) < 0 ||
	    get_str(a, "id_number", "applicant.", false, &in->applicant_id, e) < 0 ||
	    get_str(a, "phone", "applicant.", false, &in->applicant_phone, e) < 0 ||
	    get_str(a, "email", "applicant.", false, &in->applicant_email, e) < 0 ||
	    get_str(a, "address", "applicant.", false, &in->applicant_address, e) < 0 ||
	    (cJSON_IsObject(p) && (get_str(p, "name", "proxy.", false, &in->proxy_name, e) < 0 ||
				   get_str(p, "id_number", "proxy.", false, &in->proxy_id, e) < 0)) ||
	    get_record(o, "form", &in->form, e) < 0 || get_record(o, "national", &in->national, e) < 0 ||
	    get_record(o, "corrected", &in->corrected, e) < 0 || get_components(o, in, e) < 0 ||
	    get_int(o, "copies", 1, 50, 1, &in->copies, e) < 0 ||
	    get_str(o, "note", "", false, &in->note, e) < 0 ||
	    get_str(o, "lookup_purpose", "", false, &in->lookup_purpose, e) < 0)
		goto fail;
	in->channel = (enum channel)ch;
	return 0;
fail:
	intake_free(in);
	return -1;
}
