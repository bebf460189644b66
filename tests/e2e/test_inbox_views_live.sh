#!/bin/sh
# The inbox's views and filter in a real terminal against the sandbox, in
# both dialects: "mine" counts what the server counts as the clerk's own
# (so both shipped profiles read the assignee's login), and the filter
# typed key by key finds Vietnamese names without their marks.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK="$CLOCK"

# one database, seeded by the first start, served in one dialect then the other
for dialect in reference portal; do
	profile=sandbox-$dialect
	sandbox_start --db "$SBX_DIR/db" --dialect $dialect --clock "$CLOCK" --freeze-clock \
		--dossiers 400 --citizens 300 --enterprises 40 || exit 1
	run="$MOTCUA -p $profile -s $SBX_URL -u chuyenvien1"
	all=$(($($run list | wc -l) - 1))
	mine=$(($($run list --mine | wc -l) - 1))
	nguyen=$($run list | cut -f3 | grep -ci 'nguy[eễêề]n')
	start 100 30 -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $run"
	check "$profile: the inbox shows the desk's $all dossiers" wait_for "Inbox ($all)"
	check "$profile: the views line counts them" wait_for "All $all"
	keys m
	check "$profile: m shows the $mine the server counts as mine" wait_for "Inbox: Mine ($mine)"
	keys a /
	check "$profile: / opens the filter" wait_for "Filter:"
	keys n g u y e n
	if [ "$nguyen" -gt 0 ]; then
		# the whole word typed, not just its first letters: the rows and the
		# prompt are drawn together, so the rows are filtered by it too
		check "$profile: nguyen finds at least the $nguyen named so" wait_for "Filter: nguyen "
		at_least() { n=$(pane | sed -n 's/.*Inbox (\([0-9]*\)).*/\1/p'); [ "${n:-0}" -ge "$nguyen" ]; }
		check "$profile: as many rows or more as the $nguyen named Nguyễn/Nguyên" eventually at_least
		first_named() { line 4 | grep -qi 'nguy'; }
		check "$profile: the first row is one of them" eventually first_named
	fi
	keys Escape
	check "$profile: Esc clears the filter" wait_for "Inbox ($all)"
	keys q
	check "$profile: q quits with status 0" wait_for "[exit 0]"
	sandbox_stop
done

finish
