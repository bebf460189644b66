#!/bin/bash
# offline.sh: what the local store and the incremental sync cost and save,
# side by side in one run; prints figures, never pass or fail.
#
#   tests/bench/offline.sh BUILDDIR      (tests/bench/run calls it)
#
# 1. Bytes on the wire for tiepnhan1's share of the default 5,000 seeded
#    dossiers, both dialects: the first `motcua sync` (empty store), a
#    second one when nothing changed, and a naive full fetch of the same
#    list with curl (every page, uncompressed, no store, no conditionals).
#    Counted twice: by a byte-counting TCP relay in front of the sandbox
#    (HTTP headers and bodies as sent, every request, the login included;
#    needs python3) and by the program itself (motcua's sync line, which
#    leaves out the login; curl's size_download+size_header down and
#    size_request up, login included: size_request already holds the body,
#    so adding size_upload would count a POST body twice).
# 2. Time from exec until the first dossier row of the inbox shows, the real
#    client on an 80x24 pty (ptyrun -w), cold (empty store) and warm (after
#    a completed sync), on loopback and over tests/bench/slowlink.sh's
#    commune link (64 kbit/s each way, 600 ms round trip, 2 % loss each
#    way; needs root, else skipped). Over the link the syncs are timed too,
#    with the forwarder's count of IP bytes.
# 3. Start-up from a warm store of at least 10,000 dossiers to the first
#    row, server reachable and not (its port closed), with peak RSS
#    (/usr/bin/time), beside an empty store and no store at all.
#
# Environment: OFFLINE_RUNS (loopback runs per figure, default 10),
# OFFLINE_SLOW_RUNS (slow-link runs, default 3; 0 skips the slow link),
# OFFLINE_BIG (dossiers seeded for part 3, default 17300: tiepnhan1's
# agency then has 10,025). Every server started here is stopped at exit;
# everything is on loopback or in slowlink.sh's own namespaces.
set -u

build=$(cd "${1:?usage: offline.sh BUILDDIR}" && pwd) || exit 1
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
runs=${OFFLINE_RUNS:-10}
slow_runs=${OFFLINE_SLOW_RUNS:-3}
big=${OFFLINE_BIG:-17300}
clock='2025-10-15 10:00'
user=tiepnhan1
motcua=$build/motcua
sandbox=$build/motcua-sandbox
ptyrun=$build/tests/bench/ptyrun
export SLOWLINK=$build/tests/bench/slowlink

for b in "$motcua" "$sandbox" "$ptyrun"; do
	[ -x "$b" ] || { echo "offline bench: $b is not built; skipped"; exit 0; }
done

export MOTCUA_PROFILE_DIR=$src/client/api/profiles MOTCUA_CALENDAR_DIR=$src/client/core/calendar
export MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK=$clock LC_ALL=C.UTF-8
unset MOTCUA_PROFILE MOTCUA_SERVER MOTCUA_USER LANGUAGE NO_COLOR

tmp=$(mktemp -d) || exit 1
pids=''
cleanup() {
	local p
	for p in $pids; do kill "$p" 2>/dev/null; done
	for p in $pids; do wait "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A dossier row at 80 columns: the code column shows the code's tail after
# an ellipsis ("…H26-251014-0007"); nothing else on the screen has it.
ROW='…H26-'
EMPTY='No dossiers'

have() { command -v "$1" >/dev/null 2>&1; }
median_min() { sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%s %s %d\n", a[int((NR + 1) / 2)], a[1], NR; else print "- - 0" }'; }
num() { echo "$1" | sed ':a; s/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/; ta'; }

# ---- the sandbox (started in this shell, so that cleanup can wait for it) ----
nsbx=0 sbx_pid='' sbx_url=''
sbx_start() {
	local db=$1 out
	shift
	nsbx=$((nsbx + 1))
	out=$tmp/sbx.$nsbx
	"$sandbox" --listen "${SBX_LISTEN:-127.0.0.1:0}" --db "$db" --calendar-dir "$MOTCUA_CALENDAR_DIR" \
		--clock "$clock" --freeze-clock "$@" >"$out" 2>"$out.log" &
	sbx_pid=$!
	pids="$pids $sbx_pid"
	sbx_url=''
	for _ in $(seq 1200); do
		sbx_url=$(sed -n 's/^listening on //p' "$out")
		[ -n "$sbx_url" ] && return 0
		kill -0 "$sbx_pid" 2>/dev/null || break
		sleep 0.05
	done
	echo "offline bench: the sandbox did not start:"
	sed 's/^/  /' "$out.log"
	return 1
}
sbx_stop() {
	[ -n "$sbx_pid" ] || return 0
	kill "$sbx_pid" 2>/dev/null
	wait "$sbx_pid" 2>/dev/null
	sbx_pid=''
}

# ---- a byte-counting TCP relay: "open down up" in its state file ----
cat >"$tmp/relay.py" <<'EOF'
import asyncio, os, sys
host, port, state = sys.argv[1], int(sys.argv[2]), sys.argv[3]
tot = [0, 0]   # bytes to the client, bytes to the server
live = [0]
def save():
    with open(state + '.new', 'w') as f:
        f.write('%d %d %d\n' % (live[0], tot[0], tot[1]))
    os.replace(state + '.new', state)
async def pipe(r, w, i):
    try:
        while True:
            d = await r.read(65536)
            if not d:
                break
            tot[i] += len(d)
            w.write(d)
            await w.drain()
    except OSError:
        pass
    finally:
        w.close()
async def relay(cr, cw):
    live[0] += 1
    save()
    try:
        sr, sw = await asyncio.open_connection(host, port)
        await asyncio.gather(pipe(cr, sw, 1), pipe(sr, cw, 0))
    except OSError:
        cw.close()
    live[0] -= 1
    save()
async def main():
    srv = await asyncio.start_server(relay, '127.0.0.1', 0)
    save()
    print(srv.sockets[0].getsockname()[1], flush=True)
    await srv.serve_forever()
asyncio.run(main())
EOF
relay_pid='' relay_url='' relay_state=''
relay_start() {	# URL of the server
	local hp=${1#http://}
	relay_url=''
	have python3 || return 1
	relay_state=$tmp/relay.$nsbx
	python3 "$tmp/relay.py" "${hp%:*}" "${hp##*:}" "$relay_state" >"$relay_state.port" 2>"$relay_state.log" &
	relay_pid=$!
	pids="$pids $relay_pid"
	for _ in $(seq 100); do
		[ -s "$relay_state.port" ] && { relay_url=http://127.0.0.1:$(cat "$relay_state.port"); return 0; }
		sleep 0.05
	done
	return 1
}
relay_stop() {
	[ -n "$relay_pid" ] || return 0
	kill "$relay_pid" 2>/dev/null
	wait "$relay_pid" 2>/dev/null
	relay_pid=''
}
# relay_count: "down up" so far, once every connection has closed.
relay_count() {
	local open down up
	for _ in $(seq 100); do
		read -r open down up <"$relay_state"
		[ "$open" = 0 ] && break
		sleep 0.05
	done
	echo "$down $up"
}

# ---- the client ----
# sync_line OUT: "received stored in out ms mode" from motcua's sync line.
sync_fields() {
	sed -n 's/^synced (\([^)]*\)): \([0-9]*\) dossiers received, [0-9]* dropped, \([0-9]*\) in the store;.* \([0-9]*\) bytes in, \([0-9]*\) out, \([0-9]*\) ms$/\2 \3 \4 \5 \6 \1/p'
}

# pty_ms TEXT CMD...: ms from exec until TEXT is on the client's screen.
pty_ms() {
	local text=$1 out
	shift
	out=$("$ptyrun" -s 80x24 -t xterm-256color -S 300 -w "$text" -- "$@" 2>/dev/null) || return 1
	echo "$out" | sed -n 's/^first-screen ms=\([0-9.]*\).*/\1/p'
}

# ---- the naive fetch: every page, uncompressed, with curl ----
CURL_W='%{size_download} %{size_header} %{size_request}\n'
# naive_fetch DIALECT URL: prints "down up requests items"
naive_fetch() {
	local d=$1 url=$2 c=$tmp/curl.counts body=$tmp/curl.body tok page=1 n=1 items=0 total
	: >"$c"
	if [ "$d" = reference ]; then
		curl -s -o "$body" -w "$CURL_W" "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
			-d "{\"username\":\"$user\",\"password\":\"$MOTCUA_PASSWORD\"}" >>"$c"
		tok=$(sed -n 's/.*"token": *"\([0-9a-f]*\)".*/\1/p' "$body")
		while [ -n "$page" ] && [ "$page" != null ] && [ $n -lt 1000 ]; do
			curl -s -o "$body" -w "$CURL_W" "$url/api/v1/dossiers?page=$page&per_page=100" \
				-H "Authorization: Bearer $tok" >>"$c"
			n=$((n + 1))
			items=$((items + $(grep -o '"code": *"' "$body" | wc -l)))
			page=$(sed -n 's/.*"next_page": *\([0-9a-z]*\).*/\1/p' "$body")
		done
	else
		curl -s -o "$body" -w "$CURL_W" "$url/api/portal" -H 'Content-Type: application/json' \
			-d "{\"service\":\"DangNhap\",\"TenDangNhap\":\"$user\",\"MatKhau\":\"$MOTCUA_PASSWORD\"}" >>"$c"
		tok=$(sed -n 's/.*"ApiKey": *"\([0-9a-f]*\)".*/\1/p' "$body")
		while [ $n -lt 1000 ]; do
			curl -s -o "$body" -w "$CURL_W" "$url/api/portal" -H 'Content-Type: application/json' \
				-H "X-API-Key: $tok" -d "{\"service\":\"LayDanhSachHoSo\",\"TrangSo\":$page,\"SoBanGhi\":200}" >>"$c"
			n=$((n + 1))
			items=$((items + $(grep -o '"MaHoSo": *"' "$body" | wc -l)))
			total=$(sed -n 's/.*"TongSo": *\([0-9]*\).*/\1/p' "$body")
			[ -n "$total" ] && [ $((page * 200)) -lt "$total" ] || break
			page=$((page + 1))
		done
	fi
	awk -v n=$n -v items=$items '{ d += $1 + $2; u += $3 } END { print d + 0, u + 0, n, items }' "$c"
}

# ---- the slow link ----
SLOW_PORT=8470
SLOW_URL=http://10.77.0.2:$SLOW_PORT
slow_ok=1 slow_why=''
[ "$slow_runs" -gt 0 ] 2>/dev/null || { slow_ok=0; slow_why="OFFLINE_SLOW_RUNS=0"; }
[ -x "$SLOWLINK" ] || { slow_ok=0; slow_why="tests/bench/slowlink is not built"; }
# slow SEED DB DIALECT CMD...: run CMD in the client namespace, the sandbox
# on DB in the server one; CMD's output on stdout, the forwarder's counts
# in $tmp/slow.err. Returns CMD's status (77: the link cannot be made).
slow() {
	local seed=$1 db=$2 d=$3
	shift 3
	"$here/slowlink.sh" --seed "$seed" --port "$SLOW_PORT" \
		--server "exec '$sandbox' --listen 10.77.0.2:$SLOW_PORT --db '$db' --dialect $d --calendar-dir '$MOTCUA_CALENDAR_DIR'" \
		-- "$@" 2>"$tmp/slow.err"
}
# "up down" IP bytes the forwarder carried in the last slow run.
slow_bytes() {
	sed -n 's/.*->[^ ]* [0-9]* packets \([0-9]*\) bytes forwarded.*; [^ ]*->[^ ]* [0-9]* packets \([0-9]*\) bytes forwarded.*/\1 \2/p' \
		"$tmp/slow.err" | tail -n 1
}
# "${wall[@]}" CMD...: run CMD, then print "wall-ms N" (the whole command:
# start, login, sync); a command, so that it runs in the namespace.
wall=(sh -c 's=$(date +%s%N); "$@"; rc=$?; echo "wall-ms $((($(date +%s%N) - s) / 1000000))"; exit $rc' wall)

# ---- figures, printed at the end as tables ----
bytes_rows=$tmp/bytes.rows first_rows=$tmp/first.rows slowsync_rows=$tmp/slowsync.rows
: >"$bytes_rows"
: >"$first_rows"
: >"$slowsync_rows"
notes=$tmp/notes
: >"$notes"
note() { echo "$*" >>"$notes"; echo "offline bench: $*" >&2; }
agency_count=''

# timings on a shared machine are only as good as its load
load_start=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)

have python3 || note "no python3: the relay's byte counts are left out"
have curl || note "no curl (Debian package curl): the naive fetch is left out"

for d in reference portal; do
	echo "offline bench: $d dialect: seeding 5,000 dossiers..." >&2
	db=$tmp/$d.db
	sbx_start "$db" --dialect "$d" || continue
	mc() { "$motcua" --profile "sandbox-$d" --user "$user" "$@"; }

	# -- 1. bytes --
	url=$sbx_url
	relay_start "$sbx_url" && url=$relay_url
	export XDG_DATA_HOME=$tmp/xdg-bytes-$d
	for what in initial poll; do
		before=$([ -n "$relay_url" ] && relay_count)
		line=$(mc --server "$url" sync | sync_fields)
		after=$([ -n "$relay_url" ] && relay_count)
		read -r got stored in out ms mode <<<"$line"
		[ -n "$line" ] || { note "$d: motcua sync failed"; break; }
		[ "$what" = initial ] && [ "$d" = reference ] && agency_count=$stored
		wire='- -'
		[ -n "$before" ] && wire=$(echo "$before $after" | awk '{ print $3 - $1, $4 - $2 }')
		echo "$d|motcua sync, $( [ $what = initial ] && echo 'empty store' || echo 'quiet poll') ($mode)|$got|$wire|$in $out|$ms" >>"$bytes_rows"
	done
	if have curl; then
		for what in 'naive full fetch' 'naive poll: all again'; do
			before=$([ -n "$relay_url" ] && relay_count)
			read -r cdown cup nreq items <<<"$(naive_fetch "$d" "$url")"
			after=$([ -n "$relay_url" ] && relay_count)
			wire='- -'
			[ -n "$before" ] && wire=$(echo "$before $after" | awk '{ print $3 - $1, $4 - $2 }')
			echo "$d|$what (curl, $nreq req.)|$items|$wire|$cdown $cup|-" >>"$bytes_rows"
		done
	fi
	relay_stop

	# -- 2. first page, loopback --
	echo "offline bench: $d dialect: first page on loopback, $runs runs each..." >&2
	for i in $(seq "$runs"); do
		XDG_DATA_HOME=$tmp/cold-$d-$i pty_ms "$ROW" "$motcua" --profile "sandbox-$d" --server "$sbx_url" --user "$user"
		rm -rf "$tmp/cold-$d-$i"
	done >"$tmp/cold.ms"
	export XDG_DATA_HOME=$tmp/warm-$d
	mc --server "$sbx_url" sync >/dev/null || note "$d: the warm store's sync failed"
	for i in $(seq "$runs"); do
		pty_ms "$ROW" "$motcua" --profile "sandbox-$d" --server "$sbx_url" --user "$user"
	done >"$tmp/warm.ms"
	echo "$d|loopback|$(median_min <"$tmp/cold.ms")|$(median_min <"$tmp/warm.ms")|$runs" >>"$first_rows"
	sbx_stop	# the slow link's sandbox serves the same database

	# -- 2. first page and syncs, slow link --
	[ "$slow_ok" = 1 ] || continue
	echo "offline bench: $d dialect: over the slow link, $slow_runs runs each..." >&2
	: >"$tmp/cold.ms"
	for i in $(seq "$slow_runs"); do
		out=$(slow "$i" "$db" "$d" env XDG_DATA_HOME="$tmp/slowcold-$d-$i" \
			"$ptyrun" -s 80x24 -t xterm-256color -S 300 -w "$ROW" -- \
			"$motcua" --profile "sandbox-$d" --server "$SLOW_URL" --user "$user")
		rc=$?
		rm -rf "$tmp/slowcold-$d-$i"
		if [ $rc = 77 ]; then
			slow_ok=0
			slow_why=$(sed -n '/^slowlink.sh: /{ s/^slowlink.sh: //; s/; skipped$//; p; }' "$tmp/slow.err" | head -n 1)
			break
		fi
		[ $rc = 0 ] && echo "$out" | sed -n 's/^first-screen ms=\([0-9.]*\).*/\1/p' >>"$tmp/cold.ms"
		[ $rc = 0 ] || note "$d, slow link, cold run $i: no dossier row (status $rc)"
	done
	[ "$slow_ok" = 1 ] || { note "slow link skipped: $slow_why"; continue; }
	export XDG_DATA_HOME=$tmp/slowwarm-$d
	for what in initial poll; do
		out=$(slow 1 "$db" "$d" "${wall[@]}" "$motcua" --profile "sandbox-$d" --server "$SLOW_URL" --user "$user" sync)
		line=$(echo "$out" | sync_fields)
		read -r got stored in out_b ms mode <<<"$line"
		wms=$(echo "$out" | sed -n 's/^wall-ms //p')
		[ -n "$line" ] || { note "$d: motcua sync over the slow link failed: $(tail -n 3 "$tmp/slow.err")"; break; }
		echo "$d|motcua sync, $( [ $what = initial ] && echo 'empty store' || echo 'quiet poll') ($mode)|$got|$(slow_bytes)|$in $out_b|$wms" >>"$slowsync_rows"
	done
	: >"$tmp/warm.ms"
	for i in $(seq "$slow_runs"); do
		out=$(slow "$i" "$db" "$d" "$ptyrun" -s 80x24 -t xterm-256color -S 300 -w "$ROW" -- \
			"$motcua" --profile "sandbox-$d" --server "$SLOW_URL" --user "$user") &&
			echo "$out" | sed -n 's/^first-screen ms=\([0-9.]*\).*/\1/p' >>"$tmp/warm.ms"
	done
	echo "$d|slow link|$(median_min <"$tmp/cold.ms")|$(median_min <"$tmp/warm.ms")|$slow_runs" >>"$first_rows"
done

# ---- 3. start-up from a warm store of 10,000 dossiers ----
start_rows=$tmp/start.rows
: >"$start_rows"
big_count='' big_size='' big_sync=''
echo "offline bench: seeding $big dossiers for the 10,000-dossier store..." >&2
if sbx_start "$tmp/big.db" --dossiers "$big"; then
	export XDG_DATA_HOME=$tmp/xdg-big
	big_url=$sbx_url
	if have /usr/bin/time; then
		line=$(/usr/bin/time -f 'rss-kb %M' -o "$tmp/rss" "$motcua" --profile sandbox-reference \
			--server "$big_url" --user "$user" sync | sync_fields)
		big_sync_rss=$(sed -n 's/^rss-kb //p' "$tmp/rss")
	else
		line=$("$motcua" --profile sandbox-reference --server "$big_url" --user "$user" sync | sync_fields)
		big_sync_rss=''
	fi
	read -r got big_count in out big_sync mode <<<"$line"
	big_size=$(du -k "$XDG_DATA_HOME"/motcua/*/"$user".db 2>/dev/null | awk '{ s += $1 } END { print s }')
	# start_case LABEL TEXT: $runs timed starts, then 3 under /usr/bin/time
	start_case() {
		local label=$1 text=$2 rss='-'
		shift 2
		for i in $(seq "$runs"); do pty_ms "$text" "$@"; done >"$tmp/start.ms"
		if have /usr/bin/time; then
			: >"$tmp/rss.all"
			for i in 1 2 3; do
				pty_ms "$text" /usr/bin/time -f 'rss-kb %M' -o "$tmp/rss" "$@" >/dev/null &&
					sed -n 's/^rss-kb //p' "$tmp/rss" >>"$tmp/rss.all"
			done
			rss=$(sort -n "$tmp/rss.all" | tail -n 1)
		fi
		echo "$label|$(median_min <"$tmp/start.ms")|${rss:--}" >>"$start_rows"
	}
	c=$(num "${big_count:-0}")
	echo "offline bench: start-up, $runs runs each..." >&2
	start_case "$c in the store, server reachable" "$ROW" \
		"$motcua" --profile sandbox-reference --server "$big_url" --user "$user"
	sbx_stop
	start_case "$c in the store, server unreachable" "$ROW" \
		"$motcua" --profile sandbox-reference --server "$big_url" --user "$user"
	export XDG_DATA_HOME=$tmp/xdg-empty
	# the empty store made once, so that each start opens it
	pty_ms "$EMPTY" "$motcua" --profile sandbox-reference --server "$big_url" --user "$user" >/dev/null
	start_case "baseline: empty store, unreachable" "$EMPTY" \
		"$motcua" --profile sandbox-reference --server "$big_url" --user "$user"
	start_case "baseline: no profile, no store" "$EMPTY" "$motcua"
fi

# ---- the tables ----
echo
echo "== offline: $(nproc 2>/dev/null || echo ?) cores; load average ${load_start:-?} at the start, $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null) at the end"
echo
echo "== offline: bytes on the wire, $user's ${agency_count:-?} dossiers (5,000 seeded), loopback"
echo "   relay: HTTP bytes as sent, every request (login included); self: the program's own count"
echo "   (motcua's sync line leaves the login out; curl: size_download+size_header down, size_request up)"
printf '%-10s %-40s %6s %10s %8s %10s %8s %6s\n' dialect what items 'relay down' 'up' 'self in' 'out' 'ms'
while IFS='|' read -r d what items wire self ms; do
	read -r wd wu <<<"$wire"
	read -r si so <<<"$self"
	printf '%-10s %-40s %6s %10s %8s %10s %8s %6s\n' "$d" "$what" "$items" "$wd" "$wu" "$si" "$so" "$ms"
done <"$bytes_rows"
echo "   naive: every page of the list with curl, uncompressed, no store, no conditional request"
echo "   goal: a quiet poll <= 1 KB (down + up)"

if [ -s "$slowsync_rows" ]; then
	echo
	echo "== offline: the same syncs over the slow link (64 kbit/s each way, 600 ms RTT, 2 % loss each way)"
	echo "   IP bytes as the link's forwarder counted them; wall ms: the whole command (start, login, sync)"
	printf '%-10s %-40s %6s %10s %8s %10s %8s %8s\n' dialect what items 'IP up' 'IP down' 'self in' 'out' 'wall ms'
	while IFS='|' read -r d what items wire self ms; do
		read -r wu wd <<<"$wire"
		read -r si so <<<"$self"
		printf '%-10s %-40s %6s %10s %8s %10s %8s %8s\n' "$d" "$what" "$items" "${wu:--}" "${wd:--}" "$si" "$so" "$ms"
	done <"$slowsync_rows"
fi

echo
echo "== offline: exec to the first dossier row of the inbox, 80x24 pty (ms: median / min of n)"
echo "   cold: empty store; warm: after a completed sync; the server is reachable"
printf '%-10s %-10s %22s %22s %18s\n' dialect link 'cold median/min (n)' 'warm median/min (n)' 'goal cold/warm'
while IFS='|' read -r d link cold warm n; do
	read -r cm cmin cn <<<"$cold"
	read -r wm wmin wn <<<"$warm"
	goal=-
	[ "$link" = 'slow link' ] && goal='3000 / 200'
	printf '%-10s %-10s %22s %22s %18s\n' "$d" "$link" "$cm / $cmin ($cn/$n)" "$wm / $wmin ($wn/$n)" "$goal"
done <"$first_rows"
[ "$slow_ok" = 1 ] || echo "   slow link: not measured ($slow_why)"

if [ -s "$start_rows" ]; then
	echo
	echo "== offline: start-up to the inbox from a warm store, reference dialect, loopback"
	echo "   store: $(num "${big_count:-0}") dossiers, $(num "${big_size:-0}") KB ($(num "$big") seeded); its first sync took ${big_sync:-?} ms, peak RSS ${big_sync_rss:--} KB"
	echo "   ms: exec to the first row (or to \"$EMPTY\"); peak RSS: max of 3 starts (/usr/bin/time)"
	printf '%-42s %22s %14s\n' start 'ms median/min (n)' 'peak RSS KB'
	while IFS='|' read -r label st rss; do
		read -r m mn n <<<"$st"
		printf '%-42s %22s %14s\n' "$label" "$m / $mn ($n/$runs)" "$rss"
	done <"$start_rows"
	echo "   goal: <= 30 ms, <= 12 MB (12288 KB)"
fi
if [ -s "$notes" ]; then
	echo
	sed 's/^/note: /' "$notes"
fi
exit 0
