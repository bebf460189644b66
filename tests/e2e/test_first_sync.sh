#!/bin/sh
# A first sync over a slow link (300 ms a reply, 16 kB/s), on a new store:
# the first row drawn is open work and the views line counts no finished
# dossier yet; an overdue row is drawn while the sync is still under way,
# and the status bar says how far it is (dossiers of how many, bytes).
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 600 --citizens 300 --enterprises 40 --latency 300 --bandwidth 16000 || exit 1
start 100 30 -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' XDG_DATA_HOME='$SBX_DIR/xdg' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"

frame=$SBX_DIR/frame
# snap COMMAND: one capture of the pane into $frame, then COMMAND on it,
# so that what is checked together was drawn together
snap() { pane >"$frame" && "$@"; }
has_row() { sed -n 4p "$frame" | grep -q -- '-[0-9]\{6\}-[0-9]\{4\}'; }
overdue_while_syncing() {
	grep -q 'overdue' "$frame" && tail -n 1 "$frame" | grep -qE 'syncing (open )?[0-9]+/[0-9]+, [0-9]+ kB'
}

check "a first row is drawn" eventually snap has_row
row=$(sed -n 4p "$frame")
check "the first row drawn is open work: $row" \
	sh -c "! sed -n 4p '$frame' | grep -qE 'Returned|Refused|Withdrawn|Stopped|Result ready'"
check "and the views line counts no finished dossier yet" grep -q 'Finished 0 ' "$frame"
check "an overdue row is drawn while the sync is under way, with its progress" \
	eventually snap overdue_while_syncing
check "the sync ends" wait_synced
keys q
check "quits" wait_for "[exit 0]"

# `motcua sync` on a terminal: one progress line, redrawn in place, then
# gone before its summary
start 100 30 -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' XDG_DATA_HOME='$SBX_DIR/xdg2' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1 sync"
progress() { sed -n 1p "$frame" | grep -qE '^syncing (open )?[0-9]+/[0-9]+, [0-9]+ kB'; }
check "motcua sync on a terminal shows its progress on one line" eventually snap progress
check "and ends" wait_for "[exit 0]"
summary_only() { sed -n 1p "$frame" | grep -q '^synced (full)' && ! grep -q 'syncing' "$frame"; }
check "with its summary where the progress was, nothing else left" snap summary_only
finish
