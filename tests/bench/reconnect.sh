#!/bin/bash
# reconnect.sh: how soon the client is back online once its server returns.
# Prints figures, never pass or fail.
#
#   tests/bench/reconnect.sh BUILDDIR [BASELINE_BUILDDIR]
#
# The real client runs in tmux against a sandbox on loopback; the sandbox is
# stopped, a Ctrl-R finds it gone, and it stays away for RECONNECT_DOWN
# seconds (default 60: long enough for a growing backoff to have grown),
# then starts again on the same port. Measured:
# seconds from the restart until the status bar says "online", with no key
# pressed; and with one key (j) pressed at the restart. With a second build
# directory (an older motcua, say) its figures are printed beside.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
down=${RECONNECT_DOWN:-60}
runs=${RECONNECT_RUNS:-3}
clock='2025-10-15 10:00'
sock=motcua-reconnect-$$
dir=$(mktemp -d)
sbx_pid=
trap 'tmux -L "$sock" kill-server 2>/dev/null; [ -n "$sbx_pid" ] && kill "$sbx_pid" 2>/dev/null; rm -rf "$dir"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
now_ms() { date +%s%3N; }

sbx_start() {	# sbx_start SANDBOX LISTEN: sets url
	"$1" --listen "$2" --db "$dir/db" --clock "$clock" --freeze-clock >"$dir/out" 2>>"$dir/log" &
	sbx_pid=$!
	for _ in $(seq 400); do
		url=$(sed -n 's/^listening on //p' "$dir/out")
		[ -n "$url" ] && return 0
		sleep 0.05
	done
	echo "the sandbox did not start" >&2
	exit 1
}

shows() { tmux -L "$sock" capture-pane -p -t b | grep -qF -- "$1"; }
wait_for() {	# wait_for TEXT SECONDS
	local end=$(($(now_ms) + $2 * 1000))
	while [ "$(now_ms)" -lt "$end" ]; do
		shows "$1" && return 0
		sleep 0.1
	done
	return 1
}

# one_run BUILD KEY: prints seconds from restart to "online"
one_run() {
	local build=$1 key=$2 t0
	rm -rf "$dir/db" "$dir/xdg"
	sbx_start "$build/motcua-sandbox" 127.0.0.1:0
	tmux -L "$sock" -f /dev/null new-session -d -s b -x 100 -y 30 \
		"XDG_DATA_HOME=$dir/xdg MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$clock' \
		 MOTCUA_PROFILE_DIR=$src/client/api/profiles MOTCUA_CALENDAR_DIR=$src/client/core/calendar \
		 $build/motcua -p sandbox-reference -s $url -u tiepnhan1"
	wait_for "data now" 60 || { echo "never synced" >&2; return 1; }
	kill "$sbx_pid"; wait "$sbx_pid" 2>/dev/null
	# a refresh finds it gone at once (an idle client would only at its
	# next poll); the down time counts from there
	tmux -L "$sock" send-keys -t b C-r
	wait_for "SERVER DOWN" 60 || { echo "never offline" >&2; return 1; }
	sleep "$down"
	sbx_start "$build/motcua-sandbox" "${url#http://}"
	t0=$(now_ms)
	[ "$key" = yes ] && tmux -L "$sock" send-keys -t b j
	if wait_for "online" 600; then
		echo "$(( $(now_ms) - t0 ))" | awk '{ printf "%.1f\n", $1 / 1000 }'
	else
		echo ">600"
	fi
	tmux -L "$sock" kill-server 2>/dev/null
	kill "$sbx_pid"; wait "$sbx_pid" 2>/dev/null
	sbx_pid=
}

echo "== back online after the server returns (down ${down} s; median of $runs runs, s)"
for build in "$@"; do
	build=$(cd "$build" && pwd)
	for key in no yes; do
		vals=$(for _ in $(seq "$runs"); do one_run "$build" "$key"; done)
		printf '%-40s key at restart: %-3s median %6s s   (runs: %s)\n' "$build" "$key" \
			"$(echo "$vals" | median)" "$(echo $vals)"
	done
done
