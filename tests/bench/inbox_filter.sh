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
	bsrc=$(sed -n 's/^abs_top_srcdir = //p' "$base/Makefile")
	cp "$src/tests/bench/inbox_filter_bench.c" "$bsrc/tests/bench/" &&
		make -C "$base" -s tests/bench/inbox_bench >/dev/null &&
		(cd "$base" && gcc -I. -I"$bsrc" -I"$bsrc/client" $(pkg-config --cflags ncursesw) \
			-o tests/bench/inbox_filter_bench "$bsrc/tests/bench/inbox_filter_bench.c" \
			$(sed -n 's/^UI_LIBS = //p' Makefile | tr ' ' '\n' | grep '\.a$' | tr '\n' ' ') \
			$(sed -n 's/^LIBS = //p' Makefile) $(pkg-config --libs ncursesw)) ||
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
