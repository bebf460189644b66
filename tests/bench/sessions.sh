#!/bin/sh
# sessions.sh: many clerks' sessions on one host (a commune server with thin
# terminals): SESSIONS (default 20) clients started at once, each in its own
# 80x24 terminal (tmux windows) as its own user (its own store), and the
# memory they take together once each has drawn its first screen, first
# with no server and a new store, then from a store synced once (the
# sandbox's default 5,000 dossiers, tiepnhan1's share) with the server
# stopped, as after a restart on a lost link: the sum
# of Pss (proportional set size: shared pages divided among their users,
# read from /proc/PID/smaps_rollup as smem does), with the private part
# (Private_Clean + Private_Dirty) beside it. Side by side in the same run:
# as many tigs on this repository, and a BASELINE_BUILDDIR's motcua (a build
# of an earlier commit) when given. Prints figures, never pass or fail.
#
#   tests/bench/sessions.sh BUILDDIR [BASELINE_BUILDDIR]
set -u
build=${1:?usage: sessions.sh BUILDDIR [BASELINE_BUILDDIR]}
base=${2:-}
n=${SESSIONS:-20}
src=$(cd "$(dirname "$0")/../.." && pwd)
command -v tmux >/dev/null || { echo "sessions bench: needs tmux"; exit 0; }
dir=$(mktemp -d)
sock="motcua-sessions-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$dir"' EXIT

# kb FIELD PID...: the sum of one smaps_rollup field over the processes
kb() {
	f=$1
	shift
	for p in "$@"; do cat "/proc/$p/smaps_rollup"; done | awk -v f="$f:" '$1 == f { s += $2 } END { print s + 0 }'
}

# run LABEL TEXT COMMAND: start n copies, wait until each pane shows TEXT,
# then read their memory
run() {
	label=$1 text=$2 cmd=$3
	tm kill-server 2>/dev/null
	tm new-session -d -s b -x 80 -y 24 "sleep 600"
	for i in $(seq "$n"); do
		mkdir -p "$dir/u$i"
		tm new-window -d -t b: -n "w$i" "exec env TERM=xterm-256color LANG=C.UTF-8 XDG_DATA_HOME=$dir/u$i $cmd"
	done
	for i in $(seq "$n"); do
		for _ in $(seq 600); do
			shown=$(tm capture-pane -p -t "b:w$i") || { echo "sessions bench: $label: window $i is gone"; return; }
			echo "$shown" | grep -qF -- "$text" && break
			sleep 0.05
		done
	done
	pids=
	for i in $(seq "$n"); do
		shell=$(tm display -p -t "b:w$i" '#{pane_pid}')
		pids="$pids $shell"
	done
	pss=$(kb Pss $pids)
	priv=$(( $(kb Private_Clean $pids) + $(kb Private_Dirty $pids) ))
	rss=$(kb Rss $pids)
	awk -v l="$label" -v n="$n" -v pss="$pss" -v priv="$priv" -v rss="$rss" 'BEGIN {
		printf "%-30s %6.1f MB Pss (%4.2f MB each), %6.1f MB private, %6.1f MB Rss\n",
			l, pss / 1024, pss / 1024 / n, priv / 1024, rss / 1024 }'
	tm kill-server 2>/dev/null
}

echo "== $n sessions started at once, 80x24, xterm-256color: memory once each has drawn"
run "motcua (no server, new store)" "Inbox (0)" "$build/motcua"
[ -z "$base" ] || run "baseline: $(basename "$base")/motcua" "Inbox (0)" "$base/motcua"

# one store synced once, a copy for each user; the server then stopped
"$build/motcua-sandbox" --listen 127.0.0.1:0 --db "$dir/sbx.db" --clock '2025-10-15 10:00' \
	--freeze-clock >"$dir/sbx.out" 2>"$dir/sbx.log" &
sbx=$!
for _ in $(seq 600); do grep -q '^listening on' "$dir/sbx.out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$dir/sbx.out")
opts="--profile sandbox-reference --server $url --user tiepnhan1"
env="MOTCUA_PROFILE_DIR=$src/client/api/profiles MOTCUA_CALENDAR_DIR=$src/client/core/calendar"
env="$env MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='2025-10-15 10:00' MOTCUA_CONFIG=/dev/null"
count=$(eval "XDG_DATA_HOME=$dir/store $env" '"$build/motcua"' "$opts" sync 2>&1 |
	sed -n 's/.* \([0-9]*\) in the store.*/\1/p')
# the baseline's own store: its schema may be older
[ -z "$base" ] || eval "XDG_DATA_HOME=$dir/base $env" '"$base/motcua"' "$opts" sync >/dev/null 2>&1
kill "$sbx"
wait "$sbx" 2>/dev/null
# stores (STOREDIR): a copy of STOREDIR's for each user
stores() { for i in $(seq "$n"); do rm -rf "$dir/u$i" && mkdir -p "$dir/u$i" && cp -r "$1/motcua" "$dir/u$i/"; done; }
stores "$dir/store"
run "motcua (${count:-?} dossiers, offline)" "H26-" "$env $build/motcua $opts"
if [ -n "$base" ]; then
	stores "$dir/base"
	run "baseline: $(basename "$base")/motcua" "H26-" "$env $base/motcua $opts"
fi
if command -v tig >/dev/null 2>&1 && git -C "$src" rev-parse >/dev/null 2>&1; then
	run "baseline: tig (this repo)" "[main]" "sh -c 'cd $src && exec tig'"
fi
