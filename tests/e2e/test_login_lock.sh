#!/bin/sh
# The login screen and the lock, in the real client: with no password given
# it asks in the screen, says when one is refused and asks again; once in,
# L locks at once, the dossiers disappear, a wrong password is said, the
# right one brings everything back as it was.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 200 --citizens 300 --enterprises 40 || exit 1

start 100 30 -- "env -u MOTCUA_PASSWORD MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"
check "no password given: the login screen asks in the screen" wait_for "Log in to the server with your password."
check "it names the server" wait_for "Server:   motcua-sandbox (reference dialect)"
check "and the user" wait_for "User:     tiepnhan1"
keys -l "sai-mat-khau"
check "the password is masked" wait_for "Password: ************"
if pane | grep -qF "sai-mat-khau"; then not_ok "the password is never shown"; else ok "the password is never shown"; fi
keys Enter
check "a refused password is said" wait_for "Login refused:"
field_empty() { pane | grep -F "Password:" | grep -qvF "*"; }
check "and asked again (the field is empty)" eventually field_empty
keys -l "motcua-demo"
keys Enter
check "the right one: the inbox" wait_for "Inbox ("
check "online" wait_for "online"
# the rows and the count change until the first sync is done
check "the first sync is done" wait_synced
first=$(line 4)
check "dossiers are shown" test -n "$first"

# a filter half typed, then the clerk steps away and locks
keys /
keys -l "nguyen"
keys Enter
# applied: the title ("Inbox (N)") and the filter's line ("N of ALL") agree
filter_applied() {
	shown=$(pane)
	filtered=$(echo "$shown" | grep -F "Inbox (")
	n=$(echo "$filtered" | sed -n 's/.*Inbox (\([0-9]*\)).*/\1/p')
	[ -n "$n" ] && echo "$shown" | grep -q "Filter: nguyen .* $n of [0-9]"
}
check "the filter is kept" eventually filter_applied
keys L
check "L locks at once" wait_for "tiepnhan1 — locked"
check "the dossiers are hidden" wait_gone "Inbox ("
check "no dossier row on the lock" wait_gone "$first"
keys -l "wrong"
keys Enter
check "a wrong password is said, with the wait" wait_for "Wrong password. Try again in 1 second."
check "after the wait it asks again" wait_for "Wrong password. Type it again." 
keys -l "motcua-demo"
keys Enter
check "the right password unlocks" wait_for "Inbox ("
title_is() { [ "$(pane | grep -F "Inbox (")" = "$1" ]; }
check "the filter is still on, the same dossiers shown" eventually title_is "$filtered"
check "and still filtered" wait_for "nguyen"
check "the title is the inbox's again" wait_gone "locked"

keys q
check "q quits with status 0" wait_for "[exit 0]"
check "terminal restored" restored

finish
