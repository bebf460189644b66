#!/bin/sh
# A setting changed at the ':' line takes effect without a restart: on a
# link slower than request-timeout the sync gives up, and after
# `:set request-timeout 30` the next one waits long enough and arrives.
# A broken settings line at start, under the login screen, is said once
# the clerk is in.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock --latency 2500 \
	--dossiers 20 --citizens 200 --enterprises 40 || exit 1

printf 'set request-timeout 1\n' >"$SBX_DIR/motcuarc"
CLIENT="MOTCUA_SYSTEM_CONFIG=/dev/null MOTCUA_CONFIG='$SBX_DIR/motcuarc' XDG_STATE_HOME='$SBX_DIR/state' MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"

start 80 24 -- "$CLIENT"
check "with request-timeout 1 the 2.5 s server is given up on" wait_for "within 1 s"
check "and nothing is synced" shows "no data"
keys : "set request-timeout 30" Enter
keys C-r
check "after :set request-timeout 30, Ctrl-R syncs" wait_for "data now" 60
keys q
check "q quits" wait_for "[exit 0]"

printf 'set request-timeout 30\nset notify perhaps\n' >"$SBX_DIR/motcuarc"
start 80 24 -- "env -u MOTCUA_PASSWORD $(echo "$CLIENT" | sed 's/MOTCUA_PASSWORD=motcua-demo //')"
check "no password: the login screen" wait_for "Log in to the server with your password."
check "which hides the status bar's message" shows_not "notify takes yes or no"
keys -l "motcua-demo"
keys Enter
check "logged in: the inbox" wait_for "Inbox ("
check "and the broken line is said now, with its file and line" wait_for "motcuarc:2: notify takes yes or no"
keys q
check "q quits again" wait_for "[exit 0]"

finish
