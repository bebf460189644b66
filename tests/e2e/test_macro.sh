#!/bin/sh
# Macros against a real sandbox. A clerk records a birth registration by
# hand (F9 ... F9), names it and gives it F5: it is saved in the settings
# file. The client is restarted and F5 replays it, on loopback and over a
# sandbox that answers slowly (--latency 600 --bandwidth 8000): each key
# waits for what the one before started (the form loading, the register's
# answer, the intake being sent), so the server ends with the same dossier
# all three times. Then a refusal inside a macro asks y/n (no stops the
# macro, yes refuses), and a macro that meets an action the clerk may not do
# stops there, saying which step and what it had typed.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_PASSWORD=motcua-demo
RC=$SBX_DIR/motcuarc
SLOW=120	# seconds: a form, two lookups and an intake at 600 ms a reply

m() { XDG_DATA_HOME="$SBX_DIR/batch-$1" "$MOTCUA" -p sandbox-reference -s "$2" -u tiepnhan1 show "$3"; }
# The server's dossier as batch mode shows it, without its code and the
# times of its log (the same intake made twice differs in those only).
end_state() { m "$1" "$2" "$3" | sed -e '/^Dossier /d' -e '/^Log:/,$d'; }

runs=0
client() {			# URL [USER]: a fresh store each time
	runs=$((runs + 1))
	start 100 30 -- "MOTCUA_CONFIG='$RC' MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' XDG_DATA_HOME='$SBX_DIR/xdg-$runs' $MOTCUA -p sandbox-reference -s $1 -u ${2:-tiepnhan1}"
	wait_for "Inbox (" "$SLOW" && wait_for "data now" "$SLOW"
}

new_code() {
	wait_for "Appointment: " "$SLOW" >/dev/null
	pane | sed -n 's/.*Dossier code: \([^ ]*\).*/\1/p' | head -n 1
}

printf 'set lock-after 0\n' >"$RC"
sandbox_start --db "$SBX_DIR/fast.db" --clock "$CLOCK" --freeze-clock \
	--dossiers 60 --citizens 300 --enterprises 40 || exit 1
FAST=$SBX_URL

# --- recording, by hand, waiting as a clerk does ---
client "$FAST" || { not_ok "the client starts"; finish; exit; }
keys F9
check "F9 starts recording" wait_for "Recording a macro: <F9> stops it"
keys n
wait_for "Procedure code:"
keys -l 1.001193
keys Enter
wait_for "Received now, due"
keys -l 001085012345
wait_for "found in the register: 7 fields filled"
keys F2 Space F2
keys -l "Nguyễn Minh Khôi"; keys F2
keys -l 01/10/2025; keys F2
keys Space F2
keys -l "Bệnh viện Phụ sản Hà Nội"; keys F2
keys -l Kinh; keys F2
keys -l "Việt Nam"; keys F2
keys -l 036188004567
wait_for "found in the register: 5 fields filled"
keys F10
check "the recorded intake is received" wait_for "Dossier received."
by_hand=$(new_code)
keys F9
check "F9 stops: the keys are shown, a description asked for" wait_for "Recorded on the inbox screen:"
check "the recording holds the keys as key names" wait_for "n1.001193<Enter>001085012345<F2> <F2>"
keys -l "Birth registration (recorded)"
keys Enter
check "then the key that runs it" wait_for "Press the key that will run it"
keys F9
check "not the record key" wait_for "<F9> records macros: press another key."
keys F5
check "the macro is saved in the settings file" wait_for "Macro <F5> of the inbox screen saved in"
check "as a macro line the settings file reads back" \
	grep -q '^macro inbox "<F5>" "n1.001193<Enter>001085012345<F2> <F2>Nguyễn Minh Khôi<F2>.*<F10>" "Birth registration (recorded)"$' "$RC"
check "the settings file stays private (0600)" test "$(stat -c %a "$RC")" = 600
check "the macros screen lists it" wait_for "Birth registration (recorded)"
keys q q q
check "q quits" wait_for "[exit 0]"

# --- replay after a restart, on loopback ---
client "$FAST" || not_ok "the client starts again"
keys F5
check "F5 replays it: the intake is received" wait_for "Dossier received." "$SLOW"
check "the macro says it is done" wait_for "Macro <F5> done"
fast=$(new_code)
check "a new dossier, not the recorded one ($fast)" test -n "$fast" -a "$fast" != "$by_hand"
end_state fast "$FAST" "$by_hand" >"$SBX_DIR/state.hand"
end_state fast "$FAST" "$fast" >"$SBX_DIR/state.fast"
check "the server has the same dossier as the one made by hand" \
	sh -c "grep -q 'Nguyễn Văn An (001085012345)' '$SBX_DIR/state.fast' && cmp -s '$SBX_DIR/state.hand' '$SBX_DIR/state.fast'"
keys q q
check "q quits after the replay" wait_for "[exit 0]"

# --- replay over a slow link: 600 ms a reply, 8000 bytes a second ---
sandbox_start --db "$SBX_DIR/slow.db" --clock "$CLOCK" --freeze-clock \
	--dossiers 60 --citizens 300 --enterprises 40 --latency 600 --bandwidth 8000 || exit 1
SLOWURL=$SBX_URL
client "$SLOWURL" || not_ok "the client starts on the slow link"
keys F5
check "over the slow link the intake is received" wait_for "Dossier received." "$SLOW"
slow=$(new_code)
end_state slow "$SLOWURL" "$slow" >"$SBX_DIR/state.slow"
check "the slow server has the same dossier as the fast one ($slow)" \
	cmp -s "$SBX_DIR/state.fast" "$SBX_DIR/state.slow"
if ! cmp -s "$SBX_DIR/state.fast" "$SBX_DIR/state.slow"; then
	diff "$SBX_DIR/state.fast" "$SBX_DIR/state.slow" | sed 's/^/# /'
fi
keys q q
check "q quits after the slow replay" wait_for "[exit 0]"

# --- a refusal in a macro still asks y/n ---
status_of() { m fast "$FAST" "$1" | sed -n 's/^Status  *\([0-9]*\) .*/\1/p'; }
status_is() { [ "$(status_of "$1")" = "$2" ]; }
pane_has() { pane | grep -Eq -- "$1"; }
new_online() { XDG_DATA_HOME="$SBX_DIR/batch-fast" "$MOTCUA" -p sandbox-reference -s "$FAST" -u tiepnhan1 list --status 1 | sed -n "${1}p" | cut -f1; }
open_dossier() {
	keys '#'
	keys -l "${1#*-}"
	keys Enter Enter
	wait_for "Dossier $1" && wait_gone "Loading the whole dossier" && eventually pane_has '^You can: [^n]'
}
cat >>"$RC" <<'EOF'
macro dossier <F4> "xHồ sơ không thuộc thẩm quyền<Enter>" "Refuse: not ours"
macro dossier <F3> "aĐủ giấy tờ<Enter>Anhung<Enter>" "Accept and assign"
EOF
one=$(new_online 2) two=$(new_online 3)
client "$FAST" || not_ok "the client starts with the new macros"
check "open a new online dossier ($one)" open_dossier "$one"
keys F4
check "the refusal asks y/n inside the macro" wait_for "y / n"
check "the status bar says the macro waits for the clerk" wait_for "Macro <F4> waits for your answer"
keys n
check "no stops the macro, saying so" wait_for "you answered no"
check "and nothing reached the server" status_is "$one" 1
keys Escape
wait_for "discard what you typed"
keys y
wait_for "Dossier $one"
keys F4
wait_for "y / n"
keys y
check "yes: the macro goes on and the server has it refused" eventually status_is "$one" 3
check "and the macro is done" wait_for "Macro <F4> done"

# --- a macro stops at a refusal and says which step ---
keys q
wait_for "Inbox ("
check "open another ($two)" open_dossier "$two"
keys F3
check "the macro stops at the assignment the clerk may not do: step 13 of 19, the key A" \
	wait_for "Macro <F3> stopped at step 13 of 19 (A): Assign: not allowed" "$SLOW"
check "it says what it had typed" wait_for "It had typed: aĐủ giấy tờ<Enter>"
check "what it did before stays done: accepted on the server" status_is "$two" 2
check "the keys after the stop were not typed" shows_not "Assign to"
keys q q
check "q quits" wait_for "[exit 0]"
finish
