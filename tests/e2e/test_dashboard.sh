#!/bin/sh
# The dashboard in a real terminal against the sandbox, in both dialects:
# D opens it over the inbox, with the desk's figures counted from the local
# store and the server's own figures beside them (the same); p moves to the
# next period, b shows each clerk, q goes back to the inbox.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'

for dialect in reference portal; do
	profile=sandbox-$dialect
	sandbox_start --db "$SBX_DIR/db" --dialect $dialect --clock "$CLOCK" --freeze-clock \
		--dossiers 200 --citizens 200 --enterprises 40 || exit 1
	run="$MOTCUA -p $profile -s $SBX_URL -u lanhdao1"
	start 80 24 -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $run"
	check "$profile: the inbox is in" wait_for "Inbox ("
	check "$profile: synced" wait_synced
	keys D
	check "$profile: D opens the dashboard" wait_for "Dashboard: this month"
	check "$profile: the period in words" wait_for "01/10/2025 to 31/10/2025"
	check "$profile: the on-time rate with its denominator" \
		wait_for "resolved in the period (result ready at the desk)"
	check "$profile: the star rating" wait_for "of 5 stars"
	check "$profile: the bars per day" wait_for "per day,"
	check "$profile: the server's figures are the same" wait_for "figures are the same"
	keys b
	check "$profile: b shows each clerk" wait_for "Each clerk ("
	keys p
	check "$profile: p moves to this quarter" wait_for "Dashboard: this quarter"
	check "$profile: and asks the server again: the same" wait_for "figures are the same"
	keys q
	check "$profile: q goes back to the inbox" wait_for "Inbox ("
	keys q
	check "$profile: q at the inbox quits with status 0" wait_for "[exit 0]"
	sandbox_stop
done
finish
