#!/bin/sh
# Every request has a deadline. Against a server that trickles a reply that
# never ends (faster than libcurl's old low-speed floor) and one that reads
# the request and never answers, list, show and sync give up within the
# documented bound, exit with status 4 and say which request they gave up
# on and after how long: when the login is what hangs, and when the login
# works and the command's own request hangs. Each command runs under
# timeout(1): a hang is a failure, not a stuck suite.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

if ! command -v curl >/dev/null 2>&1 || ! command -v timeout >/dev/null 2>&1; then
	not_ok "the deadline tests need curl and timeout: install the Debian packages curl and coreutils"
	tap_finish
	exit
fi

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 60 --citizens 200 --enterprises 20 || exit 1
out=$SBX_DIR/out err=$SBX_DIR/err

# T seconds per attempt, 2T per request with its retries; after a request
# that timed out a batch command makes no other, so it is over in about 2T.
# The bound asserted is three times that, not to fail on a loaded machine;
# a hang takes 60 s.
T=2
BOUND_MS=$((6 * T * 1000))
# an empty local store: nothing to answer from offline (test_offline.sh)
m() {
	XDG_DATA_HOME="$SBX_DIR/xdg-empty" timeout 60 "$MOTCUA" --timeout "$T" \
		--profile sandbox-reference --server "$SBX_URL" --user tiepnhan1 "$@"
}
faults() {
	curl -s -f -X POST "$SBX_URL/_sandbox/faults" -H 'Content-Type: application/json' -d "$1" >/dev/null ||
		not_ok "the sandbox took the faults $1"
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# gives_up FAULTS LABEL REQUEST COMMAND...: under FAULTS (set afresh, so
# "after" counts from this command), COMMAND gives up on REQUEST in time
gives_up() {
	label=$2 req=$3
	# a login first, as the faults count on: no session kept from before
	m logout
	faults "$1"
	shift 3
	t0=$(now_ms)
	m "$@" >"$out" 2>"$err"; rc=$?
	ms=$(($(now_ms) - t0))
	check "$label: exit 4 (the server could not be reached), not a hang (rc $rc)" [ "$rc" = 4 ]
	check "$label: says it gave up on $req" grep -q "gave up on $req\\( \\|\$\\)" "$err"
	check "$label: says after how long ($T s)" grep -q "within $T s: gave up on" "$err"
	check "$label: over in $ms ms, within $BOUND_MS ms" [ "$ms" -lt "$BOUND_MS" ]
	check "$label: nothing on standard output" [ ! -s "$out" ]
	sed 's/^/# /' "$err"
}

code=$(m list --status 1 | sed -n 2p | cut -f1)
check "a dossier to show" [ -n "$code" ]

# the faults themselves, seen by a plain HTTP client
login() {
	curl -s --max-time 1 -X POST "$SBX_URL/api/v1/auth/login" -H 'Content-Type: application/json' \
		-d '{"username": "tiepnhan1", "password": "motcua-demo"}' >"$out"
}
faults '{"reset": true, "trickle": true}'
login; rc=$?
check "trickle: the sandbox sends the reply, then blanks without end (curl rc $rc)" \
	sh -c "[ $rc = 28 ] && grep -q token '$out'"
faults '{"reset": true, "stall": true}'
login; rc=$?
check "stall: the sandbox answers nothing (curl rc $rc)" sh -c "[ $rc = 28 ] && [ ! -s '$out' ]"

# 20 bytes/s: above libcurl's old floor of 10 bytes/s, so only a deadline ends it
trickle='"reset": true, "trickle": true, "drip_bytes": 1, "drip_interval_ms": 50'
stall='"reset": true, "stall": true'
login='POST /api/v1/auth/login'
for fault in trickle stall; do
	eval "f=\$$fault"
	# the login hangs: the command does not wait as long again
	gives_up "{$f}" "$fault, at login: list" "$login" list
	gives_up "{$f}" "$fault, at login: show" "$login" show "$code"
	gives_up "{$f}" "$fault, at login: sync" "$login" sync
	# the login works, the command's request hangs
	gives_up "{$f, \"after\": 1}" "$fault: list" "GET /api/v1/dossiers" list
	gives_up "{$f, \"after\": 1}" "$fault: show" "GET /api/v1/dossiers/$code" show "$code"
	gives_up "{$f, \"after\": 1}" "$fault: sync" "GET /api/v1/dossiers" sync
done

faults '{"reset": true}'
m list >"$out" 2>"$err"; rc=$?
check "faults off: list works again" sh -c "[ $rc = 0 ] && [ \$(wc -l <'$out') -gt 10 ]"

# the setting in motcuarc, without --timeout
printf 'set request-timeout %s\n' "$T" >"$SBX_DIR/motcuarc"
m logout
faults '{"reset": true, "stall": true, "after": 1}'
t0=$(now_ms)
MOTCUA_CONFIG=$SBX_DIR/motcuarc XDG_DATA_HOME="$SBX_DIR/xdg-empty" timeout 60 "$MOTCUA" \
	--profile sandbox-reference --server "$SBX_URL" --user tiepnhan1 list >"$out" 2>"$err"; rc=$?
ms=$(($(now_ms) - t0))
check "request-timeout $T in motcuarc: list gives up in $ms ms, exit 4 (rc $rc)" \
	sh -c "[ $rc = 4 ] && [ $ms -lt $BOUND_MS ] && grep -q 'within $T s: gave up on GET /api/v1/dossiers' '$err'"
faults '{"reset": true}'

m --timeout 0 list >/dev/null 2>"$err"; rc=$?
check "--timeout 0: a wrong command line (exit 2)" [ "$rc" = 2 ]
check "and the message says what --timeout takes" grep -q -- "--timeout takes a whole number of seconds" "$err"
"$MOTCUA" --help >"$out"
check "--help documents --timeout" grep -q -- "--timeout SECONDS" "$out"

tap_finish
