#!/bin/sh
# Quitting while a sync is under way, by every way out (q, Ctrl-C, SIGTERM,
# SIGHUP), on a new store and on a warm one: the client leaves cleanly.
# Cancelling the sync runs its callbacks while the session closes; none may
# reach into what is already freed (it crashed on the slow link before).
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
# a slow link: the first sync takes many seconds, so it is still under way
# when the client is told to quit
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 600 --citizens 300 --enterprises 40 --latency 300 --bandwidth 16000 || exit 1

client() {
	start -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' XDG_DATA_HOME='$1' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"
}

# quit_during_sync STORE HOW: start, wait until the status bar says a sync
# is under way, quit by HOW, and check the exit.
quit_during_sync() {
	client "$1"
	check "$3: a sync is under way" wait_for "syncing"
	case $2 in
	q | C-c) keys "$2" ;;
	*) kill -"$2" "$(program_pid)" ;;
	esac
	check "$3: quits with status 0" wait_for "[exit 0]"
	check "$3: terminal restored" restored
}

n=0
for how in q C-c TERM HUP; do
	n=$((n + 1))
	quit_during_sync "$SBX_DIR/cold$n" "$how" "new store, $how"
done

# a warm store: let one sync finish, then quit during the next one
client "$SBX_DIR/warm"
wait_for "syncing"
check "warm store: the first sync ends" wait_gone "syncing" 120
keys q
wait_for "[exit 0]"
for how in q C-c TERM HUP; do
	quit_during_sync "$SBX_DIR/warm" "$how" "warm store, $how"
done

finish
