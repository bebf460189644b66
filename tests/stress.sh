#!/bin/sh
# Run the whole suite again and again beside a CPU hog, to find the tests
# that pass only when the machine is idle. Not part of make check or CI.
#
# Usage: tests/stress.sh [-n ROUNDS] [-j JOBS] [BUILDDIR...]
#   ROUNDS  rounds of `make check` in each build (default 5)
#   JOBS    make -j for each round (default 2)
#   BUILDDIR  configured builds (default _build/werror _build/asan)
#   TESTS=... in the environment: only those (as for make check)
# After each round it names the failed tests and keeps a copy of their logs
# in BUILDDIR/stress-results/ROUND/; at the end, one line per build,
# "stress: N rounds, M failed tests (BUILDDIR)", and the failures (also in
# BUILDDIR/stress-results/failures).
set -u

rounds=5 jobs=2
while getopts n:j: opt; do
	case $opt in
	n) rounds=$OPTARG ;;
	j) jobs=$OPTARG ;;
	*) sed -n '5,9s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- _build/werror _build/asan
for b in "$@"; do
	[ -f "$b/Makefile" ] || { echo "stress: $b is not a configured build" >&2; exit 2; }
done

# the hog: a busy loop per core, stopped however the script ends
hogs=
stop_hogs() { [ -z "$hogs" ] || kill $hogs 2>/dev/null; hogs=; }
trap stop_hogs EXIT
trap 'exit 130' INT TERM HUP
for _ in $(seq "$(nproc 2>/dev/null || echo 2)"); do
	yes >/dev/null &
	hogs="$hogs $!"
done
echo "stress: $rounds rounds of make -j$jobs check in $*, beside $(echo $hogs | wc -w) busy loops"

for b in "$@"; do
	rm -rf "$b/stress-results"
	mkdir -p "$b/stress-results"
	: >"$b/stress-results/failures"
done
for r in $(seq "$rounds"); do
	for b in "$@"; do
		out=$b/stress-results/$r
		mkdir -p "$out"
		start=$(date +%s)
		find "$b/tests" -name '*.trs' -exec rm -f {} +	# no result of an earlier run
		make -s -C "$b" -j"$jobs" check ${TESTS:+TESTS="$TESTS"} >"$out/make.log" 2>&1
		rc=$?
		failed=$(find "$b/tests" -name '*.trs' -exec grep -lE '^:test-result: (FAIL|ERROR|XPASS)' {} + | sort)
		echo "round $r $b: $(echo $failed | wc -w) failed ($(($(date +%s) - start)) s)"
		for trs in $failed; do
			name=${trs#"$b"/}
			name=${name%.trs}
			mkdir -p "$out/$(dirname "$name")"
			cp "$b/$name.log" "$out/$name.log"
			echo "  $name: $out/$name.log"
			echo "round $r: $name ($out/$name.log)" >>"$b/stress-results/failures"
		done
		if [ "$rc" != 0 ] && [ -z "$failed" ]; then
			echo "  make check failed with no failed test: $out/make.log"
			echo "round $r: make check ($out/make.log)" >>"$b/stress-results/failures"
		fi
	done
done
stop_hogs

status=0
for b in "$@"; do
	n=$(wc -l <"$b/stress-results/failures")
	echo "stress: $rounds rounds, $n failed tests ($b)"
	sed 's/^/  /' "$b/stress-results/failures"
	[ "$n" = 0 ] || status=1
done
exit $status
