#!/bin/sh
# A terminal made smaller (a PuTTY window un-maximised, 100x30 to 80x24)
# shows every screen as a fresh start at 80x24 draws it, without Ctrl-L:
# the inbox, the dossier view and an action form. The fresh frames are
# taken first, from a client started at 80x24 on the same frozen data, on
# screens that show no time to the minute (the client's clock runs): the
# finished dossiers, an overdue dossier, a refusal's form. The status
# line, where messages come and go, is compared by its place only.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 200 --citizens 300 --enterprises 40 || exit 1
CLIENT="MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"

# body ROWS: the pane above the status bar of a ROWS-high terminal
body() { pane | sed -n "1,$(($1 - 1))p"; }
# status_last ROWS: the status bar (the link state, the clock) on the last row
status_last() { line "$1" | grep -q "online.*10:00"; }
# same_as ROWS FILE: the pane above the status bar is what FILE holds
same_as() { [ "$(body "$1")" = "$(cat "$2")" ]; }
# the dossier view, once the whole dossier came
dossier_loaded() {
	wait_for "Dossier 000" && wait_gone "Loading the whole dossier" && wait_for "You can: "
}
# screens, as the clerk goes to them from the inbox's first view
finished_view() { keys Tab Tab Tab Tab Tab && wait_for "Inbox: Finished"; }
first_dossier() { keys a && wait_for "Inbox (" && keys Enter && dossier_loaded; }
refusal_form() {
	keys q Tab && wait_for "Inbox: To receive" && keys Enter && dossier_loaded &&
		keys x && wait_for "Reason" && keys "the applicant asked" && wait_for "the applicant asked"
}

# --- what a fresh start at 80x24 draws ---
start 80 24 -- "$CLIENT"
check "fresh 80x24: the inbox is synced" wait_for "data now"
check "fresh 80x24: the finished dossiers" finished_view
check "fresh 80x24: the status bar is on row 24" eventually status_last 24
body 24 >"$SBX_DIR/inbox"
check "fresh 80x24: the most urgent dossier" first_dossier
body 24 >"$SBX_DIR/dossier"
check "fresh 80x24: a refusal's form with a reason typed" refusal_form
body 24 >"$SBX_DIR/form"
keys Escape y q q
check "fresh 80x24: q quits" wait_for "[exit 0]"

# --- the same screens at 100x30, made 80x24 ---
start 100 30 -- "$CLIENT"
check "100x30: the inbox is synced" wait_for "data now"
check "100x30: the finished dossiers" finished_view
check "100x30: the status bar is on row 30" eventually status_last 30
resize 80 24
check "inbox made 80x24: drawn as a fresh start draws it" eventually same_as 24 "$SBX_DIR/inbox"
check "inbox made 80x24: the status bar on row 24" eventually status_last 24

resize 100 30
check "100x30: the most urgent dossier" first_dossier
check "100x30: the dossier view's status bar is on row 30" eventually status_last 30
resize 80 24
check "dossier view made 80x24: drawn as a fresh start draws it" eventually same_as 24 "$SBX_DIR/dossier"
check "dossier view made 80x24: the status bar on row 24" eventually status_last 24

resize 100 30
check "100x30: a refusal's form with a reason typed" refusal_form
check "100x30: the form's status bar is on row 30" eventually status_last 30
resize 80 24
check "form made 80x24: drawn as a fresh start draws it" eventually same_as 24 "$SBX_DIR/form"
check "form made 80x24: the status bar on row 24" eventually status_last 24

# and back up: nothing of the small frame is left at 100x30
resize 100 30
check "form made 100x30 again: the status bar on row 30" eventually status_last 30
old_status_gone() { ! line 24 | grep -q "online.*10:00"; }
check "no old status bar left on row 24" eventually old_status_gone

keys Escape y q q
check "q quits with status 0" wait_for "[exit 0]"
check "terminal restored" restored

finish
