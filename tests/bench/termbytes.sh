#!/bin/bash
# termbytes.sh: bytes written to the terminal when the selection moves
# down one row, motcua's inbox of 10,000+ dossiers against tig's main view
# over a 10,000-commit repository, in the same run, both at 80x24 with
# TERM=xterm-256color (ptyrun counts every byte the program writes to its
# pseudo-terminal). Prints figures, never pass or fail.
#
#   tests/bench/termbytes.sh BUILDDIR      (tests/bench/run calls it)
#
# Environment: TERMBYTES_MOVES (moves measured, default 40), TERMBYTES_BIG
# (dossiers seeded: default 17300, of which tiepnhan1's agency holds 10,025).
# motcua starts from a synced store with its server stopped, so that only
# the moves draw; the clock is the sandbox's, frozen.
set -u

build=$(cd "${1:?usage: termbytes.sh BUILDDIR}" && pwd) || exit 1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
moves=${TERMBYTES_MOVES:-40}
big=${TERMBYTES_BIG:-17300}
ptyrun=$build/tests/bench/ptyrun
clock='2025-10-15 10:00'

for b in "$build/motcua" "$build/motcua-sandbox" "$ptyrun"; do
	[ -x "$b" ] || { echo "termbytes bench: $b is not built; skipped"; exit 0; }
done
export MOTCUA_PROFILE_DIR=$src/client/api/profiles MOTCUA_CALENDAR_DIR=$src/client/core/calendar
export MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK=$clock LC_ALL=C.UTF-8 MOTCUA_CONFIG=/dev/null
unset LANGUAGE NO_COLOR

tmp=$(mktemp -d) || exit 1
sbx=''
trap '[ -n "$sbx" ] && kill "$sbx" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT

keys=()
for _ in $(seq "$moves"); do keys+=(-k j); done

# measure LABEL TEXT CMD...: the first screen (until TEXT shows, then
# silence) and the bytes of each move
measure() {
	local label=$1 text=$2 out first avg max
	shift 2
	out=$("$ptyrun" -s 80x24 -t xterm-256color -S 300 -w "$text" "${keys[@]}" -q q -- "$@" 2>/dev/null)
	first=$(echo "$out" | sed -n 's/^first-screen .*bytes=\([0-9]*\)/\1/p')
	avg=$(echo "$out" | sed -n 's/^keys avg-bytes=\([0-9.]*\).*/\1/p')
	echo "$out" | sed -n 's/^key [0-9]* bytes=\([0-9]*\)/\1/p' | sort -n >"$tmp/moves"
	med=$(awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }' "$tmp/moves")
	max=$(tail -n 1 "$tmp/moves")
	printf '%-44s %10s %8s %8s %8s\n' "$label" "${first:--}" "${med:--}" "${avg:--}" "${max:--}"
}

# ---- motcua: a store of 10,000+ dossiers, synced once ----
export XDG_DATA_HOME=$tmp/xdg
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18471)
"$build/motcua-sandbox" -l "127.0.0.1:$port" -d "$tmp/big.db" --dossiers "$big" \
	--clock "$clock" --freeze-clock >"$tmp/sbx.log" 2>&1 &
sbx=$!
for _ in $(seq 300); do grep -q listening "$tmp/sbx.log" && break; sleep 0.2; done
synced=$("$build/motcua" --profile sandbox-reference --server "http://127.0.0.1:$port" \
	--user tiepnhan1 sync 2>&1)
kill "$sbx"; wait "$sbx" 2>/dev/null; sbx=''
count=$(echo "$synced" | sed -n 's/.* \([0-9]*\) in the store.*/\1/p')

# ---- tig: a repository of 10,000 commits, made with fast-import ----
have_tig=false
if command -v tig >/dev/null && command -v git >/dev/null; then
	git init -q "$tmp/repo" &&
	awk -v n=10000 'BEGIN {
		for (i = 1; i <= n; i++) {
			msg = sprintf("commit %d: change the inbox row %d", i, i)
			printf "commit refs/heads/main\nmark :%d\n", i
			printf "committer Clerk <clerk@example.invalid> %d +0700\n", 1700000000 + i * 60
			printf "data %d\n%s\n", length(msg), msg
			if (i > 1) printf "from :%d\n", i - 1
			printf "M 644 inline f%d\ndata 2\n%d\n\n", i % 100, i % 10
		}
	}' | git -C "$tmp/repo" fast-import --quiet && git -C "$tmp/repo" checkout -q main && have_tig=true
fi

echo "== bytes to the terminal at 80x24, TERM=xterm-256color; $moves moves down one row (j)"
printf '%-44s %10s %8s %8s %8s\n' program 'first scr.' 'median' 'mean' 'max'
echo "   (per move; a move that met a redraw of its own, a message expiring, shows in the max)"
measure "motcua inbox, ${count:-?} dossiers (server down)" '…H26-' \
	"$build/motcua" --profile sandbox-reference --server "http://127.0.0.1:$port" --user tiepnhan1
if $have_tig; then
	# tig reads the log in the background: its moves are measured once it
	# says it has all 10,000 commits
	(cd "$tmp/repo" && measure "baseline: tig main view, 10,000 commits" 'of 10000' tig)
else
	echo "baseline: tig not installed (apt-get install tig); not measured"
fi
