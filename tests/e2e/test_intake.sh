#!/bin/sh
# Reception at the desk, against a real sandbox in each dialect: a birth
# registration filled from the population register (An and his wife Bình
# of the training data), a household business change with an enterprise
# lookup, the joint under-6 procedure as one form, an invalid ID number
# refused with a clear sentence, and an intake made while the link is down
# (the sandbox stopped), delivered once it is restarted on the same port.
# Each created dossier's due date is read back from the server.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'	# a Wednesday: same-day procedures are due 14:00

batch() { MOTCUA_PASSWORD=motcua-demo "$MOTCUA" -p "$PROFILE" -s "$SBX_URL" -u tiepnhan1 "$@"; }

client() {
	# the desk printer: a file
	printf 'set print-command "cat > %s"\n' "$SBX_DIR/printed-$PROFILE" >"$SBX_DIR/motcuarc"
	start 80 24 -- "MOTCUA_CONFIG='$SBX_DIR/motcuarc' MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' XDG_DATA_HOME='$XDG_DATA_HOME' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p $PROFILE -s $SBX_URL -u tiepnhan1"
	# the first sync's notices ("N dossiers due today") would take the
	# status line from the messages the form's checks wait for
	wait_for "Inbox (" 30 && wait_synced
}

# open_form CODE: n in the inbox, the code, Enter: the procedure's form.
open_form() {
	keys n
	wait_for "Procedure code:" || return 1
	keys -l "$1"
	keys Enter
	wait_for "Intake $1" && wait_for "Received now, due"
}

# The new dossier's code, from the result screen, once the line under it
# (the appointment) is drawn.
new_code() {
	wait_for "Appointment: " >/dev/null
	pane | sed -n 's/.*Dossier code: \([^ ]*\).*/\1/p' | head -n 1
}

# due_on_server CODE TEXT: the server's dossier is due at TEXT (HH:MM dd/mm/yyyy).
due_on_server() { batch show "$1" | grep -q "^Due  *$2\$"; }

# The applicant (An) found; the child typed; the mother (Bình) found.
birth_block() {
	keys -l 001085012345
	wait_for "found in the register: 7 fields filled" || return 1
	keys F2 Space F2			# relationship: Cha
	keys -l "Nguyễn Minh Khôi"; keys F2
	keys -l 01/10/2025; keys F2
	keys Space F2				# the child's sex: M
	keys -l "Bệnh viện Phụ sản Hà Nội"; keys F2
	keys -l Kinh; keys F2
	keys -l "Việt Nam"; keys F2
	keys -l 036188004567
	wait_for "Nam Định, female, born 1988" && wait_for "found in the register: 5 fields filled"
}

scenarios() {
	PROFILE=$1
	XDG_DATA_HOME=$SBX_DIR/xdg-$PROFILE
	sandbox_start --db "$SBX_DIR/db-$PROFILE" --clock "$CLOCK" --freeze-clock \
		--dialect "$2" --dossiers 300 --citizens 300 --enterprises 40 || return 1
	client || { not_ok "$PROFILE: the client starts"; return 1; }

	# --- birth registration, an invalid ID number first ---
	check "$PROFILE: n opens the birth registration's form" open_form 1.001193
	check "$PROFILE: the appointment is computed before anything is typed" \
		wait_for "Received now, due 14:"
	keys -l 0010850123x5
	keys Tab
	check "$PROFILE: an invalid ID number is refused with why, under the field" \
		wait_for "✗ ID number may contain only digits, found \"x\" at position 11"
	keys F10
	check "$PROFILE: F10 does not send it and says how many problems" wait_for "problems; the first:"
	keys C-u
	check "$PROFILE: the applicant is found and 7 fields are filled" birth_block
	keys Tab
	check "$PROFILE: filled fields are marked as national data" wait_for "◆ Họ, chữ đệm và tên của mẹ"
	keys F2
	check "$PROFILE: nothing left to complete" wait_for "no problem: the form can be submitted"
	keys F10
	check "$PROFILE: received: the dossier's code" wait_for "Dossier received."
	check "$PROFILE: and the appointment from the server" wait_for "Appointment: 14:00 Wed 15/10/2025"
	code=$(new_code)
	check "$PROFILE: the server has it due 14:00 15/10/2025" due_on_server "$code" "14:00 15/10/2025"
	check "$PROFILE: with the identity paper replaced by national data" \
		sh -c "MOTCUA_PASSWORD=motcua-demo '$MOTCUA' -p $PROFILE -s $SBX_URL -u tiepnhan1 show $code | grep -q 'national data.*Giấy tờ tùy thân'"
	check "$PROFILE: the receipt shows under the result" wait_for "RECEIPT OF DOSSIER AND APPOINTMENT"
	keys p
	check "$PROFILE: p prints it" wait_for "Receipt sent to the printer"
	check "$PROFILE: the printed receipt has the code and the due time" eventually \
		sh -c "grep -q 'Dossier code: $code' '$SBX_DIR/printed-$PROFILE' && grep -q 'Result due at: 14:00 15/10/2025' '$SBX_DIR/printed-$PROFILE'"
	keys q

	# --- household business change: the enterprise register ---
	check "$PROFILE: the household business change's form" open_form 2.000720
	keys -l 001196023456
	check "$PROFILE: its owner is found" wait_for "found in the register: 7 fields filled"
	keys F2
	keys -l 8012345677
	check "$PROFILE: the tax code fills the business from the enterprise register" \
		wait_for "Hộ kinh doanh Gốm sứ Thu Trang"
	keys F2
	keys -l "Bổ sung ngành nghề bán lẻ gốm sứ"
	keys F10
	check "$PROFILE: received" wait_for "Dossier received."
	check "$PROFILE: due in 3 working days" wait_for "Appointment: 10:00 Mon 20/10/2025"
	code=$(new_code)
	check "$PROFILE: the server agrees" due_on_server "$code" "10:00 20/10/2025"
	keys q

	# --- the joint under-6 procedure: one form, one dossier ---
	check "$PROFILE: the joint procedure's form" open_form SBX.LT1
	check "$PROFILE: one form for its parts" wait_for "Joint procedure, one form for: Đăng ký khai sinh + Đăng ký thường trú"
	check "$PROFILE: the cached applicant fills at once" birth_block
	keys F2
	keys -l "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm"; keys F2
	keys -l "Bệnh viện Đa khoa Hà Nội"
	keys F10
	check "$PROFILE: received as one dossier" wait_for "Dossier received."
	check "$PROFILE: due in 3 working days" wait_for "Appointment: 10:00 Mon 20/10/2025"
	code=$(new_code)
	check "$PROFILE: the server agrees" due_on_server "$code" "10:00 20/10/2025"
	keys q

	# --- the link down: stopped, the intake queued, delivered later ---
	port=${SBX_URL##*:}
	sandbox_stop
	check "$PROFILE: a form while the server is down" open_form 1.001193
	keys -l 001085012345
	check "$PROFILE: the cached applicant still fills" wait_for "7 fields filled"
	keys F2 Space F2
	keys -l "Nguyễn Minh Châu"; keys F2
	keys -l 02/10/2025; keys F2
	keys Space Right F2
	keys -l "Bệnh viện Phụ sản Hà Nội"; keys F2
	keys -l Kinh; keys F2
	keys -l "Việt Nam"; keys F2
	keys -l 036188004568
	check "$PROFILE: the lookup is noted as not done" wait_for "lookup not done" 60
	check "$PROFILE: and the form says so" wait_for "Offline: national data not looked up"
	keys F2
	keys -l "Trần Thị Bình"; keys F2
	keys -l 03/09/1988; keys F2
	keys -l Kinh; keys F2
	keys -l "Việt Nam"; keys F2
	keys -l "Số 12 phố Hàng Bạc"
	keys F10
	check "$PROFILE: queued while the link is down" wait_for "Queued: it will be sent when the link is back."
	SBX_LISTEN=127.0.0.1:$port sandbox_start --db "$SBX_DIR/db-$PROFILE" --dialect "$2" || return 1
	check "$PROFILE: delivered once the server is back" wait_for "Dossier received." 90
	code=$(new_code)
	check "$PROFILE: the server has it, due by its own clock" due_on_server "$code" "14:00 15/10/2025"
	keys q q
	check "$PROFILE: quits cleanly" wait_for "[exit 0]"
	sandbox_stop
}

for d in ${E2E_DIALECTS:-reference portal}; do
	scenarios sandbox-$d $d
done
finish
