#!/bin/sh
# A notification server that hangs (it takes the notice and never answers,
# so the D-Bus call waits for its 25 s timeout) does not hang the client:
# the notice is shown by a thread of its own, the clerk's keys are answered
# meanwhile, and quitting does not wait for it. The deadlines below are
# shorter than D-Bus's timeout: a client that waited on the call would miss
# them. A bus without any notification server: the bell tells instead.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

: "${NOTIFYD:?NOTIFYD must name the test notification server}"
command -v dbus-run-session >/dev/null 2>&1 || {
	echo "dbus-run-session not found: install the Debian package dbus-daemon"
	exit 1
}

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 200 --citizens 300 --enterprises 40 || exit 1

ENV="MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' XDG_DATA_HOME='$XDG_DATA_HOME' MOTCUA_CONFIG=/dev/null MOTCUA_PASSWORD=motcua-demo"
CLIENT="$MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"
LOG=$SBX_DIR/notifications
READY=$SBX_DIR/notifyd.ready
: >"$LOG"

start 100 30 -- "dbus-run-session -- sh -c \"'$NOTIFYD' '$LOG' '$READY' --stall & i=0; while [ ! -s '$READY' ] && [ \\\$i -lt 200 ]; do sleep 0.05; i=\\\$((i + 1)); done; env $ENV $CLIENT\""
check "logged in" wait_for "online"
asked() { [ -s "$LOG" ]; }
check "the first sync's deadlines went to the notification server, which hangs" eventually asked
keys '?'
check "while the server hangs, the client answers keys (the help opens)" wait_for "Help: Inbox" 15
keys q
check "q closes the help" wait_for "Inbox (" 15
keys q
check "q quits at once, not waiting for the hung server" wait_for "[exit 0]" 15
check "terminal restored" restored

# --- a session bus and no notification server: the desktop's failure,
# known once the thread hears it, is told by the bell ---
BELLS=$SBX_DIR/bells
rm -rf "$XDG_DATA_HOME"
start 100 30 -- "dbus-run-session -- env $ENV $CLIENT"
tm set-option -g monitor-bell on
tm set-hook -g alert-bell "run-shell 'echo bell >> $BELLS'"
check "no server: logged in" wait_for "online"
rang() { [ -s "$BELLS" ]; }
check "no server: the first sync's deadlines ring the bell" eventually rang
keys q
check "no server: q quits" wait_for "[exit 0]" 15

finish
