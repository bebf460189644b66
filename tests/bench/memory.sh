#!/bin/bash
# memory.sh: what one client keeps in memory as the store grows (issue 19),
# beside a baseline build in the same run; prints figures, never pass or
# fail.
#
#   tests/bench/memory.sh BUILDDIR [BASELINE_BUILDDIR]
#
# For each size (MEMORY_SIZES, default 1k 10k 100k 1M dossiers; the
# stores inbox_bench makes, shared with inbox.sh in INBOX_BENCH_DIR), the
# real client offline (its server's port closed) on an 80x24
# pseudo-terminal:
#  - peak RSS from exec to its first dossier row and the end (ptyrun -w,
#    /usr/bin/time: it counts the exit, OpenSSL's clean-up included);
#  - the same with the first filter keys typed ("/ngu": the filter found
#    through the trigram index, and its count per status);
#  - once drawn, from /proc: resident (Rss), the high-water mark (VmHWM),
#    and what is the process's own (Private_Dirty: its heap, its stack,
#    the relocated pages of the shared libraries), the heap alone, and
#    the part of Rss that is libcurl's tree (the libraries it brings).
# Medians of MEMORY_RUNS (default 3).
set -u

build=$(cd "${1:?usage: memory.sh BUILDDIR [BASELINE_BUILDDIR]}" && pwd) || exit 1
base=${2:+$(cd "$2" && pwd)}
src=$(cd "$(dirname "$0")/../.." && pwd)
runs=${MEMORY_RUNS:-3}
sizes=${MEMORY_SIZES:-1000 10000 100000 1000000}
dir=${INBOX_BENCH_DIR:-/tmp/motcua-inbox-bench}
bench=$build/tests/bench/inbox_bench
ptyrun=$build/tests/bench/ptyrun

for b in "$bench" "$ptyrun" "$build/motcua"; do
	[ -x "$b" ] || { echo "memory bench: $b is not built; skipped"; exit 0; }
done
command -v tmux >/dev/null || { echo "memory bench: needs tmux"; exit 0; }
mkdir -p "$dir" || exit 1
tmp=$(mktemp -d)
sock="motcua-memory-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

export MOTCUA_PROFILE_DIR=$src/client/api/profiles MOTCUA_CALENDAR_DIR=$src/client/core/calendar
export MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='2025-10-15 10:00' LC_ALL=C.UTF-8
unset MOTCUA_PROFILE MOTCUA_SERVER MOTCUA_USER LANGUAGE NO_COLOR
opts="--profile sandbox-reference --server http://127.0.0.1:9 --user tiepnhan1"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%.1f", a[int((NR + 1) / 2)] / 1024; else print "-" }'; }

# peak XDG MOTCUA [KEY...]: peak KB of the client, exec to the first row,
# the keys, and its end
peak() {
	local xdg=$1 motcua=$2 keys=()
	shift 2
	for k in "$@"; do keys+=(-k "$k"); done
	XDG_DATA_HOME=$xdg /usr/bin/time -f '%M' -o "$tmp/time" "$ptyrun" -s 80x24 -t xterm-256color \
		-S 300 -w '…H26-' "${keys[@]}" -- $motcua $opts >/dev/null 2>&1 || return
	cat "$tmp/time"
}

# resident XDG MOTCUA: "rss hwm private heap curl" KB once the first row
# is drawn and the client has settled
resident() {
	local xdg=$1 motcua=$2 pid
	tm kill-server 2>/dev/null
	tm new-session -d -x 80 -y 24 "exec env TERM=xterm-256color XDG_DATA_HOME=$xdg $motcua $opts"
	for _ in $(seq 300); do
		tm capture-pane -p | grep -qF '…H26-' && break
		sleep 0.05
	done
	sleep 1
	pid=$(tm display -p '#{pane_pid}')
	awk -v tree="$tree" '
		BEGIN { nt = split(tree, t, " ") }
		/^[0-9a-f]+-[0-9a-f]+ / {
			name = $6; n = split(name, p, "/"); ours = 0
			for (i = 1; i <= nt; i++)
				if (index(p[n], t[i]) == 1)	# libgnutls.so.30.34.3 is libgnutls.so.30
					ours = 1
		}
		/^Rss:/ { if (ours) curl += $2; if (name == "[heap]") heap += $2 }
		/^Private_Dirty:/ { priv += $2 }
		END { printf "%d %d %d\n", priv, heap, curl }' "/proc/$pid/smaps" >"$tmp/sm"
	echo "$(awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { print r, h }' "/proc/$pid/status") $(cat "$tmp/sm")"
	tm kill-server 2>/dev/null
}

# libcurl's tree: libcurl and the libraries the client has only through
# it (ldd lists a whole closure; the client's own needs are the closures
# of its other direct libraries)
libs() { ldd "$1" 2>/dev/null | awk '$3 ~ /^\// { print $3 }'; }
path_of() { ldd "$build/motcua" | awk -v l="$1" '$1 == l { print $3 }'; }
own=$(for l in $(readelf -d "$build/motcua" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | grep -v '^libcurl\.'); do
	p=$(path_of "$l"); echo "$p"; libs "$p"; done | sed 's|.*/||' | sort -u)
tree=$(libs "$(path_of libcurl.so.4)" | sed 's|.*/||' | sort -u | grep -vxF "$own" | tr '\n' ' ')
tree="libcurl.so.4 $tree"

echo "== one client's memory by store size, offline, 80x24 (MB; median of $runs)"
printf '%-9s %-9s | %-6s %-9s | %-6s %-6s %-7s %-6s %-10s\n' dossiers build peak "with /ngu" rss hwm private heap "curl tree"
for n in $sizes; do
	db=$dir/$n.db
	if [ ! -s "$db" ]; then
		"$bench" make "$db.tmp" "$n" && mv "$db.tmp" "$db" || { echo "$n: cannot make the store"; continue; }
	fi
	for b in "$build" ${base:+"$base"}; do
		# each build its own copy: a newer schema may upgrade it
		xdg=$tmp/xdg-$n
		mkdir -p "$xdg/motcua/127.0.0.1_9"
		cp "$db" "$xdg/motcua/127.0.0.1_9/tiepnhan1.db"
		: >"$tmp/p"; : >"$tmp/f"; : >"$tmp/r"
		for _ in $(seq "$runs"); do
			peak "$xdg" "$b/motcua" >>"$tmp/p"
			peak "$xdg" "$b/motcua" / n g u >>"$tmp/f"
			resident "$xdg" "$b/motcua" >>"$tmp/r"
		done
		rm -rf "$xdg"
		printf '%-9s %-9s | %-6s %-9s | %-6s %-6s %-7s %-6s %-10s\n' "$n" \
			"$([ "$b" = "$build" ] && echo this || echo baseline)" \
			"$(median <"$tmp/p")" "$(median <"$tmp/f")" \
			"$(cut -d' ' -f1 "$tmp/r" | median)" "$(cut -d' ' -f2 "$tmp/r" | median)" \
			"$(cut -d' ' -f3 "$tmp/r" | median)" "$(cut -d' ' -f4 "$tmp/r" | median)" \
			"$(cut -d' ' -f5 "$tmp/r" | median)"
	done
done
