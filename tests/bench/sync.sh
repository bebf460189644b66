#!/bin/sh
# sync.sh: a first full sync of a big store on loopback, the real client
# against the sandbox, in both dialects; prints figures, never pass or fail.
#
#   tests/bench/sync.sh BUILDDIR [BASELINE_BUILDDIR]
#
# One database of SYNC_DOSSIERS (default 100000) seeded dossiers, all moved
# into tiepnhan1's agency, so the clerk's first sync brings every one. Each
# run starts a sandbox on a copy of it and times `motcua sync` into an empty
# store: wall time, and the CPU seconds of the client and of the server. A
# BASELINE_BUILDDIR's motcua-sandbox (a build of an earlier commit) runs in
# the same way beside it, with the same client. Needs sqlite3 and GNU time.
# SYNC_DIALECTS (default "reference portal") picks the dialects; SYNC_DB
# names a database made by an earlier run to use instead of seeding one.
set -u
build=${1:?usage: sync.sh BUILDDIR [BASELINE_BUILDDIR]}
base=${2:-}
n=${SYNC_DOSSIERS:-100000}
src=$(cd "$(dirname "$0")/../.." && pwd)
for t in sqlite3 /usr/bin/time; do
	command -v $t >/dev/null || { echo "sync bench: needs $t"; exit 0; }
done
dir=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
export MOTCUA_PROFILE_DIR="$src/client/api/profiles" MOTCUA_CALENDAR_DIR="$src/client/core/calendar"
export MOTCUA_PASSWORD=motcua-demo

# start SANDBOX DB [OPTION]...: sets pid and url
start() {
	sbx=$1 db=$2
	shift 2
	"$sbx" --listen 127.0.0.1:0 --db "$db" --clock '2025-10-15 10:00' --freeze-clock \
		--calendar-dir "$MOTCUA_CALENDAR_DIR" "$@" >"$dir/out" 2>"$dir/log" &
	pid=$!
	url=
	for _ in $(seq 3000); do
		url=$(sed -n 's/^listening on //p' "$dir/out")
		[ -n "$url" ] && return 0
		sleep 0.1
	done
	echo "sync bench: the sandbox did not start"; cat "$dir/log"; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null; pid=; }

if [ -n "${SYNC_DB:-}" ]; then
	cp "$SYNC_DB" "$dir/seed.db"
	n=$(sqlite3 "$dir/seed.db" "SELECT count(*) FROM dossiers")
else
	start "$build/motcua-sandbox" "$dir/seed.db" --dossiers "$n" --citizens 10000
	stop
	sqlite3 "$dir/seed.db" "PRAGMA wal_checkpoint(TRUNCATE);
		UPDATE dossiers SET agency_id = (SELECT agency_id FROM users WHERE login = 'tiepnhan1');"
fi

# one LABEL SANDBOX DIALECT PROFILE
one() {
	cp "$dir/seed.db" "$dir/run.db"
	start "$2" "$dir/run.db" --dialect "$3"
	rm -rf "$dir/xdg"
	line=$(XDG_DATA_HOME="$dir/xdg" /usr/bin/time -f 'client %U+%S' \
		"$build/motcua" -p "$4" -s "$url" -u tiepnhan1 sync 2>"$dir/time" | grep '^synced')
	server=$(ps -o cputime= -p "$pid")
	stop
	printf '%-34s %s; %s, server CPU %s\n' "$1" "$(echo "$line" | sed 's/.*, //')" \
		"$(tail -n 1 "$dir/time")" "$server"
}

echo "== first full sync of $n dossiers into an empty store, loopback (client's wall time; CPU s)"
for d in ${SYNC_DIALECTS:-reference portal}; do
	one "motcua-sandbox, $d" "$build/motcua-sandbox" "$d" "sandbox-$d"
	[ -z "$base" ] || one "baseline: $(basename "$base"), $d" "$base/motcua-sandbox" "$d" "sandbox-$d"
done
