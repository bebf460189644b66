#!/bin/sh
# The clerk opens the most urgent dossier against a real sandbox: the
# whole dossier is fetched (its processing log shows), ? lists the keys
# that work there, q goes back to the inbox on the same dossier. On a slow
# link the view says it is loading and Esc gives up waiting; when the
# server fails, the summary stays and the status bar says why.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

command -v curl >/dev/null 2>&1 || { echo "curl not found: install the Debian package curl"; exit 77; }

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 400 --citizens 300 --enterprises 40 || exit 1
faults() { curl -s -X POST "$SBX_URL/_sandbox/faults" -H 'Content-Type: application/json' -d "$1" >/dev/null; }
# in a store of its own: the client's is new, its first sync the one awaited
lines=$(XDG_DATA_HOME="$SBX_DIR/batch" MOTCUA_PASSWORD=motcua-demo "$MOTCUA" -p sandbox-reference -s "$SBX_URL" -u tiepnhan1 list | wc -l)
count=$((lines - 1))

start 80 24 -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"
check "the inbox is in" wait_for "Inbox ($count)"
# the rows are in order once the first sync is done; the status bar, drawn
# last, says so
check "the first sync is done" wait_synced
# the first row (under the views line and the header): its code's tail,
# as the 80-column inbox shows it: "…H26-251006-0001"
first=$(line 4 | awk '{ print $2 }' | sed 's/^…//')

# whole: the dossier came whole. The note that it loads, or that only the
# summary is shown, is drawn above "You can:".
whole() {
	shown=$(pane)
	echo "$shown" | grep -qF "You can:" &&
		! echo "$shown" | grep -qE "Loading the whole dossier|Only the summary is shown"
}

keys Enter
check "Enter opens the most urgent dossier" wait_for "Dossier 000.01.01.$first"
check "with its deadline band" wait_for "overdue"
# G on the summary would leave the whole dossier's end off the screen
check "the whole dossier is fetched" eventually whole
keys G
# the summary in the inbox has no log: who did what comes with the fetch
check "the whole dossier came: its processing log shows who did what" wait_for "(Reception)"
log_counted() { pane | grep -q "Processing log ([1-9]"; }
check "the log is not empty" eventually log_counted
check "and the actions allowed" wait_for "Actions allowed"

keys '?'
check "? shows the help for the dossier" wait_for "Help: Dossier"
check "generated from the tables and the keymap" wait_for "dossier-reload"
keys G	# the dossier's actions fill the first page
check "with the keys that go back" wait_for "q, <Esc>, <Left>"
keys q
check "q closes the help" wait_for "Dossier 000.01.01.$first"
keys q
check "q goes back to the inbox" wait_for "Inbox ($count)"
keys Enter
check "the same dossier is still selected" wait_for "Dossier 000.01.01.$first"
keys Escape
check "Esc goes back too" wait_for "Inbox ($count)"

# a slow link: the view says it loads, Esc stops waiting
faults '{"reset": true, "latency_ms": 8000}'
keys j Enter
check "slow link: the view says it is loading" wait_for "Loading the whole dossier"
keys Escape
check "Esc goes back without waiting" wait_for "Inbox ($count)"
check "and the cancelled fetch is no error" wait_gone "could not load"

# the server fails: the summary stays, the status bar says why
faults '{"reset": true, "fail_rate": 100}'
keys Enter
check "server failing: the status bar says the dossier could not be loaded" \
	wait_for "could not load the dossier" 30
check "the summary stays" wait_for "Only the summary is shown"
faults '{"reset": true}'
keys C-r
check "C-r loads it again once the server is back" eventually whole
keys G
check "with its log" wait_for "(Reception)"

keys q q
check "q at the inbox quits with status 0" wait_for "[exit 0]"
check "terminal restored" restored

finish
