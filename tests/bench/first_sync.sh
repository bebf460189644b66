#!/bin/bash
# first_sync.sh: what a clerk sees first while a first sync runs over the
# commune link; prints figures, never pass or fail.
#
#   tests/bench/first_sync.sh BUILDDIR
#
# Over tests/bench/slowlink.sh (64 kbit/s each way, 600 ms round trip, 2 %
# loss each way; needs root, else skipped), into an empty store, against
# the sandbox's default 5,000 dossiers (tiepnhan1's agency has 2,925):
#   - the real client on an 80x24 pty (ptyrun -w): from exec to the first
#     dossier row, and to the first overdue row ("overdue" in its Left
#     column);
#   - `motcua sync`: from exec to the end of the whole list, with the
#     client's count of bytes.
# Each with the shipped profile (capabilities.open_first: the open
# dossiers first, earliest due first) and with the same profile without
# that key (the order before it: a screenful of the whole list by due
# date, then the whole list), alternating in the same run, so the two
# columns share the machine's load. FIRST_RUNS (default 3) runs of each;
# FIRST_DIALECTS (default "reference portal").
set -u

build=$(cd "${1:?usage: first_sync.sh BUILDDIR}" && pwd) || exit 1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
runs=${FIRST_RUNS:-3}
clock='2025-10-15 10:00'
motcua=$build/motcua sandbox=$build/motcua-sandbox ptyrun=$build/tests/bench/ptyrun
export SLOWLINK=$build/tests/bench/slowlink
for b in "$motcua" "$sandbox" "$ptyrun" "$SLOWLINK"; do
	[ -x "$b" ] || { echo "first sync bench: $b is not built; skipped"; exit 0; }
done
export MOTCUA_PROFILE_DIR=$src/client/api/profiles MOTCUA_CALENDAR_DIR=$src/client/core/calendar
export MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK=$clock LC_ALL=C.UTF-8
unset MOTCUA_PROFILE MOTCUA_SERVER MOTCUA_USER LANGUAGE NO_COLOR

tmp=$(mktemp -d) || exit 1
seed_pid=''
trap '[ -z "$seed_pid" ] || kill "$seed_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
PORT=8470

# seed DB: a new database of the default training data
seed() {
	"$sandbox" --listen 127.0.0.1:0 --db "$1" --calendar-dir "$MOTCUA_CALENDAR_DIR" \
		--clock "$clock" --freeze-clock >"$tmp/seed.out" 2>"$tmp/seed.log" &
	seed_pid=$!
	for _ in $(seq 1200); do
		grep -q '^listening on ' "$tmp/seed.out" && break
		sleep 0.1
	done
	kill "$seed_pid"
	wait "$seed_pid" 2>/dev/null
	seed_pid=''
}

# slow DB DIALECT CMD...: CMD on the client's end of the link, the sandbox
# on the other
slow() {
	local db=$1 d=$2
	shift 2
	"$here/slowlink.sh" --port "$PORT" \
		--server "exec '$sandbox' --listen 10.77.0.2:$PORT --db '$db' --dialect $d --calendar-dir '$MOTCUA_CALENDAR_DIR' --clock '$clock' --freeze-clock" \
		-- "$@" 2>"$tmp/slow.err"
}

# pty_ms DB DIALECT PROFILE TEXT: ms from exec until TEXT is drawn, cold
pty_ms() {
	local out rc
	rm -rf "$tmp/xdg"
	out=$(slow "$1" "$2" env XDG_DATA_HOME="$tmp/xdg" "$ptyrun" -s 80x24 -t xterm-256color -S 300 -w "$4" -- \
		"$motcua" --profile "$3" --server "http://10.77.0.2:$PORT" --user tiepnhan1)
	rc=$?
	[ $rc = 77 ] && return 77
	[ $rc = 0 ] && echo "$out" | sed -n 's/^first-screen ms=\([0-9.]*\).*/\1/p'
}

# sync_ms DB DIALECT PROFILE: "ms bytes" of a first `motcua sync`, cold
sync_ms() {
	local out
	rm -rf "$tmp/xdg"
	out=$(slow "$1" "$2" sh -c 's=$(date +%s%N); "$@" | sed -n "s/.*; \([0-9]*\) bytes in.*/\1/p"; echo "wall-ms $((($(date +%s%N) - s) / 1000000))"' sync \
		env XDG_DATA_HOME="$tmp/xdg" "$motcua" --profile "$3" --server "http://10.77.0.2:$PORT" --user tiepnhan1 sync)
	echo "$(echo "$out" | sed -n 's/^wall-ms //p') $(echo "$out" | head -n 1)"
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%.0f", a[int((NR + 1) / 2)]; else printf "-" }'; }

rows=$tmp/rows
: >"$rows"
for d in ${FIRST_DIALECTS:-reference portal}; do
	prof=sandbox-$d
	# the order before open_first: the same profile with the key off
	sed 's/"open_first": *[^ ,}]*/"open_first": false/' "$MOTCUA_PROFILE_DIR/$prof.json" >"$tmp/$prof-before.json"
	grep -q '"open_first": false' "$tmp/$prof-before.json" ||
		{ echo "first sync bench: $prof has no open_first to turn off"; exit 1; }
	echo "first sync bench: $d dialect, $runs runs of each..." >&2
	seed "$tmp/$d.db"
	for v in new old; do
		: >"$tmp/$v.row"
		: >"$tmp/$v.over"
		: >"$tmp/$v.sync"
	done
	for i in $(seq "$runs"); do
		for v in new old; do
			p=$prof
			[ $v = old ] && p=$tmp/$prof-before.json
			ms=$(pty_ms "$tmp/$d.db" "$d" "$p" '…H26-')
			[ $? = 77 ] && { echo "first sync bench: $(sed -n 's/^slowlink.sh: //p' "$tmp/slow.err" | head -n 1)"; exit 0; }
			echo "${ms:-}" >>"$tmp/$v.row"
			echo "$(pty_ms "$tmp/$d.db" "$d" "$p" 'overdue')" >>"$tmp/$v.over"
			sync_ms "$tmp/$d.db" "$d" "$p" >>"$tmp/$v.sync"
		done
	done
	for v in new old; do
		label="open work first (open_first)"
		[ $v = old ] && label="before: the whole list by due date"
		printf '%s|%s|%s|%s|%s|%s\n' "$d" "$label" "$(grep . "$tmp/$v.row" | median)" \
			"$(grep . "$tmp/$v.over" | median)" "$(cut -d' ' -f1 "$tmp/$v.sync" | grep . | median)" \
			"$(cut -s -d' ' -f2 "$tmp/$v.sync" | grep . | median)" >>"$rows"
	done
done

echo "== first sync over the commune link (64 kbit/s, 600 ms RTT, 2 % loss), empty store, 80x24; median of $runs runs, ms from exec"
printf '%-10s %-38s %10s %14s %12s %12s\n' dialect order "first row" "first overdue" "sync ends" "sync bytes"
while IFS='|' read -r d label row over end bytes; do
	printf '%-10s %-38s %10s %14s %12s %12s\n' "$d" "$label" "$row" "$over" "$end" "$bytes"
done <"$rows"
