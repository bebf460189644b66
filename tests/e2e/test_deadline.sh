#!/bin/sh
# The interactive client against a server that logs the clerk in, then
# never answers: the screen stays live while the inbox's refresh waits
# (keys work, the link shows as slow), and once the deadline of --timeout
# passes the status line says which request was given up and after how
# long. The client then carries on.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

if ! command -v curl >/dev/null 2>&1; then
	echo "curl not found: install the Debian package curl to run this test"
	exit 77
fi

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 60 --citizens 200 --enterprises 20 || exit 1
curl -s -f -X POST "$SBX_URL/_sandbox/faults" -H 'Content-Type: application/json' \
	-d '{"reset": true, "stall": true, "after": 1}' >/dev/null ||
	not_ok "the sandbox took the stall"

# 10 s per request, retries included: long enough to see the screen live
# while the refresh waits, short enough for the test
start 130 30 -- "MOTCUA_CONFIG=/dev/null MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' XDG_DATA_HOME='$SBX_DIR/xdg' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA --timeout 5 -p sandbox-reference -s $SBX_URL -u tiepnhan1"
check "logged in, the inbox is drawn" wait_for "Inbox ("
check "the refresh that waits shows the link as slow" wait_for "slow link"
keys '?'
check "the screen answers keys while the request waits" wait_for "Help: Inbox" 3
check "(it still waits)" shows_not "could not refresh"
keys Escape
check "the status line says which request was given up, and after how long" \
	wait_for "could not refresh the inbox: the server did not answer within 5 s: gave up on GET /api/v1/dossiers"

curl -s -f -X POST "$SBX_URL/_sandbox/faults" -H 'Content-Type: application/json' \
	-d '{"reset": true}' >/dev/null
keys q
check "q quits with status 0" wait_for "[exit 0]"
check "terminal restored" restored

finish
