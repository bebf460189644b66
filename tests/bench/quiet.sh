#!/bin/sh
# quiet.sh: what a quiet check costs on the wire, for every dialect of the
# sandbox; prints figures, never pass or fail.
#
#   tests/bench/quiet.sh BUILDDIR
#
# For tiepnhan1's share of QUIET_DOSSIERS (default 5000) seeded dossiers,
# through a byte-counting relay (tests/bench/relay.py: HTTP headers and
# bodies, both directions, every request, logins included; needs python3):
#   - a full fetch: `motcua sync` into an empty store, every page (gzip, as
#     motcua asks; tests/bench/offline.sh has the uncompressed curl one);
#   - one-shot quiet sync: `motcua sync` again, nothing changed since (a
#     script's check: a new process, its session kept in the store);
#   - the same with no session kept (its token wiped: a login first);
#   - in-session poll: what the client sends each refresh once logged in
#     (the sync's own requests, as motcua's sync line counts them);
#   - the first poll after a full read: the seed's newest change is at the
#     clock's start, so the first full read came within its minute and
#     keeps no probe; a second store read whole two minutes later does;
#   - the poll that brings a change made elsewhere (not through the relay),
#     and the one after it, in the same minute.
# Goal: a quiet check <= 1 KB (1024 B), both directions together.
set -u
build=$(cd "${1:?usage: quiet.sh BUILDDIR}" && pwd) || exit 1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
n=${QUIET_DOSSIERS:-5000}
command -v python3 >/dev/null || { echo "quiet bench: needs python3; skipped"; exit 0; }
export MOTCUA_PROFILE_DIR=$src/client/api/profiles MOTCUA_CALENDAR_DIR=$src/client/core/calendar
export MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='2025-10-15 10:00' LC_ALL=C.UTF-8
unset MOTCUA_PROFILE MOTCUA_SERVER MOTCUA_USER

tmp=$(mktemp -d) || exit 1
pids=
trap 'for p in $pids; do kill $p 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT

# wait_line FILE SED: the first line of FILE the sed script prints, within 60 s
wait_line() {
	for _ in $(seq 1200); do
		v=$(sed -n "$2" "$1" 2>/dev/null | head -n 1)
		[ -n "$v" ] && { echo "$v"; return 0; }
		sleep 0.05
	done
	return 1
}
# relay_bytes: "down up" once every connection through the relay closed
relay_bytes() {
	for _ in $(seq 200); do
		read -r open down up <"$tmp/relay.state"
		[ "$open" = 0 ] && break
		sleep 0.05
	done
	echo "$down $up"
}
# advance SECONDS: the sandbox's clock
advance() {
	curl -s -X POST "$url/_sandbox/clock" -H 'Content-Type: application/json' \
		-d "{\"advance_seconds\": $1}" >/dev/null
}
# measure LABEL ARGS...: run motcua through the relay; print its bytes
measure() {
	label=$1
	shift
	before=$(relay_bytes)
	"$build/motcua" -s "$relay" -u tiepnhan1 "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	after=$(relay_bytes)
	set -- $before $after
	own=$(sed -n 's/.*; \([0-9]*\) bytes in, \([0-9]*\) out.*/\1 \2/p' "$tmp/out")
	printf '%-9s %-34s %7d %7d %7d   %s (exit %d)\n' "$dialect" "$label" $(($3 - $1)) $(($4 - $2)) \
		$(($3 - $1 + $4 - $2)) "$(sed -n 's/^synced (\([^)]*\)).*/\1/p' "$tmp/out")" "$rc"
	echo "$own" >"$tmp/own"
}

printf '%-9s %-34s %7s %7s %7s   %s\n' dialect check down up total "sync mode"
for dialect in reference portal opencps; do
	profile=sandbox-$dialect
	[ $dialect = opencps ] && profile=opencps
	"$build/motcua-sandbox" --listen 127.0.0.1:0 --db "$tmp/$dialect.db" --dialect $dialect \
		--dossiers "$n" --clock "$MOTCUA_CLOCK" --freeze-clock \
		--calendar-dir "$MOTCUA_CALENDAR_DIR" >"$tmp/sbx.out" 2>"$tmp/sbx.log" &
	pids="$pids $!"
	url=$(wait_line "$tmp/sbx.out" 's/^listening on //p') || { echo "quiet bench: no sandbox"; exit 1; }
	rm -f "$tmp/relay.state" "$tmp/relay.port"
	python3 "$here/relay.py" "$(echo "$url" | sed 's|http://||; s|:.*||')" "${url##*:}" \
		"$tmp/relay.state" >"$tmp/relay.port" &
	pids="$pids $!"
	relay=http://127.0.0.1:$(wait_line "$tmp/relay.port" p) || exit 1
	export XDG_DATA_HOME=$tmp/xdg-$dialect MOTCUA_PROFILE=$profile
	measure "full fetch (sync, empty store)" sync
	# a quiet desk: nothing changed for two minutes, by the server's clock
	# (a probe read within a minute of its dossier's change proves nothing)
	advance 120
	measure "first poll, full read in the minute" sync
	measure "one-shot quiet sync" sync
	read -r in out <"$tmp/own"
	printf '%-9s %-34s %7d %7d %7d\n' "$dialect" "in-session poll (motcua's count)" "$in" "$out" $((in + out))
	export XDG_DATA_HOME=$tmp/late-$dialect
	measure "full fetch, 2 min after the newest" sync
	measure "first poll after it" sync
	# a change made elsewhere, straight to the sandbox
	export XDG_DATA_HOME=$tmp/other-$dialect
	code=$("$build/motcua" -s "$url" -u tiepnhan1 list 2>/dev/null | awk -F'\t' '$6 == 1 { print $1; exit }')
	"$build/motcua" -s "$url" -u tiepnhan1 act "$code" accept >/dev/null 2>&1
	export XDG_DATA_HOME=$tmp/xdg-$dialect
	measure "poll that brings a change" sync
	measure "poll in the minute of a change" sync
	advance 120
	"$build/motcua" -s "$relay" -u tiepnhan1 sync >/dev/null 2>&1
	"$build/motcua" -s "$relay" -u tiepnhan1 logout
	measure "one-shot quiet sync, no session" sync
	for p in $pids; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	pids=
done
