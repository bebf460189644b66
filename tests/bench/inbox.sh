#!/bin/bash
# inbox.sh: what the inbox costs as the store grows (issue 19), side by
# side with tig in the same run; prints figures, never pass or fail.
#
#   tests/bench/inbox.sh BUILDDIR      (tests/bench/run calls it)
#
# For each size (INBOX_SIZES, default 1k 10k 100k 1M dossiers) a store made
# by inbox_bench (kept in INBOX_BENCH_DIR, default /tmp/motcua-inbox-bench,
# for the next run: the 1M one takes minutes to make):
#  - the real client, exec to its first dossier row at 80x24 (ptyrun -w),
#    offline (its server's port is closed), with its peak RSS;
#  - inbox_bench whole: every summary read, sorted, counted (what the
#    client does before its first draw);
#  - inbox_bench demand: the counts, the procedures and the first
#    screenful by the store's queries (store_inbox.h);
#  - inbox_bench filter: "nguyen van" typed one key at a time on demand;
#  - tig on a git repository of as many commits, exec to its first screen,
#    without and with a commit graph (`git commit-graph write`).
# Wall times are medians of INBOX_RUNS (default 5); the CPU times beside
# them are less moved by other work on a shared machine.
set -u

build=$(cd "${1:?usage: inbox.sh BUILDDIR}" && pwd) || exit 1
src=$(cd "$(dirname "$0")/../.." && pwd)
runs=${INBOX_RUNS:-5}
sizes=${INBOX_SIZES:-1000 10000 100000 1000000}
dir=${INBOX_BENCH_DIR:-/tmp/motcua-inbox-bench}
bench=$build/tests/bench/inbox_bench
ptyrun=$build/tests/bench/ptyrun
motcua=$build/motcua

for b in "$bench" "$ptyrun" "$motcua"; do
	[ -x "$b" ] || { echo "inbox bench: $b is not built; skipped"; exit 0; }
done
mkdir -p "$dir" || exit 1

export MOTCUA_PROFILE_DIR=$src/client/api/profiles MOTCUA_CALENDAR_DIR=$src/client/core/calendar
export MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='2025-10-15 10:00' LC_ALL=C.UTF-8
unset MOTCUA_PROFILE MOTCUA_SERVER MOTCUA_USER LANGUAGE NO_COLOR

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'; }
field() { sed -n "s/\\(^\\|.* \\)$1=\\([^ ]*\\).*/\\2/p"; }

# pty_first TEXT CMD...: ms from exec to TEXT on the screen, and peak KB
pty_first() {
	local text=$1 out
	shift
	out=$(/usr/bin/time -f 'peak-kb=%M' -o "$dir/time.out" \
		"$ptyrun" -s 80x24 -t xterm-256color -S 300 -w "$text" -- "$@" 2>/dev/null) || return 1
	echo "$(echo "$out" | field ms) $(field peak-kb <"$dir/time.out")"
}

# A git repository of n commits, one small file changed by each.
make_repo() {
	local n=$1 repo=$2
	rm -rf "$repo" "$repo.graph"
	git init -q "$repo" || return 1
	awk -v n="$n" 'BEGIN {
		for (i = 1; i <= n; i++) {
			msg = "bench commit " i
			printf "commit refs/heads/master\nmark :%d\n", i
			printf "committer B <b@example.org> %d +0700\n", 1700000000 + i
			printf "data %d\n%s\n", length(msg), msg
			if (i > 1) printf "from :%d\n", i - 1
			printf "M 644 inline f\ndata %d\n%d\n\n", length(i "") + 1, i
		}
	}' | git -C "$repo" fast-import --quiet || return 1
	git -C "$repo" checkout -q master 2>/dev/null
	cp -a "$repo" "$repo.graph" && git -C "$repo.graph" commit-graph write --reachable 2>/dev/null
}

echo "== inbox by store size: exec -> first row at 80x24 (median of $runs), peak memory"
printf '%-9s | %-22s | %-19s | %-19s | %-15s | %-15s\n' dossiers "motcua today ms / MB" \
	"whole ms cpu / MB" "demand ms cpu / MB" "tig ms (graph)" "tig MB (graph)"
for n in $sizes; do
	db=$dir/$n.db
	if [ ! -s "$db" ]; then
		"$bench" make "$db.tmp" "$n" && mv "$db.tmp" "$db" || { echo "$n: cannot make the store"; continue; }
	fi
	xdg=$dir/xdg-$n
	mkdir -p "$xdg/motcua/127.0.0.1_9"
	ln -sf "$db" "$xdg/motcua/127.0.0.1_9/tiepnhan1.db"
	: >"$dir/client" ; : >"$dir/whole" ; : >"$dir/demand"; : >"$dir/tig"; : >"$dir/tigg"
	for i in $(seq "$runs"); do
		XDG_DATA_HOME=$xdg pty_first '…H26-' "$motcua" --profile sandbox-reference \
			--server http://127.0.0.1:9 --user tiepnhan1 >>"$dir/client"
		"$bench" demand "$db" >>"$dir/demand"
	done
	for i in $(seq $((runs < 3 ? runs : 3))); do
		"$bench" whole "$db" >>"$dir/whole"
	done
	repo=$dir/git-$n
	[ -d "$repo.graph" ] || make_repo "$n" "$repo" >/dev/null 2>&1
	if command -v tig >/dev/null 2>&1 && [ -d "$repo.graph" ]; then
		for i in $(seq "$runs"); do
			(cd "$repo" && pty_first "bench commit $n" tig) >>"$dir/tig"
			(cd "$repo.graph" && pty_first "bench commit $n" tig) >>"$dir/tigg"
		done
	fi
	mb() { awk '{ printf "%.1f", $1 / 1024 }'; }
	printf '%-9s | %8s / %-11s | %6s %6s / %-4s | %6s %6s / %-4s | %6s (%6s) | %5s (%5s)\n' "$n" \
		"$(cut -d' ' -f1 "$dir/client" | median)" "$(cut -d' ' -f2 "$dir/client" | median | mb)" \
		"$(field ms <"$dir/whole" | median)" "$(field cpu-ms <"$dir/whole" | median)" \
		"$(field peak-kb <"$dir/whole" | median | mb)" \
		"$(field ms <"$dir/demand" | median)" "$(field cpu-ms <"$dir/demand" | median)" \
		"$(field peak-kb <"$dir/demand" | median | mb)" \
		"$(cut -d' ' -f1 "$dir/tig" | median)" "$(cut -d' ' -f1 "$dir/tigg" | median)" \
		"$(cut -d' ' -f2 "$dir/tig" | median | mb)" "$(cut -d' ' -f2 "$dir/tigg" | median | mb)"
done

echo
echo "== the filter on demand, \"nguyen van\" typed one key at a time (one run per size)"
for n in $sizes; do
	[ -s "$dir/$n.db" ] || continue
	echo "-- $n dossiers"
	"$bench" filter "$dir/$n.db" "nguyen van" | sed 's/^filter //'
done
