#!/bin/sh
# The procedure catalog in a real terminal against the sandbox, in both
# dialects: C opens it over the inbox and it is refreshed from the server
# in the background; the filter typed key by key finds procedures without
# their marks ("ho tich" finds "Hộ tịch"); Enter opens a procedure whole,
# with the components national data replaces and the register it comes
# from; q goes back, step by step, and quits at the inbox.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'

# one database, seeded by the first start, served in one dialect then the other
for dialect in reference portal; do
	profile=sandbox-$dialect
	sandbox_start --db "$SBX_DIR/db" --dialect $dialect --clock "$CLOCK" --freeze-clock \
		--dossiers 200 --citizens 200 --enterprises 40 || exit 1
	run="$MOTCUA -p $profile -s $SBX_URL -u tiepnhan1"
	start 80 24 -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $run"
	check "$profile: the inbox is in" wait_for "Inbox ("
	keys C
	check "$profile: C opens the catalog" wait_for "Procedures ("
	check "$profile: with its columns" wait_for "Cut-off"
	check "$profile: refreshed from the server in the background" wait_gone "Procedures (0)"
	check "$profile: the status bar said so" wait_gone "refreshing"

	keys / h o Space t i c h
	check "$profile: / filters as typed" wait_for "Filter: ho tich"
	check "$profile: ho tich finds the civil-status procedures" wait_for "Đăng ký kết hôn"
	# rows of the frames before the filter's may still be on the way
	check "$profile: and nothing of another field" wait_gone "Chứng thực"
	keys C-u 1 . 0 0 1 1 9 3 Enter
	check "$profile: a code narrows it to one" wait_for "(1 of"
	keys Enter
	check "$profile: Enter opens the procedure" wait_for "Procedure 1.001193"
	check "$profile: whole, with its name" wait_for "Đăng ký khai sinh"
	check "$profile: the 15:00 cut-off" wait_for "15:00: received later"
	keys Space
	check "$profile: components national data replaces, with the register" \
		wait_for "no paper: national data from the population database"
	keys G
	check "$profile: form fields filled by a lookup, with the register" \
		wait_for "filled from the population database"
	keys '?'
	check "$profile: ? lists the catalog's operations, intake included" wait_for "catalog-intake"
	keys q
	keys i
	check "$profile: i opens the intake form of that procedure" wait_for "Intake 1.001193"
	check "$profile: with its appointment" wait_for "Received now, due"
	keys Escape
	check "$profile: Esc leaves the untouched form for the procedure" wait_for "Procedure 1.001193"
	keys q
	check "$profile: q goes back to the list, filter kept" wait_for "(1 of"
	keys / C-u S B X . L T 1 Enter
	check "$profile: the joint under-6 procedure found by its code" wait_for "SBX.LT1 "
	keys Enter
	check "$profile: opened" wait_for "Procedure SBX.LT1"
	check "$profile: it bundles birth, residence and the health-insurance card" \
		wait_for "Joint procedure: it bundles (3)"
	check "$profile: the card named, in line with the others" \
		wait_for "SBX.BH1   Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"
	keys q
	check "$profile: back to the list" wait_for "(1 of"
	keys Escape
	check "$profile: Esc first drops the filter" wait_gone "Filter:"
	keys q
	check "$profile: then q goes back to the inbox" wait_for "Inbox ("
	keys q
	check "$profile: q at the inbox quits with status 0" wait_for "[exit 0]"
	check "$profile: terminal restored" restored
	sandbox_stop
done

finish
