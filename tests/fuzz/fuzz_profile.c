/* Fuzz target: any bytes as an API profile. Loading must either succeed or
 * fail with a message naming the file; never crash or leak. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "api/profile.h"
#include "core/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	struct err e = { "" };
	struct profile *p = profile_parse(text, "fuzz.json", &e);

	if (!p && strncmp(e.msg, "fuzz.json", 9))
		__builtin_trap();	/* an error must say which file */
	profile_free(p);
	free(text);
	return 0;
}
