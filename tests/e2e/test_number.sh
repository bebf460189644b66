#!/bin/sh
# The inbox of a server that numbers dossiers only at reception (the
# opencps dialect with --number-on-reception, through the opencps profile):
# an online submission is listed as "(not yet received)", opens under that
# title, and once accepted shows its number in the inbox and the dossier;
# received dossiers show their numbers, never the server's ids.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --dialect opencps --number-on-reception --clock "$CLOCK" \
	--freeze-clock --dossiers 200 --citizens 200 --enterprises 20 || exit 1
batch() { XDG_DATA_HOME="$SBX_DIR/batch" MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK="$CLOCK" \
	"$MOTCUA" -p opencps -s "$SBX_URL" -u tiepnhan1 "$@"; }
# a new online submission, by its applicant's ID number (what the filter
# finds), and the id the server gives it
new=$(batch list --status 1 --format json)
who=$(echo "$new" | sed -n 's/^[[:space:]]*"applicant_id":[[:space:]]*"\([0-9]*\)".*/\1/p' | head -n 1)
id=$(echo "$new" | sed -n 's/^[[:space:]]*"id":[[:space:]]*"\([0-9]*\)".*/\1/p' | head -n 1)
[ -n "$who" ] && [ -n "$id" ] || { echo "# no dossier without a number to work on"; exit 1; }

start 100 30 -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p opencps -s $SBX_URL -u tiepnhan1"
check "the first sync is done" wait_synced
check "received dossiers show their numbers" wait_for "H26-"
no_id() { ! pane | grep -qF "$id"; }
check "no row shows the server's id" no_id
keys / "$who" Enter
check "the filter finds the new one, shown as not yet received" wait_for "(not yet received)"
keys Enter
check "it opens as not yet received" wait_for "Dossier (not yet received)"
keys G
check "with what may be done" wait_for "Actions allowed"
batch act "$id" accept >"$SBX_DIR/acted" 2>&1
no=$(cut -f1 "$SBX_DIR/acted")
check "accepted by batch, it has a number ($no)" sh -c "echo '$no' | grep -q 'H26-'"
keys C-r
check "reloaded, the dossier shows its number" wait_for "Dossier $no"
keys q
check "and so does the inbox" wait_for "${no#000.01.01.}"
keys q
check "q at the inbox quits with status 0" wait_for "[exit 0]"
check "terminal restored" restored

finish
