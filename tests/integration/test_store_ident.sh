#!/bin/sh
# The local store is named after the server, not its address (issue 15):
# an action queued while the sandbox was away is delivered, once, when the
# same sandbox comes back on another port (the demo picks a new port each
# run); a store made at an address before the server named itself is
# moved, or its waiting actions are offered and taken over; failed runs
# at a bad host create nothing.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo
out=$SBX_DIR/out err=$SBX_DIR/err
db=$SBX_DIR/sbx.db
top=$XDG_DATA_HOME/motcua

m() { "$MOTCUA" --profile sandbox-reference --server "$SBX_URL" --user tiepnhan1 "$@"; }
# the same profile without server_id: a server that does not name itself,
# as every store was keyed before
mkdir -p "$SBX_DIR/profiles"
grep -v '"server_id"' "$MOTCUA_PROFILE_DIR/sandbox-reference.json" >"$SBX_DIR/profiles/noid.json"
noid() { "$MOTCUA" --profile "$SBX_DIR/profiles/noid.json" --server "$SBX_URL" --user tiepnhan1 "$@"; }
start() { sandbox_start --db "$db" --clock "$CLOCK" --freeze-clock "$@" || exit 1; }
# how many times the server's log of CODE holds an accept
accepts() { m show "$1" --format json | grep -Ec '"action":[[:space:]]*"accept"'; }

# five failed runs at a bad host, and a refused login, create nothing
for cmd in sync "act X accept" "outbox send" list stats; do
	# shellcheck disable=SC2086 # the command's words
	"$MOTCUA" --profile sandbox-reference --server http://127.0.0.1:1 --user tiepnhan1 $cmd >"$out" 2>"$err"
	rc=$?
	check "at a closed port, '$cmd' says the server is down (exit 13), not that no store is kept" \
		sh -c "[ $rc = 13 ] && ! grep -q 'local store' '$err'"
done
check "five runs at a closed port leave no folder" [ ! -e "$top" ]
start --dossiers 120 --citizens 200 --enterprises 20
MOTCUA_PASSWORD=wrong m sync >/dev/null 2>&1; rc=$?
check "a refused login (exit 5) leaves no folder either" sh -c "[ $rc = 5 ] && [ ! -e '$top' ]"

# port A: the first login names the store after the server
m sync >"$out" 2>"$err"; rc=$?
check "the first sync works" sh -c "[ $rc = 0 ] && grep -q '^synced (full)' '$out'"
named=$(cd "$top" && ls -d @sandbox-*)
check "the store is named after the server's identity" [ -f "$top/$named/tiepnhan1.db" ]
portA=${SBX_URL##*:}
check "... and its address is a link to it" \
	sh -c "[ -L '$top/127.0.0.1_$portA' ] && [ \"\$(readlink '$top/127.0.0.1_$portA')\" = '$named' ]"
m list >"$SBX_DIR/list"
code=$(awk -F'\t' '$6 == 1 { print $1; exit }' "$SBX_DIR/list")

# the server goes away; an action is queued
sandbox_stop
m act "$code" accept --note "port A" >"$out" 2>"$err"; rc=$?
check "server down at port A: the accept is queued (exit 13)" sh -c "[ $rc = 13 ] && grep -q 'kept in the outbox' '$err'"

# the same sandbox, another port: the action goes, once
start
check "the sandbox is back on another port" [ "${SBX_URL##*:}" != "$portA" ]
m sync >"$out" 2>"$err"; rc=$?
check "at port B the queued action is delivered" \
	sh -c "[ $rc = 0 ] && grep -q '1 actions delivered, 0 in the outbox' '$out'"
check "... from the same store (a sync of the changes, not a full one)" grep -q '^synced (changes' "$out"
check "... and the server has it once" [ "$(accepts "$code")" = 1 ]
m sync >"$out" 2>"$err"
check "the next sync delivers nothing more" sh -c "grep -q ' 0 actions delivered, 0 in the outbox' '$out' && [ \$(ls -d '$top'/@* | wc -l) = 1 ]"

# a store made at an address before the server named itself: its queued
# action is told at the next login elsewhere, and taken over on request
sandbox_stop
start
noid sync >/dev/null 2>&1
portC=${SBX_URL##*:}
check "a server that names no identity keys the store by host and port" \
	sh -c "[ -d '$top/127.0.0.1_$portC' ] && [ ! -L '$top/127.0.0.1_$portC' ]"
code2=$(awk -F'\t' '$6 == 1 && $1 != "'"$code"'" { print $1; exit }' "$SBX_DIR/list")
sandbox_stop
noid act "$code2" accept >/dev/null 2>&1
start
m sync >"$out" 2>"$err"
check "at another address, the waiting action is told, with the command that takes it over" \
	grep -q "1 action waits in another local store of yours.*'motcua outbox adopt'" "$err"
check "... and not sent on its own" [ "$(accepts "$code2")" = 0 ]
m outbox adopt >"$out" 2>"$err"; rc=$?
check "'outbox adopt' takes it over and delivers it" \
	sh -c "[ $rc = 0 ] && grep -q 'took over 1 action' '$out' && grep -q '^1 actions delivered, 0 in the outbox' '$out'"
check "... once on the server" [ "$(accepts "$code2")" = 1 ]
m sync >"$out" 2>"$err"
check "nothing is told any more" sh -c "! grep -q 'waits in another' '$err'"
m outbox adopt >"$out" 2>"$err"
check "a second adopt takes over nothing" grep -q 'took over 0 actions' "$out"

# a store from before identities at the same address is moved, not stranded
export XDG_DATA_HOME=$SBX_DIR/xdg-old
top=$XDG_DATA_HOME/motcua
noid sync >/dev/null 2>&1
port=${SBX_URL##*:}
before=$(noid outbox list --all | wc -l)
m sync >"$out" 2>"$err"; rc=$?
check "the old store's folder becomes the named one" \
	sh -c "[ $rc = 0 ] && [ -L '$top/127.0.0.1_$port' ] && [ -f \"\$(ls -d '$top'/@sandbox-*)/tiepnhan1.db\" ]"
check "... and the sync goes on from it (the changes, not a full one)" grep -q '^synced (changes' "$out"
check "... its outbox with it" [ "$(m outbox list --all | wc -l)" = "$before" ]

tap_finish
