#!/bin/sh
# Notifications from the real client: a dossier filed at another desk (an
# intake through the sandbox's API) reaches the clerk as a desktop
# notification, delivered on a private session bus to a notification server
# of our own (tests/e2e/notifyd), which writes down what it was told; with
# no session bus, the terminal bell and the status line tell instead.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

: "${NOTIFYD:?NOTIFYD must name the test notification server}"
for tool in curl dbus-run-session; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "$tool not found: install the Debian package ${tool%%-*} (dbus-run-session: dbus-daemon)"
		exit 1
	}
done

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 200 --citizens 300 --enterprises 40 || exit 1
API=$SBX_URL/api/v1
TOKEN=$(curl -s "$API/auth/login" -H 'Content-Type: application/json' \
	-d '{"username":"tiepnhan1","password":"motcua-demo"}' | sed -n 's/.*"token": *"\([0-9a-f]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "cannot log in to the sandbox with curl"; exit 1; }

# intake N: an online dossier filed for an applicant whose name must never
# show in a notification; prints its code.
intake() {
	curl -s -X POST "$API/dossiers" -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/json' -H "Idempotency-Key: e2e-notify-$1" \
		-d '{"procedure_code": "1.010041", "channel": "online",
		     "applicant": {"name": "Phạm Thị Riêng Tư"},
		     "form": {"applicant.id_number": "001085012345", "applicant.full_name": "Phạm Thị Riêng Tư",
		              "applicant.birth_date": "1985-01-02", "applicant.sex": "F",
		              "applicant.permanent_address": "1 Hàng Bạc", "applicant.phone": "0912345678",
		              "confirmation.purpose": "vay vốn"}}' |
		sed -n 's/^{"code": *"\([^"]*\)".*/\1/p'
}

ENV="MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' XDG_DATA_HOME='$XDG_DATA_HOME' MOTCUA_CONFIG=/dev/null MOTCUA_PASSWORD=motcua-demo"
CLIENT="$MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"

LOG=$SBX_DIR/notifications
READY=$SBX_DIR/notifyd.ready
BELLS=$SBX_DIR/bells
: >"$LOG"

# --- a session bus with a notification server: desktop notifications ---
start 100 30 -- "dbus-run-session -- sh -c \"'$NOTIFYD' '$LOG' '$READY' & i=0; while [ ! -s '$READY' ] && [ \\\$i -lt 200 ]; do sleep 0.05; i=\\\$((i + 1)); done; env $ENV $CLIENT\""
check "logged in" wait_for "online"
check "the first sync is done" wait_synced
deadlines_told() { [ -s "$LOG" ]; }
check "the deadlines near at the first sync were told" eventually deadlines_told
code=$(intake 1)
check "the sandbox took an intake ($code)" test -n "$code"
keys C-r
check "the status line tells the new dossier" wait_for "1 new dossier: $code"
check "the notification server was told it, by code and procedure" \
	eventually grep -q "^1 new dossier	$code  Xác nhận thông tin về cư trú" "$LOG"
keys q
check "q quits" wait_for "[exit 0]"
# the client is gone: all it told is in the log
check "the first sync announced no arrivals: the intake is the only one" \
	test "$(grep -c "new dossier" "$LOG")" = 1
if grep -qF "Riêng Tư" "$LOG"; then not_ok "no applicant's name on the desktop"; else ok "no applicant's name on the desktop"; fi
told=$(grep -c . "$LOG")

# --- no session bus: the bell and the status line; a restart repeats nothing ---
# Filed before the restart, it is the one arrival the first sync after it
# tells; anything told before the restart and told again would take the
# status line or ring a second bell. The bell is watched before the client
# starts: it waits for the go file.
code2=$(intake 2)
check "another intake ($code2)" test -n "$code2"
GO=$SBX_DIR/go
start 100 30 -- "sh -c \"while [ ! -e '$GO' ]; do sleep 0.05; done; exec env -u DBUS_SESSION_BUS_ADDRESS $ENV $CLIENT\""
tm set-option -g monitor-bell on
tm set-hook -g alert-bell "run-shell 'echo bell >> $BELLS'"
: >"$GO"
check "restarted without a bus: logged in" wait_for "online"
check "no bus: the status line tells the new dossier" wait_for "1 new dossier: $code2"
check "with its procedure" wait_for "Xác nhận thông tin về cư trú"
if pane | grep -qF "Riêng Tư"; then not_ok "the applicant's name is not on the screen"; else ok "the applicant's name is not on the screen"; fi
bell_rang() { [ "$(grep -c bell "$BELLS" 2>/dev/null)" = 1 ]; }
check "the bell rang once" eventually bell_rang
keys q
check "q quits" wait_for "[exit 0]"
check "terminal restored" restored
check "the desktop was not told (no bus)" test "$(grep -c . "$LOG")" = "$told"
check "the bell rang once, no more" bell_rang

finish
