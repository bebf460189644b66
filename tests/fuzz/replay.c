/* Runs a fuzz target over its corpus without libFuzzer, so the corpus is a
 * regression test in `make check` with any compiler: every file in the
 * directories named on the command line is one input. With no arguments,
 * replay_NAME reads $FUZZ_CORPUS_ROOT/NAME. */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!f) {
		perror(path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc(n > 0 ? (size_t)n : 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "%s: cannot read\n", path);
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 0;
}

static int run_dir(const char *dir, int *count)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int rc = 0;

	if (!d) {
		perror(dir);
		return -1;
	}
	while ((de = readdir(d))) {
		char path[4096];
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (run_file(path) < 0)
				rc = -1;
			else
				(*count)++;
		}
	}
	closedir(d);
	return rc;
}

int main(int argc, char **argv)
{
	const char *root = getenv("FUZZ_CORPUS_ROOT");
	const char *name = strrchr(argv[0], '/');
	int count = 0, rc = 0;

	name = name ? name + 1 : argv[0];
	if (!strncmp(name, "lt-", 3))
		name += 3;
	if (argc < 2 && (!root || strncmp(name, "replay_", 7))) {
		fprintf(stderr, "usage: %s CORPUS-DIR... (or set FUZZ_CORPUS_ROOT)\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		if (run_dir(argv[i], &count) < 0)
			rc = 1;
	if (argc < 2) {
		char dir[4096];

		snprintf(dir, sizeof dir, "%s/%s", root, name + 7);
		if (run_dir(dir, &count) < 0)
			rc = 1;
	}
	if (!count) {
		fprintf(stderr, "no corpus inputs found\n");
		return 1;
	}
	printf("%d passed, %d failed\n", rc ? 0 : count, rc ? 1 : 0);
	return rc;
}
