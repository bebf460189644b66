/* Fuzz target: any line of a config, key, theme or macro file. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "app/cmd_lex.h"
#include "core/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = xstrndup((const char *)data, size);
	struct cmd_words w = { 0 };
	struct err e;

	if (cmd_split(line, &w, &e) == 0) {
		for (size_t i = 0; i < w.n; i++)
			if (strlen(w.v[i]) > size)
				__builtin_trap();	/* a word longer than its line */
	} else if (!e.msg[0] || w.n) {
		__builtin_trap();	/* a failure must explain itself and leave no words */
	}
	cmd_words_free(&w);
	free(line);
	return 0;
}
