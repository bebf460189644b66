#!/bin/bash
# inbox_filter.sh: the inbox filter key by key through the screen over
# stores of growing size (issue 19), this build and, when given, an
# earlier one side by side in the same run; prints figures, never pass or
# fail.
#
#   tests/bench/inbox_filter.sh BUILDDIR [BASELINE_BUILDDIR]
#
# The stores are inbox.sh's (INBOX_BENCH_DIR, default
# /tmp/motcua-inbox-bench; made by inbox_bench when missing), sizes
# INBOX_SIZES (default 1k 10k 100k 1M), the text FILTER_TEXT (default
# "nguyen van"). The baseline's
# inbox_filter_bench is built from this tree's source in its build
# directory when it has none (the bench uses only what both offer).
set -u

build=$(cd "${1:?usage: inbox_filter.sh BUILDDIR [BASELINE_BUILDDIR]}" && pwd) || exit 1
base=${2:+$(cd "$2" && pwd)}
src=$(cd "$(dirname "$0")/../.." && pwd)
sizes=${INBOX_SIZES:-1000 10000 100000 1000000}
dir=${INBOX_BENCH_DIR:-/tmp/motcua-inbox-bench}
text=${FILTER_TEXT:-nguyen van}

[ -x "$build/tests/bench/inbox_filter_bench" ] || { echo "inbox filter bench: not built; skipped"; exit 0; }
if [ -n "$base" ] && [ ! -x "$base/tests/bench/inbox_filter_bench" ]; then
	# linked as that tree links filter_bench, by a rule of our own
	bsrc=$(sed -n 's/^abs_top_srcdir = //p' "$base/Makefile")
	cp "$src/tests/bench/inbox_filter_bench.c" "$bsrc/tests/bench/" &&
		printf '%s\n' 'tests/bench/inbox_filter_bench: $(tests_bench_filter_bench_LDADD)' \
			'	$(COMPILE) -o $@ $(top_srcdir)/tests/bench/inbox_filter_bench.c $(tests_bench_filter_bench_LDADD) $(LIBS)' \
			>"$base/inbox_filter_bench.mk" &&
		make -C "$base" -s -f Makefile -f inbox_filter_bench.mk tests/bench/inbox_filter_bench >/dev/null ||
		{ echo "inbox filter bench: cannot build it in $base"; base=; }
fi
mkdir -p "$dir" || exit 1
export MOTCUA_CALENDAR_DIR=$src/client/core/calendar LC_ALL=C.UTF-8

echo "== the inbox filter through the screen, \"$text\" typed one key at a time, each counted before the next"
echo "   (ms: the key to its drawing, wall and CPU; the loop's longest round after it; until the count is shown)"
for n in $sizes; do
	db=$dir/$n.db
	if [ ! -s "$db" ]; then
		"$build/tests/bench/inbox_bench" make "$db.tmp" "$n" && mv "$db.tmp" "$db" ||
			{ echo "$n: cannot make the store"; continue; }
	fi
	for b in "$build" ${base:+"$base"}; do
		label=now
		[ "$b" = "$build" ] || label=baseline
		echo "-- $n dossiers, $label ($b)"
		"$b/tests/bench/inbox_filter_bench" "$db" "$text" | sed 's/^key //'
	done
done
