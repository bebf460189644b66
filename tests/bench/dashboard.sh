#!/bin/sh
# The dashboard over 100,000 dossiers in the store (goal: the first draw
# within 50 ms), side by side with the sqlite3 shell running the same
# aggregate over the same store: received by channel, resolved early / on
# time / late and the open ones, for this month, one row per day.
# Usage: tests/bench/dashboard.sh BUILDDIR
build=${1:?usage: tests/bench/dashboard.sh BUILDDIR}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/bench.db

echo "== the dashboard over ${BENCH_DOSSIERS:-100000} dossiers in the store"
"$build/tests/bench/dashboard_bench" "$db" -n "${BENCH_DOSSIERS:-100000}" -r "${BENCH_RUNS:-5}" || exit 1
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "baseline: sqlite3 not found (the Debian package sqlite3)"
	exit 0
fi
# this month in Vietnam's time, as Unix seconds
from=$(TZ=Asia/Ho_Chi_Minh date -d "$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-01)" +%s)
to=$(TZ=Asia/Ho_Chi_Minh date -d "$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-01) +1 month" +%s)
day="date(%s + 25200, 'unixepoch')"
# what store_stats.c reads: the period's dossiers by three index ranges,
# and the open ones counted by band (their bounds as at noon today)
now=$(date +%s)
sql="SELECT $(printf "$day" received_at) AS day,
	sum(received_at >= $from AND received_at < $to),
	sum(received_at >= $from AND received_at < $to AND channel = 2),
	sum(status IN (9, 10) AND finished_at >= $from AND finished_at < $to),
	sum(status IN (9, 10) AND finished_at >= $from AND finished_at < $to
	    AND $(printf "$day" finished_at) < $(printf "$day" due_at)),
	sum(status IN (9, 10) AND finished_at > due_at)
	FROM dossiers WHERE rowid IN (
	 SELECT rowid FROM dossiers WHERE received_at >= $from AND received_at < $to
	 UNION SELECT rowid FROM dossiers WHERE status IN (9, 10)
	  AND finished_at >= $from AND finished_at < $to
	 UNION SELECT rowid FROM dossiers WHERE status IN (3, 7, 8)
	  AND updated_at >= $from AND updated_at < $to)
	GROUP BY day;
	SELECT count(*) FILTER (WHERE due_at <= $now),
	count(*) FILTER (WHERE due_at > $now AND due_at <= $now + 43200),
	count(*) FILTER (WHERE due_at > $now + 43200 AND due_at <= $now + 86400 AND NOT apology_used),
	count(*) FILTER (WHERE due_at > $now + 43200 AND due_at <= $now + 172800
	    AND (apology_used OR due_at > $now + 86400)),
	count(*) FILTER (WHERE due_at > $now + 172800 AND (apology_used OR due_at > $now + 86400))
	FROM dossiers WHERE status IN (2, 4, 6) AND due_at IS NOT NULL;"
# "Run Time: real R user U sys S" of each statement; per run their sums,
# then the median by real time
times=$(for i in $(seq "${BENCH_RUNS:-5}"); do
	printf '.timer on\n%s\n' "$sql" | sqlite3 "$db" |
		sed -n 's/^Run Time: real \([0-9.]*\) user \([0-9.]*\) sys \([0-9.]*\).*/\1 \2 \3/p' |
		awk '{ r += $1; c += $2 + $3 } END { print r, c }'
done | sort -n | awk '{ r[NR] = $1; c[NR] = $2 } END { m = int((NR + 1) / 2); printf "%9.1f %9.1f", r[m] * 1000, c[m] * 1000 }')
printf '%-52s %s\n' "baseline: sqlite3 shell, the same aggregate in SQL" "$times"
