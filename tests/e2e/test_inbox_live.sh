#!/bin/sh
# The real client against a real sandbox in a real terminal: it logs in,
# shows the desk's inbox with the most urgent first, keeps the inbox when
# the link drops, says so, and recovers when the server is back.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 400 --citizens 300 --enterprises 40 || exit 1
export MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK="$CLOCK"
# in a store of its own: the client's is new, its first sync the one awaited
lines=$(XDG_DATA_HOME="$SBX_DIR/batch" "$MOTCUA" -p sandbox-reference -s "$SBX_URL" -u tiepnhan1 list | wc -l)
count=$((lines - 1))

start 100 30 -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"
check "logged in: the inbox shows the desk's $count dossiers" wait_for "Inbox ($count)"
check "the title names the clerk and the server" wait_for "tiepnhan1"
check "the link is online" wait_for "online"
check "the first sync is done" wait_synced
check "the most urgent (overdue) dossier is first" eventually line_has 4 "overdue"
check "marked with the overdue glyph" eventually line_has 4 "‼"
keys G
check "G goes to the last dossier without breaking the frame" wait_for "Inbox ($count)"

# the link drops: the inbox stays, the status bar says so
sandbox_stop
keys C-r
check "server stopped: the status bar says SERVER DOWN, not OFFLINE" wait_for "SERVER DOWN"
check "and why" wait_for "could not refresh"
check "the inbox is kept" wait_for "Inbox ($count)"
check "the status bar counts down to the next try" wait_for "SERVER DOWN, retry in"
# any screen can try at once: the outbox has no refresh of its own
keys O
check "the outbox opens" wait_for "Outbox ("
keys C-r
check "Ctrl-R there tries the server now" wait_for "trying the server now"
keys q
check "back in the inbox" wait_for "Inbox ($count)"

# the server comes back on the same address: the client finds it by
# itself, no key pressed
SBX_LISTEN=${SBX_URL#http://} sandbox_start --db "$SBX_DIR/db" || exit 1
check "server back: online again without a key" wait_for "online"
check "and nothing was lost" wait_for "Inbox ($count)"
check "no retry is counted down any more" eventually shows_not "retry in"

keys q
check "q quits with status 0" wait_for "[exit 0]"
check "terminal restored" restored

finish
