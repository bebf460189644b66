#!/bin/sh
# Offline work goes on where the store can carry it (issue 15): a first run
# against the sandbox (its first sync stores the whole procedure catalog,
# every form included, without the clerk opening any), then the server
# stops and a second run, offline from its start, accepts a dossier it
# never read whole (the profile's rules for its status and the clerk's
# role offer the action, and the views say the server decides) and files
# an intake of a procedure never opened. The sandbox comes back on the same
# port: both are delivered, and the server has each exactly once.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

command -v sqlite3 >/dev/null || { echo "sqlite3 not found: install the Debian package sqlite3"; exit 77; }

CLOCK='2025-10-15 10:00'
PROC=1.010041			# Xác nhận thông tin về cư trú: a short form
NAME="Vũ Thị Ngoại Tuyến"	# the applicant typed offline, found once on the server

m() { XDG_DATA_HOME="$SBX_DIR/batch-$d" MOTCUA_PASSWORD=motcua-demo "$MOTCUA" -p "$profile" -s "$SBX_URL" -u tiepnhan1 "$@"; }

client() {
	start 100 30 -- "MOTCUA_CONFIG=/dev/null MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' XDG_DATA_HOME='$xdg' $MOTCUA -p $profile -s $SBX_URL -u tiepnhan1"
}

# q: one SQL answer from the client's store
q() { sqlite3 "$(find "$xdg" -name '*.db' | head -n 1)" "$1" 2>/dev/null; }
catalog_whole() { [ "$(q 'SELECT count(*) > 10 AND count(*) = count(detail) FROM procedures')" = 1 ]; }

# the dossier's log on the server has its accept once
accepted_once() { [ "$(m show "$code" | grep -c ' accept  *reception ')" = 1 ]; }
intake_once() { [ "$(m list | awk -F'\t' -v p="$PROC" -v n="$NAME" '$2 == p && $3 == n' | wc -l)" = 1 ]; }

scenario() {
	d=$1 profile=sandbox-$1 xdg=$SBX_DIR/xdg-$1
	sandbox_start --db "$SBX_DIR/$d.db" --dialect "$d" --clock "$CLOCK" --freeze-clock \
		--dossiers 300 --citizens 300 --enterprises 40 || return 1
	port=${SBX_URL##*:}
	code=$(m list --status 1 | sed -n '2s/\t.*//p')
	[ -n "$code" ] || { not_ok "$d: a new dossier to accept"; return 1; }

	# --- the first run: the first sync, the catalog with it ---
	client
	check "$d: the first run shows the inbox" wait_for "Inbox ("
	check "$d: and syncs" wait_synced
	check "$d: the whole catalog, every form, is stored without opening it" eventually catalog_whole
	check "$d: $code was never read whole" [ "$(q "SELECT detail IS NULL FROM dossiers WHERE code = '$code'")" = 1 ]
	keys q
	check "$d: q quits" wait_for "[exit 0]"
	sandbox_stop

	# --- offline from the start ---
	client
	check "$d: the second run finds the server down" wait_for "SERVER DOWN"
	keys '#'
	keys -l "${code#*-}"
	keys Enter Enter
	check "$d: $code opens from its summary" wait_for "Dossier $code"
	check "$d: the profile's rules for a new dossier and a receptionist offer Accept" \
		eventually shows "You can: a Accept"
	check "$d: and say the server decides" wait_for "these are the profile's rules for its status and your role"
	keys a
	check "$d: a opens the accept form" wait_for "Accept — dossier $code"
	check "$d: which says it is not read whole" wait_for "Not read whole since it changed"
	keys -l "nhận khi mất mạng"
	keys Enter
	check "$d: the accept is queued" wait_for "1 queued"
	check "$d: the view says the server decides" wait_for "the server decides whether it allows this; if it"
	keys O
	check "$d: so does the outbox" wait_for "not read whole: the server"
	keys q q

	keys n
	wait_for "Procedure code:" >/dev/null
	keys -l "$PROC"
	keys Enter
	check "$d: the form of a procedure never opened, offline" wait_for "Intake $PROC"
	check "$d: with its own fields" wait_for "Mục đích xác nhận"
	keys -l 001082093284
	check "$d: the lookup is noted as not done" wait_for "lookup not done" 60
	keys F2; keys -l "$NAME"
	keys F2; keys -l 03/02/1982
	keys F2; keys Space
	keys F2; keys -l "Số 5 phố Huế, Phường Hai Bà Trưng"
	keys F2; keys -l 0912345678
	keys F2; keys -l "Xác nhận để vay vốn"
	check "$d: the form is complete" wait_for "complete  <F10>"
	keys F10
	check "$d: the intake is queued" wait_for "Queued: it will be sent when the link is back."
	check "$d: two actions wait" wait_for "2 queued"

	# --- the server returns ---
	SBX_LISTEN=127.0.0.1:$port sandbox_start --db "$SBX_DIR/$d.db" --dialect "$d" \
		--clock "$CLOCK" --freeze-clock || return 1
	check "$d: the intake is delivered" wait_for "Dossier received." 90
	check "$d: nothing is left in the outbox" wait_gone "queued" 60
	check "$d: the server accepted $code once" accepted_once
	check "$d: the server has the intake once" intake_once
	keys q q
	check "$d: quits cleanly" wait_for "[exit 0]"
	sandbox_stop
}

for dialect in ${E2E_DIALECTS:-reference portal}; do
	scenario "$dialect"
done
finish
