/* vnime_bench: what the input method adds to a key typed in a field. An
 * intake's worth of Vietnamese typed key by key into a prompt, in Telex,
 * VNI and VIQR, side by side with the same keys typed without it.
 *
 *   vnime_bench [-r RUNS]
 *
 * Prints, per method, the mean time of a key (median of RUNS runs) and
 * the text it gave, which must be the same for the three methods. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "screens/prompt.h"

/* Name, place of birth, address and a note, as a clerk types them. */
static const struct {
	const char *name;
	struct vnime im;
	const char *keys;
} texts[] = {
	{ "none", { VNIME_OFF, true },
	  "Nguyen Thi Hoa, benh vien Phu san Ha Noi, so 12 pho Hang Bac, phuong Hoan Kiem; "
	  "ho so day du, hen tra ket qua ngay thu nam" },
	{ "telex", { VNIME_TELEX, true },
	  "Nguyeenx Thij Hoaf, beenhj vieenj Phuj sanr Haf Nooij, soos 12 phoos Hangf Bacj, "
	  "phuwowngf Hoanf Kieems; hoof sow ddaayf ddur, henj trar keets quar ngayf thuws nawm" },
	{ "vni", { VNIME_VNI, true },
	  "Nguye64n Thi5 Hoa2, be65nh vie65n Phu5 sa3n Ha2 No65i, so61 12 pho61 Ha2ng Ba5c, "
	  "phu7o72ng Hoa2n Kie61m; ho62 so7 d9a62y d9u3, he5n tra3 ke61t qua3 nga2y thu71 na8m" },
	{ "viqr", { VNIME_VIQR, true },
	  "Nguye^~n Thi. Ho`a, be^.nh vie^.n Phu. sa?n Ha` No^.i, so^' 12 pho^' Ha`ng Ba.c, "
	  "phu+o+`ng Hoa`n Kie^'m; ho^` so+ dda^`y ddu?, he.n tra? ke^'t qua? nga`y thu+' na(m" },
};
#define NTEXTS (sizeof texts / sizeof texts[0])

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	int runs = 201, opt;
	struct prompt p;

	while ((opt = getopt(argc, argv, "r:")) != -1)
		if (opt == 'r' && atoi(optarg) > 0)
			runs = atoi(optarg);
		else
			return fprintf(stderr, "usage: vnime_bench [-r RUNS]\n"), 2;
	printf("== the input method, per key typed into a prompt (median of %d runs)\n", runs);
	for (size_t t = 0; t < NTEXTS; t++) {
		double *per = calloc((size_t)runs, sizeof *per);
		size_t n = strlen(texts[t].keys);

		for (int r = 0; r < runs; r++) {
			double t0 = now_us();

			prompt_clear(&p);
			for (size_t k = 0; k < n; k++)
				prompt_type(&p, (km_key)(unsigned char)texts[t].keys[k], &texts[t].im);
			per[r] = (now_us() - t0) / (double)n;
		}
		qsort(per, (size_t)runs, sizeof *per, cmp);
		printf("%-6s %6.2f us/key  %s\n", texts[t].name, per[runs / 2], p.text);
		free(per);
	}
	return 0;
}
